import XCTest
import WFStore
import WFGenerator
@testable import WFLanguage

/// `map .f` and `select` of stored fields over a set read the column, texts in batches
/// (`FastFieldValues.swift`, `StringPool.strings`). Each answer must be the general path's:
/// `plain(it)` hides the item's kind, so `plain(it).f` is read item by item.
final class FieldValuesTests: XCTestCase {
    private let setup = "fn plain(x) { let y = x; return y }"

    private let questions = [
        "orgs | map .name", "orgs | map .region", "orgs | map .women", "orgs | map .founded", "orgs | map .level", "orgs | map .parent",
        "people | map .phone", "people | map .tags", "homes | map .rules",
        "orgs | where .level == village | map .name",
        // A null text is null, not "".
        "orgs | map .name | map (it == null)",
        "orgs | where .women > 500 | select i: .id, n: .name, w: .women, r: .region",
        "people | where .birth_year >= 1990 | select n: .name, p: .phone, d: .id_number, y: .birth_year",
        "orgs | select n: .name | take 7",
    ]

    /// A set read from its column has at least `BaseCells.cellsBeforeLoading` rows: 60,007
    /// people, as generated and with texts added after load, a null name and a deleted person.
    private func largeStores() -> [Store] {
        let large = FastPathTests.sixtyThousandPeople()
        var changed = large
        changed.setCell(Schema.Person.name, 5, changed.intern("新加的名字"))
        changed.setCell(Schema.Person.name, 6, nullCell)
        changed.setCell(Schema.Person.phone, 7, changed.intern("13900000000"))
        changed.delete(.person, 8)
        return [large, changed]
    }

    private let largeQuestions = [
        "people | map .name", "people | map .phone", "people | map .tags", "people | map .birth_year", "people | map .lives_in",
        "people | map .name | map (it == null)",
        "people | where .birth_year >= 1950 | select n: .name, p: .phone, d: .id_number, y: .birth_year",
        "people | select n: .name | take 5000",
    ]

    func testLargeSetsReadFromTheColumnAgreeWithTheGeneralPath() {
        for (i, store) in largeStores().enumerated() {
            for q in largeQuestions {
                let general = q.replacingOccurrences(of: "map .", with: "map plain(it).").replacingOccurrences(of: ": .", with: ": plain(it).")
                let fast = runCSV(store, "\(setup)\n\(q)", unixLines: true)
                XCTAssertEqual(fast, runCSV(store, "\(setup)\n\(general)", unixLines: true), "\(i): \(q)")
                XCTAssertGreaterThan(fast.split(separator: "\n").count, BaseCells.cellsBeforeLoading, q)
            }
        }
    }

    /// The demo county three ways (`DemoVariants`), and one with texts added after load and a
    /// name set to null, which the pool's base does not hold.
    private func stores() -> [Store] {
        var added = Demo.county()
        added.setCell(Schema.Org.name, 3, added.intern("新加的名字"))
        added.setCell(Schema.Org.name, 4, nullCell)
        added.setCell(Schema.Person.phone, 2, added.intern("13900000000"))
        // A parent with a null name (org 2 has 40 children), and a deleted parent (org 3 has groups).
        added.setCell(Schema.Org.name, 2, nullCell)
        added.delete(.org, 3)
        return DemoVariants.stores() + [added]
    }

    func testFieldsReadFromTheColumnAgreeWithTheGeneralPath() {
        for (i, store) in stores().enumerated() {
            for q in questions {
                let general = q.replacingOccurrences(of: "map .", with: "map plain(it).").replacingOccurrences(of: ": .", with: ": plain(it).")
                let fast = runCSV(store, "\(setup)\n\(q)", unixLines: true)
                XCTAssertEqual(fast, runCSV(store, "\(setup)\n\(general)", unixLines: true), "\(i): \(q)")
                XCTAssertGreaterThan(fast.split(separator: "\n").count, 3, q)
            }
        }
    }

    /// A set printed as a table reads its texts, and the names of the rows its references point
    /// at, in batches (`Display.textCells`): the same cells as a select reading them one by one,
    /// with a deleted parent, a parent whose name is null, texts added after load, and masked
    /// personal data.
    func testATablesTextsReadInBatchesAreTheOnesReadOneByOne() {
        for (i, store) in stores().enumerated() {
            for (kind, columns) in [("orgs", "id: .id, name: plain(it).name, level: .level, form: .form, women: .women, parent: plain(it).parent"),
                                    ("people", "id: .id, name: plain(it).name, birth_year: .birth_year, phone: plain(it).phone, roles: .roles")] {
                let table = runCSV(store, "\(setup)\n\(kind)", unixLines: true)
                XCTAssertEqual(table, runCSV(store, "\(setup)\n\(kind) | select \(columns)", unixLines: true), "\(i): \(kind)")
                XCTAssertGreaterThan(table.split(separator: "\n").count, Display.textBatchMinimum, kind)
                // JSON tells a null from an empty text.
                XCTAssertEqual(runJSON(store, "\(setup)\n\(kind)"), runJSON(store, "\(setup)\n\(kind) | select \(columns)"), "\(i): \(kind)")
            }
        }
    }

    private func runJSON(_ store: Store, _ source: String) -> String {
        var out = "", err = ""
        var options = SessionOptions(format: .json)
        options.output = { out += $0 }
        options.errorOutput = { err += $0 }
        _ = Session(store: store, options: options).run(source, file: "<json>")
        XCTAssertEqual(err, "", source)
        return out
    }

    /// A select that writes reads its fields item by item, as it goes: here each item's name is
    /// read after the item before it renamed the next org.
    func testASelectThatWritesReadsItsFieldsAsItGoes() {
        let source = """
            fn rename(o) {
                let next = orgs | where .id == o.id + 1 | first
                set next.name = "改名"
                return 0
            }
            orgs | where .id < 6 | select .id, .name, r: rename(it)
            """
        let (out, err, _) = runSession(Demo.county(), source)
        XCTAssertEqual(err, "")
        XCTAssertEqual(out.components(separatedBy: "改名").count - 1, 5, out)
    }
}
