import WFStore

/// Recursive-descent parser from tokens to the AST. Nesting is limited (`maxDepth`) so that
/// hostile input such as 100,000 open brackets is an error, never a stack overflow.
struct Parser {
    let tokens: [Token]
    let source: SourceFile
    let file: Int32
    var index = 0
    var depth = 0
    static let maxDepth = 120
    /// Operators, postfix links or stages in one chain: each becomes a level of the compiled tree.
    static let maxChain = 400

    init(tokens: [Token], source: SourceFile, file: Int32) {
        self.tokens = tokens
        self.source = source
        self.file = file
    }

    /// Lexes and parses a whole program.
    static func parse(_ source: SourceFile, file: Int32) -> Result<[Stmt], WFError> {
        switch Lexer.tokenize(source.bytes, file: file) {
        case .failure(let e): return .failure(e)
        case .success(let tokens):
            var parser = Parser(tokens: tokens, source: source, file: file)
            do { return .success(try parser.program()) } catch let e as WFError { return .failure(e) } catch {
                return .failure(WFError(.syntax, "\(error)", span: nil))
            }
        }
    }

    // MARK: Token helpers

    var current: Token { tokens[min(index, tokens.count - 1)] }
    var kind: TokenKind { current.kind }
    func peekKind(_ n: Int = 1) -> TokenKind { tokens[min(index + n, tokens.count - 1)].kind }
    var span: Span { Span(file: file, start: current.start, end: current.end) }
    var previousSpan: Span {
        let t = tokens[max(0, min(index - 1, tokens.count - 1))]
        return Span(file: file, start: t.start, end: t.end)
    }

    func text(_ t: Token) -> String { String(decoding: source.bytes[Int(t.start)..<Int(t.end)], as: UTF8.self) }
    var currentText: String { text(current) }

    mutating func advance() { if index < tokens.count - 1 { index += 1 } }

    mutating func accept(_ k: TokenKind) -> Bool {
        if kind == k { advance(); return true }
        return false
    }

    mutating func expect(_ k: TokenKind, _ context: String) throws {
        if kind == k { advance(); return }
        throw unexpected("expected \(k.describe) \(context)")
    }

    func unexpected(_ message: String) -> WFError {
        let found = kind == .eof ? "end of input" : kind == .newline ? "end of line" : "'\(currentText)'"
        return WFError.syntax("\(message), found \(found)", span)
    }

    /// True when the current token is the identifier `word` (a contextual keyword such as `where`).
    func isWord(_ word: String) -> Bool { kind == .ident && currentText == word }

    mutating func acceptWord(_ word: String) -> Bool {
        if isWord(word) { advance(); return true }
        return false
    }

    mutating func expectWord(_ word: String, _ context: String) throws {
        if !acceptWord(word) { throw unexpected("expected '\(word)' \(context)") }
    }

    mutating func skipNewlines() { while kind == .newline || kind == .semicolon { advance() } }

    /// An identifier, or a reserved word used as a field or record key (`.from`, `{end: …}`).
    mutating func name(_ context: String) throws -> (String, Span) {
        if kind == .ident || kind.isKeyword {
            let s = span, t = currentText
            advance()
            return (t, s)
        }
        throw unexpected("expected a name \(context)")
    }

    mutating func enter() throws {
        depth += 1
        if depth > Parser.maxDepth {
            throw WFError.syntax("nesting too deep (more than \(Parser.maxDepth) levels)", span,
                                 hint: "split the expression with let")
        }
    }

    mutating func leave() { depth -= 1 }

    // MARK: Program and blocks

    mutating func program() throws -> [Stmt] {
        var out: [Stmt] = []
        skipNewlines()
        while kind != .eof {
            out.append(try statement())
            try endOfStatement()
            skipNewlines()
        }
        return out
    }

    mutating func endOfStatement() throws {
        if kind == .newline || kind == .semicolon || kind == .eof || kind == .rbrace { return }
        throw unexpected("expected the end of the statement")
    }

    mutating func block(_ context: String) throws -> [Stmt] {
        try enter()
        defer { leave() }
        try expect(.lbrace, context)
        var out: [Stmt] = []
        skipNewlines()
        while kind != .rbrace {
            if kind == .eof { throw unexpected("expected '}' to close the block") }
            out.append(try statement())
            try endOfStatement()
            skipNewlines()
        }
        advance()
        return out
    }
}
