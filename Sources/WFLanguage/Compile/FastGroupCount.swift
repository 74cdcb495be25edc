import Foundation
import WFStore

/// The commonest scan, `KIND | where .a >= x and .b == y | group by .k { n: count() }`, as one
/// sequential pass with no branch per row: each row adds 0 or 1 to the counter of its key.
/// The condition is one or two ranges of cell values (every comparison but `!=` is a range that
/// leaves out null), tested as `UInt32(v - lo) <= UInt32(hi - lo)`. The block path of
/// `ColumnGroup.run` first writes the passing rows and their group ids to buffers and reads
/// them back; this pass reads each column once and writes one counter per row.
/// Used only when it gives the same answer: every row of an unchanged kind (no deletions, no
/// changed or appended cells in the columns read), counts only, keys within a span of 64 K.
extension ColumnGroup {
    /// A test `lo <= cell <= hi` on one column (so never true for null, which is `Int32.min`).
    struct CellRange {
        let field: FieldID
        var lo: Int32
        var hi: Int32
    }

    /// The condition as at most `limit` ranges (one per field), or nil when it is not a
    /// conjunction of ranges.
    static func ranges(_ p: RowPredicate?, atMost limit: Int = 2) -> [CellRange]? {
        guard let p else { return [] }
        var out: [CellRange] = []
        func narrow(_ r: CellRange) -> Bool {
            if let i = out.firstIndex(where: { $0.field == r.field }) {
                out[i].lo = Swift.max(out[i].lo, r.lo)
                out[i].hi = Swift.min(out[i].hi, r.hi)
            } else {
                out.append(r)
            }
            return true
        }
        func add(_ p: RowPredicate) -> Bool {
            switch p {
            case .and(let a, let b): return add(a) && add(b)
            case .compare(let f, let op, let c):
                var r = CellRange(field: f, lo: Int32.min + 1, hi: Int32.max)
                switch op {
                case .eq: r.lo = c; r.hi = c
                case .lt: guard c > Int32.min + 1 else { return false }; r.hi = c - 1
                case .le: r.hi = c
                case .gt: guard c < Int32.max else { return false }; r.lo = c + 1
                case .ge: r.lo = Swift.max(c, Int32.min + 1)
                default: return false
                }
                return narrow(r)
            case .isNull(let f, false):
                // Every cell but the null one, `Int32.min`.
                return narrow(CellRange(field: f, lo: Int32.min + 1, hi: Int32.max))
            default: return false
            }
        }
        guard add(p), out.count <= limit else { return nil }
        return out
    }

    /// The answer by the single pass, or nil when the shape or the store's state needs the block path.
    /// - Complexity: O(rows) reads of the key and condition columns, O(key span) memory.
    func countInOnePass(_ rt: Runtime, _ store: Store, _ set: NodeSet, _ filter: RowPredicate?,
                        keyName: String, names: [String], span: Span) throws -> Value? {
        guard set.rows == nil, store[set.kind].deleted.isEmpty,
              aggregates.allSatisfy({ if case .count = $0 { return true } else { return false } }),
              let ranges = ColumnGroup.ranges(filter) else { return nil }
        let keyColumn = store.column(key)
        guard keyColumn.isPristine, keyColumn.tail.isEmpty else { return nil }
        var tests: [(cells: ContiguousArray<Int32>, lo: Int32, width: UInt32)] = []
        // A range on the key itself is not tested per row: every key is counted, and the
        // counters of keys outside the range are dropped afterwards (`where .year >= 1970 |
        // group by .year` reads one column instead of two).
        var keyRange: CellRange?
        for r in ranges {
            let c = store.column(r.field)
            guard c.isPristine, c.tail.isEmpty, r.lo <= r.hi else { return r.lo > r.hi ? emptyAnswer() : nil }
            if r.field == key { keyRange = r; continue }
            tests.append((c.base, r.lo, UInt32(bitPattern: r.hi &- r.lo)))
        }
        let keys = keyColumn.base
        let n = keys.count
        guard tests.allSatisfy({ $0.cells.count == n }) else { return nil }
        // Counters by key, over a span first guessed from the first block and widened (by
        // doubling) when a key falls outside it, so the column is read once. Counter `width`
        // is the null key's.
        // A span an earlier pass over the whole column found covers every key: no key is
        // checked against it.
        let known = store.knownSpan(key)
        var (lo, hi) = known ?? keys.withUnsafeBufferPointer { ColumnGroup.keySpan(UnsafeBufferPointer(rebasing: $0[0..<Swift.min(n, ColumnGroup.blockRows)])) }
        if lo > hi { lo = 0; hi = 0 }
        var width = Int(hi) - Int(lo) + 1
        guard width <= GroupIds.denseSpan else { return nil }
        // A large table is counted in parts on separate cores, each part with counters of its
        // own, added up at the end.
        let parts = n >= ColumnGroup.parallelRows ? ColumnGroup.cores : 1
        // Part `p`'s counters are `counts[p * (width + 1) ..< (p + 1) * (width + 1)]`.
        var counts = [Int](repeating: 0, count: parts * (width + 1))
        let unit = tests.isEmpty ? nil : tests[0], second = tests.count > 1 ? tests[1] : nil
        var widened = true
        try keys.withUnsafeBufferPointer { k in
            try withCells(unit?.cells) { a in
                try withCells(second?.cells) { b in
                    var start = 0
                    while start < n {
                        let end = Swift.min(n, start + ColumnGroup.blockRows * 16)
                        // Each part's share of the block, and how far it has got.
                        let share = (end - start + parts - 1) / parts
                        var from = (0..<parts).map { Swift.min(end, start + $0 * share) }
                        let to = (0..<parts).map { Swift.min(end, start + ($0 + 1) * share) }
                        while (0..<parts).contains(where: { from[$0] < to[$0] }) {
                            let (l, w) = (lo, width)
                            let stride = w + 1
                            counts.withUnsafeMutableBufferPointer { all in
                                guard let base = all.baseAddress else { return }
                                func count(_ p: Int) -> Int {
                                    let counter = UnsafeMutableBufferPointer(start: base + p * stride, count: stride)
                                    if known != nil, unit == nil {
                                        ColumnGroup.countCovered(from[p]..<to[p], k, l, w, counter)
                                        return to[p]
                                    }
                                    return ColumnGroup.countRange(from[p]..<to[p], k, l, w, counter,
                                                                  a, unit?.lo ?? 0, unit?.width ?? 0, b, second?.lo ?? 0, second?.width ?? 0)
                                }
                                if parts == 1 { from[0] = count(0); return }
                                var reached = from
                                reached.withUnsafeMutableBufferPointer { out in
                                    DispatchQueue.concurrentPerform(iterations: parts) { p in out[p] = count(p) }
                                }
                                from = reached
                            }
                            // A part stopped at a key outside the span: widen every part's
                            // counters to cover it, or give up past 64 K keys.
                            for p in 0..<parts where from[p] < to[p] {
                                guard let (newLo, newWidth) = ColumnGroup.span(lo, width, covering: k[from[p]]) else { widened = false; return }
                                counts = ColumnGroup.regrid(counts, parts: parts, from: lo, width, to: newLo, newWidth)
                                (lo, width) = (newLo, newWidth)
                            }
                        }
                        try rt.tick(span)
                        try rt.pollCancel(span)
                        start = end
                    }
                }
            }
        }
        guard widened else { return nil }
        // The parts' counters added up into the first's.
        for p in 1..<parts { for i in 0...width { counts[i] &+= counts[p * (width + 1) + i] } }
        counts.removeLast((parts - 1) * (width + 1))
        // Every row was counted: the keys found are the column's span, for the next pass.
        if known == nil, tests.isEmpty, let first = counts[0..<width].firstIndex(where: { $0 > 0 }),
           let last = counts[0..<width].lastIndex(where: { $0 > 0 }) {
            store.rememberSpan(key, lo: Int32(truncatingIfNeeded: Int(lo) + first), hi: Int32(truncatingIfNeeded: Int(lo) + last))
        }
        if let r = keyRange {
            counts[width] = 0
            for slot in 0..<width where Int(lo) + slot < Int(r.lo) || Int(lo) + slot > Int(r.hi) { counts[slot] = 0 }
        }
        let keyTest = keyRange.map { (cells: keys, lo: $0.lo, width: UInt32(bitPattern: $0.hi &- $0.lo)) }
        let orderTests = tests + (keyTest.map { [$0] } ?? [])
        var remaining = counts.reduce(0) { $0 + ($1 > 0 ? 1 : 0) }
        var seen = [Bool](repeating: false, count: width + 1)
        var order: [Int] = []
        keys.withUnsafeBufferPointer { k in
            var i = 0
            while i < n && remaining > 0 {
                var pass = true
                for t in orderTests where pass { pass = UInt32(bitPattern: t.cells[i] &- t.lo) <= t.width }
                if pass {
                    let c = k[i]
                    let slot = c == nullCell ? width : Int(c) - Int(lo)
                    if !seen[slot] { seen[slot] = true; order.append(slot); remaining -= 1 }
                }
                i += 1
            }
        }
        var out: [Value] = []
        out.reserveCapacity(order.count)
        for slot in order {
            let cell = slot == width ? nullCell : Int32(truncatingIfNeeded: Int(lo) + slot)
            var rec = Record(keys: [keyName], values: [Navigation.cellValue(store, key, cell)])
            if names.isEmpty {
                rec.set("count", .int(Int64(counts[slot])))
            } else {
                for name in names { rec.set(name, .int(Int64(counts[slot]))) }
            }
            out.append(.record(rec))
        }
        return .list(out)
    }

    /// No row can pass (an empty range): no groups.
    private func emptyAnswer() -> Value { .list([]) }

    /// Counts the rows of `range` whose cells fall in the ranges of `a` and `b` (nil: no test)
    /// by key, until a key falls outside `lo ..< lo + width`; returns where it stopped
    /// (`range.upperBound` when it did not). Branch-free but for that rare exit: the result of
    /// the tests is added, 0 or 1.
    @inline(__always) static func countRange(_ range: Range<Int>, _ keys: UnsafeBufferPointer<Int32>, _ lo: Int32, _ width: Int,
                                             _ counter: UnsafeMutableBufferPointer<Int>,
                                             _ a: UnsafeBufferPointer<Int32>?, _ aLo: Int32, _ aWidth: UInt32,
                                             _ b: UnsafeBufferPointer<Int32>?, _ bLo: Int32, _ bWidth: UInt32) -> Int {
        // Null counts at `width`; any other key maps to its offset, out of range from `width` on
        // (so a key never lands on the null's counter).
        @inline(__always) func slot(_ c: Int32) -> UInt { c == nullCell ? UInt(width) : UInt(bitPattern: Int(c) &- Int(lo)) }
        let top = UInt(width)
        @inline(__always) func outside(_ s: UInt, _ c: Int32) -> Bool { s >= top && c != nullCell }
        switch (a, b) {
        case (let a?, let b?):
            for i in range {
                let c = keys[i], s = slot(c)
                if outside(s, c) { return i }
                let pass = RowPredicate.one(UInt32(bitPattern: a[i] &- aLo) <= aWidth) & RowPredicate.one(UInt32(bitPattern: b[i] &- bLo) <= bWidth)
                counter[Int(s)] &+= pass
            }
        case (let a?, nil):
            for i in range {
                let c = keys[i], s = slot(c)
                if outside(s, c) { return i }
                counter[Int(s)] &+= RowPredicate.one(UInt32(bitPattern: a[i] &- aLo) <= aWidth)
            }
        default:
            for i in range {
                let c = keys[i], s = slot(c)
                if outside(s, c) { return i }
                counter[Int(s)] &+= 1
            }
        }
        return range.upperBound
    }

    /// `countRange` with no test and a span known to cover every key: a key's counter is its
    /// offset, a null's (whose offset wraps past `width`) is `width`; nothing is checked per row.
    @inline(__always) static func countCovered(_ range: Range<Int>, _ keys: UnsafeBufferPointer<Int32>, _ lo: Int32, _ width: Int,
                                               _ counter: UnsafeMutableBufferPointer<Int>) {
        let top = UInt(width)
        for i in range {
            counter[Int(Swift.min(UInt(bitPattern: Int(keys[i]) &- Int(lo)), top))] &+= 1
        }
    }

    /// Rows from which a one-pass count is split across cores: below it, starting the threads
    /// costs more than they save. Tests lower it to run the parts on the demo county.
    static var parallelRows = 1 << 18
    /// Parts a large count is split into: the machine's cores, at most 8.
    static let cores = Swift.max(1, Swift.min(8, ProcessInfo.processInfo.activeProcessorCount))

    /// The key span `lo ..< lo + width` doubled towards `key` until it covers it; nil past 64 K keys.
    static func span(_ lo: Int32, _ width: Int, covering key: Int32) -> (Int32, Int)? {
        let needLo = Swift.min(Int(lo), Int(key)), needHi = Swift.max(Int(lo) + width - 1, Int(key))
        guard needHi - needLo < GroupIds.denseSpan else { return nil }
        let newWidth = Swift.min(GroupIds.denseSpan, Swift.max(2 * width, needHi - needLo + 1))
        let minKey = Int(Int32.min) + 1
        let newLo = Int(key) < Int(lo) ? Swift.max(needHi - newWidth + 1, minKey) : needLo
        return (Int32(newLo), newWidth)
    }

    /// Each of `parts` runs of counters over the key span `oldLo ..< oldLo + oldWidth` (null's
    /// counter last) moved to the wider span `lo ..< lo + width`.
    /// - Complexity: O(parts × width).
    static func regrid(_ counts: [Int], parts: Int, from oldLo: Int32, _ oldWidth: Int, to lo: Int32, _ width: Int) -> [Int] {
        var grown = [Int](repeating: 0, count: parts * (width + 1))
        for p in 0..<parts {
            let old = p * (oldWidth + 1), new = p * (width + 1)
            for i in 0..<oldWidth { grown[new + Int(oldLo) + i - Int(lo)] = counts[old + i] }
            grown[new + width] = counts[old + oldWidth]
        }
        return grown
    }

    /// The smallest and largest non-null key (`lo > hi` when there is none), eight lanes at a
    /// time (`SIMD8`). Null is `Int32.min`, so it never raises the largest; for the smallest it
    /// is read as `Int32.max`.
    static func keySpan(_ k: UnsafeBufferPointer<Int32>) -> (Int32, Int32) {
        var vlo = SIMD8<Int32>(repeating: .max), vhi = SIMD8<Int32>(repeating: .min)
        let null = SIMD8<Int32>(repeating: nullCell), top = SIMD8<Int32>(repeating: .max)
        let whole = k.count & ~7
        var i = 0
        while i < whole {
            let v = SIMD8<Int32>(k[i], k[i + 1], k[i + 2], k[i + 3], k[i + 4], k[i + 5], k[i + 6], k[i + 7])
            vlo = pointwiseMin(vlo, top.replacing(with: v, where: v .!= null))
            vhi = pointwiseMax(vhi, v)
            i &+= 8
        }
        var lo = vlo.min(), hi = vhi.max()
        while i < k.count {
            let c = k[i]
            if c != nullCell { lo = Swift.min(lo, c) }
            hi = Swift.max(hi, c)
            i &+= 1
        }
        return (lo, hi)
    }
}

/// Calls `body` with `cells`' memory, or with nil.
@inline(__always) private func withCells<R>(_ cells: ContiguousArray<Int32>?, _ body: (UnsafeBufferPointer<Int32>?) throws -> R) rethrows -> R {
    guard let cells else { return try body(nil) }
    return try cells.withUnsafeBufferPointer { try body($0) }
}
