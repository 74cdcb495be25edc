import Foundation
import XCTest
@testable import WFLanguage

/// Decimals print with at most four places and no trailing zeros. `Display.shortDecimal` gives
/// that text without Foundation when Swift's shortest form has four places or fewer; every
/// answer it gives must be the `%.4f` one.
final class DecimalTextTests: XCTestCase {
    private func formatted(_ d: Double) -> String {
        var s = String(format: "%.4f", d)
        while s.hasSuffix("0") { s.removeLast() }
        if s.hasSuffix(".") { s.removeLast() }
        return s == "-0" ? "0" : s
    }

    func testShortFormsAgreeWithFourPlaces() {
        var values: [Double] = [0, -0.0, 0.1, 0.5, 2, 43.7, 1234.5678, -3.25, 0.0001, 0.00005, 0.00015, 1.00005, 0.30000000000000004,
                                2.0 / 3, 99_999_999_999.5, 1e11, 1e15, 123_456_789.0001, -0.00004, 5e-324,
                                1e15 + 0.125, 5e14 + 0.0625, 123_456_789_012.3, 4_503_599_627_370.5]
        var seed: UInt64 = 42
        for _ in 0..<50_000 {
            // Large values whose fourth place the binary value may not hold.
            values.append(Double(seed >> 14) / 16)
            seed = seed &* 6364136223846793005 &+ 1442695040888963407
            let n = Int64(bitPattern: seed >> 20) % 100_000_000
            let places = Double([1, 10, 100, 1_000, 10_000, 100_000][Int(seed >> 60) % 6])
            values.append(Double(n) / places)
            values.append(Double(bitPattern: seed >> 2) .truncatingRemainder(dividingBy: 1e12))
        }
        var short = 0
        for d in values where d.isFinite {
            if let s = Display.shortDecimal(d) {
                short += 1
                XCTAssertEqual(s, formatted(d), "\(d)")
            }
            XCTAssertEqual(Display.decimal(d), formatted(d), "\(d)")
        }
        XCTAssertGreaterThan(short, 30_000, "the short path is taken for short decimals")
        XCTAssertEqual(Display.decimal(0.1), "0.1")
        XCTAssertEqual(Display.decimal(2.0), "2")
        XCTAssertEqual(Display.decimal(2.0 / 3), "0.6667")
        XCTAssertEqual(Display.decimal(-0.0), "0")
    }
}
