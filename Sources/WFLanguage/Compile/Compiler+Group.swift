import WFStore

/// `group by KEY { name: AGGREGATE, … }`: one record per key, with aggregates over each group.
extension Compiler {
    func compileGroup(_ key: Expr, _ keyName: String, _ aggs: [(String, Expr)], input: Compiled, span: Span) -> Compiled {
        let inEval = input.eval
        let itemType = input.type.element
        let keyEval = withStage(itemType) { compile(key).eval }
        let names = aggs.map(\.0)
        // Inside the braces, `it` is the group's key and aggregates range over its items.
        aggregateDepth += 1
        let aggEvals = withStage(itemType) { withStage(.any) { aggs.map { compile($0.1).eval } } }
        aggregateDepth -= 1
        // Grouping a kind's rows by one of its stored fields reads the column and buckets row
        // ids, boxing nothing unless the aggregates need the items.
        var keyField: [Kind: FieldID] = [:]
        if case .field(nil, let name, _) = key.kind {
            for k in Kind.allCases { if let i = k.fieldIndex(name) { keyField[k] = FieldID(k, i) } }
        }
        // Fastest: key and aggregates all in column form (`ColumnGroup`), one loop per aggregate.
        var columnar: ColumnGroup?
        if case .nodes(let k) = input.type { columnar = columnGroup(key, aggs, k) }
        // With a column form, the condition of a `where` right before is applied in the same pass.
        let filterSite = columnar == nil ? nil : previousStageSite(span)
        return Compiled { rt in
            var (input, filter) = try Compiler.evaluate(inEval, deferringFilterAt: filterSite, rt)
            if let f = filter, case .nodes(let raw) = input, columnar?.key.kind != raw.kind {
                // Not the column form after all: filter first, as the `where` would have.
                input = .nodes(try Compiler.fastFilter(rt, raw, f, span))
                filter = nil
            }
            if case .nodes(let raw) = input {
                let set = raw.valid(in: rt.store)
                if let columnar, columnar.key.kind == set.kind {
                    return try columnar.run(rt, set, filter: filter, keyName: keyName, names: names, span: span)
                }
                if let field = keyField[set.kind] {
                    return try Compiler.groupByColumn(rt, set, field, keyName, names, aggEvals, span)
                }
            }
            let items = try Sequence.of(input, span, stage: "group by").items(rt.store)
            var order: [ValueKey] = []
            var groups: [ValueKey: (Value, [Value])] = [:]
            let saved = rt.it, savedGroup = rt.group
            defer { rt.it = saved; rt.group = savedGroup }
            for item in items {
                try rt.tick(span)
                rt.it = item
                let k = try keyEval(rt)
                let hk = k.key
                if groups[hk] == nil { order.append(hk); groups[hk] = (k, []) }
                groups[hk]?.1.append(item)
            }
            var out: [Value] = []
            for hk in order {
                guard let (k, members) = groups[hk] else { continue }
                rt.group = members
                rt.it = k
                var rec = Record(keys: [keyName], values: [k])
                if names.isEmpty {
                    rec.set("count", .int(Int64(members.count)))
                } else {
                    for (i, n) in names.enumerated() { rec.set(n, try aggEvals[i](rt)) }
                }
                out.append(.record(rec))
            }
            return try Value.list(out).checkedNesting(span)
        }
    }

    /// `group by .field` over a set: buckets row ids by cell, in order of first appearance.
    /// - Complexity: O(rows) hash look-ups of `Int32` keys.
    static func groupByColumn(_ rt: Runtime, _ set: NodeSet, _ field: FieldID, _ keyName: String, _ names: [String],
                              _ aggEvals: [Eval], _ span: Span) throws -> Value {
        let store = rt.store
        let column = store.column(field)
        var slotOf: [Int32: Int] = [:]
        var keys: [Int32] = []
        var members: [ContiguousArray<Int32>] = []
        for r in set.ids(store) {
            try rt.tick(span)
            let c = column[r]
            if let g = slotOf[c] { members[g].append(r); continue }
            slotOf[c] = keys.count
            keys.append(c)
            members.append([r])
        }
        let saved = rt.it, savedGroup = rt.group
        defer { rt.it = saved; rt.group = savedGroup }
        var out: [Value] = []
        out.reserveCapacity(keys.count)
        for (g, c) in keys.enumerated() {
            let k = Navigation.cellValue(store, field, c)
            var rec = Record(keys: [keyName], values: [k])
            if names.isEmpty {
                rec.set("count", .int(Int64(members[g].count)))
            } else {
                rt.group = members[g].map { .node(set.kind, $0) }
                rt.it = k
                for (i, n) in names.enumerated() { rec.set(n, try aggEvals[i](rt)) }
            }
            out.append(.record(rec))
        }
        return .list(out)
    }
}
