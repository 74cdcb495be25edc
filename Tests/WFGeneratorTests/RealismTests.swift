import XCTest
import WFStore
@testable import WFGenerator

/// Real bounds from domain.md, checked on one county-scale network.
final class RealismTests: XCTestCase {
    let store = Fixtures.county
    var asOf: Int32 { store.meta.asOf?.raw ?? 0 }
    func code(_ type: EnumType, _ label: String) -> Int32 { type.code(of: label) ?? -1 }

    func testSurnameSharesAndNameLengths() {
        let names = (0..<Int32(store.count(.person))).map { store.displayName(.person, $0) }
        XCTAssertGreaterThan(names.count, 3000)
        let bigFive: Set<Character> = ["王", "李", "张", "刘", "陈"]
        let share = Double(names.filter { $0.first.map(bigFive.contains) ?? false }.count) / Double(names.count)
        XCTAssertEqual(share, 0.308, accuracy: 0.025, "王李张刘陈 together")
        let wang = Double(names.filter { $0.hasPrefix("王") }.count) / Double(names.count)
        XCTAssertEqual(wang, 0.0749, accuracy: 0.015)
        let three = Double(names.filter { $0.count == 3 }.count) / Double(names.count)
        let two = Double(names.filter { $0.count == 2 }.count) / Double(names.count)
        XCTAssertGreaterThan(three, 0.9)
        XCTAssertEqual(two, 0.06, accuracy: 0.02)
    }

    func testConversionRate() {
        let villages = store.villageBodies
        XCTAssertGreaterThan(villages.count, 100)
        let federations = villages.filter { store.cell(Schema.Org.form, $0) == code(Vocab.form, "federation") }
        let rate = Double(federations.count) / Double(villages.count)
        XCTAssertTrue((0.90...0.99).contains(rate), "conversion \(rate)")
        for v in villages {
            let converted = store.cell(Schema.Org.converted, v)
            if federations.contains(v) {
                XCTAssertTrue(converted != nullCell && Day(raw: converted).year >= 2017)
            } else {
                XCTAssertEqual(converted, nullCell)
                XCTAssertEqual(store.count(of: "director", in: v), 1)
                XCTAssertEqual(store.count(of: "chair", in: v), 0)
            }
        }
    }

    func testVillageFederationCommittees() {
        let federations = store.villageBodies.filter { store.cell(Schema.Org.form, $0) == code(Vocab.form, "federation") }
        var vices = 0
        for v in federations {
            XCTAssertEqual(store.count(of: "chair", in: v), 1)
            XCTAssertTrue((1...3).contains(store.count(of: "vice_chair", in: v)))
            XCTAssertTrue((8...15).contains(store.count(of: "exec", in: v)), store.displayName(.org, v))
            vices += store.count(of: "vice_chair", in: v)
        }
        XCTAssertEqual(Double(vices) / Double(federations.count), 2, accuracy: 0.4, "about 2 vice chairs")
    }

    /// §5: every village and community chair sits on her township federation's committee.
    func testEveryVillageChairSitsOnHerTownshipCommittee() {
        let committeeRoles: Set<Int32> = [code(Vocab.role, "chair"), code(Vocab.role, "vice_chair"), code(Vocab.role, "exec")]
        var checked = 0
        for v in store.villageBodies {
            let township = store.cell(Schema.Org.parent, v)
            XCTAssertEqual(store.cell(Schema.Org.level, township), code(Vocab.level, "township"))
            for p in store.positions(of: v) where store.role(p) == code(Vocab.role, "chair") {
                let person = store.cell(Schema.Position.person, p)
                let upstairs = store.positionsHeld(by: person).filter {
                    store.cell(Schema.Position.org, $0) == township && committeeRoles.contains(store.role($0))
                }
                XCTAssertEqual(upstairs.count, 1, store.displayName(.person, person))
                checked += 1
            }
        }
        XCTAssertGreaterThan(checked, 100)
    }

    func testTownshipCommittees() {
        let townships = store.orgs(where: Schema.Org.level, is: "township").filter {
            store.cell(Schema.Org.field, $0) == code(Vocab.field, "regional")
        }
        XCTAssertTrue((10...20).contains(townships.count))
        for t in townships {
            XCTAssertEqual(store.count(of: "chair", in: t), 1)
            XCTAssertGreaterThanOrEqual(store.count(of: "vice_chair", in: t), 3)
            XCTAssertTrue((20...35).contains(store.count(of: "exec", in: t)), store.displayName(.org, t))
            let presidium = store.reverse(Schema.Presidium.org, t)
            XCTAssertGreaterThanOrEqual(presidium.count, 5)
            let turns = store.reverse(Schema.Turn.org, t)
            for turn in turns {
                let from = store.cell(Schema.Turn.from, turn), to = store.cell(Schema.Turn.to, turn)
                XCTAssertTrue(store.cell(Schema.Org.termStart, t) < from && from <= asOf && from < to)
            }
            let served = Set(turns.map { store.cell(Schema.Turn.person, $0) })
            let members = Set(presidium.map { store.cell(Schema.Presidium.person, $0) })
            XCTAssertTrue(served.isSubset(of: members))
            XCTAssertFalse(served.isEmpty)
        }
    }

    /// The county committee takes in every township chair, as the township's takes in villages.
    func testCountyCommitteeHoldsEveryTownshipChair() {
        let county: Int32 = 0
        XCTAssertEqual(store.cell(Schema.Org.level, county), code(Vocab.level, "county"))
        let countyExecs = Set(store.positions(of: county).filter { store.role($0) == code(Vocab.role, "exec") }
            .map { store.cell(Schema.Position.person, $0) })
        let townships = store.reverse(Schema.Org.parent, county).filter { store.cell(Schema.Org.level, $0) == code(Vocab.level, "township") }
        XCTAssertFalse(townships.isEmpty)
        for t in townships {
            let chairs = store.positions(of: t).filter { store.role($0) == code(Vocab.role, "chair") }
            XCTAssertEqual(chairs.count, 1)
            XCTAssertTrue(chairs.allSatisfy { countyExecs.contains(store.cell(Schema.Position.person, $0)) })
        }
    }

    /// Group leaders who are execs carry the group-leader tag (§4 draws execs from them).
    func testGroupLeadersAreTagged() {
        let leaderRole = code(Vocab.role, "group_leader")
        let tag = Int32(1) << code(Vocab.personTag, "group_leader")
        var leaders = 0
        for p in 0..<Int32(store.count(.position)) where store.role(p) == leaderRole {
            let person = store.cell(Schema.Position.person, p)
            let org = store.cell(Schema.Position.org, p)
            if store.cell(Schema.Org.field, org) == code(Vocab.field, "regional") {
                XCTAssertNotEqual(store.cell(Schema.Person.tags, person) & tag, 0)
                leaders += 1
            }
        }
        XCTAssertGreaterThan(leaders, 500)
    }

    func testRegionCodesAreTwelveDigitsAndFollowTheParent() {
        let significant: [String: Int] = ["nation": 0, "province": 2, "city": 4, "county": 6, "township": 9, "village": 12, "group": 12]
        for org in 0..<Int32(store.count(.org)) {
            let region = store.text(Schema.Org.region, org) ?? ""
            XCTAssertEqual(region.utf8.count, 12)
            XCTAssertTrue(region.utf8.allSatisfy { $0 >= UInt8(ascii: "0") && $0 <= UInt8(ascii: "9") }, region)
            let parent = store.cell(Schema.Org.parent, org)
            guard parent != nullCell else { continue }
            let level = Vocab.level.label(store.cell(Schema.Org.level, parent)) ?? ""
            let digits = significant[level] ?? 12
            let parentRegion = store.text(Schema.Org.region, parent) ?? ""
            XCTAssertEqual(region.prefix(digits), parentRegion.prefix(digits), store.displayName(.org, org))
        }
        // The root's ID numbers carry its county code.
        let county = String((store.text(Schema.Org.region, 0) ?? "").prefix(6))
        for person in 0..<Int32(store.count(.person)) {
            let id = store.text(Schema.Person.idNumber, person) ?? ""
            XCTAssertTrue(id.hasPrefix(county))
            XCTAssertTrue(Identity.isValidIDNumber(id))
        }
    }

    func testEveryReferenceExists() {
        for kind in Kind.allCases {
            for (i, field) in kind.fields.enumerated() {
                guard case .ref(let target) = field.type else { continue }
                let limit = store.count(target)
                for row in 0..<Int32(store.count(kind)) {
                    let ref = store.cell(FieldID(kind, i), row)
                    XCTAssertTrue(ref == nullCell || (0..<Int32(limit)).contains(ref), "\(kind.name).\(field.name)")
                }
            }
        }
        for p in 0..<Int32(store.count(.position)) {
            let org = store.cell(Schema.Position.org, p)
            XCTAssertNotEqual(org, nullCell)
            XCTAssertNotEqual(store.cell(Schema.Position.person, p), nullCell)
            // Five-year terms, held in bodies founded before the term began.
            let from = store.cell(Schema.Position.from, p), to = store.cell(Schema.Position.to, p)
            XCTAssertTrue((1826...1827).contains(to - from))
            XCTAssertLessThanOrEqual(store.cell(Schema.Org.founded, org), from, store.displayName(.org, org))
        }
    }

    /// §14: most office-holders trained at least once this term; the gap is 10–25 %.
    func testTrainingGap() {
        let roles: Set<Int32> = [code(Vocab.role, "chair"), code(Vocab.role, "vice_chair"), code(Vocab.role, "exec")]
        var termStart: [Int32: Int32] = [:]
        for p in 0..<Int32(store.count(.position)) where roles.contains(store.role(p)) {
            let from = store.cell(Schema.Position.from, p), to = store.cell(Schema.Position.to, p)
            guard from <= asOf, asOf < to else { continue }
            let person = store.cell(Schema.Position.person, p)
            termStart[person] = min(termStart[person] ?? .max, from)
        }
        XCTAssertGreaterThan(termStart.count, 3000)
        let untrained = termStart.filter { person, from in
            !store.reverse(Schema.Training.person, person).contains {
                let d = store.cell(Schema.Training.date, $0)
                return d >= from && d <= asOf
            }
        }
        let gap = Double(untrained.count) / Double(termStart.count)
        XCTAssertTrue((0.10...0.25).contains(gap), "training gap \(gap)")
    }

    /// §11: execs keep ledgers of 6–24 contacts a year (a few fall behind).
    func testLedgerEntriesPerExecPerYear() {
        let assigned = Set((0..<Int32(store.count(.assignment))).map { store.cell(Schema.Assignment.person, $0) })
        XCTAssertGreaterThan(assigned.count, 2000)
        var perExec: [Int] = []
        for person in assigned.sorted() {
            let entries = store.reverse(Schema.Ledger.person, person).filter { store.cell(Schema.Ledger.date, $0) > asOf - 365 }
            perExec.append(entries.count)
        }
        let mean = Double(perExec.reduce(0, +)) / Double(perExec.count)
        XCTAssertTrue((6...24).contains(mean), "mean \(mean)")
        let inBounds = Double(perExec.filter { (6...24).contains($0) }.count) / Double(perExec.count)
        XCTAssertGreaterThan(inBounds, 0.85)
        // Every entry's contact lives in the area of the entry.
        for entry in 0..<Int32(store.count(.ledger)) {
            let contact = store.cell(Schema.Ledger.contact, entry)
            XCTAssertEqual(store.cell(Schema.Contact.org, contact), store.cell(Schema.Ledger.org, entry))
        }
    }

    func testMeetingsHomesAndGroups() {
        let federations = store.villageBodies.filter { store.cell(Schema.Org.form, $0) == code(Vocab.form, "federation") }
        let recent = asOf - 183
        let quiet = federations.filter { v in
            !store.reverse(Schema.Meeting.org, v).contains {
                store.cell(Schema.Meeting.date, $0) > recent && store.cell(Schema.Meeting.kind, $0) == code(Vocab.meetingKind, "exec_meeting")
            }
        }
        let quietShare = Double(quiet.count) / Double(federations.count)
        XCTAssertTrue((0.02...0.25).contains(quietShare), "no meeting in six months: \(quietShare)")

        let homeless = federations.filter { v in
            let types = Set(store.reverse(Schema.Home.org, v).map { store.cell(Schema.Home.type, $0) })
            return !types.contains(code(Vocab.homeType, "offline")) || !types.contains(code(Vocab.homeType, "online"))
        }
        let lacking = Double(homeless.count) / Double(federations.count)
        XCTAssertTrue((0.04...0.15).contains(lacking), "lacking a home: \(lacking)")

        let units = ["natural_village", "villager_group", "grid", "building"].flatMap { store.orgs(where: Schema.Org.unit, is: $0) }
        let withGroup = units.filter { store.cell(Schema.Org.form, $0) == code(Vocab.form, "group") }
        let groupShare = Double(withGroup.count) / Double(units.count)
        XCTAssertTrue((0.5...0.8).contains(groupShare), "groups in smallest units: \(groupShare)")
        for g in withGroup { XCTAssertEqual(store.count(of: "group_leader", in: g), 1) }
    }

    func testEvaluationsAndCommendations() {
        var ratings = [Int](repeating: 0, count: Vocab.rating.labels.count)
        for e in 0..<Int32(store.count(.evaluation)) { ratings[Int(store.cell(Schema.Evaluation.rating, e))] += 1 }
        let total = Double(ratings.reduce(0, +))
        let good = Double(ratings[Int(code(Vocab.rating, "excellent"))] + ratings[Int(code(Vocab.rating, "competent"))]) / total
        XCTAssertGreaterThan(good, 0.85)
        XCTAssertGreaterThan(ratings[Int(code(Vocab.rating, "incompetent"))], 0)
        XCTAssertLessThan(Double(ratings[Int(code(Vocab.rating, "incompetent"))]) / total, 0.03)
        let collectives = (0..<Int32(store.count(.commendation))).filter { store.cell(Schema.Commendation.person, $0) == nullCell }
        XCTAssertFalse(collectives.isEmpty)
        for c in collectives { XCTAssertNotEqual(store.cell(Schema.Commendation.org, c), nullCell) }
    }

    func testEveryKindAndFieldKindIsPresent() {
        for kind in Kind.allCases { XCTAssertGreaterThan(store.count(kind), 0, kind.name) }
        for field in Vocab.field.labels { XCTAssertFalse(store.orgs(where: Schema.Org.field, is: field).isEmpty, field) }
        for unit in ["agency", "enterprise", "institution", "social_org", "fellowship", "online", "grid", "building"] {
            XCTAssertFalse(store.orgs(where: Schema.Org.unit, is: unit).isEmpty, unit)
        }
    }
}
