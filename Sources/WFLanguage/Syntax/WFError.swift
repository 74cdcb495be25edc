import WFRender

/// The phase an error comes from. Each phase has its own exit code and its own wording, but one
/// shape and one renderer (style.md habit 3).
public enum ErrorPhase: String, Sendable {
    /// The text is not a program: exit code 2.
    case syntax
    /// Names, fields and argument counts checked before running: exit code 2.
    case resolve
    /// Failed while running: exit code 1.
    case runtime
    /// A change refused by the domain's rules: exit code 1.
    case rule
    /// The user interrupted a long evaluation: exit code 1.
    case interrupted
    /// Bad command-line parameters: exit code 2.
    case usage
}

/// Any error the language reports: what, where (a byte span) and how to fix it.
public struct WFError: Error, Sendable {
    public var phase: ErrorPhase
    public var message: String
    public var span: Span?
    public var hint: String?
    /// Extra lines printed after the hint (the rule and its section, for rule violations).
    public var note: String?

    public init(_ phase: ErrorPhase, _ message: String, span: Span?, hint: String? = nil, note: String? = nil) {
        self.phase = phase
        self.message = message
        self.span = span
        self.hint = hint
        self.note = note
    }

    static func syntax(_ message: String, _ span: Span, hint: String? = nil) -> WFError {
        WFError(.syntax, message, span: span, hint: hint)
    }
    static func resolve(_ message: String, _ span: Span, hint: String? = nil) -> WFError {
        WFError(.resolve, message, span: span, hint: hint)
    }
    static func runtime(_ message: String, _ span: Span?, hint: String? = nil) -> WFError {
        WFError(.runtime, message, span: span, hint: hint)
    }

    /// "did you mean 'x'?" for the nearest candidates, or nil when none is near.
    static func didYouMean(_ name: String, _ candidates: [String]) -> String? {
        let near = Suggest.nearest(name, candidates)
        if near.isEmpty { return nil }
        return "did you mean " + near.map { "'\($0)'" }.joined(separator: " or ") + "?"
    }
}

/// Renders errors in the one format every phase uses:
/// ```
/// error: unknown field 'womem' of org
///  --> script.wf:3:28
///   |
/// 3 | orgs | where .level == village and .womem > 100
///   |                                    ^^^^^^
///   = help: did you mean 'women'?
/// ```
/// Columns count characters; carets are placed by display width so they sit under CJK text.
enum ErrorRenderer {
    /// Lines longer than this many display columns are shown as a window around the error.
    static let maxShownWidth = 120

    static func render(_ error: WFError, sources: [SourceFile], color: Bool) -> String {
        let (red, bold, blue, reset) = color ? ("\u{1B}[31;1m", "\u{1B}[1m", "\u{1B}[34;1m", "\u{1B}[0m") : ("", "", "", "")
        var out = "\(red)error\(reset)\(bold): \(error.message)\(reset)\n"
        if let span = error.span, span.file >= 0, Int(span.file) < sources.count {
            let file = sources[Int(span.file)]
            let start = max(0, min(Int(span.start), file.bytes.count))
            let line = file.line(of: Int32(start))
            let lineBytes = file.lineBytes(line)
            let lineStart = lineBytes.startIndex
            let prefixEnd = min(max(start, lineStart), lineBytes.endIndex)
            let prefix = String(decoding: file.bytes[lineStart..<prefixEnd], as: UTF8.self)
            let endInLine = min(max(Int(span.end), prefixEnd), lineBytes.endIndex)
            let marked = String(decoding: file.bytes[prefixEnd..<endInLine], as: UTF8.self)
            var lineText = String(decoding: lineBytes, as: UTF8.self)
            var pad = TextWidth.width(prefix)
            let column = prefix.count + 1
            var shownPrefix = prefix
            if TextWidth.width(lineText) > maxShownWidth {
                // A huge line: show a window of characters around the error, never the whole line.
                let before = Array(prefix.suffix(40))
                shownPrefix = (prefix.count > 40 ? "…" : "") + String(before)
                let after = String(String(decoding: file.bytes[prefixEnd..<lineBytes.endIndex], as: UTF8.self).prefix(60))
                lineText = shownPrefix + after + (lineBytes.endIndex - prefixEnd > 240 ? "…" : "")
                pad = TextWidth.width(shownPrefix)
            }
            let gutter = String(line).count
            let blank = String(repeating: " ", count: gutter)
            let carets = max(1, min(TextWidth.width(marked), maxShownWidth))
            out += "\(blank)\(blue)-->\(reset) \(file.name):\(line):\(column)\n"
            out += "\(blank) \(blue)|\(reset)\n"
            out += "\(blue)\(line) |\(reset) \(lineText)\n"
            out += "\(blank) \(blue)|\(reset) " + String(repeating: " ", count: pad) + "\(red)" + String(repeating: "^", count: carets) + "\(reset)\n"
            if let hint = error.hint { out += "\(blank) = help: \(hint)\n" }
            if let note = error.note { out += "\(blank) = note: \(note)\n" }
        } else {
            if let hint = error.hint { out += "  = help: \(hint)\n" }
            if let note = error.note { out += "  = note: \(note)\n" }
        }
        return out
    }
}

