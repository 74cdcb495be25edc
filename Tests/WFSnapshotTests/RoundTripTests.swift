import XCTest
import WFTestSupport
import WFStore
@testable import WFSnapshot

final class RoundTripTests: XCTestCase {
    var dir = ""

    override func setUpWithError() throws {
        dir = NSTemporaryDirectory() + "wf-snapshot-\(UUID().uuidString)/"
        try FileManager.default.createDirectory(atPath: dir, withIntermediateDirectories: true)
    }

    override func tearDownWithError() throws { try? FileManager.default.removeItem(atPath: dir) }

    func testSaveThenLoadGivesTheSameNetwork() throws {
        let store = Fixture.store()
        try Snapshot.save(store, to: dir + "a.wfs", savedAt: 1_800_000_000)
        let loaded = try Snapshot.load(dir + "a.wfs")
        XCTAssertEqual(loaded.digest(), store.digest())
        XCTAssertEqual(loaded.meta.name, "fixture 测试")
        XCTAssertEqual(loaded.meta.seed, 7)
        XCTAssertEqual(loaded.meta.asOf, Day(iso: "2026-06-30"))
        XCTAssertEqual(loaded.meta.savedAt, 1_800_000_000)
        for kind in Kind.allCases { XCTAssertEqual(loaded.count(kind), store.count(kind), kind.name) }
        XCTAssertEqual(loaded.rows(.person, named: "王芳"), [0])
    }

    func testMutationsSurviveSaveAndLoad() throws {
        var store = Fixture.store()
        store.setCell(Schema.Org.women, 2, 900)
        store.setCell(Schema.Org.name, 2, store.intern("东风村妇联（新）"))
        let q = store.append(.person, [store.intern("李娜"), 1979, nullCell, nullCell, 0, 2])
        store.append(.position, [q, 2, 2, 18809, 20634])
        store.delete(.training, 0)
        try Snapshot.save(store, to: dir + "m.wfs")
        let loaded = try Snapshot.load(dir + "m.wfs")
        XCTAssertEqual(loaded.digest(), store.digest())
        XCTAssertEqual(loaded.displayName(.org, 2), "东风村妇联（新）")
        XCTAssertEqual(loaded.liveCount(.training), 0)
        XCTAssertEqual(loaded.reverse(Schema.Position.org, 2).count, 2)
        XCTAssertTrue(loaded.isPristine, "a loaded store starts with an empty overlay")
    }

    func testSameStoreSavesToTheSameBytes() throws {
        try Snapshot.save(Fixture.store(), to: dir + "1.wfs", savedAt: 0)
        try Snapshot.save(Fixture.store(), to: dir + "2.wfs", savedAt: 0)
        XCTAssertEqual(FileManager.default.contents(atPath: dir + "1.wfs"), FileManager.default.contents(atPath: dir + "2.wfs"))
    }

    func testInfoReadsCountsAndMeta() throws {
        try Snapshot.save(Fixture.store(), to: dir + "i.wfs", savedAt: 5)
        let info = try Snapshot.info(dir + "i.wfs")
        XCTAssertEqual(info.meta.name, "fixture 测试")
        XCTAssertEqual(info.meta.savedAt, 5)
        XCTAssertEqual(info.counts.first { $0.kind == .org }?.rows, 3)
        XCTAssertEqual(info.counts.first { $0.kind == .position }?.rows, 2)
        XCTAssertEqual(info.version, 1)
    }

    func testChecksumMatchesReferenceXXH64() {
        func h(_ bytes: [UInt8]) -> String { String(bytes.withUnsafeBytes { XXH64.hash($0) }, radix: 16) }
        // Reference values from the xxhash C library (python-xxhash).
        XCTAssertEqual(h([]), "ef46db3751d8e999")
        XCTAssertEqual(h(Array("abc".utf8)), "44bc2cf5ad770999")
        XCTAssertEqual(h((0..<100).map { UInt8($0) }), "6ac1e58032166597")
    }
}
