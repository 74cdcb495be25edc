/// Appending runs of padding without allocating a string per cell: the table renderers pad every
/// cell, and `String(repeating:count:)` per cell made padding a large share of their time.
enum Padding {
    private static let spaces = String(repeating: " ", count: 64)

    /// Appends `count` spaces (nothing when `count` ≤ 0).
    /// - Complexity: O(count).
    static func appendSpaces(_ count: Int, to out: inout String) {
        var remaining = count
        while remaining > 0 {
            let chunk = min(remaining, 64)
            out += spaces.utf8.count == chunk ? spaces[...] : spaces.prefix(chunk)
            remaining -= chunk
        }
    }
}
