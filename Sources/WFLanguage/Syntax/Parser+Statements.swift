import WFStore

extension Parser {
    mutating func statement() throws -> Stmt {
        let start = span
        func done(_ k: StmtKind) -> Stmt { Stmt(kind: k, span: start.to(previousSpan)) }
        switch kind {
        case .kwLet:
            advance()
            let (n, _) = try name("after let")
            try expect(.assign, "after the variable name")
            skipNewlines()
            return done(.let(n, try expression()))
        case .kwFn where peekKind() == .ident:
            advance()
            let (n, _) = try name("after fn")
            let params = try parameterList()
            return done(.fn(n, params, try block("for the function body")))
        case .kwIf:
            return try ifStatement()
        case .kwFor:
            advance()
            let (n, _) = try name("after for")
            try expect(.kwIn, "after the loop variable")
            let seq = try expression()
            return done(.for(n, seq, try block("for the loop body")))
        case .kwWhile:
            advance()
            let cond = try expression()
            return done(.while(cond, try block("for the loop body")))
        case .kwReturn:
            advance()
            if kind == .newline || kind == .semicolon || kind == .rbrace || kind == .eof { return done(.return(nil)) }
            return done(.return(try expression()))
        case .kwBreak: advance(); return done(.break)
        case .kwContinue: advance(); return done(.continue)
        case .kwPrint:
            advance()
            var items = [try expression()]
            while accept(.comma) { items.append(try expression()) }
            return done(.print(items))
        case .kwShow:
            advance()
            return done(.show(try expression()))
        case .kwUse:
            advance()
            if kind == .string { let s = try stringLiteral(); return done(.use(s, isPath: true)) }
            let (n, _) = try name("after use")
            return done(.use(n, isPath: false))
        case .kwParam:
            return try paramStatement()
        case .kwCreate, .kwRecord:
            let isCreate = kind == .kwCreate
            advance()
            let (kn, ks) = try name("naming a kind (org, person, training, …)")
            guard let k = Kind(name: kn) else {
                throw WFError.syntax("unknown kind '\(kn)'", ks, hint: WFError.didYouMean(kn, Kind.allCases.map(\.name)))
            }
            let values = try expression()
            return done(isCreate ? .create(k, values) : .record(k, values))
        case .kwSet:
            advance()
            let target = try postfixExpression()
            if case .field(let base?, let f, _) = target.kind, accept(.assign) {
                return done(.set(base, f, try expression()))
            }
            if kind == .lbrace { return done(.set(target, nil, try expression())) }
            throw unexpected("expected '= value' after 'set NODE.field' or a record after 'set NODE'")
        case .kwDelete:
            advance()
            return done(.delete(try expression()))
        case .kwLink, .kwUnlink:
            let isLink = kind == .kwLink
            advance()
            let target = try postfixExpression()
            guard case .field(let base?, let f, _) = target.kind else {
                throw WFError.syntax("expected NODE.field after \(isLink ? "link" : "unlink")", target.span)
            }
            if !isLink { return done(.unlink(base, f)) }
            try expectWord("to", "after 'link NODE.field'")
            return done(.link(base, f, try expression()))
        case .kwAppoint:
            advance()
            let person = try expression()
            try expectWord("as", "after the person in appoint")
            let (role, roleSpan) = try name("for the role (chair, vice_chair, exec, …)")
            try expectWord("of", "after the role")
            let org = try expression()
            try expectWord("from", "after the organisation (the term's start)")
            let from = try expression()
            var to: Expr?
            if acceptWord("to") { to = try expression() }
            return done(.appoint(person: person, role: role, roleSpan: roleSpan, org: org, from: from, to: to))
        case .kwEnd:
            advance()
            let p = try expression()
            try expectWord("on", "after the position in end")
            return done(.end(p, try expression()))
        case .kwConvert:
            advance()
            let o = try expression()
            try expectWord("on", "after the organisation in convert")
            return done(.convert(o, try expression()))
        case .kwAtomic:
            advance()
            return done(.atomic(try block("after atomic")))
        case .kwUndo:
            advance()
            return done(.undo)
        case .kwWhatif:
            advance()
            let body = try block("after whatif")
            skipNewlinesBefore(.kwCompare)
            try expect(.kwCompare, "after the whatif block")
            return done(.whatif(body, try expression()))
        case .kwSave:
            advance()
            return done(.save(try expression()))
        case .kwExport:
            advance()
            let value = try expression()
            try expectWord("to", "after the value to export")
            return done(.export(value, try expression()))
        case .ident where peekKind() == .assign:
            let n = currentText
            advance()
            advance()
            skipNewlines()
            return done(.assign(n, try expression()))
        default:
            if let f = try forkStatement() { return done(.fork(f)) }
            return done(.expr(try expression()))
        }
    }

    mutating func skipNewlinesBefore(_ k: TokenKind) {
        var i = index
        while i < tokens.count && tokens[i].kind == .newline { i += 1 }
        if i < tokens.count && tokens[i].kind == k { index = i }
    }

    mutating func ifStatement() throws -> Stmt {
        let start = span
        try expect(.kwIf, "")
        let cond = try expression()
        let then = try block("after the if condition")
        var otherwise: [Stmt]?
        skipNewlinesBefore(.kwElse)
        if accept(.kwElse) {
            if kind == .kwIf { otherwise = [try ifStatement()] } else { otherwise = try block("after else") }
        }
        return Stmt(kind: .if(cond, then, otherwise), span: start.to(previousSpan))
    }

    mutating func parameterList() throws -> [String] {
        try expect(.lparen, "before the parameters")
        var out: [String] = []
        while kind != .rparen {
            let (n, s) = try name("for a parameter")
            if out.contains(n) { throw WFError.syntax("parameter '\(n)' named twice", s) }
            out.append(n)
            if !accept(.comma) { break }
        }
        try expect(.rparen, "after the parameters")
        return out
    }

    mutating func paramStatement() throws -> Stmt {
        let start = span
        advance()
        let (n, _) = try name("after param")
        try expect(.colon, "after the parameter name (param NAME: TYPE)")
        let (t, ts) = try name("for the parameter type")
        let types = ["string", "int", "decimal", "date", "bool", "org", "person"]
        guard types.contains(t) else {
            throw WFError.syntax("unknown parameter type '\(t)'", ts, hint: "one of: " + types.joined(separator: ", "))
        }
        var def: Expr?
        if accept(.assign) { def = try expression() }
        var doc = ""
        if kind == .string { doc = try stringLiteral() }
        return Stmt(kind: .param(ParamDecl(name: n, type: t, typeSpan: ts, defaultValue: def, doc: doc)), span: start.to(previousSpan))
    }

    mutating func stringLiteral() throws -> String {
        guard kind == .string else { throw unexpected("expected a string") }
        let s = try Parser.unescape(source.bytes, current, file: file)
        advance()
        return s
    }

    /// The contents of a string token with escapes (\n \t \" \\ \u{…}) applied.
    static func unescape(_ bytes: [UInt8], _ t: Token, file: Int32) throws -> String {
        let start = Int(t.start) + 1, end = Int(t.end) - 1
        var out: [UInt8] = []
        out.reserveCapacity(max(0, end - start))
        var i = start
        while i < end {
            let b = bytes[i]
            if b != 0x5C { out.append(b); i += 1; continue }
            let n = i + 1 < end ? bytes[i + 1] : 0
            switch n {
            case 0x6E: out.append(0x0A); i += 2
            case 0x74: out.append(0x09); i += 2
            case 0x22: out.append(0x22); i += 2
            case 0x5C: out.append(0x5C); i += 2
            case 0x75 where i + 2 < end && bytes[i + 2] == 0x7B:
                var j = i + 3
                var value: UInt32 = 0
                while j < end, bytes[j] != 0x7D, j - i < 12 {
                    guard let d = hexValue(bytes[j]) else { break }
                    value = value &* 16 &+ UInt32(d)
                    j += 1
                }
                guard j < end, bytes[j] == 0x7D, let scalar = Unicode.Scalar(value) else {
                    throw WFError.syntax("bad \\u{…} escape", Span(file: file, start: Int32(i), end: Int32(min(j + 1, end))))
                }
                out.append(contentsOf: Array(String(Character(scalar)).utf8))
                i = j + 1
            default:
                throw WFError.syntax("unknown escape", Span(file: file, start: Int32(i), end: Int32(min(i + 2, end))),
                                     hint: "escapes are \\n \\t \\\" \\\\ \\u{…}")
            }
        }
        return String(decoding: out, as: UTF8.self)
    }

    static func hexValue(_ b: UInt8) -> UInt8? {
        switch b {
        case 0x30...0x39: return b - 0x30
        case 0x61...0x66: return b - 0x61 + 10
        case 0x41...0x46: return b - 0x41 + 10
        default: return nil
        }
    }
}
