import WFStore
import WFSnapshot
import WFGenerator

/// Opening the network a command works on.
enum Network {
    /// The snapshot at `path`, or the demo county.
    /// - Parameter lazily: open it and read parts as questions need them (the REPL and scripts:
    ///   a nation-scale file opens in milliseconds), or read and check it all now, with a progress
    ///   bar (commands that read everything anyway: export, diff).
    static func open(_ path: String?, lazily: Bool = false) throws -> Store {
        guard let path else { return Demo.county() }
        do {
            if lazily { return try Snapshot.open(path) }
            let bar = ProgressBar("loading \(path)")
            defer { bar.finish() }
            return try Snapshot.load(path, progress: bar.update)
        } catch let e as SnapshotError {
            throw Failure.runtime(e.description)
        }
    }

    /// One line per kind with its live row count, for banners and `wf info`.
    static func counts(_ store: Store) -> [(Kind, Int)] { Kind.allCases.map { ($0, store.liveCount($0)) } }
}
