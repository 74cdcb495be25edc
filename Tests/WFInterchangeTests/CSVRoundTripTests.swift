import XCTest
import WFTestSupport
import WFStore
@testable import WFInterchange

final class CSVRoundTripTests: XCTestCase {
    var dir = ""

    override func setUpWithError() throws {
        dir = NSTemporaryDirectory() + "wf-csv-\(UUID().uuidString)/"
        try FileManager.default.createDirectory(atPath: dir, withIntermediateDirectories: true)
    }

    override func tearDownWithError() throws { try? FileManager.default.removeItem(atPath: dir) }

    private func read(_ path: String) -> [UInt8]? { FileManager.default.contents(atPath: path).map { [UInt8]($0) } }

    private func write(_ name: String, _ text: String) {
        FileManager.default.createFile(atPath: dir + name, contents: Data(text.utf8))
    }

    func testExportThenImportKeepsEverythingWhenRevealed() throws {
        var store = Fixture.store()
        store.delete(.position, 0)  // a gap in the ids must survive
        try CSVExport.export(store, to: dir, reveal: true)
        let result = try CSVImport.run(directory: dir, mode: .stop, readFile: read)
        XCTAssertEqual(result.store.digest(), store.digest())
        XCTAssertEqual(result.store.liveCount(.position), 1)
        XCTAssertEqual(result.store.displayName(.org, 2), "东风村妇联")
    }

    func testExportMasksPersonalDataByDefault() throws {
        try CSVExport.export(Fixture.store(), to: dir)
        let people = String(decoding: read(dir + "people.csv") ?? [], as: UTF8.self)
        XCTAssertEqual(people, "id,name,birth_year,phone,id_number,tags,lives_in\r\n0,王芳,1980,138****5678,110105********1234,group_leader|grid_worker,2\r\n")
        XCTAssertFalse(people.contains("13812345678"))
    }

    func testBadCellIsReportedWithFileLineColumnAndCaret() throws {
        try CSVExport.export(Fixture.store(), to: dir, reveal: true)
        write("people.csv", "id,name,birth_year\n0,王芳,1980\n1,李娜,一九七九\n")
        XCTAssertThrowsError(try CSVImport.run(directory: dir, mode: .stop, readFile: read)) { error in
            XCTAssertEqual("\(error)", """
            error: birth_year: '一九七九' is not a whole number
             --> \(dir)people.csv:3:6
              |
            3 | 1,李娜,一九七九
              |        ^

            """)
        }
    }

    func testUnknownColumnSuggestsTheNearestField() throws {
        try CSVExport.export(Fixture.store(), to: dir, reveal: true)
        write("orgs.csv", "id,name,levle\n0,平安县妇联,county\n")
        XCTAssertThrowsError(try CSVImport.run(directory: dir, mode: .stop, readFile: read)) { error in
            let text = "\(error)"
            XCTAssertTrue(text.hasPrefix("error: unknown column 'levle' for orgs\n --> \(dir)orgs.csv:1:9\n"), text)
            XCTAssertTrue(text.hasSuffix("= help: did you mean 'level'?\n"), text)
        }
    }

    func testSkipModeDropsBadRowsAndRowsThatPointAtThem() throws {
        try CSVExport.export(Fixture.store(), to: dir, reveal: true)
        // Org 1 has a bad level; everything that depends on it must go too.
        write("orgs.csv", "id,name,level,parent\n0,平安县妇联,county,\n1,城关镇妇联,towns,0\n2,东风村妇联,village,1\n")
        let result = try CSVImport.run(directory: dir, mode: .skip, readFile: read)
        XCTAssertEqual(result.store.liveCount(.org), 1)
        XCTAssertEqual(result.store.liveCount(.position), 0)
        XCTAssertEqual(result.store.liveCount(.person), 0, "the person lives in org 2, so she goes too")
        XCTAssertEqual(result.skipped.first?.message, "level: 'towns' is not a level")
        XCTAssertEqual(result.skipped.first?.hint, "did you mean 'township'?")
        XCTAssertEqual(result.skipped.count, 6, "org 1, org 2, the person, her two positions, her training")
    }

    func testQuotedFieldsCRLFAndByteOrderMark() throws {
        try CSVExport.export(Fixture.store(), to: dir, reveal: true)
        write("trainings.csv", "\u{FEFF}id,person,date,topic\r\n0,0,2022-01-05,\"执委培训, 第\"\"一\"\"期\r\n第二行\"\r\n")
        let result = try CSVImport.run(directory: dir, mode: .stop, readFile: read)
        XCTAssertEqual(result.store.text(Schema.Training.topic, 0), "执委培训, 第\"一\"期\r\n第二行")
    }

    func testUnterminatedQuoteAndMissingReference() throws {
        try CSVExport.export(Fixture.store(), to: dir, reveal: true)
        write("trainings.csv", "id,person,topic\n0,0,\"open\n")
        XCTAssertThrowsError(try CSVImport.run(directory: dir, mode: .stop, readFile: read)) { e in
            XCTAssertEqual((e as? ImportError)?.message, "unterminated quoted field")
            XCTAssertEqual((e as? ImportError)?.column, 5)
        }
        write("trainings.csv", "id,person,topic\n0,42,x\n")
        XCTAssertThrowsError(try CSVImport.run(directory: dir, mode: .stop, readFile: read)) { e in
            XCTAssertEqual((e as? ImportError)?.message, "person: no person with id 42")
            XCTAssertEqual((e as? ImportError)?.line, 2)
        }
    }
}
