import XCTest

/// Runs the end-to-end pseudo-terminal tests (`pty/test_repl.py`, python3 + pexpect) against
/// the `wf` executable built beside this test bundle (the target depends on it), or the one
/// named by `WF_BIN`.
final class PseudoTerminalTests: XCTestCase {
    func testReplInAPseudoTerminal() throws {
        var environment = ProcessInfo.processInfo.environment
        let bundle = Bundle(for: PseudoTerminalTests.self).bundleURL
        let built = [bundle.appendingPathComponent("wf"), bundle.deletingLastPathComponent().appendingPathComponent("wf")]
            .first { FileManager.default.isExecutableFile(atPath: $0.path) }?.path
        guard let binary = environment["WF_BIN"].flatMap({ $0.isEmpty ? nil : $0 }) ?? built else {
            return XCTFail("no wf executable beside the test bundle at \(bundle.path)")
        }
        environment["WF_BIN"] = binary
        XCTAssertTrue(FileManager.default.isExecutableFile(atPath: binary), "WF_BIN is not an executable: \(binary)")
        let script = URL(fileURLWithPath: #filePath).deletingLastPathComponent()
            .appendingPathComponent("pty/test_repl.py").path
        XCTAssertTrue(FileManager.default.fileExists(atPath: script), "missing \(script)")

        let process = Process()
        process.executableURL = URL(fileURLWithPath: "/usr/bin/env")
        process.arguments = ["python3", script, "-v"]
        process.environment = environment
        let output = Pipe()
        process.standardOutput = output
        process.standardError = output
        try process.run()
        let text = String(decoding: output.fileHandleForReading.readDataToEndOfFile(), as: UTF8.self)
        process.waitUntilExit()
        XCTAssertEqual(process.terminationStatus, 0, text)
        XCTAssertTrue(text.contains("\nOK"), text)
    }
}
