import XCTest
import WFTestSupport

/// Phone and ID numbers stay masked in every way out of the built `wf`: the output formats,
/// `export` to files, `wf export --csv/--jsonl`, `wf diff`, and error messages, unless
/// `--reveal-personal` is given. Each path is checked for absence of the real numbers, and the
/// reveal paths for their presence (so that the absence checks can fail).
final class PersonalDataTests: XCTestCase {
    var dir = ""
    /// The first three people's phone and ID numbers in the demo county, read with reveal.
    var secrets: [String] = []

    override func setUpWithError() throws {
        dir = NSTemporaryDirectory() + "wf-personal-\(UUID().uuidString)/"
        try FileManager.default.createDirectory(atPath: dir, withIntermediateDirectories: true)
        let r = try WFProcess.run(["--reveal-personal", "--format", "csv", "-c", "people | take 3 | select .phone, .id_number"])
        XCTAssertEqual(r.status, 0, r.stderr)
        // CSV lines end in CR LF, one Character in Swift: split on scalars.
        let lines = r.stdout.replacingOccurrences(of: "\r\n", with: "\n").split(separator: "\n")
        secrets = lines.dropFirst().flatMap { $0.split(separator: ",").map(String.init) }
        XCTAssertEqual(secrets.count, 6, r.stdout)
        XCTAssertTrue(secrets.allSatisfy { $0.count == 11 || $0.count == 18 }, "\(secrets)")
    }

    override func tearDownWithError() throws { try? FileManager.default.removeItem(atPath: dir) }

    func assertMasked(_ text: String, _ path: String, file: StaticString = #filePath, line: UInt = #line) {
        for s in secrets where text.contains(s) {
            XCTFail("\(path): \(s) printed unmasked:\n\(text.prefix(600))", file: file, line: line)
        }
    }

    func assertRevealed(_ text: String, _ path: String, file: StaticString = #filePath, line: UInt = #line) {
        XCTAssertTrue(secrets.allSatisfy { text.contains($0) }, "\(path): not revealed:\n\(text.prefix(600))", file: file, line: line)
    }

    func testEveryOutputFormat() throws {
        for format in ["table", "csv", "json", "md"] {
            let r = try WFProcess.run(["--format", format, "-c", "people | take 3 | select .name, .phone, .id_number\npeople | take 3"])
            XCTAssertEqual(r.status, 0, r.stderr)
            XCTAssertTrue(r.stdout.contains("****"), "\(format): no masked number shown:\n\(r.stdout)")
            assertMasked(r.stdout, "--format \(format)")
            let revealed = try WFProcess.run(["--format", format, "--reveal-personal", "-c", "people | take 3 | select .name, .phone, .id_number"])
            assertRevealed(revealed.stdout, "--format \(format) --reveal-personal")
        }
    }

    func testPrintShowAndCards() throws {
        let code = """
            person #0
            print (person #0).phone, (person #0).id_number
            show (person #1).phone
            print {p: (person #2).phone, l: [(person #2).id_number, (person #1).id_number]}
            people | take 3 | map .phone
            people | take 3 | group by .phone { n: count() }
            """
        let r = try WFProcess.run(["-c", code])
        XCTAssertEqual(r.status, 0, r.stderr)
        assertMasked(r.stdout, "print, show and cards")
        let revealed = try WFProcess.run(["--reveal-personal", "-c", code])
        assertRevealed(revealed.stdout, "print, show and cards, revealed")
    }

    /// Turning a number into text (`+`, `str`, `join`) masks it even under --reveal-personal:
    /// the text no longer knows it was personal, so it is masked where it is made; `reveal()`
    /// is the explicit way.
    func testConversionsToTextMaskAlways() throws {
        let code = """
            print "tel: " + (person #0).phone + " " + (person #1).phone + " " + (person #2).phone
            print str((person #0).id_number), join([(person #1).id_number, (person #2).id_number], ";")
            """
        for flags in [[], ["--reveal-personal"]] {
            let r = try WFProcess.run(flags + ["-c", code])
            XCTAssertEqual(r.status, 0, r.stderr)
            assertMasked(r.stdout, "conversions to text \(flags)")
        }
        let revealed = try WFProcess.run(["-c", "print str(reveal((person #0).phone))"])
        XCTAssertEqual(revealed.stdout, secrets[0] + "\n")
    }

    func testExportToFiles() throws {
        for ext in ["csv", "json", "jsonl", "md", "html", "txt"] {
            let path = dir + "people.\(ext)"
            let code = "export people | take 3 | select .name, .phone, .id_number to \"\(path)\""
            XCTAssertEqual(try WFProcess.run(["-c", code]).status, 0)
            let text = try String(contentsOfFile: path, encoding: .utf8)
            XCTAssertTrue(text.contains("****"), "\(ext): \(text.prefix(300))")
            assertMasked(text, "export to .\(ext)")
            XCTAssertEqual(try WFProcess.run(["--reveal-personal", "-c", code]).status, 0)
            assertRevealed(try String(contentsOfFile: path, encoding: .utf8), "export to .\(ext), revealed")
        }
    }

    func testWfExportCommand() throws {
        for (option, ext) in [("--csv", "csv"), ("--jsonl", "jsonl")] {
            let out = dir + ext
            let r = try WFProcess.run(["export", option, out])
            XCTAssertEqual(r.status, 0, r.stderr)
            var all = ""
            for kind in ["people", "contacts"] { all += try String(contentsOfFile: "\(out)/\(kind).\(ext)", encoding: .utf8) }
            assertMasked(all, "wf export \(option)")
            let revealedDir = dir + ext + "-revealed"
            XCTAssertEqual(try WFProcess.run(["export", option, revealedDir, "--reveal-personal"]).status, 0)
            assertRevealed(try String(contentsOfFile: "\(revealedDir)/people.\(ext)", encoding: .utf8), "wf export \(option) --reveal-personal")
        }
    }

    func testErrorMessages() throws {
        let failing = [
            "int((person #0).phone)",
            "error((person #0).id_number)",
            "(person #0).phone / 2",
            "date((person #1).phone)",
            "(person #2).id_number - 1",
            "decimal((person #0).phone)",
            "[(person #0).phone] | sum",
            "abs((person #1).id_number)",
            "contains((person #0).phone, \"1\")",
            "round((person #2).phone)",
        ]
        for code in failing {
            let r = try WFProcess.run(["-c", code])
            XCTAssertNotEqual(r.status, 0, "\(code) should fail")
            XCTAssertTrue(r.stderr.hasPrefix("error: "), "\(code): \(r.stderr)")
            assertMasked(r.stderr + r.stdout, "error from \(code)")
        }
    }

    func testDiff() throws {
        let a = dir + "a.wfs", b = dir + "b.wfs"
        XCTAssertEqual(try WFProcess.run(["gen", "--scale", "village", "--seed", "1", "-o", a]).status, 0)
        let reveal = try WFProcess.run(["--snapshot", a, "--reveal-personal", "--format", "csv", "-c", "(person #0).phone"])
        let old = reveal.stdout.split(whereSeparator: \.isNewline).last.map(String.init) ?? ""
        XCTAssertEqual(old.count, 11, reveal.stdout + reveal.stderr)
        let change = try WFProcess.run(["--snapshot", a, "-c", "set person #0.phone = \"13900001111\"\nsave \"\(b)\""])
        XCTAssertEqual(change.status, 0, change.stderr)
        let r = try WFProcess.run(["diff", a, b])
        XCTAssertEqual(r.status, 0, r.stderr)
        XCTAssertTrue(r.stdout.contains("phone \(old.prefix(3))****\(old.suffix(4)) → 139****1111"), r.stdout)
        XCTAssertFalse(r.stdout.contains(old) || r.stdout.contains("13900001111"), r.stdout)
    }

    /// `wf import` quotes the offending line of a bad CSV file in its error; personal columns
    /// of that line must be masked there too.
    func testImportErrorQuotesNoPersonalData() throws {
        let exported = dir + "csv"
        XCTAssertEqual(try WFProcess.run(["export", "--csv", exported, "--reveal-personal"]).status, 0)
        let people = exported + "/people.csv"
        var lines = try String(contentsOfFile: people, encoding: .utf8).replacingOccurrences(of: "\r\n", with: "\n")
            .split(separator: "\n", omittingEmptySubsequences: false).map(String.init)
        XCTAssertGreaterThan(lines.count, 2)
        guard lines.count > 2, !secrets.isEmpty else { return }
        // Row 1 is person #0: make its birth year unreadable, keeping her phone and ID number.
        var cells = lines[1].split(separator: ",", omittingEmptySubsequences: false).map(String.init)
        XCTAssertTrue(cells.contains(secrets[0]), lines[1])
        guard cells.count > 2 else { return XCTFail(lines[1]) }
        cells[2] = "一九八零"
        lines[1] = cells.joined(separator: ",")
        try lines.joined(separator: "\n").write(toFile: people, atomically: true, encoding: .utf8)
        let r = try WFProcess.run(["import", "--csv", exported, "-o", dir + "in.wfs"])
        XCTAssertEqual(r.status, 1, r.stderr)
        XCTAssertTrue(r.stderr.contains("birth_year"), r.stderr)
        assertMasked(r.stderr, "wf import error")
    }
}
