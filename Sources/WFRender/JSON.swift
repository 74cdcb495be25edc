/// JSON output (RFC 8259): an array of objects keyed by column name, or JSON Lines.
///
/// Ints and decimals are numbers, booleans are booleans, null is null, everything else a string.
/// A decimal prints as its display text when that text is a valid JSON number (so "12.50" keeps
/// its digits) and otherwise from its `Double`; NaN and infinities become null, which JSON has no
/// number for. Strings escape `"`, `\` and every control character; non-ASCII stays as UTF-8.
/// Duplicate column names get a suffix ("name", "name_2") so that every key stays reachable.
///
/// Hand-written rather than `JSONSerialization`: that one loses the int/decimal distinction,
/// does not keep key order, and escapes "/" needlessly.
enum JSON {
    /// A JSON array, one object per line inside it.
    /// - Complexity: O(total text length).
    static func array(_ table: ResultTable) -> String {
        if table.rows.isEmpty { return "[]\n" }
        let keys = encodedKeys(table.columns)
        var out = "[\n"
        for (index, row) in table.rows.enumerated() {
            out += "  "
            appendObject(row, keys: keys, to: &out)
            out += index == table.rows.count - 1 ? "\n" : ",\n"
        }
        out += "]\n"
        return out
    }

    /// JSON Lines: one object per line, each line ending in "\n".
    /// - Complexity: O(total text length).
    static func lines(_ table: ResultTable) -> String {
        let keys = encodedKeys(table.columns)
        var out = ""
        for row in table.rows {
            appendObject(row, keys: keys, to: &out)
            out += "\n"
        }
        return out
    }

    /// The column names as quoted JSON strings, made unique.
    private static func encodedKeys(_ columns: [String]) -> [String] {
        var seen = Set<String>()
        var keys: [String] = []
        for name in columns {
            var key = name
            var suffix = 2
            while seen.contains(key) {
                key = "\(name)_\(suffix)"
                suffix += 1
            }
            seen.insert(key)
            var quoted = ""
            appendString(key, to: &quoted)
            keys.append(quoted)
        }
        return keys
    }

    private static func appendObject(_ row: [Cell], keys: [String], to out: inout String) {
        out += "{"
        for (column, key) in keys.enumerated() {
            if column > 0 { out += ", " }
            out += key
            out += ": "
            appendValue(column < row.count ? row[column] : .null, to: &out)
        }
        out += "}"
    }

    static func appendValue(_ cell: Cell, to out: inout String) {
        switch cell {
        case .null: out += "null"
        case .bool(let b): out += b ? "true" : "false"
        case .int(let i): out += String(i)
        case .decimal(let value, let text):
            if isJSONNumber(text) {
                out += text
            } else if value.isFinite {
                out += jsonDouble(value)
            } else {
                out += "null"
            }
        case .text(let s): appendString(s, to: &out)
        }
    }

    /// A finite double in JSON number syntax (Swift's description, which may end in ".0" or use
    /// an exponent such as "1e-05"; both are valid JSON).
    private static func jsonDouble(_ value: Double) -> String {
        let text = "\(value)"
        return isJSONNumber(text) ? text : "null"
    }

    /// Whether `text` matches RFC 8259's number grammar:
    /// `-? (0 | [1-9][0-9]*) (. [0-9]+)? ([eE] [+-]? [0-9]+)?`.
    /// - Complexity: O(n).
    static func isJSONNumber(_ text: String) -> Bool {
        let bytes = Array(text.utf8)
        var i = 0
        func digits() -> Int {
            let start = i
            while i < bytes.count, bytes[i] >= UInt8(ascii: "0"), bytes[i] <= UInt8(ascii: "9") { i += 1 }
            return i - start
        }
        if i < bytes.count, bytes[i] == UInt8(ascii: "-") { i += 1 }
        guard i < bytes.count else { return false }
        if bytes[i] == UInt8(ascii: "0") {
            i += 1
        } else if digits() == 0 {
            return false
        }
        if i < bytes.count, bytes[i] == UInt8(ascii: ".") {
            i += 1
            if digits() == 0 { return false }
        }
        if i < bytes.count, bytes[i] == UInt8(ascii: "e") || bytes[i] == UInt8(ascii: "E") {
            i += 1
            if i < bytes.count, bytes[i] == UInt8(ascii: "+") || bytes[i] == UInt8(ascii: "-") { i += 1 }
            if digits() == 0 { return false }
        }
        return i == bytes.count
    }

    /// Appends `text` as a quoted JSON string. U+2028 and U+2029 are escaped too, so the output
    /// is also safe to embed in JavaScript.
    /// - Complexity: O(n); text needing no escapes is appended in one piece.
    static func appendString(_ text: String, to out: inout String) {
        out += "\""
        let plain = !text.utf8.contains { $0 < 0x20 || $0 == UInt8(ascii: "\"") || $0 == UInt8(ascii: "\\") || $0 == 0xE2 }
        if plain {
            out += text
            out += "\""
            return
        }
        for scalar in text.unicodeScalars {
            switch scalar.value {
            case 0x22: out += "\\\""
            case 0x5C: out += "\\\\"
            case 0x08: out += "\\b"
            case 0x0C: out += "\\f"
            case 0x0A: out += "\\n"
            case 0x0D: out += "\\r"
            case 0x09: out += "\\t"
            case 0x00..<0x20, 0x2028, 0x2029:
                out += "\\u" + hex4(scalar.value)
            default:
                out.unicodeScalars.append(scalar)
            }
        }
        out += "\""
    }

    private static func hex4(_ value: UInt32) -> String {
        let digits = Array("0123456789abcdef")
        var s = ""
        for shift in stride(from: 12, through: 0, by: -4) {
            s.append(digits[Int((value >> UInt32(shift)) & 0xF)])
        }
        return s
    }
}
