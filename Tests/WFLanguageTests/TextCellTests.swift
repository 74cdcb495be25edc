import XCTest
import WFStore
import WFGenerator
@testable import WFLanguage

/// Text cells of unchanged columns are decoded from the pool's base (`PoolCache`); renamed rows
/// and strings added since loading must still read through the store.
final class TextCellTests: XCTestCase {
    func testNamesAsTheStoreHasThem() {
        let store = Demo.county()
        let out = runCSV(store, "orgs | map .name", unixLines: true)
        let expected = (0..<Int32(store.count(.org))).filter { store.isLive(.org, $0) }.map { store.displayName(.org, $0) }
        XCTAssertEqual(out.split(separator: "\n").dropFirst().map(String.init), expected)
    }

    func testRenamesAndNewStringsInTheSameRun() {
        let source = """
            let t = orgs | where .level == township | first
            let before = t.name
            set t.name = "新名字镇妇联"
            create org {name: "另一个新村妇代会", level: village, unit: village, form: congress, parent: t}
            print before == t.name, t.name, (t.children | where .name == "另一个新村妇代会" | map .name)
            """
        XCTAssertEqual(runCSV(Demo.county(), source, unixLines: true), "false 新名字镇妇联 [\"另一个新村妇代会\"]\n")
    }
}
