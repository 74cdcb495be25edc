import XCTest
import WFStore
import WFGenerator
@testable import WFLanguage

/// `x = append(x, e)` and `x = x + e` add to the variable's list in place
/// (`Compiler+AppendInPlace.swift`); every answer and error must be the one the expression gives
/// evaluated as written, which `let t = append(x, e)` then `x = t` still does.
final class AppendInPlaceTests: XCTestCase {
    private func run(_ source: String) -> (out: String, err: String) {
        let (out, err, _) = runSession(Demo.county(), source)
        return (out.replacingOccurrences(of: "\r\n", with: "\n"), err)
    }

    /// Each program as written and with its additions spelled through a temporary.
    private func assertSame(_ program: String, file: StaticString = #filePath, line: UInt = #line) {
        let general = program
            .replacingOccurrences(of: "rows = append(rows, ", with: "let t = append(rows, ")
            .replacingOccurrences(of: "rows = rows + ", with: "let t = rows + ")
            .replacingOccurrences(of: "#ASSIGN", with: "rows = t")
        let inPlace = program.replacingOccurrences(of: "#ASSIGN", with: "")
        XCTAssertNotEqual(general, inPlace)
        let a = run(inPlace), b = run(general)
        XCTAssertEqual(a.out, b.out, program, file: file, line: line)
        // The same message on the same line (the temporary moves the caret by a column or two).
        XCTAssertEqual(a.err.split(separator: "\n").prefix(1), b.err.split(separator: "\n").prefix(1), program, file: file, line: line)
        XCTAssertEqual(a.err.split(separator: "\n").dropFirst().first?.prefix(13), b.err.split(separator: "\n").dropFirst().first?.prefix(13),
                       program, file: file, line: line)
    }

    func testAdditionsAnswerAsWritten() {
        let programs = [
            // Rows built in a loop, read back; another name kept the list as it was.
            "let rows = []\nlet before = rows\nfor o in orgs | take 30 {\n rows = append(rows, {name: o.name, n: str(o.women) + \"人\"})\n #ASSIGN\n}\n[len(rows), len(before), rows | take 2]",
            "let rows = [1]\nlet kept = rows\nrows = rows + [2, 3]\n#ASSIGN\n[rows, kept]",
            "let rows = [1]\nfor i in range(5) {\n rows = rows + [i * 2]\n #ASSIGN\n}\nrows",
            // Not a list: the general answer or error.
            "let rows = orgs | take 3\nrows = append(rows, 5)\n#ASSIGN\nlen(rows)",
            "let rows = 7\nrows = rows + 5\n#ASSIGN\nrows",
            "let rows = [1]\nrows = rows + 5\n#ASSIGN\nrows",
            "let rows = \"a\"\nrows = append(rows, 1)\n#ASSIGN\nrows",
            // A variable of the caller's frame.
            "let rows = []\nfn add(v) {\n rows = append(rows, v)\n #ASSIGN\n}\nadd(1)\nadd([2])\nrows",
            // An error in the added value leaves the list as it was.
            "let rows = [1]\nrows = append(rows, 1 / 0)\n#ASSIGN\nrows",
        ]
        for p in programs { assertSame(p) }
        XCTAssertEqual(run("let rows = [1]\nlet kept = rows\nrows = append(rows, 2)\n[rows, kept]").out, "value\n\"1, 2\"\n1\n")
    }

    /// Nesting past the limit is refused before the list changes.
    func testTooDeepAdditionsAreRefusedAndLeaveTheList() {
        let deep = "let d = 1\nfor i in range(\(Value.maxNesting)) { d = [d] }\n"
        let (out, err) = run(deep + "let rows = [0]\nrows = append(rows, d)\nrows")
        XCTAssertTrue(err.contains("nest more than \(Value.maxNesting) deep"), err)
        XCTAssertEqual(out, "")
        // In one session: the failed addition leaves the variable's list as it was.
        var printed = ""
        let session = Session(store: Demo.county(), options: SessionOptions(output: { printed += $0 }, errorOutput: { _ in }))
        XCTAssertEqual(session.run(deep + "let rows = [0, 1]", file: "<t>"), .ok)
        XCTAssertNotEqual(session.run("rows = append(rows, d)", file: "<t>"), .ok)
        XCTAssertEqual(session.run("len(rows)", file: "<t>"), .ok)
        XCTAssertEqual(printed, "2\n")
    }

    /// Other shapes are evaluated as written: `append` given another meaning, an added value that
    /// may change the variable (read first, as written), another variable.
    func testOtherShapesAreEvaluatedAsWritten() {
        XCTAssertEqual(run("fn append(a, b) { return [b] }\nlet rows = [1, 2]\nrows = append(rows, 3)\nrows").out, "value\n3\n")
        XCTAssertEqual(run("let rows = [1]\nfn f() { rows = [9]\n return 2 }\nrows = append(rows, f())\nrows").out, "value\n1\n2\n")
        XCTAssertEqual(run("let rows = [1]\nlet other = [5]\nrows = append(other, 3)\n[rows, other]").out, "value\n\"5, 3\"\n5\n")
    }
}
