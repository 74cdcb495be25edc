import XCTest
import WFStore
import WFSnapshot
import WFGenerator

/// Damage to a county-sized snapshot (the demo county, several megabytes), sampled: the small
/// hand-made file in WFSnapshotTests gets every byte and every truncation; a county file gets
/// a random sample of each, so that large sections, long directories and the string look-up
/// table are covered too. Every damaged file must be a classified `SnapshotError`.
final class CountySnapshotDamageTests: XCTestCase {
    static let saved: (dir: String, bytes: [UInt8])? = {
        let dir = NSTemporaryDirectory() + "wf-county-damage-\(UUID().uuidString)/"
        do {
            try FileManager.default.createDirectory(atPath: dir, withIntermediateDirectories: true)
            try Snapshot.save(Demo.county(), to: dir + "county.wfs", savedAt: 0)
            guard let data = FileManager.default.contents(atPath: dir + "county.wfs") else { return nil }
            return (dir, [UInt8](data))
        } catch {
            return nil
        }
    }()

    func load(_ bytes: [UInt8], _ dir: String) -> Result<Store, SnapshotError> {
        let path = dir + "bad.wfs"
        FileManager.default.createFile(atPath: path, contents: Data(bytes))
        do { return .success(try Snapshot.load(path)) } catch let e as SnapshotError { return .failure(e) } catch {
            XCTFail("not a SnapshotError: \(error)")
            return .failure(.unreadable(path: path, reason: "?"))
        }
    }

    func testSampledByteChangesAreDetected() throws {
        let (dir, good) = try XCTUnwrap(CountySnapshotDamageTests.saved, "could not save the county")
        XCTAssertGreaterThan(good.count, 1_000_000)
        var rng = SystemRandomNumberGenerator()
        // The first 4 KiB (header, directory) densely, then anywhere.
        let offsets = (0..<80).map { _ in Int.random(in: 0..<min(4096, good.count), using: &rng) }
            + (0..<170).map { _ in Int.random(in: 0..<good.count, using: &rng) }
        for i in offsets {
            var bad = good
            let mask = UInt8.random(in: 1...255, using: &rng)
            bad[i] ^= mask
            switch load(bad, dir) {
            case .success: XCTFail("byte \(i) ^ \(mask) of \(good.count) loaded silently")
            case .failure(let e):
                switch e {
                case .corrupt, .foreign, .newerVersion, .incompatible, .truncated: break
                default: XCTFail("byte \(i) ^ \(mask): unexpected class \(e)")
                }
            }
        }
    }

    func testSampledTruncationsAndExtensionsAreDetected() throws {
        let (dir, good) = try XCTUnwrap(CountySnapshotDamageTests.saved, "could not save the county")
        var rng = SystemRandomNumberGenerator()
        for _ in 0..<150 {
            let n = Int.random(in: 0..<good.count, using: &rng)
            guard case .failure(let e) = load(Array(good[0..<n]), dir) else { XCTFail("truncated at \(n) loaded"); continue }
            if n >= 64 {
                XCTAssertEqual(e, .truncated(path: dir + "bad.wfs", expected: UInt64(good.count), actual: UInt64(n)))
            }
        }
        for extra in [1, 7, 4096] {
            guard case .failure(let e) = load(good + [UInt8](repeating: 0, count: extra), dir) else { XCTFail("+\(extra) bytes loaded"); continue }
            XCTAssertEqual(e, .corrupt(path: dir + "bad.wfs", section: "header", reason: "\(extra) unexpected bytes after the end"))
        }
    }

    func testTheUndamagedFileLoadsWithTheSameDigest() throws {
        let (dir, good) = try XCTUnwrap(CountySnapshotDamageTests.saved, "could not save the county")
        guard case .success(let store) = load(good, dir) else { return XCTFail("the good file did not load") }
        XCTAssertEqual(store.digest(), Demo.county().digest())
    }
}
