import WFStore

extension Parser {
    /// A full expression: a pipeline of stages.
    mutating func expression() throws -> Expr {
        try enter()
        defer { leave() }
        let head = try orExpression()
        guard kind == .pipe else { return head }
        var stages: [Stage] = []
        while accept(.pipe) {
            if stages.count >= Parser.maxChain {
                throw WFError.syntax("pipeline too long (more than \(Parser.maxChain) stages)", span)
            }
            skipNewlines()
            stages.append(try stage())
        }
        return Expr(kind: .pipe(head, stages), span: head.span.to(previousSpan))
    }

    /// The operator tables, built once: as literals at each call they were rebuilt for every
    /// operand parsed, 46% of the instructions of a small query (callgrind).
    static let orOps: [TokenKind: BinaryOp] = [.kwOr: .or]
    static let andOps: [TokenKind: BinaryOp] = [.kwAnd: .and]
    static let comparisonOps: [TokenKind: BinaryOp] = [.eq: .eq, .ne: .ne, .lt: .lt, .le: .le, .gt: .gt, .ge: .ge, .kwIn: .in]
    static let additiveOps: [TokenKind: BinaryOp] = [.plus: .add, .minus: .sub]
    static let multiplicativeOps: [TokenKind: BinaryOp] = [.star: .mul, .slash: .div, .percent: .mod]

    mutating func binaryChain(_ ops: [TokenKind: BinaryOp], _ next: (inout Parser) throws -> Expr) throws -> Expr {
        var lhs = try next(&self)
        var operands = 1
        while let op = ops[kind] {
            operands += 1
            if operands > Parser.maxChain {
                throw WFError.syntax("expression too long (more than \(Parser.maxChain) operands in a row)", span,
                                     hint: "sum a list instead: sum([…])")
            }
            advance()
            skipNewlines()
            let rhs = try next(&self)
            lhs = Expr(kind: .binary(op, lhs, rhs), span: lhs.span.to(rhs.span))
        }
        return lhs
    }

    mutating func orExpression() throws -> Expr {
        try binaryChain(Parser.orOps) { try $0.andExpression() }
    }

    mutating func andExpression() throws -> Expr {
        try binaryChain(Parser.andOps) { try $0.notExpression() }
    }

    mutating func notExpression() throws -> Expr {
        if kind == .kwNot {
            let s = span
            advance()
            try enter()
            defer { leave() }
            let e = try notExpression()
            return Expr(kind: .unary(.not, e), span: s.to(e.span))
        }
        return try comparison()
    }

    mutating func comparison() throws -> Expr {
        let lhs = try additive()
        let ops = Parser.comparisonOps
        guard let op = ops[kind] else { return lhs }
        advance()
        skipNewlines()
        let rhs = try additive()
        if ops[kind] != nil {
            throw WFError.syntax("comparisons do not chain", span, hint: "join them with 'and'")
        }
        return Expr(kind: .binary(op, lhs, rhs), span: lhs.span.to(rhs.span))
    }

    mutating func additive() throws -> Expr {
        try binaryChain(Parser.additiveOps) { try $0.multiplicative() }
    }

    mutating func multiplicative() throws -> Expr {
        try binaryChain(Parser.multiplicativeOps) { try $0.unary() }
    }

    mutating func unary() throws -> Expr {
        if kind == .minus {
            let s = span
            advance()
            try enter()
            defer { leave() }
            let e = try unary()
            return Expr(kind: .unary(.negate, e), span: s.to(e.span))
        }
        return try postfixExpression()
    }

    mutating func postfixExpression() throws -> Expr {
        var e = try primary()
        var links = 0
        while true {
            links += 1
            if links > Parser.maxChain {
                throw WFError.syntax("too many '.', '[…]' or '(…)' in a row (more than \(Parser.maxChain))", span)
            }
            switch kind {
            case .dot:
                let dot = span
                advance()
                let (f, fs) = try name("after '.'")
                e = Expr(kind: .field(e, f, dot.to(fs)), span: e.span.to(fs))
            case .lbracket:
                advance()
                let i = try expression()
                try expect(.rbracket, "after the index")
                e = Expr(kind: .index(e, i), span: e.span.to(previousSpan))
            case .lparen:
                advance()
                var args: [Expr] = []
                while kind != .rparen {
                    args.append(try expression())
                    if !accept(.comma) { break }
                }
                try expect(.rparen, "after the arguments")
                e = Expr(kind: .call(e, args), span: e.span.to(previousSpan))
            default:
                return e
            }
        }
    }

    mutating func primary() throws -> Expr {
        try enter()
        defer { leave() }
        let s = span
        let t = current
        func lit(_ k: ExprKind) -> Expr { advance(); return Expr(kind: k, span: s) }
        switch kind {
        case .kwNull: return lit(.null)
        case .kwTrue: return lit(.bool(true))
        case .kwFalse: return lit(.bool(false))
        case .int:
            guard let v = Int64(currentText) else { throw WFError.syntax("integer too large", s, hint: "write it as a decimal: \(currentText).0") }
            return lit(.int(v))
        case .decimal:
            guard let v = Double(currentText), v.isFinite else { throw WFError.syntax("bad number", s) }
            return lit(.decimal(v))
        case .string:
            return Expr(kind: .string(try stringLiteral()), span: s)
        case .date:
            guard let d = Day(iso: currentText) else {
                throw WFError.syntax("no such date: \(currentText)", s, hint: "dates are YYYY-MM-DD and must exist")
            }
            return lit(.date(d))
        case .duration:
            let txt = currentText
            let digits = txt.prefix { $0.isNumber }
            guard let n = Int(digits), n <= 100_000 else { throw WFError.syntax("duration too large", s) }
            let unit = txt.dropFirst(digits.count)
            let d: Duration
            switch unit {
            case "y": d = Duration(months: n * 12, days: 0)
            case "mo": d = Duration(months: n, days: 0)
            case "w": d = Duration(months: 0, days: n * 7)
            default: d = Duration(months: 0, days: n)
            }
            return lit(.duration(d))
        case .hashID:
            throw WFError.syntax("an id needs a kind before it", s, hint: "write org \(currentText) or person \(currentText)")
        case .lparen:
            advance()
            skipNewlines()
            let e = try expression()
            skipNewlines()
            try expect(.rparen, "to close '('")
            return Expr(kind: e.kind, span: s.to(previousSpan))
        case .lbracket:
            advance()
            var items: [Expr] = []
            skipNewlines()
            while kind != .rbracket {
                items.append(try expression())
                skipNewlines()
                if !accept(.comma) { break }
                skipNewlines()
            }
            try expect(.rbracket, "to close the list")
            return Expr(kind: .list(items), span: s.to(previousSpan))
        case .lbrace:
            return try recordLiteral()
        case .dot:
            advance()
            let (f, fs) = try name("after '.'")
            return Expr(kind: .field(nil, f, s.to(fs)), span: s.to(fs))
        case .kwCreate, .kwAppoint, .kwRecord:
            let stmt = try statement()
            return Expr(kind: .mutation(stmt), span: stmt.span)
        case .kwFn:
            advance()
            let params = try parameterList()
            if accept(.arrow) {
                let body = try expression()
                return Expr(kind: .lambda(params, [Stmt(kind: .return(body), span: body.span)]), span: s.to(body.span))
            }
            let body = try block("for the function body")
            return Expr(kind: .lambda(params, body), span: s.to(previousSpan))
        case .kwIf:
            advance()
            let cond = try expression()
            try expect(.lbrace, "after the condition")
            skipNewlines()
            let a = try expression()
            skipNewlines()
            try expect(.rbrace, "after the value")
            skipNewlinesBefore(.kwElse)
            try expect(.kwElse, "(an if expression needs an else)")
            if kind == .kwIf {
                let b = try primary()
                return Expr(kind: .conditional(cond, a, b), span: s.to(b.span))
            }
            try expect(.lbrace, "after else")
            skipNewlines()
            let b = try expression()
            skipNewlines()
            try expect(.rbrace, "after the value")
            return Expr(kind: .conditional(cond, a, b), span: s.to(previousSpan))
        case .ident:
            let word = text(t)
            advance()
            if word == "it" { return Expr(kind: .it, span: s) }
            if let k = Kind(name: word) {
                let plural = k.plural == word
                if !plural, kind == .string || kind == .hashID {
                    let key = try keyExpression()
                    return Expr(kind: .lookup(k, key, plural: false), span: s.to(key.span))
                }
                if plural, isWord("named") {
                    advance()
                    let key = try keyExpression()
                    return Expr(kind: .lookup(k, key, plural: true), span: s.to(key.span))
                }
            }
            return Expr(kind: .name(word), span: s)
        default:
            throw unexpected("expected a value")
        }
    }

    /// The key of a look-up: a string, `#id`, or a parenthesised expression.
    mutating func keyExpression() throws -> Expr {
        let s = span
        if kind == .hashID {
            let digits = currentText.dropFirst()
            guard let v = Int64(digits) else { throw WFError.syntax("id too large", s) }
            advance()
            return Expr(kind: .int(v), span: s)
        }
        if kind == .string { return Expr(kind: .string(try stringLiteral()), span: s) }
        return try primary()
    }

    mutating func recordLiteral() throws -> Expr {
        let s = span
        try expect(.lbrace, "")
        var fields: [(String, Expr)] = []
        var seen = Set<String>()
        skipNewlines()
        while kind != .rbrace {
            let (k, ks): (String, Span)
            if kind == .string { ks = span; k = try stringLiteral() } else { (k, ks) = try name("as a record key") }
            if !seen.insert(k).inserted { throw WFError.syntax("key '\(k)' given twice", ks) }
            try expect(.colon, "after the record key")
            skipNewlines()
            fields.append((k, try expression()))
            skipNewlines()
            if !accept(.comma) { break }
            skipNewlines()
        }
        try expect(.rbrace, "to close the record")
        return Expr(kind: .record(fields), span: s.to(previousSpan))
    }

    // MARK: Pipeline stages

    mutating func stage() throws -> Stage {
        let s = span
        func done(_ k: StageKind) -> Stage { Stage(kind: k, span: s.to(previousSpan)) }
        if kind == .dot {
            advance()
            let (f, fs) = try name("after '.'")
            return done(.navigate(f, fs))
        }
        guard kind == .ident else { throw unexpected("expected a pipeline stage (where, select, sort, …)") }
        let word = currentText
        advance()
        switch word {
        case "where": return done(.where(try orExpression()))
        case "select":
            var items: [(String, Expr)] = []
            repeat {
                skipNewlines()
                if (kind == .ident || kind.isKeyword) && peekKind() == .colon {
                    let (n, _) = try name("")
                    advance()
                    items.append((n, try orExpression()))
                } else {
                    let e = try orExpression()
                    items.append((columnName(e), e))
                }
            } while accept(.comma)
            return done(.select(items))
        case "sort":
            var keys: [(Expr, Bool)] = []
            repeat {
                let e = try orExpression()
                var desc = false
                if acceptWord("desc") { desc = true } else { _ = acceptWord("asc") }
                keys.append((e, desc))
            } while accept(.comma)
            return done(.sort(keys))
        case "take": return done(.take(try orExpression()))
        case "skip": return done(.skip(try orExpression()))
        case "distinct": emptyParens(); return done(.distinct)
        case "count": emptyParens(); return done(.count)
        case "first": emptyParens(); return done(.first)
        case "last": emptyParens(); return done(.last)
        case "reverse": emptyParens(); return done(.reverse)
        case "any": return done(.any(try orExpression()))
        case "all": return done(.all(try orExpression()))
        case "map": return done(.map(try orExpression()))
        case "group":
            try expectWord("by", "after group")
            let key = try orExpression()
            var aggs: [(String, Expr)] = []
            if kind == .lbrace {
                let rec = try recordLiteral()
                if case .record(let fields) = rec.kind { aggs = fields }
            }
            return done(.group(key, columnName(key), aggs))
        case "sum", "avg", "min", "max", "ratio":
            if accept(.lparen) {
                if accept(.rparen) { return done(.aggregate(word, nil)) }
                let e = try expression()
                try expect(.rparen, "after the aggregate's argument")
                return done(.aggregate(word, e))
            }
            if [.newline, .pipe, .eof, .rparen, .rbrace, .semicolon, .rbracket, .comma].contains(kind) {
                return done(.aggregate(word, nil))
            }
            return done(.aggregate(word, try orExpression()))
        default:
            var args: [Expr] = []
            if accept(.lparen) {
                while kind != .rparen {
                    args.append(try expression())
                    if !accept(.comma) { break }
                }
                try expect(.rparen, "after the arguments")
            }
            return done(.apply(word, args, s))
        }
    }

    mutating func emptyParens() {
        if kind == .lparen && peekKind() == .rparen { advance(); advance() }
    }

    /// A column name for an unnamed select item or group key: `.parent.name` → `parent.name`.
    func columnName(_ e: Expr) -> String {
        switch e.kind {
        case .field(nil, let f, _): return f
        case .name(let n): return n
        default:
            var t = source.text(e.span)
            if t.hasPrefix(".") { t.removeFirst() }
            return t
        }
    }
}
