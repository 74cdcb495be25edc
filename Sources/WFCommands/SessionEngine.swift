import WFStore
import WFSnapshot
import WFRender
import WFLanguage
import WFRepl

/// Adapts a language `Session` to the REPL's `ReplEngine`: the one place where the line editor
/// and the interpreter meet, so that neither module knows the other.
final class SessionEngine: ReplEngine {
    private var session: Session
    private var snapshotPath: String?

    init(session: Session, snapshotPath: String? = nil) {
        self.session = session
        self.snapshotPath = snapshotPath
        // The loop prints "interrupted" itself; drop the runtime's own copy of that message.
        let errors = session.options.errorOutput
        session.options.errorOutput = { text in if !InterruptSignal.isRequested { errors(text) } }
    }

    var banner: String {
        let s = session.store
        let counts = [(Kind.org, "organisations"), (.person, "people"), (.position, "positions"), (.home, "homes"), (.ledger, "ledger entries")]
            .map { "\(s.liveCount($0.0)) \($0.1)" }.joined(separator: ", ")
        return "wf 0.1 — \(s.meta.name)\n\(counts)"
    }

    func needsMoreInput(_ source: String) -> Bool { session.needsMoreInput(source) }

    func execute(_ source: String, isCancelled: @escaping () -> Bool) {
        session.options.isCancelled = isCancelled
        _ = session.run(source, file: "<repl>")
        Output.flush()
    }

    func completions(for line: String, cursor: Int) -> [String] { session.completions(for: line, cursor: cursor) }

    func help(_ topic: String?) -> String { Help.text(topic) }

    func schema(_ kind: String?) -> String {
        guard let name = kind, !name.isEmpty else { return Help.schema(nil) }
        guard let k = Kind(name: name) else {
            return "no kind '\(name)'; kinds: " + Kind.allCases.map(\.name).joined(separator: ", ") + "\n"
        }
        return Help.schema(k)
    }

    /// `:load FILE`: a snapshot replaces the network, with a fresh session;
    /// anything else runs as a script in this session.
    func load(_ path: String) throws {
        if path.hasSuffix(".wfs") {
            let store = try Snapshot.open(path)
            // A new network starts a new session: variables holding the old network's rows
            // would point at the wrong records.
            session = Session(store: store, options: session.options)
            snapshotPath = path
            Output.write("loaded \(path): \(store.liveCount(.org)) organisations, \(store.liveCount(.person)) people\n")
        } else {
            let source = try readScript(path)
            _ = session.run(source, file: path)
        }
        Output.flush()
    }

    func save(_ path: String?) throws {
        guard let target = path ?? snapshotPath else {
            throw ReplFailure(message: "no file to save to: give one, e.g. :save work.wfs")
        }
        try Snapshot.save(session.store, to: target)
        session.hasUnsavedChanges = false
        snapshotPath = target
        Output.write("saved \(target)\n")
        Output.flush()
    }

    func undo() -> Bool { session.undo() }

    func reset() { session.reset() }

    func setFormat(_ name: String) throws {
        guard let f = OutputFormat(rawValue: name) else {
            throw ReplFailure(message: "unknown format '\(name)'; use table, csv, json or md")
        }
        session.options.format = f
    }

    var hasUnsavedChanges: Bool { session.hasUnsavedChanges }
}

struct ReplFailure: Error, CustomStringConvertible {
    let message: String
    var description: String { message }
}
