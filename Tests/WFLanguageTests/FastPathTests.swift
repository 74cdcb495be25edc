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

    /// A filter over a large unchanged column reads blocks with almost no match with a branch per
    /// row (`RowPredicate.scan`): blocks of rare matches, of none, of all, and a run of matches
    /// across a block's edge.
    func testSparseAndDenseBlocksAgreeWithTheGeneralPath() {
        let store = FastPathTests.sixtyThousandPeople()
        for c in [".birth_year == 1900", ".birth_year < 1901", ".birth_year >= 1950", ".birth_year != 1950"] {
            let fast = run(store, "people | where \(c) | map .id | sum")
            XCTAssertEqual(fast, run(store, "people | where (\(c)) and 1 == 1 | map .id | sum"), c)
            XCTAssertEqual(run(store, "people | where \(c) | count"), run(store, "people | where (\(c)) and 1 == 1 | count"), c)
        }
    }

    /// A conjunction of comparisons over a block of many rows is tested as ranges, one per
    /// column, in one loop after the first (`RowPredicate.selectRanges`): windows on one column,
    /// an empty window, several columns, a row list as input, nulls, and a changed column.
    func testRangeConjunctionsAgreeWithTheGeneralPath() {
        var store = FastPathTests.sixtyThousandPeople()
        let conditions = [
            ".birth_year >= 1900 and .birth_year < 1950", ".birth_year > 1899 and .birth_year <= 1900",
            ".birth_year > 1950 and .birth_year < 1900", ".birth_year >= 1900 and .birth_year <= 1950 and .lives_in == home",
            ".birth_year == 1900 and .lives_in == home", ".lives_in == home and .birth_year > 1000 and .birth_year < 1960",
        ]
        func check(_ label: String) {
            for c in conditions {
                let home = "let home = (person #1).lives_in\n"
                let fast = run(store, home + "people | where \(c) | count")
                XCTAssertEqual(fast, run(store, home + "people | where (\(c)) and 1 == 1 | count"), "\(label): \(c)")
                XCTAssertEqual(run(store, home + "people | where \(c) | map .id | sum"),
                               run(store, home + "people | where (\(c)) and 1 == 1 | map .id | sum"), "\(label), ids: \(c)")
                XCTAssertEqual(run(store, home + "people | where \(c) | map .lives_in | distinct | count"),
                               run(store, home + "people | where (\(c)) and 1 == 1 | map .lives_in | distinct | count"), "\(label), distinct: \(c)")
                XCTAssertEqual(run(store, home + "people | where .birth_year != 1 | where \(c) | count"),
                               run(store, home + "people | where (\(c)) and 1 == 1 and .birth_year != 1 | count"), "\(label), rows: \(c)")
            }
        }
        check("unchanged")
        XCTAssertNotEqual(run(store, "people | where .birth_year >= 1900 and .birth_year < 1950 | count"), "0")
        store.setCell(Schema.Person.birthYear, 30_001, 1900)
        store.setCell(Schema.Person.birthYear, 44_990, nullCell)
        check("changed")
    }

    /// 60,000 people made from the demo county's, with birth years laid out in blocks: rare
    /// 1900s, none, all, dense with nulls, and a run across a block's edge; `lives_in` cycles.
    static func sixtyThousandPeople() -> Store {
        let demo = Demo.county()
        let n = 60_007  // not a multiple of 16: the sparse scan tests the last cells one by one
        var columns = Kind.person.fields.indices.map { demo.column(FieldID(.person, $0)).merged() }
        let base = columns[0].count
        for i in columns.indices { columns[i] = ContiguousArray((0..<n).map { columns[i][$0 % base] }) }
        for r in 0..<n {
            let year: Int32
            switch r {
            case ..<20_000: year = r % 997 == 0 ? 1900 : 1950      // rare matches
            case ..<30_000: year = 1950                             // none
            case ..<40_000: year = 1900                             // all
            case ..<(45_000 - 3): year = r % 2 == 0 ? 1900 : nullCell  // dense, with nulls
            default: year = r < 45_005 || r == n - 1 ? 1900 : 1950  // a run across a block edge, the last row
            }
            columns[Schema.Person.birthYear.index][r] = year
        }
        var tables = demo.tables
        tables[Kind.person.rawValue] = Table(kind: .person, columns: columns)
        return Store(meta: demo.meta, strings: demo.strings, tables: tables)
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
