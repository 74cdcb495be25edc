import XCTest
import WFStore
@testable import WFLanguage

/// `TextOrder.compare` must order every pair of strings exactly as Swift's `<` and `==` do,
/// whether it compares their bytes or leaves them to Swift.
final class TextOrderTests: XCTestCase {
    /// Pieces from the ranges compared by bytes and from those that are not: kana (which
    /// decompose), an accent written whole and as a letter with a combining mark, ideographic
    /// tone marks (which combine), a compatibility ideograph (which decomposes), Hangul, and
    /// the edges of the ranges.
    private let pieces = ["a", "b", "Z", "0", " ", "王", "芳", "东风村", "妇联", "一", "鿿", "䀀", "、", "〩", "〪", "〿",
                          "が", "か\u{3099}", "é", "e\u{301}", "\u{302A}", "\u{F900}", "豈", "한", "ｚ", "·", "😀", ""]

    func testOrderMatchesSwift() {
        var seed: UInt64 = 0x9E37_79B9_7F4A_7C15
        func next(_ n: Int) -> Int {
            seed = seed &* 6364136223846793005 &+ 1442695040888963407
            return Int((seed >> 33) % UInt64(n))
        }
        func word() -> String { (0..<next(4)).map { _ in pieces[next(pieces.count)] }.joined() }
        var bytewise = 0
        for _ in 0..<20_000 {
            let x = word(), y = next(5) == 0 ? x : word()
            let swift = x < y ? -1 : (x == y ? 0 : 1)
            XCTAssertEqual(TextOrder.compare(x, y), swift, "\(x.unicodeScalars.map(\.value)) vs \(y.unicodeScalars.map(\.value))")
            if x.utf8.withContiguousStorageIfAvailable(TextOrder.isStable) == true,
               y.utf8.withContiguousStorageIfAvailable(TextOrder.isStable) == true { bytewise += 1 }
        }
        // Both ways were taken.
        XCTAssertGreaterThan(bytewise, 1_000)
        XCTAssertLessThan(bytewise, 19_000)
    }

    func testWhatIsComparedByBytes() {
        func stable(_ s: String) -> Bool { s.utf8.withContiguousStorageIfAvailable(TextOrder.isStable) ?? false }
        XCTAssertTrue(stable("平安县妇联 2026、东风村"))
        XCTAssertTrue(stable(""))
        XCTAssertFalse(stable("か\u{3099}"), "kana and a combining voiced mark")
        XCTAssertFalse(stable("e\u{301}"))
        XCTAssertFalse(stable("\u{302A}"), "an ideographic tone mark combines")
        XCTAssertFalse(stable("\u{F900}"), "a compatibility ideograph decomposes")
    }

    /// `sort` by a text key checks once per key whether its column orders by bytes, then
    /// compares bytes; either way the order is Swift's, ties kept in input order.
    func testSortOrdersTextAsSwift() {
        var seed: UInt64 = 7
        func next(_ n: Int) -> Int {
            seed = seed &* 6364136223846793005 &+ 1442695040888963407
            return Int((seed >> 33) % UInt64(n))
        }
        let stable = ["王", "芳", "东风", "村", "a", "B", "、", "1"], unstable = ["が", "é", "e\u{301}"]
        for pool in [stable, stable + unstable] {
            let names = (0..<400).map { _ in (0..<(1 + next(3))).map { _ in pool[next(pool.count)] }.joined() }
            let list = "[" + names.enumerated().map { "{i: \($0.offset), n: \"\($0.element)\"}" }.joined(separator: ", ") + "]"
            let out = runCSV(Store(), "let xs = \(list)\nxs | sort .n, .i | map .i", unixLines: true)
            let expected = names.enumerated().sorted { $0.element != $1.element ? $0.element < $1.element : $0.offset < $1.offset }.map { String($0.offset) }
            XCTAssertEqual(out.split(separator: "\n").dropFirst().map(String.init), expected)
        }
    }
}
