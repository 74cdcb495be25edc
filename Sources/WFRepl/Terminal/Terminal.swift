import CLibEdit
import WFRender
#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// Facts about the terminal that decide how output looks: whether there is one, how wide it is,
/// and whether colour is wanted.
public enum Terminal {
    /// True when `fd` is a terminal (not a pipe or a file).
    public static func isTerminal(_ fd: Int32) -> Bool { isatty(fd) != 0 }

    /// Columns of the terminal on `fd` (asked anew each time, so a resize is seen), or nil when
    /// `fd` is not a terminal.
    public static func columns(fd: Int32 = 1) -> Int? {
        let columns = Int(wf_terminal_columns(fd))
        return columns > 0 ? columns : nil
    }

    /// Rows of the terminal on `fd`, or nil when `fd` is not a terminal.
    public static func rows(fd: Int32 = 1) -> Int? {
        let rows = Int(wf_terminal_rows(fd))
        return rows > 0 ? rows : nil
    }

    /// How to draw a result table on standard output now: on a terminal, coloured headers
    /// (unless NO_COLOR), cells cut to the width, and long results shortened to head and tail
    /// so they fit the screen; elsewhere every row, plain. Asked before each result, so a
    /// resized window is honoured.
    public static func renderOptionsForStandardOutput() -> RenderOptions {
        guard isTerminal(1) else { return RenderOptions() }
        return renderOptions(rows: rows(), columns: columns(),
                             color: colorEnabled(isTerminal: true, environment: environmentVariables()))
    }

    /// `renderOptionsForStandardOutput` for a given screen: room for the table's header, its
    /// rule, the "… N more rows …" line and the next prompt is kept free.
    public static func renderOptions(rows: Int?, columns: Int?, color: Bool) -> RenderOptions {
        let reserved = 5
        return RenderOptions(color: color, maxRows: rows.map { max(10, $0 - reserved) }, maxWidth: columns)
    }

    /// Whether to colour output: only on a terminal, and never when `NO_COLOR` is set to a
    /// non-empty value (https://no-color.org).
    public static func colorEnabled(isTerminal: Bool, environment: [String: String]) -> Bool {
        guard isTerminal else { return false }
        if let noColor = environment["NO_COLOR"], !noColor.isEmpty { return false }
        return true
    }

    /// `colorEnabled` for standard output and this process's environment.
    public static var stdoutWantsColor: Bool {
        colorEnabled(isTerminal: isTerminal(1), environment: environmentVariables())
    }

    /// This process's environment as a dictionary.
    /// - Complexity: O(size of the environment).
    public static func environmentVariables() -> [String: String] {
        var result: [String: String] = [:]
        var entry = environ
        while let pointer = entry.pointee {
            let text = String(cString: pointer)
            if let equals = text.firstIndex(of: "=") {
                result[String(text[..<equals])] = String(text[text.index(after: equals)...])
            }
            entry += 1
        }
        return result
    }
}

/// ANSI styling that turns into plain text when colour is off, so callers never branch on it.
public struct Style: Sendable {
    public var enabled: Bool

    public init(enabled: Bool) { self.enabled = enabled }

    public func error(_ text: String) -> String { wrap(text, "1;31") }
    public func warning(_ text: String) -> String { wrap(text, "33") }
    public func prompt(_ text: String) -> String { wrap(text, "1;32") }
    public func dim(_ text: String) -> String { wrap(text, "2") }
    public func bold(_ text: String) -> String { wrap(text, "1") }

    private func wrap(_ text: String, _ code: String) -> String {
        enabled ? "\u{1B}[\(code)m\(text)\u{1B}[0m" : text
    }
}
