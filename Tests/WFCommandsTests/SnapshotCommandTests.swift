import XCTest
import WFTestSupport
import WFStore
import WFSnapshot

/// `wf gen`, `wf info`, `wf diff`, `wf export` and `wf import`, run as a user would.
final class SnapshotCommandTests: XCTestCase {
    var dir = ""

    override func setUpWithError() throws {
        dir = NSTemporaryDirectory() + "wf-cli-\(UUID().uuidString)/"
        try FileManager.default.createDirectory(atPath: dir, withIntermediateDirectories: true)
    }

    override func tearDownWithError() throws { try? FileManager.default.removeItem(atPath: dir) }

    func testGenThenInfo() throws {
        let gen = try WFProcess.run(["gen", "--scale", "village", "--seed", "3", "-o", dir + "v.wfs"])
        XCTAssertEqual(gen.status, 0, gen.stderr)
        XCTAssertTrue(gen.stdout.hasPrefix("wrote \(dir)v.wfs: "), gen.stdout)
        let info = try WFProcess.run(["info", dir + "v.wfs"])
        XCTAssertEqual(info.status, 0, info.stderr)
        let store = try Snapshot.load(dir + "v.wfs")
        XCTAssertTrue(info.stdout.contains("scale:    village\n"), info.stdout)
        XCTAssertTrue(info.stdout.contains("seed:     3\n"), info.stdout)
        let people = String(store.liveCount(.person))
        let line = info.stdout.split(separator: "\n").first { $0.hasPrefix("  people ") }
        XCTAssertEqual(line?.split(separator: " ").map(String.init), ["people", people, "人员"])
    }

    func testGenIsDeterministicByteForByte() throws {
        for name in ["a.wfs", "b.wfs"] {
            XCTAssertEqual(try WFProcess.run(["gen", "--scale", "village", "--seed", "9", "-o", dir + name]).status, 0)
        }
        XCTAssertEqual(FileManager.default.contents(atPath: dir + "a.wfs"), FileManager.default.contents(atPath: dir + "b.wfs"))
    }

    func testDamagedSnapshotsGetOneClearLineAndExitOne() throws {
        XCTAssertEqual(try WFProcess.run(["gen", "--scale", "village", "-o", dir + "v.wfs"]).status, 0)
        let good = try XCTUnwrap(FileManager.default.contents(atPath: dir + "v.wfs"))
        let cases: [(String, Data, String)] = [
            ("truncated", good.prefix(good.count / 2), "truncated snapshot: expected \(good.count) bytes, found \(good.count / 2)"),
            ("foreign", Data("id,name\n".utf8), "not a wf snapshot (unknown file type)"),
            ("corrupt", { var d = good; d[d.count - 3] ^= 1; return d }(), "corrupt snapshot: checksum mismatch in section"),
        ]
        for (name, bytes, message) in cases {
            let path = dir + name + ".wfs"
            FileManager.default.createFile(atPath: path, contents: bytes)
            for args in [["info", path], ["--snapshot", path, "-c", "1"]] {
                let r = try WFProcess.run(args)
                XCTAssertEqual(r.status, 1, "\(name) \(args)")
                XCTAssertTrue(r.stderr.hasPrefix("wf: \(path): \(message)"), "\(name): \(r.stderr)")
                XCTAssertEqual(r.stderr.filter { $0 == "\n" }.count, 1, "one line: \(r.stderr)")
            }
        }
        let missing = try WFProcess.run(["info", dir + "nope.wfs"])
        XCTAssertEqual(missing.status, 1)
        XCTAssertEqual(missing.stderr, "wf: \(dir)nope.wfs: no such file\n")
    }

    func testUsageErrorsExitTwo() throws {
        let r = try WFProcess.run(["gen", "--scale", "galaxy", "-o", dir + "x.wfs"])
        XCTAssertEqual(r.status, 2)
        XCTAssertTrue(r.stderr.contains("'galaxy' is invalid for '--scale <scale>'"), r.stderr)
        XCTAssertFalse(FileManager.default.fileExists(atPath: dir + "x.wfs"))
    }

    func testDiffReportsAddedRemovedChanged() throws {
        XCTAssertEqual(try WFProcess.run(["gen", "--scale", "village", "-o", dir + "a.wfs"]).status, 0)
        var store = try Snapshot.load(dir + "a.wfs")
        store.setCell(Schema.Org.women, 0, 4321)
        let removed = Int32(store.count(.training) - 1)
        store.delete(.training, removed)
        store.append(.evaluation, [0, 2026, 0])
        try Snapshot.save(store, to: dir + "b.wfs")
        let r = try WFProcess.run(["diff", dir + "a.wfs", dir + "b.wfs"])
        XCTAssertEqual(r.status, 0, r.stderr)
        XCTAssertTrue(r.stdout.contains("orgs                0        0        1"), r.stdout)
        XCTAssertTrue(r.stdout.contains("trainings           0        1        0"), r.stdout)
        XCTAssertTrue(r.stdout.contains("evaluations         1        0        0"), r.stdout)
        XCTAssertTrue(r.stdout.contains(": women "), r.stdout)
        XCTAssertTrue(r.stdout.contains(" → 4321"), r.stdout)
        XCTAssertEqual(try WFProcess.run(["diff", dir + "a.wfs", dir + "a.wfs"]).stdout, "no differences\n")
    }

    func testExportImportRoundTrip() throws {
        XCTAssertEqual(try WFProcess.run(["gen", "--scale", "village", "-o", dir + "a.wfs"]).status, 0)
        let export = try WFProcess.run(["export", "--snapshot", dir + "a.wfs", "--csv", dir + "csv", "--reveal-personal"])
        XCTAssertEqual(export.status, 0, export.stderr)
        let imp = try WFProcess.run(["import", "--csv", dir + "csv", "-o", dir + "b.wfs"])
        XCTAssertEqual(imp.status, 0, imp.stderr)
        XCTAssertEqual(try Snapshot.load(dir + "a.wfs").digest(), try Snapshot.load(dir + "b.wfs").digest())
    }

    func testFailedImportWritesNothing() throws {
        try FileManager.default.createDirectory(atPath: dir + "csv", withIntermediateDirectories: true)
        FileManager.default.createFile(atPath: dir + "csv/orgs.csv", contents: Data("id,name,level\n0,某村,villag\n".utf8))
        let r = try WFProcess.run(["import", "--csv", dir + "csv", "-o", dir + "out.wfs"])
        XCTAssertEqual(r.status, 1)
        XCTAssertTrue(r.stderr.contains("error: level: 'villag' is not a level\n --> \(dir)csv/orgs.csv:2:6\n"), r.stderr)
        XCTAssertTrue(r.stderr.contains("= help: did you mean 'village'?"), r.stderr)
        XCTAssertFalse(FileManager.default.fileExists(atPath: dir + "out.wfs"))
    }
}
