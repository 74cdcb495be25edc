import XCTest
@testable import WFRender

final class CSVTests: XCTestCase {
    func testQuotingCases() {
        let table = ResultTable(columns: ["name", "note, with comma", "n"], rows: [
            [.text("王芳"), .text("plain"), .int(1)],
            [.text("a,b"), .text("say \"hi\""), .decimal(2.5, "2.50")],
            [.text("two\nlines"), .text("cr\rhere"), .null],
            [.text(" spaced "), .bool(false), .text("")],
        ])
        XCTAssertEqual(Render.csv(table),
            "name,\"note, with comma\",n\r\n" +
            "王芳,plain,1\r\n" +
            "\"a,b\",\"say \"\"hi\"\"\",2.50\r\n" +
            "\"two\nlines\",\"cr\rhere\",\r\n" +
            " spaced ,false,\r\n")
    }

    func testChineseFullwidthCommaNeedsNoQuotes() {
        let table = ResultTable(columns: ["组织"], rows: [[.text("城关镇妇联，东风村")], [.text("“引号”")]])
        XCTAssertEqual(Render.csv(table), "组织\r\n城关镇妇联，东风村\r\n“引号”\r\n")
    }

    func testHeaderOnlyAndNoColumns() {
        XCTAssertEqual(Render.csv(ResultTable(columns: ["a", "b"], rows: [])), "a,b\r\n")
        XCTAssertEqual(Render.csv(ResultTable(columns: [], rows: [[.int(1)]])), "")
    }

    func testShortRowsGetEmptyFields() {
        let table = ResultTable(columns: ["a", "b", "c"], rows: [[.int(1)]])
        XCTAssertEqual(Render.csv(table), "a,b,c\r\n1,,\r\n")
    }

    /// Integers are written digit by digit, as `String(i)` writes them, at the extremes too.
    func testIntegersAsStringWritesThem() {
        var values = [0, 1, -1, 9, 10, -10, 99, 100, 1_234_567, -987_654_321, Int.max, Int.min, Int.max - 1, Int.min + 1]
        var generator = SystemRandomNumberGenerator()
        for _ in 0..<1_000 { values.append(Int.random(in: Int.min...Int.max, using: &generator)) }
        let table = ResultTable(columns: ["n", "b"], rows: values.map { [.int($0), .bool($0 > 0)] })
        let expected = "n,b\r\n" + values.map { "\($0),\($0 > 0)\r\n" }.joined()
        XCTAssertEqual(Render.csv(table), expected)
    }

    func testRenderDispatchesToCSV() {
        XCTAssertEqual(Render.render(Fixtures.townships, as: .csv), Render.csv(Fixtures.townships))
    }
}
