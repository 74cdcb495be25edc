import XCTest
import WFStore
import WFGenerator
@testable import WFLanguage

/// Membership tests answered without building the right side: `x in n.ancestors` walks up
/// from `n`, `label in n.tags` tests a bit. `plain(it)` hides the node, so the general path
/// builds the set or the list: every answer is checked against it.
final class MembershipTests: XCTestCase {
    /// `label in .tags` tests the label's bit (`Compiler.tagTest`); `plain(it).tags` builds the
    /// list of labels: the answers must agree, for labels, enumeration values taken from a
    /// node's tags, strings (the general path), nulls and a changed column.
    func testTagBitsAnswerAsTheList() {
        var changed = Demo.county()
        for r in Int32(0)..<40 where r % 3 == 0 { changed.setCell(Schema.Person.tags, r, nullCell) }
        changed.setCell(Schema.Person.tags, 5, 0b1011)
        let setup = """
            fn plain(x) { let y = x; return y }
            let wanted = [grid_worker, building_head, skilled]
            let tagged = people | where (.tags | count) > 0 | first
            let first_tag = tagged.tags | first
            fn holding(t) { return people | where t in .tags | count }
            fn holdingGeneral(t) { return people | where t in plain(it).tags | count }
            """
        for store in [Demo.county(), changed] {
            for q in ["people | where grid_worker in .tags | map .id",
                      "wanted | map holding(it)",
                      "people | where first_tag in .tags | map .id",
                      "people | where \"grid_worker\" in .tags | count",
                      "people | where null in .tags | count"] {
                let fast = runCSV(store, "\(setup)\n\(q)", unixLines: true)
                let general = q.replacingOccurrences(of: "in .tags", with: "in plain(it).tags").replacingOccurrences(of: "holding(", with: "holdingGeneral(")
                XCTAssertNotEqual(general, q)
                XCTAssertEqual(fast, runCSV(store, "\(setup)\n\(general)", unixLines: true), q)
            }
        }
        XCTAssertNotEqual(runCSV(Demo.county(), "people | where grid_worker in .tags | count", unixLines: true), "0\n")
    }

    private let setup = """
        fn plain(x) { let y = x; return y }
        let top = orgs | where .level == county | first
        let town = orgs | where .level == township | first
        let someone = people | first
        fn under(v) { return top in v.ancestors }
        fn underGeneral(v) { return top in plain(v).ancestors }
        """

    private let questions = [
        "orgs | where top in .ancestors | map .id",
        "orgs | where town in .ancestors or it == town | map .id",
        "orgs | where someone in .ancestors | count",
        "orgs | map (town in .ancestors)",
        "orgs | where .level == village | map under(it)",
    ]

    private func stores() -> [Store] {
        let demo = Demo.county()
        let villages = (0..<Int32(demo.count(.org))).filter { demo.cell(Schema.Org.level, $0) == Vocab.level.code(of: "village") }
        let towns = (0..<Int32(demo.count(.org))).filter { demo.cell(Schema.Org.level, $0) == Vocab.level.code(of: "township") }
        var cycle = demo
        // A township under one of its own villages: a cycle.
        if let town = towns.first, let v = villages.first(where: { demo.cell(Schema.Org.parent, $0) == town }) {
            cycle.setCell(Schema.Org.parent, town, v)
        }
        // A township under the first county gone: its villages' chains stop there.
        var deleted = demo
        let county = (0..<Int32(demo.count(.org))).first { demo.cell(Schema.Org.level, $0) == Vocab.level.code(of: "county") }
        if let town = towns.last(where: { demo.cell(Schema.Org.parent, $0) == county }) { deleted.delete(.org, town) }
        var dangling = demo
        if let v = villages.first { dangling.setCell(Schema.Org.parent, v, 999_999) }
        return [demo, cycle, deleted, dangling]
    }

    /// On stores with a cycle, a deleted org in a chain and a dangling parent.
    func testTheWalkAnswersAsTheSet() {
        for (i, store) in stores().enumerated() {
            for q in questions {
                let walked = runCSV(store, "\(setup)\n\(q)", unixLines: true)
                let general = q.replacingOccurrences(of: "in .ancestors", with: "in plain(it).ancestors")
                    .replacingOccurrences(of: "under(", with: "underGeneral(")
                XCTAssertNotEqual(general, q)
                XCTAssertEqual(walked, runCSV(store, "\(setup)\n\(general)", unixLines: true), "store \(i): \(q)")
            }
        }
        XCTAssertNotEqual(runCSV(Demo.county(), "\(setup)\norgs | where top in .ancestors | count", unixLines: true), "0\n")
    }

    /// `node in SET` searches the set's ascending rows (`NodeSet.contains`): members, non-members
    /// before, between and after them, nodes of another kind, empty and one-row sets, and sets
    /// made by filters, navigation, look-ups and what a changed store gives.
    func testNodesInSetsAnswerAsInLists() {
        var changed = Demo.county()
        changed.setCell(Schema.Org.parent, 12, 3)
        var cells = [Int32](repeating: nullCell, count: Kind.org.fields.count)
        cells[Schema.Org.name.index] = changed.intern("新村")
        cells[Schema.Org.level.index] = changed.cell(Schema.Org.level, 12)
        cells[Schema.Org.parent.index] = 3
        changed.append(.org, cells)
        let sets = ["orgs | where .level == village", "org #3 | descendants", "orgs | where .id > 10000", "orgs | where .id == 7",
                    "org #3 .children", "orgs | where .women > 300 or .level == county", "people | where .birth_year > 1980"]
        for store in [Demo.county(), changed] {
            for set in sets {
                let inSet = runCSV(store, "let s = \(set)\norgs | where it in s | map .id", unixLines: true)
                let inList = runCSV(store, "let s = \(set) | map it\norgs | where it in s | map .id", unixLines: true)
                XCTAssertEqual(inSet, inList, set)
                XCTAssertFalse(inSet.contains("error"), inSet)
            }
        }
        XCTAssertTrue(NodeSet.contains([2, 5, 9], 9))
        XCTAssertTrue(NodeSet.contains([2, 5, 9], 2))
        XCTAssertFalse(NodeSet.contains([2, 5, 9], 6))
        XCTAssertFalse(NodeSet.contains([2, 5, 9], 10))
        XCTAssertFalse(NodeSet.contains([2, 5, 9], 1))
        XCTAssertFalse(NodeSet.contains([], 0))
    }
}
