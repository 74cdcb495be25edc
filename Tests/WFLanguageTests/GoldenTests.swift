import Foundation
import XCTest
import WFStore
@testable import WFLanguage

/// Runs every `golden/NAME.wf` on the fixture network and compares what it prints (output and
/// errors, in order, then `[exit N]` when not 0) with `golden/NAME.out`.
///
/// A first line `# args: name=value, name=value` passes script parameters. `WF_RECORD=1` writes
/// missing baselines (and fails, so a recording is never mistaken for a pass); `WF_RECORD=all`
/// rewrites every baseline, for when an output format changes on purpose: review the diff.
final class GoldenTests: XCTestCase {
    static var folder: URL? { Bundle.module.url(forResource: "golden", withExtension: nil) }

    /// The source folder, where recordings are written (the bundle is a build-time copy).
    static let sourceFolder = URL(fileURLWithPath: #filePath).deletingLastPathComponent().appendingPathComponent("golden")

    static func run(_ script: String, name: String, folder: URL) -> String {
        var out = ""
        // Relative to the golden folder, which is the working directory while scripts run.
        let options = SessionOptions(stdlibPaths: ["stdlib"],
                                     saveHandler: { _, path in out += "[saved \(path)]\n" },
                                     output: { out += $0 }, errorOutput: { out += $0 })
        let session = Session(store: Fixture.store(), options: options)
        var args: [String: String] = [:]
        if let first = script.split(separator: "\n", maxSplits: 1).first, first.hasPrefix("# args:") {
            for pair in first.dropFirst("# args:".count).split(separator: ",") {
                let kv = pair.split(separator: "=", maxSplits: 1).map { $0.trimmingCharacters(in: .whitespaces) }
                if kv.count == 2 { args[kv[0]] = kv[1] }
            }
        }
        let status = session.run(script, file: name, arguments: args)
        if status != .ok { out += "[exit \(status.exitCode)]\n" }
        return out
    }

    func testGoldenScripts() throws {
        let folder = try XCTUnwrap(GoldenTests.folder, "golden folder missing from the test bundle")
        let scripts = try FileManager.default.contentsOfDirectory(atPath: folder.path).filter { $0.hasSuffix(".wf") }.sorted()
        XCTAssertFalse(scripts.isEmpty, "no golden scripts in \(folder.path)")
        let mode = ProcessInfo.processInfo.environment["WF_RECORD"]
        // Scripts `use "./stdlib/…"` relative to themselves; run them from their folder.
        let previous = FileManager.default.currentDirectoryPath
        FileManager.default.changeCurrentDirectoryPath(folder.path)
        defer { FileManager.default.changeCurrentDirectoryPath(previous) }
        var recorded: [String] = []
        for script in scripts {
            let text = try String(contentsOf: folder.appendingPathComponent(script), encoding: .utf8)
            let actual = GoldenTests.run(text, name: script, folder: folder)
            let base = String(script.dropLast(3))
            let expectedURL = folder.appendingPathComponent(base + ".out")
            let expected = try? String(contentsOf: expectedURL, encoding: .utf8)
            if mode == "all" || (expected == nil && mode == "1") {
                try actual.write(to: GoldenTests.sourceFolder.appendingPathComponent(base + ".out"), atomically: true, encoding: .utf8)
                recorded.append(base)
                continue
            }
            guard let expected else {
                XCTFail("\(script): no baseline \(base).out (run with WF_RECORD=1 to record one)")
                continue
            }
            if actual != expected {
                XCTFail("\(script): output differs\n--- expected\n\(expected)\n--- actual\n\(actual)")
            }
        }
        if !recorded.isEmpty { XCTFail("recorded baselines: \(recorded.joined(separator: ", ")); review them and run again") }
    }
}
