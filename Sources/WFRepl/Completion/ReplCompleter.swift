#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// Tab completion for a whole line: the REPL completes its own `:commands`, file paths after
/// `:load` / `:save` and format names after `:format`; everything else is language and goes to
/// the engine.
public struct ReplCompleter {
    let engine: ReplEngine
    let home: String?

    public init(engine: ReplEngine, home: String? = getenv("HOME").map { String(cString: $0) }) {
        self.engine = engine
        self.home = home
    }

    /// Whole-word candidates for the word ending at `cursor` (a Character offset in `line`).
    /// - Complexity: that of the engine's completion, or of listing one directory.
    public func candidates(line: String, cursor: Int) -> [String] {
        let characters = Array(line)
        let cursor = max(0, min(cursor, characters.count))
        let typed = String(characters[..<cursor])
        let leadingBlanks = typed.prefix(while: { $0 == " " || $0 == "\t" })
        let afterBlanks = typed.dropFirst(leadingBlanks.count)
        guard afterBlanks.hasPrefix(":") else {
            return engine.completions(for: line, cursor: cursor)
        }
        // A command line: still typing the name?
        guard let nameEnd = afterBlanks.firstIndex(where: { $0 == " " || $0 == "\t" }) else {
            return ReplCommand.allSpellings.filter { $0.hasPrefix(afterBlanks) }
        }
        let name = String(afterBlanks[afterBlanks.index(after: afterBlanks.startIndex)..<nameEnd])
        let argumentTyped = afterBlanks[nameEnd...].drop(while: { $0 == " " || $0 == "\t" })
        switch ReplCommand(named: name) {
        case .load?, .save?:
            return PathCompletion.candidates(for: String(argumentTyped), home: home)
        case .format?:
            return OutputFormatNames.all.filter { $0.hasPrefix(argumentTyped) }
        case .help? where argumentTyped.hasPrefix(":"):
            return ReplCommand.allSpellings.filter { $0.hasPrefix(argumentTyped) }
        case .help?, .time?, .schema?:
            // The argument is language (a statement, a topic, a kind): let the engine complete
            // it as a line of its own.
            let argumentStart = cursor - argumentTyped.count
            let statement = String(characters[argumentStart...])
            return engine.completions(for: statement, cursor: cursor - argumentStart)
        default:
            return []
        }
    }
}
