import WFStore
import WFSnapshot
import WFGenerator

/// Opening the network a command works on.
enum Network {
    /// Loads the snapshot at `path`, with a progress bar on long loads, or the demo county.
    static func open(_ path: String?) throws -> Store {
        guard let path else { return Demo.county() }
        let bar = ProgressBar("loading \(path)")
        defer { bar.finish() }
        do {
            return try Snapshot.load(path, progress: bar.update)
        } catch let e as SnapshotError {
            throw Failure.runtime(e.description)
        }
    }

    /// One line per kind with its live row count, for banners and `wf info`.
    static func counts(_ store: Store) -> [(Kind, Int)] { Kind.allCases.map { ($0, store.liveCount($0)) } }
}
