import XCTest

/// Runs the end-to-end pseudo-terminal tests (`pty/test_repl.py`, python3 + pexpect) against
/// the executable named by `WF_BIN`. They need a built `wf` whose REPL is wired to the language,
/// which this test target cannot build itself, so without `WF_BIN` the test is skipped.
final class PseudoTerminalTests: XCTestCase {
    func testReplInAPseudoTerminal() throws {
        let environment = ProcessInfo.processInfo.environment
        guard let binary = environment["WF_BIN"], !binary.isEmpty else {
            throw XCTSkip("set WF_BIN to the wf executable to run the pseudo-terminal tests")
        }
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
