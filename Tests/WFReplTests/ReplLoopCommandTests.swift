import XCTest
@testable import WFRepl

/// The `:commands`: dispatch, arguments, errors with "did you mean", and leaving.
final class ReplLoopCommandTests: XCTestCase {
    private func run(_ lines: [String], engine: FakeEngine = FakeEngine(),
                     clock: @escaping () -> UInt64 = { 0 }) -> (FakeEngine, Transcript, Int32) {
        let transcript = Transcript()
        let status = makeSession(engine, ScriptedReader(lines: lines, interactive: false), transcript, clock: clock).run()
        return (engine, transcript, status)
    }

    func testHelpWithoutTopicListsCommandsThenTheLanguageOverview() {
        let (engine, transcript, _) = run([":help"])
        XCTAssertEqual(engine.helpTopics, [nil])
        XCTAssertEqual(transcript.out, """
            Commands:
              :help [TOPIC]              this list, or help on a statement, operator, kind or function
              :schema [KIND]             the kinds of nodes and edges and their fields
              :load FILE                 load a snapshot (.wfs) or run a script (.wf)
              :save [FILE]               save the data to a snapshot (default: the file it came from)
              :time [on|off|STATEMENT]   switch timing on or off, or time one statement
              :format table|csv|json|md  how results print
              :undo                      undo the last change (repeatable)
              :reset                     discard every unsaved change
              :quit                      leave (:q for short; :quit! leaves without asking about unsaved changes)

            help on everything

            """)
    }

    func testHelpOnATopicAsksTheEngineAndHelpOnACommandAnswersItself() {
        let (engine, transcript, _) = run([":help  where ", ":help :time", ":help :q"])
        XCTAssertEqual(engine.helpTopics, ["where"])
        XCTAssertEqual(transcript.out, "help on where\n"
            + ":time [on|off|STATEMENT]\n  switch timing on or off, or time one statement\n"
            + ":quit\n  leave (:q for short; :quit! leaves without asking about unsaved changes)\n")
    }

    func testSchemaPassesTheKind() {
        let (engine, transcript, _) = run([":schema", ":schema Person"])
        XCTAssertEqual(engine.schemaKinds, [nil, "Person"])
        XCTAssertEqual(transcript.out, "schema of all\nschema of Person\n")
    }

    func testLoadAndSave() {
        let engine = FakeEngine()
        engine.unsaved = true
        let home = String(cString: getenv("HOME"))
        let (_, transcript, _) = run([":load county.wfs", ":load ~/x.wfs", ":save", ":save out 1.wfs"], engine: engine)
        XCTAssertEqual(engine.loaded, ["county.wfs", home + "/x.wfs"])
        XCTAssertEqual(engine.saved, [nil, "out 1.wfs"])
        XCTAssertEqual(transcript.err, "")
    }

    func testLoadErrors() {
        let engine = FakeEngine()
        engine.loadError = FakeError(description: "bad checksum at byte 12")
        let (_, transcript, _) = run([":load", ":load broken.wfs"], engine: engine)
        XCTAssertEqual(transcript.err, "error: usage: :load FILE\nerror: cannot load broken.wfs: bad checksum at byte 12\n")
    }

    func testFormatIsCheckedBeforeTheEngineSeesIt() {
        let (engine, transcript, _) = run([":format csv", ":format jsn", ":format", ":format 表格"])
        XCTAssertEqual(engine.formats, ["csv"])
        XCTAssertEqual(transcript.out, "format csv\n")
        XCTAssertEqual(transcript.err,
            "error: unknown format 'jsn'; did you mean 'json'? (table, csv, json, md)\n"
            + "error: usage: :format table|csv|json|md\n"
            + "error: unknown format '表格' (table, csv, json, md)\n")
    }

    func testUndoIsRepeatableUntilNothingIsLeft() {
        let engine = FakeEngine()
        let (_, transcript, _) = run(["change a", "change b", ":undo", ":undo", ":undo"], engine: engine)
        XCTAssertEqual(transcript.out, "undone\nundone\nnothing to undo\n")
    }

    func testResetDiscardsUnsavedChanges() {
        let engine = FakeEngine()
        let (_, transcript, _) = run([":reset", "change a", ":reset"], engine: engine)
        XCTAssertEqual(engine.resets, 1)
        XCTAssertEqual(transcript.out, "no unsaved changes\nunsaved changes discarded\n")
    }

    func testUnknownCommandSuggestsTheNearestOne() {
        let (engine, transcript, _) = run([":sav x", ":hlep", ":qit", ":frobnicate"])
        XCTAssertEqual(engine.executed, [])
        XCTAssertEqual(transcript.err,
            "error: unknown command ':sav'; did you mean ':save'? (:help lists the commands)\n"
            + "error: unknown command ':hlep'; did you mean ':help'? (:help lists the commands)\n"
            + "error: unknown command ':qit'; did you mean ':quit'? (:help lists the commands)\n"
            + "error: unknown command ':frobnicate' (:help lists the commands)\n")
    }

    func testTimeTogglesAndReportsEveryStatementWhileOn() {
        var ticks: [UInt64] = [0, 1_500_000, 10_000_000, 2_260_000_000]
        let clock: () -> UInt64 = { ticks.isEmpty ? 0 : ticks.removeFirst() }
        let (engine, transcript, _) = run(["a", ":time", "b", "c", ":time", "d"], clock: clock)
        XCTAssertEqual(engine.executed, ["a", "b", "c", "d"])
        // "a" took 1.5 ms but timing was off; "b" took 2.25 s; "c" found the clock at 0 → 0.
        XCTAssertEqual(transcript.out, "timing on\ntime: 2.25 s\ntime: 0.0 ms\ntiming off\n")
    }

    func testTimeOnOffAndTimingOneStatement() {
        var now: UInt64 = 0
        let clock: () -> UInt64 = { now += 1_250_000; return now }
        let (engine, transcript, _) = run([":time on", ":time on", "x", ":time off", "y", ":time f(", "1)"], clock: clock)
        XCTAssertEqual(engine.executed, ["x", "y", "f(\n1)"])
        XCTAssertEqual(transcript.out,
            "timing on\ntiming on\ntime: 1.3 ms\ntiming off\ntime: 1.3 ms\n")
    }

    func testDurationsAreWrittenInMillisecondsOrSeconds() {
        XCTAssertEqual(ReplLoop.describe(nanoseconds: 0), "0.0 ms")
        XCTAssertEqual(ReplLoop.describe(nanoseconds: 49_999), "0.0 ms")
        XCTAssertEqual(ReplLoop.describe(nanoseconds: 12_345_678), "12.3 ms")
        XCTAssertEqual(ReplLoop.describe(nanoseconds: 999_949_999), "999.9 ms")
        XCTAssertEqual(ReplLoop.describe(nanoseconds: 999_950_000), "1.00 s")
        XCTAssertEqual(ReplLoop.describe(nanoseconds: 1_050_000_000), "1.05 s")
        XCTAssertEqual(ReplLoop.describe(nanoseconds: 61_004_999_999), "61.00 s")
    }

    func testLeavingWithUnsavedChangesWarnsOnceThenLeaves() {
        let engine = FakeEngine()
        engine.unsaved = true
        let reader = ScriptedReader([.endOfInput, .endOfInput, .line("never")])
        let transcript = Transcript()
        let status = makeSession(engine, reader, transcript).run()
        XCTAssertEqual(status, 0)
        XCTAssertEqual(engine.executed, [])
        XCTAssertEqual(transcript.err,
            "There are unsaved changes. :save FILE keeps them; Ctrl-D or :quit again leaves without saving.\n")
    }

    func testPipedSessionSaysWhatIsLostAndLeavesAtOnce() {
        let engine = FakeEngine()
        let (_, transcript, status) = run(["change a", ":quit", "never"], engine: engine)
        XCTAssertEqual(status, 0)
        XCTAssertEqual(engine.executed, ["change a"])
        XCTAssertEqual(transcript.err, "Leaving with unsaved changes (not saved).\n")
    }

    func testWarningIsReArmedByOtherInputAndQuitBangLeavesAtOnce() {
        let engine = FakeEngine()
        engine.unsaved = true
        let reader = ScriptedReader([.line(":quit"), .line("x"), .line(":q"), .line(":quit!"), .line("never")])
        let transcript = Transcript()
        makeSession(engine, reader, transcript).run()
        XCTAssertEqual(engine.executed, ["x"])
        XCTAssertEqual(transcript.err.components(separatedBy: "unsaved changes").count - 1, 2)
    }

    func testQuitWithoutUnsavedChangesLeavesAndSaveClearsTheQuestion() {
        let engine = FakeEngine()
        let (_, transcript, status) = run(["change a", ":save", ":q", "never"], engine: engine)
        XCTAssertEqual(status, 0)
        XCTAssertEqual(engine.executed, ["change a"])
        XCTAssertEqual(transcript.err, "")
        let (_, quitArgument, _) = run([":quit now"])
        XCTAssertEqual(quitArgument.err, "error: :quit takes no argument (:quit! leaves without saving)\n")
    }
}
