import XCTest
import WFStore
@testable import WFGenerator

final class DeterminismTests: XCTestCase {
    /// Every base column and the whole string pool, as plain arrays.
    private func contents(_ store: Store) -> (columns: [[ContiguousArray<Int32>]], bytes: ContiguousArray<UInt8>, offsets: ContiguousArray<Int32>) {
        (store.tables.map { $0.columns.map(\.base) }, store.strings.base.bytes, store.strings.base.offsets)
    }

    func testSameSeedGivesIdenticalStores() {
        for scale in [Scale.village, .township] {
            let a = contents(Generator(scale: scale, seed: 11).generate())
            let b = contents(Generator(scale: scale, seed: 11).generate())
            XCTAssertEqual(a.columns, b.columns, "\(scale)")
            XCTAssertEqual(a.bytes, b.bytes, "\(scale)")
            XCTAssertEqual(a.offsets, b.offsets, "\(scale)")
        }
        let c = contents(Demo.county()), d = contents(Fixtures.demo)
        XCTAssertEqual(c.columns, d.columns)
        XCTAssertEqual(c.bytes, d.bytes)
    }

    /// A township network has every kind of record; a village one all but the township's
    /// rotating presidium and turns.
    func testSmallScalesHaveEveryKind() {
        let township = Generator(scale: .township, seed: 8).generate()
        for kind in Kind.allCases { XCTAssertGreaterThan(township.count(kind), 0, kind.name) }
        let village = Generator(scale: .village, seed: 8).generate()
        for kind in Kind.allCases where kind != .presidium && kind != .turn {
            XCTAssertGreaterThan(village.count(kind), 0, kind.name)
        }
        XCTAssertEqual(village.count(.presidium), 0)
        XCTAssertEqual(village.cell(Schema.Org.parent, 0), nullCell, "the village is the root")
    }

    func testDifferentSeedsDiffer() {
        let a = contents(Generator(scale: .township, seed: 11).generate())
        let b = contents(Generator(scale: .township, seed: 12).generate())
        XCTAssertNotEqual(a.bytes, b.bytes)
        XCTAssertNotEqual(a.columns, b.columns)
    }

    func testMetaDescribesTheNetwork() {
        let store = Generator(scale: .township, seed: 5).generate()
        XCTAssertEqual(store.meta.scale, "township")
        XCTAssertEqual(store.meta.seed, 5)
        XCTAssertEqual(store.meta.origin, "wf generator 1")
        XCTAssertEqual(store.meta.asOf, Day(year: 2026, month: 6, day: 30))
        let root = store.displayName(.org, 0)
        XCTAssertTrue(root.hasSuffix("妇联"))
        XCTAssertEqual(store.meta.name, String(root.dropLast(2)) + " township seed 5")
    }

    func testProgressIsMonotonicFromZeroToOne() {
        var reports: [Double] = []
        _ = Generator(scale: .county, seed: 3).generate { reports.append($0) }
        XCTAssertEqual(reports.first, 0)
        XCTAssertEqual(reports.last, 1)
        XCTAssertEqual(reports, reports.sorted())
        XCTAssertLessThanOrEqual(reports.count, 102)
        XCTAssertGreaterThan(reports.count, 5, "a county reports after each of its townships")
    }

    /// An as-of date far from the 2021 term still gives a consistent network, without a crash.
    func testFarAsOfDates() throws {
        for (year, month, day) in [(1990, 1, 1), (2017, 1, 1), (2100, 12, 31), (9990, 1, 1)] {
            let asOf = try XCTUnwrap(Day(year: year, month: month, day: day))
            let store = Generator(scale: .township, seed: 4, asOf: asOf).generate()
            XCTAssertGreaterThan(store.count(.position), 100)
            for p in 0..<Int32(store.count(.position)) {
                XCTAssertLessThan(store.cell(Schema.Position.from, p), store.cell(Schema.Position.to, p))
            }
            for l in 0..<Int32(store.count(.ledger)) {
                XCTAssertLessThanOrEqual(store.cell(Schema.Ledger.date, l), asOf.raw)
            }
        }
    }

    /// Terms follow the five-yearly village elections: 2021–2026 until the 2026 election
    /// (September to December), then 2026–2031.
    func testTermsFollowTheVillageElections() throws {
        let before = Generator(scale: .village, seed: 2).generate()
        let afterDay = try XCTUnwrap(Day(year: 2027, month: 3, day: 1))
        let after = Generator(scale: .village, seed: 2, asOf: afterDay).generate()
        for (store, year) in [(before, 2021), (after, 2026)] {
            XCTAssertGreaterThan(store.count(.position), 10)
            for p in 0..<Int32(store.count(.position)) {
                let from = Day(raw: store.cell(Schema.Position.from, p)).civil
                let to = Day(raw: store.cell(Schema.Position.to, p)).civil
                XCTAssertEqual(from.year, year)
                XCTAssertEqual(to.year, year + 5)
                XCTAssertTrue((9...12).contains(from.month))
            }
        }
    }
}
