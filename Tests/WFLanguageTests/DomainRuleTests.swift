import XCTest
import WFStore
@testable import WFDomain

/// One test per rule of `WFDomain`: the violation names the rule and leaves the store unchanged.
final class DomainRuleTests: XCTestCase {
    let domain = Domain(today: Day(iso: "2026-03-01") ?? Day(raw: 0))
    var store = Fixture.store()

    func day(_ s: String) -> Day { Day(iso: s) ?? Day(raw: 0) }
    func org(_ name: String) -> Int32 { store.rows(.org, named: name).first ?? -1 }
    func person(_ name: String) -> Int32 { store.rows(.person, named: name).first ?? -1 }

    /// Runs `change` and asserts it is refused by `rule`, with the store's digest unchanged.
    func assertRefused(_ rule: String, file: StaticString = #filePath, line: UInt = #line,
                       _ change: (inout Store) throws -> Void) {
        let before = store.digest()
        var copy = store
        do {
            try change(&copy)
            XCTFail("expected a violation of '\(rule)'", file: file, line: line)
        } catch let v as RuleViolation {
            XCTAssertEqual(v.rule, rule, v.message, file: file, line: line)
            XCTAssertEqual(copy.digest(), before, "a refused change left a trace", file: file, line: line)
        } catch {
            XCTFail("unexpected \(error)", file: file, line: line)
        }
    }

    func testOneChairPerFederationAndTerm() throws {
        assertRefused("one chair per federation and term") {
            try domain.appoint(&$0, person: person("陈静"), role: "chair", org: org("东风村妇联"), from: day("2026-01-01"), to: nil)
        }
        // A successor may start the day after the predecessor's term ends.
        var s = store
        try domain.appoint(&s, person: person("陈静"), role: "chair", org: org("东风村妇联"), from: day("2026-06-30"), to: day("2031-06-30"))
        XCTAssertEqual(s.liveCount(.position), store.liveCount(.position) + 1)
    }

    func testOneDirectorPerCongress() {
        assertRefused("one director per congress and term") {
            try domain.appoint(&$0, person: person("李娜"), role: "director", org: org("西河村妇代会"), from: day("2026-01-01"), to: nil)
        }
    }

    func testCongressHasADirectorNotAChair() {
        assertRefused("a congress has a director, not a chair") {
            try domain.appoint(&$0, person: person("李娜"), role: "chair", org: org("西河村妇代会"), from: day("2026-01-01"), to: nil)
        }
    }

    func testFederationHasNoDirector() {
        assertRefused("a federation has a chair, vice chairs and execs, not a director") {
            try domain.appoint(&$0, person: person("李娜"), role: "director", org: org("城东社区妇联"), from: day("2026-01-01"), to: nil)
        }
    }

    func testGroupLeaderOnlyInAGroup() {
        assertRefused("a women's group has a group leader") {
            try domain.appoint(&$0, person: person("李娜"), role: "group_leader", org: org("城东社区妇联"), from: day("2026-01-01"), to: nil)
        }
    }

    func testPositionsOnlyInLiveOrganisationsAndForLivePeople() throws {
        let group = org("东风村一组妇女小组")
        var s = store
        try domain.delete(&s, .org, group)
        store = s
        assertRefused("references point at existing records") {
            try domain.appoint(&$0, person: person("李娜"), role: "group_leader", org: group, from: day("2026-01-01"), to: nil)
        }
        assertRefused("references point at existing records") {
            try domain.appoint(&$0, person: 999, role: "exec", org: org("城东社区妇联"), from: day("2026-01-01"), to: nil)
        }
    }

    func testTermEndsAfterItStarts() {
        assertRefused("a term ends after it starts") {
            try domain.appoint(&$0, person: person("李娜"), role: "exec", org: org("城东社区妇联"), from: day("2026-05-01"), to: day("2026-05-01"))
        }
    }

    func testGroupParentIsAVillage() {
        assertRefused("a women's group's parent is a village or community") {
            try domain.create(&$0, .org, [("name", .text("新组")), ("level", .label("group")), ("form", .label("group")),
                                          ("parent", .ref(.org, org("城关镇妇联")))])
        }
    }

    func testParentSitsAboveChild() {
        assertRefused("a parent sits above its child") {
            try domain.set(&$0, .org, org("城关镇妇联"), [("parent", .ref(.org, org("东风村妇联")))])
        }
        assertRefused("a parent sits above its child") {
            try domain.set(&$0, .org, org("城关镇妇联"), [("level", .label("village"))])
        }
    }

    func testNoCycles() throws {
        var s = store
        let a = try domain.create(&s, .org, [("name", .text("甲")), ("form", .label("federation"))])
        let b = try domain.create(&s, .org, [("name", .text("乙")), ("form", .label("federation")), ("parent", .ref(.org, a))])
        store = s
        assertRefused("no cycles in the hierarchy") { try domain.set(&$0, .org, a, [("parent", .ref(.org, b))]) }
        assertRefused("no cycles in the hierarchy") { try domain.set(&$0, .org, a, [("parent", .ref(.org, a))]) }
    }

    func testConvertOnlyACongress() throws {
        assertRefused("only a congress converts to a federation") { try domain.convert(&$0, org: org("东风村妇联"), on: day("2026-01-01")) }
        var s = store
        let west = org("西河村妇代会")
        try domain.convert(&s, org: west, on: day("2026-02-15"))
        XCTAssertEqual(s.cell(Schema.Org.form, west), Vocab.form.code(of: "federation"))
        XCTAssertEqual(s.cell(Schema.Org.converted, west), day("2026-02-15").raw)
        let director = s.reverse(Schema.Position.org, west)[0]
        XCTAssertEqual(s.cell(Schema.Position.to, director), day("2026-02-15").raw)
    }

    func testCoverIsByATownship() {
        assertRefused("horizontal cover is by a township federation") {
            try domain.link(&$0, .org, org("城东社区妇联"), "cover", to: org("东风村妇联"))
        }
    }

    func testDeleteOrgWithChildrenOrHolders() {
        assertRefused("an organisation with children or office-holders stays") { try domain.delete(&$0, .org, org("城关镇妇联")) }
        assertRefused("an organisation with children or office-holders stays") { try domain.delete(&$0, .org, org("南岭村妇联")) }
        assertRefused("a person holding a position stays") { try domain.delete(&$0, .person, person("刘敏")) }
    }

    func testDatesAndNumbersInBounds() {
        assertRefused("dates lie between 1900 and 2100") {
            try domain.appoint(&$0, person: person("李娜"), role: "exec", org: org("城东社区妇联"), from: day("1899-12-31"), to: nil)
        }
        assertRefused("numbers lie in their range") { try domain.set(&$0, .org, org("东风村妇联"), [("women", .int(-5))]) }
        assertRefused("numbers lie in their range") { try domain.set(&$0, .person, person("李娜"), [("birth_year", .int(1850))]) }
    }

    func testEnumerationValuesValid() {
        assertRefused("values come from the field's list") { try domain.set(&$0, .org, org("东风村妇联"), [("form", .label("federal"))]) }
        assertRefused("values come from the field's list") { try domain.set(&$0, .person, person("李娜"), [("tags", .labels(["nobody"]))]) }
    }

    func testTypesAndFields() {
        assertRefused("values have the field's type") { try domain.set(&$0, .org, org("东风村妇联"), [("women", .text("many"))]) }
        assertRefused("values have the field's type") { try domain.set(&$0, .org, org("东风村妇联"), [("parent", .ref(.person, 0))]) }
        assertRefused("fields exist on their kind") { try domain.set(&$0, .org, org("东风村妇联"), [("womens", .int(1))]) }
        assertRefused("organisations, people and homes have a name") { try domain.create(&$0, .person, [("birth_year", .int(1990))]) }
    }

    func testTurnsFromThePresidiumAtTownshipLevel() {
        assertRefused("a rotating chair comes from the presidium") {
            try domain.record(&$0, .turn, [("org", .ref(.org, org("城关镇妇联"))), ("person", .ref(.person, person("刘敏"))),
                                           ("from", .date(day("2025-04-01"))), ("to", .date(day("2025-06-30")))])
        }
        assertRefused("rotating presidia are at township and street level") {
            try domain.record(&$0, .presidium, [("org", .ref(.org, org("东风村妇联"))), ("person", .ref(.person, person("刘敏")))])
        }
    }

    func testOneEvaluationPerYearAndCommendationNamesSomeone() {
        assertRefused("one evaluation per person and year") {
            try domain.record(&$0, .evaluation, [("person", .ref(.person, 0)), ("year", .int(2025)), ("rating", .label("competent"))])
        }
        assertRefused("a commendation names a person or a collective") {
            try domain.record(&$0, .commendation, [("title", .text("三八红旗手")), ("year", .int(2026))])
        }
    }

    func testEndAPosition() throws {
        assertRefused("a position ends on or after its start") { try domain.end(&$0, position: 0, on: day("2020-01-01")) }
        assertRefused("a position ends on or after its start") { try domain.end(&$0, position: 8, on: day("2026-01-01")) }
        var s = store
        try domain.end(&s, position: 0, on: day("2026-02-28"))
        XCTAssertEqual(s.cell(Schema.Position.to, 0), day("2026-02-28").raw)
    }

    func testViolationDescriptionNamesRuleAndSection() {
        let v = RuleViolation(rule: "one chair per federation and term", section: "§4", "东风村妇联 already has a chair")
        XCTAssertEqual(v.description, "东风村妇联 already has a chair (rule: one chair per federation and term, §4)")
    }
}
