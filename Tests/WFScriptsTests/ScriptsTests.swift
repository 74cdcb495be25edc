import Foundation
import WFTestSupport
import XCTest
import WFSnapshot
import WFStore

/// Every script of `scripts/`: its --help, a run on the demo with its defaults, and its figures
/// on the hand-built fixture (expected values derived by hand from Fixture.swift's picture).
final class ScriptsTests: XCTestCase {
    static let names = ["term-rollover", "rotation-schedule", "commendation-shortlist", "adjustment-list", "training-gaps",
                        "coverage-report", "whatif-coverage", "health-check", "disclosure-board", "funding-allocation", "election-sizing", "org-tree"]

    func testEveryScriptDeclaresItsParametersForHelp() throws {
        for name in Self.names {
            let out = try ScriptTesting.script(name, ["--help"], snapshot: nil)
            XCTAssertEqual(out.status, 0, name + ": " + out.stderr)
            let source = try String(contentsOfFile: ScriptTesting.root + "/scripts/" + name + ".wf", encoding: .utf8)
            XCTAssertTrue(source.hasPrefix("#!/usr/bin/env wf\n# "), name)
            // The leading comment's first line is the help's first line.
            let firstComment = source.split(separator: "\n")[1].dropFirst(2)
            XCTAssertTrue(out.stdout.hasPrefix(String(firstComment)), name + ": " + out.stdout)
            XCTAssertTrue(out.stdout.contains("--org <org>"), name)
            XCTAssertTrue(out.stdout.contains("(default: "), name)
        }
    }

    func testEveryScriptRunsOnTheDemoWithItsDefaults() throws {
        for name in Self.names {
            let out = try ScriptTesting.script(name, [], snapshot: nil)
            XCTAssertEqual(out.status, 0, name + ": " + out.stderr)
            XCTAssertGreaterThan(ScriptTesting.unixLines(out.stdout).split(separator: "\n").count, 3, name)
        }
    }

    func testWhatIfOnTheDemoConvertsTheTwoCongresses() throws {
        let out = try ScriptTesting.script("whatif-coverage", ["--org", "城关镇妇联"], snapshot: nil)
        XCTAssertEqual(out.status, 0, out.stderr)
        let lines = ScriptTesting.unixLines(out.stdout)
        // The changes file converts 东风村妇代会 and 三山港村妇代会: each goes from 0 to 1.
        XCTAssertTrue(lines.contains("东风村妇代会,conversion,0,1,1,+100 pp\n"), lines)
        XCTAssertTrue(lines.contains("三山港村妇代会,conversion,0,1,1,+100 pp\n"), lines)
    }

    func testWhatIfFromAFileOfChangesLeavesTheBaseUntouched() throws {
        let path = try fixture(dirty: true)
        let dir = (path as NSString).deletingLastPathComponent
        let after = dir + "/after-whatif.wfs"
        // A user's own file of proposed changes, run as a script: convert the congress, and an
        // exec steps down; then save, which must write the network as it was.
        let changes = dir + "/my-changes.wf"
        try """
        use coverage
        fn proposed_changes() {
            convert org "二村妇代会" on 2026-05-01
            end (person "一村执委二").positions | first on 2026-05-01
        }
        compare_coverage(org "甲镇妇联", 2026-06-01, proposed_changes)
        save "\(after)"
        """.write(toFile: changes, atomically: true, encoding: .utf8)
        let run = try WFProcess.run([changes, "--snapshot", path, "--format", "csv"], environment: ScriptTesting.environment)
        XCTAssertEqual(run.status, 0, run.stderr)
        let rows = ScriptTesting.table(ScriptTesting.unixLines(run.stdout), header: "area,measure")
        func row(_ area: String, _ measure: String) -> [String]? {
            rows.first { $0["area"] == area && $0["measure"] == measure }.map { [$0["before"] ?? "", $0["after"] ?? "", $0["delta"] ?? ""] }
        }
        // Conversion 1/2 → 2/2. Training 9/10 → 8/8: 二村主任's directorship ends with the
        // conversion, and 一村执委二 (the untrained one) steps down.
        XCTAssertEqual(row("甲镇妇联", "conversion"), ["0.5", "1", "0.5"])
        XCTAssertEqual(row("甲镇妇联", "training"), ["0.9", "1", "0.1"])
        XCTAssertEqual(row("二村妇代会", "conversion"), ["0", "1", "1"])
        let base = Fixture.store(dirty: true).digest()
        XCTAssertEqual(try Snapshot.load(path).digest(), base)
        XCTAssertEqual(try Snapshot.load(after).digest(), base)
    }

    func testRolloverForRealThenPassesTheRulesCheck() throws {
        let path = try fixture(dirty: false)
        let saved = (path as NSString).deletingLastPathComponent + "/after-rollover.wfs"
        let check = "use rules\nhealth_check(org \"测试县妇联\", 2026-07-01, rules_settings) | select .rule, .org"
        // Before: 一村妇联's term ended on 2026-06-30, so on 2026-07-01 it is overdue and has no chair.
        XCTAssertEqual(try ScriptTesting.code(check, snapshot: path), "rule,org\nterm overdue,一村妇联\nno chair,一村妇联\n")

        let run = try ScriptTesting.script("term-rollover", ["--org", "测试县妇联", "--date", "2026-07-01", "--apply", "--save_to", saved], snapshot: path)
        XCTAssertEqual(run.status, 0, run.stderr)
        let plan = ScriptTesting.table(ScriptTesting.unixLines(run.stdout), header: "org,person,role,action")
        // Both holders are carried over; seats due at 600 women: 1 chair, 2 vice chairs, 9 execs.
        XCTAssertEqual(plan.map { [$0["person"] ?? "", $0["role"] ?? "", $0["action"] ?? "", $0["detail"] ?? ""] }, [
            ["一村主席", "chair", "carry over", "2026-07-01 to 2031-06-30"],
            ["一村执委", "exec", "carry over", "2026-07-01 to 2031-06-30"],
            ["", "vice_chair", "empty seats", "2 to elect (sizing rule)"],
            ["", "exec", "empty seats", "8 to elect (sizing rule)"],
        ])
        // After: no finding at all (an empty result prints as `[]`).
        XCTAssertEqual(try ScriptTesting.code(check, snapshot: saved), "[]\n")

        // The saved network, read independently: the village's new term and its two new positions.
        let store = try Snapshot.load(saved)
        let village = (0..<Int32(store.count(.org))).first { store.string(store.cell(Schema.Org.name, $0)) == "一村妇联" } ?? -1
        XCTAssertEqual(store.cell(Schema.Org.termStart, village), Day(iso: "2026-07-01")?.raw)
        XCTAssertEqual(store.cell(Schema.Org.termEnd, village), Day(iso: "2031-06-30")?.raw)
        let newTerm = store.reverse(Schema.Position.org, village).filter { store.cell(Schema.Position.from, $0) == Day(iso: "2026-07-01")?.raw }
        XCTAssertEqual(newTerm.count, 2)
    }

    func testRolloverForRealOnTheDemoCountyLeavesOnlyTheBlockedTermsOverdue() throws {
        let dir = FileManager.default.temporaryDirectory.appendingPathComponent("wf-scripts-demo-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: dir, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: dir) }
        let saved = dir.appendingPathComponent("after.wfs").path
        let run = try ScriptTesting.script("term-rollover", ["--date", "2026-12-31", "--apply", "--save_to", saved], snapshot: nil)
        XCTAssertEqual(run.status, 0, run.stderr)
        let plan = ScriptTesting.table(ScriptTesting.unixLines(run.stdout), header: "org,person,role,action")
        let kept = Set(plan.filter { $0["action"] == "term kept" }.compactMap { $0["org"] })
        let carried = plan.filter { $0["action"] == "carry over" }.count
        XCTAssertGreaterThan(carried, 0)
        // Afterwards the only overdue terms are those the domain would not let the rollover set.
        let check = try ScriptTesting.code("use rules\ncheck_terms(area_set(org \"平安县妇联\"), 2026-12-31) | select .org", snapshot: saved)
        XCTAssertEqual(Set(ScriptTesting.rows(check).dropFirst().map { $0.joined() }), kept)
        // And every holder carried over holds a position from the day after her old term.
        let positions = try ScriptTesting.code("positions | where .from > 2026-06-30 | count", snapshot: saved)
        XCTAssertEqual(positions, "\(carried)\n")
    }

    func testRotationScriptRecordsAFairQuarterlySchedule() throws {
        let path = try fixture(dirty: true)
        let saved = (path as NSString).deletingLastPathComponent + "/after-rotation.wfs"
        let run = try ScriptTesting.script("rotation-schedule", ["--org", "甲镇妇联", "--date", "2026-07-01", "--turns", "2", "--months", "3",
                                                                 "--apply", "--save_to", saved], snapshot: path)
        XCTAssertEqual(run.status, 0, run.stderr)
        // 丁 leaves on 2026-09-30 (skipped); 丙 never served, then 甲执 (1 turn) before 甲副 (2).
        let rows = ScriptTesting.table(ScriptTesting.unixLines(run.stdout), header: "turn,")
        XCTAssertEqual(rows.map { [$0["from"] ?? "", $0["to"] ?? "", $0["person"] ?? ""] },
                       [["2026-07-01", "2026-09-30", "丙"], ["2026-10-01", "2026-12-31", "甲执"]])
        let store = try Snapshot.load(saved)
        XCTAssertEqual(store.count(.turn), 3 + 2)
    }

    func testShortlistScriptRanksAndExplainsAndListsTheIneligible() throws {
        let path = try fixture(dirty: true)
        let args = ["--org", "测试县妇联", "--year", "2026", "--date", "2026-06-01", "--quota", "1"]
        let run = try ScriptTesting.script("commendation-shortlist", args, snapshot: path)
        XCTAssertEqual(run.status, 0, run.stderr)
        // Scores by hand (window 2024–2026): 一村执委 4.9 beats 一村主席 2.6 and 甲主席 2.3.
        XCTAssertEqual(ScriptTesting.unixLines(run.stdout), """
        unit,name,org,role,score,explain
        甲镇妇联,一村执委,一村妇联,exec,4.9,training 1×2 + contacts 1×0.1 + solved 1×0.5 + attendance 1×0.3 + evaluation 2×1

        """)
        let left = try ScriptTesting.script("commendation-shortlist", args + ["--show_ineligible"], snapshot: path)
        XCTAssertEqual(ScriptTesting.unixLines(left.stdout), "name,reason\n甲副,commended in 2025 (三八红旗手)\n甲执,rated incompetent\n")
    }

    func testAdjustmentListNamesTheInactive() throws {
        let path = try fixture(dirty: true)
        let run = try ScriptTesting.script("adjustment-list", ["--org", "测试县妇联", "--date", "2026-06-01"], snapshot: path)
        XCTAssertEqual(run.status, 0, run.stderr)
        let rows = ScriptTesting.table(ScriptTesting.unixLines(run.stdout), header: "org,")
        // No ledger contact and no meeting in the 12 months: 丙, 丁, 一村执委二, 二村主任.
        XCTAssertEqual(Set(rows.map { ($0["person"] ?? "") + "@" + ($0["org"] ?? "") }),
                       ["丙@甲镇妇联", "丁@甲镇妇联", "一村执委二@一村妇联", "二村主任@二村妇代会"])
        XCTAssertTrue(rows.allSatisfy { $0["§"] == "§15" })
    }

    func testTrainingGapsListsTheUntrainedHolder() throws {
        let path = try fixture(dirty: true)
        let run = try ScriptTesting.script("training-gaps", ["--org", "测试县妇联", "--date", "2026-06-01"], snapshot: path)
        XCTAssertEqual(run.status, 0, run.stderr)
        let text = ScriptTesting.unixLines(run.stdout)
        XCTAssertEqual(ScriptTesting.table(text, header: "unit,").first?["untrained"], "1")
        XCTAssertEqual(ScriptTesting.table(text, header: "unit,").first?["holders"], "10")
        // Started 2021-07-01, 1796 days before 2026-06-01.
        XCTAssertEqual(ScriptTesting.table(text, header: "org,person"), [["org": "一村妇联", "person": "一村执委二", "role": "exec", "since": "2021-07-01", "days": "1796"]])
    }

    func testFundingAddsUpToTheBudgetAndWeightsTheGrassroots() throws {
        let path = try fixture(dirty: true)
        let run = try ScriptTesting.script("funding-allocation", ["--org", "甲镇妇联", "--budget", "1001"], snapshot: path)
        XCTAssertEqual(run.status, 0, run.stderr)
        let rows = ScriptTesting.table(ScriptTesting.unixLines(run.stdout), header: "unit,")
        // 一村: 3 village holders × 2 = 6 points; 二村: its director × 2 = 2; 1001 × 6/8 = 750.75 and
        // 250.25; the one yuan left goes to the larger remainder.
        let amounts = Dictionary(uniqueKeysWithValues: rows.map { ($0["unit"] ?? "", $0["amount"] ?? "") })
        XCTAssertEqual(amounts, ["一村妇联": "751", "二村妇代会": "250", "企业妇联": "0", "市场妇联": "0", "合计 total": "1001"])
        XCTAssertEqual(rows.last?["weighted"], "8")
    }

    func testDisclosureBoardExportsAPrintablePageWithoutPersonalData() throws {
        let path = try fixture(dirty: true)
        let page = (path as NSString).deletingLastPathComponent + "/board.html"
        let run = try ScriptTesting.script("disclosure-board", ["--org", "一村妇联", "--date", "2026-06-01", "--out", page], snapshot: path)
        XCTAssertEqual(run.status, 0, run.stderr)
        let rows = ScriptTesting.table(ScriptTesting.unixLines(run.stdout), header: "section,")
        XCTAssertEqual(rows.filter { $0["section"] == "干部 cadres" }.map { $0["item"] ?? "" }, ["主席", "执委", "执委"])
        XCTAssertEqual(rows.filter { $0["section"] == "活动 schedule" }.count, 1)   // the meeting of 2026-05-10
        let html = try String(contentsOfFile: page, encoding: .utf8)
        XCTAssertTrue(html.contains("<html") && html.contains("一村主席"), html)
        XCTAssertFalse(html.contains("1390000"))
    }

    func testCoverageReportWritesMarkdown() throws {
        let path = try fixture(dirty: true)
        let md = (path as NSString).deletingLastPathComponent + "/coverage.md"
        let run = try ScriptTesting.script("coverage-report", ["--org", "甲镇妇联", "--date", "2026-06-01", "--out", md], snapshot: path)
        XCTAssertEqual(run.status, 0, run.stderr)
        let text = try String(contentsOfFile: md, encoding: .utf8)
        XCTAssertTrue(text.contains("| 1 conversion"), text)
        XCTAssertTrue(text.contains("██████████"), text)   // 50 % of a 20-cell bar
    }

    func testElectionSizingWithAScaledRule() throws {
        let path = try fixture(dirty: false)
        let run = try ScriptTesting.script("election-sizing", ["--org", "甲镇妇联", "--date", "2026-06-01", "--exec_scale", "0.5"], snapshot: path)
        XCTAssertEqual(run.status, 0, run.stderr)
        let text = ScriptTesting.unixLines(run.stdout)
        // 甲镇: 20 × 0.5 = 10 execs due, 2 held, and 1 of 3 vice chairs → 10 empty;
        // 一村: 9 × 0.5 = 4.5 → 5 execs due, 1 held, and 0 of 2 vice chairs → 6 empty.
        XCTAssertEqual(ScriptTesting.table(text, header: "org,").map { ($0["org"] ?? "") + " " + ($0["execs"] ?? "") + " " + ($0["empty"] ?? "") },
                       ["甲镇妇联 2/10 10", "一村妇联 1/5 6"])
        XCTAssertTrue(text.hasSuffix("empty seats: 16, beyond the rule: 0\n"), text)
    }

    func testOrgTreeDrawsTheSubtreeAndItsDot() throws {
        let path = try fixture(dirty: false)
        let tree = try ScriptTesting.script("org-tree", ["--org", "一村妇联"], snapshot: path)
        XCTAssertEqual(tree.status, 0, tree.stderr)
        XCTAssertEqual(tree.stdout, "一村妇联\n├── 一村一组妇女小组\n└── 一村二组\n")
        let dot = try ScriptTesting.script("org-tree", ["--org", "一村妇联", "--graphviz"], snapshot: path)
        XCTAssertTrue(dot.stdout.hasPrefix("digraph"), dot.stdout)
        XCTAssertEqual(dot.stdout.components(separatedBy: "->").count - 1, 2)   // two edges
    }

    func testHealthCheckScriptFiltersBySection() throws {
        let path = try fixture(dirty: true)
        let run = try ScriptTesting.script("health-check", ["--org", "测试县妇联", "--date", "2026-06-01", "--rule", "§14"], snapshot: path)
        XCTAssertEqual(run.status, 0, run.stderr)
        let rows = ScriptTesting.table(ScriptTesting.unixLines(run.stdout), header: "§,rule,org")
        XCTAssertEqual(rows.map { $0["person"] ?? "" }, ["一村执委二"])
    }
}
