import XCTest
import WFStore
@testable import WFLanguage

/// Malformed and absurd input: each case must be a syntax error with a position, never a crash.
final class HostileInputTests: XCTestCase {
    func parseError(_ bytes: [UInt8]) -> WFError? {
        if case .failure(let e) = Parser.parse(SourceFile(name: "t.wf", bytes: bytes), file: 0) { return e }
        return nil
    }

    func parseError(_ text: String) -> WFError? { parseError(Array(text.utf8)) }

    func testUnterminatedString() throws {
        let e = try XCTUnwrap(parseError("print \"城关镇"))
        XCTAssertEqual(e.message, "unterminated string")
        XCTAssertEqual(e.span?.start, 6)
    }

    func testInvalidUTF8() throws {
        let e = try XCTUnwrap(parseError([0x70, 0x72, 0x69, 0x6E, 0x74, 0x20, 0x22, 0xFF, 0x22]))
        XCTAssertEqual(e.message, "invalid UTF-8 byte 0xff")
        XCTAssertEqual(e.span?.start, 7)
        let truncated = try XCTUnwrap(parseError([0x22, 0xE5, 0x9F]))
        XCTAssertEqual(truncated.message, "truncated UTF-8 sequence")
        let overlong = try XCTUnwrap(parseError([0x22, 0xC0, 0x80, 0x22]))
        XCTAssertEqual(overlong.message, "invalid UTF-8 sequence")
    }

    func testHundredThousandNestedBrackets() throws {
        for open in ["(", "[", "{a: ", "-", "not "] {
            let text = String(repeating: open, count: 100_000)
            let e = try XCTUnwrap(parseError(text), open)
            XCTAssertTrue(e.message.hasPrefix("nesting too deep"), "\(open): \(e.message)")
        }
        let blocks = String(repeating: "if true {", count: 100_000)
        XCTAssertTrue(try XCTUnwrap(parseError(blocks)).message.hasPrefix("nesting too deep"))
    }

    func testTenMegabyteLines() throws {
        let garbage = String(repeating: "@", count: 10_000_000)
        XCTAssertEqual(try XCTUnwrap(parseError(garbage)).message, "unexpected '@'")
        let sum = "let x = " + String(repeating: "1+", count: 1_000_000) + "1"
        XCTAssertTrue(try XCTUnwrap(parseError(sum)).message.hasPrefix("expression too long"))
        let dots = "x" + String(repeating: ".a", count: 1_000_000)
        XCTAssertTrue(try XCTUnwrap(parseError(dots)).message.hasPrefix("too many"))
        let pipes = "orgs" + String(repeating: " | count", count: 250_000)
        XCTAssertTrue(try XCTUnwrap(parseError(pipes)).message.hasPrefix("pipeline too long"))
        // A long string literal is fine, and its error rendering shows a window, not 10 MB.
        var out = ""
        let session = Session(store: Fixture.store(), options: SessionOptions(output: { out += $0 }, errorOutput: { out += $0 }))
        let status = session.run("let s = \"" + String(repeating: "妇", count: 3_000_000) + "\" + 1 / 0", file: "big.wf")
        XCTAssertEqual(status, .runtimeError)
        XCTAssertLessThan(out.utf8.count, 2_000)
        XCTAssertTrue(out.hasPrefix("error: division by zero\n --> big.wf:1:3000014\n"), String(out.prefix(200)))
    }

    func testBadEscapesAndNumbers() throws {
        XCTAssertEqual(try XCTUnwrap(parseError("\"a\\q\"")).message, "unknown escape")
        XCTAssertEqual(try XCTUnwrap(parseError("99999999999999999999999")).message, "integer too large")
        XCTAssertEqual(try XCTUnwrap(parseError("2026-02-30")).message, "no such date: 2026-02-30")
        XCTAssertEqual(try XCTUnwrap(parseError("\"\\u{D800}\"")).message, "bad \\u{…} escape")
    }

    func testRandomBytesNeverCrash() {
        var generator = SystemRandomNumberGenerator()
        let alphabet = Array("orgs|where.==(){}[]\"#12 2026-01-01 fn let 妇联\n,:;+-*/<>!=".utf8)
        for _ in 0..<2_000 {
            let n = Int.random(in: 0..<80, using: &generator)
            let bytes = (0..<n).map { _ in alphabet[Int.random(in: 0..<alphabet.count, using: &generator)] }
            _ = Parser.parse(SourceFile(name: "r.wf", bytes: bytes), file: 0)
            let session = Session(store: Fixture.store(), options: SessionOptions(output: { _ in }, errorOutput: { _ in }))
            _ = session.run(String(decoding: bytes, as: UTF8.self), file: "r.wf")
        }
    }
}

/// Values built to absurd shapes by a running program: an error, never a stack overflow.
final class HostileProgramTests: XCTestCase {
    func run(_ code: String) -> (RunStatus, String) {
        var out = ""
        let session = Session(store: Fixture.store(), options: SessionOptions(output: { out += $0 }, errorOutput: { out += $0 }))
        return (session.run(code, file: "p.wf"), out)
    }

    func testDeeplyNestedValues() {
        for code in ["let x = []\nfor i in range(100000) { x = [x] }",
                     "let x = {}\nfor i in range(100000) { x = {a: x} }",
                     "let x = 1\nfor i in range(100000) { x = append([], x) }",
                     "let x = 1\nfor i in range(100000) { x = [x] | map [it] }",
                     "let x = 1\nfor i in range(100000) { x = [x] | select a: it }"] {
            let (status, out) = run(code)
            XCTAssertEqual(status, .runtimeError, code)
            XCTAssertTrue(out.hasPrefix("error: lists and records nest more than 64 deep"), out)
        }
    }

    func testHugeDurationsAndRanges() {
        XCTAssertTrue(run("let d = 1y\nwhile true { d = d + d }").1.hasPrefix("error: duration too large"))
        XCTAssertTrue(run("range(-9223372036854775807, 9223372036854775807)").1.hasPrefix("error: range too large"))
        XCTAssertTrue(run("9223372036854775807 + 1").1.hasPrefix("error: integer overflow"))
        XCTAssertTrue(run("2026-01-01 + 99999y").1.hasPrefix("error: date out of range"))
    }
}
