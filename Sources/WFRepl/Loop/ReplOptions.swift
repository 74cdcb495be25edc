import CLibEdit
#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// How a REPL session starts and looks; the command line fills it from its flags.
public struct ReplOptions: Sendable {
    /// The start-up file to run before the first prompt; nil runs none (`--no-rc`).
    public var startupFile: String?
    /// Colour in the prompt and messages.
    public var color: Bool
    public var prompt: String
    public var continuationPrompt: String

    /// - Parameters:
    ///   - noRC: skip the start-up file (`--no-rc`).
    ///   - startupFile: overrides `~/.wfrc`.
    ///   - color: defaults to `Terminal.stdoutWantsColor`.
    public init(noRC: Bool = false, startupFile: String? = nil, color: Bool? = nil,
                prompt: String = "wf> ", continuationPrompt: String = "...> ") {
        self.startupFile = noRC ? nil : (startupFile ?? ReplOptions.defaultStartupFile())
        self.color = color ?? Terminal.stdoutWantsColor
        self.prompt = prompt
        self.continuationPrompt = continuationPrompt
    }

    /// `~/.wfrc`, or nil without a home directory.
    public static func defaultStartupFile() -> String? {
        guard let home = getenv("HOME").map({ String(cString: $0) }), !home.isEmpty else { return nil }
        return home + "/.wfrc"
    }
}

/// Where the REPL writes. Results go to `write` (standard output); messages about the session
/// (errors, warnings, "interrupted") go to `writeError` (standard error). Tests capture both.
public struct ReplOutput {
    public var write: (String) -> Void
    public var writeError: (String) -> Void

    public init(write: @escaping (String) -> Void, writeError: @escaping (String) -> Void) {
        self.write = write
        self.writeError = writeError
    }

    /// Standard output and error. Standard output is flushed first each time, so that messages
    /// keep their place among the results the engine prints with `print`.
    public static var standard: ReplOutput {
        ReplOutput(
            write: { text in
                fputs(text, wf_stdout())
                fflush(wf_stdout())
            },
            writeError: { text in
                fflush(wf_stdout())
                fputs(text, wf_stderr())
            })
    }
}
