import WFStore
import WFRender

/// Text to cell, by field type: the inverse of `Store.describe` (and of what Excel tends to
/// produce: surrounding spaces, 是/否 for booleans, Chinese enumeration names).
enum CellParser {
    struct Problem: Error {
        let message: String
        let hint: String?
    }

    static func parse(_ raw: String, _ type: FieldType, intern: (String) -> Int32) -> Result<Int32, Problem> {
        let text = raw.trimmingSpaces()
        if text.isEmpty {
            // A tag set is never null: an empty cell is the empty set.
            if case .tags = type { return .success(0) }
            return .success(nullCell)
        }
        switch type {
        case .int:
            guard let v = Int32(text), v != nullCell else {
                return .failure(Problem(message: "'\(text)' is not a whole number", hint: nil))
            }
            return .success(v)
        case .bool:
            switch text.lowercased() {
            case "true", "1", "yes", "是": return .success(1)
            case "false", "0", "no", "否": return .success(0)
            default: return .failure(Problem(message: "'\(text)' is not true or false", hint: nil))
            }
        case .date:
            guard let d = Day(iso: text) else {
                return .failure(Problem(message: "'\(text)' is not a date", hint: "write dates as YYYY-MM-DD, e.g. 2026-12-31"))
            }
            return .success(d.raw)
        case .string, .personal:
            return .success(intern(raw))
        case .enumeration(let e):
            guard let code = e.code(of: text) else {
                return .failure(Problem(message: "'\(text)' is not a \(e.name)",
                                        hint: Suggest.nearest(text, e.labels, limit: 1).first.map { "did you mean '\($0)'?" } ?? "one of: " + e.labels.joined(separator: ", ")))
            }
            return .success(code)
        case .tags(let e):
            var bits: Int32 = 0
            for part in text.split(separator: "|") {
                let label = String(part).trimmingSpaces()
                guard let code = e.code(of: label), code < 31 else {
                    return .failure(Problem(message: "'\(label)' is not a \(e.name)",
                                            hint: Suggest.nearest(label, e.labels, limit: 1).first.map { "did you mean '\($0)'?" } ?? "one of: " + e.labels.joined(separator: ", ")))
                }
                bits |= 1 << code
            }
            return .success(bits)
        case .ref:
            guard let v = Int32(text), v >= 0 else {
                return .failure(Problem(message: "'\(text)' is not an id", hint: "references are written as the target's id"))
            }
            return .success(v)
        }
    }
}
