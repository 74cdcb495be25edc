import WFStore

/// Script parameters given on the command line as text, checked against their declared type.
enum Parameters {
    static func parse(_ text: String, type: String, rt: Runtime, name: String, span: Span) throws -> Value {
        func bad(_ what: String) -> WFError {
            WFError(.usage, "--\(name) expects \(what), got '\(text)'", span: span)
        }
        switch type {
        case "string": return .string(text)
        case "int":
            guard let i = Int64(text) else { throw bad("an integer") }
            return .int(i)
        case "decimal":
            guard let d = Double(text), d.isFinite else { throw bad("a number") }
            return .decimal(d)
        case "date":
            guard let d = Day(iso: text) else { throw bad("a date (YYYY-MM-DD)") }
            return .date(d)
        case "bool":
            switch text.lowercased() {
            case "true", "yes", "1": return .bool(true)
            case "false", "no", "0": return .bool(false)
            default: throw bad("true or false")
            }
        case "org", "person":
            let kind: Kind = type == "org" ? .org : .person
            let key: Value = text.hasPrefix("#") ? (Int64(text.dropFirst()).map { .int($0) } ?? .string(text)) : .string(text)
            do { return try Lookup.find(rt, kind, key, plural: false, span: span, keySpan: span) } catch var e as WFError {
                e.phase = .usage
                e.message = "--\(name): " + e.message
                throw e
            }
        default:
            throw bad(type)
        }
    }
}
