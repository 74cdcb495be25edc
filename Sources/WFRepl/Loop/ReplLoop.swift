#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// The read-eval-print loop: reads entries (several lines while the engine says the statement
/// is unfinished), runs `:commands` itself and hands everything else to the engine, times
/// statements, turns Ctrl-C into "interrupted" and guards against leaving with unsaved changes.
public final class ReplLoop {
    let engine: ReplEngine
    let reader: LineReader
    private let options: ReplOptions
    let output: ReplOutput
    let style: Style
    private let clock: () -> UInt64

    /// `:time` is on: every statement reports how long it took.
    public internal(set) var isTiming = false
    /// A leave was refused once because of unsaved changes; the next one goes through.
    private var warnedAboutUnsavedChanges = false
    private var exitStatus: Int32 = 0

    /// - Parameters:
    ///   - clock: monotonic nanoseconds, for `:time` (tests pass a fake).
    public init(engine: ReplEngine, reader: LineReader, options: ReplOptions = ReplOptions(),
                output: ReplOutput = .standard, clock: @escaping () -> UInt64 = ReplLoop.monotonicNanoseconds) {
        self.engine = engine
        self.reader = reader
        self.options = options
        self.output = output
        self.style = Style(enabled: options.color)
        self.clock = clock
        let completer = ReplCompleter(engine: engine)
        reader.setCompleter { line, cursor in completer.candidates(line: line, cursor: cursor) }
    }

    /// Runs the session to its end: banner, start-up file, then entries until Ctrl-D or
    /// `:quit`. Returns the exit status: 0, or 130 when piped input was interrupted.
    @discardableResult
    public func run() -> Int32 {
        InterruptSignal.install()
        defer {
            reader.close()
            InterruptSignal.uninstall()
        }
        if reader.isInteractive {
            output.write(engine.banner + "\n")
            output.write(style.dim("Type :help for help, Ctrl-D to leave.") + "\n")
        }
        runStartupFile()
        if exitStatus != 0 { return exitStatus }
        while true {
            switch readEntry(from: reader) {
            case .entry(let text):
                if handle(text) == .leave { return exitStatus }
            case .interrupted:
                if !reader.isInteractive { return 130 }
            case .endOfInput:
                if mayLeave() { return exitStatus }
            }
        }
    }

    // MARK: - Reading entries

    enum Entry: Equatable {
        case entry(String)
        case interrupted
        case endOfInput
    }

    /// Reads one complete entry: a `:command`, or source lines until the engine stops asking
    /// for more. Blank lines at the prompt are skipped. The entry goes into the history whole.
    func readEntry(from reader: LineReader) -> Entry {
        var first: String
        while true {
            switch reader.readLine(prompt: options.prompt, continuation: false) {
            case .line(let line):
                first = line
            case .interrupted:
                return .interrupted
            case .endOfInput:
                return .endOfInput
            }
            if !first.trimmingBlanks().isEmpty { break }
        }
        var entry = first
        // The part the language must parse: all of it, the statement after `:time`, or nothing.
        var source: String? = first
        if let command = CommandInput(first) {
            source = ReplCommand(named: command.name) == .time && !isSwitch(command.argument) && !command.argument.isEmpty
                ? command.argument : nil
        }
        while let pending = source, engine.needsMoreInput(pending) {
            switch reader.readLine(prompt: options.continuationPrompt, continuation: true) {
            case .line(let line):
                entry += "\n" + line
                source = pending + "\n" + line
            case .interrupted:
                return .interrupted
            case .endOfInput:
                // Run what there is: the engine's error tells where the statement stopped.
                reader.remember(entry)
                return .entry(entry)
            }
        }
        reader.remember(entry)
        return .entry(entry)
    }

    // MARK: - Handling entries

    enum Outcome { case goOn, leave }

    /// Runs one entry. Anything but a leave re-arms the unsaved-changes question.
    func handle(_ entry: String) -> Outcome {
        guard let command = CommandInput(entry) else {
            warnedAboutUnsavedChanges = false
            return run(entry, timed: isTiming)
        }
        if command.name == "quit!" || command.name == "q!" { return .leave }
        guard let known = ReplCommand(named: command.name) else {
            warnedAboutUnsavedChanges = false
            reportUnknown(command.name)
            return .goOn
        }
        if known == .quit {
            if !command.argument.isEmpty {
                fail(":quit takes no argument (:quit! leaves without saving)")
                return .goOn
            }
            return mayLeave() ? .leave : .goOn
        }
        warnedAboutUnsavedChanges = false
        return perform(known, argument: command.argument)
    }

    /// Runs source through the engine with Ctrl-C armed, and reports interruption and timing.
    /// An interrupt ends a session fed from a pipe: Ctrl-C there means "stop the script".
    func run(_ source: String, timed: Bool) -> Outcome {
        InterruptSignal.clear()
        let start = clock()
        engine.execute(source, isCancelled: { InterruptSignal.isRequested })
        let elapsed = clock() &- start
        if timed {
            output.write(style.dim("time: " + ReplLoop.describe(nanoseconds: elapsed)) + "\n")
        }
        guard InterruptSignal.isRequested else { return .goOn }
        InterruptSignal.clear()
        output.writeError(style.warning("interrupted") + "\n")
        if reader.isInteractive { return .goOn }
        exitStatus = 130
        return .leave
    }

    /// True when leaving is fine now; with unsaved changes the first attempt only warns.
    /// Without a terminal nobody can answer, so the session says what is lost and leaves.
    func mayLeave() -> Bool {
        guard engine.hasUnsavedChanges, !warnedAboutUnsavedChanges else { return true }
        guard reader.isInteractive else {
            output.writeError(style.warning("Leaving with unsaved changes (not saved).") + "\n")
            return true
        }
        warnedAboutUnsavedChanges = true
        output.writeError(style.warning("There are unsaved changes. :save FILE keeps them; "
            + "Ctrl-D or :quit again leaves without saving.") + "\n")
        return false
    }

    private func runStartupFile() {
        guard let path = options.startupFile, let text = ReplLoop.readFile(path) else { return }
        let startup = StringLineReader(text)
        while case .entry(let entry) = readEntry(from: startup) {
            if handle(entry) == .leave { break }
        }
        warnedAboutUnsavedChanges = false
    }
}
