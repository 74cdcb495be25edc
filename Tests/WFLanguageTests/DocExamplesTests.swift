import Foundation
import XCTest
import WFStore
@testable import WFLanguage

/// Every ```wf block of docs/language.md runs on the fixture network without an error.
final class DocExamplesTests: XCTestCase {
    static let docPath = URL(fileURLWithPath: #filePath).deletingLastPathComponent()
        .appendingPathComponent("../../docs/language.md").standardized.path

    static func blocks(_ text: String) -> [(line: Int, code: String)] {
        var out: [(Int, String)] = []
        var current: [String]?
        var start = 0
        for (i, line) in text.components(separatedBy: "\n").enumerated() {
            if current == nil, line == "```wf" { current = []; start = i + 2; continue }
            if current != nil, line == "```" {
                out.append((start, current?.joined(separator: "\n") ?? ""))
                current = nil
                continue
            }
            current?.append(line)
        }
        return out
    }

    func testEveryExampleRuns() throws {
        let text = try String(contentsOfFile: DocExamplesTests.docPath, encoding: .utf8)
        let examples = DocExamplesTests.blocks(text)
        XCTAssertGreaterThan(examples.count, 20, "too few examples found in \(DocExamplesTests.docPath)")
        let stdlib = URL(fileURLWithPath: #filePath).deletingLastPathComponent().appendingPathComponent("golden/stdlib").path
        for (line, code) in examples {
            var out = ""
            let options = SessionOptions(stdlibPaths: [stdlib], saveHandler: { _, _ in }, output: { out += $0 }, errorOutput: { out += $0 })
            let session = Session(store: Fixture.store(), options: options)
            let status = session.run(code, file: "language.md:\(line)")
            XCTAssertEqual(status, .ok, "example at docs/language.md:\(line) failed:\n\(out)")
            XCTAssertFalse(out.isEmpty, "example at docs/language.md:\(line) printed nothing")
        }
    }
}
