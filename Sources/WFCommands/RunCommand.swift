import ArgumentParser
import WFStore
import WFSnapshot
import WFRender
import WFLanguage
import WFRepl
#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// The default command: a script, a snippet (`-c`), a program on standard input (`-`, or any
/// non-terminal stdin), or the interactive session.
struct Run: ParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "Run a script, a snippet (-c), standard input (-), or the interactive session.",
        usage: "wf [--snapshot FILE] [--format FMT] [SCRIPT.wf [--PARAM VALUE ...] | -c CODE | -]",
        shouldDisplay: false
    )

    @OptionGroup var network: NetworkOptions

    @Option(name: .customShort("c"), help: ArgumentHelp("Run CODE and exit.", valueName: "code"))
    var code: String?

    @Option(help: "Output format: table, csv, json or md.")
    var format: String?

    @Flag(name: .customLong("no-rc"), help: "Do not run ~/.wfrc at start-up.")
    var noRC = false

    @Flag(name: .customLong("reveal-personal"), help: "Show phone and ID numbers unmasked.")
    var reveal = false

    @Argument(parsing: .captureForPassthrough,
              help: ArgumentHelp("A .wf script (or - for standard input) and its --parameters.", valueName: "script"))
    var script: [String] = []

    func run() throws {
        // wf's own options may also follow the script (`wf job.wf --year 2026 --format csv`).
        let invocation = try ScriptInvocation(script, format: format, snapshot: network.snapshotPath, reveal: reveal)
        if invocation.wantsHelp, let path = invocation.path, path != "-" {
            try printParameters(path)
            return
        }
        guard let outputFormat = OutputFormat(rawValue: invocation.format ?? "table") else {
            throw Failure.usage("unknown format '\(invocation.format ?? "")'; use table, csv, json or md")
        }
        let store = try Network.open(invocation.snapshot, lazily: true)
        let interactive = code == nil && invocation.path == nil && Terminal.isTerminal(0)
        let session = Session(store: store, options: SessionOptions.forCommandLine(format: outputFormat, reveal: invocation.reveal,
                                                                                  interactive: interactive))
        if let code {
            try finish(session.run(code, file: "<-c>", arguments: invocation.arguments))
        } else if let path = invocation.path, path != "-" {
            let source = try readScript(path)
            try finish(session.run(source, file: path, arguments: invocation.arguments))
        } else if interactive {
            let engine = SessionEngine(session: session, snapshotPath: invocation.snapshot)
            let options = ReplOptions(noRC: noRC)
            let status = ReplLoop(engine: engine, reader: makeLineReader(options: options), options: options).run()
            if status != 0 { throw ExitCode(status) }
        } else {
            try finish(session.run(readStandardInput(), file: "<stdin>", arguments: invocation.arguments))
        }
    }

    /// Exit status: the run's (0, 1 or 2), or 130 when Ctrl-C stopped it, as shells report SIGINT.
    private func finish(_ status: RunStatus) throws {
        Output.flush()
        if status != .ok { throw ExitCode(InterruptSignal.isRequested ? 130 : status.exitCode) }
    }

    private func printParameters(_ path: String) throws {
        let source = try readScript(path)
        let session = Session(store: Store(), options: SessionOptions.forCommandLine(format: .table, reveal: false, interactive: false))
        switch session.parameters(source, file: path) {
        case .failure(let e):
            StandardError.write(session.renderError(e))
            throw ExitCode(2)
        case .success(let params):
            print(ParameterHelp.render(script: path, source: source, parameters: params))
        }
    }
}

/// The script path, its arguments, and wf's own options wherever they were written.
struct ScriptInvocation {
    var path: String?
    var arguments: [String: String] = [:]
    var format: String?
    var snapshot: String?
    var reveal: Bool
    var wantsHelp = false

    /// Options that belong to wf even after the script; scripts cannot declare these names.
    static let reserved: Set<String> = ["format", "snapshot", "reveal-personal", "help"]

    init(_ words: [String], format: String?, snapshot: String?, reveal: Bool) throws {
        self.format = format
        self.snapshot = snapshot
        self.reveal = reveal
        var rest = words[...]
        if let first = rest.first, first == "-" || !first.hasPrefix("-") {
            path = first
            rest = rest.dropFirst()
        }
        while let word = rest.popFirst() {
            guard word.hasPrefix("--"), word.count > 2 else {
                if word == "-h" { wantsHelp = true; continue }
                throw Failure.usage("unexpected argument '\(word)': script parameters are written --name value")
            }
            var name = String(word.dropFirst(2))
            var value: String?
            if let eq = name.firstIndex(of: "=") {
                value = String(name[name.index(after: eq)...])
                name = String(name[..<eq])
            }
            switch name {
            case "help": wantsHelp = true; continue
            case "reveal-personal": self.reveal = true; continue
            default: break
            }
            if value == nil, let next = rest.first, !next.hasPrefix("--") {
                value = next
                rest = rest.dropFirst()
            }
            switch name {
            case "format":
                guard let value else { throw Failure.usage("--format needs a value: table, csv, json or md") }
                self.format = value
            case "snapshot":
                guard let value else { throw Failure.usage("--snapshot needs a file") }
                self.snapshot = value
            default:
                guard path != nil else { throw Failure.usage("unknown option '--\(name)'") }
                // A parameter given without a value is a flag: true.
                arguments[name] = value ?? "true"
            }
        }
    }
}

func readScript(_ path: String) throws -> String {
    let fd = open(path, O_RDONLY | O_CLOEXEC)
    guard fd >= 0 else { throw Failure.usage("\(path): cannot read the script: \(String(cString: strerror(errno)))") }
    defer { close(fd) }
    guard var bytes = readAll(fd) else {
        throw Failure.usage("\(path): cannot read the script: \(String(cString: strerror(errno)))")
    }
    // A `#!/usr/bin/env wf` first line is for the shell, not the language: blank it, keeping
    // the line so that positions in errors stay right.
    if bytes.starts(with: Array("#!".utf8)) {
        let end = bytes.firstIndex(of: UInt8(ascii: "\n")) ?? bytes.count
        bytes.replaceSubrange(0..<end, with: [])
    }
    return String(decoding: bytes, as: UTF8.self)
}

func readStandardInput() -> String { String(decoding: readAll(0) ?? [], as: UTF8.self) }

/// Every byte from `fd` to its end, retrying interrupted reads; nil on a read error.
private func readAll(_ fd: Int32) -> [UInt8]? {
    var bytes: [UInt8] = []
    var chunk = [UInt8](repeating: 0, count: 1 << 16)
    while true {
        let n = chunk.withUnsafeMutableBytes { read(fd, $0.baseAddress, $0.count) }
        if n < 0 {
            if errno == EINTR { continue }
            return nil
        }
        if n == 0 { return bytes }
        bytes.append(contentsOf: chunk[0..<n])
    }
}

/// Standard output through one buffer, flushed before any error is written, so that what a
/// script printed before failing appears before the error.
enum Output {
    nonisolated(unsafe) static var buffer: [UInt8] = []

    static func write(_ text: String) {
        buffer.append(contentsOf: text.utf8)
        if buffer.count >= 1 << 16 { flush() }
    }

    static func flush() {
        var done = 0
        buffer.withUnsafeBytes { raw in
            guard let base = raw.baseAddress else { return }
            while done < raw.count {
                let n = Glibc_write(1, base + done, raw.count - done)
                if n < 0 { if errno == EINTR { continue }; return }
                done += n
            }
        }
        buffer.removeAll(keepingCapacity: true)
    }
}

@inline(__always) private func Glibc_write(_ fd: Int32, _ p: UnsafeRawPointer, _ n: Int) -> Int { write(fd, p, n) }

extension SessionOptions {
    /// Options for the command line: output through the flushed buffer, errors to stderr,
    /// colour only on a terminal without NO_COLOR, Ctrl-C polled from the signal flag.
    static func forCommandLine(format: OutputFormat, reveal: Bool, interactive: Bool) -> SessionOptions {
        InterruptSignal.install()
        var o = SessionOptions(format: format, color: Terminal.stdoutWantsColor, revealPersonal: reveal)
        o.output = { text in
            Output.write(text)
            if interactive { Output.flush() }
        }
        o.errorOutput = { text in
            Output.flush()
            StandardError.write(text)
        }
        o.isCancelled = { InterruptSignal.isRequested }
        o.saveHandler = { store, path in try Snapshot.save(store, to: path) }
        o.stdlibPaths = StdlibLocation.paths()
        if interactive, let rows = Terminal.rows() { o.maxTableRows = max(10, rows - 6) }
        return o
    }
}
