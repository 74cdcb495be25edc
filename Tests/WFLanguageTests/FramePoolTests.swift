import XCTest
import WFStore
import WFGenerator
@testable import WFLanguage

/// Call frames are reused once a call returns (`FramePool.swift`), unless something created in
/// the call still holds its frame. These programs would see stale or shared variables if a
/// frame were reused too early.
final class FramePoolTests: XCTestCase {
    private func run(_ source: String, file: StaticString = #filePath, line: UInt = #line) -> String {
        runCSV(Demo.county(), source, unixLines: true, file: file, line: line)
    }

    func testClosuresKeepTheirFrames() {
        XCTAssertEqual(run("""
            fn adder(n) { let k = n * 2
              return fn(x) => x + n + k }
            let a = adder(1)
            let b = adder(10)
            let c = adder(100)
            print a(5), b(5), c(5), a(0)
            """), "8 35 305 3\n")
    }

    func testRecursionAndFramesOfDifferentSizes() {
        XCTAssertEqual(run("""
            fn fact(n) { if n <= 1 { return 1 }
              return n * fact(n - 1) }
            fn wide(a) { let b = a + 1
              let c = b + 1
              let d = c + 1
              return [a, b, c, d] }
            fn narrow(x) { x }
            print fact(10), wide(1), narrow(7), wide(narrow(2)), fact(3)
            """), "3628800 [1, 2, 3, 4] 7 [2, 3, 4, 5] 6\n")
    }

    /// A fresh call sees null in a local it has not set yet, whatever the previous call left.
    func testReusedFramesStartEmpty() {
        XCTAssertEqual(run("""
            fn f(x) { let seen = null
              if x > 0 { seen = x }
              return seen }
            print f(5), f(0), f(7), f(-1)
            """), "5 null 7 null\n")
    }

    /// Calls per row in a filter, with an error part-way: the frames come back and later calls work.
    func testCallsPerRowAndAfterAnError() {
        let store = Demo.county()
        var out = "", err = ""
        var options = SessionOptions(format: .csv)
        options.output = { out += $0 }
        options.errorOutput = { err += $0 }
        let session = Session(store: store, options: options)
        _ = session.run("fn old(p) { p.birth_year < 1970 }\nfn boom(p) { p.birth_year / 0 > 1 }", file: "<t>")
        _ = session.run("people | where old(it) | count", file: "<t>")
        _ = session.run("people | where boom(it) | count", file: "<t>")
        XCTAssertFalse(err.isEmpty, "dividing by zero is an error")
        let before = out
        _ = session.run("people | where old(it) | count", file: "<t>")
        let expected = (0..<Int32(store.count(.person))).filter {
            store.isLive(.person, $0) && store.cell(Schema.Person.birthYear, $0) != nullCell && store.cell(Schema.Person.birthYear, $0) < 1970
        }.count
        XCTAssertEqual(before.split(separator: "\n").first.map(String.init), "\(expected)")
        XCTAssertEqual(String(out.dropFirst(before.count)).trimmingCharacters(in: .whitespacesAndNewlines), "\(expected)")
    }
}
