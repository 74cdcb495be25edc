/// Turns source bytes into tokens. Runs over UTF-8 bytes, never `Character`s, so positions are
/// byte offsets and Chinese text costs nothing special (style.md habit 2).
///
/// Newlines are statement separators, except inside `(…)` and `[…]`, and except before a line
/// that starts with `|`, so that a pipeline can be written one stage a line.
struct Lexer {
    let bytes: [UInt8]
    let file: Int32
    var pos = 0
    var tokens: [Token] = []
    /// Open `(` and `[` (newlines inside are not separators).
    var parenDepth = 0

    init(bytes: [UInt8], file: Int32) {
        self.bytes = bytes
        self.file = file
    }

    /// Lexes the whole input.
    /// - Complexity: O(bytes)
    static func tokenize(_ bytes: [UInt8], file: Int32) -> Result<[Token], WFError> {
        var lexer = Lexer(bytes: bytes, file: file)
        do {
            try lexer.validateUTF8()
            try lexer.run()
            return .success(lexer.tokens)
        } catch let e as WFError {
            return .failure(e)
        } catch {
            return .failure(WFError(.syntax, "\(error)", span: nil))
        }
    }

    func span(_ s: Int, _ e: Int) -> Span { Span(file: file, start: Int32(s), end: Int32(e)) }

    /// Rejects invalid UTF-8 with the offset of the first bad byte.
    func validateUTF8() throws {
        var i = 0
        let n = bytes.count
        while i < n {
            let b = bytes[i]
            if b < 0x80 { i += 1; continue }
            var need = 0
            var minScalar: UInt32 = 0
            var scalar: UInt32 = 0
            if b & 0xE0 == 0xC0 { need = 1; scalar = UInt32(b & 0x1F); minScalar = 0x80 }
            else if b & 0xF0 == 0xE0 { need = 2; scalar = UInt32(b & 0x0F); minScalar = 0x800 }
            else if b & 0xF8 == 0xF0 { need = 3; scalar = UInt32(b & 0x07); minScalar = 0x10000 }
            else { throw WFError.syntax("invalid UTF-8 byte 0x\(String(b, radix: 16))", span(i, i + 1)) }
            if i + need > n - 1 {
                throw WFError.syntax("truncated UTF-8 sequence", span(i, n))
            }
            for k in 1...need {
                let c = bytes[i + k]
                if c & 0xC0 != 0x80 { throw WFError.syntax("invalid UTF-8 sequence", span(i, i + k + 1)) }
                scalar = scalar << 6 | UInt32(c & 0x3F)
            }
            if scalar < minScalar || scalar > 0x10FFFF || (0xD800...0xDFFF).contains(scalar) {
                throw WFError.syntax("invalid UTF-8 sequence", span(i, i + need + 1))
            }
            i += need + 1
        }
    }

    mutating func add(_ kind: TokenKind, _ start: Int, _ end: Int) {
        tokens.append(Token(kind: kind, start: Int32(start), end: Int32(end)))
    }

    func peek(_ offset: Int = 0) -> UInt8 {
        let i = pos + offset
        return i < bytes.count ? bytes[i] : 0
    }

    static func isIdentStart(_ b: UInt8) -> Bool {
        (b >= 0x61 && b <= 0x7A) || (b >= 0x41 && b <= 0x5A) || b == 0x5F || b >= 0x80
    }
    static func isIdentChar(_ b: UInt8) -> Bool { isIdentStart(b) || isDigit(b) }
    static func isDigit(_ b: UInt8) -> Bool { b >= 0x30 && b <= 0x39 }

    mutating func run() throws {
        if bytes.count > Int(Int32.max) / 2 { throw WFError.syntax("source too large", span(0, 0)) }
        while pos < bytes.count {
            let b = bytes[pos]
            let start = pos
            switch b {
            case 0x20, 0x09, 0x0D:
                pos += 1
            case 0x0A:
                pos += 1
                if parenDepth == 0 && !nextLineStartsWithPipe() {
                    if tokens.last?.kind != .newline && !tokens.isEmpty { add(.newline, start, start + 1) }
                }
            case 0x23: // '#': an id (#123) or a comment
                if Lexer.isDigit(peek(1)) {
                    pos += 1
                    while Lexer.isDigit(peek()) { pos += 1 }
                    add(.hashID, start, pos)
                } else {
                    while pos < bytes.count && bytes[pos] != 0x0A { pos += 1 }
                }
            case 0x22:
                try lexString()
            case _ where Lexer.isDigit(b):
                lexNumber()
            case _ where Lexer.isIdentStart(b):
                while pos < bytes.count && Lexer.isIdentChar(bytes[pos]) { pos += 1 }
                let kind = pos - start <= 8 ? TokenKind.packedKeywords[TokenKind.pack(bytes[start..<pos])] ?? .ident : .ident
                add(kind, start, pos)
            default:
                try lexPunctuation()
            }
        }
        // End of input points just after the last token, so "expected …, found end of input"
        // lands on the line that is unfinished rather than on an empty last line.
        let lastEnd = Int(tokens.last(where: { $0.kind != .newline })?.end ?? 0)
        if tokens.last?.kind != .newline && !tokens.isEmpty { add(.newline, lastEnd, lastEnd) }
        add(.eof, lastEnd, lastEnd)
    }

    /// True when the next non-blank line starts with `|` (a continued pipeline).
    func nextLineStartsWithPipe() -> Bool {
        var i = pos
        while i < bytes.count {
            let c = bytes[i]
            if c == 0x20 || c == 0x09 || c == 0x0D || c == 0x0A { i += 1; continue }
            return c == 0x7C
        }
        return false
    }

    mutating func lexString() throws {
        let start = pos
        pos += 1
        while pos < bytes.count {
            let c = bytes[pos]
            if c == 0x22 { pos += 1; add(.string, start, pos); return }
            if c == 0x5C { pos += 2; continue }
            if c == 0x0A { break }
            pos += 1
        }
        throw WFError.syntax("unterminated string", span(start, min(pos, bytes.count)),
                             hint: "close it with \" on the same line")
    }

    mutating func lexNumber() {
        let start = pos
        while Lexer.isDigit(peek()) { pos += 1 }
        // A date: exactly YYYY-MM-DD.
        if pos - start == 4, peek() == 0x2D, Lexer.isDigit(peek(1)), Lexer.isDigit(peek(2)), peek(3) == 0x2D,
           Lexer.isDigit(peek(4)), Lexer.isDigit(peek(5)), !Lexer.isIdentChar(peek(6)) {
            pos += 6
            add(.date, start, pos)
            return
        }
        var kind = TokenKind.int
        if peek() == 0x2E, Lexer.isDigit(peek(1)) {
            pos += 1
            while Lexer.isDigit(peek()) { pos += 1 }
            kind = .decimal
        }
        if peek() == 0x65 || peek() == 0x45,
           Lexer.isDigit(peek(1)) || ((peek(1) == 0x2D || peek(1) == 0x2B) && Lexer.isDigit(peek(2))) {
            pos += 2
            while Lexer.isDigit(peek()) { pos += 1 }
            kind = .decimal
        }
        if kind == .int {
            // A duration: 5y, 6mo, 2w, 30d.
            let c0 = peek(), c1 = peek(1)
            if c0 == 0x6D && c1 == 0x6F && !Lexer.isIdentChar(peek(2)) { pos += 2; add(.duration, start, pos); return }
            if (c0 == 0x79 || c0 == 0x77 || c0 == 0x64) && !Lexer.isIdentChar(c1) { pos += 1; add(.duration, start, pos); return }
        }
        add(kind, start, pos)
    }

    mutating func lexPunctuation() throws {
        let start = pos
        let b = bytes[pos], n = peek(1)
        func one(_ k: TokenKind) { pos += 1; add(k, start, pos) }
        func two(_ k: TokenKind) { pos += 2; add(k, start, pos) }
        switch b {
        case 0x7C: one(.pipe)
        case 0x2E: one(.dot)
        case 0x2C: one(.comma)
        case 0x3A: one(.colon)
        case 0x3B: one(.semicolon)
        case 0x28: parenDepth += 1; one(.lparen)
        case 0x29: parenDepth = max(0, parenDepth - 1); one(.rparen)
        case 0x5B: parenDepth += 1; one(.lbracket)
        case 0x5D: parenDepth = max(0, parenDepth - 1); one(.rbracket)
        case 0x7B: one(.lbrace)
        case 0x7D: one(.rbrace)
        case 0x3D: if n == 0x3D { two(.eq) } else if n == 0x3E { two(.arrow) } else { one(.assign) }
        case 0x21: if n == 0x3D { two(.ne) } else {
            throw WFError.syntax("unexpected '!'", span(start, start + 1), hint: "use 'not' for negation and '!=' for inequality")
        }
        case 0x3C: if n == 0x3D { two(.le) } else { one(.lt) }
        case 0x3E: if n == 0x3D { two(.ge) } else { one(.gt) }
        case 0x2B: one(.plus)
        case 0x2D: one(.minus)
        case 0x2A: one(.star)
        case 0x2F:
            if n == 0x2F { while pos < bytes.count && bytes[pos] != 0x0A { pos += 1 } } else { one(.slash) }
        case 0x25: one(.percent)
        default:
            let shown = b < 0x20 || b == 0x7F ? "byte 0x\(String(b, radix: 16))" : "'\(Character(Unicode.Scalar(b)))'"
            throw WFError.syntax("unexpected \(shown)", span(start, start + 1))
        }
    }
}
