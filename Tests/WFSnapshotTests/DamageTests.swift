import XCTest
import WFTestSupport
import WFStore
@testable import WFSnapshot

/// Every damaged file must be a clear, classified error: never a crash, never a store.
final class DamageTests: XCTestCase {
    var dir = ""
    var good: [UInt8] = []

    override func setUpWithError() throws {
        dir = NSTemporaryDirectory() + "wf-damage-\(UUID().uuidString)/"
        try FileManager.default.createDirectory(atPath: dir, withIntermediateDirectories: true)
        try Snapshot.save(Fixture.store(), to: dir + "good.wfs", savedAt: 0)
        good = try XCTUnwrap(FileManager.default.contents(atPath: dir + "good.wfs")).map { $0 }
    }

    override func tearDownWithError() throws { try? FileManager.default.removeItem(atPath: dir) }

    private func load(_ bytes: [UInt8]) -> Result<Store, SnapshotError> {
        let path = dir + "bad.wfs"
        FileManager.default.createFile(atPath: path, contents: Data(bytes))
        do { return .success(try Snapshot.load(path)) } catch let e as SnapshotError { return .failure(e) } catch {
            XCTFail("unexpected error type \(error)")
            return .failure(.unreadable(path: path, reason: "?"))
        }
    }

    func testEverySingleByteChangeIsDetected() {
        XCTAssertGreaterThan(good.count, 1000)
        for i in good.indices {
            var bad = good
            bad[i] ^= 0x5A
            switch load(bad) {
            case .success: XCTFail("flipped byte \(i) of \(good.count) loaded silently")
            case .failure(let e):
                switch e {
                case .corrupt, .foreign, .newerVersion, .incompatible, .truncated: break
                default: XCTFail("byte \(i): unexpected class \(e)")
                }
            }
        }
    }

    func testEveryTruncationIsDetected() {
        for n in 0..<good.count {
            guard case .failure(let e) = load(Array(good[0..<n])) else {
                XCTFail("truncated at \(n) loaded")
                continue
            }
            if n >= 8 {
                guard case .truncated = e else { XCTFail("truncated at \(n): \(e)"); continue }
            } else if n > 0 {
                XCTAssertEqual(e, .truncated(path: dir + "bad.wfs", expected: 64, actual: UInt64(n)))
            }
        }
    }

    func testClassifiedMessages() throws {
        let path = dir + "bad.wfs"
        guard case .failure(let foreign) = load(Array("name,level\n城关镇妇联,township\n".utf8)) else { return XCTFail() }
        XCTAssertEqual(foreign.description, "\(path): not a wf snapshot (unknown file type)")

        guard case .failure(let short) = load(Array(good[0..<100])) else { return XCTFail() }
        XCTAssertEqual(short.description, "\(path): truncated snapshot: expected \(good.count) bytes, found 100")

        var longer = good
        longer.append(0)
        guard case .failure(let trailing) = load(longer) else { return XCTFail() }
        XCTAssertEqual(trailing.description, "\(path): corrupt snapshot: 1 unexpected bytes after the end in section 'header'")

        XCTAssertThrowsError(try Snapshot.load(dir + "missing.wfs")) { e in
            XCTAssertEqual((e as? SnapshotError)?.description, "\(dir)missing.wfs: no such file")
        }
    }

    func testNewerVersionIsNamedAsSuch() {
        var newer = good
        newer[8] = 2
        // Re-seal the header so only the version differs, as a genuine newer file would.
        let sum = newer.withUnsafeBytes { XXH64.hash(UnsafeRawBufferPointer(rebasing: $0[0..<56])) }
        withUnsafeBytes(of: sum.littleEndian) { for (i, b) in $0.enumerated() { newer[56 + i] = b } }
        guard case .failure(let e) = load(newer) else { return XCTFail("loaded a newer version") }
        XCTAssertEqual(e, .newerVersion(path: dir + "bad.wfs", version: 2))
        XCTAssertTrue(e.description.contains("newer than this wf supports (1)"))
    }

    func testOutOfRangeReferenceIsCaughtEvenWithAValidChecksum() throws {
        // A file written by a buggy tool: checksums fine, but a parent points past the end.
        var store = Fixture.store()
        store.setCell(Schema.Org.parent, 1, 99)
        try Snapshot.save(store, to: dir + "ref.wfs")
        XCTAssertThrowsError(try Snapshot.load(dir + "ref.wfs")) { e in
            XCTAssertEqual((e as? SnapshotError)?.description,
                           "\(self.dir)ref.wfs: corrupt snapshot: value 99 out of range in section 'org.parent'")
        }
    }
}
