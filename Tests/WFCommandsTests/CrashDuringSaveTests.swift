import XCTest
import WFTestSupport
import WFStore
import WFSnapshot

/// Kills `wf` with SIGKILL at random points while it saves over an existing snapshot. After
/// every kill the file must be one complete version or another, and load.
final class CrashDuringSaveTests: XCTestCase {
    func testSigkillDuringSaveNeverDamagesTheFile() throws {
        let dir = NSTemporaryDirectory() + "wf-crash-\(UUID().uuidString)/"
        try FileManager.default.createDirectory(atPath: dir, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(atPath: dir) }
        let target = dir + "net.wfs"

        // The complete versions the file may legitimately hold.
        var versions: [Data] = []
        for seed in 1...3 {
            let path = dir + "v\(seed).wfs"
            XCTAssertEqual(try WFProcess.run(["gen", "--scale", "village", "--seed", "\(seed)", "-o", path]).status, 0)
            versions.append(try XCTUnwrap(FileManager.default.contents(atPath: path)))
        }
        try versions[0].write(to: URL(fileURLWithPath: target))

        var rng = SystemRandomNumberGenerator()
        var killedMidSave = 0
        let rounds = 100
        for round in 0..<rounds {
            let p = Process()
            p.executableURL = WFProcess.binary
            p.arguments = ["gen", "--scale", "village", "--seed", "\(2 + round % 2)", "-o", target]
            var env = ProcessInfo.processInfo.environment
            env["WF_FAULT_SAVE_DELAY_US"] = "300"  // ~100 sections: a save of about 30 ms
            p.environment = env
            p.standardOutput = FileHandle.nullDevice
            try p.run()
            // Wait until the save has begun (its temporary file exists), then kill at a random moment.
            let temp = dir + ".net.wfs.tmp-\(p.processIdentifier)"
            let deadline = Date().addingTimeInterval(10)
            while !FileManager.default.fileExists(atPath: temp) && p.isRunning && Date() < deadline { usleep(200) }
            usleep(UInt32.random(in: 0...40_000, using: &rng))
            if p.isRunning {
                kill(p.processIdentifier, SIGKILL)
                if FileManager.default.fileExists(atPath: temp) { killedMidSave += 1 }
            }
            p.waitUntilExit()
            let bytes = try XCTUnwrap(FileManager.default.contents(atPath: target), "round \(round): file gone")
            XCTAssertTrue(versions.contains(bytes), "round \(round): the file is not a complete version")
            XCTAssertNoThrow(try Snapshot.load(target), "round \(round)")
        }
        XCTAssertGreaterThan(killedMidSave, rounds / 2, "most kills should land inside the save")

        // Leftover temporaries are harmless and the next save of the file removes them.
        XCTAssertEqual(try WFProcess.run(["gen", "--scale", "village", "-o", target]).status, 0)
        let leftovers = try FileManager.default.contentsOfDirectory(atPath: dir).filter { $0.contains(".tmp-") }
        XCTAssertEqual(leftovers, [])
    }

    func testFullDiskLeavesTheOldFileWhole() throws {
        // A small tmpfs, filled up after the first save: the second save runs out of space.
        // Mounting needs root; without it, the same failure is made by a file-size limit
        // (ulimit -f, with SIGXFSZ ignored), so that a write fails part-way through the save.
        let mount = NSTemporaryDirectory() + "wf-full-\(UUID().uuidString)"
        try FileManager.default.createDirectory(atPath: mount, withIntermediateDirectories: true)
        let mounted = (try? WFProcess.shell("mount -t tmpfs -o size=8m tmpfs \(mount)"))?.status == 0
        defer {
            if mounted { _ = try? WFProcess.shell("umount \(mount)") }
            try? FileManager.default.removeItem(atPath: mount)
        }
        let target = mount + "/net.wfs"
        XCTAssertEqual(try WFProcess.run(["gen", "--scale", "village", "--seed", "1", "-o", target]).status, 0)
        let old = FileManager.default.contents(atPath: target)
        let status: Int32, stderr: String, reason: String
        if mounted {
            // Fill what is left, so the next save must fail.
            _ = try? WFProcess.shell("dd if=/dev/zero of=\(mount)/filler bs=1k count=100000 2>/dev/null")
            let r = try WFProcess.run(["gen", "--scale", "village", "--seed", "2", "-o", target])
            (status, stderr, reason) = (r.status, r.stderr, "No space left on device")
        } else {
            let r = try WFProcess.shell("trap '' XFSZ; ulimit -f 16; exec '\(WFProcess.binary.path)' gen --scale village --seed 2 -o '\(target)' 2>&1")
            (status, stderr, reason) = (r.status, r.stdout, "File too large")
        }
        XCTAssertEqual(status, 1, stderr)
        XCTAssertTrue(stderr.contains("cannot save: \(reason); the previous file is untouched"), stderr)
        XCTAssertEqual(FileManager.default.contents(atPath: target), old)
        let leftovers = try FileManager.default.contentsOfDirectory(atPath: mount).filter { $0.contains(".tmp-") }
        XCTAssertEqual(leftovers, [], "a failed save removes its temporary file")
    }
}

extension WFProcess {
    static func shell(_ command: String) throws -> Output {
        let p = Process()
        p.executableURL = URL(fileURLWithPath: "/bin/sh")
        p.arguments = ["-c", command]
        let out = Pipe()
        p.standardOutput = out
        p.standardError = out
        try p.run()
        let data = out.fileHandleForReading.readDataToEndOfFile()
        p.waitUntilExit()
        return Output(status: p.terminationStatus, stdout: String(decoding: data, as: UTF8.self), stderr: "")
    }
}
