import Foundation
import WFSnapshot
import WFStore
import XCTest

/// A hand-built network small enough to check every figure by hand.
///
/// ```
/// 测试县妇联 (county, 50000 women)
/// └── 甲镇妇联 (township, 20000; term 2022-01-01 – 2026-12-31; offline + online home)
///     ├── 一村妇联 (village, federation, 600; term 2021-07-01 – 2026-06-30; offline + online home)
///     │   ├── 一村一组妇女小组 (natural village with a group, 60)
///     │   └── 一村二组 (natural village, 40; a group when clean, none yet when dirty)
///     ├── 二村妇代会 (village, congress, 900)                       [dirty only]
///     ├── 企业妇联 (enterprise, horizontal, 100, covered by 甲镇)    [dirty only]
///     └── 市场妇联 (market, new field, 80, not covered)              [dirty only]
/// ```
/// The clean network breaks no rule of the health check on 2026-06-01 and only the ending term
/// of 一村妇联 on 2026-07-01 (overdue term, no chair); the dirty one adds one defect per rule.
enum Fixture {
    static let checkDay = "2026-06-01"

    static func store(dirty: Bool) -> Store {
        var b = StoreBuilder()
        b.meta.name = dirty ? "dirty" : "clean"
        b.meta.asOf = Day(iso: "2026-06-01")
        let null = nullCell
        func day(_ s: String) -> Int32 { Day(iso: s)?.raw ?? null }
        func code(_ e: EnumType, _ label: String) -> Int32 { e.code(of: label) ?? null }
        func org(_ name: String, _ level: String, _ unit: String, _ form: String?, _ parent: Int32, _ women: Int32,
                 field: String = "regional", cover: Int32 = nullCell, term: (String, String) = ("2021-07-01", "2026-06-30")) -> Int32 {
            b.append(.org, [b.intern(name), code(Vocab.level, level), code(Vocab.unit, unit), code(Vocab.field, field),
                            form.map { code(Vocab.form, $0) } ?? null, null, b.intern("1100000000\(10 + b.count(.org))"), women,
                            parent, cover, day("2017-06-01"), day(term.0), day(term.1)])
        }
        let county = org("测试县妇联", "county", "county", "federation", null, 50000, term: ("2022-01-01", "2027-12-31"))
        let town = org("甲镇妇联", "township", "town", "federation", county, 20000, term: ("2022-01-01", "2026-12-31"))
        let village = org("一村妇联", "village", "village", "federation", town, 600)
        let group1 = org("一村一组妇女小组", "group", "natural_village", "group", village, 60)
        _ = org("一村二组", "group", "natural_village", dirty ? nil : "group", village, 40)   // §1 gap when dirty

        func person(_ name: String, _ year: Int32, _ home: Int32, tags: [String] = []) -> Int32 {
            var bits: Int32 = 0
            for t in tags { bits |= 1 << code(Vocab.personTag, t) }
            return b.append(.person, [b.intern(name), year, b.intern("1390000\(1000 + b.count(.person))"), null, bits, home])
        }
        func position(_ p: Int32, _ o: Int32, _ role: String, _ from: String, _ to: String) {
            b.append(.position, [p, o, code(Vocab.role, role), day(from), day(to)])
        }
        func home(_ o: Int32, _ type: String, _ host: String) {
            b.append(.home, [b.intern("home\(b.count(.home))"), o, code(Vocab.homeType, type), code(Vocab.host, host),
                             code(Vocab.demoLevel, "none"), 1, day("2019-01-01")])
        }
        func training(_ p: Int32, _ date: String) {
            b.append(.training, [p, day(date), b.intern("履职培训"), code(Vocab.level, "county"), 8])
        }
        func meeting(_ o: Int32, _ date: String, _ attendees: [Int32]) {
            let m = b.append(.meeting, [o, day(date), code(Vocab.meetingKind, "exec_meeting"), b.intern("部署工作")])
            for a in attendees { b.append(.attendance, [m, a]) }
        }
        func evaluation(_ p: Int32, _ year: Int32, _ rating: String) {
            b.append(.evaluation, [p, year, code(Vocab.rating, rating)])
        }

        let townChair = person("甲主席", 1975, town)
        let townVice = person("甲副", 1980, town)
        let townExec = person("甲执", 1985, town)
        let villageChair = person("一村主席", 1978, village)
        let villageExec = person("一村执委", 1988, village, tags: ["grid_worker"])
        let townTerm = ("2022-01-01", "2026-12-31"), villageTerm = ("2021-07-01", "2026-06-30")
        position(townChair, town, "chair", townTerm.0, townTerm.1)
        position(townVice, town, "vice_chair", townTerm.0, townTerm.1)
        position(townExec, town, "exec", townTerm.0, townTerm.1)
        position(villageChair, town, "exec", townTerm.0, townTerm.1)   // §5: the village chair sits on the township's execs
        position(villageChair, village, "chair", villageTerm.0, villageTerm.1)
        position(villageExec, village, "exec", villageTerm.0, villageTerm.1)
        for p in [townChair, townVice, townExec] { training(p, "2022-03-01") }
        training(villageChair, "2022-03-01")
        training(villageExec, "2024-05-01")
        for o in [town, village] { home(o, "offline", "service_center"); home(o, "online", "wechat") }
        meeting(town, "2026-05-15", [townChair, townVice, townExec, villageChair])
        meeting(village, "2026-05-10", [villageChair, villageExec])
        b.append(.presidium, [town, townVice, day("2022-01-01")])
        b.append(.presidium, [town, townExec, day("2022-01-01")])
        b.append(.turn, [town, townVice, day("2025-01-01"), day("2025-03-31")])
        b.append(.turn, [town, townVice, day("2025-07-01"), day("2025-09-30")])
        b.append(.turn, [town, townExec, day("2025-04-01"), day("2025-06-30")])
        let contact = b.append(.contact, [b.intern("联系人甲"), 1970, null, group1, code(Vocab.category, "hardship")])
        b.append(.assignment, [villageExec, group1, 1, day("2021-07-01")])
        b.append(.ledger, [villageExec, contact, group1, day("2026-03-01"), code(Vocab.channel, "visit"),
                           code(Vocab.category, "hardship"), b.intern("走访"), code(Vocab.result, "resolved")])
        for p in [townChair, townVice, villageChair, villageExec] { evaluation(p, 2025, "competent") }
        evaluation(townExec, 2025, "excellent")
        b.append(.commendation, [townVice, town, b.intern("三八红旗手"), code(Vocab.honourLevel, "county"), 2025])

        guard dirty else { return b.build() }
        // One defect per rule of the health check, on 2026-06-01.
        let congress = org("二村妇代会", "village", "village", "congress", town, 900)                    // §1
        _ = org("企业妇联", "village", "enterprise", "federation", town, 100, field: "horizontal", cover: town)
        _ = org("市场妇联", "village", "market", "federation", town, 80, field: "new_field")           // not covered
        let director = person("二村主任", 1970, congress)
        position(director, congress, "director", villageTerm.0, villageTerm.1)
        training(director, "2022-01-01")
        let untrained = person("一村执委二", 1990, village, tags: ["grid_worker", "building_head"])
        position(untrained, village, "exec", villageTerm.0, villageTerm.1)                             // §14
        let never = person("丙", 1982, town)
        position(never, town, "exec", townTerm.0, townTerm.1)
        training(never, "2023-01-01")
        b.append(.presidium, [town, never, day("2022-01-01")])                                          // §10
        let leaving = person("丁", 1983, town)
        position(leaving, town, "exec", townTerm.0, "2026-09-30")
        training(leaving, "2023-01-01")
        b.append(.presidium, [town, leaving, day("2026-01-01")])   // joined recently; her position ends 2026-09-30
        let former = person("前任", 1970, village)
        position(former, village, "exec", "2021-07-01", "2024-12-31")
        evaluation(townExec, 2024, "incompetent")
        return b.build()
    }

    /// Saves the fixture to a fresh temporary snapshot file and returns its path.
    static func save(dirty: Bool) throws -> String {
        let dir = FileManager.default.temporaryDirectory.appendingPathComponent("wf-scripts-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: dir, withIntermediateDirectories: true)
        let path = dir.appendingPathComponent(dirty ? "dirty.wfs" : "clean.wfs").path
        try Snapshot.save(store(dirty: dirty), to: path)
        return path
    }
}

extension XCTestCase {
    /// The fixture saved to a fresh temporary folder that is removed when the test ends.
    func fixture(dirty: Bool) throws -> String {
        let path = try Fixture.save(dirty: dirty)
        let dir = (path as NSString).deletingLastPathComponent
        addTeardownBlock { try? FileManager.default.removeItem(atPath: dir) }
        return path
    }
}
