/// What went wrong while reading the parts of a lazily opened snapshot that were read after
/// opening: a checksum that did not match, a cell out of range, a file changed underneath.
///
/// A lazily opened store checks each part of the file when it is first read, so damage can be
/// found in the middle of a question. The reader cannot throw there (a cell read is not a
/// throwing call), so it fills the part with null cells, reports here, and the interpreter
/// refuses to print or keep any result once a problem is reported: like SQLite's "database disk
/// image is malformed", the error comes with the first question that reads the damage.
public final class LoadHealth {
    public private(set) var problems: [String] = []

    public init() {}

    public var isDamaged: Bool { !problems.isEmpty }

    public func report(_ problem: String) {
        if !problems.contains(problem) { problems.append(problem) }
    }
}
