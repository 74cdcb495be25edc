import XCTest
@testable import WFStore

final class OverlayTests: XCTestCase {
    func testLookupByNameAndReverseEdges() throws {
        let s = Fixture.store()
        let town = try XCTUnwrap(s.rows(.org, named: "城关镇妇联").first)
        XCTAssertEqual(s.reverse(Schema.Org.parent, town).map { s.displayName(.org, $0) }, ["东风村妇联", "西河村妇代会"])
        let wang = try XCTUnwrap(s.rows(.person, named: "王芳").first)
        XCTAssertEqual(s.reverse(Schema.Position.person, wang).count, 2)
        XCTAssertEqual(s.rows(.org, named: "不存在"), [])
    }

    func testForkIsIndependentOfItsBase() throws {
        let base = Fixture.store()
        let digest = base.digest()
        var fork = base
        let west = try XCTUnwrap(fork.rows(.org, named: "西河村妇代会").first)
        fork.setCell(Schema.Org.form, west, 0)
        fork.setCell(Schema.Org.name, west, fork.intern("西河村妇联"))
        XCTAssertEqual(base.cell(Schema.Org.form, west), 1)
        XCTAssertEqual(base.displayName(.org, west), "西河村妇代会")
        XCTAssertEqual(fork.displayName(.org, west), "西河村妇联")
        XCTAssertEqual(fork.rows(.org, named: "西河村妇联"), [west])
        XCTAssertEqual(base.rows(.org, named: "西河村妇联"), [])
        XCTAssertEqual(fork.rows(.org, named: "西河村妇代会"), [], "a renamed row leaves its old name")
        XCTAssertEqual(base.rows(.org, named: "西河村妇代会"), [west])
        let twin = fork.append(.org, Kind.org.fields.map { _ in nullCell })
        fork.setCell(Schema.Org.name, twin, fork.intern("东风村妇联"))
        XCTAssertEqual(fork.rows(.org, named: "东风村妇联").count, 2, "appended rows are found too")
        fork.delete(.org, twin)
        XCTAssertEqual(fork.rows(.org, named: "东风村妇联").count, 1, "deleted rows are not")
        XCTAssertEqual(base.digest(), digest)
        XCTAssertNotEqual(fork.digest(), digest)
        XCTAssertTrue(base.isPristine)
        XCTAssertFalse(fork.isPristine)
    }

    func testReverseEdgesFollowTheOverlay() throws {
        var s = Fixture.store()
        let town = try XCTUnwrap(s.rows(.org, named: "城关镇妇联").first)
        let east = try XCTUnwrap(s.rows(.org, named: "东风村妇联").first)
        let west = try XCTUnwrap(s.rows(.org, named: "西河村妇代会").first)
        // Re-point west under east, append a new child of town, delete east's home.
        s.setCell(Schema.Org.parent, west, east)
        let cells = Kind.org.fields.map { _ in nullCell }
        let new = s.append(.org, cells)
        s.setCell(Schema.Org.parent, new, town)
        XCTAssertEqual(s.reverse(Schema.Org.parent, town), [east, new])
        XCTAssertEqual(s.reverse(Schema.Org.parent, east), [west])
        XCTAssertEqual(s.reverseCount(Schema.Org.parent, town), 2)
        s.setCell(Schema.Org.parent, west, town)
        XCTAssertEqual(s.reverse(Schema.Org.parent, town), [east, west, new])
        XCTAssertEqual(s.reverse(Schema.Org.parent, east), [])
        let home = try XCTUnwrap(s.reverse(Schema.Home.org, east).first)
        s.delete(.home, home)
        XCTAssertEqual(s.reverse(Schema.Home.org, east), [])
        XCTAssertEqual(s.liveCount(.home), 0)
        s.undelete(.home, home)
        XCTAssertEqual(s.reverse(Schema.Home.org, east), [home])
    }

    func testUndoByRestoringACopy() throws {
        var s = Fixture.store()
        let before = s.digest()
        let saved = s
        let wang = try XCTUnwrap(s.rows(.person, named: "王芳").first)
        s.setCell(Schema.Person.birthYear, wang, 1990)
        s.append(.training, [wang, Day(iso: "2026-01-05")?.raw ?? nullCell, s.intern("新训"), 4, 2])
        XCTAssertNotEqual(s.digest(), before)
        s = saved
        XCTAssertEqual(s.digest(), before)
    }

    func testStringPoolInternsOnceAcrossBaseAndOverlay() {
        var s = Fixture.store()
        let id = s.strings.lookup("王芳")
        XCTAssertNotNil(id)
        XCTAssertEqual(s.intern("王芳"), id)
        let n = s.strings.count
        let fresh = s.intern("赵丽")
        XCTAssertEqual(s.strings.count, n + 1)
        XCTAssertEqual(s.intern("赵丽"), fresh)
        XCTAssertEqual(s.string(fresh), "赵丽")
    }
}
