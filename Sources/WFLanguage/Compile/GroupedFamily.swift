import WFStore

/// Grouped counts in one stage that read the item's same edge under the same column conditions
/// and differ only in their correlated tests: q2's `execs: (.positions | where .role == exec
/// and … | count)` beside `trained: (.positions | where .role == exec and … and trained(it) |
/// count)`, a total and the part of it that passes a test. The first to need its counts makes
/// the others' in the same pass (`Compiler.countsInOneLoop` with a row filter each): the
/// columns are read and the ranges tested once, not once per count (each pass over the 11.7 M
/// positions took about 20 ms at nation scale).
///
/// Members are found when the stage is compiled, by the source text of the conditions with a
/// column form: within one stage the same text names the same fields and variables. Counts
/// from `where … | count` and `any C` join a family; `all C` (counted as `not C`) and
/// conditions written out from a named one never do. A member
/// whose counts are made early keeps them as if it had made them: they are checked against the
/// store and its own operands when it reads them, and made again if either changed.
final class GroupedFamily {
    private struct Member {
        let site: Int
        let condition: GroupedCondition
    }

    private let outer: Kind
    private let edge: FieldID
    private var members: [Member] = []

    init(outer: Kind, edge: FieldID) {
        self.outer = outer
        self.edge = edge
    }

    func add(site: Int, _ condition: GroupedCondition) {
        members.append(Member(site: site, condition: condition))
    }

    /// The counts of member `site` (given its condition made into `predicate` and `rowFilter`),
    /// with every other member's that has none yet made in the same pass and kept.
    func counts(_ rt: Runtime, site: Int, targets: Int, _ predicate: RowPredicate?, _ rowFilter: GroupedRowFilter?,
                _ span: Span) throws -> ContiguousArray<Int32> {
        var others: [(kept: GroupedValues<Int32>, filter: GroupedRowFilter?)] = []
        for m in members where m.site != site {
            // As the member would on its own: an operand that fails, or a test with no cell
            // form, leaves it to make its counts (or not) when it runs.
            guard let values = try? m.condition.operands.map({ try $0(rt) }) else { continue }
            let kept = rt.groupedCounts(m.site)
            kept.check(generation: rt.storeGeneration, operands: values)
            guard kept.values == nil, !kept.unplannable, let tests = m.condition.prepared(rt, edge.kind) else { continue }
            let filter = GroupedRowFilter(rt, tests, edge: edge, visiting: rt.stageSet, of: outer, targets: targets)
            // Tests need the edge's cells in place (as `Grouped.compiled` requires).
            guard tests.isEmpty || filter != nil else { continue }
            others.append((kept, filter))
        }
        guard !others.isEmpty,
              let all = try Compiler.countsInOneLoop(rt, edge, targets: targets, predicate, [rowFilter] + others.map(\.filter), span) else {
            return try Compiler.countsByTarget(rt, edge, targets: targets, predicate, rowFilter, span)
        }
        for (i, other) in others.enumerated() {
            other.kept.keep(all[i + 1], visiting: rt.stageSet, of: outer, wanted: other.filter?.wanted)
        }
        return all[0]
    }
}
