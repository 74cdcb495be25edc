import XCTest
import WFStore

final class DayTests: XCTestCase {
    func testEpochAndKnownDates() {
        XCTAssertEqual(Day(year: 1970, month: 1, day: 1)?.raw, 0)
        XCTAssertEqual(Day(year: 2000, month: 3, day: 1)?.raw, 11017)
        XCTAssertEqual(Day(iso: "2026-11-29")?.iso, "2026-11-29")
        XCTAssertEqual(Day(raw: -1).iso, "1969-12-31")
    }

    func testEveryDayOfFourCenturiesRoundTrips() {
        guard let start = Day(year: 1900, month: 1, day: 1), let end = Day(year: 2300, month: 1, day: 1) else {
            return XCTFail("bounds")
        }
        var expected = (year: 1900, month: 1, day: 1)
        for raw in start.raw..<end.raw {
            let c = Day(raw: raw).civil
            XCTAssertTrue(c == expected, "\(raw): \(c) != \(expected)")
            XCTAssertEqual(Day(year: c.year, month: c.month, day: c.day)?.raw, raw)
            expected.day += 1
            if expected.day > Day.daysIn(year: expected.year, month: expected.month) {
                expected.day = 1
                expected.month += 1
                if expected.month > 12 { expected.month = 1; expected.year += 1 }
            }
        }
    }

    func testInvalidDatesAreRejected() {
        XCTAssertNil(Day(iso: "2026-02-29"))
        XCTAssertNotNil(Day(iso: "2024-02-29"))
        XCTAssertNil(Day(iso: "1900-02-29"))
        XCTAssertNil(Day(iso: "2026-13-01"))
        XCTAssertNil(Day(iso: "2026-1-01"))
        XCTAssertNil(Day(iso: "20260101"))
        XCTAssertNil(Day(iso: "0000-01-01"))
    }

    func testCalendarArithmeticClampsToMonthEnd() {
        XCTAssertEqual(Day(iso: "2026-01-31")?.adding(months: 1)?.iso, "2026-02-28")
        XCTAssertEqual(Day(iso: "2024-02-29")?.adding(years: 1)?.iso, "2025-02-28")
        XCTAssertEqual(Day(iso: "2021-07-01")?.adding(years: 5, days: -1)?.iso, "2026-06-30")
        XCTAssertEqual(Day(iso: "2026-12-31")?.adding(days: 1)?.iso, "2027-01-01")
        XCTAssertNil(Day(iso: "9999-12-31")?.adding(days: 1))
    }
}
