extension Store {
    /// A cell as plain text: enumeration labels, ISO dates, string contents, and for references
    /// the target's display name. Personal data is masked unless `reveal` is set.
    /// Used by diffs, CSV export and messages; the language has its own typed values.
    public func describe(_ field: FieldID, _ cell: Int32, reveal: Bool = false) -> String {
        if cell == nullCell { return "" }
        switch field.field.type {
        case .int: return String(cell)
        case .bool: return cell != 0 ? "true" : "false"
        case .date: return Day(raw: cell).iso
        case .string: return string(cell)
        case .personal: return reveal ? string(cell) : Masking.mask(string(cell))
        case .enumeration(let e): return e.label(cell) ?? String(cell)
        case .tags(let e):
            return e.labels.indices.filter { cell & (1 << Int32($0)) != 0 }.map { e.labels[$0] }.joined(separator: "|")
        case .ref(let k): return cell >= 0 && Int(cell) < count(k) ? displayName(k, cell) : "#\(cell)"
        }
    }
}

/// Masking of personal data (phone and ID numbers): keep enough to recognise, hide the rest.
public enum Masking {
    /// Masks every run of 11 or more digits (an ID number may end in X): for text whose fields
    /// are unknown, such as a line that failed to parse, where a phone or ID number may hide.
    public static func maskDigitRuns(_ text: String) -> String {
        var out = ""
        var run = ""
        func flush() {
            out += run.count >= 11 ? mask(run) : run
            run = ""
        }
        for ch in text {
            if ch.isASCII && (ch.isNumber || (ch == "X" && !run.isEmpty)) { run.append(ch) } else { flush(); out.append(ch) }
        }
        flush()
        return out
    }

    /// `13812345678` → `138****5678`; `110105198001011234` → `110105********1234`; short values → `****`.
    public static func mask(_ text: String) -> String {
        let chars = Array(text)
        switch chars.count {
        case 0: return ""
        case ..<7: return String(repeating: "*", count: chars.count)
        case 7...12: return String(chars[0..<3]) + String(repeating: "*", count: chars.count - 7) + String(chars[(chars.count - 4)...])
        default: return String(chars[0..<6]) + String(repeating: "*", count: chars.count - 10) + String(chars[(chars.count - 4)...])
        }
    }
}
