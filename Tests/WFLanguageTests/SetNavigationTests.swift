import XCTest
import WFStore
import WFGenerator
@testable import WFLanguage

/// A reverse edge read over a set (`orgs.positions`) is the union of its items' edges: found by
/// one look-up per item for a few items, by one pass over the edge's column for many
/// (`Navigation.reverseUnion`). Both are checked against a filter that asks each row.
final class SetNavigationTests: XCTestCase {
    private let sets = [
        "orgs",
        "orgs | where .level != group",
        "orgs | where .level == township",
        "orgs | where .women > 400",
    ]

    private func stores() -> [Store] {
        var changed = Demo.county()
        changed.setCell(Schema.Position.org, 4, 1)
        changed.setCell(Schema.Position.org, 9, nullCell)
        changed.delete(.position, 12)
        changed.delete(.org, 30)
        changed.setCell(Schema.Org.parent, 40, 2)
        // Rows deleted from unchanged columns: the pass reads the cells in place and must
        // still leave the deleted rows out.
        var deleted = Demo.county()
        deleted.delete(.position, 12)
        deleted.delete(.org, 30)
        return [Demo.county(), changed, deleted]
    }

    func testTheUnionIsEveryRowPointingAtTheSet() {
        for (i, store) in stores().enumerated() {
            for s in sets {
                for (edge, field, kind) in [("positions", "org", "positions"), ("children", "parent", "orgs")] {
                    let union = runCSV(store, "let s = \(s)\ns.\(edge) | map .id", unixLines: true)
                    let asked = runCSV(store, "let s = \(s)\n\(kind) | where .\(field) != null and .\(field) in s | map .id", unixLines: true)
                    XCTAssertEqual(union, asked, "store \(i): \(s).\(edge)")
                    XCTAssertGreaterThan(union.split(separator: "\n").count, 2, "\(s).\(edge)")
                }
            }
        }
    }
}
