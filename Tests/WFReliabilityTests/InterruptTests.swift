import XCTest
import WFTestSupport
import WFSnapshot

/// Ctrl-C (SIGINT) stops any long evaluation of the built `wf`, and SIGTERM during a save
/// leaves a whole file. Latencies are printed: run with `WF_BINARY=.build/release/wf` for the
/// release figures recorded in docs/reliability.md; the bound asserted here is for debug builds.
final class InterruptTests: XCTestCase {
    /// Generous: a debug build on a loaded two-core machine (a debug sort of ten million items
    /// has taken 2.6 s to stop). Release figures are far lower; whether a sort polls at all is
    /// `NoTraceTests.testSortPollsForCancellation`'s job.
    static let debugBound = 5.0

    /// True once `pid` catches SIGINT (bit 1 of SigCgt in /proc/PID/status): wf installs its
    /// handler just before it evaluates, after making the demo county, so a SIGINT sent earlier
    /// would meet the default action and kill it.
    static func catchesSigint(_ pid: Int32) -> Bool {
        guard let status = try? String(contentsOfFile: "/proc/\(pid)/status", encoding: .utf8),
              let line = status.split(separator: "\n").first(where: { $0.hasPrefix("SigCgt:") }),
              let mask = UInt64(line.dropFirst("SigCgt:".count).trimmingCharacters(in: .whitespaces), radix: 16) else { return false }
        return mask & (1 << (SIGINT - 1)) != 0
    }

    struct Interrupted {
        let latency: Double
        let status: Int32
        let signalled: Bool
        let stderr: String
    }

    func interrupt(_ code: String) throws -> Interrupted {
        let p = Process()
        p.executableURL = WFProcess.binary
        p.arguments = ["-c", code]
        var env = ProcessInfo.processInfo.environment
        env["NO_COLOR"] = "1"
        env.removeValue(forKey: "WF_SNAPSHOT")
        p.environment = env
        let err = Pipe()
        p.standardOutput = FileHandle.nullDevice
        p.standardError = err
        try p.run()
        let ready = Date().addingTimeInterval(30)
        while p.isRunning && !InterruptTests.catchesSigint(p.processIdentifier) && Date() < ready { usleep(1_000) }
        usleep(300_000)  // well inside the evaluation
        XCTAssertTrue(p.isRunning, "finished before it could be interrupted: \(code)")
        let sent = Date()
        kill(p.processIdentifier, SIGINT)
        let deadline = sent.addingTimeInterval(30)
        while p.isRunning && Date() < deadline { usleep(500) }
        let latency = Date().timeIntervalSince(sent)
        if p.isRunning { kill(p.processIdentifier, SIGKILL) }
        p.waitUntilExit()
        let stderr = String(decoding: err.fileHandleForReading.readDataToEndOfFile(), as: UTF8.self)
        return Interrupted(latency: latency, status: p.terminationStatus,
                           signalled: p.terminationReason == .uncaughtSignal, stderr: stderr)
    }

    func assertCancels(_ name: String, _ code: String, file: StaticString = #filePath, line: UInt = #line) throws {
        let r = try interrupt(code)
        print("interrupt latency, \(name): \(Int(r.latency * 1000)) ms (\(WFProcess.binary.path))")
        XCTAssertFalse(r.signalled, "\(name): died of a signal\n\(r.stderr)", file: file, line: line)
        XCTAssertEqual(r.status, 130, "Ctrl-C exits 130, as shells report SIGINT: \(name)\n\(r.stderr)", file: file, line: line)
        XCTAssertTrue(r.stderr.hasPrefix("error: interrupted"), "\(name): \(r.stderr.prefix(300))", file: file, line: line)
        XCTAssertLessThan(r.latency, InterruptTests.debugBound, name, file: file, line: line)
    }

    func testLongScan() throws {
        try assertCancels("long scan", "people | map (range(1000000) | where it % 7 == 3 | count) | sum")
    }

    func testDeepRecursion() throws {
        try assertCancels("deep recursion", "fn f(n) {\n if n == 0 { return 0 }\n return f(n - 1) + f(n - 1)\n}\nf(60)")
    }

    func testEndlessLoop() throws {
        try assertCancels("endless loop", "let n = 0\nwhile true { n = n + 1 }")
    }

    func testLongSort() throws {
        try assertCancels("long sort", "range(10000000) | sort (it * 7919) % 1000003 | count")
    }

    /// SIGTERM has no handler in wf: it ends the process like a crash would. The file at the
    /// path must still be one whole version, and load.
    func testSigtermDuringSaveLeavesAWholeFile() throws {
        let dir = NSTemporaryDirectory() + "wf-term-\(UUID().uuidString)/"
        try FileManager.default.createDirectory(atPath: dir, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(atPath: dir) }
        let target = dir + "net.wfs"
        var versions: [Data] = []
        for seed in 1...2 {
            let path = dir + "v\(seed).wfs"
            XCTAssertEqual(try WFProcess.run(["gen", "--scale", "village", "--seed", "\(seed)", "-o", path]).status, 0)
            versions.append(try XCTUnwrap(FileManager.default.contents(atPath: path)))
        }
        try versions[0].write(to: URL(fileURLWithPath: target))
        var rng = SystemRandomNumberGenerator()
        var terminatedMidSave = 0
        for round in 0..<20 {
            let p = Process()
            p.executableURL = WFProcess.binary
            p.arguments = ["gen", "--scale", "village", "--seed", "2", "-o", target]
            var env = ProcessInfo.processInfo.environment
            env["WF_FAULT_SAVE_DELAY_US"] = "300"
            p.environment = env
            p.standardOutput = FileHandle.nullDevice
            try p.run()
            let temp = dir + ".net.wfs.tmp-\(p.processIdentifier)"
            let deadline = Date().addingTimeInterval(10)
            while !FileManager.default.fileExists(atPath: temp) && p.isRunning && Date() < deadline { usleep(200) }
            usleep(UInt32.random(in: 0...30_000, using: &rng))
            if p.isRunning {
                kill(p.processIdentifier, SIGTERM)
                if FileManager.default.fileExists(atPath: temp) { terminatedMidSave += 1 }
            }
            p.waitUntilExit()
            let bytes = try XCTUnwrap(FileManager.default.contents(atPath: target), "round \(round): file gone")
            XCTAssertTrue(versions.contains(bytes), "round \(round): not a whole version")
            XCTAssertNoThrow(try Snapshot.load(target), "round \(round)")
            try versions[0].write(to: URL(fileURLWithPath: target))
        }
        XCTAssertGreaterThan(terminatedMidSave, 10, "most signals should land inside the save")
    }
}
