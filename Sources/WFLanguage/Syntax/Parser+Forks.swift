/// Parsing of the fork statements (AST+Forks.swift). Each shape is recognised by looking ahead a
/// token or two, so that `fork`, `forks`, `apply` and `drop` stay ordinary names everywhere else.
extension Parser {
    /// The text of the token `n` places ahead.
    func peekText(_ n: Int) -> String { text(tokens[min(index + n, tokens.count - 1)]) }

    func endsStatement(_ k: TokenKind) -> Bool { k == .newline || k == .semicolon || k == .eof || k == .rbrace }

    /// A fork statement starting at the current token, or nil when the tokens are not one (the
    /// caller then parses an expression statement).
    mutating func forkStatement() throws -> ForkStmt? {
        switch kind {
        case .ident where currentText == "fork" && peekKind() == .ident
                && (peekKind(2) == .lbrace || peekText(2) == "from"):
            advance()
            let (name, nameSpan) = try self.name("after fork")
            var from: (String, Span)?
            if acceptWord("from") { from = try self.name("after 'from' (the fork to build on)") }
            return .create(name: name, nameSpan: nameSpan, from: from, body: try block("for the fork's changes"))
        case .ident where currentText == "forks" && endsStatement(peekKind()):
            advance()
            return .list
        case .ident where (currentText == "apply" || currentText == "drop") && peekKind() == .ident && endsStatement(peekKind(2)):
            let isApply = currentText == "apply"
            advance()
            let (name, nameSpan) = try self.name("")
            return isApply ? .apply(name, nameSpan) : .drop(name, nameSpan)
        case .kwIn where peekKind() == .ident && peekKind(2) == .lbrace:
            advance()
            let (name, nameSpan) = try self.name("after in")
            return .run(name: name, nameSpan: nameSpan, body: try block("after the fork's name"))
        case .kwCompare:
            return try forkCompare()
        default:
            return nil
        }
    }

    /// Tokens after which the expression parser skips newlines (a pipe, a binary operator), so a
    /// statement goes on to the next line.
    static func continuesOverNewline(_ k: TokenKind) -> Bool {
        switch k {
        case .pipe, .kwAnd, .kwOr, .kwIn, .eq, .ne, .lt, .le, .gt, .ge, .plus, .minus, .star, .slash, .percent: return true
        default: return false
        }
    }

    /// `compare EXPR in A, B, …`. The fork list is the last `in NAME, NAME…` of the statement, found
    /// before the expression is parsed: `in` is also an operator, and a pipeline stage such as
    /// `where .x in xs` would otherwise swallow it. The expression is then parsed from the tokens
    /// before that `in` alone.
    /// - Complexity: O(tokens of the statement).
    mutating func forkCompare() throws -> ForkStmt {
        let compareSpan = span
        advance()
        var end = index, nesting = 0
        while end < tokens.count {
            let k = tokens[end].kind
            if k == .lparen || k == .lbracket || k == .lbrace { nesting += 1 }
            if k == .rparen || k == .rbracket || k == .rbrace {
                if nesting == 0 { break }
                nesting -= 1
            }
            if nesting == 0 && (k == .eof || ((k == .newline || k == .semicolon) && !Parser.continuesOverNewline(tokens[end - 1].kind))) {
                break
            }
            end += 1
        }
        // Walk back over `NAME (, NAME)*` to the `in` before it.
        var i = end - 1
        while i > index, tokens[i].kind == .ident, tokens[i - 1].kind == .comma { i -= 2 }
        guard i > index + 1, tokens[i].kind == .ident, tokens[i - 1].kind == .kwIn else {
            throw WFError.syntax("compare needs the forks to compare in", compareSpan,
                                 hint: "compare EXPR in plan_a, plan_b (base is the real network); or whatif { … } compare EXPR")
        }
        let inIndex = i - 1
        var names: [(String, Span)] = []
        var j = i
        while j < end {
            let t = tokens[j]
            names.append((text(t), Span(file: file, start: t.start, end: t.end)))
            j += 2
        }
        let stop = tokens[inIndex]
        var sub = Parser(tokens: Array(tokens[..<inIndex]) + [Token(kind: .eof, start: stop.start, end: stop.start)],
                         source: source, file: file)
        sub.index = index
        sub.depth = self.depth
        let value = try sub.expression()
        if sub.kind != .eof { throw sub.unexpected("expected 'in FORK' after the value to compare") }
        index = end
        return .compare(value, names)
    }
}
