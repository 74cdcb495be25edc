import Foundation
import XCTest
@testable import WFRender

final class JSONTests: XCTestCase {
    private let typed = ResultTable(columns: ["s", "i", "d", "b", "z"], rows: [
        [.text("城关镇"), .int(42), .decimal(0.5, "0.50"), .bool(true), .null],
        [.text("q\"b\\s/\n\t\u{1}\u{1F}\u{2028}"), .int(-7), .decimal(1234.5, "1,234.5"), .bool(false), .text("")],
        [.text("👩‍👩‍👧"), .int(Int.max), .decimal(.nan, "NaN"), .null, .decimal(.infinity, "∞")],
    ])

    func testArrayText() {
        XCTAssertEqual(Render.json(typed), """
        [
          {"s": "城关镇", "i": 42, "d": 0.50, "b": true, "z": null},
          {"s": "q\\"b\\\\s/\\n\\t\\u0001\\u001f\\u2028", "i": -7, "d": 1234.5, "b": false, "z": ""},
          {"s": "👩‍👩‍👧", "i": 9223372036854775807, "d": null, "b": null, "z": null}
        ]

        """)
    }

    func testOutputParsesBackWithTheRightTypes() throws {
        let data = Data(Render.json(typed).utf8)
        let parsed = try JSONSerialization.jsonObject(with: data) as? [[String: Any]]
        let rows = try XCTUnwrap(parsed)
        XCTAssertEqual(rows.count, 3)
        XCTAssertEqual(rows[0]["s"] as? String, "城关镇")
        XCTAssertEqual(rows[0]["i"] as? Int, 42)
        XCTAssertEqual(rows[0]["d"] as? Double, 0.5)
        XCTAssertEqual(rows[0]["b"] as? Bool, true)
        XCTAssertTrue(rows[0]["z"] is NSNull)
        XCTAssertEqual(rows[1]["s"] as? String, "q\"b\\s/\n\t\u{1}\u{1F}\u{2028}")
        XCTAssertEqual(rows[1]["d"] as? Double, 1234.5)
        XCTAssertEqual(rows[1]["b"] as? Bool, false)
        XCTAssertEqual(rows[1]["z"] as? String, "")
        XCTAssertEqual(rows[2]["s"] as? String, "👩‍👩‍👧")
        XCTAssertTrue(rows[2]["d"] is NSNull)
        XCTAssertTrue(rows[2]["z"] is NSNull)
    }

    func testJSONLines() throws {
        let text = Render.jsonLines(typed)
        let lines = text.split(separator: "\n", omittingEmptySubsequences: false)
        XCTAssertEqual(lines.count, 4)
        XCTAssertEqual(lines[0], #"{"s": "城关镇", "i": 42, "d": 0.50, "b": true, "z": null}"#)
        XCTAssertEqual(lines[3], "")
        for line in lines.dropLast() {
            let object = try JSONSerialization.jsonObject(with: Data(line.utf8)) as? [String: Any]
            XCTAssertEqual(object?.count, 5)
        }
    }

    func testEmpty() {
        XCTAssertEqual(Render.json(ResultTable(columns: ["a"], rows: [])), "[]\n")
        XCTAssertEqual(Render.jsonLines(ResultTable(columns: ["a"], rows: [])), "")
    }

    func testDuplicateAndSpecialColumnNames() throws {
        let table = ResultTable(columns: ["名", "名", "a\"b", "名_2"], rows: [[.int(1), .int(2), .int(3), .int(4)]])
        XCTAssertEqual(Render.jsonLines(table), #"{"名": 1, "名_2": 2, "a\"b": 3, "名_2_2": 4}"# + "\n")
        let object = try JSONSerialization.jsonObject(with: Data(Render.json(table).utf8)) as? [[String: Any]]
        XCTAssertEqual(object?.first?.count, 4)
    }

    func testShortRowsGetNull() {
        XCTAssertEqual(Render.jsonLines(ResultTable(columns: ["a", "b"], rows: [[.int(1)]])), "{\"a\": 1, \"b\": null}\n")
    }

    func testNumberGrammar() {
        for good in ["0", "-0", "12", "0.50", "-3.25e+10", "1E5", "1e-05"] {
            XCTAssertTrue(JSON.isJSONNumber(good), good)
        }
        for bad in ["", "-", "01", "1.", ".5", "+1", "1e", "1,234", "NaN", "12%", "0x1F", "1.5.2"] {
            XCTAssertFalse(JSON.isJSONNumber(bad), bad)
        }
    }

    func testDecimalFallsBackToItsValue() {
        let table = ResultTable(columns: ["p"], rows: [[.decimal(0.125, "12.5%")], [.decimal(1e-7, "≈0")]])
        XCTAssertEqual(Render.jsonLines(table), "{\"p\": 0.125}\n{\"p\": 1e-07}\n")
    }
}
