import XCTest
import WFStore
import WFGenerator
@testable import WFLanguage

/// `sort .f` over records reads the field by a cached position (`RecordFieldSite`); it must
/// order exactly as sorting by the same field through a function (the general path) does.
final class RecordSortTests: XCTestCase {
    private func run(_ source: String, file: StaticString = #filePath, line: UInt = #line) -> String {
        runCSV(Demo.county(), source, unixLines: true, file: file, line: line)
    }

    func testSortByRecordFieldsAgreesWithTheGeneralPath() {
        let rows = "orgs | select .id, w: .women, lvl: .level, n: .name"
        for keys in [("w", "w"), ("w desc, .id", "w desc, fid(it)"), ("lvl, .w desc", "lvl, fw(it) desc"), ("n", "n")] {
            let fast = run("fn fid(r) { r.id }\nfn fw(r) { r.w }\n\(rows) | sort .\(keys.0) | map .id")
            let general = run("fn fid(r) { r.id }\nfn fw(r) { r.w }\nfn fk(r) { r }\n\(rows) | sort \(keys.1 == "w" ? "fw(it)" : keys.1 == "n" ? "(fk(it)).n" : "." + keys.1) | map .id")
            XCTAssertEqual(fast, general, keys.0)
            XCTAssertGreaterThan(fast.split(separator: "\n").count, 10)
        }
        for n in [1, 5, 50] {
            XCTAssertEqual(run("\(rows) | sort .w, .id | take \(n) | map .id"),
                           run("fn fw(r) { r.w }\n\(rows) | sort fw(it), .id | take \(n) | map .id"))
        }
    }

    /// Records of different shapes in one list, a missing field, and a name given twice.
    func testMixedShapes() {
        XCTAssertEqual(run("[{a: 3, b: 1}, {b: 2, a: 1}, {a: 2}] | sort .a | map .a"), "value\n1\n2\n3\n")
        XCTAssertEqual(run("[{a: 3}, {b: 2, a: 1}, {a: 2, c: 0}, {a: 0}] | sort .a desc | map .a"), "value\n3\n2\n1\n0\n")
        var err = ""
        var options = SessionOptions(format: .csv)
        options.output = { _ in }
        options.errorOutput = { err += $0 }
        _ = Session(store: Demo.county(), options: options).run("[{a: 3}, {b: 2}] | sort .a", file: "<t>")
        XCTAssertTrue(err.contains("the record has no field 'a'"), err)
    }
}
