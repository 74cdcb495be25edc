import XCTest
import WFStore
import WFGenerator
@testable import WFLanguage

/// Text run again in a session is not parsed or compiled again (`ProgramCache`) while the global
/// names mean what they meant; otherwise it is, and answers as a fresh compile would.
final class ProgramCacheTests: XCTestCase {
    private func session() -> (Session, () -> String) {
        var out = ""
        var options = SessionOptions(format: .csv)
        options.output = { out += $0 }
        options.errorOutput = { out += $0 }
        return (Session(store: Demo.county(), options: options), { defer { out = "" }; return out.replacingOccurrences(of: "\r\n", with: "\n") })
    }

    func testTheSameTextIsCompiledOnce() {
        let (s, take) = session()
        let question = "orgs | where .level == village | count"
        XCTAssertEqual(s.run(question, file: "<q>"), .ok)
        let compiled = s.sources.count
        let first = take()
        for _ in 0..<3 { XCTAssertEqual(s.run(question, file: "<q>"), .ok) }
        XCTAssertEqual(s.sources.count, compiled, "not parsed again")
        XCTAssertEqual(take(), first + first + first)
        XCTAssertNotEqual(first, "0\n")
    }

    func testANewNameMeansCompilingAgain() {
        let (s, take) = session()
        XCTAssertEqual(s.run("[village]", file: "<q>"), .ok)
        XCTAssertEqual(take(), "value\nvillage\n", "a label")
        XCTAssertEqual(s.run("let village = 7", file: "<d>"), .ok)
        XCTAssertEqual(s.run("[village]", file: "<q>"), .ok)
        XCTAssertEqual(take(), "value\n7\n", "now the variable")
    }

    func testAFunctionBoundAgainAndAResetAreSeen() {
        let (s, take) = session()
        XCTAssertEqual(s.run("fn f() { 1 }", file: "<d>"), .ok)
        XCTAssertEqual(s.run("f()", file: "<q>"), .ok)
        XCTAssertEqual(s.run("fn f() { 2 }", file: "<d2>"), .ok)
        XCTAssertEqual(s.run("f()", file: "<q>"), .ok)
        XCTAssertEqual(take(), "1\n2\n")
        s.reset()
        XCTAssertEqual(s.run("f()", file: "<q>"), .syntaxError)
        XCTAssertTrue(take().contains("unknown function 'f'"))
    }

    func testTextWithUseOrParamIsAlwaysCompiled() {
        let (s, _) = session()
        let text = "param n: int = 3\nn + 1"
        XCTAssertEqual(s.run(text, file: "<p>"), .ok)
        let compiled = s.sources.count
        XCTAssertEqual(s.run(text, file: "<p>"), .ok)
        XCTAssertEqual(s.sources.count, compiled + 1)
    }
}
