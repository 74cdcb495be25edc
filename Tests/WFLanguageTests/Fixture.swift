import WFStore

/// A hand-built network small enough to check every figure by hand:
///
/// ```
/// 平安县妇联 (county, 90000 women)
/// ├── 城关镇妇联 (township, 12000)
/// │   ├── 东风村妇联 (village, federation, 800)
/// │   │   └── 东风村一组妇女小组 (group, 60)
/// │   ├── 西河村妇代会 (village, congress, 650)
/// │   ├── 城东社区妇联 (community, federation, 1200)
/// │   └── 城关工业园妇联 (park, horizontal, federation, 300; covered by 城关镇妇联)
/// └── 河口乡妇联 (township, 8000)
///     ├── 河口村妇代会 (village, congress, 700)
///     └── 南岭村妇联 (village, federation, 500)
/// ```
/// The reference date is 2026-03-01; terms run 2021-07-01 to 2026-06-30.
enum Fixture {
    static func store() -> Store {
        var b = StoreBuilder()
        b.meta.name = "fixture"
        b.meta.asOf = Day(iso: "2026-03-01")
        let null = nullCell
        func day(_ s: String) -> Int32 { Day(iso: s)?.raw ?? null }
        func code(_ e: EnumType, _ label: String) -> Int32 { e.code(of: label) ?? null }
        func org(_ name: String, _ level: String, _ unit: String, _ form: String, _ parent: Int32, _ women: Int32,
                 field: String = "regional", cover: Int32 = nullCell) -> Int32 {
            b.append(.org, [b.intern(name), code(Vocab.level, level), code(Vocab.unit, unit), code(Vocab.field, field),
                            code(Vocab.form, form), null, b.intern("5201230010\(10 + b.count(.org))"), women, parent, cover,
                            day("2017-06-01"), day("2021-07-01"), day("2026-06-30")])
        }
        let county = org("平安县妇联", "county", "county", "federation", null, 90000)
        let town = org("城关镇妇联", "township", "town", "federation", county, 12000)
        let hekou = org("河口乡妇联", "township", "township", "federation", county, 8000)
        let east = org("东风村妇联", "village", "village", "federation", town, 800)
        let west = org("西河村妇代会", "village", "village", "congress", town, 650)
        let community = org("城东社区妇联", "village", "community", "federation", town, 1200)
        _ = org("城关工业园妇联", "village", "park", "federation", town, 300, field: "horizontal", cover: town)
        let hekouVillage = org("河口村妇代会", "village", "village", "congress", hekou, 700)
        let nanling = org("南岭村妇联", "village", "village", "federation", hekou, 500)
        _ = org("东风村一组妇女小组", "group", "natural_village", "group", east, 60)
        _ = community

        func person(_ name: String, _ year: Int32, _ phone: String, _ tags: [String], _ home: Int32) -> Int32 {
            var bits: Int32 = 0
            for t in tags { bits |= 1 << code(Vocab.personTag, t) }
            return b.append(.person, [b.intern(name), year, b.intern(phone), b.intern("52012319\(year)0101\(1000 + b.count(.person))"), bits, home])
        }
        let wang = person("王芳", 1980, "13812345678", ["grid_worker"], east)
        let li = person("李娜", 1975, "13987654321", ["building_head", "party_member"], east)
        let zhang = person("张秀英", 1968, "13700001111", [], west)
        let liu = person("刘敏", 1990, "13600002222", ["party_member"], town)
        let chen = person("陈静", 1985, "13500003333", ["entrepreneur"], community)
        let zhao = person("赵丽", 1972, "13400004444", ["prosperity_leader"], nanling)
        let zhou = person("周梅", 1978, "13300005555", [], hekouVillage)
        _ = person("王芳", 1995, "13200006666", [], nanling)

        func position(_ p: Int32, _ o: Int32, _ role: String, _ from: String = "2021-07-01", _ to: String = "2026-06-30") {
            b.append(.position, [p, o, code(Vocab.role, role), day(from), day(to)])
        }
        position(wang, east, "chair")
        position(wang, town, "exec")
        position(li, east, "exec")
        position(zhang, west, "director")
        position(liu, town, "chair")
        position(chen, town, "vice_chair")
        position(zhao, nanling, "chair")
        position(zhao, hekou, "exec")
        position(chen, east, "exec", "2021-07-01", "2023-12-31")
        position(zhou, hekouVillage, "director")

        b.append(.home, [b.intern("东风村妇女之家"), east, code(Vocab.homeType, "offline"), code(Vocab.host, "party_site"),
                         code(Vocab.demoLevel, "county"), 1, day("2018-03-08")])
        b.append(.home, [b.intern("城关镇网上妇女之家"), town, code(Vocab.homeType, "online"), code(Vocab.host, "wechat"),
                         code(Vocab.demoLevel, "none"), 1, day("2019-01-01")])
        b.append(.home, [b.intern("南岭村妇女之家"), nanling, code(Vocab.homeType, "offline"), code(Vocab.host, "culture_station"),
                         code(Vocab.demoLevel, "none"), 0, day("2020-05-01")])

        b.append(.training, [wang, day("2022-05-10"), b.intern("执委履职培训"), code(Vocab.level, "county"), 8])
        b.append(.training, [liu, day("2021-09-01"), b.intern("主席培训班"), code(Vocab.level, "city"), 16])
        b.append(.training, [zhao, day("2023-04-01"), b.intern("执委履职培训"), code(Vocab.level, "county"), 8])

        let sun = b.append(.contact, [b.intern("孙大姐"), 1950, b.intern("13100007777"), east, code(Vocab.category, "left_behind")])
        let qian = b.append(.contact, [b.intern("钱阿姨"), 1948, b.intern("13000008888"), west, code(Vocab.category, "empty_nest")])
        b.append(.assignment, [wang, east, 20, day("2021-08-01")])
        b.append(.ledger, [wang, sun, east, day("2025-11-02"), code(Vocab.channel, "visit"), code(Vocab.category, "left_behind"),
                           b.intern("上门走访，联系村医"), code(Vocab.result, "resolved")])
        b.append(.ledger, [li, qian, west, day("2025-12-10"), code(Vocab.channel, "phone"), code(Vocab.category, "empty_nest"),
                           b.intern("电话问候"), code(Vocab.result, "in_progress")])
        let meeting = b.append(.meeting, [town, day("2025-10-01"), code(Vocab.meetingKind, "exec_meeting"), b.intern("季度执委会")])
        b.append(.attendance, [meeting, wang])
        b.append(.attendance, [meeting, chen])
        b.append(.presidium, [town, chen, day("2021-08-01")])
        b.append(.presidium, [town, wang, day("2021-08-01")])
        b.append(.turn, [town, chen, day("2025-01-01"), day("2025-03-31")])
        b.append(.evaluation, [wang, 2025, code(Vocab.rating, "excellent")])
        b.append(.evaluation, [li, 2025, code(Vocab.rating, "incompetent")])
        b.append(.commendation, [wang, east, b.intern("三八红旗手"), code(Vocab.honourLevel, "county"), 2024])
        return b.build()
    }
}
