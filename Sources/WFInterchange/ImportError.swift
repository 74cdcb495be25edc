import WFRender

/// A bad cell or row in an imported CSV file, with where it is.
public struct ImportError: Error, CustomStringConvertible {
    public let file: String
    public let line: Int
    public let column: Int
    public let message: String
    public let lineText: String
    public let hint: String?

    /// The error in the same shape as every wf error: position, the line, a caret, a hint.
    public var description: String {
        var out = "error: \(message)\n --> \(file):\(line):\(column)\n"
        let gutter = String(repeating: " ", count: String(line).count)
        let shown = lineText.count > 200 ? String(lineText.prefix(200)) + "…" : lineText
        out += "\(gutter) |\n\(line) | \(shown)\n\(gutter) | "
        out += String(repeating: " ", count: TextWidth.width(String(lineText.prefix(max(column - 1, 0))))) + "^\n"
        if let hint { out += "\(gutter) = help: \(hint)\n" }
        return out
    }
}

