/// Why a snapshot could not be read or written. Each case renders as one line that says which
/// kind of problem it is (missing, foreign, newer, truncated, corrupt, I/O), because the user's
/// next step differs for each.
public enum SnapshotError: Error, Equatable, CustomStringConvertible {
    case notFound(path: String)
    case unreadable(path: String, reason: String)
    /// Not a wf snapshot at all (wrong magic number).
    case foreign(path: String)
    /// Written by a newer wf than this one.
    case newerVersion(path: String, version: UInt32)
    /// Written on a machine with another byte order or float layout.
    case incompatible(path: String, reason: String)
    case truncated(path: String, expected: UInt64, actual: UInt64)
    /// Bytes changed: a checksum or a structural check failed.
    case corrupt(path: String, section: String, reason: String)
    case writeFailed(path: String, reason: String)

    public var description: String {
        switch self {
        case .notFound(let p): return "\(p): no such file"
        case .unreadable(let p, let r): return "\(p): cannot read: \(r)"
        case .foreign(let p): return "\(p): not a wf snapshot (unknown file type)"
        case .newerVersion(let p, let v):
            return "\(p): snapshot format version \(v) is newer than this wf supports (\(SnapshotFormat.version)); upgrade wf"
        case .incompatible(let p, let r): return "\(p): snapshot written by an incompatible machine: \(r)"
        case .truncated(let p, let e, let a): return "\(p): truncated snapshot: expected \(e) bytes, found \(a)"
        case .corrupt(let p, let s, let r): return "\(p): corrupt snapshot: \(r) in section '\(s)'"
        case .writeFailed(let p, let r): return "\(p): cannot save: \(r); the previous file is untouched"
        }
    }
}
