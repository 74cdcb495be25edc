import Foundation
import WFTestSupport
import XCTest

/// Runs stdlib code and scripts through the built `wf` on a fixture snapshot, and reads CSV back.
enum ScriptTesting {
    static let root: String = {
        let file = "\(#filePath)"
        guard let range = file.range(of: "/Tests/WFScriptsTests/") else { return "." }
        return String(file[..<range.lowerBound])
    }()

    static var environment: [String: String] { ["WF_STDLIB": root + "/stdlib"] }

    /// `wf -c CODE --snapshot FILE --format csv`; fails the test on a non-zero exit.
    static func code(_ code: String, snapshot: String, file: StaticString = #filePath, line: UInt = #line) throws -> String {
        let out = try WFProcess.run(["-c", code, "--snapshot", snapshot, "--format", "csv"], environment: environment)
        XCTAssertEqual(out.status, 0, out.stderr, file: file, line: line)
        return unixLines(out.stdout)
    }

    /// `wf scripts/NAME.wf ARGS --snapshot FILE --format csv`.
    static func script(_ name: String, _ args: [String], snapshot: String?) throws -> WFProcess.Output {
        var a = [root + "/scripts/" + name + ".wf"] + args + ["--format", "csv"]
        if let snapshot { a += ["--snapshot", snapshot] }
        return try WFProcess.run(a, environment: environment)
    }

    /// CSV ends its lines with CRLF (RFC 4180); the tests compare plain lines.
    static func unixLines(_ text: String) -> String { text.replacingOccurrences(of: "\r\n", with: "\n") }

    /// CSV rows of `text` (no quoted commas in these fixtures' values), header first.
    static func rows(_ text: String) -> [[String]] {
        text.split(separator: "\n").map { $0.split(separator: ",", omittingEmptySubsequences: false).map(String.init) }
    }

    /// The rows below the header line that starts with `header`, up to the next blank or header.
    static func table(_ text: String, header: String) -> [[String: String]] {
        let lines = text.split(separator: "\n", omittingEmptySubsequences: false).map(String.init)
        guard let start = lines.firstIndex(where: { $0.hasPrefix(header) }) else { return [] }
        let cols = lines[start].split(separator: ",", omittingEmptySubsequences: false).map(String.init)
        var out: [[String: String]] = []
        for line in lines[(start + 1)...] {
            let cells = line.split(separator: ",", omittingEmptySubsequences: false).map(String.init)
            guard cells.count == cols.count, !line.isEmpty else { break }
            out.append(Dictionary(uniqueKeysWithValues: zip(cols, cells)))
        }
        return out
    }
}
