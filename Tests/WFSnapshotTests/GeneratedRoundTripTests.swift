import XCTest
import WFStore
import WFGenerator
@testable import WFSnapshot

/// Generated networks at every scale up to county survive a save and a load unchanged, and
/// answer look-ups through the indexes saved with them.
final class GeneratedRoundTripTests: XCTestCase {
    func testSaveLoadCompareAtEveryScaleUpToCounty() throws {
        let dir = NSTemporaryDirectory() + "wf-gen-rt-\(UUID().uuidString)/"
        try FileManager.default.createDirectory(atPath: dir, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(atPath: dir) }
        for scale in [Scale.village, .township, .county] {
            let store = Generator(scale: scale, seed: 11).generate()
            let path = dir + scale.rawValue + ".wfs"
            try Snapshot.save(store, to: path)
            let loaded = try Snapshot.load(path)
            XCTAssertEqual(loaded.digest(), store.digest(), scale.rawValue)
            XCTAssertEqual(loaded.meta.scale, scale.rawValue)
            for kind in Kind.allCases { XCTAssertEqual(loaded.liveCount(kind), store.liveCount(kind), "\(scale) \(kind.name)") }
            // Every person is found by her name through the saved index, as through a scan.
            for row in stride(from: Int32(0), to: Int32(store.count(.person)), by: 97) {
                let name = store.displayName(.person, row)
                let scanned = (0..<Int32(store.count(.person))).filter { store.displayName(.person, $0) == name }
                XCTAssertEqual(loaded.rows(.person, named: name), scanned, "\(scale) \(name)")
            }
        }
    }

    func testSameSeedAndScaleGiveTheSameBytes() throws {
        let dir = NSTemporaryDirectory() + "wf-gen-bytes-\(UUID().uuidString)/"
        try FileManager.default.createDirectory(atPath: dir, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(atPath: dir) }
        for name in ["a", "b"] {
            try Snapshot.save(Generator(scale: .township, seed: 5).generate(), to: dir + name, savedAt: 0)
        }
        XCTAssertEqual(FileManager.default.contents(atPath: dir + "a"), FileManager.default.contents(atPath: dir + "b"))
    }
}
