import XCTest
import WFStore
import WFGenerator
@testable import WFLanguage

/// Conditions whose constants come from variables (`FastFilterDynamic.swift`) run on the columns
/// once the values are known; each answer must equal the general path's (`and 1 == 1` in a
/// `where`, or a function call in `any`/`all`, which have no column form).
final class DynamicFilterTests: XCTestCase {
    private func run(_ store: Store, _ source: String, file: StaticString = #filePath, line: UInt = #line) -> String {
        runCSV(store, source, unixLines: true, file: file, line: line)
    }

    private let setup = """
        let y = 1970
        let half = 1970.5
        let d = 2023-01-01
        let lvl = village
        let name = "王芳"
        let t = orgs | where .level == township | first
        let nothing = null
        let r = {from: 2022-01-01, to: 2024-12-31, year: 1980}
        fn yes(x) { true }
        let years = [1970, 1975, 1980]
        let none = []
        let withNull = [1970, null]
        let odd = [1970, 1975.0]
        let many = [1950, 1951, 1952, 1953, 1954, 1955, 1956, 1957, 1958, 1959, 1960, 1961, 1962, 1963, 1964, 1965, 1966]
        """

    private let conditions = [
        ".birth_year >= y", ".birth_year < y + 10 and .birth_year > y - 10", "not (.birth_year == y)",
        ".birth_year != y", ".birth_year > half", ".birth_year == nothing", ".birth_year != nothing",
        ".birth_year < nothing", ".name == name", ".name != name", "y <= .birth_year", ".birth_year >= r.year",
        ".lives_in == t", ".lives_in != t", ".birth_year >= 1960 and .birth_year < r.year",
        // Membership: one equality per element; a decimal element, or more than 16, take the general path.
        ".birth_year in years", "not (.birth_year in years)", ".birth_year in none", ".birth_year in withNull",
        ".birth_year in odd", ".birth_year in [1999, y, 1985]", ".name in [name, \"没有这个人\"]", ".birth_year in many",
    ]

    private func store() -> Store {
        var store = Demo.county()
        store.setCell(Schema.Person.birthYear, 3, 1999)
        store.setCell(Schema.Person.birthYear, 5, nullCell)
        store.append(.person, [store.intern("新人"), 1970, nullCell, nullCell, 0, 0])
        store.delete(.person, 7)
        return store
    }

    func testWhereAgreesWithTheGeneralPath() {
        for s in [Demo.county(), store()] {
            for c in conditions {
                let fast = run(s, "\(setup)\npeople | where \(c) | map .id")
                XCTAssertEqual(fast, run(s, "\(setup)\npeople | where (\(c)) and 1 == 1 | map .id"), c)
                // A small set (the general test decides) and a navigated one.
                XCTAssertEqual(run(s, "\(setup)\npeople | take 5 | where \(c) | map .id"),
                               run(s, "\(setup)\npeople | take 5 | where (\(c)) and 1 == 1 | map .id"), c)
                // Fused with a count and a group.
                XCTAssertEqual(run(s, "\(setup)\npeople | where \(c) | count"),
                               run(s, "\(setup)\npeople | where (\(c)) and 1 == 1 | count"), c)
                XCTAssertEqual(run(s, "\(setup)\npeople | where \(c) | group by .birth_year { n: count() }"),
                               run(s, "\(setup)\npeople | where (\(c)) and 1 == 1 | group by (.birth_year) { n: count() }"), c)
            }
        }
        // Enumerations and dates from variables.
        let s = Demo.county()
        XCTAssertEqual(run(s, "\(setup)\norgs | where .level == lvl | count"), run(s, "orgs | where .level == village | count"))
        XCTAssertEqual(run(s, "\(setup)\npositions | where .from >= d | count"), run(s, "positions | where .from >= 2023-01-01 | count"))
        XCTAssertNotEqual(run(s, "\(setup)\norgs | where .level == lvl | count"), "0\n")
    }

    /// `.date.year OP year` runs as a comparison with the first day of a year
    /// (`Compiler.yearCompare`): every operator, both sides, years around the data's, a null
    /// date, and years with no date form (a decimal, null, 10000) through the general path.
    func testYearsOfDatesAgreeWithTheGeneralPath() {
        var changed = Demo.county()
        changed.setCell(Schema.Position.from, 3, nullCell)
        changed.setCell(Schema.Position.from, 4, Day(year: 2023, month: 12, day: 31)?.raw ?? 0)
        changed.setCell(Schema.Position.from, 5, Day(year: 2024, month: 1, day: 1)?.raw ?? 0)
        let years = (2019...2027).map(String.init) + ["y", "y + 0.5", "nothing", "10000", "0"]
        for s in [Demo.county(), changed] {
            for year in years {
                for op in ["==", "!=", "<", "<=", ">", ">="] {
                    let setup = "let y = 2023\nlet nothing = null\nfn plain(x) { let v = x; return v }\n"
                    for c in [".from.year \(op) \(year)", "\(year) \(op) .from.year", ".from.year \(op) \(year) and .role == exec"] {
                        let general = c.replacingOccurrences(of: ".from.year", with: "plain(.from).year")
                        XCTAssertEqual(run(s, setup + "positions | where \(c) | map .id"), run(s, setup + "positions | where \(general) | map .id"), c)
                        XCTAssertEqual(run(s, setup + "positions | where \(c) | count"), run(s, setup + "positions | where \(general) | count"), c)
                    }
                }
            }
        }
        XCTAssertNotEqual(run(Demo.county(), "positions | where .from.year >= 2021 and .from.year <= 2023 | count"), "0\n")
        guard case .compare(let f, .ge, let c)? = Compiler.yearCompare(Schema.Position.from, .gt, .int(2023)) else {
            return XCTFail("a year after 2023 is a date from 2024-01-01")
        }
        XCTAssertEqual(f, Schema.Position.from)
        XCTAssertEqual(c, Day(year: 2024, month: 1, day: 1)?.raw)
        XCTAssertNil(Compiler.yearCompare(Schema.Position.from, .ne, .int(2023)))
        XCTAssertNil(Compiler.yearCompare(Schema.Position.from, .lt, .decimal(2023.5)))
    }

    func testAnyAndAllAgreeWithTheGeneralPath() {
        for s in [Demo.county(), store()] {
            for c in conditions {
                for stage in ["any", "all"] {
                    XCTAssertEqual(run(s, "\(setup)\npeople | \(stage) \(c)"),
                                   run(s, "\(setup)\npeople | \(stage) (\(c)) and yes(it)"), "\(stage) \(c)")
                    XCTAssertEqual(run(s, "\(setup)\norgs | map (.residents | \(stage) \(c))"),
                                   run(s, "\(setup)\norgs | map (.residents | \(stage) (\(c)) and yes(it))"), "\(stage) \(c)")
                }
            }
        }
        let s = Demo.county()
        XCTAssertEqual(run(s, "\(setup)\npeople | any .birth_year > 3000"), "false\n")
        XCTAssertEqual(run(s, "\(setup)\npeople | all .birth_year > 1000"), "true\n")
        XCTAssertEqual(run(s, "\(setup)\npeople | where .birth_year > 3000 | all .birth_year > y"), "true\n")
    }

    /// An operand that fails is not evaluated ahead of the rows: the general path decides when
    /// (and whether) the error is raised.
    func testFailingOperandsBehaveAsInTheGeneralPath() {
        let s = Demo.county()
        XCTAssertEqual(run(s, "let z = 0\npeople | where .birth_year > 3000 | where .birth_year > 1 / z | count"), "0\n")
        var err = ""
        var options = SessionOptions(format: .csv)
        options.output = { _ in }
        options.errorOutput = { err += $0 }
        _ = Session(store: s, options: options).run("let z = 0\npeople | where .birth_year > 1 / z | count", file: "<t>")
        XCTAssertTrue(err.contains("error"), err)
    }

    func testOperandsThatReadTheItemAreNotInvariant() {
        let s = Demo.county()
        // `.birth_year` on both sides, and a function call, keep the general path; the answers stay right.
        XCTAssertEqual(run(s, "people | where .birth_year >= .birth_year | count"), run(s, "people | count"))
        XCTAssertEqual(run(s, "fn k() { 1970 }\npeople | where .birth_year >= k() | count"),
                       run(s, "people | where .birth_year >= 1970 | count"))
    }
}
