import Foundation
import XCTest
import WFStore
@testable import WFLanguage

/// Guards against a slow path creeping into hot loops. Figures are loose (debug builds, a shared
/// machine); the benchmark issue measures release builds against the targets.
final class SpeedTests: XCTestCase {
    /// A store of `n` people with birth years 1950…1999 and nothing else.
    static func people(_ n: Int) -> Store {
        var b = StoreBuilder()
        b.reserve(.person, n)
        let name = b.intern("某某")
        for i in 0..<n { b.append(.person, [name, Int32(1950 + i % 50), nullCell, nullCell, 0, nullCell]) }
        return b.build()
    }

    func testColumnFilterOverAMillionRows() {
        var out = ""
        let session = Session(store: SpeedTests.people(1_000_000), options: SessionOptions(output: { out += $0 }, errorOutput: { out += $0 }))
        let start = Date()
        XCTAssertEqual(session.run("people | where .birth_year > 1980 | count", file: "q.wf"), .ok)
        let elapsed = Date().timeIntervalSince(start)
        XCTAssertEqual(out, "380000\n")
        XCTAssertLessThan(elapsed, 2.0, "column filter took \(elapsed) s for 1M rows")
    }

    func testScalarLoop() {
        var out = ""
        let session = Session(store: Store(), options: SessionOptions(output: { out += $0 }, errorOutput: { out += $0 }))
        let start = Date()
        XCTAssertEqual(session.run("let s = 0\nlet i = 0\nwhile i < 200000 {\n s = s + i\n i = i + 1\n}\ns", file: "loop.wf"), .ok)
        let elapsed = Date().timeIntervalSince(start)
        XCTAssertEqual(out, "19999900000\n")
        XCTAssertLessThan(elapsed, 5.0, "200k iterations took \(elapsed) s")
        print("scalar loop, 200k iterations (debug): \(elapsed) s")
    }

    /// Each change costs O(1), not O(changes so far): 20,000 creations and appointments in one
    /// script stay linear (a quadratic copy would take minutes).
    func testManyChangesStayLinear() {
        var out = ""
        let session = Session(store: Fixture.store(), options: SessionOptions(output: { out += $0 }, errorOutput: { out += $0 }))
        let start = Date()
        let script = """
            let town = org "城关镇妇联"
            for i in range(10000) {
                let o = create org {name: "新村" + str(i), level: village, form: federation, parent: town, women: i}
                appoint person #1 as exec of o from 2026-01-01
            }
            town.children | count
            """
        XCTAssertEqual(session.run(script, file: "many.wf"), .ok, out)
        let elapsed = Date().timeIntervalSince(start)
        XCTAssertEqual(out, "10004\n")
        XCTAssertLessThan(elapsed, 20.0, "20,000 changes took \(elapsed) s")
        print("20,000 changes (debug): \(elapsed) s")
    }
}
