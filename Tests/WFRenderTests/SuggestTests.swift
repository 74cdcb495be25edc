import XCTest
@testable import WFRender

/// One did-you-mean rule for every layer (`Suggest`): the REPL's commands, the importer's
/// labels and columns, and the language's names use it alike.
final class SuggestTests: XCTestCase {
    func testSmallTyposAndPrefixesOnly() {
        let names = ["help", "schema", "load", "save", "time", "format", "undo", "reset", "quit", "q"]
        XCTAssertEqual(Suggest.nearest("sav", names, limit: 1), ["save"])
        XCTAssertEqual(Suggest.nearest("hlep", names, limit: 1), ["help"])
        XCTAssertEqual(Suggest.nearest("fromat", names, limit: 1), ["format"])
        XCTAssertEqual(Suggest.nearest("shcema", names, limit: 1), ["schema"])
        XCTAssertEqual(Suggest.nearest("xyz", names), [])
        XCTAssertEqual(Suggest.nearest("frobnicate", names), [])
        // Labels and columns of the importer, Chinese names.
        XCTAssertEqual(Suggest.nearest("vilage", ["village", "township", "county"], limit: 1), ["village"])
        XCTAssertEqual(Suggest.nearest("城关乡", ["城关镇", "东风村"], limit: 1), ["城关镇"])
        // A long common start when nothing is within the edit budget.
        XCTAssertEqual(Suggest.nearest("childs", ["children", "parent"]), ["children"])
    }

    func testDistanceCountsASwapAsOneEdit() {
        XCTAssertEqual(Suggest.distance(Array("城关镇"), Array("城关乡"), cap: 5), 1)
        XCTAssertEqual(Suggest.distance(Array(""), Array("abc"), cap: 5), 3)
        XCTAssertEqual(Suggest.distance(Array("ab"), Array("ba"), cap: 5), 1)
        XCTAssertEqual(Suggest.distance(Array("abcdef"), Array("uvwxyz"), cap: 2), 3, "stops past the cap")
    }
}
