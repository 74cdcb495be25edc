import Foundation
import WFTestSupport
import XCTest
@testable import WFLanguage

/// Replays every input in `Fuzz/regressions/TARGET/` through the same target the fuzzer ran
/// (`FuzzTargets/`), in process: each once made wf crash, hang, run out of memory or give a
/// wrong answer. Also replays the golden scripts through the language targets, the inputs
/// the fuzzers' corpora grow from, so the targets themselves are checked on known input.
///
/// Inputs listed in `Fuzz/regressions/pending.txt` still crash wf: replayed in process they
/// would take the whole test run down with them. Until their fix lands they are replayed
/// through the built `wf` in a child process instead, and fail there; the fix removes the line.
final class RegressionReplayTests: XCTestCase {
    static let repository = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
    static let regressions = repository.appendingPathComponent("Fuzz/regressions")

    /// `TARGET/FILE` of each pending input (the first word of each line; `#` starts a comment).
    static let pending: Set<String> = {
        guard let text = try? String(contentsOf: regressions.appendingPathComponent("pending.txt"), encoding: .utf8) else { return [] }
        return Set(text.split(separator: "\n").compactMap { line in
            line.hasPrefix("#") ? nil : line.split(separator: " ").first.map(String.init)
        })
    }()

    /// The files of one target's regression folder. A missing folder fails: it must not pass
    /// silently because the corpus moved.
    func inputs(_ target: String) throws -> [URL] {
        let dir = RegressionReplayTests.regressions.appendingPathComponent(target)
        var isDirectory: ObjCBool = false
        XCTAssertTrue(FileManager.default.fileExists(atPath: dir.path, isDirectory: &isDirectory) && isDirectory.boolValue,
                      "missing \(dir.path)")
        return try FileManager.default.contentsOfDirectory(at: dir, includingPropertiesForKeys: nil)
            .filter { !$0.lastPathComponent.hasPrefix(".") && $0.pathExtension != "md" }
            .sorted { $0.lastPathComponent < $1.lastPathComponent }
    }

    func replay(_ target: String, _ run: ([UInt8]) -> FuzzFinding?) throws {
        for file in try inputs(target) {
            let name = "\(target)/\(file.lastPathComponent)"
            let bytes = [UInt8](try Data(contentsOf: file))
            if RegressionReplayTests.pending.contains(name) {
                try replayOutOfProcess(target, name, bytes)
            } else if let finding = run(bytes) {
                XCTFail("\(name): \(finding)")
            }
        }
    }

    /// Runs a pending input through the `wf` command that reaches the same code, under a 4 GB
    /// address-space limit and a 60 s timeout; passes when wf ends with a status of its own.
    func replayOutOfProcess(_ target: String, _ name: String, _ bytes: [UInt8]) throws {
        let dir = NSTemporaryDirectory() + "wf-pending-\(UUID().uuidString)/"
        try FileManager.default.createDirectory(atPath: dir, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(atPath: dir) }
        var arguments: [String]
        switch target {
        case "eval": arguments = ["-c", EvalTarget.program(bytes).text]
        case "snapshot":
            FileManager.default.createFile(atPath: dir + "in.wfs", contents: Data(bytes))
            arguments = ["--snapshot", dir + "in.wfs", "-c", "0"]
        case "csv":
            for (path, content) in CSVTarget.files(bytes) {
                FileManager.default.createFile(atPath: dir + (path as NSString).lastPathComponent, contents: Data(content))
            }
            arguments = ["import", "--csv", dir, "-o", dir + "out.wfs"]
        default:
            FileManager.default.createFile(atPath: dir + "in.wf", contents: Data(bytes))
            arguments = ["check", dir + "in.wf"]
        }
        let p = Process()
        p.executableURL = URL(fileURLWithPath: "/bin/sh")
        p.arguments = ["-c", "ulimit -v 4000000; exec \"$0\" \"$@\"", WFProcess.binary.path] + arguments
        p.currentDirectoryURL = URL(fileURLWithPath: dir)
        p.standardOutput = FileHandle.nullDevice
        p.standardError = FileHandle.nullDevice
        try p.run()
        let deadline = Date().addingTimeInterval(60)
        while p.isRunning && Date() < deadline { usleep(10_000) }
        if p.isRunning {
            kill(p.processIdentifier, SIGKILL)
            p.waitUntilExit()
            return XCTFail("\(name) (pending): wf still running after 60 s")
        }
        p.waitUntilExit()
        if p.terminationReason == .uncaughtSignal || p.terminationStatus > 2 {
            XCTFail("\(name) (pending, see Fuzz/regressions/pending.txt): wf \(target) died (status \(p.terminationStatus))")
        } else {
            XCTFail("\(name) no longer crashes wf: remove it from Fuzz/regressions/pending.txt so it is replayed in process")
        }
    }

    func testParserRegressions() throws { try replay("parser", ParserTarget.run) }
    func testCheckRegressions() throws { try replay("check", CheckTarget.run) }
    func testSnapshotRegressions() throws { try replay("snapshot", SnapshotTarget.run) }
    func testCSVRegressions() throws { try replay("csv", CSVTarget.run) }

    func testEvalRegressions() throws {
        // Programs may `export` to relative paths: run them in a scratch folder.
        let scratch = NSTemporaryDirectory() + "wf-replay-\(UUID().uuidString)"
        try FileManager.default.createDirectory(atPath: scratch, withIntermediateDirectories: true)
        let previous = FileManager.default.currentDirectoryPath
        FileManager.default.changeCurrentDirectoryPath(scratch)
        defer {
            FileManager.default.changeCurrentDirectoryPath(previous)
            try? FileManager.default.removeItem(atPath: scratch)
        }
        try replay("eval", EvalTarget.run)
    }

    /// The golden scripts through the parser and check targets, and those that change the
    /// network through the eval target inside a whatif, whose oracle demands the network be
    /// unchanged afterwards (all of them would take minutes in a debug build).
    func testGoldenScriptsThroughTheTargets() throws {
        let golden = RegressionReplayTests.repository.appendingPathComponent("Tests/WFLanguageTests/golden")
        let scripts = try FileManager.default.contentsOfDirectory(at: golden, includingPropertiesForKeys: nil)
            .filter { $0.pathExtension == "wf" }
        XCTAssertGreaterThan(scripts.count, 20)
        for script in scripts {
            let bytes = [UInt8](try Data(contentsOf: script))
            XCTAssertNil(ParserTarget.run(bytes), script.lastPathComponent)
            XCTAssertNil(CheckTarget.run(bytes), script.lastPathComponent)
            if ["mutations.wf", "atomic_rollback.wf", "atomic_after.wf"].contains(script.lastPathComponent) {
                XCTAssertNil(EvalTarget.run([2] + bytes), script.lastPathComponent)
            }
        }
    }

    /// The oracles can fail: a whatif that leaks, and personal data printed plainly, are caught.
    func testTheOraclesCatchWhatTheyAreFor() throws {
        XCTAssertNil(EvalTarget.run([0] + Array("print 1".utf8)))
        let phone = try XCTUnwrap(EvalTarget.personalData.first { $0.count == 11 })
        XCTAssertNotNil(EvalTarget.personalDataIn(["a \(phone) b"]))
        XCTAssertNil(EvalTarget.personalDataIn([String(phone.prefix(3)) + "****" + String(phone.suffix(4))]))
        // A statement after the whatif's closing brace escapes the wrapper: no oracle claim then.
        XCTAssertFalse(EvalTarget.isSingleStatement("whatif {\n1\n} compare 0\ncreate org {}"))
        XCTAssertTrue(EvalTarget.isSingleStatement("whatif {\nconvert org #5 on 2026-01-01\n} compare 0"))
    }

    /// The generator builds programs that parse, so the eval fuzzer reaches the evaluator.
    func testGeneratedProgramsParse() {
        var generator = SystemRandomNumberGenerator()
        var parsed = 0
        for _ in 0..<200 {
            let bytes = [0x80] + (0..<64).map { _ in UInt8.random(in: 0...255, using: &generator) }
            let text = EvalTarget.program(bytes).text
            if case .success = Parser.parse(SourceFile(name: "g.wf", text: text), file: 0) { parsed += 1 }
        }
        XCTAssertGreaterThan(parsed, 190, "generated programs should nearly always parse")
    }
}
