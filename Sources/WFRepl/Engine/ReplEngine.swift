/// The language session as the REPL sees it. The REPL owns reading, editing, history, commands
/// and interrupts; everything that needs the language (running code, completing its words,
/// help, snapshots) goes through this protocol, so WFRepl never depends on WFLanguage and its
/// tests run against a fake.
public protocol ReplEngine: AnyObject {
    /// Printed once before the first prompt on a terminal: the network's name and its counts.
    var banner: String { get }

    /// True while `source` is an unfinished statement: open brackets or blocks, an unclosed
    /// string, or a parse that stopped at the end of the input. The REPL then shows the
    /// continuation prompt and appends the next line (joined with "\n").
    func needsMoreInput(_ source: String) -> Bool

    /// Runs one complete entry and prints its results and errors itself. Long work polls
    /// `isCancelled` (cheap: one atomic load) and returns early when it turns true, leaving the
    /// session as it was before the statement; the REPL then prints "interrupted".
    func execute(_ source: String, isCancelled: @escaping () -> Bool)

    /// Completion candidates for the word that ends at `cursor` (an offset in Characters into
    /// `line`, so it never falls inside a Chinese character):
    /// keywords, functions, variables, field names after `.`, names inside quotes. Each
    /// candidate is the whole word and begins with what was typed of it; a candidate may carry
    /// a closing quote. The REPL inserts their common prefix or lists them.
    func completions(for line: String, cursor: Int) -> [String]

    /// Text of `:help` (nil: the overview) or `:help TOPIC`.
    func help(_ topic: String?) -> String
    /// Text of `:schema` (nil: every kind) or `:schema KIND`.
    func schema(_ kind: String?) -> String
    /// `:load FILE`: a snapshot or a script, the engine decides by content. The engine prints
    /// progress and a confirmation; the REPL prints the error when it throws.
    func load(_ path: String) throws
    /// `:save [FILE]`: nil saves to the file the session was loaded from. The engine prints
    /// where it saved.
    func save(_ path: String?) throws
    /// `:undo`: undoes the last mutation; false when there is none.
    func undo() -> Bool
    /// `:reset`: discards every unsaved change.
    func reset()
    /// `:format table|csv|json|md` (already checked to be one of those by the REPL).
    func setFormat(_ name: String) throws
    /// True when the data differs from the last load or save; leaving then asks once.
    var hasUnsavedChanges: Bool { get }
}
