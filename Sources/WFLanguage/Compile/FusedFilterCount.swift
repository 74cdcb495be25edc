import WFStore

/// `SET | where COND | count` with the `where`'s column condition applied as the rows are
/// counted (the hand-off of `FusedFilterGroup.swift`): `.children | where .level == village |
/// count`, run once per township, allocates nothing for the rows that pass.
extension Compiler {
    /// The number of rows of `set` for which `filter` holds.
    /// - Complexity: O(rows) comparisons; no allocation (the selection is a reused buffer).
    static func countRows(_ rt: Runtime, _ set: NodeSet, _ filter: RowPredicate, _ span: Span) throws -> Int {
        var n = 0
        let store = rt.store
        try ColumnGroup.forEachBlock(rt, store, set.valid(in: store), filter, span) { n += $0.count }
        return n
    }
}
