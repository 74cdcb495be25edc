import XCTest
import WFStore
@testable import WFGenerator

final class NamesTests: XCTestCase {
    func testSurnameTableMatchesPublishedCoverage() {
        let top100 = PersonNamer.topTen.map(\.1).reduce(0, +) + PersonNamer.tailShares().reduce(0, +)
        XCTAssertEqual(Double(top100) / 1_000_000, 0.859, accuracy: 0.0005)
        let all = top100 + PersonNamer.rareShares().reduce(0, +)
        XCTAssertEqual(Double(all) / 1_000_000, 1.0, accuracy: 0.0005)
        // Shares decrease with rank, and every rare surname is below rank 100.
        let ranked = PersonNamer.topTen.map(\.1) + PersonNamer.tailShares()
        XCTAssertEqual(ranked, ranked.sorted(by: >))
        XCTAssertLessThan(PersonNamer.rareShares().max() ?? .max, ranked.last ?? 0)
        let surnames = PersonNamer().surnames
        XCTAssertEqual(Set(surnames).count, surnames.count, "surnames are distinct")
    }

    func testChineseNumbers() {
        XCTAssertEqual(PlaceSyllables.chineseNumber(1), "一")
        XCTAssertEqual(PlaceSyllables.chineseNumber(10), "十")
        XCTAssertEqual(PlaceSyllables.chineseNumber(12), "十二")
        XCTAssertEqual(PlaceSyllables.chineseNumber(20), "二十")
        XCTAssertEqual(PlaceSyllables.chineseNumber(35), "三十五")
        XCTAssertEqual(PlaceSyllables.chineseNumber(120), "120")
    }

    func testNameScopeNeverRepeats() {
        var scope = NameScope()
        var names: [String] = []
        for _ in 0..<5 { names.append(scope.claim { "东风村" }) }
        XCTAssertEqual(names, ["东风村", "二东风村", "三东风村", "四东风村", "五东风村"])
    }

    func testIdentityNumbers() {
        var rng = RandomSource(seed: 3)
        let id = Identity.idNumber(county: Array("451023".utf8), year: 1981, month: 10, day: 21, &rng)
        XCTAssertTrue(id.hasPrefix("45102319811021"))
        XCTAssertTrue(Identity.isValidIDNumber(id))
        // The published example number of the standard: check character X.
        XCTAssertTrue(Identity.isValidIDNumber("11010519491231002X"))
        XCTAssertFalse(Identity.isValidIDNumber("110105194912310021"))
        let digitBeforeCheck = Array(id.utf8)[16] - UInt8(ascii: "0")
        XCTAssertEqual(digitBeforeCheck % 2, 0, "an even 17th digit marks a woman")
        let phone = Identity.phone(&rng)
        XCTAssertEqual(phone.utf8.count, 11)
        XCTAssertTrue(phone.hasPrefix("1"))
        XCTAssertTrue("3456789".contains(Array(phone)[1]))
    }

    func testEveryVocabularyLabelResolves() {
        XCTAssertEqual(Codes.resolveAll(), [])
        XCTAssertEqual(Texts.measures.count, Vocab.category.labels.count)
    }
}
