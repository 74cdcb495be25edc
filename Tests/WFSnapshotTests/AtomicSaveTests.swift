import XCTest
import WFTestSupport
import WFStore
@testable import WFSnapshot

final class AtomicSaveTests: XCTestCase {
    var dir = ""

    override func setUpWithError() throws {
        dir = NSTemporaryDirectory() + "wf-save-\(UUID().uuidString)/"
        try FileManager.default.createDirectory(atPath: dir, withIntermediateDirectories: true)
    }

    override func tearDownWithError() throws {
        try? FileManager.default.setAttributes([.posixPermissions: 0o755], ofItemAtPath: dir + "ro")
        try? FileManager.default.removeItem(atPath: dir)
    }

    func testSaveReplacesTheOldFileAndLeavesNoTemporary() throws {
        let path = dir + "net.wfs"
        try Snapshot.save(Fixture.store(), to: path)
        var changed = Fixture.store()
        changed.setCell(Schema.Org.women, 0, 1)
        try Snapshot.save(changed, to: path)
        XCTAssertEqual(try Snapshot.load(path).digest(), changed.digest())
        XCTAssertEqual(try FileManager.default.contentsOfDirectory(atPath: dir), ["net.wfs"])
    }

    func testFailedSaveLeavesTheOldFileWhole() throws {
        let path = dir + "net.wfs"
        try Snapshot.save(Fixture.store(), to: path)
        let before = FileManager.default.contents(atPath: path)
        // Saving over a path whose directory part is a file fails before anything is renamed.
        XCTAssertThrowsError(try Snapshot.save(Fixture.store(), to: path + "/x.wfs")) { e in
            XCTAssertTrue((e as? SnapshotError)?.description.hasSuffix("the previous file is untouched") ?? false, "\(e)")
        }
        XCTAssertEqual(FileManager.default.contents(atPath: path), before)
    }

    func testUnwritableDirectoryIsAClearError() throws {
        // Root ignores permission bits, so use a directory no one may create files in: /proc.
        let target: String
        if getuid() == 0 {
            target = "/proc/net.wfs"
        } else {
            try FileManager.default.createDirectory(atPath: dir + "ro", withIntermediateDirectories: true)
            try FileManager.default.setAttributes([.posixPermissions: 0o555], ofItemAtPath: dir + "ro")
            target = dir + "ro/net.wfs"
        }
        XCTAssertThrowsError(try Snapshot.save(Fixture.store(), to: target)) { e in
            let text = (e as? SnapshotError)?.description ?? ""
            XCTAssertTrue(text.hasPrefix("\(target): cannot save: "), text)
        }
        XCTAssertFalse(FileManager.default.fileExists(atPath: target))
    }

    func testLeftoverTemporaryOfADeadProcessIsRemoved() throws {
        let path = dir + "net.wfs"
        // A pid that cannot exist (above the kernel's pid_max limit of 2^22).
        let stale = dir + ".net.wfs.tmp-9999999"
        FileManager.default.createFile(atPath: stale, contents: Data([1, 2, 3]))
        try Snapshot.save(Fixture.store(), to: path)
        XCTAssertFalse(FileManager.default.fileExists(atPath: stale))
    }
}
