import WFStore

/// Column-at-a-time evaluation of a `RowPredicate`: each comparison is one tight loop over a
/// column's base array producing a sorted selection of row ids, `and` narrows a selection,
/// `or` and `not` merge two. No closure is called per row, so a filter over ten million rows
/// runs at close to the speed of reading the column.
extension RowPredicate {
    /// The rows among `input` (ascending) for which the predicate holds, ascending.
    /// - Complexity: O(input) per comparison, plus O(result) merges for `or` and `not`.
    func select(_ store: Store, _ input: Selection) -> ContiguousArray<Int32> {
        switch self {
        case .compare(let f, let op, let c):
            return RowPredicate.scan(store.column(f), op, c, input)
        case .isNull(let f, let wantNull):
            return RowPredicate.scan(store.column(f), wantNull ? .eq : .ne, nullCell, input, nullIsValue: true)
        case .text(let f, let op, let s):
            guard let id = store.strings.lookup(s) else { return op == .ne ? input.materialized : [] }
            return RowPredicate.scan(store.column(f), op, id, input)
        case .and(let a, let b):
            if input.count >= RowPredicate.rangesFromRows, let rows = selectRanges(store, input) { return rows }
            return b.select(store, .rows(a.select(store, input)))
        case .or(let a, let b):
            return RowPredicate.union(a.select(store, input), b.select(store, input))
        case .not(let a):
            return RowPredicate.difference(input.materialized, a.select(store, input))
        case .through(let edge, let target, let p):
            let test = ThroughTest(store, edge, target, p)
            return RowPredicate.selectRows(input) { test.holds($0) }
        case .contains(let f, let text):
            let test = TextContainsTest(store, f, text, rows: input.count)
            input.withBlockInput { test.prepare($0) }
            return RowPredicate.selectRows(input) { test.holds($0) }
        }
    }

    /// A conjunction of comparisons as ranges, one per column: the first range picks rows
    /// (`scan`, which reads sparse blocks with a branch), and the others are tested together
    /// on those in place. Narrowing once per comparison read and wrote the selection once per
    /// comparison: people born in one decade, at nation scale, took 33 ms that way and 4 ms
    /// this way. Nil when the condition is not such a conjunction or a column has changed.
    private func selectRanges(_ store: Store, _ input: Selection) -> ContiguousArray<Int32>? {
        guard let ranges = ColumnGroup.ranges(self, atMost: 4), !ranges.isEmpty else { return nil }
        var columns: [Column] = []
        for r in ranges {
            let column = store.column(r.field)
            guard column.isPristine, column.tail.isEmpty else { return nil }
            guard r.lo <= r.hi else { return [] }
            columns.append(column)
        }
        let head = ranges[0], width = UInt32(bitPattern: head.hi &- head.lo)
        var rows = RowPredicate.scan(columns[0], input) { UInt32(bitPattern: $0 &- head.lo) <= width }
        guard ranges.count > 1 else { return rows }
        // The cells' addresses outlive `withUnsafeBufferPointer` while `columns` holds the
        // unchanged arrays, as `ColumnCache` relies on.
        let bases = columns.map(\.base)
        let tests = zip(bases, ranges).dropFirst().map { base, r in
            CellRangeTest(cells: base.withUnsafeBufferPointer { $0 }, range: r)
        }
        let kept = withExtendedLifetime(bases) {
            rows.withUnsafeMutableBufferPointer { ids in
                ids.baseAddress.map { CellRangeTest.narrow($0, ids.count, by: tests[...]) } ?? 0
            }
        }
        rows.removeLast(rows.count - kept)
        return rows
    }

    /// One comparison over a column. Null cells match only `!=` (as `Value.compare` treats
    /// them), unless `nullIsValue` compares the null sentinel itself (for `== null`).
    /// - Complexity: O(input), one pass; the result is written into one allocation of the
    ///   input's size without a capacity or uniqueness check per row.
    static func scan(_ column: Column, _ op: BinaryOp, _ c: Int32, _ input: Selection, nullIsValue: Bool = false) -> ContiguousArray<Int32> {
        // `v` is compared with `c`; a null cell fails an ordering unless `nullIsValue`.
        let nullFails = !nullIsValue
        switch op {
        case .eq: return scan(column, input) { $0 == c }
        case .ne: return scan(column, input) { $0 != c }
        case .lt: return scan(column, input) { $0 < c && !(nullFails && $0 == nullCell) }
        case .le: return scan(column, input) { $0 <= c && !(nullFails && $0 == nullCell) }
        case .gt: return scan(column, input) { $0 > c && !(nullFails && $0 == nullCell) }
        default: return scan(column, input) { $0 >= c && !(nullFails && $0 == nullCell) }
        }
    }

    /// The rows of `input` whose cell passes `keep`, ascending. Specialised per operator by
    /// inlining, so the loop body is a compare and a branch-free store: every row id is written
    /// and the write position advances only when the row is kept.
    @inline(__always) static func scan(_ column: Column, _ input: Selection, _ keep: (Int32) -> Bool) -> ContiguousArray<Int32> {
        let fast = column.isPristine && column.tail.isEmpty
        let base = column.base
        switch input {
        case .range(let range):
            return ContiguousArray(unsafeUninitializedCapacity: range.count) { out, kept in
                var k = 0
                if fast && range.upperBound <= base.count {
                    base.withUnsafeBufferPointer { cells in
                        // Block by block: after a block that kept almost no row, a branch per
                        // row predicts well and spares the store of every row id. Tables are
                        // made in order, so blocks are alike (townships are 1 % of orgs, and
                        // together): the township filter at nation scale went from 2.3 to 2.0 ms.
                        var sparse = false
                        var start = range.lowerBound
                        while start < range.upperBound {
                            let end = Swift.min(range.upperBound, start &+ 4096), before = k
                            if sparse, let c = cells.baseAddress, let o = out.baseAddress {
                                k = RowPredicate.appendSparse(c, start..<end, into: o, at: k, keep)
                            } else {
                                for i in start..<end {
                                    out[k] = Int32(truncatingIfNeeded: i)
                                    k &+= RowPredicate.one(keep(cells[i]))
                                }
                            }
                            sparse = (k &- before) &* 32 < end &- start
                            start = end
                        }
                    }
                } else {
                    for i in range where keep(column[Int32(truncatingIfNeeded: i)]) {
                        out[k] = Int32(truncatingIfNeeded: i)
                        k &+= 1
                    }
                }
                kept = k
            }
        case .rows(let rows):
            return ContiguousArray(unsafeUninitializedCapacity: rows.count) { out, kept in
                var k = 0
                if fast {
                    base.withUnsafeBufferPointer { cells in
                        rows.withUnsafeBufferPointer { ids in
                            for r in ids {
                                out[k] = r
                                k &+= RowPredicate.one(keep(cells[Int(r)]))
                            }
                        }
                    }
                } else {
                    for r in rows where keep(column[r]) {
                        out[k] = r
                        k &+= 1
                    }
                }
                kept = k
            }
        }
    }

    /// Writes the rows of `range` whose cell passes `keep` to `out` from `k` on, ascending, and
    /// returns where the next goes. For tests few rows pass: sixteen cells are tested together
    /// (a vector compare and an or) and the rows kept looked for only where one passed, so most
    /// cells cost no branch and no store (the township filter over 5.5 M orgs at nation scale:
    /// 2.65 to 2.0 ms).
    @inline(__always) static func appendSparse(_ cells: UnsafePointer<Int32>, _ range: Range<Int>, into out: UnsafeMutablePointer<Int32>,
                                               at k: Int, _ keep: (Int32) -> Bool) -> Int {
        var k = k, i = range.lowerBound
        while i &+ 16 <= range.upperBound {
            var any = 0
            for j in i..<(i &+ 16) { any |= RowPredicate.one(keep(cells[j])) }
            if any != 0 {
                for j in i..<(i &+ 16) where keep(cells[j]) {
                    out[k] = Int32(truncatingIfNeeded: j)
                    k &+= 1
                }
            }
            i &+= 16
        }
        for j in i..<range.upperBound where keep(cells[j]) {
            out[k] = Int32(truncatingIfNeeded: j)
            k &+= 1
        }
        return k
    }

    /// The rows of `input` passing `holds` (a test that reads more than one column's cells:
    /// through a reference, or a text search), ascending.
    @inline(__always) static func selectRows(_ input: Selection, _ holds: (Int32) -> Bool) -> ContiguousArray<Int32> {
        ContiguousArray(unsafeUninitializedCapacity: input.count) { out, kept in
            guard let base = out.baseAddress else { kept = 0; return }
            kept = input.withBlockInput { selectRows($0, into: base, holds) }
        }
    }

    static func union(_ a: ContiguousArray<Int32>, _ b: ContiguousArray<Int32>) -> ContiguousArray<Int32> {
        var out = ContiguousArray<Int32>()
        out.reserveCapacity(a.count + b.count)
        var i = 0, j = 0
        while i < a.count && j < b.count {
            if a[i] < b[j] { out.append(a[i]); i += 1 } else if b[j] < a[i] { out.append(b[j]); j += 1 } else { out.append(a[i]); i += 1; j += 1 }
        }
        out.append(contentsOf: a[i...])
        out.append(contentsOf: b[j...])
        return out
    }

    static func difference(_ a: ContiguousArray<Int32>, _ b: ContiguousArray<Int32>) -> ContiguousArray<Int32> {
        var out = ContiguousArray<Int32>()
        var j = 0
        for x in a {
            while j < b.count && b[j] < x { j += 1 }
            if j < b.count && b[j] == x { continue }
            out.append(x)
        }
        return out
    }
}

/// The rows a filter starts from: a contiguous range of ids (a whole kind, in chunks) or a list.
enum Selection {
    case range(Range<Int>)
    case rows(ContiguousArray<Int32>)

    var count: Int {
        switch self {
        case .range(let r): return r.count
        case .rows(let rows): return rows.count
        }
    }

    /// The same rows as a block input, read in place.
    func withBlockInput<R>(_ body: (BlockInput) -> R) -> R {
        switch self {
        case .range(let r): return body(.range(r))
        case .rows(let rows): return rows.withUnsafeBufferPointer { body(.rows($0)) }
        }
    }

    var materialized: ContiguousArray<Int32> {
        switch self {
        case .range(let r): return ContiguousArray(r.lazy.map { Int32(truncatingIfNeeded: $0) })
        case .rows(let rows): return rows
        }
    }
}
