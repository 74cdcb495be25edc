import XCTest
import WFStore
import WFGenerator
@testable import WFLanguage

/// `NODE.edge | any COND` and `all COND` visit a reverse edge's rows in place (`Compiled.edgeRows`)
/// when the condition cannot write to the store. `plain(it)` hides the node's kind, so
/// `plain(it).edge` takes the general path that builds the set.
final class EdgeInPlaceTests: XCTestCase {
    private let setup = """
        fn plain(x) { let y = x; return y }
        let t = orgs | where .level == township | first
        """

    private let questions = [
        "orgs | map (.children | any .women > 300)",
        "orgs | map (.children | all .form == federation)",
        "orgs | map (.children | any .parent == t)",
        "people | map (.positions | any .role == chair and .to >= today)",
        "people | map (.trainings | all .date > 2020-01-01)",
        "positions | map (.person.trainings | any .date >= 2022-06-01)",
    ]

    /// The demo county, and one whose edges changed (so the rows cannot be read in place).
    private func stores() -> [Store] {
        var changed = Demo.county()
        changed.setCell(Schema.Org.parent, 9, 2)
        changed.setCell(Schema.Position.person, 4, 1)
        changed.delete(.org, 12)
        return [Demo.county(), changed]
    }

    func testInPlaceAnswersAsTheGeneralPath() {
        for store in stores() {
            for q in questions {
                let general = q.replacingOccurrences(of: "map (.", with: "map (plain(it).")
                let fast = runCSV(store, "\(setup)\n\(q)", unixLines: true)
                XCTAssertEqual(fast, runCSV(store, "\(setup)\n\(general)", unixLines: true), q)
                XCTAssertTrue(fast.contains("true") && fast.contains("false"), q)
            }
        }
    }

    /// `NODE.edge | where COND | count` for a few items (so no grouped pass) counts the edge's
    /// rows in the index (`Compiled.filteredEdgeRows`).
    func testFilteredCountsInPlaceAnswerAsTheGeneralPath() {
        let questions = [
            "orgs | where .level == county or .level == township | map (.children | where .form == congress | count)",
            "orgs | where .level == township | map (.positions | where .role != chair and .to >= 2026-06-30 | count)",
            "people | where .id < 20 | map (.trainings | where .date >= 2022-06-01 | count)",
        ]
        for store in stores() {
            for q in questions {
                let fast = runCSV(store, "\(setup)\n\(q)", unixLines: true)
                XCTAssertEqual(fast, runCSV(store, "\(setup)\n" + q.replacingOccurrences(of: "map (.", with: "map (plain(it)."), unixLines: true), q)
                XCTAssertTrue(fast.split(separator: "\n").contains { (Int($0) ?? 0) > 0 }, q)
            }
        }
    }

    func testAConditionThatWritesTakesTheGeneralPath() {
        // `note` creates a node per test: the rows must not be read from an index the write frees.
        let source = """
            fn note(o) { create org {name: "记录", level: group, parent: o.parent}; true }
            let before = orgs | count
            let seen = orgs | where .level == village | map (.children | all note(it))
            [seen | distinct, (orgs | count) - before]
            """
        let out = runCSV(Demo.county(), source, unixLines: true)
        let groups = runCSV(Demo.county(), "orgs | where .level == village | .children | count", unixLines: true)
        XCTAssertEqual(out, "value\ntrue\n\(groups)", out)
    }
}
