import XCTest
import WFStore
import WFGenerator
@testable import WFLanguage

/// The session's global frame starts small and grows as top-level names are declared
/// (`Frame.reserve`); functions defined before it grew must still read and write its slots.
final class GlobalFrameTests: XCTestCase {
    private func session() -> (Session, () -> (out: String, err: String)) {
        var out = "", err = ""
        var options = SessionOptions(format: .csv)
        options.output = { out += $0 }
        options.errorOutput = { err += $0 }
        return (Session(store: Demo.county(), options: options), { (out, err) })
    }

    func testFunctionsSeeTheFrameAfterItGrows() {
        let (s, result) = session()
        XCTAssertEqual(s.run("let a = 1\nfn f() { a }\nfn bump() { a = a + 1 }", file: "<1>"), .ok)
        let capacity = s.globalFrame.capacity
        let many = (0..<300).map { "let v\($0) = \($0)" }.joined(separator: "\n")
        XCTAssertEqual(s.run(many, file: "<2>"), .ok)
        XCTAssertGreaterThan(s.globalFrame.capacity, capacity)
        XCTAssertEqual(s.run("bump()\nprint([f(), v299, v0, a])", file: "<3>"), .ok)
        XCTAssertEqual(result().err, "")
        XCTAssertEqual(result().out.replacingOccurrences(of: "\r\n", with: "\n"), "value\n2\n299\n0\n2\n")
    }

    func testTheLimitOnTopLevelNamesIsAnError() {
        let (s, result) = session()
        let tooMany = (0...Session.globalSlots).map { "let v\($0) = 1" }.joined(separator: "\n")
        XCTAssertEqual(s.run(tooMany, file: "<t>"), .syntaxError)
        XCTAssertTrue(result().err.contains("too many top-level variables"), result().err)
        // The session is still usable: the names of the failed entry were not kept.
        XCTAssertEqual(s.run("print(1 + 1)", file: "<t2>"), .ok)
    }
}
