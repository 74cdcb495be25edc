import WFStore

/// The column form of `group by .field { n: count(), total: sum(.x), share: ratio(COND), … }` over
/// a kind's set: group ids are computed once from the key column, then each aggregate runs as one
/// tight loop over its own column. No value is boxed per row and no dictionary is touched per row
/// when the key's values span a small range (years, enumeration codes, references within 64 K).
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

    /// Groups `set` and returns the list of records the general path would return, in the order
    /// in which each key first appears.
    /// - Complexity: O(rows × (1 + aggregates)).
    func run(_ rt: Runtime, _ set: NodeSet, keyName: String, names: [String], span: Span) throws -> Value {
        let store = rt.store
        let rows = set.ids(store)
        let keyColumn = store.column(key)
        let n = rows.count
        // Pass 1: key cells and their range.
        var keys = ContiguousArray<Int32>(repeating: 0, count: n)
        var lo = Int32.max, hi = Int32.min
        for i in 0..<n {
            if i & 0xFFFF == 0 { try rt.tick(span) }
            let c = keyColumn[rows[i]]
            keys[i] = c
            if c != nullCell { lo = Swift.min(lo, c); hi = Swift.max(hi, c) }
        }
        // Pass 2: group id per row, in order of first appearance.
        var groupOf = ContiguousArray<Int32>(repeating: 0, count: n)
        var groupKeys: [Int32] = []
        if lo <= hi && Int64(hi) - Int64(lo) < 1 << 16 {
            var slot = ContiguousArray<Int32>(repeating: -1, count: Int(hi - lo) + 2)  // last slot: null
            let nullSlot = slot.count - 1
            for i in 0..<n {
                let c = keys[i]
                let s = c == nullCell ? nullSlot : Int(c - lo)
                var g = slot[s]
                if g < 0 { g = Int32(groupKeys.count); slot[s] = g; groupKeys.append(c) }
                groupOf[i] = g
            }
        } else {
            var index: [Int32: Int32] = [:]
            for i in 0..<n {
                if i & 0xFFFF == 0 { try rt.tick(span) }
                let c = keys[i]
                if let g = index[c] { groupOf[i] = g; continue }
                let g = Int32(groupKeys.count)
                index[c] = g
                groupKeys.append(c)
                groupOf[i] = g
            }
        }
        let groups = groupKeys.count
        var sizes = [Int](repeating: 0, count: groups)
        for g in groupOf { sizes[Int(g)] += 1 }

        // One loop per aggregate.
        var results: [[Value]] = []
        for agg in aggregates {
            try rt.tick(span)
            switch agg {
            case .count:
                results.append(sizes.map { .int(Int64($0)) })
            case .sum(let f), .avg(let f):
                let col = store.column(f)
                var sums = [Int64](repeating: 0, count: groups), counts = [Int](repeating: 0, count: groups)
                for i in 0..<n {
                    let c = col[rows[i]]
                    if c != nullCell { sums[Int(groupOf[i])] += Int64(c); counts[Int(groupOf[i])] += 1 }
                }
                if case .sum = agg {
                    results.append(sums.map { .int($0) })
                } else {
                    results.append((0..<groups).map { counts[$0] == 0 ? .null : .decimal(Double(sums[$0]) / Double(counts[$0])) })
                }
            case .min(let f), .max(let f):
                let col = store.column(f)
                let isMin: Bool = { if case .min = agg { return true } else { return false } }()
                var best = [Int32](repeating: nullCell, count: groups)
                for i in 0..<n {
                    let c = col[rows[i]]
                    guard c != nullCell else { continue }
                    let g = Int(groupOf[i])
                    if best[g] == nullCell || (isMin ? c < best[g] : c > best[g]) { best[g] = c }
                }
                results.append(best.map { Navigation.cellValue(store, f, $0) })
            case .ratio(let predicate):
                let test = predicate.bind(store)
                var yes = [Int](repeating: 0, count: groups)
                for i in 0..<n where test(rows[i]) { yes[Int(groupOf[i])] += 1 }
                results.append((0..<groups).map { .decimal(Double(yes[$0]) / Double(sizes[$0])) })
            }
        }
        var out: [Value] = []
        out.reserveCapacity(groups)
        for g in 0..<groups {
            var rec = Record(keys: [keyName], values: [Navigation.cellValue(store, key, groupKeys[g])])
            if names.isEmpty {
                rec.set("count", .int(Int64(sizes[g])))
            } else {
                for (j, name) in names.enumerated() { rec.set(name, results[j][g]) }
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
