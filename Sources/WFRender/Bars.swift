/// Horizontal bars for ratios in tables (coverage reports), drawn with Unicode eighth blocks so a
/// bar resolves to 1/8 of a column.
public enum Bars {
    /// Widths beyond this are clamped, so an absurd argument cannot allocate without bound.
    public static let maximumWidth = 1_000

    /// The partial blocks, by eighths: index k draws k/8 of a column.
    private static let partial: [Character] = [" ", "▏", "▎", "▍", "▌", "▋", "▊", "▉"]

    /// A bar of Unicode eighth-blocks for a ratio in 0…1, `width` columns wide at 1.0.
    /// The ratio is clamped to 0…1 (NaN draws nothing) and rounded to the nearest eighth. The
    /// result is always exactly `width` columns (padded with spaces), so bars in a column line
    /// up; a width of 0 or less gives "".
    /// - Complexity: O(width).
    public static func bar(_ ratio: Double, width: Int) -> String {
        let columns = min(max(width, 0), maximumWidth)
        if columns == 0 { return "" }
        let clamped = ratio.isNaN ? 0 : min(max(ratio, 0), 1)
        // Adding 0.5 and truncating rounds half up for these non-negative values; it also keeps
        // libm out (`rounded()` needs it, and this module links nothing).
        let eighths = Int(clamped * Double(columns * 8) + 0.5)
        let full = eighths / 8
        let remainder = eighths % 8
        var out = String(repeating: "█", count: full)
        if remainder > 0 { out.append(partial[remainder]) }
        let used = full + (remainder > 0 ? 1 : 0)
        out += String(repeating: " ", count: columns - used)
        return out
    }
}
