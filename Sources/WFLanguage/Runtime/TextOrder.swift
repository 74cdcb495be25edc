/// Strings ordered as Swift's `<` orders them, by their bytes when that gives the same answer.
///
/// Swift compares strings as their NFC-normalised scalars, and for text outside ASCII it takes
/// a slow path to do so, for every comparison: sorting 100,000 findings by organisation and
/// person names (Chinese) spent most of its time there. A string made only of ASCII and of CJK
/// ideographs (U+4000–U+9FFF) and CJK punctuation (U+3000–U+3029, U+3030–U+303F) is already NFC,
/// and none of those scalars combine or decompose, so the order of its UTF-8 bytes is the order
/// of its scalars, which is Swift's. Anything else (kana, Hangul, accents, combining marks,
/// compatibility ideographs) is compared by Swift.
enum TextOrder {
    /// -1, 0 or 1 as `x` sorts before, with or after `y`.
    static func compare(_ x: String, _ y: String) -> Int {
        isStable(x) && isStable(y) ? compareStable(x, y) : swiftOrder(x, y)
    }

    /// Whether `s` orders by its bytes (see above).
    static func isStable(_ s: String) -> Bool {
        s.utf8.withContiguousStorageIfAvailable { isStable($0) } ?? false
    }

    /// `compare` for two strings already known to order by their bytes (`isStable`): a sort
    /// checks each key once instead of in every comparison.
    static func compareStable(_ x: String, _ y: String) -> Int {
        let bytewise = x.utf8.withContiguousStorageIfAvailable { a in y.utf8.withContiguousStorageIfAvailable { b in compareBytes(a, b) } } ?? nil
        return bytewise ?? swiftOrder(x, y)
    }

    private static func swiftOrder(_ x: String, _ y: String) -> Int { x < y ? -1 : (x == y ? 0 : 1) }

    /// Whether every scalar of the valid UTF-8 `s` is one whose bytes order as Swift orders it.
    static func isStable(_ s: UnsafeBufferPointer<UInt8>) -> Bool {
        var i = 0
        let n = s.count
        while i < n {
            let lead = s[i]
            if lead < 0x80 { i &+= 1; continue }
            guard i + 2 < n else { return false }
            if lead >= 0xE4 && lead <= 0xE9 { i &+= 3; continue }
            // U+3000–U+303F but the ideographic tone marks U+302A–U+302F, which combine.
            if lead == 0xE3 && s[i + 1] == 0x80 && !(0xAA...0xAF).contains(s[i + 2]) { i &+= 3; continue }
            return false
        }
        return true
    }

    private static func compareBytes(_ a: UnsafeBufferPointer<UInt8>, _ b: UnsafeBufferPointer<UInt8>) -> Int {
        let n = Swift.min(a.count, b.count)
        var i = 0
        while i < n {
            if a[i] != b[i] { return a[i] < b[i] ? -1 : 1 }
            i &+= 1
        }
        return a.count < b.count ? -1 : (a.count == b.count ? 0 : 1)
    }
}
