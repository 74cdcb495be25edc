#if canImport(Glibc)
import Glibc
#endif
import WFStore
import WFSnapshot

/// The snapshot loader: any bytes must load or throw a `SnapshotError`, never crash. A store that
/// loads is walked (every name, every cell described, every reverse edge) so that a file that
/// passes the checks cannot make later reads go out of bounds.
enum SnapshotTarget {
    static let path = "/tmp/wf-fuzz-snapshot-\(getpid()).wfs"

    static func run(_ bytes: [UInt8]) -> FuzzFinding? {
        let fd = open(path, O_WRONLY | O_CREAT | O_TRUNC, 0o600)
        if fd < 0 { return nil }
        _ = bytes.withUnsafeBytes { write(fd, $0.baseAddress, $0.count) }
        close(fd)
        defer { unlink(path) }
        let store: Store
        do {
            store = try Snapshot.load(path)
        } catch is SnapshotError {
            return nil
        } catch {
            return FuzzFinding(description: "the loader threw something other than a SnapshotError: \(error)")
        }
        walk(store)
        return nil
    }

    static func walk(_ store: Store) {
        for kind in Kind.allCases {
            for row in 0..<Int32(store.count(kind)) where store.isLive(kind, row) {
                _ = store.displayName(kind, row)
                for i in kind.fields.indices { _ = store.describe(FieldID(kind, i), store.cell(FieldID(kind, i), row)) }
            }
            for (_, field) in Store.reverseEdges(into: kind) {
                for row in 0..<Int32(store.count(kind)) { _ = store.reverse(field, row) }
            }
        }
    }
}
