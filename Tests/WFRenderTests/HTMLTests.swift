import XCTest
@testable import WFRender

final class HTMLTests: XCTestCase {
    func testStandalonePage() {
        let table = ResultTable(columns: ["名称", "<n>"], rows: [
            [.text("A & B <script>alert('x')</script>"), .int(3)],
            [.text("两行\n\"文字\""), .null],
        ], title: "执委")
        let page = Render.html(table, title: "平安县 <公示>")
        XCTAssertTrue(page.hasPrefix("<!DOCTYPE html>\n<html lang=\"zh-CN\">\n<head>\n<meta charset=\"utf-8\">\n"))
        XCTAssertTrue(page.contains("<title>平安县 &lt;公示&gt;</title>\n"))
        XCTAssertTrue(page.contains("@media print {"))
        XCTAssertFalse(page.contains("<script>"))
        let body = try? XCTUnwrap(page.range(of: "<body>\n")).map { String(page[$0.lowerBound...]) }
        XCTAssertEqual(body, """
        <body>
        <h1>平安县 &lt;公示&gt;</h1>
        <table>
        <caption>执委</caption>
        <thead>
        <tr><th>名称</th><th class="num">&lt;n&gt;</th></tr>
        </thead>
        <tbody>
        <tr><td>A &amp; B &lt;script&gt;alert(&#39;x&#39;)&lt;/script&gt;</td><td class="num">3</td></tr>
        <tr><td>两行<br>&quot;文字&quot;</td><td></td></tr>
        </tbody>
        </table>
        <p class="count">2 rows</p>
        </body>
        </html>

        """)
    }

    func testEscape() {
        XCTAssertEqual(HTML.escape("plain 中文"), "plain 中文")
        XCTAssertEqual(HTML.escape("<a href=\"x\">&'</a>"), "&lt;a href=&quot;x&quot;&gt;&amp;&#39;&lt;/a&gt;")
        XCTAssertEqual(HTML.escape("a\r\nb\u{0}c"), "a<br>bc")
    }
}
