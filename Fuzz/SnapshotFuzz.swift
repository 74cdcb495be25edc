import WFStore
import WFSnapshot
#if canImport(Glibc)
import Glibc
#endif

/// libFuzzer target: any bytes given to the snapshot loader must load or throw, never crash.
/// Loaded stores are also walked (every reverse edge, every name) so that a file that passes
/// the checks cannot make later reads go out of bounds.
private let path = "/tmp/wf-fuzz-snapshot-\(getpid()).wfs"

@_cdecl("LLVMFuzzerTestOneInput")
public func fuzzSnapshot(_ data: UnsafePointer<UInt8>, _ size: Int) -> Int32 {
    let fd = open(path, O_WRONLY | O_CREAT | O_TRUNC, 0o600)
    if fd < 0 { return 0 }
    _ = write(fd, data, size)
    close(fd)
    guard let store = try? Snapshot.load(path) else { return 0 }
    for kind in Kind.allCases {
        for row in 0..<Int32(store.count(kind)) where store.isLive(kind, row) {
            _ = store.displayName(kind, row)
            for (i, _) in kind.fields.enumerated() { _ = store.describe(FieldID(kind, i), store.cell(FieldID(kind, i), row)) }
        }
        for (_, field) in Store.reverseEdges(into: kind) {
            for row in 0..<Int32(store.count(kind)) { _ = store.reverse(field, row) }
        }
    }
    return 0
}
