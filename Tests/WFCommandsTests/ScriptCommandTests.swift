import XCTest
import WFTestSupport

/// Scripts, snippets and standard input, run as a user would.
final class ScriptCommandTests: XCTestCase {
    var dir = ""

    override func setUpWithError() throws {
        dir = NSTemporaryDirectory() + "wf-script-\(UUID().uuidString)/"
        try FileManager.default.createDirectory(atPath: dir, withIntermediateDirectories: true)
    }

    override func tearDownWithError() throws { try? FileManager.default.removeItem(atPath: dir) }

    private func write(_ name: String, _ text: String) -> String {
        FileManager.default.createFile(atPath: dir + name, contents: Data(text.utf8))
        return dir + name
    }

    func testScriptWithParametersHelpAndWfOptionsAfterTheScript() throws {
        let script = write("congresses.wf", """
        #!/usr/bin/env wf
        # Lists the congresses of a township.
        param town: org = "城关镇妇联" "the township federation"
        param min: int = 0 "smallest women population"
        town | children | where .form == congress and .women >= min | select .name, .women
        """)
        let help = try WFProcess.run([script, "--help"])
        XCTAssertEqual(help.status, 0, help.stderr)
        XCTAssertEqual(help.stdout, """
        Lists the congresses of a township.

        USAGE: wf \(script) [--town ORG] [--min INT] [--format table|csv|json|md] [--snapshot FILE]

        PARAMETERS:
          --town <org>  the township federation (default: "城关镇妇联")
          --min <int>   smallest women population (default: 0)

        """)
        let csv = try WFProcess.run([script, "--min", "600", "--format", "csv"])
        XCTAssertEqual(csv.status, 0, csv.stderr)
        XCTAssertEqual(csv.stdout, "name,women\r\n三山港村妇代会,675\r\n")
        let typo = try WFProcess.run([script, "--mni", "3"])
        XCTAssertEqual(typo.status, 2)
        XCTAssertTrue(typo.stderr.contains("unknown parameter --mni"), typo.stderr)
        XCTAssertTrue(typo.stderr.contains("did you mean --min?"), typo.stderr)
        let check = try WFProcess.run(["check", script])
        XCTAssertEqual(check.status, 0, check.stderr)
    }

    func testSnippetAndStandardInputAndExitCodes() throws {
        XCTAssertEqual(try WFProcess.run(["-c", "orgs | where .level == township and .field == regional | count"]).stdout, "6\n")
        XCTAssertEqual(try WFProcess.run(["-"], stdin: "1 + 2\n").stdout, "3\n")
        XCTAssertEqual(try WFProcess.run([], stdin: "\"中文\"\n").stdout, "中文\n")
        let syntax = try WFProcess.run(["-c", "orgs | where"])
        XCTAssertEqual(syntax.status, 2)
        let runtime = try WFProcess.run(["-c", "print 1\nprint 1 / 0"])
        XCTAssertEqual(runtime.status, 1)
        XCTAssertEqual(runtime.stdout, "1\n", "what was printed before the error stays printed")
        let missing = try WFProcess.run([dir + "nope.wf"])
        XCTAssertEqual(missing.status, 2)
        XCTAssertTrue(missing.stderr.hasPrefix("wf: \(dir)nope.wf: cannot read the script: "), missing.stderr)
    }

    func testCtrlCStopsAScriptWithStatus130() throws {
        let p = Process()
        p.executableURL = WFProcess.binary
        p.arguments = ["-c", "let i = 0\nwhile true { i = i + 1 }"]
        let err = Pipe()
        p.standardError = err
        p.standardOutput = FileHandle.nullDevice
        try p.run()
        usleep(700_000)
        kill(p.processIdentifier, SIGINT)
        p.waitUntilExit()
        XCTAssertEqual(p.terminationStatus, 130)
        let text = String(decoding: err.fileHandleForReading.readDataToEndOfFile(), as: UTF8.self)
        XCTAssertTrue(text.hasPrefix("error: interrupted\n"), text)
    }
}
