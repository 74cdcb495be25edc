/// Display width of text in terminal columns, so that tables of Chinese text line up.
///
/// Hand-written rather than calling the C library's `wcwidth`: that one depends on the process
/// locale (it answers -1 for every CJK character under the "C" locale that tests and pipes run
/// in), measures code points rather than grapheme clusters, and its tables lag behind Unicode.
///
/// The measure, per grapheme cluster (Swift `Character`):
/// - 0 for control characters and for clusters made only of combining marks, zero-width joiners,
///   zero-width spaces and other format characters;
/// - 2 when the cluster's first scalar is East Asian Wide or Fullwidth (CJK ideographs, kana,
///   hangul, full-width forms, CJK punctuation such as ，。、「」, emoji with emoji presentation),
///   when it is a text-default symbol followed by VS16 (U+FE0F, emoji presentation), or when it
///   is a regional-indicator flag;
/// - 1 otherwise. East Asian *Ambiguous* characters (box drawing, "…", "█") count 1, as in
///   every terminal not set to a CJK legacy width mode.
public enum TextWidth {
    /// Columns `text` takes in a terminal: 2 per East Asian wide or full-width character, 0 for
    /// combining marks and zero-width joiners, 1 otherwise; measured per grapheme cluster.
    /// - Complexity: O(n) in the UTF-8 length; pure ASCII is counted byte by byte without
    ///   grapheme breaking.
    public static func width(_ text: String) -> Int {
        if let ascii = asciiWidth(text) { return ascii }
        if let simple = simpleWidth(text) { return simple }
        var total = 0
        for character in text { total += width(character) }
        return total
    }

    /// Columns one grapheme cluster takes (see the type's rules).
    /// - Complexity: O(s log r) for s scalars in the cluster and r ranges in the table.
    public static func width(_ character: Character) -> Int {
        if let ascii = character.asciiValue {
            return ascii >= 0x20 && ascii != 0x7F ? 1 : 0
        }
        let scalars = character.unicodeScalars
        var result = 0
        var sawBase = false
        for scalar in scalars {
            let v = scalar.value
            if v == 0xFE0F { // VS16 asks for emoji presentation: two columns.
                if sawBase { result = 2 }
                continue
            }
            if sawBase { continue }
            let w = scalarWidth(v)
            if w > 0 {
                sawBase = true
                result = isRegionalIndicator(v) ? 2 : w
            }
        }
        return result
    }

    /// Columns of a single code point, as the table says; control characters count 0.
    /// - Complexity: O(log r), r ranges in the table.
    public static func scalarWidth(_ value: UInt32) -> Int {
        if value < 0x7F { return value >= 0x20 ? 1 : 0 }
        if value < 0xA0 { return 0 } // DEL and the C1 controls
        if value < 0x300 { return 1 } // Latin-1 and Latin Extended: narrow, and no marks yet
        if inRanges(TextWidthTable.wide, value) { return 2 }
        if inRanges(TextWidthTable.zero, value) { return 0 }
        return 1
    }

    /// Pads `text` with spaces to `width` columns (left-aligned unless `right`).
    /// - Complexity: O(n) for the measure plus the padding.
    public static func pad(_ text: String, to width: Int, right: Bool = false) -> String {
        let w = self.width(text)
        if w >= width { return text }
        let pad = String(repeating: " ", count: width - w)
        return right ? pad + text : text + pad
    }

    /// Cuts `text` to at most `width` columns, ending in "…" when cut; never splits a wide character.
    /// When the last kept character is wide and only one column is left before the "…", the
    /// result is one column short of `width` rather than over it.
    /// - Complexity: O(n).
    public static func truncate(_ text: String, to width: Int) -> String {
        if width <= 0 { return "" }
        if self.width(text) <= width { return text }
        let budget = width - 1 // room for the "…"
        var used = 0
        var end = text.startIndex
        for index in text.indices {
            let w = self.width(text[index])
            if used + w > budget { break }
            used += w
            end = text.index(after: index)
        }
        return String(text[text.startIndex..<end]) + "…"
    }

    // MARK: - Internals

    /// The width of an all-ASCII string (printable bytes count 1, controls 0), or nil when the
    /// string holds any non-ASCII byte and needs the full measure.
    static func asciiWidth(_ text: String) -> Int? {
        let utf8 = text.utf8
        if let fast = utf8.withContiguousStorageIfAvailable(countPrintableASCII) { return fast }
        return countPrintableASCII(utf8)
    }

    private static func countPrintableASCII<Bytes: Sequence>(_ bytes: Bytes) -> Int? where Bytes.Element == UInt8 {
        var count = 0
        for byte in bytes {
            if byte >= 0x80 { return nil }
            if byte >= 0x20 && byte != 0x7F { count += 1 }
        }
        return count
    }

    /// The width of text made only of scalars that always stand alone as a grapheme cluster and
    /// whose width is known without the table (Latin, common CJK ideographs, kana, hangul
    /// syllables, CJK and full-width punctuation), or nil at the first other scalar. Most Chinese
    /// text takes this path and skips grapheme breaking, which is several times slower.
    static func simpleWidth(_ text: String) -> Int? {
        var total = 0
        for scalar in text.unicodeScalars {
            let v = scalar.value
            switch v {
            case 0x20..<0x7F, 0xA0..<0x300:
                total += 1
            case 0x4E00...0x9FFF, 0x3400...0x4DBF, 0x3000...0x3029, 0x3030...0x303E,
                 0x3041...0x3096, 0x30A0...0x30FF, 0xAC00...0xD7A3, 0xFF01...0xFF60:
                total += 2
            case 0x2010...0x2027, 0x2030...0x205E: // dashes, quotes, "…", "※": narrow, no marks
                total += 1
            default:
                return nil
            }
        }
        return total
    }

    private static func isRegionalIndicator(_ value: UInt32) -> Bool {
        value >= 0x1F1E6 && value <= 0x1F1FF
    }

    /// Binary search of a flat `[low, high, low, high, ...]` array of inclusive ranges.
    private static func inRanges(_ table: [UInt32], _ value: UInt32) -> Bool {
        var lo = 0
        var hi = table.count / 2 - 1
        if hi < 0 || value < table[0] || value > table[table.count - 1] { return false }
        while lo <= hi {
            let mid = (lo + hi) / 2
            if value < table[2 * mid] {
                hi = mid - 1
            } else if value > table[2 * mid + 1] {
                lo = mid + 1
            } else {
                return true
            }
        }
        return false
    }
}
