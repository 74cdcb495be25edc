import WFStore

/// The column form of `group by .field { n: count(), total: sum(.x), share: ratio(COND), … }` over
/// a kind's set, optionally with the column condition of the `where` right before it fused in
/// (`FusedFilterGroup.swift`). The rows are taken in blocks of 64 K: per block, the condition
/// picks the rows (`RowPredicate.select`), their group ids go into a small reused buffer, and
/// each aggregate is one tight loop over its column. Nothing proportional to the whole set is
/// allocated (an earlier version made a selection, a key array and a group-id array of n rows
/// each, and their fresh pages cost more than the loops), and no value is boxed per row.
/// Shapes it cannot express (derived keys, aggregates over expressions) use the general path,
/// which gives the same results, only slower.
struct ColumnGroup {
    enum Aggregate {
        case count
        case sum(FieldID), avg(FieldID), min(FieldID), max(FieldID)
        case ratio(RowPredicate)
    }

    let key: FieldID
    let aggregates: [Aggregate]

    /// Rows per block: the block's row ids, group ids and selection stay in the L2 cache.
    static let blockRows = 1 << 16

    /// Groups the rows of `set` for which `filter` holds (all of them when nil) and returns the
    /// list of records the general path would return, in the order in which each key first appears.
    /// - Complexity: O(rows × (1 + aggregates)) time, O(groups + block) memory.
    func run(_ rt: Runtime, _ set: NodeSet, filter: RowPredicate? = nil, keyName: String, names: [String], span: Span) throws -> Value {
        let store = rt.store
        if let answer = try countInOnePass(rt, store, set, filter, keyName: keyName, names: names, span: span) { return answer }
        let keyColumn = store.column(key)
        let groups = GroupIds()
        var sizes: [Int] = []
        var state = aggregates.map { AggregateState($0, store) }
        // Per block: the key cells of the rows, then their group ids.
        let cells = UnsafeMutableBufferPointer<Int32>.allocate(capacity: ColumnGroup.blockRows)
        let gids = UnsafeMutableBufferPointer<Int32>.allocate(capacity: ColumnGroup.blockRows)
        defer { cells.deallocate(); gids.deallocate() }
        try ColumnGroup.forEachBlock(rt, set, filter, span) { sel in
            let m = sel.count
            ColumnGroup.forEachCell(keyColumn, sel) { i, c in cells[i] = c }
            groups.assign(UnsafeBufferPointer(rebasing: cells[0..<m]), gids)
            if sizes.count < groups.count { sizes.append(contentsOf: repeatElement(0, count: groups.count - sizes.count)) }
            let g = UnsafeBufferPointer(rebasing: gids[0..<m])
            sizes.withUnsafeMutableBufferPointer { s in
                for i in 0..<m { s[Int(g[i])] &+= 1 }
            }
            for a in state.indices { state[a].add(sel, g, groups: groups.count) }
        }
        var out: [Value] = []
        out.reserveCapacity(groups.count)
        for g in 0..<groups.count {
            var rec = Record(keys: [keyName], values: [Navigation.cellValue(store, key, groups.keys[g])])
            if names.isEmpty {
                rec.set("count", .int(Int64(sizes[g])))
            } else {
                for (j, name) in names.enumerated() { rec.set(name, state[j].value(g, size: sizes[g], store)) }
            }
            out.append(.record(rec))
        }
        return .list(out)
    }

    /// Calls `body` with the ascending ids of the rows of `set` that pass `filter`, a block at a
    /// time, in one buffer reused for every block; polls for Ctrl-C between blocks. "All rows"
    /// skips deleted rows, as `NodeSet.ids` does. `set` must be valid (`Runtime.valid`).
    /// - Complexity: O(rows) plus the filter's comparisons; O(block) memory, no store copy.
    static func forEachBlock(_ rt: Runtime, _ set: NodeSet, _ filter: RowPredicate?, _ span: Span,
                             _ body: (UnsafeBufferPointer<Int32>) throws -> Void) throws {
        // A block of "all rows" spans deleted ids too, so the bound is the table's count.
        let n = set.rows?.count ?? rt.rowCount(set.kind)
        let selected = rt.scratch.int32(.selection, Swift.min(blockRows, n))
        func pass(_ input: BlockInput) -> UnsafeBufferPointer<Int32> {
            let kept = filter.map { $0.select(rt, input, into: selected) } ?? RowPredicate.copy(input, into: selected)
            return UnsafeBufferPointer(start: selected, count: kept)
        }
        if let rows = set.rows {
            try rows.withUnsafeBufferPointer { all in
                var start = 0
                while start < all.count {
                    let end = Swift.min(all.count, start + blockRows)
                    try body(pass(.rows(UnsafeBufferPointer(rebasing: all[start..<end]))))
                    try rt.tick(span)
                    if all.count > blockRows { try rt.pollCancel(span) }
                    start = end
                }
            }
            return
        }
        // Deleted rows: the tombstones, read once for the whole pass.
        let deleted: Set<Int32>? = rt.liveCount(set.kind) == n ? nil : rt.store[set.kind].deleted
        var start = 0
        while start < n {
            let end = Swift.min(n, start + blockRows)
            var sel = pass(.range(start..<end))
            if let deleted {
                var k = 0
                for r in sel where !deleted.contains(r) { selected[k] = r; k += 1 }
                sel = UnsafeBufferPointer(start: selected, count: k)
            }
            try body(sel)
            try rt.tick(span)
            try rt.pollCancel(span)
            start = end
        }
    }

    /// Calls `body(i, cell)` for each row `sel[i]` of `field` (rows valid for its kind), reading
    /// an unchanged column through `Runtime.columns`, else through one copy of the column.
    @inline(__always) static func forEachCell(_ rt: Runtime, _ field: FieldID, _ sel: UnsafeBufferPointer<Int32>, _ body: (Int, Int32) -> Void) {
        if let cells = rt.columns.cells(rt, field) {
            for i in sel.indices {
                let r = Int(sel[i])
                body(i, UInt(bitPattern: r) < UInt(cells.count) ? cells[r] : nullCell)
            }
        } else {
            let column = rt.store.column(field)
            for i in sel.indices { body(i, column[sel[i]]) }
        }
    }

    /// Calls `body(i, cell)` for each row `sel[i]`, reading the base array directly when the
    /// column is unchanged (the array is fetched once, not per row).
    @inline(__always) static func forEachCell(_ column: Column, _ sel: UnsafeBufferPointer<Int32>, _ body: (Int, Int32) -> Void) {
        if column.isPristine && column.tail.isEmpty {
            let base = column.base
            base.withUnsafeBufferPointer { cells in
                for i in sel.indices { body(i, cells[Int(sel[i])]) }
            }
        } else {
            for i in sel.indices { body(i, column[sel[i]]) }
        }
    }
}

/// Group ids for key cells, in order of first appearance: a dense table indexed by the cell when
/// the keys seen so far span less than 64 K values (years, enumeration codes, nearby references),
/// a hash table beyond that. The dense table grows by doubling, so building it costs O(span).
/// A class over a raw buffer so that the per-row look-up pays no uniqueness or exclusivity check.
final class GroupIds {
    /// The key cell of each group.
    private(set) var keys: [Int32] = []
    /// Key `c` is at `dense[c - lo]` (-1 when not seen yet), for `0 <= c - lo < denseCount`.
    private var lo = 0
    private var dense: UnsafeMutablePointer<Int32>?
    private var denseCount = 0
    private var hashed: [Int32: Int32]?
    private var nullGroup: Int32 = -1
    static let denseSpan = 1 << 16

    var count: Int { keys.count }

    deinit { dense?.deallocate() }

    /// Writes the group of `cells[i]` to `out[i]` for each `i`, making new groups as keys appear.
    /// - Complexity: O(cells), amortised O(1) per cell.
    func assign(_ cells: UnsafeBufferPointer<Int32>, _ out: UnsafeMutableBufferPointer<Int32>) {
        var i = 0
        while i < cells.count {
            if let d = dense {
                let base = lo, span = UInt(denseCount)
                while i < cells.count {
                    let c = cells[i]
                    let j = Int(c) &- base
                    guard UInt(bitPattern: j) < span else { break }
                    var g = d[j]
                    if g < 0 {
                        g = Int32(truncatingIfNeeded: keys.count)
                        keys.append(c)
                        d[j] = g
                    }
                    out[i] = g
                    i &+= 1
                }
                if i == cells.count { return }
            }
            out[i] = slowGroup(of: cells[i])
            i &+= 1
        }
    }

    private func slowGroup(of c: Int32) -> Int32 {
        if c == nullCell {
            if nullGroup < 0 { nullGroup = Int32(keys.count); keys.append(c) }
            return nullGroup
        }
        if hashed == nil { widen(toCover: Int(c)) }
        if hashed == nil, let d = dense {
            let j = Int(c) - lo
            if d[j] < 0 { d[j] = Int32(keys.count); keys.append(c) }
            return d[j]
        }
        if let g = hashed?[c] { return g }
        let new = Int32(keys.count)
        keys.append(c)
        hashed?[c] = new
        return new
    }

    /// Makes the dense table cover `c` (never null), doubling its span, or switches to hashing
    /// when the span would pass `denseSpan`. The table never covers `nullCell` (`Int32.min`).
    private func widen(toCover c: Int) {
        let minKey = Int(Int32.min) + 1
        guard let old = dense else {
            lo = Swift.max(c - 64, minKey)
            denseCount = 256
            dense = .allocate(capacity: denseCount)
            dense?.initialize(repeating: -1, count: denseCount)
            return
        }
        let hi = lo + denseCount - 1
        let needLo = Swift.min(lo, c), needHi = Swift.max(hi, c)
        guard needHi - needLo < GroupIds.denseSpan else {
            var table: [Int32: Int32] = [:]
            for i in 0..<denseCount where old[i] >= 0 { table[Int32(truncatingIfNeeded: lo + i)] = old[i] }
            hashed = table
            old.deallocate()
            dense = nil
            denseCount = 0
            return
        }
        let span = Swift.min(GroupIds.denseSpan, Swift.max(2 * denseCount, needHi - needLo + 1))
        // Grow towards the side that needed it.
        let newLo = c < lo ? Swift.max(needHi - span + 1, minKey) : needLo
        let grown = UnsafeMutablePointer<Int32>.allocate(capacity: span)
        grown.initialize(repeating: -1, count: span)
        for i in 0..<denseCount where old[i] >= 0 { grown[lo + i - newLo] = old[i] }
        old.deallocate()
        lo = newLo
        dense = grown
        denseCount = span
    }
}

/// The running totals of one aggregate, per group.
struct AggregateState {
    let aggregate: ColumnGroup.Aggregate
    let column: Column?
    let test: ((Int32) -> Bool)?
    var sums: [Int64] = []
    var counts: [Int] = []
    var best: [Int32] = []

    init(_ aggregate: ColumnGroup.Aggregate, _ store: Store) {
        self.aggregate = aggregate
        switch aggregate {
        case .count: column = nil; test = nil
        case .sum(let f), .avg(let f), .min(let f), .max(let f): column = store.column(f); test = nil
        case .ratio(let p): column = nil; test = p.bind(store)
        }
    }

    /// Adds the rows `sel[i]` to groups `g[i]`; `groups` is the number of groups so far.
    /// - Complexity: O(block), one loop.
    mutating func add(_ sel: UnsafeBufferPointer<Int32>, _ g: UnsafeBufferPointer<Int32>, groups: Int) {
        if sums.count < groups { sums.append(contentsOf: repeatElement(0, count: groups - sums.count)) }
        if counts.count < groups { counts.append(contentsOf: repeatElement(0, count: groups - counts.count)) }
        switch aggregate {
        case .count:
            return
        case .sum, .avg:
            guard let column else { return }
            sums.withUnsafeMutableBufferPointer { sums in
                counts.withUnsafeMutableBufferPointer { counts in
                    ColumnGroup.forEachCell(column, sel) { i, c in
                        if c != nullCell { sums[Int(g[i])] &+= Int64(c); counts[Int(g[i])] &+= 1 }
                    }
                }
            }
        case .min, .max:
            guard let column else { return }
            if best.count < groups { best.append(contentsOf: repeatElement(nullCell, count: groups - best.count)) }
            let isMin: Bool = { if case .min = aggregate { return true } else { return false } }()
            best.withUnsafeMutableBufferPointer { best in
                ColumnGroup.forEachCell(column, sel) { i, c in
                    guard c != nullCell else { return }
                    let k = Int(g[i])
                    if best[k] == nullCell || (isMin ? c < best[k] : c > best[k]) { best[k] = c }
                }
            }
        case .ratio:
            guard let test else { return }
            counts.withUnsafeMutableBufferPointer { counts in
                for i in sel.indices where test(sel[i]) { counts[Int(g[i])] &+= 1 }
            }
        }
    }

    /// The aggregate's value for group `g` of `size` rows, as the general path computes it.
    func value(_ g: Int, size: Int, _ store: Store) -> Value {
        switch aggregate {
        case .count: return .int(Int64(size))
        case .sum: return .int(sums[g])
        case .avg: return counts[g] == 0 ? .null : .decimal(Double(sums[g]) / Double(counts[g]))
        case .min(let f), .max(let f): return Navigation.cellValue(store, f, best[g])
        case .ratio: return .decimal(Double(counts[g]) / Double(size))
        }
    }
}

extension Compiler {
    /// The column form of a group over items of `kind`, or nil when some part needs the general path.
    func columnGroup(_ key: Expr, _ aggs: [(String, Expr)], _ kind: Kind) -> ColumnGroup? {
        guard case .field(nil, let keyName, _) = key.kind, let k = kind.fieldIndex(keyName) else { return nil }
        var out: [ColumnGroup.Aggregate] = []
        for (_, expr) in aggs {
            guard case .call(let callee, let args) = expr.kind, case .name(let fn) = callee.kind, lookup(fn) == nil else { return nil }
            func intField(_ e: Expr, allowDate: Bool = false) -> FieldID? {
                guard case .field(nil, let name, _) = e.kind, let i = kind.fieldIndex(name) else { return nil }
                switch kind.fields[i].type {
                case .int: return FieldID(kind, i)
                case .date where allowDate: return FieldID(kind, i)
                default: return nil
                }
            }
            switch (fn, args.count) {
            case ("count", 0): out.append(.count)
            case ("sum", 1): guard let f = intField(args[0]) else { return nil }; out.append(.sum(f))
            case ("avg", 1): guard let f = intField(args[0]) else { return nil }; out.append(.avg(f))
            case ("min", 1): guard let f = intField(args[0], allowDate: true) else { return nil }; out.append(.min(f))
            case ("max", 1): guard let f = intField(args[0], allowDate: true) else { return nil }; out.append(.max(f))
            case ("ratio", 1): guard let p = rowPredicate(args[0], kind) else { return nil }; out.append(.ratio(p))
            default: return nil
            }
        }
        return ColumnGroup(key: FieldID(kind, k), aggregates: out)
    }
}
