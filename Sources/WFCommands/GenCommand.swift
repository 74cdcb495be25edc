import ArgumentParser
import WFStore
import WFSnapshot
import WFGenerator

extension Scale: ExpressibleByArgument {}

struct Gen: ParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "Generate a realistic network and save it as a snapshot.",
        discussion: "The same scale and seed always give the same file, byte for byte."
    )

    @Option(help: "village, township, county, province or nation.")
    var scale: Scale = .county

    @Option(help: "Seed of the generator.")
    var seed: UInt64 = 1

    @Option(name: .shortAndLong, help: ArgumentHelp("Snapshot file to write.", valueName: "file"))
    var output: String

    func run() throws {
        let bar = ProgressBar("generating \(scale.rawValue)")
        let store = Generator(scale: scale, seed: seed).generate(progress: bar.update)
        bar.finish()
        // The save time of a generated network is its as-of date, so that a seed gives the same bytes.
        let savedAt = store.meta.asOf.map { Int64($0.raw) * 86_400 } ?? 0
        do {
            try Snapshot.save(store, to: output, savedAt: savedAt)
        } catch let e as SnapshotError {
            throw Failure.runtime(e.description)
        }
        let people = store.liveCount(.person), orgs = store.liveCount(.org)
        print("wrote \(output): \(orgs) organisations, \(people) people, \(store.liveCount(.position)) positions")
    }
}
