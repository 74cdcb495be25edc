import XCTest
@testable import WFRender

final class TextWidthTests: XCTestCase {
    func testASCII() {
        XCTAssertEqual(TextWidth.width(""), 0)
        XCTAssertEqual(TextWidth.width("abc"), 3)
        XCTAssertEqual(TextWidth.width("coverage 0.95!"), 14)
    }

    func testControlCharactersTakeNoColumns() {
        XCTAssertEqual(TextWidth.width("a\tb"), 2)
        XCTAssertEqual(TextWidth.width("\u{1B}[1m"), 3) // ESC is 0, "[1m" is 3
        XCTAssertEqual(TextWidth.width("a\r\nb"), 2)
        XCTAssertEqual(TextWidth.width("\u{7F}\u{85}"), 0)
    }

    func testChinese() {
        XCTAssertEqual(TextWidth.width("中文"), 4)
        XCTAssertEqual(TextWidth.width("城关镇妇联"), 10)
        XCTAssertEqual(TextWidth.width("𠀀"), 2) // CJK Extension B, outside the BMP
    }

    func testMixed() {
        XCTAssertEqual(TextWidth.width("王芳a1"), 6)
        XCTAssertEqual(TextWidth.width("2026年度 ok"), 11)
    }

    func testKanaHangulAndFullwidthForms() {
        XCTAssertEqual(TextWidth.width("ひらがなカタカナ"), 16)
        XCTAssertEqual(TextWidth.width("ｶﾀｶﾅ"), 4) // half-width katakana
        XCTAssertEqual(TextWidth.width("한국"), 4)
        XCTAssertEqual(TextWidth.width("\u{1100}\u{1161}\u{11A8}"), 2) // decomposed syllable 각
        XCTAssertEqual(TextWidth.width("ＡＢ１"), 6)
    }

    func testFullwidthPunctuation() {
        XCTAssertEqual(TextWidth.width("，。、「」"), 10)
        XCTAssertEqual(TextWidth.width("（一）：；！？"), 14)
        XCTAssertEqual(TextWidth.width("　"), 2) // ideographic space
    }

    func testCombiningMarks() {
        XCTAssertEqual(TextWidth.width("e\u{301}"), 1)
        XCTAssertEqual(TextWidth.width("cafe\u{301}"), 4)
        XCTAssertEqual(TextWidth.width("é"), 1)
        XCTAssertEqual(TextWidth.width("\u{301}"), 0) // a lone mark
        XCTAssertEqual(TextWidth.width("a\u{20DD}"), 1) // enclosing mark
    }

    func testZeroWidthCharacters() {
        XCTAssertEqual(TextWidth.width("a\u{200B}b"), 2)
        XCTAssertEqual(TextWidth.width("a\u{200D}b"), 2)
        XCTAssertEqual(TextWidth.width("\u{FEFF}x"), 1)
        XCTAssertEqual(TextWidth.width("中\u{FE00}"), 2) // variation selector
    }

    func testEmoji() {
        XCTAssertEqual(TextWidth.width("👍"), 2)
        XCTAssertEqual(TextWidth.width("👍🏽"), 2) // with a skin-tone modifier
        XCTAssertEqual(TextWidth.width("👩‍👩‍👧"), 2) // ZWJ family
        XCTAssertEqual(TextWidth.width("🇨🇳"), 2) // flag
        XCTAssertEqual(TextWidth.width("❤"), 1) // text presentation by default
        XCTAssertEqual(TextWidth.width("❤\u{FE0F}"), 2) // VS16 asks for emoji presentation
        XCTAssertEqual(TextWidth.width("ok👍"), 4)
    }

    func testAmbiguousCharactersAreNarrow() {
        XCTAssertEqual(TextWidth.width("┌─┐│"), 4)
        XCTAssertEqual(TextWidth.width("…"), 1)
        XCTAssertEqual(TextWidth.width("█▏"), 2)
    }

    func testCharacterWidth() {
        XCTAssertEqual(TextWidth.width(Character("中")), 2)
        XCTAssertEqual(TextWidth.width(Character("a")), 1)
        XCTAssertEqual(TextWidth.width(Character("\n")), 0)
        XCTAssertEqual(TextWidth.width(Character("e\u{301}")), 1)
    }

    func testPad() {
        XCTAssertEqual(TextWidth.pad("中", to: 4), "中  ")
        XCTAssertEqual(TextWidth.pad("中", to: 4, right: true), "  中")
        XCTAssertEqual(TextWidth.pad("e\u{301}", to: 3), "e\u{301}  ")
        XCTAssertEqual(TextWidth.pad("城关镇", to: 4), "城关镇")
    }

    func testTruncateCJK() {
        XCTAssertEqual(TextWidth.truncate("城关镇妇联", to: 10), "城关镇妇联")
        XCTAssertEqual(TextWidth.truncate("城关镇妇联", to: 9), "城关镇妇…")
        XCTAssertEqual(TextWidth.truncate("城关镇妇联", to: 6), "城关…")
        XCTAssertEqual(TextWidth.truncate("城关镇妇联", to: 5), "城关…")
        XCTAssertEqual(TextWidth.truncate("城关镇妇联", to: 2), "…")
        XCTAssertEqual(TextWidth.truncate("城关镇妇联", to: 1), "…")
        XCTAssertEqual(TextWidth.truncate("城关镇妇联", to: 0), "")
        XCTAssertEqual(TextWidth.truncate("城关镇妇联", to: -3), "")
    }

    func testTruncateMixedAndCombining() {
        XCTAssertEqual(TextWidth.truncate("abcdef", to: 4), "abc…")
        XCTAssertEqual(TextWidth.truncate("a中b", to: 3), "a…")
        XCTAssertEqual(TextWidth.truncate("e\u{301}e\u{301}e\u{301}", to: 2), "e\u{301}…")
        XCTAssertEqual(TextWidth.truncate("👍👍👍", to: 4), "👍…")
    }

    func testTruncateNeverExceedsTheLimit() {
        let samples = ["城关镇妇联东风村", "a中b文c字", "，。、「」ab", "👍a👩‍👩‍👧b", "plain ascii text"]
        for text in samples {
            for limit in 0...20 {
                let cut = TextWidth.truncate(text, to: limit)
                XCTAssertLessThanOrEqual(TextWidth.width(cut), limit, "\(text) to \(limit)")
                if TextWidth.width(text) <= limit {
                    XCTAssertEqual(cut, text)
                } else if limit > 0 {
                    XCTAssertTrue(cut.hasSuffix("…"), "\(text) to \(limit)")
                    // What precedes the "…" is whole characters of the original.
                    XCTAssertTrue(text.hasPrefix(String(cut.dropLast())), "\(text) to \(limit)")
                    // And it stops no more than one column short (only before a wide character).
                    XCTAssertGreaterThanOrEqual(TextWidth.width(cut), limit - 1, "\(text) to \(limit)")
                }
            }
        }
    }

    /// The fast path for common CJK and Latin text must agree with the per-cluster measure.
    func testSimplePathAgreesWithGraphemeMeasure() {
        let ranges: [ClosedRange<UInt32>] = [0x20...0x7E, 0xA0...0x2FF, 0x2010...0x205E, 0x3000...0x30FF,
                                             0x3400...0x4DBF, 0x4E00...0x9FFF, 0xAC00...0xD7A3, 0xFF01...0xFF60]
        for range in ranges {
            for value in range {
                guard let scalar = Unicode.Scalar(value) else { continue }
                let text = String(scalar)
                if let simple = TextWidth.simpleWidth(text) {
                    XCTAssertEqual(simple, TextWidth.width(Character(scalar)), String(value, radix: 16))
                }
            }
        }
        XCTAssertEqual(TextWidth.simpleWidth("城关镇 “妇联”…"), 14)
        XCTAssertNil(TextWidth.simpleWidth("e\u{301}"))
        XCTAssertNil(TextWidth.simpleWidth("\u{1100}\u{1161}"))
        XCTAssertNil(TextWidth.simpleWidth("가\u{11A8}"))
    }

    func testTableIsSortedAndWellFormed() {
        for table in [TextWidthTable.wide, TextWidthTable.zero] {
            XCTAssertEqual(table.count % 2, 0)
            for i in stride(from: 0, to: table.count, by: 2) {
                XCTAssertLessThanOrEqual(table[i], table[i + 1])
                if i + 2 < table.count { XCTAssertLessThan(table[i + 1], table[i + 2]) }
            }
        }
    }
}
