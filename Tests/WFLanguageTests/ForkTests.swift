import Foundation
import XCTest
import WFStore
import WFGenerator
@testable import WFLanguage

/// Named forks (`fork`, `compare … in`, `in`, `apply`, `drop`): the real network is untouched until
/// `apply`, a fork costs nothing in proportion to the network, and failed work leaves no fork.
final class ForkTests: XCTestCase {
    var out = ""

    func session(_ store: Store = Fixture.store()) -> Session {
        let options = SessionOptions(output: { [unowned self] in self.out += $0 }, errorOutput: { [unowned self] in self.out += $0 })
        return Session(store: store, options: options)
    }

    func testRealNetworkUntouchedByForksAndEqualToTheForkAfterApply() throws {
        let s = session()
        let before = s.store.digest()
        XCTAssertEqual(s.run("""
            fork plan_a {
                convert org "西河村妇代会" on 2026-07-01
                appoint person "张秀英" as chair of org "西河村妇代会" from 2026-07-02
            }
            fork plan_b from plan_a { set org "东风村妇联".women = 1000 }
            compare orgs | where .form == congress | count in base, plan_a, plan_b
            in plan_b { create org {name: "新村妇联", level: village, unit: village, form: federation, parent: org "河口乡妇联", women: 10} }
            """, file: "t.wf"), .ok, out)
        XCTAssertEqual(s.store.digest(), before, "forks changed the real network")
        XCTAssertFalse(s.hasUnsavedChanges)
        let fork = try XCTUnwrap(s.forks.find("plan_b"))
        XCTAssertEqual(fork.changes, 4)
        XCTAssertNotEqual(fork.store.digest(), before)
        XCTAssertEqual(s.run("apply plan_b", file: "t.wf"), .ok, out)
        XCTAssertEqual(s.store.digest(), fork.store.digest())
        XCTAssertTrue(s.hasUnsavedChanges)
        XCTAssertTrue(s.undo())
        XCTAssertEqual(s.store.digest(), before)
    }

    func testApplyAfterTheRealNetworkChangedReplaysTheFork() throws {
        let s = session()
        XCTAssertEqual(s.run("fork plan_a { set org \"南岭村妇联\".women = 520 }", file: "t.wf"), .ok, out)
        XCTAssertEqual(s.run("set org \"东风村妇联\".women = 900", file: "t.wf"), .ok, out)
        XCTAssertEqual(s.run("apply plan_a", file: "t.wf"), .ok, out)
        // Both changes hold: the fork's was made again on the changed network.
        var expected = Fixture.store()
        let women = try XCTUnwrap(Kind.org.fields.firstIndex { $0.name == "women" })
        for (name, value) in [("南岭村妇联", 520), ("东风村妇联", 900)] {
            let row = try XCTUnwrap(expected.rows(.org, named: name).first)
            expected.setCell(FieldID(.org, women), row, Int32(value))
        }
        XCTAssertEqual(s.store.digest(), expected.digest())
    }

    func testFailedForkBodyMakesNoFork() {
        let s = session()
        let before = s.store.digest()
        XCTAssertEqual(s.run("fork plan_a { set org \"东风村妇联\".women = 1000; convert org \"东风村妇联\" on 2026-07-01 }", file: "t.wf"), .runtimeError)
        XCTAssertNil(s.forks.find("plan_a"))
        XCTAssertEqual(s.store.digest(), before)
        out = ""
        XCTAssertEqual(s.run("forks", file: "t.wf"), .ok)
        XCTAssertEqual(out, "no forks\n")
    }

    func testDropAndResetForgetForks() {
        let s = session()
        XCTAssertEqual(s.run("fork a { }\nfork b { }\ndrop a", file: "t.wf"), .ok, out)
        XCTAssertEqual(s.forks.names, ["b"])
        s.reset()
        XCTAssertEqual(s.forks.names, [])
    }

    func testForkWordsStayOrdinaryNames() {
        let s = session()
        out = ""
        XCTAssertEqual(s.run("let forks = 3\nforks\nfn apply(x) { return x + 1 }\nprint apply(1)\nlet drop = 2\nprint drop", file: "t.wf"), .ok, out)
        XCTAssertEqual(out, "3\n2\n2\n")
    }

    func testCompletionsOfferForkNames() {
        let s = session()
        XCTAssertEqual(s.run("fork plan_east { }", file: "t.wf"), .ok, out)
        XCTAssertTrue(s.completions(for: "apply plan_e", cursor: 12).contains("plan_east"))
    }

    /// Malformed fork statements are syntax errors with a position, never a crash.
    func testMalformedForkStatements() {
        let s = session()
        let cases: [(String, String)] = [
            ("compare in a", "compare needs the forks to compare in"),
            ("compare orgs | count in a,", "compare needs the forks to compare in"),
            ("compare orgs | count in", "compare needs the forks to compare in"),
            ("compare ) in a", "compare needs the forks to compare in"),
            ("compare 1 + in a", "expected a value, found end of input"),
            ("fork a from { }", "expected a name after 'from' (the fork to build on), found '{'"),
            ("fork a {", "expected '}' to close the block"),
            ("fork base { }", "'base' names the real network; a fork needs another name"),
            ("fork a { }\nfork a { }", "there is already a fork 'a'"),
            ("drop nothing", "unknown fork 'nothing'"),
            ("set org \"东风村妇联\".women = 1\nfork u { undo }", "undo inside a fork or a whatif"),
            ("set org \"东风村妇联\".women = 1\nwhatif { undo } compare 1", "undo inside a fork or a whatif"),
        ]
        for (source, message) in cases {
            out = ""
            XCTAssertNotEqual(s.run(source, file: "t.wf"), .ok, source)
            XCTAssertTrue(out.hasPrefix("error: " + message), "\(source) printed:\n\(out)")
            XCTAssertTrue(out.contains("--> t.wf:"), "\(source) has no position:\n\(out)")
        }
    }

    /// Random soups of the fork words never crash, and every failure is a rendered error.
    func testRandomForkStatementsNeverCrash() {
        let words = ["fork", "forks", "apply", "drop", "compare", "in", "from", "{", "}", "plan_a", "plan_b", "base", ",",
                     "orgs", "|", "count", "\n", "(", ")", "1", "+", "where", ".women", ">", ";", "set org \"东风村妇联\".women = 2"]
        var seed: UInt64 = 0x5eed
        func next(_ n: Int) -> Int {
            seed = seed &* 6_364_136_223_846_793_005 &+ 1_442_695_040_888_963_407
            return Int((seed >> 33) % UInt64(n))
        }
        let s = session()
        XCTAssertEqual(s.run("fork plan_a { }", file: "t.wf"), .ok)
        for _ in 0..<2_000 {
            let source = (0..<(1 + next(12))).map { _ in words[next(words.count)] }.joined(separator: " ")
            out = ""
            if s.run(source, file: "t.wf") != .ok {
                XCTAssertTrue(out.contains("error: "), "\(source) failed without an error:\n\(out)")
            }
        }
    }

    /// A fork of the demo county copies no column: every column of a fresh fork shares its base
    /// array with the real network, and a change in the fork copies only the overlay it touches.
    func testForkOfTheDemoNetworkSharesColumns() throws {
        let s = session(Demo.county())
        for _ in 0..<1_000 { XCTAssertEqual(s.run("fork p { }\ndrop p", file: "t.wf"), .ok, out) }
        XCTAssertEqual(s.run("fork p { set org \"\(Demo.seatTownship)妇联\".women = 1 }", file: "t.wf"), .ok, out)
        let fork = try XCTUnwrap(s.forks.find("p")).store
        var columns = 0
        for (real, forked) in zip(s.store.tables, fork.tables) {
            for (a, b) in zip(real.columns, forked.columns) {
                columns += 1
                a.base.withUnsafeBufferPointer { x in
                    b.base.withUnsafeBufferPointer { y in XCTAssertEqual(x.baseAddress, y.baseAddress, "a fork copied a column") }
                }
            }
        }
        XCTAssertGreaterThan(columns, 50)
        XCTAssertTrue(s.store.isPristine)
        XCTAssertEqual(fork.tables.filter { !$0.isPristine }.count, 1)
        // The fork's time is measured by `wfbench queries` (docs/performance.md), not here.
    }
}
