/// What Tab does with a list of candidates.
public enum CompletionAction: Equatable, Sendable {
    /// Insert this text at the cursor.
    case insert(String)
    /// Nothing more can be inserted and several candidates remain: show them.
    case list([String])
    /// No candidate, or the word is already complete.
    case nothing
}

/// Turns whole-word candidates into an edit, independent of how the engine splits words: the
/// candidates all begin with the word typed so far, so the longest end of the typed text that
/// is also a start of their common prefix is that word, and the rest of the prefix is what to
/// insert. This lets the engine complete inside quotes, after `.`, or in Chinese names without
/// telling the editor where its words begin.
public enum CompletionInsertion {
    /// - Parameters:
    ///   - typed: the line up to the cursor.
    ///   - candidates: whole words, each beginning with the word being typed.
    /// - Complexity: O(c · p + p²) Characters for c candidates with common prefix length p
    ///   (p is a word, so small).
    public static func action(typed: String, candidates: [String]) -> CompletionAction {
        let unique = deduplicated(candidates)
        guard let first = unique.first else { return .nothing }
        let prefix = commonPrefix(unique)
        let typedCharacters = Array(typed)
        let prefixCharacters = Array(prefix)
        let overlap = longestOverlap(typedCharacters, prefixCharacters)
        if overlap < prefixCharacters.count {
            return .insert(String(prefixCharacters[overlap...]))
        }
        if unique.count == 1 && first == prefix { return .nothing }
        return .list(unique)
    }

    /// The longest common leading run of Characters of `words`.
    /// - Complexity: O(total length of the words).
    public static func commonPrefix(_ words: [String]) -> String {
        guard var prefix = words.first.map(Array.init) else { return "" }
        for word in words.dropFirst() {
            var length = 0
            for (a, b) in zip(prefix, word) {
                if a != b { break }
                length += 1
            }
            prefix.removeSubrange(length...)
            if prefix.isEmpty { break }
        }
        return String(prefix)
    }

    /// Largest k such that the last k characters of `typed` are the first k of `prefix`.
    private static func longestOverlap(_ typed: [Character], _ prefix: [Character]) -> Int {
        var k = min(typed.count, prefix.count)
        while k > 0 {
            if typed[(typed.count - k)...].elementsEqual(prefix[..<k]) { return k }
            k -= 1
        }
        return 0
    }

    private static func deduplicated(_ words: [String]) -> [String] {
        var seen = Set<String>()
        return words.filter { seen.insert($0).inserted }
    }
}
