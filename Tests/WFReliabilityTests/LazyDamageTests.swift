import XCTest
import WFTestSupport
import WFStore
import WFSnapshot
import WFGenerator
import WFLanguage

/// A lazily opened snapshot finds damage only when a question reads the damaged part. From then
/// on the session shows nothing, keeps nothing and saves nothing, and says which file and section.
final class LazyDamageTests: XCTestCase {
    var dir = ""
    var bad = ""

    override func setUpWithError() throws {
        dir = NSTemporaryDirectory() + "wf-lazy-damage-\(UUID().uuidString)/"
        try FileManager.default.createDirectory(atPath: dir, withIntermediateDirectories: true)
        let good = dir + "good.wfs"
        try Snapshot.save(Demo.county(), to: good, savedAt: 0)
        var bytes = try XCTUnwrap(FileManager.default.contents(atPath: good)).map { $0 }
        // The birth-year column, found through the file's directory as `wf info` lists it.
        let at = try XCTUnwrap(LazyDamageTests.sectionOffset("person.birth_year", in: bytes))
        bytes[at + 100] ^= 0x40
        bad = dir + "bad.wfs"
        FileManager.default.createFile(atPath: bad, contents: Data(bytes))
    }

    override func tearDownWithError() throws { try? FileManager.default.removeItem(atPath: dir) }

    /// The payload offset of a section, read from the directory (docs/snapshot-format.md).
    static func sectionOffset(_ name: String, in bytes: [UInt8]) -> Int? {
        func u64(_ at: Int) -> Int { (0..<8).reduce(0) { $0 | Int(bytes[at + $1]) << (8 * $1) } }
        let count = (0..<4).reduce(0) { $0 | Int(bytes[16 + $1]) << (8 * $1) }
        for i in 0..<count {
            let entry = 64 + 64 * i
            let raw = bytes[entry..<(entry + 32)].prefix { $0 != 0 }
            if String(decoding: raw, as: UTF8.self) == name { return u64(entry + 40) }
        }
        return nil
    }

    func testTheFirstQuestionReadingTheDamageFailsAndEveryLaterOneToo() throws {
        let store = try Snapshot.open(bad)
        var output = "", errors = ""
        var options = SessionOptions(stdlibPaths: [])
        options.output = { output += $0 }
        options.errorOutput = { errors += $0 }
        options.saveHandler = { s, path in try Snapshot.save(s, to: path) }
        let session = Session(store: store, options: options)

        XCTAssertEqual(session.run("orgs | count", file: "t.wf"), .ok)
        XCTAssertEqual(output, "\(Demo.county().liveCount(.org))\n")

        output = ""
        XCTAssertEqual(session.run("set org #1.women = 5\npeople | where .birth_year >= 1970 | count", file: "t.wf"), .runtimeError)
        XCTAssertEqual(output, "", "nothing computed from damaged cells is shown")
        XCTAssertTrue(errors.contains("the snapshot is damaged: \(bad): corrupt snapshot: checksum mismatch in section 'person.birth_year'"), errors)
        XCTAssertTrue(errors.contains("wf info FILE"), errors)
        XCTAssertFalse(session.hasUnsavedChanges, "the run's change was rolled back")

        errors = ""
        XCTAssertEqual(session.run("orgs | count", file: "t.wf"), .runtimeError)
        XCTAssertEqual(output, "")
        XCTAssertTrue(errors.contains("person.birth_year"), errors)

        XCTAssertEqual(session.run("save \"\(dir)copy.wfs\"", file: "t.wf"), .runtimeError)
        XCTAssertFalse(FileManager.default.fileExists(atPath: dir + "copy.wfs"))
    }

    func testTheCommandLineNamesTheFileAndSection() throws {
        let fine = try WFProcess.run(["--snapshot", bad, "-c", "orgs | where .women > 0 | count"])
        XCTAssertEqual(fine.status, 0, fine.stderr)
        let county = Demo.county()
        let withWomen = (0..<Int32(county.count(.org))).filter { county.cell(Schema.Org.women, $0) > 0 }.count
        XCTAssertEqual(fine.stdout, "\(withWomen)\n")

        let damaged = try WFProcess.run(["--snapshot", bad, "-c", "people | where .birth_year >= 1970 | count"])
        XCTAssertEqual(damaged.status, 1)
        XCTAssertEqual(damaged.stdout, "")
        XCTAssertTrue(damaged.stderr.contains("checksum mismatch in section 'person.birth_year'"), damaged.stderr)

        let info = try WFProcess.run(["info", bad])
        XCTAssertNotEqual(info.status, 0)
        XCTAssertTrue(info.stderr.contains("person.birth_year"), info.stderr)
    }
}
