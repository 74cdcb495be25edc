import XCTest
@testable import WFRender

final class BarsTests: XCTestCase {
    func testEnds() {
        XCTAssertEqual(Bars.bar(0, width: 4), "    ")
        XCTAssertEqual(Bars.bar(1, width: 4), "████")
        XCTAssertEqual(Bars.bar(0.5, width: 4), "██  ")
        XCTAssertEqual(Bars.bar(0.5, width: 5), "██▌  ")
    }

    func testEighths() {
        XCTAssertEqual(Bars.bar(0.3, width: 4), "█▎  ") // 9.6 eighths round to 10
        XCTAssertEqual(Bars.bar(1.0 / 8, width: 1), "▏")
        XCTAssertEqual(Bars.bar(7.0 / 8, width: 1), "▉")
        XCTAssertEqual(Bars.bar(0.01, width: 4), "    ") // under half an eighth
    }

    func testOutOfRangeAndNaN() {
        XCTAssertEqual(Bars.bar(1.7, width: 3), "███")
        XCTAssertEqual(Bars.bar(-0.2, width: 3), "   ")
        XCTAssertEqual(Bars.bar(.nan, width: 3), "   ")
        XCTAssertEqual(Bars.bar(.infinity, width: 2), "██")
        XCTAssertEqual(Bars.bar(-.infinity, width: 2), "  ")
    }

    func testWidths() {
        XCTAssertEqual(Bars.bar(0.5, width: 0), "")
        XCTAssertEqual(Bars.bar(0.5, width: -9), "")
        XCTAssertEqual(TextWidth.width(Bars.bar(1, width: 1_000_000)), Bars.maximumWidth)
        for step in 0...40 {
            XCTAssertEqual(TextWidth.width(Bars.bar(Double(step) / 40, width: 10)), 10)
        }
    }
}
