import XCTest
import WFStore
@testable import WFGenerator

final class DemoTests: XCTestCase {
    let store = Fixtures.demo

    func testSizeAndShape() {
        XCTAssertEqual(store.meta.name, "平安县 (demo)")
        XCTAssertEqual(store.displayName(.org, 0), "平安县妇联")
        let townships = store.orgs(where: Schema.Org.level, is: "township").filter {
            store.cell(Schema.Org.field, $0) == Vocab.field.code(of: "regional")
        }
        XCTAssertTrue((4...6).contains(townships.count))
        XCTAssertTrue(townships.contains { store.cell(Schema.Org.unit, $0) == Vocab.unit.code(of: "street") })
        XCTAssertTrue((200...400).contains(store.villageBodies.count))
        for kind in Kind.allCases { XCTAssertGreaterThan(store.count(kind), 0, kind.name) }
    }

    /// The names the documentation's examples use are there, once each.
    func testNamedExamplesExist() throws {
        XCTAssertEqual(store.rows(.org, named: "城关镇妇联").count, 1)
        let dongfeng = try XCTUnwrap(store.rows(.org, named: "东风村妇代会").first)
        XCTAssertEqual(store.rows(.org, named: "东风村妇代会").count, 1)
        XCTAssertEqual(store.rows(.org, named: "东风村妇联").count, 0, "still a congress")
        XCTAssertEqual(store.displayName(.org, store.cell(Schema.Org.parent, dongfeng)), "城关镇妇联")
        let wangFang = store.rows(.person, named: "王芳")
        XCTAssertFalse(wangFang.isEmpty)
        let directors = store.positions(of: dongfeng).filter { store.role($0) == Vocab.role.code(of: "director") }
        XCTAssertEqual(directors.map { store.displayName(.person, store.cell(Schema.Position.person, $0)) }, ["王芳"])
    }

    /// Org names are what users type: nearly all unique in the county.
    func testOrgNamesAreMostlyUnique() {
        let names = (0..<Int32(store.count(.org))).map { store.cell(Schema.Org.name, $0) }
        XCTAssertEqual(Set(names).count, names.count)
    }
}
