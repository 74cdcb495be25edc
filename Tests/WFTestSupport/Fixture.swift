import WFStore

/// A small hand-made network, so that damage tests can afford one load per byte.
public enum Fixture {
    public static func store() -> Store {
        var b = StoreBuilder()
        b.meta.name = "fixture 测试"
        b.meta.scale = "village"
        b.meta.seed = 7
        b.meta.origin = "test"
        b.meta.asOf = Day(iso: "2026-06-30")
        let null = nullCell
        let county = b.append(.org, [b.intern("平安县妇联"), 3, 7, 0, 0, null, b.intern("110105000000"), 90000, null, null, null, null, null])
        let town = b.append(.org, [b.intern("城关镇妇联"), 4, 11, 0, 0, null, b.intern("110105001000"), 12000, county, null, null, null, null])
        let village = b.append(.org, [b.intern("东风村妇联"), 5, 15, 0, 0, 17400, b.intern("110105001001"), 800, town, null, null, null, null])
        let p = b.append(.person, [b.intern("王芳"), 1980, b.intern("13812345678"), b.intern("110105198001011234"), 3, village])
        b.append(.position, [p, village, 0, 18809, 20634])
        b.append(.position, [p, town, 2, 18809, 20634])
        b.append(.training, [p, 19000, b.intern("培训"), 3, 8])
        return b.build()
    }
}
