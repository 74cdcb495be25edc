import WFStore

/// A value offered for one field of a record, before it is checked against the field's type.
/// The language and the CSV importer both speak this, so both get the same checks.
public enum FieldValue: Equatable, Sendable {
    case null
    case int(Int64)
    case bool(Bool)
    case date(Day)
    case text(String)
    /// An enumeration label (`congress` or `妇代会`).
    case label(String)
    /// Several labels, for tag fields.
    case labels([String])
    case ref(Kind, Int32)

    /// How the value reads in a message.
    public var describe: String {
        switch self {
        case .null: return "null"
        case .int(let i): return String(i)
        case .bool(let b): return b ? "true" : "false"
        case .date(let d): return d.iso
        case .text(let s): return "\"\(s)\""
        case .label(let l): return l
        case .labels(let ls): return "[" + ls.joined(separator: ", ") + "]"
        case .ref(let k, let r): return "\(k.name) #\(r)"
        }
    }
}

/// The bounds every date and year must lie in: wide enough for any birth year and term, narrow
/// enough to catch typos such as 20260-01-01 or 206-01-01.
public enum Bounds {
    public static let earliest = Day(year: 1900, month: 1, day: 1) ?? Day(raw: -25567)
    public static let latest = Day(year: 2100, month: 12, day: 31) ?? Day(raw: 47846)
    public static let years: ClosedRange<Int64> = 1900...2100
}

extension Domain {
    /// Turns a field value into the field's cell, checking type, range and liveness of targets.
    /// - Complexity: O(1), except O(labels) for enumerations and O(length) for new strings.
    ///
    /// A text not yet in the string pool is not interned here (that would change the store before
    /// the rules are checked): it goes into `pending`, by field index, and the cell holds a
    /// placeholder until `commit` interns it.
    func cell(_ store: Store, _ field: FieldID, _ value: FieldValue, pending: inout [Int: String]) throws -> Int32 {
        let f = field.field
        let what = "\(field.kind.name).\(f.name)"
        if case .null = value { return nullCell }
        switch (f.type, value) {
        case (.int, .int(let i)):
            let yearLike = f.name == "birth_year" || f.name == "year"
            if yearLike && !Bounds.years.contains(i) {
                throw Rule.violation(Rule.saneNumber, "\(what) = \(i) is not a year between 1900 and 2100")
            }
            if i < 0 || i > Int64(Int32.max) {
                throw Rule.violation(Rule.saneNumber, "\(what) = \(i) is out of range (0 to \(Int32.max))")
            }
            return Int32(i)
        case (.bool, .bool(let b)):
            return b ? 1 : 0
        case (.date, .date(let d)):
            guard d >= Bounds.earliest && d <= Bounds.latest else {
                throw Rule.violation(Rule.saneDate, "\(what) = \(d.iso) is outside 1900-01-01 to 2100-12-31")
            }
            return d.raw
        case (.string, .text(let s)), (.personal, .text(let s)):
            if let id = store.strings.lookup(s) { return id }
            pending[field.index] = s
            return Domain.pendingText
        case (.enumeration(let e), .label(let l)), (.enumeration(let e), .text(let l)):
            guard let code = e.code(of: l) else {
                throw Rule.violation(Rule.enumValue, "'\(l)' is not a \(e.name) (\(what))",
                                     hint: "one of: " + e.labels.joined(separator: ", "))
            }
            return code
        case (.tags(let e), .labels(let ls)):
            var bits: Int32 = 0
            for l in ls {
                guard let code = e.code(of: l) else {
                    throw Rule.violation(Rule.enumValue, "'\(l)' is not a \(e.name) (\(what))",
                                         hint: "one of: " + e.labels.joined(separator: ", "))
                }
                bits |= 1 << code
            }
            return bits
        case (.tags, .label(let l)):
            return try cell(store, field, .labels([l]), pending: &pending)
        case (.ref(let target), .ref(let k, let row)):
            guard k == target else {
                throw Rule.violation(Rule.fieldType, "\(what) takes a \(target.name), not a \(k.name)")
            }
            guard store.isLive(k, row) else {
                throw Rule.violation(Rule.liveTarget, "\(k.name) #\(row) does not exist (\(what))")
            }
            return row
        default:
            throw Rule.violation(Rule.fieldType, "\(what) takes a \(f.type.displayName), not \(value.describe)")
        }
    }
}
