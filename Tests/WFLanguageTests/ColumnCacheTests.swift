import XCTest
import Foundation
import WFStore
import WFGenerator
@testable import WFLanguage

/// Field reads through the runtime's column pointers (`ColumnCache`) must see every write:
/// a `set`, a what-if and its restore, and cells changed before the run.
final class ColumnCacheTests: XCTestCase {
    private func run(_ store: Store, _ source: String, file: StaticString = #filePath, line: UInt = #line) -> String {
        runCSV(store, source, unixLines: true, file: file, line: line)
    }

    func testReadsSeeWritesInTheSameRun() {
        let store = Demo.county()
        let women = store.cell(Schema.Org.women, 3)
        let out = run(store, """
            fn w(o) { o.women }
            let o = org #3
            print(w(o))
            set o.women = 77
            print(w(o))
            whatif { set o.women = 55 } compare w(o)
            print(w(o))
            """)
        let lines = out.split(separator: "\n").map(String.init)
        XCTAssertEqual(lines.first, "\(women)")
        XCTAssertEqual(lines[1], "77")
        XCTAssertTrue(lines.contains { $0.hasPrefix("77,55,") }, out)
        XCTAssertEqual(lines.last, "77")
    }

    func testChangedColumnsAndPastTheEndRows() {
        var store = Demo.county()
        store.setCell(Schema.Person.birthYear, 3, 1999)
        store.setCell(Schema.Person.birthYear, 5, nullCell)
        XCTAssertEqual(run(store, "print((person #3).birth_year)\nprint((person #5).birth_year)"), "1999\nnull\n")
        let n = store.count(.person)
        XCTAssertEqual(run(store, "print((person #\(n - 1)).birth_year == null)"),
                       store.cell(Schema.Person.birthYear, Int32(n - 1)) == nullCell ? "true\n" : "false\n")
        // A what-if that appends a row (the column gets a tail), then reads after the restore.
        let out = run(store, "let p = person #0\nwhatif { create person {name: \"新\", birth_year: 2000} } compare (people | count)\nprint(p.birth_year == null)")
        let lines = out.split(whereSeparator: \.isNewline).map(String.init)
        XCTAssertEqual(lines.first, "before,after,delta,change")
        XCTAssertTrue(lines.count == 3 && lines[1].hasPrefix("\(n),\(n + 1),1,"), out)
        XCTAssertEqual(lines.last, store.cell(Schema.Person.birthYear, 0) == nullCell ? "true" : "false")
    }
}
