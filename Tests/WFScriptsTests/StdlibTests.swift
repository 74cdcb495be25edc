import Foundation
import WFTestSupport
import XCTest
import WFSnapshot
import WFStore

/// Each stdlib module on the hand-built fixture; the expected figures are derived by hand from
/// the fixture's picture in Fixture.swift (each assertion says how) or computed over the store.
final class StdlibTests: XCTestCase {
    func testBarDrawsEighthsAndPads() throws {
        let path = try fixture(dirty: false)
        let out = try ScriptTesting.code("use common\nprint \"[\" + bar(0.5, 4) + \"]\", \"[\" + bar(1, 2) + \"]\", \"[\" + bar(0.0625, 2) + \"]\", \"[\" + bar(null, 1) + \"]\"", snapshot: path)
        // 0.5 of 4 cells = 2 full blocks + 2 spaces; 1 of 2 = 2 blocks; 0.0625 × 2 × 8 = 1 eighth.
        XCTAssertEqual(out, "[██  ] [██] [▏ ] [ ]\n")
    }

    func testCoverageOfTheDirtyTown() throws {
        let path = try fixture(dirty: true)
        let out = try ScriptTesting.code("use coverage\ncoverage_at(org \"甲镇妇联\", 2026-06-01) | where not starts_with(.area, \" \")", snapshot: path)
        let rows = ScriptTesting.table(out, header: "measure,")
        func nd(_ measure: String) -> String? {
            rows.first { $0["measure"] == measure }.map { ($0["num"] ?? "") + "/" + ($0["den"] ?? "") }
        }
        XCTAssertEqual(nd("1 conversion"), "1/2")              // 一村妇联 of 一村, 二村妇代会
        XCTAssertEqual(nd("2 units with a group"), "1/2")      // 一村一组 has a group, 一村二组 not
        XCTAssertEqual(nd("3 regional cover"), "1/2")          // 企业妇联 covered, 市场妇联 not
        XCTAssertEqual(nd("4 homes: offline"), "2/4")          // 甲镇, 一村 of 甲镇, 一村, 企业, 市场
        XCTAssertEqual(nd("4 homes: online"), "2/4")
        XCTAssertEqual(nd("4 homes: both"), "2/4")
        XCTAssertEqual(nd("5 contact: women reached"), "1/20000")  // one woman in the ledger
        XCTAssertEqual(nd("5 contact: quota met"), "1/1")
        // Holders on 2026-06-01: 甲镇 chair, vice, exec, 一村主席 (exec), 丙, 丁 = 6; 一村 chair, exec,
        // 一村执委二 = 3; 二村主任 = 1 → 10; all trained in term except 一村执委二 → 9.
        XCTAssertEqual(nd("6 training"), "9/10")
        XCTAssertEqual(nd("7 workforce: township per 1000 women"), "6/20000")
        XCTAssertEqual(nd("7 workforce: village per 1000 women"), "4/20000")
        XCTAssertEqual(nd("8 rotation: served a turn"), "2/4")   // 甲副, 甲执 served; 丙, 丁 not
        XCTAssertEqual(rows.first { $0["measure"] == "1 conversion" }?["%"], "50")
    }

    func testConversionAgreesWithTheStoreOnAGeneratedTownship() throws {
        // Independent computation: count village/community bodies and federations in Swift.
        let path = try generated()
        let store = try Snapshot.load(path)
        var bodies = 0, federations = 0
        for row in 0..<Int32(store.count(.org)) where store.cell(Schema.Org.level, row) == Vocab.level.code(of: "village") {
            let unit = store.cell(Schema.Org.unit, row)
            guard unit == Vocab.unit.code(of: "village") || unit == Vocab.unit.code(of: "community") else { continue }
            bodies += 1
            if store.cell(Schema.Org.form, row) == Vocab.form.code(of: "federation") { federations += 1 }
        }
        let root = (0..<Int32(store.count(.org))).first { store.cell(Schema.Org.parent, $0) == nullCell } ?? 0
        let out = try ScriptTesting.code("use coverage\nconversion(area_set(org #\(root)))", snapshot: path)
        let row = ScriptTesting.table(out, header: "measure,").first
        XCTAssertEqual(row?["num"], String(federations))
        XCTAssertEqual(row?["den"], String(bodies))
        XCTAssertGreaterThan(bodies, 0)
    }

    func testTrainingAndUnitsAgreeWithTheStoreOnAGeneratedTownship() throws {
        // Independent computation of measures 2 and 6 over the whole generated network, in Swift.
        let path = try generated()
        let store = try Snapshot.load(path)
        guard let day = Day(iso: "2026-06-30") else { return XCTFail("bad date") }
        let offices = ["chair", "vice_chair", "exec", "director"].compactMap { Vocab.role.code(of: $0) }
        var held = 0, trained = 0
        for p in 0..<Int32(store.count(.position)) where offices.contains(store.cell(Schema.Position.role, p)) {
            let from = store.cell(Schema.Position.from, p), to = store.cell(Schema.Position.to, p)
            guard from != nullCell, from <= day.raw, to == nullCell || to >= day.raw else { continue }
            held += 1
            let person = store.cell(Schema.Position.person, p)
            let dates = store.reverse(Schema.Training.person, person).map { store.cell(Schema.Training.date, $0) }
            if dates.contains(where: { $0 != nullCell && $0 >= from && $0 <= day.raw }) { trained += 1 }
        }
        let small = ["natural_village", "villager_group", "grid", "building"].compactMap { Vocab.unit.code(of: $0) }
        var places = 0, withGroup = 0
        for o in 0..<Int32(store.count(.org)) where store.cell(Schema.Org.level, o) == Vocab.level.code(of: "group") {
            guard small.contains(store.cell(Schema.Org.unit, o)) else { continue }
            places += 1
            if store.cell(Schema.Org.form, o) == Vocab.form.code(of: "group") { withGroup += 1 }
        }
        let roots = (0..<Int32(store.count(.org))).filter { store.cell(Schema.Org.parent, $0) == nullCell }
        XCTAssertEqual(roots.count, 1, "one root expected at township scale")
        let out = try ScriptTesting.code("use coverage\nlet a = area_set(org #\(roots.first ?? 0))\n[training(a, 2026-06-30), units(a)]", snapshot: path)
        let rows = ScriptTesting.table(out, header: "measure,")
        XCTAssertEqual(rows.map { ($0["num"] ?? "") + "/" + ($0["den"] ?? "") }, ["\(trained)/\(held)", "\(withGroup)/\(places)"])
        XCTAssertGreaterThan(held, 0)
        XCTAssertGreaterThan(places, 0)
    }

    func testSizingRuleIsDataAndComparesWithSeatsHeld() throws {
        let path = try fixture(dirty: false)
        let out = try ScriptTesting.code("""
        use sizing
        sizing_compare(org "甲镇妇联", 2026-06-01, sizing_rule) | select .org, .chair, .vice_chairs, .execs, .empty, .over
        let mine = [{level: village, women_up_to: null, chair: 1, vice_chairs: 0, execs: 1}]
        seats_for(org "一村妇联", mine)
        """, snapshot: path)
        let rows = ScriptTesting.table(out, header: "org,")
        // 甲镇 (20000 women ≤ 20000): 1 chair, 3 vice chairs, 20 execs due; held 1, 1, 2 → 2 + 18 empty.
        XCTAssertEqual(rows.first { $0["org"] == "甲镇妇联" }, ["org": "甲镇妇联", "chair": "1/1", "vice_chairs": "1/3", "execs": "2/20", "empty": "20", "over": "0"])
        // 一村 (600 women ≤ 1000): 1, 2, 9 due; held 1, 0, 1 → 2 + 8 empty.
        XCTAssertEqual(rows.first { $0["org"] == "一村妇联" }, ["org": "一村妇联", "chair": "1/1", "vice_chairs": "0/2", "execs": "1/9", "empty": "10", "over": "0"])
        XCTAssertTrue(out.hasSuffix("chair,vice_chairs,execs\n1,0,1\n"), out)
    }

    func testHealthCheckNamesEachDefectAndItsSection() throws {
        let path = try fixture(dirty: true)
        let out = try ScriptTesting.code("use rules\nhealth_check(org \"测试县妇联\", 2026-06-01, rules_settings) | select it[\"§\"], .rule, .org, .person", snapshot: path)
        let found = Set(ScriptTesting.rows(out).dropFirst().map { $0.joined(separator: "|") })
        XCTAssertEqual(found, [
            "§1|still a congress|二村妇代会|",
            "§1|no women's group|一村二组|",
            "§2|not covered|市场妇联|",
            "§10|never served a turn|甲镇妇联|丙",
            "§14|untrained this term|一村妇联|一村执委二",
        ])
    }

    func testHealthCheckOfTheCleanNetworkIsEmpty() throws {
        let path = try fixture(dirty: false)
        let out = try ScriptTesting.code("use rules\nprint len(health_check(org \"测试县妇联\", 2026-06-01, rules_settings))", snapshot: path)
        XCTAssertEqual(out, "0\n")
    }

    func testRotationIsFairSkipsLeaversAndPutsTheUnservedFirst() throws {
        let path = try fixture(dirty: true)
        let out = try ScriptTesting.code("use rotation\nrotation_schedule(org \"甲镇妇联\", 2026-07-01, 5, 1) | select .turn, .person, .served_before", snapshot: path)
        let rows = ScriptTesting.table(out, header: "turn,")
        let people = rows.compactMap { $0["person"] }
        // 丁's position ends 2026-09-30, inside the period: skipped. 丙 never served, 甲执 served 1, 甲副 2.
        XCTAssertEqual(people, ["丙", "甲执", "甲副", "丙", "甲执"])
        var counts: [String: Int] = [:]
        for p in people { counts[p, default: 0] += 1 }
        XCTAssertLessThanOrEqual((counts.values.max() ?? 0) - (counts.values.min() ?? 0), 1)
        XCTAssertFalse(people.contains("丁"))
    }

    func testShortlistEligibilityAndExplainedScore() throws {
        let path = try fixture(dirty: true)
        let out = try ScriptTesting.code("""
        use shortlist
        let a = area_set(org "测试县妇联")
        print ineligible_because(person "甲副", 2026-06-01, a, shortlist_settings)
        print ineligible_because(person "甲执", 2026-06-01, a, shortlist_settings)
        print ineligible_because(person "前任", 2026-06-01, a, shortlist_settings)
        print ineligible_because(person "一村执委", 2026-06-01, a, shortlist_settings)
        print score_of(person "一村执委", 2026, shortlist_settings).explain
        print score_of(person "一村执委", 2026, shortlist_settings).score
        """, snapshot: path)
        XCTAssertEqual(out, """
        commended in 2025 (三八红旗手)
        rated incompetent
        no current position
        null
        training 1×2 + contacts 1×0.1 + solved 1×0.5 + attendance 1×0.3 + evaluation 2×1
        4.9

        """)
    }
}

extension XCTestCase {
    /// A generated township network at a fixed seed, in a temporary folder removed after the test.
    func generated() throws -> String {
        let dir = FileManager.default.temporaryDirectory.appendingPathComponent("wf-scripts-gen-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: dir, withIntermediateDirectories: true)
        addTeardownBlock { try? FileManager.default.removeItem(at: dir) }
        let path = dir.appendingPathComponent("township-7.wfs").path
        let out = try WFProcess.run(["gen", "--scale", "township", "--seed", "7", "-o", path])
        guard out.status == 0 else { throw NSError(domain: "gen", code: Int(out.status), userInfo: [NSLocalizedDescriptionKey: out.stderr]) }
        return path
    }
}
