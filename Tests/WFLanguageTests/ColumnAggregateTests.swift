import XCTest
import WFStore
import WFGenerator
@testable import WFLanguage

/// Aggregates of a stored field over a set, and `ratio COND`, are computed on the cells
/// (`FastAggregate.swift`). Each answer must be the general path's: `| map it |` makes the set a
/// list, which the general path aggregates item by item.
final class ColumnAggregateTests: XCTestCase {
    private let questions = [
        "orgs | sum .women", "orgs | avg .women", "orgs | min .women", "orgs | max .women",
        "orgs | where .level == village | avg .women",
        "orgs | min .founded", "orgs | max .converted", "orgs | min .level", "orgs | max .form",
        "orgs | where .level == village | max .parent", "homes | min .rules", "homes | max .rules", "homes | sum .rules",
        "people | sum .birth_year", "people | avg .birth_year", "people | min .lives_in",
        "orgs | ratio .form == federation", "orgs | where .level == village | ratio .form == congress and .women > 300",
        "orgs | ratio .women > 100000",
        // None: sum 0, the others null.
        "orgs | where .women > 100000000 | sum .women", "orgs | where .women > 100000000 | avg .women",
        "orgs | where .women > 100000000 | max .women", "orgs | where .women > 100000000 | min .founded",
        "orgs | where .women > 100000000 | ratio .form == federation",
    ]

    func testAggregatesOnTheCellsAgreeWithTheGeneralPath() {
        for (i, store) in DemoVariants.stores().enumerated() {
            for q in questions {
                let (fast, err, _) = runSession(store, q)
                XCTAssertEqual(err, "", q)
                let general = runSession(store, q.replacingOccurrences(of: " | sum", with: " | map it | sum")
                    .replacingOccurrences(of: " | avg", with: " | map it | avg").replacingOccurrences(of: " | min", with: " | map it | min")
                    .replacingOccurrences(of: " | max", with: " | map it | max").replacingOccurrences(of: " | ratio", with: " | map it | ratio"))
                XCTAssertEqual(fast, general.out, "\(i): \(q)")
                if !q.contains("100000000") { XCTAssertFalse(fast.isEmpty, q) }
            }
        }
    }

    /// A field summed that holds no numbers is reported as the general path reports it.
    func testAnAggregateOfTheWrongTypeIsStillAnError() {
        let (_, err, _) = runSession(Demo.county(), "orgs | sum .founded")
        XCTAssertTrue(err.contains("sum needs numbers"), err)
    }
}
