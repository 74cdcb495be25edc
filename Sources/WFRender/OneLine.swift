/// Makes text safe to print inside one line of a table or tree: line breaks become "↵", a tab
/// "⇥", and every other control character its Unicode control picture (ESC → "␛"), so cell text
/// can neither break a row nor send escape sequences to the terminal.
enum OneLine {
    /// The text with line breaks and control characters replaced; the text itself when it has none.
    /// - Complexity: O(n) in the UTF-8 length; no allocation when nothing needs replacing.
    static func text(_ text: String) -> String {
        if !needsReplacing(text) { return text }
        var out = String.UnicodeScalarView()
        var previousWasCR = false
        for scalar in text.unicodeScalars {
            let v = scalar.value
            defer { previousWasCR = v == 0x0D }
            switch v {
            case 0x0A where previousWasCR:
                continue // CR LF is one line break
            case 0x0A, 0x0D, 0x0B, 0x0C, 0x85, 0x2028, 0x2029:
                out.append("↵")
            case 0x09:
                out.append("⇥")
            case 0x00..<0x20:
                out.append(Unicode.Scalar(0x2400 + v) ?? "\u{FFFD}")
            case 0x7F:
                out.append("\u{2421}")
            case 0x80..<0xA0:
                out.append("\u{FFFD}")
            default:
                out.append(scalar)
            }
        }
        return String(out)
    }

    /// Whether any byte is a C0 control, DEL, a C1 control (UTF-8 C2 80…C2 9F) or the start of
    /// U+2028/U+2029 (E2 80 A8/A9).
    private static func needsReplacing(_ text: String) -> Bool {
        var previous: UInt8 = 0
        var beforePrevious: UInt8 = 0
        for byte in text.utf8 {
            if byte < 0x20 || byte == 0x7F { return true }
            if previous == 0xC2 && byte < 0xA0 && byte >= 0x80 { return true }
            if beforePrevious == 0xE2 && previous == 0x80 && (byte == 0xA8 || byte == 0xA9) { return true }
            beforePrevious = previous
            previous = byte
        }
        return false
    }
}
