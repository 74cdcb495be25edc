/// What a token is. Tokens carry only a kind and a byte range: no text is copied (style.md habit 2).
enum TokenKind: UInt8, Sendable {
    case ident, int, decimal, string, date, duration, hashID
    case newline, eof
    // punctuation
    case pipe, dot, comma, colon, semicolon, lparen, rparen, lbracket, rbracket, lbrace, rbrace
    case assign, arrow, eq, ne, lt, le, gt, ge, plus, minus, star, slash, percent
    // reserved words
    case kwLet, kwFn, kwReturn, kwIf, kwElse, kwFor, kwIn, kwWhile, kwBreak, kwContinue
    case kwAnd, kwOr, kwNot, kwTrue, kwFalse, kwNull, kwPrint, kwShow, kwUse, kwParam
    case kwAtomic, kwUndo, kwWhatif, kwCompare, kwSave, kwExport
    case kwCreate, kwSet, kwDelete, kwLink, kwUnlink, kwAppoint, kwEnd, kwConvert, kwRecord

    static let keywords: [String: TokenKind] = [
        "let": .kwLet, "fn": .kwFn, "return": .kwReturn, "if": .kwIf, "else": .kwElse, "for": .kwFor,
        "in": .kwIn, "while": .kwWhile, "break": .kwBreak, "continue": .kwContinue, "and": .kwAnd,
        "or": .kwOr, "not": .kwNot, "true": .kwTrue, "false": .kwFalse, "null": .kwNull,
        "print": .kwPrint, "show": .kwShow, "use": .kwUse, "param": .kwParam, "atomic": .kwAtomic,
        "undo": .kwUndo, "whatif": .kwWhatif, "compare": .kwCompare, "save": .kwSave, "export": .kwExport,
        "create": .kwCreate, "set": .kwSet, "delete": .kwDelete, "link": .kwLink, "unlink": .kwUnlink,
        "appoint": .kwAppoint, "end": .kwEnd, "convert": .kwConvert, "record": .kwRecord,
    ]

    /// Keywords packed into a UInt64 (all are at most 8 ASCII bytes), so the lexer recognises them
    /// without making a `String` per identifier.
    static let packedKeywords: [UInt64: TokenKind] = {
        var d: [UInt64: TokenKind] = [:]
        for (word, kind) in keywords { d[pack(Array(word.utf8)[...])] = kind }
        return d
    }()

    static func pack(_ bytes: ArraySlice<UInt8>) -> UInt64 {
        var v: UInt64 = 0
        for b in bytes { v = v << 8 | UInt64(b) }
        return v
    }

    var isKeyword: Bool { rawValue >= TokenKind.kwLet.rawValue }

    /// How the token kind reads in "expected …" messages.
    var describe: String {
        switch self {
        case .ident: return "a name"
        case .int, .decimal: return "a number"
        case .string: return "a string"
        case .date: return "a date"
        case .duration: return "a duration"
        case .hashID: return "an id (#123)"
        case .newline: return "end of line"
        case .eof: return "end of input"
        case .pipe: return "'|'"
        case .dot: return "'.'"
        case .comma: return "','"
        case .colon: return "':'"
        case .semicolon: return "';'"
        case .lparen: return "'('"
        case .rparen: return "')'"
        case .lbracket: return "'['"
        case .rbracket: return "']'"
        case .lbrace: return "'{'"
        case .rbrace: return "'}'"
        case .assign: return "'='"
        case .arrow: return "'=>'"
        case .eq: return "'=='"
        case .ne: return "'!='"
        case .lt: return "'<'"
        case .le: return "'<='"
        case .gt: return "'>'"
        case .ge: return "'>='"
        case .plus: return "'+'"
        case .minus: return "'-'"
        case .star: return "'*'"
        case .slash: return "'/'"
        case .percent: return "'%'"
        default:
            return "'" + (TokenKind.keywords.first { $0.value == self }?.key ?? "?") + "'"
        }
    }
}

struct Token: Sendable {
    var kind: TokenKind
    var start: Int32
    var end: Int32
}
