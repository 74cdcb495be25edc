import WFStore

/// Equality, ordering, truth and arithmetic of values.
extension Value {
    var truthy: Bool {
        switch self {
        case .null: return false
        case .bool(let b): return b
        case .int(let i): return i != 0
        case .decimal(let d): return d != 0
        case .string(let s), .secret(let s): return !s.isEmpty
        case .list(let l): return !l.isEmpty
        case .nodes(let s): return s.rows.map { !$0.isEmpty } ?? true
        default: return true
        }
    }

    /// The label text of an enumeration value, for comparing with bare labels and strings.
    static func enumText(_ t: Int, _ code: Int32) -> String { Vocab.all[t].label(code) ?? String(code) }

    /// Structural equality; numbers compare across int and decimal; an enumeration value equals
    /// its label or its Chinese name.
    static func equal(_ a: Value, _ b: Value) -> Bool {
        switch (a, b) {
        case (.null, .null): return true
        case (.null, _), (_, .null): return false
        case (.bool(let x), .bool(let y)): return x == y
        case (.int(let x), .int(let y)): return x == y
        case (.int(let x), .decimal(let y)): return Double(x) == y
        case (.decimal(let x), .int(let y)): return x == Double(y)
        case (.decimal(let x), .decimal(let y)): return x == y
        case (.string(let x), .string(let y)), (.secret(let x), .secret(let y)),
             (.string(let x), .secret(let y)), (.secret(let x), .string(let y)): return x == y
        case (.date(let x), .date(let y)): return x == y
        case (.duration(let x), .duration(let y)): return x == y
        case (.label(let x), .label(let y)): return x == y
        case (.enumValue(let t, let c), .enumValue(let u, let d)): return t == u && c == d
        case (.enumValue(let t, let c), .label(let l)), (.label(let l), .enumValue(let t, let c)),
             (.enumValue(let t, let c), .string(let l)), (.string(let l), .enumValue(let t, let c)):
            return Vocab.all[t].code(of: l) == c
        case (.label(let l), .string(let s)), (.string(let s), .label(let l)): return l == s
        case (.list(let x), .list(let y)): return x.count == y.count && zip(x, y).allSatisfy { equal($0, $1) }
        case (.record(let x), .record(let y)):
            return x.keys == y.keys && zip(x.values, y.values).allSatisfy { equal($0, $1) }
        case (.node(let k, let r), .node(let l, let s)): return k == l && r == s
        case (.nodes(let x), .nodes(let y)): return x.kind == y.kind && x.rows == y.rows
        case (.function(let f), .function(let g)): return f === g
        default: return false
        }
    }

    /// Ordering for sort, min and max: nil when the two cannot be ordered.
    static func compare(_ a: Value, _ b: Value) -> Int? {
        func cmp<T: Comparable>(_ x: T, _ y: T) -> Int { x < y ? -1 : (x == y ? 0 : 1) }
        switch (a, b) {
        case (.int(let x), .int(let y)): return cmp(x, y)
        case (.int(let x), .decimal(let y)): return cmp(Double(x), y)
        case (.decimal(let x), .int(let y)): return cmp(x, Double(y))
        case (.decimal(let x), .decimal(let y)): return cmp(x, y)
        case (.string(let x), .string(let y)), (.secret(let x), .secret(let y)): return TextOrder.compare(x, y)
        case (.date(let x), .date(let y)): return cmp(x, y)
        case (.bool(let x), .bool(let y)): return cmp(x ? 1 : 0, y ? 1 : 0)
        case (.enumValue(let t, let c), .enumValue(let u, let d)) where t == u: return cmp(c, d)
        case (.enumValue(let t, let c), .label(let l)), (.enumValue(let t, let c), .string(let l)):
            guard let d = Vocab.all[t].code(of: l) else { return nil }
            return cmp(c, d)
        case (.label(let l), .enumValue(let t, let c)), (.string(let l), .enumValue(let t, let c)):
            guard let d = Vocab.all[t].code(of: l) else { return nil }
            return cmp(d, c)
        case (.label(let x), .label(let y)): return cmp(x, y)
        case (.node(let k, let r), .node(let l, let s)) where k == l: return cmp(r, s)
        case (.duration(let x), .duration(let y)): return cmp(x.months * 31 + x.days, y.months * 31 + y.days)
        default: return nil
        }
    }

    /// Sort order: values first (by `compare`), nulls last, mismatched types by type name.
    static func sortOrder(_ a: Value, _ b: Value) -> Int {
        switch (a.isNull, b.isNull) {
        case (true, true): return 0
        case (true, false): return 1
        case (false, true): return -1
        default:
            if let c = compare(a, b) { return c }
            if case .node = a, case .node = b { return a.typeName < b.typeName ? -1 : 1 }
            return a.typeName < b.typeName ? -1 : (a.typeName == b.typeName ? 0 : 1)
        }
    }

    /// A hashable key for distinct and group by.
    var key: ValueKey {
        switch self {
        case .null: return .null
        case .bool(let b): return .int(b ? 1 : 0)
        case .int(let i): return .int(i)
        case .decimal(let d): return d == d.rounded() && abs(d) < 9e15 ? .int(Int64(d)) : .decimal(d)
        case .string(let s), .secret(let s), .label(let s): return .text(s)
        case .date(let d): return .date(d.raw)
        case .enumValue(let t, let c): return .text(Value.enumText(t, c))
        case .node(let k, let r): return .node(k.rawValue, r)
        case .list(let l): return .list(l.map(\.key))
        case .record(let r): return .list(r.keys.map { .text($0) } + r.values.map(\.key))
        case .duration(let d): return .list([.int(Int64(d.months)), .int(Int64(d.days))])
        case .nodes(let s): return .list([.int(Int64(s.kind.rawValue))] + (s.rows ?? []).map { .int(Int64($0)) })
        case .function(let f): return .int(Int64(ObjectIdentifier(f).hashValue))
        }
    }

    var asDouble: Double? {
        switch self {
        case .int(let i): return Double(i)
        case .decimal(let d): return d
        default: return nil
        }
    }
}

enum ValueKey: Hashable {
    case null
    case int(Int64)
    case decimal(Double)
    case text(String)
    case date(Int32)
    case node(Int, Int32)
    indirect case list([ValueKey])
}

/// Arithmetic, with the error messages the runtime reports.
/// Sizes a value may grow to. Checked before allocating, so that a runaway script (a string or
/// list doubled in a loop) ends with an error instead of the process aborting on a failed
/// allocation.
enum Limits {
    static let maxStringBytes = 256 << 20
    static let maxListLength = 50_000_000

    static func concatenated(_ a: String, _ b: String) throws -> String {
        guard a.utf8.count + b.utf8.count <= maxStringBytes else {
            throw ArithmeticError("string too long: \(a.utf8.count + b.utf8.count) bytes (the limit is \(maxStringBytes >> 20) MiB)")
        }
        return a + b
    }
}

enum Arithmetic {
    static func apply(_ op: BinaryOp, _ a: Value, _ b: Value) throws -> Value {
        if a.isNull || b.isNull { return .null }
        switch (op, a, b) {
        case (.add, .int(let x), .int(let y)):
            let (r, o) = x.addingReportingOverflow(y)
            if o { throw ArithmeticError("integer overflow in \(x) + \(y)") }
            return .int(r)
        case (.sub, .int(let x), .int(let y)):
            let (r, o) = x.subtractingReportingOverflow(y)
            if o { throw ArithmeticError("integer overflow in \(x) - \(y)") }
            return .int(r)
        case (.mul, .int(let x), .int(let y)):
            let (r, o) = x.multipliedReportingOverflow(by: y)
            if o { throw ArithmeticError("integer overflow in \(x) * \(y)") }
            return .int(r)
        case (.div, .int(let x), .int(let y)):
            if y == 0 { throw ArithmeticError("division by zero") }
            return .decimal(Double(x) / Double(y))
        case (.mod, .int(let x), .int(let y)):
            if y == 0 { throw ArithmeticError("division by zero") }
            if x == .min && y == -1 { return .int(0) }
            return .int(x % y)
        case (.add, .string(let x), .string(let y)): return .string(try Limits.concatenated(x, y))
        case (.add, .string(let x), _): return .string(try Limits.concatenated(x, Display.inline(b, reveal: false)))
        case (.add, _, .string(let y)): return .string(try Limits.concatenated(Display.inline(a, reveal: false), y))
        case (.add, .list(let x), .list(let y)):
            guard x.count + y.count <= Limits.maxListLength else {
                throw ArithmeticError("list too long: \(x.count + y.count) items (the limit is \(Limits.maxListLength))")
            }
            return .list(x + y)
        case (.add, .date(let d), .duration(let u)), (.add, .duration(let u), .date(let d)):
            guard let r = d.adding(months: u.months, days: u.days) else { throw ArithmeticError("date out of range") }
            return .date(r)
        case (.sub, .date(let d), .duration(let u)):
            guard let r = d.adding(months: -u.months, days: -u.days) else { throw ArithmeticError("date out of range") }
            return .date(r)
        case (.sub, .date(let x), .date(let y)): return .int(Int64(x.raw) - Int64(y.raw))
        case (.add, .duration(let x), .duration(let y)):
            return .duration(try Duration.checked(months: Int64(x.months) + Int64(y.months), days: Int64(x.days) + Int64(y.days)))
        case (.mul, .duration(let x), .int(let n)), (.mul, .int(let n), .duration(let x)):
            guard abs(n) < 10_000 else { throw ArithmeticError("duration too large") }
            return .duration(try Duration.checked(months: Int64(x.months) * n, days: Int64(x.days) * n))
        default:
            guard let x = a.asDouble, let y = b.asDouble else {
                throw ArithmeticError("cannot apply '\(op.rawValue)' to \(a.typeName) and \(b.typeName)")
            }
            switch op {
            case .add: return .decimal(x + y)
            case .sub: return .decimal(x - y)
            case .mul: return .decimal(x * y)
            case .div:
                if y == 0 { throw ArithmeticError("division by zero") }
                return .decimal(x / y)
            case .mod:
                if y == 0 { throw ArithmeticError("division by zero") }
                return .decimal(x.truncatingRemainder(dividingBy: y))
            default: throw ArithmeticError("cannot apply '\(op.rawValue)' to \(a.typeName) and \(b.typeName)")
            }
        }
    }
}

extension Duration {
    /// A duration within ±10,000 years, so that date arithmetic can never overflow.
    static func checked(months: Int64, days: Int64) throws -> Duration {
        guard abs(months) <= 120_000, abs(days) <= 3_700_000 else { throw ArithmeticError("duration too large") }
        return Duration(months: Int(months), days: Int(days))
    }
}

struct ArithmeticError: Error {
    let message: String
    init(_ message: String) { self.message = message }
}
