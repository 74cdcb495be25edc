/// Chinese place names built from syllable lists, varied enough that names are nearly always
/// unique within a county (users look organisations up by name; a duplicate makes them choose).
///
/// The lists are written once as single strings and split into characters at first use, so the
/// generator never rebuilds them. Names are made by concatenating a few short strings.
enum PlaceSyllables {
    /// First characters of village and town names: directions, sizes, colours, trees, surnames.
    static let villageFirst = chars(
        "东西南北上下前后中大小新老高石马柳桃杏梨枣松柏竹梅兰青红白金银双三五七九太安平永长龙凤鹤云山水河溪湖泉田沙丰富兴旺吉祥和顺福寿康乐胜利团结建光明朝阳红旗向阳幸福联合民主先锋"
    )
    /// Second characters of village and town names: landforms and settlements.
    static let villageSecond = chars(
        "庄桥湾坪岭沟坡塘口堡营寨店集铺屯园林冲坝岗洼滩埠墩圩峪川台岩源溪湖河港泉山峰坑垸畈里亭关寺庙门"
    )
    /// Middle characters for three-character names (东风桥, 柳树湾).
    static let villageMiddle = chars("风树家水石花竹杨李王张刘陈黄周马田山河湖林")
    /// First halves of community and street names.
    static let communityFirst = chars(
        "幸和阳锦翠金康文胜建友团花滨新人解光东西南北春秋朝紫碧丽嘉华安宁泰福祥瑞兴盛景明秀绿"
    )
    /// Second halves of community and street names.
    static let communitySecond = chars("福平光绣苑桥乐化利设谊结园江华民放明城湖港湾里门街路坊庭院岸景河山林峰")
    /// Characters of county, city and province names.
    static let regionFirst = chars("平安宁永长兴德昌广武定清宜富泰嘉隆通盛恒临汉阳江云海川西东南北华中新开建丰庆寿乐")
    static let regionSecond = chars("安阳宁昌平川江州山城原德兴化源远和阴都丘陵泽远水溪湖林")

    /// Natural-village endings after a surname: 张家湾, 李家庄.
    static let hamletSuffix = ["家湾", "家庄", "家坪", "家沟", "家岭", "家寨", "家塘", "家湾子", "家店", "家屯", "家坝", "家冲"]
    static let hamletSurnames = chars("张李王刘陈杨黄赵吴周徐孙马朱胡郭何林高罗郑梁谢宋唐许邓韩冯曹彭曾肖田董潘袁蔡蒋余")

    static let agencies = ["机关", "财政所", "派出所", "司法所", "税务所", "农经站"]
    static let institutions = ["卫生院", "中心学校", "中心幼儿园", "农技站", "文化站", "敬老院"]
    static let industries = ["纺织", "服装", "食品", "电子", "建材", "物流", "茶业", "农业科技", "制药", "机械", "家居", "电商"]
    static let socialOrgs = ["志愿者协会", "巾帼志愿服务队", "慈善协会", "家庭教育促进会", "老年协会"]
    static let fellowships = ["女企业家联谊会", "女知识分子联谊会", "巾帼创业联谊会", "新乡贤联谊会"]
    static let buildings = ["大厦", "商务中心", "国际广场", "金融中心"]
    static let markets = ["农贸市场", "小商品市场", "建材市场", "农产品批发市场"]

    static let numerals = chars("〇一二三四五六七八九")

    private static func chars(_ s: String) -> [String] { s.map(String.init) }

    /// 1 → 一, 12 → 十二, 20 → 二十, 35 → 三十五 (for 三组, 第十二网格); plain digits beyond 99.
    static func chineseNumber(_ n: Int) -> String {
        guard n > 0, n < 100 else { return String(n) }
        if n < 10 { return numerals[n] }
        let tens = n / 10, ones = n % 10
        return (tens == 1 ? "" : numerals[tens]) + "十" + (ones == 0 ? "" : numerals[ones])
    }
}

/// Names already given within a scope (a county, a province, the nation). The set is only asked
/// for membership, never iterated, so its per-process random order cannot leak into the output.
struct NameScope {
    private var used = Set<String>()

    mutating func reset() { used.removeAll(keepingCapacity: true) }

    /// Marks a fixed name as taken (the demo's named places).
    mutating func reserve(_ name: String) { used.insert(name) }

    /// The first of up to `tries` candidates not yet used; after that a candidate is made unique
    /// by a Chinese ordinal prefix (二, 三, …), which ends the search.
    mutating func claim(tries: Int = 24, _ candidate: () -> String) -> String {
        var last = ""
        for _ in 0..<tries {
            last = candidate()
            if used.insert(last).inserted { return last }
        }
        var n = 2
        while true {
            let name = PlaceSyllables.chineseNumber(n) + last
            if used.insert(name).inserted { return name }
            n += 1
        }
    }
}

/// Draws place-name roots (without the 村/镇/县 suffix).
enum PlaceNamer {
    /// A two- or (30 %) three-character village or town root: 东风, 柳树湾.
    static func ruralRoot(_ rng: inout RandomSource) -> String {
        let first = rng.pick(PlaceSyllables.villageFirst)
        let second = rng.pick(PlaceSyllables.villageSecond)
        if rng.chance(0.3) { return first + rng.pick(PlaceSyllables.villageMiddle) + second }
        return first + second
    }

    /// A two-character community or street root: 幸福, 滨江.
    static func urbanRoot(_ rng: inout RandomSource) -> String {
        rng.pick(PlaceSyllables.communityFirst) + rng.pick(PlaceSyllables.communitySecond)
    }

    /// A two-character county, city or province root: 平安, 临江.
    static func regionRoot(_ rng: inout RandomSource) -> String {
        rng.pick(PlaceSyllables.regionFirst) + rng.pick(PlaceSyllables.regionSecond)
    }

    /// A natural-village name such as 张家湾.
    static func hamlet(_ rng: inout RandomSource) -> String {
        rng.pick(PlaceSyllables.hamletSurnames) + rng.pick(PlaceSyllables.hamletSuffix)
    }
}
