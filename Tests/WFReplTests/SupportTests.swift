import XCTest
@testable import WFRepl

/// The small parts: history location, colour decisions, command parsing, readers.
final class SupportTests: XCTestCase {
    func testHistoryLocationPrefersWFHistoryThenXDGThenHome() {
        XCTAssertEqual(HistoryLocation.path(environment: ["WF_HISTORY": "/tmp/h", "XDG_STATE_HOME": "/s", "HOME": "/home/u"]), "/tmp/h")
        XCTAssertNil(HistoryLocation.path(environment: ["WF_HISTORY": "", "HOME": "/home/u"]))
        XCTAssertEqual(HistoryLocation.path(environment: ["XDG_STATE_HOME": "/s", "HOME": "/home/u"]), "/s/wf/history")
        XCTAssertEqual(HistoryLocation.path(environment: ["XDG_STATE_HOME": "", "HOME": "/home/u"]), "/home/u/.wf_history")
        XCTAssertNil(HistoryLocation.path(environment: [:]))
    }

    func testHistoryDirectoriesAreCreated() throws {
        let root = NSTemporaryDirectory() + "wf-history-\(getpid())-\(UUID().uuidString)"
        defer { try? FileManager.default.removeItem(atPath: root) }
        HistoryLocation.createParentDirectory(of: root + "/state/wf/history")
        var isDirectory: ObjCBool = false
        XCTAssertTrue(FileManager.default.fileExists(atPath: root + "/state/wf", isDirectory: &isDirectory))
        XCTAssertTrue(isDirectory.boolValue)
        XCTAssertFalse(FileManager.default.fileExists(atPath: root + "/state/wf/history"))
    }

    func testColourOnlyOnATerminalAndNeverWithNoColor() {
        XCTAssertTrue(Terminal.colorEnabled(isTerminal: true, environment: [:]))
        XCTAssertTrue(Terminal.colorEnabled(isTerminal: true, environment: ["NO_COLOR": ""]))
        XCTAssertFalse(Terminal.colorEnabled(isTerminal: true, environment: ["NO_COLOR": "1"]))
        XCTAssertFalse(Terminal.colorEnabled(isTerminal: false, environment: [:]))
        XCTAssertEqual(Style(enabled: false).error("error:"), "error:")
        XCTAssertEqual(Style(enabled: true).error("error:"), "\u{1B}[1;31merror:\u{1B}[0m")
    }

    func testColouredSessionColoursItsMessages() {
        let transcript = Transcript()
        ReplLoop(engine: FakeEngine(), reader: ScriptedReader(lines: [":nope"], interactive: false),
                 options: ReplOptions(noRC: true, color: true), output: transcript.output).run()
        XCTAssertEqual(transcript.err, "\u{1B}[1;31merror:\u{1B}[0m unknown command ':nope' (:help lists the commands)\n")
    }

    func testTableOptionsFitTheScreen() {
        let screen = Terminal.renderOptions(rows: 24, columns: 100, color: true)
        XCTAssertEqual(screen.maxRows, 19)
        XCTAssertEqual(screen.maxWidth, 100)
        XCTAssertTrue(screen.color)
        XCTAssertEqual(Terminal.renderOptions(rows: 8, columns: nil, color: false).maxRows, 10)
        XCTAssertNil(Terminal.renderOptions(rows: nil, columns: nil, color: false).maxRows)
    }

    func testCommandInputSplitsNameAndArgument() {
        XCTAssertEqual(CommandInput("  :load  a b.wfs  ").map { [$0.name, $0.argument] }, ["load", "a b.wfs"])
        XCTAssertEqual(CommandInput(":q").map { [$0.name, $0.argument] }, ["q", ""])
        XCTAssertEqual(CommandInput(":time f(\n1)").map { [$0.name, $0.argument] }, ["time", "f(\n1)"])
        XCTAssertNil(CommandInput("x : y"))
        XCTAssertEqual(ReplCommand(named: "q"), .quit)
        XCTAssertNil(ReplCommand(named: "qq"))
    }

    func testStringReaderGivesLinesWithoutLineEnds() {
        let reader = StringLineReader("a\r\n城关\n\nlast")
        var lines: [LineResult] = []
        for _ in 0..<6 { lines.append(reader.readLine(prompt: "", continuation: false)) }
        XCTAssertEqual(lines, [.line("a"), .line("城关"), .line(""), .line("last"), .endOfInput, .endOfInput])
    }

    func testPlainReaderReadsAPipe() throws {
        var descriptors: [Int32] = [0, 0]
        XCTAssertEqual(pipe(&descriptors), 0)
        let text = "let x = 1\r\n城关镇妇联\n\nno newline"
        let written = text.utf8CString.withUnsafeBufferPointer { write(descriptors[1], $0.baseAddress, $0.count - 1) }
        XCTAssertEqual(written, text.utf8.count)
        close(descriptors[1])
        let stream = try XCTUnwrap(fdopen(descriptors[0], "r"))
        defer { fclose(stream) }
        let reader = PlainLineReader(stream: stream)
        var lines: [LineResult] = []
        for _ in 0..<6 { lines.append(reader.readLine(prompt: "wf> ", continuation: false)) }
        XCTAssertEqual(lines, [.line("let x = 1"), .line("城关镇妇联"), .line(""), .line("no newline"), .endOfInput, .endOfInput])
        XCTAssertFalse(reader.isInteractive)
    }
}
