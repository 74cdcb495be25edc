import WFStore

/// The column form of `group by .field { n: count(), total: sum(.x), share: ratio(COND), … }` over
/// a kind's set, optionally with the column condition of the `where` right before it fused in
/// (`FusedFilterGroup.swift`). Counts alone over a whole unchanged kind take one branch-free
/// pass (`FastGroupCount.swift`). Otherwise the rows are taken in blocks of 64 K
/// (`FastBlocks.swift`): per block, the condition picks the rows, their group ids
/// (`GroupIds`) go into a small reused buffer, and each aggregate (`AggregateState`) is one
/// tight loop over its column. Nothing proportional to the whole set is
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
