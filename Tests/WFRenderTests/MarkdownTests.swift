import XCTest
@testable import WFRender

final class MarkdownTests: XCTestCase {
    func testAlignedGitHubTable() {
        XCTAssertEqual(Render.markdown(Fixtures.townships), """
        | 名称       | women | ratio | note         |
        | ---------- | ----: | ----: | ------------ |
        | 城关镇妇联 |  1234 |  0.50 | ok           |
        | 东风村妇联 |     7 |       | 两行<br>文字 |
        | Hexi       |    -3 |  1.00 | true         |

        """)
    }

    func testEscaping() {
        let table = ResultTable(columns: ["a|b", "c"], rows: [[.text("x|y"), .text("back\\slash")], [.text("r\r\nn"), .text("t\tab")]])
        XCTAssertEqual(Render.markdown(table), """
        | a\\|b   | c           |
        | ------ | ----------- |
        | x\\|y   | back\\\\slash |
        | r<br>n | t ab        |

        """)
    }

    func testSourceLinesAlign() {
        let widths = Fixtures.lineWidths(Render.markdown(Fixtures.townships))
        XCTAssertEqual(Set(widths).count, 1, "\(widths)")
    }

    func testHeaderOnly() {
        XCTAssertEqual(Render.markdown(ResultTable(columns: ["n"], rows: [])), "| n   |\n| --- |\n")
        XCTAssertEqual(Render.markdown(ResultTable(columns: [], rows: [])), "")
    }
}
