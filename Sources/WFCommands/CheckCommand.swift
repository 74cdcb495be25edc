import ArgumentParser
import WFStore
import WFLanguage

struct Check: ParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "Report every static error in scripts without running them.",
        discussion: "Syntax errors, unknown names, unknown fields of a known kind, wrong numbers of arguments. Exits 0 when there are none, 2 otherwise."
    )

    @Argument(help: ArgumentHelp("Scripts to check.", valueName: "script"))
    var scripts: [String]

    func run() throws {
        var failed = false
        // Checking resolves names statically and needs no data: an empty network will do.
        for path in scripts {
            let source = try readScript(path)
            let session = Session(store: Store(), options: SessionOptions.forCommandLine(format: .table, reveal: false, interactive: false))
            let problems = session.check(source, file: path)
            for p in problems { StandardError.write(p.hasSuffix("\n") ? p : p + "\n") }
            if !problems.isEmpty { failed = true }
        }
        if failed { throw ExitCode(2) }
        print(scripts.count == 1 ? "\(scripts[0]): no errors" : "\(scripts.count) scripts: no errors")
    }
}
