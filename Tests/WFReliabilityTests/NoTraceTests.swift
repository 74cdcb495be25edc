import XCTest
import WFStore
import WFGenerator
import WFLanguage

/// Failed work leaves no trace: rule violations, runtime errors and interrupts inside atomic
/// blocks and what-if forks leave the network's digest exactly as it was, on the demo county.
final class NoTraceTests: XCTestCase {
    static let county = Demo.county()
    static let countyDigest = county.digest()

    /// A session on the demo county; `cancelAfterPolls` makes `isCancelled` turn true on that
    /// poll (the runtime polls every 4,096 steps), as Ctrl-C would.
    final class Harness {
        var output = ""
        var polls = 0
        let session: Session

        init(cancelAfterPolls: Int? = nil) {
            session = Session(store: NoTraceTests.county, options: SessionOptions(stdlibPaths: [], saveHandler: { _, _ in }))
            session.options.output = { [unowned self] in self.output += $0 }
            session.options.errorOutput = { [unowned self] in self.output += $0 }
            session.options.isCancelled = { [unowned self] in
                self.polls += 1
                guard let limit = cancelAfterPolls else { return false }
                return self.polls >= limit
            }
        }

        func run(_ code: String) -> RunStatus { session.run(code, file: "t.wf") }
        var digest: UInt64 { session.store.digest() }
    }

    /// Mutations that touch many kinds and columns, all valid on their own.
    static let changes = """
        set org "城关镇妇联".women = 1
        convert org "东风村妇代会" on 2026-01-05
        create org {name: "新建社区妇联", level: village, unit: community, form: federation, parent: org "城关镇妇联", women: 10}
        create person {name: "测试人", birth_year: 1990, phone: "13900000000", lives_in: org "城关镇妇联"}
        appoint person "测试人" as exec of org "新建社区妇联" from 2026-01-06
        record training {person: person "测试人", date: 2026-01-07, topic: "培训", level: county, hours: 2}
        delete (person #7).trainings
        link org "新建社区妇联".cover to org "城关镇妇联"
        """

    func assertUntouched(_ h: Harness, _ what: String, file: StaticString = #filePath, line: UInt = #line) {
        XCTAssertEqual(h.digest, NoTraceTests.countyDigest, "\(what) changed the network\n\(h.output)", file: file, line: line)
        XCTAssertFalse(h.session.hasUnsavedChanges, "\(what) marked the session changed", file: file, line: line)
    }

    func testTheChangesDoChangeTheNetwork() {
        // Without this, an "untouched" digest below could mean the changes never applied.
        let h = Harness()
        XCTAssertEqual(h.run(NoTraceTests.changes), .ok, h.output)
        XCTAssertNotEqual(h.digest, NoTraceTests.countyDigest)
        XCTAssertTrue(h.session.hasUnsavedChanges)
    }

    func testRuleViolationInAtomicBlock() {
        let h = Harness()
        let status = h.run("atomic {\n\(NoTraceTests.changes)\nappoint person \"测试人\" as chair of org \"新建社区妇联\" from 2026-01-06\nappoint person #7 as chair of org \"新建社区妇联\" from 2026-01-06\n}")
        XCTAssertEqual(status, .runtimeError)
        XCTAssertTrue(h.output.contains("already has a chair in that term"), h.output)
        XCTAssertTrue(h.output.contains("rule: one chair per federation and term"), h.output)
        assertUntouched(h, "a rule violation in an atomic block")
    }

    func testRuntimeErrorInAtomicBlock() {
        let h = Harness()
        XCTAssertEqual(h.run("atomic {\n\(NoTraceTests.changes)\nlet z = 1 / 0\n}"), .runtimeError)
        XCTAssertTrue(h.output.hasPrefix("error: division by zero"), h.output)
        assertUntouched(h, "a runtime error in an atomic block")
    }

    func testInterruptInAtomicBlock() {
        let h = Harness(cancelAfterPolls: 3)
        XCTAssertEqual(h.run("atomic {\n\(NoTraceTests.changes)\nlet n = 0\nwhile true { n = n + 1 }\n}"), .runtimeError)
        XCTAssertTrue(h.output.hasPrefix("error: interrupted"), h.output)
        assertUntouched(h, "an interrupt in an atomic block")
    }

    func testInterruptOfAMutatingLoopOutsideAtomic() {
        // Ctrl-C during one statement that changes the network on every turn: the data must come
        // back intact, as the REPL promises, not with the first few thousand turns applied.
        let h = Harness(cancelAfterPolls: 2)
        XCTAssertEqual(h.run("for i in range(1000000) { set org \"城关镇妇联\".women = i }"), .runtimeError)
        XCTAssertTrue(h.output.hasPrefix("error: interrupted"), h.output)
        assertUntouched(h, "an interrupted loop of mutations")
    }

    func testRuntimeErrorPartWayThroughOneStatement() {
        let h = Harness()
        XCTAssertEqual(h.run("let k = 0\nfor o in orgs | where .level == village | take 10 {\n k = k + 1\n set o.women = int(1 / (5 - k)) + 7\n}"), .runtimeError)
        XCTAssertTrue(h.output.hasPrefix("error: division by zero"), h.output)
        assertUntouched(h, "a statement that failed part-way")
    }

    func testWhatifNeverTouchesTheNetwork() {
        for (body, expected) in [(NoTraceTests.changes, RunStatus.ok), (NoTraceTests.changes + "\nlet z = 1 / 0", .runtimeError),
                                 (NoTraceTests.changes + "\nappoint person #7 as chair of org \"城关镇妇联\" from 2000-01-01 to 2099-01-01", .runtimeError)] {
            let h = Harness()
            XCTAssertEqual(h.run("whatif {\n\(body)\n} compare org \"城关镇妇联\".women"), expected, h.output)
            assertUntouched(h, "a whatif")
        }
        let h = Harness()
        XCTAssertEqual(h.run("whatif {\n\(NoTraceTests.changes)\n} compare org \"城关镇妇联\".women"), .ok)
        XCTAssertTrue(h.output.contains("1"), "the fork saw its own change:\n\(h.output)")
    }

    func testInterruptInWhatif() {
        let h = Harness(cancelAfterPolls: 3)
        XCTAssertEqual(h.run("whatif {\n\(NoTraceTests.changes)\nlet n = 0\nwhile true { n = n + 1 }\n} compare 0"), .runtimeError)
        XCTAssertTrue(h.output.hasPrefix("error: interrupted"), h.output)
        assertUntouched(h, "an interrupt in a whatif")
    }

    func testFailedScriptLeavesNoTrace() {
        // A run that stops with an error leaves the network as it was before the run, the
        // statements before the error included (issue 7: "script runs leave the network exactly
        // as it was"); what it printed stays printed.
        let h = Harness()
        XCTAssertEqual(h.run("set org \"城关镇妇联\".women = 7\natomic {\n\(NoTraceTests.changes)\nerror(\"stop\")\n}\nset org \"城关镇妇联\".women = 8"), .runtimeError)
        XCTAssertTrue(h.output.hasPrefix("error: stop"), h.output)
        assertUntouched(h, "a failed script")
    }

    /// A sort must poll for Ctrl-C while it compares, not only while it computes its keys: with
    /// 200,000 items the key pass polls 48 times; cancelling at the 100th poll must land in the
    /// sort (about 3.5 million comparisons), so the statement ends "interrupted", not with a count.
    func testSortPollsForCancellation() {
        let h = Harness()
        XCTAssertEqual(h.run("let l = range(200000)"), .ok)
        let startPolls = h.polls
        h.session.options.isCancelled = { [unowned h] in
            h.polls += 1
            return h.polls - startPolls >= 100
        }
        XCTAssertEqual(h.run("l | sort (it * 7919) % 1000003 | count"), .runtimeError, h.output)
        XCTAssertTrue(h.output.hasPrefix("error: interrupted"), h.output)
    }
}
