import XCTest
import WFStore
import WFGenerator
@testable import WFLanguage

/// The column paths (filters and group-by) must give exactly what the general path gives.
/// Appending `and 1 == 1` to a condition, or grouping by an expression, forces the general path.
final class FastPathTests: XCTestCase {
    private func run(_ store: Store, _ source: String, file: StaticString = #filePath, line: UInt = #line) -> String {
        runCSV(store, source, unixLines: false, file: file, line: line)
    }

    func testFiltersAgreeWithTheGeneralPath() {
        var store = Demo.county()
        // Changed cells and appended rows must be seen by the column path too.
        store.setCell(Schema.Person.birthYear, 3, 1999)
        store.setCell(Schema.Person.birthYear, 5, nullCell)
        store.append(.person, [store.intern("新人"), 2001, nullCell, nullCell, 0, 0])
        store.delete(.person, 7)
        let conditions = [
            ".birth_year >= 1980", ".birth_year < 1970 or .birth_year > 1990", "not (.birth_year == 1975)",
            ".birth_year != 1975", ".birth_year == null", ".birth_year != null", "1980 <= .birth_year",
            ".name == \"王芳\"", ".name != \"王芳\"", ".name == \"没有这个人\"",
            ".birth_year > 1960 and .birth_year <= 1985 and not (.name == \"王芳\")",
        ]
        for c in conditions {
            let fast = run(store, "people | where \(c) | map .id")
            let slow = run(store, "people | where (\(c)) and 1 == 1 | map .id")
            XCTAssertEqual(fast, slow, c)
            XCTAssertFalse(fast.isEmpty, c)
        }
        // A filter on a filtered set (a row list, not a range).
        XCTAssertEqual(run(store, "orgs | where .level == village | where .form == congress or .women < 500 | map .id"),
                       run(store, "orgs | where .level == village | where (.form == congress or .women < 500) and 1 == 1 | map .id"))
    }

    func testGroupByAgreesWithTheGeneralPath() {
        let store = Demo.county()
        let fast = run(store, "orgs | where .level == village | group by .parent { n: count(), women: sum(.women), avg: avg(.women), lo: min(.women), hi: max(.founded), conv: ratio(.form == federation) }")
        // Grouping by an expression (`.parent` through a variable-free identity) takes the general path.
        let slow = run(store, "orgs | where .level == village | group by (.parent) { n: count(), women: sum(.women), avg: avg(.women), lo: min(.women), hi: max(.founded), conv: ratio(.form == federation) }")
        XCTAssertEqual(fast, slow)
        XCTAssertGreaterThan(fast.split(whereSeparator: \.isNewline).count, 5)
    }

    /// `sort … | take N` keeps only the first N in order (a heap selection); splitting the pipeline
    /// at a variable gives the full sort, whose first N must be the same, ties included.
    func testSortThenTakeAgreesWithAFullSort() {
        let store = Demo.county()
        let sorts = ["sort .women", "sort .women desc, .id", "sort .level, .form desc", "sort .parent", "sort .founded desc"]
        for sort in sorts {
            for n in [0, 1, 7, 50, 100000] {
                let fast = run(store, "orgs | \(sort) | take \(n) | map .id")
                let slow = run(store, "let l = orgs | \(sort)\nl | take \(n) | map .id")
                XCTAssertEqual(fast, slow, "\(sort) take \(n)")
                if n > 0 { XCTAssertFalse(fast.isEmpty) }
            }
        }
        XCTAssertEqual(Compiler.firstInOrder(3, of: 10, by: { a, b in (a % 4, a) < (b % 4, b) }), [0, 4, 8])
    }
}
