/// The REPL's own commands, written `:name argument`. One table feeds dispatch, `:help`,
/// completion and "did you mean", so they cannot disagree.
public enum ReplCommand: String, CaseIterable, Sendable {
    case help, schema, load, save, time, format, undo, reset, quit

    /// Short spellings accepted besides the full name.
    public var aliases: [String] {
        switch self {
        case .quit: return ["q"]
        default: return []
        }
    }

    /// The argument part of the usage line.
    public var synopsis: String {
        switch self {
        case .help: return "[TOPIC]"
        case .schema: return "[KIND]"
        case .load: return "FILE"
        case .save: return "[FILE]"
        case .time: return "[on|off|STATEMENT]"
        case .format: return "table|csv|json|md"
        case .undo, .reset: return ""
        case .quit: return ""
        }
    }

    /// One line for `:help`.
    public var summary: String {
        switch self {
        case .help: return "this list, or help on a statement, operator, kind or function"
        case .schema: return "the kinds of nodes and edges and their fields"
        case .load: return "load a snapshot (.wfs) or run a script (.wf)"
        case .save: return "save the data to a snapshot (default: the file it came from)"
        case .time: return "switch timing on or off, or time one statement"
        case .format: return "how results print"
        case .undo: return "undo the last change (repeatable)"
        case .reset: return "discard every unsaved change"
        case .quit: return "leave (:q for short; :quit! leaves without asking about unsaved changes)"
        }
    }

    /// `:name`, as typed.
    public var spelled: String { ":" + rawValue }

    /// The command called `name` (without the colon), by full name or alias.
    public init?(named name: String) {
        if let command = ReplCommand(rawValue: name) {
            self = command
            return
        }
        guard let command = ReplCommand.allCases.first(where: { $0.aliases.contains(name) }) else { return nil }
        self = command
    }

    /// Every spelling, for completion.
    public static var allSpellings: [String] { allCases.map(\.spelled) }

    /// The command list `:help` prints.
    public static var overview: String {
        let usages = allCases.map { command in
            command.synopsis.isEmpty ? command.spelled : command.spelled + " " + command.synopsis
        }
        let width = usages.map(\.count).max() ?? 0
        var text = "Commands:\n"
        for (usage, command) in zip(usages, allCases) {
            text += "  " + usage + String(repeating: " ", count: width - usage.count + 2) + command.summary + "\n"
        }
        return text
    }
}

/// A line starting with ":" split into command name and argument.
public struct CommandInput: Equatable, Sendable {
    /// The name as typed, without the colon (may be unknown, may end in "!").
    public var name: String
    /// The rest of the line, trimmed; empty when there is none.
    public var argument: String

    /// Splits `text` (already known to start with ":" after leading blanks).
    public init?(_ text: String) {
        let trimmed = text.trimmingBlanks()
        guard trimmed.hasPrefix(":") else { return nil }
        let body = trimmed.dropFirst()
        let nameEnd = body.firstIndex(where: { $0 == " " || $0 == "\t" || $0 == "\n" }) ?? body.endIndex
        name = String(body[..<nameEnd])
        argument = String(body[nameEnd...]).trimmingBlanks()
    }
}

extension StringProtocol {
    /// Without leading and trailing spaces, tabs and line ends (no Foundation needed).
    func trimmingBlanks() -> String {
        let isBlank: (Character) -> Bool = { $0 == " " || $0 == "\t" || $0 == "\n" || $0 == "\r" || $0 == "\r\n" }
        guard let start = firstIndex(where: { !isBlank($0) }), let last = lastIndex(where: { !isBlank($0) }) else { return "" }
        return String(self[start...last])
    }
}
