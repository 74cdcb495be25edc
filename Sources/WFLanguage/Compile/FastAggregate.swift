import WFStore

/// `SET | sum .f`, `avg .f`, `min .f` and `max .f` of a stored field of the set's
/// kind, and `SET | ratio COND` with COND in column form, computed on the cells: the general
/// path boxed every item and its value into a list first (the 662,000 villages' `avg .women` at
/// nation scale took 21 ms). The answers are `Aggregate.apply`'s: nulls skipped, the same types,
/// the same errors (a field that cannot be summed is left to the general path, which reports it).
extension Compiler {
    /// The aggregate on the columns, or nil when the shape differs; at run time the returned
    /// function gives nil when the set names rows past its table's end (read as nulls by the
    /// general path) or the condition has no column form this time.
    func columnAggregate(_ name: String, _ arg: Expr?, _ inputType: SType) -> ((Runtime, NodeSet, Span) throws -> Value?)? {
        guard case .nodes(let kind) = inputType, let arg else { return nil }
        if name == "ratio" {
            guard let make = withStage(.node(kind), { dynamicPredicate(arg, kind, OperandCache()) }) else { return nil }
            return { rt, s, span in
                let set = rt.valid(s)
                guard s.kind == kind, set.rows?.count == s.rows?.count, let p = try? make(rt) else { return nil }
                let all = set.rows?.count ?? rt.liveCount(set.kind)
                guard all > 0 else { return .null }
                return .decimal(Double(try Compiler.countRows(rt, set, p, span)) / Double(all))
            }
        }
        guard let f = storedField(arg, of: kind) else { return nil }
        let type = Navigation.cellTypes[f.kind.rawValue][f.index]
        switch (name, type) {
        case ("sum", .int), ("sum", .bool), ("avg", .int): break
        case ("min", .int), ("min", .date), ("min", .bool), ("min", .enumeration), ("min", .ref),
             ("max", .int), ("max", .date), ("max", .bool), ("max", .enumeration), ("max", .ref): break
        default: return nil
        }
        return { rt, s, span in
            let set = rt.valid(s)
            guard s.kind == kind, set.rows?.count == s.rows?.count else { return nil }
            var n = 0, sum: Int64 = 0, magnitude: Int64 = 0
            var lowest = Int32.max, highest = Int32.min
            try ColumnGroup.forEachBlock(rt, set, nil, span) { rows in
                ColumnGroup.forEachCell(rt, f, rows) { _, c in
                    guard c != nullCell else { return }
                    n &+= 1
                    sum &+= Int64(c)
                    magnitude &+= Int64(c.magnitude)
                    lowest = Swift.min(lowest, c)
                    highest = Swift.max(highest, c)
                }
            }
            switch name {
            case "sum": return .int(sum)
            case "avg":
                guard n > 0 else { return .null }
                // Every running total is a whole number below 2^53 in size, so adding the values
                // as doubles one by one (as the general path does) gives this same total.
                guard magnitude < 1 << 53 else { return nil }
                return .decimal(Double(sum) / Double(n))
            default:
                guard n > 0 else { return .null }
                return Navigation.cellValue(rt.store, f, name == "min" ? lowest : highest)
            }
        }
    }
}
