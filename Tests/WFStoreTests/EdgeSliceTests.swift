import XCTest
@testable import WFStore

/// `Store.edgeSlices` answers only while the reverse index is the whole truth; `reverseRows`
/// must always equal `reverse`.
final class EdgeSliceTests: XCTestCase {
    private func assertRowsAgree(_ s: Store, _ field: FieldID, _ targets: Kind, file: StaticString = #filePath, line: UInt = #line) {
        for t in -1...Int32(s.count(targets) + 1) {
            XCTAssertEqual(Array(s.reverseRows(field, t)), s.reverse(field, t), "target \(t)", file: file, line: line)
            if let slices = s.edgeSlices(field) {
                XCTAssertEqual(Array(slices.rows[slices.positions(of: t)]), s.reverse(field, t), "target \(t)", file: file, line: line)
            }
        }
    }

    func testSlicesWhileCleanAndNotAfterChanges() throws {
        var s = Fixture.store()
        let town = try XCTUnwrap(s.rows(.org, named: "城关镇妇联").first)
        XCTAssertNotNil(s.edgeSlices(Schema.Org.parent))
        XCTAssertNil(s.edgeSlices(Schema.Org.women), "not a reference field")
        assertRowsAgree(s, Schema.Org.parent, .org)
        assertRowsAgree(s, Schema.Position.person, .person)
        XCTAssertEqual(s.reverseRows(Schema.Org.parent, town).count, 2)

        // A re-pointed row: the index no longer holds.
        var moved = s
        let west = try XCTUnwrap(moved.rows(.org, named: "西河村妇代会").first)
        moved.setCell(Schema.Org.parent, west, nullCell)
        XCTAssertNil(moved.edgeSlices(Schema.Org.parent))
        XCTAssertNotNil(moved.edgeSlices(Schema.Position.org), "other fields are unaffected")
        assertRowsAgree(moved, Schema.Org.parent, .org)
        XCTAssertEqual(moved.reverseRows(Schema.Org.parent, town).count, 1)

        // An appended row and a deleted one.
        var cells = Kind.org.fields.map { _ in nullCell }
        cells[Schema.Org.parent.index] = town
        s.append(.org, cells)
        XCTAssertNil(s.edgeSlices(Schema.Org.parent))
        assertRowsAgree(s, Schema.Org.parent, .org)
        XCTAssertEqual(s.reverseRows(Schema.Org.parent, town).count, 3)
        s.delete(.org, west)
        assertRowsAgree(s, Schema.Org.parent, .org)
        XCTAssertEqual(s.reverseRows(Schema.Org.parent, town).count, 2)
    }
}

/// The first look-ups of a reverse edge scan its column (`Store.prefersScan`); later ones use
/// the index built then. Both must give `reverse`'s answer, changes included.
final class ScannedReverseTests: XCTestCase {
    /// Every live row pointing at `t`, by brute force over the current cells.
    private func expected(_ s: Store, _ field: FieldID, _ t: Int32) -> [Int32] {
        (0..<Int32(s.count(field.kind))).filter { s.isLive(field.kind, $0) && s.cell(field, $0) == t }
    }

    func testScansAndTheIndexGiveTheSameRows() throws {
        for changed in [false, true] {
            var s = Fixture.store()
            if changed {
                let town = try XCTUnwrap(s.rows(.org, named: "城关镇妇联").first)
                let west = try XCTUnwrap(s.rows(.org, named: "西河村妇代会").first)
                s.setCell(Schema.Org.parent, west, nullCell)
                var cells = Kind.org.fields.map { _ in nullCell }
                cells[Schema.Org.parent.index] = town
                s.append(.org, cells)
                s.delete(.org, Int32(s.count(.org) - 2))
            }
            let field = Schema.Org.parent
            XCTAssertTrue(s.prefersScan(field))
            var scanned = 0
            for t in -1...Int32(s.count(.org)) {
                if s.prefersScan(field) { scanned += 1 }
                XCTAssertEqual(s.reverse(field, t), expected(s, field, t), "target \(t), changed: \(changed)")
            }
            XCTAssertEqual(scanned, Store.scansBeforeIndex, "then the index is built")
            XCTAssertFalse(s.prefersScan(field))
        }
    }
}
