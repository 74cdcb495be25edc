import Foundation
import WFTestSupport
import XCTest

/// One test over `golden/`: each `NAME.wf` runs on the dirty fixture (Fixture.swift) and its
/// output must equal `NAME.out`. `WF_RECORD=1` writes a missing baseline and fails, so a new case
/// is never accepted unread: every baseline here was checked by hand against the fixture.
final class GoldenTests: XCTestCase {
    func testGoldenFolder() throws {
        let folder = ScriptTesting.root + "/Tests/WFScriptsTests/golden"
        let names = try FileManager.default.contentsOfDirectory(atPath: folder).filter { $0.hasSuffix(".wf") }.sorted()
        XCTAssertGreaterThan(names.count, 0, "no golden cases in \(folder)")
        let snapshot = try fixture(dirty: true)
        let record = ProcessInfo.processInfo.environment["WF_RECORD"] == "1"
        for name in names {
            let script = folder + "/" + name
            let expectedPath = String(script.dropLast(3)) + ".out"
            let run = try WFProcess.run([script, "--snapshot", snapshot], environment: ScriptTesting.environment)
            let actual = run.stdout + (run.stderr.isEmpty ? "" : "stderr:\n" + run.stderr)
                + (run.status == 0 ? "" : "exit: \(run.status)\n")
            guard let expected = try? String(contentsOfFile: expectedPath, encoding: .utf8) else {
                if record { try actual.write(toFile: expectedPath, atomically: true, encoding: .utf8) }
                XCTFail("\(name): no baseline" + (record ? "; recorded, check it by hand" : " (WF_RECORD=1 records one)"))
                continue
            }
            if actual != expected { XCTFail("\(name): " + firstDifference(actual, expected)) }
        }
    }

    /// The first line that differs, so a failure reads without a diff tool.
    func firstDifference(_ actual: String, _ expected: String) -> String {
        let a = actual.split(separator: "\n", omittingEmptySubsequences: false)
        let e = expected.split(separator: "\n", omittingEmptySubsequences: false)
        for i in 0..<max(a.count, e.count) {
            let x = i < a.count ? String(a[i]) : "<end>", y = i < e.count ? String(e[i]) : "<end>"
            if x != y { return "line \(i + 1):\n  got      \(x)\n  expected \(y)" }
        }
        return "outputs differ"
    }
}
