#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// The read-eval-print loop: reads entries (several lines while the engine says the statement
/// is unfinished), runs `:commands` itself and hands everything else to the engine, times
/// statements, turns Ctrl-C into "interrupted" and guards against leaving with unsaved changes.
public final class ReplLoop {
    private let engine: ReplEngine
    private let reader: LineReader
    private let options: ReplOptions
    private let output: ReplOutput
    private let style: Style
    private let clock: () -> UInt64

    /// `:time` is on: every statement reports how long it took.
    public private(set) var isTiming = false
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

    private func perform(_ command: ReplCommand, argument: String) -> Outcome {
        let argumentOrNil = argument.isEmpty ? nil : argument
        switch command {
        case .help:
            if let topic = argumentOrNil, topic.hasPrefix(":") {
                let name = String(topic.dropFirst())
                guard let asked = ReplCommand(named: name) else { return reportUnknown(name) }
                let usage = asked.synopsis.isEmpty ? asked.spelled : asked.spelled + " " + asked.synopsis
                output.write(usage + "\n  " + asked.summary + "\n")
            } else if let topic = argumentOrNil {
                output.write(terminated(engine.help(topic)))
            } else {
                output.write(ReplCommand.overview + "\n" + terminated(engine.help(nil)))
            }
        case .schema:
            output.write(terminated(engine.schema(argumentOrNil)))
        case .load:
            guard let path = argumentOrNil else { return fail("usage: :load FILE") }
            do {
                try engine.load(expandHome(path))
            } catch {
                fail("cannot load \(path): \(error)")
            }
        case .save:
            do {
                try engine.save(argumentOrNil.map(expandHome))
            } catch {
                fail("cannot save: \(error)")
            }
        case .time:
            switch argument {
            case "": isTiming.toggle()
            case "on": isTiming = true
            case "off": isTiming = false
            default: return run(argument, timed: true)
            }
            output.write("timing \(isTiming ? "on" : "off")\n")
        case .format:
            guard let name = argumentOrNil else { return fail("usage: :format " + ReplCommand.format.synopsis) }
            guard OutputFormatNames.all.contains(name) else {
                let hint = NearestName.nearest(to: name, among: OutputFormatNames.all).map { "; did you mean '\($0)'?" } ?? ""
                return fail("unknown format '\(name)'\(hint) (" + OutputFormatNames.all.joined(separator: ", ") + ")")
            }
            do {
                try engine.setFormat(name)
                output.write("format \(name)\n")
            } catch {
                fail("\(error)")
            }
        case .undo:
            output.write(engine.undo() ? "undone\n" : "nothing to undo\n")
        case .reset:
            if engine.hasUnsavedChanges {
                engine.reset()
                output.write("unsaved changes discarded\n")
            } else {
                output.write("no unsaved changes\n")
            }
        case .quit:
            break // handled by `handle`, which may refuse to leave
        }
        return .goOn
    }

    /// Runs source through the engine with Ctrl-C armed, and reports interruption and timing.
    /// An interrupt ends a session fed from a pipe: Ctrl-C there means "stop the script".
    private func run(_ source: String, timed: Bool) -> Outcome {
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
    private func mayLeave() -> Bool {
        guard engine.hasUnsavedChanges, !warnedAboutUnsavedChanges else { return true }
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

    // MARK: - Messages

    @discardableResult
    private func fail(_ message: String) -> Outcome {
        output.writeError(style.error("error:") + " " + message + "\n")
        return .goOn
    }

    @discardableResult
    private func reportUnknown(_ name: String) -> Outcome {
        let spellings = ReplCommand.allCases.map(\.rawValue) + ReplCommand.allCases.flatMap(\.aliases)
        let hint = NearestName.nearest(to: name, among: spellings).map { "; did you mean ':\(ReplCommand(named: $0)?.rawValue ?? $0)'?" } ?? ""
        return fail("unknown command ':\(name)'\(hint) (:help lists the commands)")
    }

    private func terminated(_ text: String) -> String {
        text.isEmpty || text.hasSuffix("\n") ? text : text + "\n"
    }

    private func isSwitch(_ argument: String) -> Bool { argument == "on" || argument == "off" }

    private func expandHome(_ path: String) -> String {
        PathCompletion.expandHome(path, home: getenv("HOME").map { String(cString: $0) })
    }

    // MARK: - Helpers

    /// "0.4 ms", "12.3 ms", "1.25 s".
    public static func describe(nanoseconds: UInt64) -> String {
        if nanoseconds < 999_950_000 {
            let tenths = (nanoseconds + 50_000) / 100_000
            return "\(tenths / 10).\(tenths % 10) ms"
        }
        let hundredths = (nanoseconds + 5_000_000) / 10_000_000
        let fraction = hundredths % 100
        return "\(hundredths / 100).\(fraction < 10 ? "0" : "")\(fraction) s"
    }

    /// Monotonic time in nanoseconds.
    public static func monotonicNanoseconds() -> UInt64 {
        var time = timespec()
        clock_gettime(CLOCK_MONOTONIC, &time)
        return UInt64(time.tv_sec) &* 1_000_000_000 &+ UInt64(time.tv_nsec)
    }

    /// The whole file as UTF-8 text, or nil when it cannot be opened (a missing rc file is
    /// normal). Invalid UTF-8 is repaired rather than refused.
    static func readFile(_ path: String) -> String? {
        guard let file = fopen(path, "rb") else { return nil }
        defer { fclose(file) }
        var bytes: [UInt8] = []
        var chunk = [UInt8](repeating: 0, count: 65536)
        while true {
            let count = fread(&chunk, 1, chunk.count, file)
            if count <= 0 { break }
            bytes.append(contentsOf: chunk[..<count])
        }
        return String(decoding: bytes, as: UTF8.self)
    }
}
