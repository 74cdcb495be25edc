import XCTest
import WFGenerator
import WFStore
@testable import WFLanguage

/// Sort keys that are all numbers or null are compared as doubles (`NumericSortKeys`); the order
/// must be `Value.sortOrder`'s, which the general comparator uses, for every pair.
final class NumericSortKeysTests: XCTestCase {
    /// The general comparator, as `compileSort` and `selectTop` write it.
    private func generalBefore(_ keys: [[Value]], _ a: Int, _ b: Int, _ descending: [Bool]) -> Bool {
        for k in descending.indices {
            let l = keys[a][k], r = keys[b][k]
            let c = Value.sortOrder(l, r)
            if c != 0 { return (descending[k] && !l.isNull && !r.isNull) ? c > 0 : c < 0 }
        }
        return a < b
    }

    func testTheOrderIsTheGeneralComparatorsForEveryPair() {
        let pool: [Value] = [.null, .int(0), .int(-1), .int(7), .int(7), .int(1 << 53), .int(-(1 << 53)), .decimal(-0.0), .decimal(0.0),
                             .decimal(2.5), .decimal(7.0), .decimal(-.infinity), .decimal(.infinity), .decimal(1e300), .null]
        var generator = SystemRandomNumberGenerator()
        for width in 1...3 {
            let items = (0..<60).map { _ in (0..<width).map { _ in pool.randomElement(using: &generator) ?? .null } }
            for descending in [[Bool](repeating: false, count: width), [Bool](repeating: true, count: width), (0..<width).map { $0 % 2 == 0 }] {
                guard let numeric = NumericSortKeys(items: items.count, width: width, { items[$0][$1] }) else { return XCTFail("no numeric keys") }
                for a in items.indices {
                    for b in items.indices {
                        XCTAssertEqual(numeric.before(a, b, descending: descending), generalBefore(items, a, b, descending),
                                       "\(items[a]) \(items[b]) \(descending)")
                    }
                }
            }
        }
    }

    func testDatesCompareByTheirDaysForEveryPair() {
        let days = ["2026-06-30", "2021-07-01", "2026-06-30", "1950-03-08", "9999-12-31", "0001-01-01"].compactMap { Day(iso: $0) }
        let pool: [Value] = days.map { .date($0) } + [.null, .null]
        var generator = SystemRandomNumberGenerator()
        for width in 1...2 {
            let items = (0..<40).map { _ in (0..<width).map { _ in pool.randomElement(using: &generator) ?? .null } }
            for descending in [[Bool](repeating: false, count: width), [Bool](repeating: true, count: width)] {
                guard let keys = NumericSortKeys(items: items.count, width: width, { items[$0][$1] }) else { return XCTFail("no keys for dates") }
                for a in items.indices {
                    for b in items.indices {
                        XCTAssertEqual(keys.before(a, b, descending: descending), generalBefore(items, a, b, descending))
                    }
                }
            }
        }
        // Dates beside numbers in one key order by type name: the general comparator's.
        XCTAssertNil(NumericSortKeys(items: 2, width: 1) { a, _ in a == 0 ? .int(1) : .date(days[0]) })
        XCTAssertNil(NumericSortKeys(items: 2, width: 1) { a, _ in a == 0 ? .date(days[0]) : .decimal(2.5) })
        XCTAssertNil(NumericSortKeys(items: 2, width: 1) { a, _ in a == 0 ? .date(days[0]) : .int(3) })
        XCTAssertNotNil(NumericSortKeys(items: 2, width: 2) { a, k in k == 0 ? .date(days[a]) : .int(Int64(a)) })
    }

    func testKeysADoubleCannotHoldAreLeftToTheGeneralComparator() {
        XCTAssertNil(NumericSortKeys(items: 2, width: 1) { a, _ in a == 0 ? .int(1) : .int((1 << 53) + 1) })
        XCTAssertNil(NumericSortKeys(items: 2, width: 1) { a, _ in a == 0 ? .int(1) : .decimal(.nan) })
        XCTAssertNil(NumericSortKeys(items: 2, width: 1) { a, _ in a == 0 ? .int(1) : .string("1") })
        XCTAssertNotNil(NumericSortKeys(items: 2, width: 1) { a, _ in a == 0 ? .null : .decimal(1.5) })
    }

    func testASortOfMixedNumbersAndNulls() {
        // Nulls last, 2 and 2.0 equal (so in their order), descending.
        let out = runCSV(Demo.county(), "[3, null, 2.5, -1, null, 2.0, 2] | sort it desc | map (if it == null { \"none\" } else { it * 10 })",
                         unixLines: true)
        XCTAssertEqual(out.split(separator: "\n").map(String.init), ["value", "30", "25", "20", "20", "-10", "none", "none"])
    }
}
