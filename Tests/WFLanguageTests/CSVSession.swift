import XCTest
import WFStore
@testable import WFLanguage

/// Runs `source` in a fresh session on `store` with CSV output, fails the test on any error
/// message, and returns what it printed (with `\n` line ends when `unixLines`). Shared by the
/// tests that compare a fast path with the general one.
func runCSV(_ store: Store, _ source: String, unixLines: Bool = false,
            file: StaticString = #filePath, line: UInt = #line) -> String {
    let (out, err, _) = runSession(store, source)
    XCTAssertEqual(err, "", source, file: file, line: line)
    return unixLines ? out.replacingOccurrences(of: "\r\n", with: "\n") : out
}

/// Runs `source` (as file `<name>`) in a fresh session on `store` with CSV output; returns what
/// it printed to standard output and to standard error, and the session, for its test hooks.
func runSession(_ store: Store, _ source: String, name: String = "<test>") -> (out: String, err: String, session: Session) {
    var out = "", err = ""
    var options = SessionOptions(format: .csv)
    options.output = { out += $0 }
    options.errorOutput = { err += $0 }
    let session = Session(store: store, options: options)
    _ = session.run(source, file: name)
    return (out, err, session)
}
