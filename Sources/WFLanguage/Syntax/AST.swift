import WFStore

/// The parsed program. The tree exists only between the parser and the compiler: nothing runs it
/// directly (style.md habit 6), so its shape favours clarity over speed.
struct Expr {
    var kind: ExprKind
    var span: Span
}

/// A duration literal: calendar months and days are kept apart because months vary in length.
struct Duration: Equatable, Sendable {
    var months: Int
    var days: Int

    var describe: String {
        var parts: [String] = []
        if months != 0 {
            if months % 12 == 0 { parts.append("\(months / 12)y") } else { parts.append("\(months)mo") }
        }
        if days != 0 || parts.isEmpty { parts.append("\(days)d") }
        return parts.joined(separator: " ")
    }
}

enum UnaryOp { case negate, not }

enum BinaryOp: String {
    case add = "+", sub = "-", mul = "*", div = "/", mod = "%"
    case eq = "==", ne = "!=", lt = "<", le = "<=", gt = ">", ge = ">="
    case and, or, `in`

    /// The comparison that holds with its operands exchanged (`a < b` is `b > a`); any other
    /// operator is its own.
    var swapped: BinaryOp {
        switch self {
        case .lt: return .gt
        case .le: return .ge
        case .gt: return .lt
        case .ge: return .le
        default: return self
        }
    }
}

indirect enum ExprKind {
    case null
    case bool(Bool)
    case int(Int64)
    case decimal(Double)
    case string(String)
    case date(Day)
    case duration(Duration)
    case list([Expr])
    case record([(String, Expr)])
    /// A name: a variable, a function, a kind's set (`orgs`), or an enumeration label (`congress`).
    case name(String)
    /// The current item of a pipeline stage.
    case it
    /// `.field` of the current item (base nil) or of an expression.
    case field(Expr?, String, Span)
    case index(Expr, Expr)
    case call(Expr, [Expr])
    case unary(UnaryOp, Expr)
    case binary(BinaryOp, Expr, Expr)
    /// `org "name"`, `org #12`, `orgs named "name"`.
    case lookup(Kind, Expr, plural: Bool)
    case pipe(Expr, [Stage])
    case lambda([String], [Stmt])
    /// `if c { a } else { b }` as an expression.
    case conditional(Expr, Expr, Expr)
    /// `create …`, `appoint …` or `record …` used for its result: the new node.
    case mutation(Stmt)
}

struct Stage {
    var kind: StageKind
    var span: Span
}

enum StageKind {
    case `where`(Expr)
    case select([(String, Expr)])
    case sort([(Expr, Bool)])
    case take(Expr)
    case skip(Expr)
    case distinct
    case group(Expr, String, [(String, Expr)])
    case count
    case first
    case last
    case reverse
    case any(Expr)
    case all(Expr)
    case map(Expr)
    /// sum / avg / min / max / ratio over the input, with an optional per-item expression.
    case aggregate(String, Expr?)
    /// `| children`, `| f(a)`: a function of the input when one is named so, else navigation.
    case apply(String, [Expr], Span)
    /// `| .children`: always navigation, even when a function has that name.
    case navigate(String, Span)
}

struct Stmt {
    var kind: StmtKind
    var span: Span
}

struct ParamDecl {
    var name: String
    var type: String
    var typeSpan: Span
    var defaultValue: Expr?
    var doc: String
}

indirect enum StmtKind {
    case `let`(String, Expr)
    case assign(String, Expr)
    case fn(String, [String], [Stmt])
    case `if`(Expr, [Stmt], [Stmt]?)
    case `for`(String, Expr, [Stmt])
    case `while`(Expr, [Stmt])
    case `return`(Expr?)
    case `break`
    case `continue`
    case print([Expr])
    case show(Expr)
    case expr(Expr)
    case use(String, isPath: Bool)
    case param(ParamDecl)
    case create(Kind, Expr)
    case set(Expr, String?, Expr)
    case delete(Expr)
    case link(Expr, String, Expr)
    case unlink(Expr, String)
    case appoint(person: Expr, role: String, roleSpan: Span, org: Expr, from: Expr, to: Expr?)
    case end(Expr, Expr)
    case convert(Expr, Expr)
    case record(Kind, Expr)
    case atomic([Stmt])
    case undo
    case whatif([Stmt], Expr)
    /// Named forks: see AST+Forks.swift.
    case fork(ForkStmt)
    case save(Expr)
    case export(Expr, Expr)
}
