/// Nearest-name suggestions ("did you mean …?") for every layer that reports a mistyped name:
/// the language's names and fields, the importer's columns and labels, the REPL's commands. It
/// lives here because this module is the one those layers all depend on; one rule everywhere
/// means a typo is suggested the same way in a script, a CSV header and a dot-command.
public enum Suggest {
    /// Up to `limit` candidates close to `name`: first those starting with it, then those within an
    /// edit distance of about a third of its length.
    /// - Complexity: O(candidates × length²), fine for field and variable names; large name
    ///   columns are pre-filtered by the caller.
    public static func nearest(_ name: String, _ candidates: [String], limit: Int = 3) -> [String] {
        let a = Array(name.lowercased())
        guard !a.isEmpty else { return [] }
        var prefixed: [String] = []
        var scored: [(Int, String)] = []
        let maxDistance = max(1, (a.count + 1) / 3)
        var seen = Set<String>()
        for c in candidates where c != name && !seen.contains(c) {
            seen.insert(c)
            let b = Array(c.lowercased())
            if b.count > a.count, b.starts(with: a) { prefixed.append(c); continue }
            if abs(b.count - a.count) > maxDistance { continue }
            let d = distance(a, b, cap: maxDistance)
            if d <= maxDistance { scored.append((d, c)) }
        }
        scored.sort { $0.0 != $1.0 ? $0.0 < $1.0 : $0.1 < $1.1 }
        var ranked = prefixed.sorted { $0.count != $1.count ? $0.count < $1.count : $0 < $1 } + scored.map(\.1)
        if ranked.isEmpty {
            // Nothing within the edit budget: fall back to names sharing a long common start
            // (`childs` → `children`).
            let need = max(3, a.count / 2 + 1)
            ranked = seen.filter { c in
                let b = Array(c.lowercased())
                var n = 0
                while n < min(a.count, b.count) && a[n] == b[n] { n += 1 }
                return n >= need
            }.sorted()
        }
        return Array(ranked.prefix(limit))
    }

    /// Levenshtein distance with transpositions counted as one edit, stopping early past `cap`.
    public static func distance(_ a: [Character], _ b: [Character], cap: Int) -> Int {
        if a.isEmpty { return b.count }
        if b.isEmpty { return a.count }
        var prev2 = [Int](repeating: 0, count: b.count + 1)
        var prev = Array(0...b.count)
        var cur = [Int](repeating: 0, count: b.count + 1)
        for i in 1...a.count {
            cur[0] = i
            var rowMin = cur[0]
            for j in 1...b.count {
                let cost = a[i - 1] == b[j - 1] ? 0 : 1
                var v = min(prev[j] + 1, cur[j - 1] + 1, prev[j - 1] + cost)
                if i > 1, j > 1, a[i - 1] == b[j - 2], a[i - 2] == b[j - 1] { v = min(v, prev2[j - 2] + 1) }
                cur[j] = v
                rowMin = min(rowMin, v)
            }
            if rowMin > cap { return cap + 1 }
            prev2 = prev
            prev = cur
        }
        return prev[b.count]
    }
}
