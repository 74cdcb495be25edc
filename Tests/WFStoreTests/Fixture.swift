import WFStore

/// A hand-made network small enough to check by eye: one county, one township, two villages
/// (one still a congress), three people, positions, a home and a training.
enum Fixture {
    static func store() -> Store {
        var b = StoreBuilder()
        b.meta.name = "fixture"
        let null = nullCell
        func day(_ s: String) -> Int32 { Day(iso: s)?.raw ?? null }
        func org(_ name: String, _ level: Int32, _ unit: Int32, _ form: Int32, _ parent: Int32, women: Int32) -> Int32 {
            b.append(.org, [b.intern(name), level, unit, 0, form, null, b.intern("1101050010\(b.count(.org))"), women, parent, null,
                            day("2017-06-01"), day("2021-07-01"), day("2026-06-30")])
        }
        let county = org("平安县妇联", 3, 7, 0, null, women: 90000)
        let town = org("城关镇妇联", 4, 11, 0, county, women: 12000)
        let east = org("东风村妇联", 5, 15, 0, town, women: 800)
        let west = org("西河村妇代会", 5, 15, 1, town, women: 650)
        func person(_ name: String, _ year: Int32) -> Int32 {
            b.append(.person, [b.intern(name), year, b.intern("13800000\(b.count(.person))00"), null, 0, east])
        }
        let wang = person("王芳", 1980), li = person("李娜", 1975), zhang = person("张秀英", 1968)
        b.append(.position, [wang, east, 0, day("2021-07-01"), day("2026-06-30")])
        b.append(.position, [wang, town, 2, day("2021-07-01"), day("2026-06-30")])
        b.append(.position, [li, east, 2, day("2021-07-01"), day("2026-06-30")])
        b.append(.position, [zhang, west, 4, day("2021-07-01"), day("2026-06-30")])
        b.append(.home, [b.intern("东风村妇女之家"), east, 0, 0, 0, 1, day("2018-03-08")])
        b.append(.training, [wang, day("2022-05-10"), b.intern("执委履职培训"), 3, 8])
        _ = west
        return b.build()
    }
}
