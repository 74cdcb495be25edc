import XCTest
@testable import WFRender

final class OneLineTests: XCTestCase {
    func testPlainTextIsUnchanged() {
        XCTAssertEqual(OneLine.text("城关镇妇联 ok “引号”"), "城关镇妇联 ok “引号”")
    }

    func testLineBreaks() {
        XCTAssertEqual(OneLine.text("a\nb\r\nc\rd"), "a↵b↵c↵d")
        XCTAssertEqual(OneLine.text("a\u{2028}b\u{2029}c\u{85}d"), "a↵b↵c↵d")
    }

    func testControlCharactersBecomePictures() {
        XCTAssertEqual(OneLine.text("\u{1B}[2J\t\u{0}\u{7F}\u{9B}"), "␛[2J⇥␀␡\u{FFFD}")
    }
}

final class RenderDispatchTests: XCTestCase {
    func testEachFormat() {
        let table = Fixtures.townships
        let options = RenderOptions(maxRows: 2)
        XCTAssertEqual(Render.render(table, as: .table, options: options), Render.text(table, options: options))
        XCTAssertEqual(Render.render(table, as: .csv, options: options), Render.csv(table))
        XCTAssertEqual(Render.render(table, as: .json, options: options), Render.json(table))
        XCTAssertEqual(Render.render(table, as: .md, options: options), Render.markdown(table))
    }
}
