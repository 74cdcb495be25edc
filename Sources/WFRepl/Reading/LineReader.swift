/// What one read from the user gave.
public enum LineResult: Equatable, Sendable {
    /// A line, without its line end.
    case line(String)
    /// Ctrl-C at the prompt: the caller drops the line (and any unfinished entry).
    case interrupted
    /// Ctrl-D on an empty line, or the end of piped input.
    case endOfInput
}

/// A source of input lines. The REPL loop is written against this protocol so that tests drive
/// it with a script, pipes use plain reading, and a terminal gets libedit.
public protocol LineReader: AnyObject {
    /// Shows `prompt` (where there is a screen) and reads one line. `continuation` says the line
    /// continues an unfinished entry.
    func readLine(prompt: String, continuation: Bool) -> LineResult
    /// True on a terminal: the REPL then prints its banner and the prompt matters.
    var isInteractive: Bool { get }
    /// Records one complete entry (possibly several lines) in the history.
    func remember(_ entry: String)
    /// Installs the source of Tab completions: (line, cursor as a Character offset) →
    /// candidates.
    func setCompleter(_ completer: @escaping (String, Int) -> [String])
    /// Saves the history and gives the terminal back as it was found.
    func close()
}

extension LineReader {
    public var isInteractive: Bool { false }
    public func remember(_ entry: String) {}
    public func setCompleter(_ completer: @escaping (String, Int) -> [String]) {}
    public func close() {}
}
