import XCTest
import WFStore
import WFGenerator
@testable import WFLanguage

/// Conditions on a referenced row's field (`.org.level == village`, `.meeting.date.year > y`)
/// run on the cells (`FastThrough.swift`). Each answer must equal the general path's, which
/// `plain(it)` reaches: the planner cannot see through a call to the item's fields.
final class ReferenceConditionTests: XCTestCase {
    private func run(_ store: Store, _ source: String, file: StaticString = #filePath, line: UInt = #line) -> String {
        runCSV(store, source, unixLines: true, file: file, line: line)
    }

    private let setup = """
        fn plain(x) { let y = x; return y }
        let y = 1975
        let lvl = village
        let town = orgs | where .level == township | first
        let roles = [chair, vice_chair]
        let nothing = null
        """

    /// Conditions on positions, written with `.` for the item; each is run again with
    /// `plain(it).` in its place.
    private let onPositions = [
        ".org.level == village", ".org.level != village", ".org.level == lvl", "not (.org.level == village)",
        ".org.level == null", ".org.level != null", ".org.level == nothing", ".org.name == \"城关镇妇联\"",
        ".org.name != \"城关镇妇联\"", ".org.name == \"没有这个名字\"", ".org.parent.level == township",
        ".org.parent.parent.level == county", ".org.parent == town", ".org.women > 300", ".org.women <= 300",
        ".person.birth_year >= y", ".person.birth_year < y and .role == exec", ".role == exec and .org.form == congress",
        ".org.level == village or .role in roles", ".person.birth_year in [1970, 1971, y]", ".org.founded.year >= 2000",
        ".org.founded.year == y + 30", "y < .person.birth_year", ".person.lives_in.level == village",
        // Parts through one reference are joined and tested together; plain parts go first.
        ".org.women != null and .org.women > 300 and .org.level == village",
        ".org.level == village and .role == exec and .org.women < 500 and .to >= 2026-06-30",
        ".person.birth_year != null and .org.parent.level == township and .person.birth_year < y",
        // `!= null` beside a range of another column is a range of its own.
        ".org.founded != null and .org.level == village", ".org.founded != null and .org.women > 100", ".to != null and .role == exec and .org.level != null", ".person.phone != null and .person.birth_year > y",
    ]

    /// The demo county, and a copy with null, dangling and changed references, a deleted
    /// target and a changed target column (so the cells are read through the column's patch).
    private func stores() -> [Store] {
        var changed = Demo.county()
        changed.setCell(Schema.Position.org, 2, nullCell)
        changed.setCell(Schema.Position.org, 3, Int32(changed.count(.org) + 50))
        changed.setCell(Schema.Position.org, 4, 0)
        changed.setCell(Schema.Org.level, 5, nullCell)
        changed.setCell(Schema.Org.parent, 6, nullCell)
        changed.setCell(Schema.Person.birthYear, 1, nullCell)
        changed.delete(.org, 7)
        return [Demo.county(), changed]
    }

    func testConditionsThroughReferencesAgreeWithTheGeneralPath() {
        for s in stores() {
            for c in onPositions {
                let general = c.replacingOccurrences(of: ".org.", with: "plain(it).org.")
                    .replacingOccurrences(of: ".person.", with: "plain(it).person.")
                XCTAssertNotEqual(general, c)
                let expected = run(s, "\(setup)\npositions | where \(general) | map .id")
                XCTAssertEqual(run(s, "\(setup)\npositions | where \(c) | map .id"), expected, c)
                // Counted without a selection, and on a small set.
                XCTAssertEqual(run(s, "\(setup)\npositions | where \(c) | count"),
                               run(s, "\(setup)\npositions | where \(general) | count"), c)
                XCTAssertEqual(run(s, "\(setup)\npositions | take 7 | where \(c) | map .id"),
                               run(s, "\(setup)\npositions | take 7 | where \(general) | map .id"), c)
            }
        }
    }

    /// `!= null` tested as a range of the non-null cells, in columns never changed (read in
    /// place), beside a range of another column: on the referenced row and on the item's own.
    func testNotNullAsARangeOfUnchangedCells() {
        var b = StoreBuilder()
        let name = b.intern("某某")
        var towns: [Int32] = []
        for i in 0..<6 {
            let founded: Int32 = i % 2 == 0 ? nullCell : Day(year: 2000 + i, month: 1, day: 1)?.raw ?? nullCell
            towns.append(b.append(.org, [name, 0, nullCell, nullCell, 0, nullCell, nullCell, Int32(10 * i), nullCell, nullCell,
                                         founded, nullCell, nullCell]))
        }
        for i in 0..<2_000 {
            b.append(.person, [name, i % 3 == 0 ? nullCell : Int32(1950 + i % 50), nullCell, nullCell, 0, towns[i % towns.count]])
        }
        let store = b.build()
        for c in [".lives_in.founded != null and .lives_in.women > 10", ".birth_year != null and .birth_year < 1990",
                  ".birth_year != null and .lives_in.women >= 20"] {
            let general = c.replacingOccurrences(of: ".lives_in", with: "plain(it).lives_in").replacingOccurrences(of: ".birth_year", with: "plain(it).birth_year")
            let n = run(store, "\(setup)\npeople | where \(c) | count")
            XCTAssertEqual(n, run(store, "\(setup)\npeople | where \(general) | count"), c)
            XCTAssertNotEqual(n, "0\n", c)
            XCTAssertNotEqual(n, "2000\n", c)
        }
    }

    /// The conditions hold for some rows and fail for others, so agreement above is not two
    /// empty answers.
    func testTheConditionsSplitThePositions() {
        let s = Demo.county()
        let all = run(s, "positions | count")
        for c in [".org.level == village", ".org.parent.level == township", ".person.birth_year >= 1975"] {
            let n = run(s, "\(setup)\npositions | where \(c) | count")
            XCTAssertNotEqual(n, "0\n", c)
            XCTAssertNotEqual(n, all, c)
        }
    }

    /// A reference's condition in a named condition with variables (`in_window(.meeting.date,
    /// year, s)`, as the shortlist writes it), per person over sets large and small, and in a
    /// grouped sub-query.
    func testNamedConditionsAndSubQueriesThroughReferences() {
        for s in stores() {
            let source = """
                \(setup)
                let w = {years: 3}
                fn in_window(day, year, s) { return day != null and day.year > year - s.years and day.year <= year }
                """
            XCTAssertEqual(run(s, "\(source)\nattendances | where in_window(.meeting.date, 2026, w) | map .id"),
                           run(s, "\(source)\nattendances | where in_window(plain(it).meeting.date, 2026, w) | map .id"))
            XCTAssertEqual(run(s, "\(source)\npeople | map (.attended | where in_window(.meeting.date, 2025, w) | count)"),
                           run(s, "\(source)\npeople | map (.attended | where in_window(plain(it).meeting.date, 2025, w) | count)"))
            XCTAssertEqual(run(s, "\(source)\norgs | select .id, n: (.positions | where .person.birth_year >= y | count)"),
                           run(s, "\(source)\norgs | select .id, n: (.positions | where plain(it).person.birth_year >= y | count)"))
        }
    }

    /// Run on the cells, a condition through a reference costs a step per block of rows, not
    /// one per row (`Session.lastRunSteps`).
    func testConditionsThroughReferencesRunOnTheCells() {
        var out = ""
        var options = SessionOptions(format: .csv)
        options.output = { out += $0 }
        let session = Session(store: Demo.county(), options: options)
        let positions = Demo.county().count(.position)
        XCTAssertGreaterThan(positions, 1_000)
        XCTAssertEqual(session.run("positions | where .org.parent.level == township | count", file: "<t>"), .ok)
        XCTAssertLessThan(session.lastRunSteps, 100)
        XCTAssertEqual(session.run("fn plain(x) { let y = x; return y }\npositions | where plain(it).org.parent.level == township | count",
                                   file: "<t>"), .ok)
        XCTAssertGreaterThanOrEqual(session.lastRunSteps, positions)
    }
}
