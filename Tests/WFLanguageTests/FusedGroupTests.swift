import XCTest
import WFStore
import WFGenerator
@testable import WFLanguage

/// `KIND | where COND | group by .field { … }` fuses the filter into the group's pass
/// (`FusedFilterGroup.swift`). Each case is compared with the same question through the general
/// path: `and 1 == 1` keeps the `where` from handing its condition over, and grouping by
/// `(.field)` takes the per-item group.
final class FusedGroupTests: XCTestCase {
    private func run(_ store: Store, _ source: String, file: StaticString = #filePath, line: UInt = #line) -> String {
        runCSV(store, source, unixLines: true, file: file, line: line)
    }

    private let aggregates = "{ n: count(), total: sum(.birth_year), mean: avg(.birth_year), lo: min(.birth_year), hi: max(.birth_year), young: ratio(.birth_year >= 1980) }"

    private func assertAgrees(_ store: Store, _ head: String, _ cond: String, _ key: String, _ aggs: String,
                              file: StaticString = #filePath, line: UInt = #line) {
        let fused = run(store, "\(head) | where \(cond) | group by .\(key) \(aggs)", file: file, line: line)
        let unfused = run(store, "\(head) | where (\(cond)) and 1 == 1 | group by .\(key) \(aggs)", file: file, line: line)
        let general = run(store, "\(head) | where (\(cond)) and 1 == 1 | group by (.\(key)) \(aggs)", file: file, line: line)
        XCTAssertEqual(fused, unfused, "\(head) | where \(cond)", file: file, line: line)
        XCTAssertEqual(fused, general, "\(head) | where \(cond)", file: file, line: line)
        XCTAssertGreaterThan(fused.split(separator: "\n").count, 2, "\(head) | where \(cond)", file: file, line: line)
    }

    private let conditions = [
        ".birth_year >= 1970", ".birth_year < 1965 or .birth_year > 1985", "not (.birth_year == 1975)",
        ".birth_year != null and .birth_year <= 1990", ".name != \"王芳\"", ".lives_in != null",
    ]

    func testFusedGroupAgreesWithTheGeneralPath() {
        let store = Demo.county()
        for c in conditions {
            assertAgrees(store, "people", c, "birth_year", aggregates)
            assertAgrees(store, "people", c, "lives_in", aggregates)
        }
        assertAgrees(store, "orgs", ".level == village", "parent", "{ n: count(), women: sum(.women), conv: ratio(.form == federation) }")
        // No aggregates: a count per key.
        assertAgrees(store, "people", ".birth_year >= 1970", "birth_year", "")
        // A set that is a list of rows (a filtered set), not a whole kind.
        assertAgrees(store, "orgs | where .level == village", ".women > 300", "parent", "{ n: count(), lo: min(.women) }")
        // Stages on separate lines.
        XCTAssertEqual(run(store, "people\n  | where .birth_year >= 1970\n  | group by .birth_year { n: count() }"),
                       run(store, "people | where .birth_year >= 1970 and 1 == 1 | group by .birth_year { n: count() }"))
    }

    /// Changed cells, appended rows and deleted rows go through the overlay and tombstone paths.
    func testFusedGroupSeesChangesAndDeletions() {
        var store = Demo.county()
        store.setCell(Schema.Person.birthYear, 3, 1999)
        store.setCell(Schema.Person.birthYear, 5, nullCell)
        store.setCell(Schema.Person.livesIn, 8, nullCell)
        for y: Int32 in [1950, 2001, 1977] {
            store.append(.person, [store.intern("新人\(y)"), y, nullCell, nullCell, 0, 0])
        }
        store.delete(.person, 7)
        store.delete(.person, 11)
        for c in conditions {
            assertAgrees(store, "people", c, "birth_year", aggregates)
            assertAgrees(store, "people", c, "lives_in", aggregates)
        }
        // The deleted rows are gone and the appended ones are counted.
        let live = (0..<Int32(store.count(.person))).filter { store.isLive(.person, $0) }
        let born1977 = live.filter { store.cell(Schema.Person.birthYear, $0) == 1977 }.count
        XCTAssertEqual(run(store, "people | where .birth_year == 1977 | group by .birth_year { n: count() }"),
                       "birth_year,n\n1977,\(born1977)\n")
    }

    /// Counts only, on an unchanged store: the branch-free single pass (`FastGroupCount.swift`).
    func testCountingPassAgreesWithTheGeneralPath() {
        var store = Demo.county()
        let countOnly = [
            ".birth_year >= 1970", ".birth_year < 1965", ".birth_year <= 1965", ".birth_year > 1990",
            ".birth_year == 1975", ".birth_year >= 1960 and .birth_year < 1980",
            ".birth_year > 1950 and .lives_in != null and .birth_year <= 1990",
            ".birth_year >= 1970 and .lives_in == null", ".birth_year > 2100", ".birth_year < 1900",
            ".birth_year != 1975", ".birth_year < 1960 or .birth_year > 1985", ".name == \"王芳\"",
        ]
        for c in countOnly {
            for key in ["birth_year", "lives_in", "tags"] {
                let fused = run(store, "people | where \(c) | group by .\(key) { n: count(), m: count() }")
                let general = run(store, "people | where (\(c)) and 1 == 1 | group by (.\(key)) { n: count(), m: count() }")
                XCTAssertEqual(fused, general, "\(c) by \(key)")
                XCTAssertEqual(run(store, "people | where \(c) | group by .\(key)"),
                               run(store, "people | where (\(c)) and 1 == 1 | group by (.\(key))"), "\(c) by \(key)")
            }
        }
        XCTAssertEqual(run(store, "people | group by .birth_year { n: count() }"), run(store, "people | group by (.birth_year) { n: count() }"))
        // Null keys in an unchanged column: rebuild the store with some birth years null.
        var columns = Kind.person.fields.indices.map { store.column(FieldID(.person, $0)).merged() }
        for r in stride(from: 0, to: columns[Schema.Person.birthYear.index].count, by: 7) { columns[Schema.Person.birthYear.index][r] = nullCell }
        var tables = store.tables
        tables[Kind.person.rawValue] = Table(kind: .person, columns: columns)
        store = Store(meta: store.meta, strings: store.strings, tables: tables)
        XCTAssertTrue(store.column(Schema.Person.birthYear).isPristine)
        for c in [".lives_in != null", ".birth_year >= 1970 or .birth_year == null", ".birth_year < 1990"] {
            XCTAssertEqual(run(store, "people | where \(c) | group by .birth_year { n: count() }"),
                           run(store, "people | where (\(c)) and 1 == 1 | group by (.birth_year) { n: count() }"), c)
        }
    }

    /// More rows than one block, with keys past the first block's span (above, below, null)
    /// so the counters are widened mid-pass, and a store whose keys spread past 64 K values
    /// late, so the single pass gives up and the block path answers.
    func testCountingPassWidensItsKeySpan() {
        func store(lateKey: (Int) -> Int32) -> Store {
            let demo = Demo.county()
            let n = 150_000
            var columns = Kind.person.fields.indices.map { demo.column(FieldID(.person, $0)).merged() }
            let base = columns[0].count
            for i in columns.indices {
                columns[i] = ContiguousArray((0..<n).map { columns[i][$0 % base] })
            }
            for r in 0..<n {
                columns[Schema.Person.birthYear.index][r] = r < 70_000 ? Int32(1970 + r % 10) : lateKey(r)
            }
            var tables = demo.tables
            tables[Kind.person.rawValue] = Table(kind: .person, columns: columns)
            return Store(meta: demo.meta, strings: demo.strings, tables: tables)
        }
        let widening = store { r in r % 97 == 0 ? nullCell : Int32(1900 + r % 151) }
        let spread = store { r in r == 149_999 ? 1_000_000 : Int32(1900 + r % 151) }
        for s in [widening, spread] {
            for c in [".birth_year >= 1950", ".birth_year < 1975 and .birth_year > 1901", ".lives_in != null and .birth_year >= 1940"] {
                XCTAssertEqual(run(s, "people | where \(c) | group by .birth_year { n: count() }"),
                               run(s, "people | where (\(c)) and 1 == 1 | group by (.birth_year) { n: count() }"), c)
            }
            XCTAssertEqual(run(s, "people | group by .birth_year"), run(s, "people | group by (.birth_year)"))
        }
    }

    func testConditionsAsRanges() {
        let year = Schema.Person.birthYear, home = Schema.Person.livesIn
        func bounds(_ p: RowPredicate?) -> [String]? { ColumnGroup.ranges(p)?.map { "\($0.field.index):\($0.lo)...\($0.hi)" } }
        XCTAssertEqual(bounds(nil), [])
        XCTAssertEqual(bounds(.compare(year, .ge, 1970)), ["1:1970...\(Int32.max)"])
        XCTAssertEqual(bounds(.and(.compare(year, .gt, 1960), .compare(year, .le, 1980))), ["1:1961...1980"])
        XCTAssertEqual(bounds(.and(.compare(year, .lt, 1960), .compare(home, .eq, 4))), ["1:\(Int32.min + 1)...1959", "5:4...4"])
        XCTAssertEqual(bounds(.compare(year, .ge, Int32.min)), ["1:\(Int32.min + 1)...\(Int32.max)"], "null stays out")
        XCTAssertNil(bounds(.compare(year, .ne, 1970)), "!= lets null through")
        XCTAssertNil(bounds(.compare(year, .lt, Int32.min + 1)))
        XCTAssertNil(bounds(.compare(year, .gt, Int32.max)))
        XCTAssertNil(bounds(.or(.compare(year, .lt, 1), .compare(year, .gt, 5))))
        XCTAssertNil(bounds(.and(.compare(year, .gt, 1), .and(.compare(home, .gt, 1), .compare(Schema.Person.tags, .gt, 1)))), "three columns")
    }

    /// Group ids come in order of first appearance whether the keys fit the dense table, grow it
    /// downwards, or spread past 64 K values and move to hashing.
    func testGroupIdsFollowFirstAppearance() {
        let inputs: [[Int32]] = [
            [5, 5, 3, 9, 3, nullCell, 5, nullCell],
            [1000, 900, 1100, 1000, 1, 70000, 900, -5, nullCell, 1],
            [Int32.min + 1, 0, Int32.max, Int32.min + 1, Int32.max],
            Array((0..<3000).map { Int32(($0 * 7919) % 5003) - 2500 }),
        ]
        for cells in inputs {
            let ids = GroupIds()
            var out = [Int32](repeating: -9, count: cells.count)
            cells.withUnsafeBufferPointer { c in out.withUnsafeMutableBufferPointer { ids.assign(c, $0) } }
            var expected: [Int32: Int32] = [:]
            var order: [Int32] = []
            for c in cells where expected[c] == nil { expected[c] = Int32(order.count); order.append(c) }
            XCTAssertEqual(out, cells.map { expected[$0] ?? -1 }, "\(cells.prefix(10))")
            XCTAssertEqual(ids.keys, order)
        }
    }

    /// The hand-off names the stage right before the group: blanks and one `|` in between.
    func testPreviousStageSite() {
        let store = Demo.county()
        var options = SessionOptions(format: .csv)
        options.output = { _ in }
        let session = Session(store: store, options: options)
        let text = "people | where .birth_year > 1 |\n  group by .x"
        let file = session.addSource(SourceFile(name: "<t>", text: text))
        let compiler = Compiler(session: session, scope: session.globalScope, directory: ".")
        func span(_ s: Int, _ e: Int) -> Span { Span(file: file, start: Int32(s), end: Int32(e)) }
        let groupStart = Array(text.utf8).firstIndex(of: UInt8(ascii: "g")) ?? 0
        XCTAssertEqual(compiler.previousStageSite(span(groupStart, text.utf8.count)), StageSite(file: file, end: Int32("people | where .birth_year > 1".utf8.count)))
        // A stage not preceded by `|`.
        XCTAssertNil(compiler.previousStageSite(span(7, 12)))
        XCTAssertNil(compiler.previousStageSite(Span(file: 99, start: 3, end: 4)))
    }
}

/// The one-pass count split across cores (`ColumnGroup.parallelRows` lowered so that the demo
/// county is counted in parts), keys that widen the counters mid-pass included.
final class ParallelGroupCountTests: XCTestCase {
    override func setUp() { ColumnGroup.parallelRows = 16 }
    override func tearDown() { ColumnGroup.parallelRows = 1 << 18 }

    private func run(_ store: Store, _ source: String, file: StaticString = #filePath, line: UInt = #line) -> String {
        runCSV(store, source, unixLines: true, file: file, line: line)
    }

    /// People with birth years 1950…1999, and beyond the first block (65,536 rows) keys outside
    /// its span, so that parts stop and widen their counters, and nulls.
    private func people() -> Store {
        var b = StoreBuilder()
        let n = 150_000
        b.reserve(.person, n)
        let name = b.intern("某某")
        for i in 0..<n {
            var year = Int32(1950 + i % 50)
            if i == 80_000 { year = 1800 } else if i == 140_000 { year = 2100 } else if i % 977 == 0 { year = nullCell }
            b.append(.person, [name, year, nullCell, nullCell, 0, nullCell])
        }
        return b.build()
    }

    func testCountsInPartsAgreeWithTheGeneralPath() {
        let store = people()
        let questions = [
            "people | group by .birth_year { n: count() }",
            "people | where .birth_year >= 1970 | group by .birth_year { n: count() }",
            "people | where .birth_year >= 1960 and .birth_year < 2200 | group by .birth_year",
            "people | where .birth_year != null and .birth_year < 1990 | group by .birth_year { n: count() }",
        ]
        for q in questions {
            let fast = run(store, q)
            XCTAssertEqual(fast, run(store, q.replacingOccurrences(of: "group by .birth_year", with: "group by (.birth_year)")), q)
            XCTAssertGreaterThan(fast.split(separator: "\n").count, 10, q)
        }
        XCTAssertTrue(run(store, questions[0]).contains("1800,1\n"))
    }

    /// A pass over every row remembers the key column's span; later passes size their counters
    /// from it and check no key. A changed copy of the store shares the remembered span but not
    /// the column: it takes the block path.
    func testARememberedSpanCountsAsTheFirstPass() {
        let store = people()
        let key = Schema.Person.birthYear
        XCTAssertNil(store.knownSpan(key))
        let q = "people | where .birth_year >= 1970 | group by .birth_year { n: count() }"
        let general = run(store, q.replacingOccurrences(of: "group by .birth_year", with: "group by (.birth_year)"))
        let first = run(store, q)
        XCTAssertTrue(store.knownSpan(key).map { $0.lo == 1800 && $0.hi == 2100 } ?? false, "\(String(describing: store.knownSpan(key)))")
        XCTAssertEqual(first, general)
        XCTAssertEqual(run(store, q), general)
        XCTAssertEqual(run(store, "people | group by .birth_year"), run(store, "people | group by (.birth_year)"))
        var changed = store
        changed.setCell(key, 5, 2500)
        changed.setCell(key, 6, 1700)
        let answer = run(changed, "people | group by .birth_year")
        XCTAssertEqual(answer, run(changed, "people | group by (.birth_year)"))
        XCTAssertTrue(answer.contains("2500,1\n") && answer.contains("1700,1\n"), answer)
    }
}
