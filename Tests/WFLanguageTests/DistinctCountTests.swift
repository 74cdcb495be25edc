import XCTest
import WFStore
import WFGenerator
@testable import WFLanguage

/// `map .field | distinct | count` over a set is counted from the column (`FastDistinct.swift`);
/// it must give exactly what the general path gives. Splitting the pipeline at a variable
/// (`let l = … | distinct` then `l | count`) forces the general path.
final class DistinctCountTests: XCTestCase {
    private func run(_ store: Store, _ source: String, file: StaticString = #filePath, line: UInt = #line) -> String {
        runCSV(store, source, unixLines: false, file: file, line: line)
    }

    private func assertAgrees(_ store: Store, _ input: String, _ field: String, setup: String = "",
                              file: StaticString = #filePath, line: UInt = #line) {
        let fast = run(store, "\(setup)\n\(input) | map .\(field) | distinct | count")
        let slow = run(store, "\(setup)\nlet l = \(input) | map .\(field) | distinct\nl | count")
        XCTAssertEqual(fast, slow, "\(input) .\(field)", file: file, line: line)
        XCTAssertNotEqual(fast, "", file: file, line: line)
    }

    func testCountsAgreeWithTheGeneralPath() {
        var store = Demo.county()
        // Changed and null cells, an appended row and a deleted one must be seen as the general path sees them.
        store.setCell(Schema.Person.birthYear, 3, 1999)
        store.setCell(Schema.Person.birthYear, 5, nullCell)
        store.append(.person, [store.intern("新人"), 2001, nullCell, nullCell, 0, 0])
        store.delete(.person, 7)
        assertAgrees(store, "people", "birth_year")
        assertAgrees(store, "positions", "person")
        assertAgrees(store, "positions", "org")
        assertAgrees(store, "positions", "from")
        assertAgrees(store, "orgs", "parent")
        assertAgrees(store, "orgs | where .level == village", "parent")
        assertAgrees(store, "ledgers", "contact")
        assertAgrees(store, "orgs | where .level == village | first | .ledger", "contact")
        // A set known only at run time, and inputs that are not sets (the general path inside the fused stage).
        assertAgrees(store, "s", "parent", setup: "let s = orgs | where .level == township")
        assertAgrees(store, "[org #1, org #2, org #1]", "parent")
        assertAgrees(store, "org #0", "parent")
    }

    /// `.ledger | where … | map .contact | distinct | count` per organisation reads the ledger
    /// rows in the reverse index and filters them there (`Compiled.filteredEdgeRows`); a changed
    /// store (the edge not read in place), null contacts and a condition with a variable too.
    func testPerItemFilteredEdgesAgreeWithTheGeneralPath() {
        var changed = Demo.county()
        changed.setCell(Schema.Ledger.org, 3, 1)
        var nulls = Demo.county()
        for r in Int32(0)..<200 where r % 7 == 0 { nulls.setCell(Schema.Ledger.contact, r, nullCell) }
        let questions = [
            "orgs | map (.ledger | where .date > 2025-06-30 and .date <= 2026-06-30 | map .contact | distinct | count)",
            "orgs | map (.ledger | where .date > since | map .contact | distinct | count)",
            "orgs | map (.ledger | where .date > 2020-01-01 or .contact == null | map .contact | distinct | count)",
            "orgs | map (.positions | where .role != chair | map .person | distinct | count)",
        ]
        for store in [Demo.county(), changed, nulls] {
            for q in questions {
                let general = q.replacingOccurrences(of: "(.", with: "(plain(it).")
                let setup = "fn plain(x) { let y = x; return y }\nlet since = 2024-01-01\n"
                let fast = run(store, setup + q)
                XCTAssertEqual(fast, run(store, setup + general), q)
                let counts = fast.split(whereSeparator: \.isNewline).compactMap { Int($0) }
                XCTAssertTrue(counts.count > 3 && counts.contains { $0 > 1 }, q)
            }
        }
    }

    func testCountsNullOnceAndDistinctRowsSeparately() {
        var store = Demo.county()
        let n = store.count(.person)
        for r in 0..<Int32(n) { store.setCell(Schema.Person.birthYear, r, r % 3 == 0 ? nullCell : 1970 + r % 5) }
        // Null is one value among the distinct ones, as in the general path.
        XCTAssertEqual(run(store, "people | map .birth_year | distinct | count"), "6\n")
        XCTAssertEqual(run(store, "people | where .birth_year != null | map .birth_year | distinct | count"), "5\n")
    }
}
