import XCTest
@testable import WFRepl

/// How the loop turns lines into entries: continuation, blank lines, Ctrl-C and the end of input.
final class ReplLoopInputTests: XCTestCase {
    func testUnfinishedStatementReadsContinuationLinesAndRunsAsOneEntry() {
        let engine = FakeEngine()
        let reader = ScriptedReader(lines: ["let a = (1 +", "  2 +", "3)", "a"])
        let transcript = Transcript()
        makeSession(engine, reader, transcript).run()
        XCTAssertEqual(engine.executed, ["let a = (1 +\n  2 +\n3)", "a"])
        XCTAssertEqual(reader.prompts.map(\.prompt), ["wf> ", "...> ", "...> ", "wf> ", "wf> "])
        XCTAssertEqual(reader.prompts.map(\.continuation), [false, true, true, false, false])
        XCTAssertEqual(reader.remembered, ["let a = (1 +\n  2 +\n3)", "a"])
    }

    func testBlankLinesAtThePromptAreSkipped() {
        let engine = FakeEngine()
        let reader = ScriptedReader(lines: ["", "   ", "x", "\t"])
        makeSession(engine, reader, Transcript()).run()
        XCTAssertEqual(engine.executed, ["x"])
        XCTAssertEqual(reader.remembered, ["x"])
    }

    func testCtrlCDuringContinuationDropsTheWholeEntry() {
        let engine = FakeEngine()
        let reader = ScriptedReader([.line("f(1,"), .line("2,"), .interrupted, .line("y")])
        makeSession(engine, reader, Transcript()).run()
        XCTAssertEqual(engine.executed, ["y"])
        XCTAssertEqual(reader.remembered, ["y"])
    }

    func testEndOfInputInsideAnEntryRunsWhatWasTypedSoTheEngineCanReportIt() {
        let engine = FakeEngine()
        let reader = ScriptedReader(lines: ["while true {", "x"])
        makeSession(engine, reader, Transcript()).run()
        XCTAssertEqual(engine.executed, ["while true {\nx"])
    }

    func testInterruptedStatementPrintsInterruptedAndTheSessionGoesOn() {
        let engine = FakeEngine()
        engine.endless = ["while true { }"]
        let reader = ScriptedReader(lines: ["let x = 42", "while true { }", "x"])
        let transcript = Transcript()
        let status = makeSession(engine, reader, transcript).run()
        XCTAssertTrue(engine.sawCancellation)
        XCTAssertEqual(engine.executed, ["let x = 42", "while true { }", "x"])
        XCTAssertEqual(transcript.err, "interrupted\n")
        XCTAssertEqual(status, 0)
        XCTAssertFalse(InterruptSignal.isRequested, "the flag is cleared for the next statement")
    }

    func testInterruptedPipedInputStopsWithStatus130() {
        let engine = FakeEngine()
        engine.endless = ["loop"]
        let reader = ScriptedReader(lines: ["loop", "never"], interactive: false)
        let transcript = Transcript()
        let status = makeSession(engine, reader, transcript).run()
        XCTAssertEqual(status, 130)
        XCTAssertEqual(engine.executed, ["loop"])
        XCTAssertEqual(transcript.err, "interrupted\n")
    }

    func testCtrlCAtThePromptOnAPipeEndsTheSession() {
        let engine = FakeEngine()
        let reader = ScriptedReader([.line("a"), .interrupted, .line("b")], interactive: false)
        XCTAssertEqual(makeSession(engine, reader, Transcript()).run(), 130)
        XCTAssertEqual(engine.executed, ["a"])
    }

    func testBannerOnlyOnATerminal() {
        let terminal = Transcript()
        makeSession(FakeEngine(), ScriptedReader(lines: []), terminal).run()
        XCTAssertEqual(terminal.out, "fake network: 3 orgs\nType :help for help, Ctrl-D to leave.\n")
        let pipe = Transcript()
        makeSession(FakeEngine(), ScriptedReader(lines: [], interactive: false), pipe).run()
        XCTAssertEqual(pipe.out, "")
    }

    func testReaderIsClosedAndGivenTheCompleter() {
        let engine = FakeEngine()
        let reader = ScriptedReader(lines: [])
        makeSession(engine, reader, Transcript()).run()
        XCTAssertTrue(reader.closed)
        XCTAssertEqual(reader.completer?(":sch", 4), [":schema"])
    }

    func testStartupFileRunsBeforeTheFirstPromptAndMayHoldCommands() throws {
        let path = NSTemporaryDirectory() + "wfrc-\(getpid())-\(#line)"
        try "let a = (1 +\n2)\n\n:format csv\r\n".write(toFile: path, atomically: true, encoding: .utf8)
        defer { try? FileManager.default.removeItem(atPath: path) }
        let engine = FakeEngine()
        let reader = ScriptedReader(lines: ["a"])
        makeSession(engine, reader, Transcript(), startupFile: path).run()
        XCTAssertEqual(engine.executed, ["let a = (1 +\n2)", "a"])
        XCTAssertEqual(engine.formats, ["csv"])
        XCTAssertEqual(reader.remembered, ["a"], "start-up entries stay out of the history")
    }

    func testMissingStartupFileIsSilentAndNoRCSkipsIt() {
        let transcript = Transcript()
        let engine = FakeEngine()
        makeSession(engine, ScriptedReader(lines: [], interactive: false), transcript,
                    startupFile: "/nonexistent/wf/rc").run()
        XCTAssertEqual(transcript.err, "")
        XCTAssertNil(ReplOptions(noRC: true, startupFile: "/some/rc").startupFile)
        XCTAssertEqual(ReplOptions(noRC: false, startupFile: "/some/rc").startupFile, "/some/rc")
    }
}
