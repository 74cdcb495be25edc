import WFLanguage
import WFStore

/// `wf check`: static checking of a script (names, fields, argument counts), run on the empty
/// store the command uses. Checking must run nothing: the store may not change.
enum CheckTarget {
    static func run(_ bytes: [UInt8]) -> FuzzFinding? {
        let session = Session(store: Store(), options: SessionOptions(stdlibPaths: [], output: { _ in }, errorOutput: { _ in }))
        let problems = session.check(String(decoding: bytes, as: UTF8.self), file: "fuzz.wf")
        for p in problems where !p.hasPrefix("error: ") {
            return FuzzFinding(description: "a problem not rendered as an error: \(p.prefix(80))")
        }
        if session.hasUnsavedChanges { return FuzzFinding(description: "check changed the store") }
        return nil
    }
}
