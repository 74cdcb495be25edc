import Foundation
import XCTest
import WFStore
import WFSnapshot
@testable import WFLanguage

/// The API the command line and the REPL call: run, check, parameters, undo, cancellation, and
/// the guarantees that failed work leaves no trace.
final class SessionTests: XCTestCase {
    var out = ""

    func session(_ configure: (inout SessionOptions) -> Void = { _ in }) -> Session {
        var options = SessionOptions(output: { [unowned self] in self.out += $0 }, errorOutput: { [unowned self] in self.out += $0 })
        configure(&options)
        return Session(store: Fixture.store(), options: options)
    }

    func testFailedAtomicBlockLeavesNoTrace() {
        let s = session()
        let before = s.store.digest()
        let status = s.run("""
            atomic {
                convert org "西河村妇代会" on 2026-02-01
                appoint person "张秀英" as chair of org "西河村妇代会" from 2026-02-02
                appoint person "李娜" as chair of org "西河村妇代会" from 2026-02-02
            }
            """, file: "a.wf")
        XCTAssertEqual(status, .runtimeError)
        XCTAssertEqual(s.store.digest(), before)
        XCTAssertFalse(s.hasUnsavedChanges)
        out = ""
        XCTAssertEqual(s.run("org \"西河村妇代会\".form", file: "q.wf"), .ok)
        XCTAssertEqual(out, "congress\n")
    }

    func testRuntimeErrorInsideAtomicRollsBack() {
        let s = session()
        let before = s.store.digest()
        XCTAssertEqual(s.run("atomic { set org \"东风村妇联\".women = 1; let x = 1 / 0 }", file: "a.wf"), .runtimeError)
        XCTAssertEqual(s.store.digest(), before)
    }

    func testFailedRunLeavesNoTraceEvenOutsideAtomic() {
        let s = session()
        XCTAssertEqual(s.run("set org \"东风村妇联\".women = 900", file: "1"), .ok)
        let afterFirst = s.store.digest()
        XCTAssertEqual(s.run("set org \"东风村妇联\".women = 950\nprint \"changed\"\nconvert org \"东风村妇联\" on 2026-01-01", file: "2"), .runtimeError)
        XCTAssertTrue(out.hasPrefix("changed\nerror: 东风村妇联 is a federation, not a congress"), out)
        XCTAssertEqual(s.store.digest(), afterFirst)
        XCTAssertTrue(s.undo())
        XCTAssertEqual(s.store.digest(), Fixture.store().digest())
    }

    func testWhatIfLeavesTheStoreUntouched() {
        let s = session()
        let before = s.store.digest()
        XCTAssertEqual(s.run("whatif { convert org \"西河村妇代会\" on 2026-02-01; delete org \"东风村一组妇女小组\" } compare orgs | count", file: "w.wf"), .ok)
        XCTAssertEqual(s.store.digest(), before)
        XCTAssertFalse(s.hasUnsavedChanges)
        // An error inside a what-if leaves the store untouched too.
        XCTAssertEqual(s.run("whatif { convert org \"西河村妇代会\" on 2026-02-01; convert org \"西河村妇代会\" on 2026-02-02 } compare 1", file: "w.wf"), .runtimeError)
        XCTAssertEqual(s.store.digest(), before)
    }

    func testUndoThroughTheAPI() {
        let s = session()
        let d0 = s.store.digest()
        XCTAssertEqual(s.run("set org \"东风村妇联\".women = 900", file: "1"), .ok)
        let d1 = s.store.digest()
        XCTAssertEqual(s.run("let a = 1\nset org \"东风村妇联\".women = 950", file: "2"), .ok)
        XCTAssertTrue(s.hasUnsavedChanges)
        XCTAssertTrue(s.undo())
        XCTAssertEqual(s.store.digest(), d1)
        XCTAssertTrue(s.undo())
        XCTAssertEqual(s.store.digest(), d0)
        XCTAssertFalse(s.undo())
        XCTAssertFalse(s.hasUnsavedChanges)
    }

    func testVariablesPersistAcrossEntriesAndResetClearsThem() {
        let s = session()
        XCTAssertEqual(s.run("let n = 41", file: "1"), .ok)
        XCTAssertEqual(s.run("n + 1", file: "2"), .ok)
        XCTAssertEqual(out, "42\n")
        // A failed entry declares nothing.
        XCTAssertEqual(s.run("let m = 1\nnope", file: "3"), .syntaxError)
        out = ""
        XCTAssertEqual(s.run("m", file: "4"), .syntaxError)
        XCTAssertTrue(out.hasPrefix("error: unknown name 'm'"), out)
        s.reset()
        out = ""
        XCTAssertEqual(s.run("n", file: "5"), .syntaxError)
    }

    func testCheckReportsEveryStaticError() {
        let s = session()
        let errors = s.check("""
            orgs | where .womem > 1
            vilages
            fn f(a) { return a }
            f(1, 2)
            orgs | where .form == congres
            """, file: "c.wf")
        XCTAssertEqual(errors.count, 4)
        XCTAssertTrue(errors[0].hasPrefix("error: unknown field 'womem' of org\n --> c.wf:1:14\n"), errors[0])
        XCTAssertTrue(errors[1].hasPrefix("error: unknown name 'vilages'"), errors[1])
        XCTAssertTrue(errors[2].hasPrefix("error: f takes 1 argument, got 2"), errors[2])
        XCTAssertTrue(errors[3].hasPrefix("error: 'congres' is not a form"), errors[3])
        XCTAssertEqual(s.check("orgs | count", file: "ok.wf"), [])
        XCTAssertEqual(s.check("orgs | where (", file: "bad.wf").count, 1)
    }

    func testParameters() throws {
        let s = session()
        let params = try s.parameters("""
            param org: org = "平安县妇联" "the area"
            param top: int "how many"
            orgs | count
            """, file: "p.wf").get()
        XCTAssertEqual(params, [
            ParameterInfo(name: "org", type: "org", defaultText: "\"平安县妇联\"", doc: "the area"),
            ParameterInfo(name: "top", type: "int", defaultText: nil, doc: "how many"),
        ])
        XCTAssertEqual(s.run("param top: int \"how many\"\ntop", file: "p.wf"), .syntaxError)
        XCTAssertTrue(out.hasPrefix("error: missing parameter --top (int)"), out)
        out = ""
        XCTAssertEqual(s.run("param area: org \"x\"\narea.name", file: "p.wf", arguments: ["area": "城关镇妇联"]), .ok)
        XCTAssertEqual(out, "城关镇妇联\n")
        out = ""
        XCTAssertEqual(s.run("param area: org \"x\"\narea.name", file: "p.wf", arguments: ["area": "城关"]), .syntaxError)
        XCTAssertTrue(out.hasPrefix("error: --area: no org named \"城关\""), out)
    }

    func testNeedsMoreInput() {
        let s = session()
        XCTAssertTrue(s.needsMoreInput("orgs |"))
        XCTAssertTrue(s.needsMoreInput("fn f(a) {"))
        XCTAssertTrue(s.needsMoreInput("[1, 2,"))
        XCTAssertTrue(s.needsMoreInput("let x ="))
        XCTAssertTrue(s.needsMoreInput("if true { 1 } else"))
        XCTAssertFalse(s.needsMoreInput("orgs | count"))
        XCTAssertFalse(s.needsMoreInput("print \"open"))
        XCTAssertFalse(s.needsMoreInput("orgs )"))
    }

    func testCompletions() {
        let s = session()
        _ = s.run("let villages = 1", file: "1")
        XCTAssertEqual(s.completions(for: "org \"城关", cursor: 7), ["城关镇妇联", "城关工业园妇联"])
        XCTAssertEqual(s.completions(for: "orgs | where .wom", cursor: 17), ["women"])
        XCTAssertTrue(s.completions(for: "vil", cursor: 3).contains("villages"))
        XCTAssertTrue(s.completions(for: "wh", cursor: 2).contains("whatif"))
        XCTAssertTrue(s.completions(for: "wh", cursor: 2).contains("where"))
    }

    func testEndlessLoopIsInterruptedAndAtomicRollsBack() {
        var polls = 0
        let s = session { $0.isCancelled = { polls += 1; return polls > 3 } }
        let before = s.store.digest()
        XCTAssertEqual(s.run("atomic { set org \"东风村妇联\".women = 1\n while true { } }", file: "loop.wf"), .runtimeError)
        XCTAssertTrue(out.hasPrefix("error: interrupted"), out)
        XCTAssertEqual(s.store.digest(), before)
    }

    func testDeepRecursionIsAnError() {
        let s = session()
        XCTAssertEqual(s.run("fn f(n) { return f(n + 1) + 1 }\nf(0)", file: "r.wf"), .runtimeError)
        XCTAssertTrue(out.hasPrefix("error: recursion too deep"), out)
    }

    /// Hosts may evaluate on a thread with a small stack (512 KiB is common): deep recursion must
    /// still end in an error there, thanks to the stack budget.
    func testDeepRecursionOnASmallThreadStack() {
        final class Box: @unchecked Sendable { var text = "" }
        let box = Box()
        let done = DispatchSemaphore(value: 0)
        let thread = Thread {
            let s = Session(store: Store(), options: SessionOptions(output: { box.text += $0 }, errorOutput: { box.text += $0 }))
            _ = s.run("fn f(n) { let x = [n, {a: n}]\n return f(n + 1) + 1 }\nf(0)", file: "r.wf")
            done.signal()
        }
        thread.stackSize = 512 << 10
        thread.start()
        done.wait()
        XCTAssertTrue(box.text.hasPrefix("error: recursion too deep"), box.text)
    }

    func testScalarsInJSONFormatAreJSON() {
        let s = session { $0.format = .json }
        XCTAssertEqual(s.run("42\n0.5\n\"妇联\\\"x\\n\"\ntrue\n2026-03-01\n(person #0).phone", file: "j.wf"), .ok)
        XCTAssertEqual(out, "42\n0.5\n\"妇联\\\"x\\n\"\ntrue\n\"2026-03-01\"\n\"138****5678\"\n")
    }

    func testHugeSetsBuildOnlyTheRowsShown() {
        var out = ""
        let s = Session(store: WorkTests.people(200_000), options: SessionOptions(output: { out += $0 }, errorOutput: { out += $0 }, maxTableRows: 4))
        XCTAssertEqual(s.run("people", file: "p.wf"), .ok)
        XCTAssertTrue(out.contains("… 199996 more"), out)
        XCTAssertTrue(out.contains("199999"), out)
        XCTAssertFalse(out.contains("100000"), out)
        XCTAssertLessThan(out.utf8.count, 2_000)
    }

    func testSnapshotRoundTrip() throws {
        let path = NSTemporaryDirectory() + "wf-lang-roundtrip-\(getpid()).wfs"
        defer { try? FileManager.default.removeItem(atPath: path) }
        let s = session()
        let script = """
            convert org "西河村妇代会" on 2026-02-01
            appoint person "张秀英" as chair of org "西河村妇代会" from 2026-02-02
            create org {name: "北街社区妇联", level: village, unit: community, form: federation, parent: org "城关镇妇联"}
            record training {person: person "李娜", date: 2026-02-10, topic: "新任执委培训", hours: 4}
            """
        XCTAssertEqual(s.run(script, file: "m.wf"), .ok, out)
        XCTAssertEqual(s.run("save \"\(path)\"", file: "s.wf"), .ok, out)
        XCTAssertFalse(s.hasUnsavedChanges)
        let query = "orgs | group by .form { n: count() }\n(person \"李娜\").trainings | select .topic\norg \"西河村妇代会\".chair.name"
        out = ""
        XCTAssertEqual(s.run(query, file: "q.wf"), .ok)
        let answer = out
        let reloaded = Session(store: try Snapshot.load(path), options: SessionOptions(output: { [unowned self] in self.out += $0 }, errorOutput: { [unowned self] in self.out += $0 }))
        out = ""
        XCTAssertEqual(reloaded.run(query, file: "q.wf"), .ok)
        XCTAssertEqual(out, answer)
        XCTAssertTrue(answer.contains("张秀英"))
        XCTAssertEqual(reloaded.store.digest(), s.store.digest())
    }

    func testPersonalDataMaskedUnlessRevealed() {
        let masked = session()
        _ = masked.run("person #0 | select .phone\nprint (person #0).phone\nlet x = 1 + (person #0).phone", file: "m.wf")
        XCTAssertFalse(out.contains("13812345678"), out)
        XCTAssertTrue(out.contains("138****5678"))
        out = ""
        let revealed = session { $0.revealPersonal = true }
        _ = revealed.run("print (person #0).phone", file: "m.wf")
        XCTAssertEqual(out, "13812345678\n")
    }

    func testExportWritesFiles() throws {
        let dir = NSTemporaryDirectory() + "wf-lang-export-\(getpid())"
        try FileManager.default.createDirectory(atPath: dir, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(atPath: dir) }
        let s = session()
        XCTAssertEqual(s.run("export people | where .birth_year < 1970 | select .name, .phone to \"\(dir)/old.csv\"", file: "e.wf"), .ok, out)
        let csv = try String(contentsOfFile: dir + "/old.csv", encoding: .utf8)
        XCTAssertTrue(csv.contains("张秀英"))
        XCTAssertTrue(csv.contains("137****1111"))
        XCTAssertEqual(s.run("export 1 to \"\(dir)/x.doc\"", file: "e.wf"), .runtimeError)
    }

    func testColumnFastPathAgreesWithGeneralPath() {
        let s = session()
        let conditions = [".women > 700", ".form == congress", ".level != village", ".converted == null", ".name == \"东风村妇联\"",
                          ".founded <= 2017-06-01", "not (.women >= 800 or .form == congress)", ".name != \"无此名\"",
                          ".women > 600 and .chair != null", ".holders.count == 0 and .level == village and .form == federation"]
        for c in conditions {
            out = ""
            // `orgs` takes the column path; a list of the same nodes takes the general path.
            XCTAssertEqual(s.run("orgs | where \(c) | map .id", file: "f.wf"), .ok)
            let fast = out
            out = ""
            XCTAssertEqual(s.run("orgs | sort .id | where \(c) | map .id", file: "g.wf"), .ok)
            XCTAssertEqual(fast, out, c)
        }
    }
}
