import XCTest
import WFStore
import WFGenerator
@testable import WFLanguage

/// `"芳" in .name` on the cells (`FastContains.swift`): every answer must equal the general
/// path's, which `plain(it)` reaches, for plain text searched in its bytes and for text Swift
/// must compare (combining marks, compatibility ideographs, a carriage return before a line
/// feed).
final class TextContainsTests: XCTestCase {
    private let setup = """
        fn plain(x) { let y = x; return y }
        let n = "芳"
        let none = "没有这个"
        """

    private func run(_ store: Store, _ source: String, file: StaticString = #filePath, line: UInt = #line) -> String {
        runCSV(store, source, unixLines: true, file: file, line: line)
    }

    private func agree(_ store: Store, _ kind: String, _ condition: String, file: StaticString = #filePath, line: UInt = #line) -> String {
        let general = condition.replacingOccurrences(of: " .", with: " plain(it).")
        XCTAssertNotEqual(general, condition, file: file, line: line)
        let answer = run(store, "\(setup)\n\(kind) | where \(condition) | map .id", file: file, line: line)
        XCTAssertEqual(answer, run(store, "\(setup)\n\(kind) | where \(general) | map .id", file: file, line: line), condition, file: file, line: line)
        XCTAssertEqual(run(store, "\(setup)\n\(kind) | take 9 | where \(condition) | map .id", file: file, line: line),
                       run(store, "\(setup)\n\(kind) | take 9 | where \(general) | map .id", file: file, line: line), condition, file: file, line: line)
        return answer
    }

    func testTextsInNamesAgreeWithTheGeneralPath() {
        let s = Demo.county()
        for c in ["\"芳\" in .name", "\"王\" in .name", "n in .name", "none in .name", "not (\"芳\" in .name)",
                  "\"芳\" in .name and .birth_year > 1975", "\"芳\" in .name or \"英\" in .name", "\"王芳\" in .name"] {
            let ids = agree(s, "people", c)
            if !c.contains("none") { XCTAssertGreaterThan(ids.split(separator: "\n").count, 1, c) }
        }
        for c in ["\"村\" in .name", "\"妇联\" in .name", "\"城关\" in .name", "\"村\" in .parent.name"] {
            _ = agree(s, "orgs", c)
        }
        _ = agree(s, "positions", "\"城关\" in .org.name")
        _ = agree(s, "positions", "\"芳\" in .person.name and .role == exec")
    }

    /// Names Swift compares by more than their bytes, plain ones beside them and a null one,
    /// in the pool the store was built with (searched in its bytes when plain) and added later
    /// (decoded).
    func testTextSwiftMustCompare() {
        let names = ["e\u{301}clair", "\u{E9}clair", "a\r\nb", "a\nb", "\u{F95E}花", "丽花", "ｆｕｌｌ", "full", "王芳", ""]
        // More rows than `PoolMatches.fromRows`, so the whole set keeps answers by string and the
        // `take 9` below tests its rows one by one; strings not in any row pad the pool.
        var b = StoreBuilder()
        for i in 0..<(PoolMatches.fromRows + 100) {
            let name = i % 7 == 3 ? "某\(i)" : names[i % names.count]
            b.append(.person, [i % 13 == 5 ? nullCell : b.intern(name), 1970, nullCell, nullCell, 0, nullCell])
            _ = b.intern("填充\(i)")
        }
        var added = b.build()
        for row in 0..<names.count * 3 {
            added.setCell(Schema.Person.name, Int32(row), added.intern(names[row % names.count] + "。\(row)"))
        }
        let needles = ["\u{E9}", "e", "e\u{301}", "a", "b", "丽", "\u{F95E}", "ｆ", "f", "芳", "clair", "花"]
        for store in [b.build(), added] {
            for needle in needles {
                let found = agree(store, "people", "\"\(needle)\" in .name")
                XCTAssertNotEqual(found, "", needle)
            }
        }
    }

    /// On the cells, a filter steps once per block of rows, not once per row.
    func testTextsInNamesRunOnTheCells() {
        let (_, err, session) = runSession(Demo.county(), "people | where \"芳\" in .name | count")
        XCTAssertEqual(err, "")
        XCTAssertLessThan(session.lastRunSteps, 100)
        let people = Demo.county().count(.person)
        let (_, err2, general) = runSession(Demo.county(), "\(setup)\npeople | where \"芳\" in plain(it).name | count")
        XCTAssertEqual(err2, "")
        XCTAssertGreaterThanOrEqual(general.lastRunSteps, people)
    }
}
