import Foundation
import XCTest
import WFStore
import WFGenerator
@testable import WFLanguage

/// The five reference questions of issue 3, asked in wf on the demo county (about 2,200 orgs and
/// 3,200 people), each answer checked against the same question computed directly over the store
/// in Swift: an independent computation, not a recorded output.
final class ReferenceQuestionsTests: XCTestCase {
    static let store = Demo.county()
    var store: Store { ReferenceQuestionsTests.store }
    var asOf: Int32 { (store.meta.asOf ?? Day(raw: 0)).raw }

    func wf(_ code: String) -> String {
        var out = ""
        let session = Session(store: store, options: SessionOptions(output: { out += $0 }, errorOutput: { out += $0 }))
        XCTAssertEqual(session.run(code, file: "q.wf"), .ok, out)
        return out
    }

    func code(_ e: EnumType, _ label: String) -> Int32 { e.code(of: label) ?? -1 }
    var orgs: [Int32] { (0..<Int32(store.count(.org))).filter { store.isLive(.org, $0) } }
    var positions: [Int32] { (0..<Int32(store.count(.position))).filter { store.isLive(.position, $0) } }

    func isCurrent(_ p: Int32) -> Bool {
        let from = store.cell(Schema.Position.from, p), to = store.cell(Schema.Position.to, p)
        return (from == nullCell || from <= asOf) && (to == nullCell || to >= asOf)
    }

    /// 1. The unconverted villages per township, top 10.
    func testUnconvertedVillagesPerTownship() {
        let answer = wf("""
            let top = orgs | where .level == village and .form == congress | group by .parent { n: count() } | sort .n desc, .parent | take 10
            for r in top { print r.parent.id, r.n }
            """)
        var counts: [Int32: Int] = [:]
        for o in orgs where store.cell(Schema.Org.level, o) == code(Vocab.level, "village") && store.cell(Schema.Org.form, o) == code(Vocab.form, "congress") {
            counts[store.cell(Schema.Org.parent, o), default: 0] += 1
        }
        let expected = counts.sorted { $0.value != $1.value ? $0.value > $1.value : $0.key < $1.key }.prefix(10)
            .map { "\($0.key) \($0.value)\n" }.joined()
        XCTAssertFalse(counts.isEmpty, "the demo county should have congresses left")
        XCTAssertEqual(answer, expected)
    }

    /// 2. The trained share of current execs per township federation.
    func testTrainedShareOfExecsPerTownship() {
        let answer = wf("""
            let rows = positions | where .role == exec and .current and .org.level == township | group by .org { execs: count(), trained: ratio(.person.trainings.count > 0) }
            for r in rows { print r.org.id, r.execs, round(r.trained, 4) }
            """)
        var order: [Int32] = []
        var execs: [Int32: Int] = [:], trained: [Int32: Int] = [:]
        for p in positions where store.cell(Schema.Position.role, p) == code(Vocab.role, "exec") && isCurrent(p) {
            let o = store.cell(Schema.Position.org, p)
            guard store.cell(Schema.Org.level, o) == code(Vocab.level, "township") else { continue }
            if execs[o] == nil { order.append(o) }
            execs[o, default: 0] += 1
            if store.reverseCount(Schema.Training.person, store.cell(Schema.Position.person, p)) > 0 { trained[o, default: 0] += 1 }
        }
        let expected = order.map { o -> String in
            let share = (Double(trained[o] ?? 0) / Double(execs[o] ?? 1) * 10_000).rounded() / 10_000
            return "\(o) \(execs[o] ?? 0) \(Display.decimal(share))\n"
        }.joined()
        XCTAssertFalse(order.isEmpty)
        XCTAssertEqual(answer, expected)
    }

    /// 3. Everyone holding a position anywhere under the county.
    func testHoldersUnderTheCounty() throws {
        let county = try XCTUnwrap(orgs.first { store.cell(Schema.Org.level, $0) == code(Vocab.level, "county") })
        let answer = wf("(org #\(county)).descendants.positions | where .current | map .person | distinct | count")
        var below = Set<Int32>()
        var queue = [county]
        while let o = queue.popLast() {
            for c in store.reverse(Schema.Org.parent, o) where below.insert(c).inserted { queue.append(c) }
        }
        let people = Set(positions.filter { below.contains(store.cell(Schema.Position.org, $0)) && isCurrent($0) }
            .map { store.cell(Schema.Position.person, $0) })
        XCTAssertGreaterThan(people.count, 100)
        XCTAssertEqual(answer, "\(people.count)\n")
    }

    /// 4. Ledger coverage (distinct women reached / women) per village, the 20 lowest.
    func testLedgerCoverageLowest() {
        let answer = wf("""
            let rows = orgs | where .level == village and .women > 0 | select .id, coverage: .ledger.contact.count / .women | sort .coverage, .id | take 20
            for r in rows { print r.id, round(r.coverage, 6) }
            """)
        var reached: [Int32: Set<Int32>] = [:]
        for l in 0..<Int32(store.count(.ledger)) where store.isLive(.ledger, l) {
            reached[store.cell(Schema.Ledger.org, l), default: []].insert(store.cell(Schema.Ledger.contact, l))
        }
        let village = code(Vocab.level, "village")
        var rows: [(Int32, Double)] = []
        for o in orgs where store.cell(Schema.Org.level, o) == village {
            let women = store.cell(Schema.Org.women, o)
            guard women != nullCell, women > 0 else { continue }
            let count = Double(reached[o]?.count ?? 0)
            rows.append((o, count / Double(women)))
        }
        rows.sort { a, b in a.1 != b.1 ? a.1 < b.1 : a.0 < b.0 }
        var expected = ""
        for (o, coverage) in rows.prefix(20) {
            expected += "\(o) \(Display.decimal((coverage * 1_000_000).rounded() / 1_000_000))\n"
        }
        XCTAssertEqual(answer, expected)
    }

    /// 5. A person by name, with her positions.
    func testPersonWithPositions() {
        let name = Demo.knownPerson
        let answer = wf("for p in people named \"\(name)\" | .positions { print p.person.id, p.org.id, p.role }")
        let expected = store.rows(.person, named: name).flatMap { person in
            store.reverse(Schema.Position.person, person).map { (person, $0) }
        }.sorted { $0.1 < $1.1 }.map { person, p in
            "\(person) \(store.cell(Schema.Position.org, p)) \(Vocab.role.label(store.cell(Schema.Position.role, p)) ?? "")\n"
        }.joined()
        XCTAssertFalse(expected.isEmpty)
        XCTAssertEqual(answer, expected)
    }
}
