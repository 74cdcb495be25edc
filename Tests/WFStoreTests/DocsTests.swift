import XCTest
import WFStore

/// docs/data-model.md must describe every field and vocabulary label the store has.
final class DocsTests: XCTestCase {
    func testDataModelDocumentsEveryFieldAndLabel() throws {
        let root = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
        let doc = try String(contentsOf: root.appendingPathComponent("docs/data-model.md"), encoding: .utf8)
        for kind in Kind.allCases {
            guard let start = doc.range(of: "### `\(kind.name)`") else { XCTFail("no section for \(kind.name)"); continue }
            let section = doc[start.upperBound...].prefix { $0 != "#" }
            for field in kind.fields { XCTAssertTrue(section.contains("| `\(field.name)` |"), "\(kind.name).\(field.name)") }
        }
        for e in Vocab.all {
            for label in e.labels { XCTAssertTrue(doc.contains("`\(label)`"), "\(e.name).\(label)") }
        }
    }
}
