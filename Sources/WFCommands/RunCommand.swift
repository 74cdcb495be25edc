import ArgumentParser
import WFStore

/// The default command: a script, a snippet, standard input, or the interactive session.
struct Run: ParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "Run a script, a snippet (-c), standard input (-), or the interactive session.",
        shouldDisplay: false
    )

    @OptionGroup var network: NetworkOptions

    @Option(name: .customShort("c"), help: ArgumentHelp("Run CODE and exit.", valueName: "code"))
    var code: String?

    @Option(help: "Output format: table, csv, json or md.")
    var format: String = "table"

    @Flag(name: .customLong("no-rc"), help: "Do not run ~/.wfrc at start-up.")
    var noRC = false

    @Argument(parsing: .captureForPassthrough, help: ArgumentHelp("A .wf script (or - for standard input) and its parameters.", valueName: "script"))
    var script: [String] = []

    func run() throws {
        let store = try Network.open(network.snapshotPath)
        print("\(store.meta.name): " + Network.counts(store).map { "\($0.1) \($0.0.plural)" }.joined(separator: ", "))
    }
}
