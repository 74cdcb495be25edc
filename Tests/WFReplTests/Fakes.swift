import WFRepl

/// A scripted stand-in for the language: records what the REPL asked of it.
final class FakeEngine: ReplEngine {
    var executed: [String] = []
    var helpTopics: [String?] = []
    var schemaKinds: [String?] = []
    var loaded: [String] = []
    var saved: [String?] = []
    var formats: [String] = []
    var completionRequests: [(line: String, cursor: Int)] = []
    var completionAnswer: [String] = []
    var undoable = 0
    var resets = 0
    var unsaved = false
    var loadError: Error?
    /// Statements that behave like an endless loop: they simulate Ctrl-C and wait for it.
    var endless: Set<String> = []
    var sawCancellation = false

    var banner: String { "fake network: 3 orgs" }

    /// Unfinished while "(" or "{" outnumber their closers.
    func needsMoreInput(_ source: String) -> Bool {
        var depth = 0
        for character in source {
            if character == "(" || character == "{" { depth += 1 }
            if character == ")" || character == "}" { depth -= 1 }
        }
        return depth > 0
    }

    func execute(_ source: String, isCancelled: @escaping () -> Bool) {
        executed.append(source)
        if source.hasPrefix("change") { unsaved = true; undoable += 1 }
        if endless.contains(source) {
            InterruptSignal.request()
            var spins = 0
            while !isCancelled() && spins < 1_000_000 { spins += 1 }
            sawCancellation = isCancelled()
        }
    }

    func completions(for line: String, cursor: Int) -> [String] {
        completionRequests.append((line, cursor))
        return completionAnswer
    }

    func help(_ topic: String?) -> String {
        helpTopics.append(topic)
        return "help on \(topic ?? "everything")"
    }

    func schema(_ kind: String?) -> String {
        schemaKinds.append(kind)
        return "schema of \(kind ?? "all")\n"
    }

    func load(_ path: String) throws {
        if let loadError { throw loadError }
        loaded.append(path)
    }

    func save(_ path: String?) throws {
        saved.append(path)
        unsaved = false
    }

    func undo() -> Bool {
        guard undoable > 0 else { return false }
        undoable -= 1
        return true
    }

    func reset() {
        resets += 1
        unsaved = false
    }

    func setFormat(_ name: String) throws { formats.append(name) }

    var hasUnsavedChanges: Bool { unsaved }
}

struct FakeError: Error, CustomStringConvertible {
    var description: String
}

/// Plays back a list of read results, then reports the end of input forever.
final class ScriptedReader: LineReader {
    private var script: [LineResult]
    var prompts: [(prompt: String, continuation: Bool)] = []
    var remembered: [String] = []
    var completer: ((String, Int) -> [String])?
    var interactive: Bool
    var closed = false

    init(_ script: [LineResult], interactive: Bool = true) {
        self.script = script
        self.interactive = interactive
    }

    convenience init(lines: [String], interactive: Bool = true) {
        self.init(lines.map { .line($0) }, interactive: interactive)
    }

    var isInteractive: Bool { interactive }

    func readLine(prompt: String, continuation: Bool) -> LineResult {
        prompts.append((prompt, continuation))
        return script.isEmpty ? .endOfInput : script.removeFirst()
    }

    func remember(_ entry: String) { remembered.append(entry) }
    func setCompleter(_ completer: @escaping (String, Int) -> [String]) { self.completer = completer }
    func close() { closed = true }
}

/// Captures what a session writes.
final class Transcript {
    var out = ""
    var err = ""
    var output: ReplOutput {
        ReplOutput(write: { self.out += $0 }, writeError: { self.err += $0 })
    }
}

/// A session over the fakes, without colour or start-up file.
func makeSession(_ engine: FakeEngine, _ reader: ScriptedReader, _ transcript: Transcript,
                 startupFile: String? = nil, clock: @escaping () -> UInt64 = { 0 }) -> ReplLoop {
    ReplLoop(engine: engine, reader: reader,
             options: ReplOptions(noRC: startupFile == nil, startupFile: startupFile, color: false),
             output: transcript.output, clock: clock)
}
