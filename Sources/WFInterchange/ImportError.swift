import WFRender

/// A bad cell or row in an imported CSV file, with where it is.
public struct ImportError: Error, CustomStringConvertible {
    public let file: String
    public let line: Int
    public let column: Int
    public let message: String
    public let lineText: String
    public let hint: String?

    /// The error in the same shape as every wf error: position, the line, a caret, a hint.
    public var description: String {
        var out = "error: \(message)\n --> \(file):\(line):\(column)\n"
        let gutter = String(repeating: " ", count: String(line).count)
        let shown = lineText.count > 200 ? String(lineText.prefix(200)) + "…" : lineText
        out += "\(gutter) |\n\(line) | \(shown)\n\(gutter) | "
        out += String(repeating: " ", count: TextWidth.width(String(lineText.prefix(max(column - 1, 0))))) + "^\n"
        if let hint { out += "\(gutter) = help: \(hint)\n" }
        return out
    }
}

/// The nearest of `candidates` to `word`, if near enough to be a likely typo: a prefix either
/// way, or an edit distance (with transpositions) of at most a third of the word.
func nearest(_ word: String, in candidates: [String]) -> String? {
    func distance(_ a: [Character], _ b: [Character]) -> Int {
        guard !a.isEmpty, !b.isEmpty else { return max(a.count, b.count) }
        var d = [[Int]](repeating: [Int](repeating: 0, count: b.count + 1), count: a.count + 1)
        for i in 0...a.count { d[i][0] = i }
        for j in 0...b.count { d[0][j] = j }
        for i in 1...a.count {
            for j in 1...b.count {
                let cost = a[i - 1] == b[j - 1] ? 0 : 1
                d[i][j] = min(d[i - 1][j] + 1, d[i][j - 1] + 1, d[i - 1][j - 1] + cost)
                if i > 1, j > 1, a[i - 1] == b[j - 2], a[i - 2] == b[j - 1] { d[i][j] = min(d[i][j], d[i - 2][j - 2] + 1) }
            }
        }
        return d[a.count][b.count]
    }
    guard !word.isEmpty else { return nil }
    if let prefixed = candidates.first(where: { $0.hasPrefix(word) || word.hasPrefix($0) }) { return prefixed }
    let w = Array(word)
    let best = candidates.map { ($0, distance(w, Array($0))) }.min { $0.1 < $1.1 }
    guard let best, best.1 <= max(1, (w.count + 1) / 3) else { return nil }
    return best.0
}
