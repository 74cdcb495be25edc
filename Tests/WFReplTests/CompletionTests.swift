import XCTest
@testable import WFRepl

/// Tab completion: what gets inserted, what gets listed, and who answers for which part of a line.
final class CompletionTests: XCTestCase {
    // MARK: CompletionInsertion

    func testCommonPrefixOfChineseNamesIsInsertedAfterWhatWasTyped() {
        let action = CompletionInsertion.action(typed: "org \"城关", candidates: ["城关镇妇联\"", "城关镇妇代会\""])
        XCTAssertEqual(action, .insert("镇妇"))
    }

    func testSingleCandidateIsCompletedWhole() {
        XCTAssertEqual(CompletionInsertion.action(typed: "people | whe", candidates: ["where"]), .insert("re"))
        XCTAssertEqual(CompletionInsertion.action(typed: "x.", candidates: [".name"]), .insert("name"))
        XCTAssertEqual(CompletionInsertion.action(typed: "x | ", candidates: ["where"]), .insert("where"))
    }

    func testNothingToInsertListsTheCandidates() {
        XCTAssertEqual(CompletionInsertion.action(typed: "co", candidates: ["count", "coverage", "count"]),
                       .list(["count", "coverage"]))
    }

    func testNoCandidateOrACompleteWordDoesNothing() {
        XCTAssertEqual(CompletionInsertion.action(typed: "zz", candidates: []), .nothing)
        XCTAssertEqual(CompletionInsertion.action(typed: "count", candidates: ["count"]), .nothing)
    }

    func testCommonPrefix() {
        XCTAssertEqual(CompletionInsertion.commonPrefix([]), "")
        XCTAssertEqual(CompletionInsertion.commonPrefix(["平安县妇联", "平安镇妇联"]), "平安")
        XCTAssertEqual(CompletionInsertion.commonPrefix(["abc", "xyz"]), "")
        XCTAssertEqual(CompletionInsertion.commonPrefix(["same"]), "same")
    }

    // MARK: ReplCompleter

    func testCommandNamesAreCompletedByTheRepl() {
        let engine = FakeEngine()
        let completer = ReplCompleter(engine: engine, home: nil)
        XCTAssertEqual(completer.candidates(line: ":s", cursor: 2), [":schema", ":save"])
        XCTAssertEqual(completer.candidates(line: "  :ti", cursor: 5), [":time"])
        XCTAssertEqual(completer.candidates(line: ":", cursor: 1), ReplCommand.allSpellings)
        XCTAssertEqual(completer.candidates(line: ":format j", cursor: 9), ["json"])
        XCTAssertEqual(completer.candidates(line: ":help :u", cursor: 8), [":undo"])
        XCTAssertEqual(completer.candidates(line: ":undo x", cursor: 7), [])
        XCTAssertTrue(engine.completionRequests.isEmpty)
    }

    func testLanguageIsCompletedByTheEngineWithACharacterCursor() {
        let engine = FakeEngine()
        engine.completionAnswer = ["城关镇妇联\""]
        let completer = ReplCompleter(engine: engine, home: nil)
        let line = "org \"城关 | count"
        XCTAssertEqual(completer.candidates(line: line, cursor: 7), ["城关镇妇联\""])
        XCTAssertEqual(engine.completionRequests.map(\.line), [line])
        XCTAssertEqual(engine.completionRequests.map(\.cursor), [7])
    }

    func testStatementAfterTimeIsCompletedByTheEngineAsALineOfItsOwn() {
        let engine = FakeEngine()
        engine.completionAnswer = ["while"]
        let completer = ReplCompleter(engine: engine, home: nil)
        XCTAssertEqual(completer.candidates(line: ":time   whi", cursor: 11), ["while"])
        XCTAssertEqual(completer.candidates(line: ":time org \"城关 | count", cursor: 13), ["while"])
        XCTAssertEqual(engine.completionRequests.map(\.line), ["whi", "org \"城关 | count"])
        XCTAssertEqual(engine.completionRequests.map(\.cursor), [3, 7])
    }

    func testCursorBeyondTheLineIsClamped() {
        let engine = FakeEngine()
        let completer = ReplCompleter(engine: engine, home: nil)
        XCTAssertEqual(completer.candidates(line: ":he", cursor: 99), [":help"])
        XCTAssertEqual(completer.candidates(line: ":he", cursor: -4), [])
        XCTAssertEqual(engine.completionRequests.map(\.cursor), [0])
    }

    // MARK: Paths

    private func makeDirectory() throws -> String {
        let directory = NSTemporaryDirectory() + "wf-paths-\(getpid())-\(UUID().uuidString)"
        let manager = FileManager.default
        try manager.createDirectory(atPath: directory + "/县数据", withIntermediateDirectories: true)
        for name in ["a.wfs", "ab.wf", ".hidden", "county.wfs"] {
            XCTAssertTrue(manager.createFile(atPath: directory + "/" + name, contents: Data()))
        }
        addTeardownBlock { try? manager.removeItem(atPath: directory) }
        return directory
    }

    func testPathsCompleteFromTheTypedDirectoryAndMarkDirectories() throws {
        let directory = try makeDirectory()
        XCTAssertEqual(PathCompletion.candidates(for: directory + "/a", home: nil),
                       [directory + "/a.wfs", directory + "/ab.wf"])
        XCTAssertEqual(PathCompletion.candidates(for: directory + "/", home: nil),
                       ["a.wfs", "ab.wf", "county.wfs", "县数据/"].map { directory + "/" + $0 })
        XCTAssertEqual(PathCompletion.candidates(for: directory + "/.h", home: nil), [directory + "/.hidden"])
        XCTAssertEqual(PathCompletion.candidates(for: directory + "/县", home: nil), [directory + "/县数据/"])
        XCTAssertEqual(PathCompletion.candidates(for: directory + "/missing/", home: nil), [])
    }

    func testTildeIsExpandedForListingButKeptInTheCandidates() throws {
        let directory = try makeDirectory()
        XCTAssertEqual(PathCompletion.candidates(for: "~/co", home: directory), ["~/county.wfs"])
        XCTAssertEqual(PathCompletion.expandHome("~", home: "/h"), "/h")
        XCTAssertEqual(PathCompletion.expandHome("~/a", home: "/h"), "/h/a")
        XCTAssertEqual(PathCompletion.expandHome("~bob/a", home: "/h"), "~bob/a")
        XCTAssertEqual(PathCompletion.expandHome("~/a", home: nil), "~/a")
    }

    func testLoadAndSaveCompletePaths() throws {
        let directory = try makeDirectory()
        let completer = ReplCompleter(engine: FakeEngine(), home: directory)
        XCTAssertEqual(completer.candidates(line: ":load ~/cou", cursor: 11), ["~/county.wfs"])
        let line = ":save " + directory + "/ab"
        XCTAssertEqual(completer.candidates(line: line, cursor: line.count), [directory + "/ab.wf"])
        XCTAssertEqual(completer.candidates(line: ":load ~/县", cursor: 9), ["~/县数据/"])
    }

    // MARK: Listing

    func testCandidatesAreListedInColumnsAcrossTheWidth() {
        let listing = CompletionListing.format(["count", "coverage", "children", "cover"], width: 24)
        XCTAssertEqual(listing, "count     coverage\nchildren  cover\n")
        XCTAssertEqual(CompletionListing.format(["a", "b"], width: 1), "a\nb\n")
        XCTAssertEqual(CompletionListing.format([], width: 80), "")
        let many = (0...CompletionListing.maximumShown).map { "n\($0)" }
        XCTAssertEqual(CompletionListing.format(many, width: 80), "(201 candidates: type more of the name)\n")
    }
}
