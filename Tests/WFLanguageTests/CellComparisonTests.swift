import XCTest
import WFStore
import WFGenerator
@testable import WFLanguage

/// Comparisons of typed fields compiled to cell comparisons (`Compiler+CellCompare.swift`) must
/// answer as the general comparison does, nulls, labels, variables and mismatched kinds included.
/// `plain(it)` hides the item's kind, so `plain(it).f` compares through the general path.
final class CellComparisonTests: XCTestCase {
    private let setup = """
        fn plain(x) { let y = x; return y }
        let d = 2023-01-01
        let y = 1970
        let half = 1970.5
        let t = orgs | where .level == township | first
        let someone = people | first
        let chairRole = (positions | first).role
        let nothing = null
        """

    private let comparisons: [(kind: String, condition: String)] = [
        ("positions", ".from >= .to"), ("positions", ".from < 2023-01-01"), ("positions", ".from == null"),
        ("positions", ".to != null"), ("positions", ".to >= today"), ("positions", ".from <= d"),
        ("positions", ".role == chair"), ("positions", ".role == \"chair\""), ("positions", ".role != vice_chair"),
        ("positions", ".role < vice_chair"), ("positions", ".role == chairRole"), ("positions", ".role == nothing"),
        ("positions", ".org == t"), ("positions", ".org != t"), ("positions", ".org == someone"),
        ("positions", ".org == .person.lives_in"), ("positions", ".org.women > .person.birth_year"),
        ("positions", "nothing == .to"), ("positions", "2024-06-30 > .from"),
        ("people", ".birth_year >= y"), ("people", ".birth_year > half"), ("people", ".birth_year == nothing"),
        ("people", "y < .birth_year"), ("people", ".birth_year > nothing"),
        ("orgs", ".women > 100"), ("orgs", ".women == null"), ("orgs", ".parent == t"), ("orgs", ".level == village"),
    ]

    /// The demo county, and one with nulls, an appended person and a deleted position.
    private func stores() -> [Store] {
        var changed = Demo.county()
        changed.setCell(Schema.Org.women, 4, nullCell)
        changed.setCell(Schema.Person.birthYear, 5, nullCell)
        changed.setCell(Schema.Position.to, 3, nullCell)
        changed.setCell(Schema.Position.from, 6, nullCell)
        changed.append(.person, [changed.intern("新人"), 1970, nullCell, nullCell, 0, 0])
        changed.delete(.position, 2)
        return [Demo.county(), changed]
    }

    func testCellComparisonsAnswerAsTheGeneralComparison() {
        for store in stores() {
            for (kind, c) in comparisons {
                // Each field read from the item (a `.` at the start of a word) goes through `plain`.
                let general = c.replacingOccurrences(of: #"(^|[ (])\."#, with: "$1plain(it).", options: .regularExpression)
                let fast = runCSV(store, "\(setup)\n\(kind) | map (\(c))")
                XCTAssertEqual(fast, runCSV(store, "\(setup)\n\(kind) | map (\(general))"), c)
                XCTAssertTrue(fast.contains("true") || fast.contains("false"), c)
            }
        }
    }

    func testBothAnswersOccur() {
        // Not vacuous: the conditions that matter here are true for some items and false for others.
        for c in [".role == chair", ".org == .person.lives_in", ".org.women > .person.birth_year"] {
            let out = runCSV(Demo.county(), "positions | map (\(c)) | distinct | count", unixLines: true)
            XCTAssertEqual(out, "2\n", c)
        }
    }

    func testAMismatchIsStillAnError() {
        var out = "", err = ""
        var options = SessionOptions(format: .csv)
        options.output = { out += $0 }
        options.errorOutput = { err += $0 }
        _ = Session(store: Demo.county(), options: options).run("positions | map (.from > 3)", file: "<t>")
        XCTAssertTrue(err.contains("cannot compare date with int"), err)
        XCTAssertEqual(out, "")
    }
}
