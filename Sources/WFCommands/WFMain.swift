import ArgumentParser
import WFLanguage
#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// The `wf` command line. `main.swift` calls `WFMain.main()`; tests call `WFMain.run(_:)`.
public enum WFMain {
    public static func main() -> Never {
        ProcessMemory.keepFreedMemory()
        exit(run(Array(CommandLine.arguments.dropFirst())))
    }

    /// Runs `wf` with `arguments` and returns the exit status: 0 success, 1 runtime error
    /// (including a damaged snapshot or a rule violation), 2 syntax or usage error.
    public static func run(_ arguments: [String]) -> Int32 {
        do {
            var command = try WF.parseAsRoot(arguments)
            try command.run()
            return 0
        } catch let exit as ExitCode {
            return exit.rawValue
        } catch let failure as Failure {
            StandardError.report(failure.message)
            return failure.status
        } catch {
            let code = WF.exitCode(for: error)
            if code == .success {
                print(WF.fullMessage(for: error))
                return 0
            }
            if let clean = error as? CleanExit { _ = clean; return 0 }
            var message = WF.fullMessage(for: error)
            if message.hasPrefix("Error: ") { message.removeFirst("Error: ".count) }
            StandardError.report(message)
            return code == ExitCode(1) ? 1 : 2
        }
    }
}

/// An error already worded for the user, with its exit status.
struct Failure: Error {
    let message: String
    let status: Int32

    static func runtime(_ message: String) -> Failure { Failure(message: message, status: 1) }
    static func usage(_ message: String) -> Failure { Failure(message: message, status: 2) }
}

struct WF: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "wf",
        abstract: "A shell for the records of the women's federations' grassroots network.",
        discussion: "With no script, wf opens an interactive session (on a terminal) or reads a program from standard input. With no --snapshot (or WF_SNAPSHOT), it works on the built-in demo county.",
        version: "wf 0.1.0",
        subcommands: [Run.self, Gen.self, Info.self, Diff.self, Check.self, Export.self, Import.self],
        defaultSubcommand: Run.self
    )
}

/// Where the network comes from: `--snapshot FILE`, `WF_SNAPSHOT`, or the built-in demo.
struct NetworkOptions: ParsableArguments {
    @Option(name: .long, help: ArgumentHelp("Snapshot to open (default: $WF_SNAPSHOT, else the demo county).", valueName: "file"))
    var snapshot: String?

    var snapshotPath: String? {
        if let snapshot { return snapshot }
        if let env = getenv("WF_SNAPSHOT"), env.pointee != 0 { return String(cString: env) }
        return nil
    }
}
