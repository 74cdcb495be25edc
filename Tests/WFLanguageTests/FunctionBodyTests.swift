import XCTest
import WFStore
import WFGenerator
@testable import WFLanguage

/// A function body ending in an expression returns its value; arguments are evaluated in the
/// caller's frame, left to right, before the body runs.
final class FunctionBodyTests: XCTestCase {
    private func run(_ source: String) -> (out: String, err: String) {
        let (out, err, _) = runSession(Demo.county(), source)
        return (out, err)
    }

    func testLastExpressionIsTheResult() {
        XCTAssertEqual(run("fn double(x) { x * 2 }\nprint(double(21))").out, "42\n")
        XCTAssertEqual(run("fn f(x) { let y = x + 1\n y * y }\nprint(f(3))").out, "16\n")
        // An earlier expression statement is still dropped, and an explicit return still wins.
        XCTAssertEqual(run("fn g(x) { x + 100\n x }\nprint(g(5))").out, "5\n")
        XCTAssertEqual(run("fn h(x) { if x > 0 { return 1 }\n -1 }\nprint([h(2), h(-2)])").out, run("print([1, -1])").out)
        // A body ending in a statement other than an expression still returns null.
        XCTAssertEqual(run("fn k(x) { let y = x }\nprint(k(1))").out, "null\n")
    }

    func testArgumentsSeeTheCallersVariables() {
        XCTAssertEqual(run("let a = 2\nfn add(x, y) { return x + y }\nfn twice(a) { return add(a, a) }\nprint([twice(a + 1), add(a, 10)])").out, run("print([6, 12])").out)
        XCTAssertEqual(run("fn fact(n) { if n <= 1 { return 1 }\n n * fact(n - 1) }\nprint(fact(10))").out, "3628800\n")
        XCTAssertTrue(run("fn f(x) { return x }\nprint(f(1, 2))").err.contains("takes 1 argument, got 2"))
    }
}
