import WFStore

/// What the REPL asks between keystrokes: whether an entry is complete, and what can complete a word.
extension Session {
    /// True when `source` is a statement still open at its end: an unclosed bracket, block or
    /// string, a trailing operator or `|`, or a parse that stopped at end of input (as `lua.c` does).
    public func needsMoreInput(_ source: String) -> Bool {
        let bytes = Array(source.utf8)
        let file = SourceFile(name: "<repl>", bytes: bytes)
        switch Lexer.tokenize(bytes, file: -1) {
        case .failure:
            // Strings do not span lines, so a lexical error is final: report it, do not wait.
            return false
        case .success(let tokens):
            var depth = 0
            for t in tokens {
                switch t.kind {
                case .lparen, .lbracket, .lbrace: depth += 1
                case .rparen, .rbracket, .rbrace: depth -= 1
                default: break
                }
            }
            if depth > 0 { return true }
            let meaningful = tokens.filter { $0.kind != .newline && $0.kind != .eof }
            if let last = meaningful.last {
                switch last.kind {
                case .pipe, .comma, .assign, .arrow, .plus, .minus, .star, .slash, .percent, .eq, .ne, .lt, .le, .gt, .ge,
                     .kwAnd, .kwOr, .kwNot, .dot, .colon:
                    return true
                default: break
                }
            }
            if case .failure(let e) = Parser.parse(file, file: -1), let span = e.span, let last = meaningful.last {
                return e.phase == .syntax && span.start >= last.end
            }
            return false
        }
    }

    /// Candidates completing the word before `cursor` (a character offset in `line`): field names
    /// after '.', organisation and person names inside quotes, else keywords, built-ins, variables
    /// and kinds.
    public func completions(for line: String, cursor: Int) -> [String] {
        let chars = Array(line)
        let end = max(0, min(cursor, chars.count))
        let before = chars[0..<end]
        let quotes = before.filter { $0 == "\"" }.count
        if quotes % 2 == 1, let open = before.lastIndex(of: "\"") {
            let prefix = String(chars[(open + 1)..<end])
            return names(startingWith: prefix, limit: 50)
        }
        var start = end
        while start > 0, chars[start - 1].isLetter || chars[start - 1].isNumber || chars[start - 1] == "_" { start -= 1 }
        let word = String(chars[start..<end])
        if start > 0, chars[start - 1] == "." {
            var all = Set<String>()
            for k in Kind.allCases { all.formUnion(Navigation.names(k)) }
            return all.filter { $0.hasPrefix(word) }.sorted()
        }
        var pool = Set(TokenKind.keywords.keys)
        pool.formUnion(Builtins.table.keys)
        pool.formUnion(globalScope.names.keys)
        pool.formUnion(forks.names)
        pool.formUnion(Kind.allCases.map(\.plural))
        pool.formUnion(Kind.allCases.map(\.name))
        pool.formUnion(["where", "select", "sort", "take", "skip", "distinct", "group", "count", "first", "last",
                        "any", "all", "map", "reverse", "desc", "asc", "by", "named", "as", "of", "from", "to", "on", "it"])
        return pool.filter { $0.hasPrefix(word) && $0 != word }.sorted()
    }

    /// Organisation and person names starting with `prefix`, distinct, in store order.
    /// Compares UTF-8 bytes in the string pool, so no `String` is made for a name that does not
    /// match: a Tab press stays quick on a province.
    /// - Complexity: O(orgs + people) scan, stopping at `limit` matches.
    func names(startingWith prefix: String, limit: Int) -> [String] {
        var out: [String] = []
        var seen = Set<Int32>()
        let key = Array(prefix.utf8)
        let pool = store.strings
        for kind in [Kind.org, .person] {
            guard let nf = kind.nameField else { continue }
            let field = FieldID(kind, nf)
            for r in 0..<store.count(kind) {
                let c = store.cell(field, Int32(r))
                guard c != nullCell, Int(c) < pool.count else { continue }
                let matches: Bool
                if Int(c) < pool.base.count {
                    matches = pool.base.withBytes(Int(c)) { $0.count >= key.count && $0.starts(with: key) }
                } else {
                    matches = pool.string(c).utf8.starts(with: key)
                }
                guard matches, store.isLive(kind, Int32(r)), seen.insert(c).inserted else { continue }
                out.append(pool.string(c))
                if out.count >= limit { return out }
            }
        }
        return out
    }
}
