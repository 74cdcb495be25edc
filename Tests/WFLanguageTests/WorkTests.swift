import XCTest
import WFStore
@testable import WFLanguage

/// Guards against a slow path creeping into hot loops by the work done, not the time taken: a
/// timing limit fails on a busy machine and passes a slow path on a fast one. The time itself
/// is measured by `wfbench growth` and `wfbench loop` (docs/performance.md).
final class WorkTests: XCTestCase {
    /// A store of `n` people with birth years 1950…1999 and nothing else.
    static func people(_ n: Int) -> Store {
        var b = StoreBuilder()
        b.reserve(.person, n)
        let name = b.intern("某某")
        for i in 0..<n { b.append(.person, [name, Int32(1950 + i % 50), nullCell, nullCell, 0, nullCell]) }
        return b.build()
    }

    /// What a session printed, collected for the test to read and clear.
    final class Printed { var text = "" }

    private func session(_ store: Store, _ out: Printed) -> Session {
        Session(store: store, options: SessionOptions(output: { out.text += $0 }, errorOutput: { out.text += $0 }))
    }

    /// A column filter over a million rows runs on the cells a block at a time: a step per
    /// block, where the per-item path counts one per row.
    func testColumnFilterStepsPerBlockNotPerRow() {
        let out = Printed()
        let s = session(WorkTests.people(1_000_000), out)
        XCTAssertEqual(s.run("people | where .birth_year > 1980 | count", file: "q.wf"), .ok)
        XCTAssertEqual(out.text, "380000\n")
        XCTAssertLessThan(s.lastRunSteps, 1_000, "the column path steps per block")
        // The same filter through a function the planner cannot see into steps per row: the
        // count above is the column path's, not a count too small to tell.
        out.text = ""
        XCTAssertEqual(s.run("fn late(p) { let y = p.birth_year\n return y > 1980 }\npeople | where late(it) | count", file: "q.wf"), .ok)
        XCTAssertEqual(out.text, "380000\n")
        XCTAssertGreaterThanOrEqual(s.lastRunSteps, 1_000_000)
    }

    func testScalarLoopCountsAStepPerIteration() {
        let out = Printed()
        let s = session(Store(), out)
        XCTAssertEqual(s.run("let s = 0\nlet i = 0\nwhile i < 200000 {\n s = s + i\n i = i + 1\n}\ns", file: "loop.wf"), .ok)
        XCTAssertEqual(out.text, "19999900000\n")
        XCTAssertGreaterThanOrEqual(s.lastRunSteps, 200_000)
        XCTAssertLessThan(s.lastRunSteps, 400_000, "no hidden per-iteration loop")
    }

    /// 20,000 creations and appointments in one script all land (`wfbench growth` times 5,000
    /// against 10,000 and reports the ratio: about 2 when each change costs O(1)).
    func testManyChangesInOneScript() {
        let out = Printed()
        let s = session(Fixture.store(), out)
        let script = """
            let town = org "城关镇妇联"
            for i in range(10000) {
                let o = create org {name: "新村" + str(i), level: village, form: federation, parent: town, women: i}
                appoint person #1 as exec of o from 2026-01-01
            }
            town.children | count
            """
        XCTAssertEqual(s.run(script, file: "many.wf"), .ok, out.text)
        XCTAssertEqual(out.text, "10004\n")
        out.text = ""
        XCTAssertEqual(s.run("positions | where .org.name == \"新村9999\" | count", file: "q.wf"), .ok)
        XCTAssertEqual(out.text, "1\n")
    }
}
