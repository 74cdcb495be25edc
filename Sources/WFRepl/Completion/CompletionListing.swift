import WFRender

/// Lays candidates out in columns under the line being edited, as shells do, measuring by
/// display width so that Chinese names line up.
public enum CompletionListing {
    /// Beyond this many candidates only the count is shown: a screenful of names is no help.
    public static let maximumShown = 200

    /// Candidates in columns across `width` terminal columns, filled row by row; each line ends
    /// in "\n".
    /// - Complexity: O(n) for n candidates.
    public static func format(_ candidates: [String], width: Int) -> String {
        if candidates.isEmpty { return "" }
        if candidates.count > maximumShown {
            return "(\(candidates.count) candidates: type more of the name)\n"
        }
        let gap = 2
        let widest = candidates.map(TextWidth.width).max() ?? 0
        let perRow = max(1, (width + gap) / (widest + gap))
        var out = ""
        for rowStart in stride(from: 0, to: candidates.count, by: perRow) {
            let row = candidates[rowStart..<min(rowStart + perRow, candidates.count)]
            var line = ""
            for (index, candidate) in row.enumerated() {
                let isLast = index == row.count - 1
                line += isLast ? candidate : TextWidth.pad(candidate, to: widest + gap)
            }
            out += line + "\n"
        }
        return out
    }
}
