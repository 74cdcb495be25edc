/// The scalar walk every text escaper here shares: CR, LF and CR-LF each become one line break
/// of the target format, and every other scalar is kept or replaced as the format says.
enum Escaping {
    /// - Parameters:
    ///   - lineBreak: what a line break becomes (`<br>`, `\n` …).
    ///   - replace: for a scalar other than a line break, its replacement (empty drops it), or
    ///     nil to keep it.
    /// - Complexity: O(n).
    static func rewrite(_ text: String, into out: inout String, lineBreak: String,
                        _ replace: (Unicode.Scalar) -> String?) {
        var previousWasCR = false
        for scalar in text.unicodeScalars {
            defer { previousWasCR = scalar == "\r" }
            switch scalar {
            case "\n" where previousWasCR: continue
            case "\n", "\r": out += lineBreak
            default:
                if let replacement = replace(scalar) { out += replacement } else { out.unicodeScalars.append(scalar) }
            }
        }
    }
}
