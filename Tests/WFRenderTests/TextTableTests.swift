import XCTest
@testable import WFRender

final class TextTableTests: XCTestCase {
    func testCJKTable() {
        XCTAssertEqual(Render.text(Fixtures.townships), """
        平安县 — 覆盖率
        ┌────────────┬───────┬───────┬───────────┐
        │ 名称       │ women │ ratio │ note      │
        ├────────────┼───────┼───────┼───────────┤
        │ 城关镇妇联 │  1234 │  0.50 │ ok        │
        │ 东风村妇联 │     7 │  null │ 两行↵文字 │
        │ Hexi       │    -3 │  1.00 │ true      │
        └────────────┴───────┴───────┴───────────┘

        """)
    }

    func testEveryLineOfACJKTableHasTheSameWidth() {
        let table = ResultTable(columns: ["组织", "name", "主席"], rows: [
            [.text("平安县妇联"), .text("Ping'an"), .text("王芳")],
            [.text("东风村妇代会"), .text("x"), .text("李秀英，张敏")],
            [.text("ＡＢ「」"), .text("e\u{301}t\u{301}e\u{301}"), .null],
            [.text("👩‍👩‍👧 家"), .int(42), .text("한국")],
        ])
        let widths = Fixtures.lineWidths(Render.text(table))
        XCTAssertEqual(widths.count, 8)
        XCTAssertEqual(Set(widths).count, 1, "\(widths)")
    }

    func testEmptyResultPrintsHeaderAndZeroRows() {
        XCTAssertEqual(Render.text(ResultTable(columns: ["名称", "n"], rows: [])), """
        ┌──────┬───┐
        │ 名称 │ n │
        └──────┴───┘
        (0 rows)

        """)
    }

    func testNoColumns() {
        XCTAssertEqual(Render.text(ResultTable(columns: [], rows: [])), "(0 rows)\n")
        XCTAssertEqual(Render.text(ResultTable(columns: [], rows: [[], []])), "(no columns) 2 rows\n")
    }

    func testShortRowsAreFilledWithNull() {
        let table = ResultTable(columns: ["a", "b"], rows: [[.text("x")], [.int(1), .int(2), .int(3)]])
        XCTAssertEqual(Render.text(table), """
        ┌───┬──────┐
        │ a │    b │
        ├───┼──────┤
        │ x │ null │
        │ 1 │    2 │
        └───┴──────┘

        """)
    }

    func testFooterCountsRowsFromTen() {
        XCTAssertFalse(Render.text(Fixtures.numbered(9)).contains("rows"))
        XCTAssertTrue(Render.text(Fixtures.numbered(10)).hasSuffix("┘\n10 rows\n"))
    }

    func testHeadAndTailElision() {
        let text = Render.text(Fixtures.numbered(1000), options: RenderOptions(maxRows: 4))
        XCTAssertEqual(text, """
        ┌──────┬────────────┐
        │   id │ name       │
        ├──────┼────────────┤
        │    1 │ 村1        │
        │    2 │ 村2        │
        │ … 996 more rows … │
        │  999 │ 村999      │
        │ 1000 │ 村1000     │
        └──────┴────────────┘
        1000 rows (4 shown)

        """)
    }

    func testElisionWithAnOddLimitShowsMoreHead() {
        let text = Render.text(Fixtures.numbered(5), options: RenderOptions(maxRows: 3))
        XCTAssertEqual(text, """
        ┌────┬────────────┐
        │ id │ name       │
        ├────┼────────────┤
        │  1 │ 村1        │
        │  2 │ 村2        │
        │ … 2 more rows … │
        │  5 │ 村5        │
        └────┴────────────┘
        5 rows (3 shown)

        """)
    }

    func testElisionWidensANarrowTable() {
        let table = ResultTable(columns: ["n"], rows: (1...30).map { [.int($0)] })
        XCTAssertEqual(Render.text(table, options: RenderOptions(maxRows: 2)), """
        ┌──────────────────┐
        │                n │
        ├──────────────────┤
        │                1 │
        │ … 28 more rows … │
        │               30 │
        └──────────────────┘
        30 rows (2 shown)

        """)
    }

    func testMaxRowsZeroShowsOnlyTheCount() {
        XCTAssertEqual(Render.text(Fixtures.numbered(3), options: RenderOptions(maxRows: 0)), """
        ┌────┬────────────┐
        │ id │ name       │
        ├────┼────────────┤
        │ … 3 more rows … │
        └────┴────────────┘
        3 rows (0 shown)

        """)
    }

    func testTableWithinLimitIsNotElided() {
        XCTAssertEqual(Render.text(Fixtures.numbered(4), options: RenderOptions(maxRows: 4)),
                       Render.text(Fixtures.numbered(4)))
    }

    func testMaxWidthShrinksTheWidestColumns() {
        let text = Render.text(Fixtures.townships, options: RenderOptions(maxWidth: 36))
        XCTAssertEqual(text, """
        平安县 — 覆盖率
        ┌─────────┬───────┬───────┬────────┐
        │ 名称    │ women │ ratio │ note   │
        ├─────────┼───────┼───────┼────────┤
        │ 城关镇… │  1234 │  0.50 │ ok     │
        │ 东风村… │     7 │  null │ 两行↵… │
        │ Hexi    │    -3 │  1.00 │ true   │
        └─────────┴───────┴───────┴────────┘

        """)
    }

    func testMaxWidthIsNeverExceededWhenItCanBeMet() {
        for limit in stride(from: 25, through: 60, by: 1) {
            let text = Render.text(Fixtures.townships, options: RenderOptions(maxWidth: limit))
            for (index, width) in Fixtures.lineWidths(text).enumerated() {
                XCTAssertLessThanOrEqual(width, limit, "limit \(limit), line \(index)")
            }
        }
    }

    func testTitleIsCutToMaxWidth() {
        let table = ResultTable(columns: ["n"], rows: [[.int(1)]], title: "城关镇妇联执委名单")
        XCTAssertEqual(Render.text(table, options: RenderOptions(maxWidth: 8)), """
        城关镇…
        ┌───┐
        │ n │
        ├───┤
        │ 1 │
        └───┘

        """)
    }

    func testTooNarrowATerminalKeepsMinimumColumns() {
        let table = ResultTable(columns: ["名称", "note"], rows: [[.text("城关镇妇联"), .text("abcdef")]])
        XCTAssertEqual(Render.text(table, options: RenderOptions(maxWidth: 5)), """
        ┌─────┬─────┐
        │ 名… │ no… │
        ├─────┼─────┤
        │ 城… │ ab… │
        └─────┴─────┘

        """)
    }

    func testTrailingSpacesGoBeforeTheEllipsis() {
        let table = ResultTable(columns: ["bar", "x"], rows: [
            [.text(Bars.bar(0.25, width: 8)), .text("a")],
            [.text(Bars.bar(0, width: 8)), .text("b")],
            [.text("城关镇妇联  "), .text("c")],
        ])
        XCTAssertEqual(Render.text(table, options: RenderOptions(maxWidth: 14)), """
        ┌────────┬───┐
        │ bar    │ x │
        ├────────┼───┤
        │ ██     │ a │
        │        │ b │
        │ 城关…  │ c │
        └────────┴───┘

        """)
    }

    func testColourOnlyWhenAsked() {
        let table = ResultTable(columns: ["名", "n"], rows: [[.text("王"), .null]], title: "T")
        XCTAssertFalse(Render.text(table).contains("\u{1B}"))
        XCTAssertEqual(Render.text(table, options: RenderOptions(color: true)), """
        \u{1B}[1mT\u{1B}[0m
        ┌────┬──────┐
        │ \u{1B}[1m名\u{1B}[0m │ \u{1B}[1mn\u{1B}[0m    │
        ├────┼──────┤
        │ 王 │ \u{1B}[2mnull\u{1B}[0m │
        └────┴──────┘

        """)
    }

    func testControlCharactersInCellsCannotReachTheTerminal() {
        let table = ResultTable(columns: ["x"], rows: [[.text("a\u{1B}[31mb\tc\r\nd")]])
        XCTAssertEqual(Render.text(table), """
        ┌─────────────┐
        │ x           │
        ├─────────────┤
        │ a␛[31mb⇥c↵d │
        └─────────────┘

        """)
    }

    /// Ten thousand rows of CJK names stay aligned. How the time grows with the rows is
    /// measured by `wfbench growth` (10,000 against 20,000 rows), not timed here.
    func testTenThousandRowsRenderAligned() {
        let table = ResultTable(columns: ["id", "名称", "ratio"], rows: (0..<10_000).map {
            [.int($0), .text("东风村\($0)妇联"), .decimal(Double($0) / 10_000, "0.\($0)")]
        })
        let text = Render.text(table)
        let widths = Fixtures.lineWidths(text)
        XCTAssertEqual(widths.count, 10_000 + 5)
        XCTAssertEqual(Set(widths.dropLast()).count, 1)
        XCTAssertEqual(text.split(separator: "\n").last, "10000 rows")
    }
}
