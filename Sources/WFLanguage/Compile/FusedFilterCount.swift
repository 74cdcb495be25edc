import WFStore

/// `SET | where COND | count` with the `where`'s column condition applied as the rows are
/// counted (the hand-off of `FusedFilterGroup.swift`): `.children | where .level == village |
/// count`, run once per township, allocates nothing for the rows that pass.
extension Compiler {
    /// The number of rows of `set` for which `filter` holds.
    /// - Complexity: O(rows) comparisons; no allocation (the selection is a reused buffer).
    static func countRows(_ rt: Runtime, _ set: NodeSet, _ filter: RowPredicate, _ span: Span) throws -> Int {
        var n = 0
        try ColumnGroup.forEachBlock(rt, rt.valid(set), filter, span) { n += $0.count }
        return n
    }
}

extension Compiler {
    /// `SET | any COND` / `all COND` on the columns: whether some (every) row passes. Nil when
    /// the condition has no column form this time, or the set names rows past the table's end
    /// (which the general path reads as nulls): the caller then tests item by item.
    /// - Complexity: O(rows) comparisons, no allocation.
    static func anyOrAll(_ rt: Runtime, _ s: NodeSet, _ make: PredicateMaker, isAny: Bool, _ span: Span) throws -> Bool? {
        // A few items are tested faster one by one, stopping at the first that decides.
        if let rows = s.rows, rows.count < Compiler.columnPassMinimum { return nil }
        let set = rt.valid(s)
        // `try?` flattens: nil both when making fails and when there is no column form.
        guard set.rows?.count == s.rows?.count, let p = try? make(rt) else { return nil }
        var passing = 0
        try ColumnGroup.forEachBlock(rt, set, p, span) { passing += $0.count }
        return isAny ? passing > 0 : passing == (set.rows?.count ?? rt.liveCount(set.kind))
    }
}

extension Compiler {
    /// Items below which a condition whose constants are made per run (`FastFilterDynamic.swift`)
    /// is tested item by item: making the predicate and setting up the column pass cost about
    /// what testing a few dozen items does.
    static let columnPassMinimum = 32
}
