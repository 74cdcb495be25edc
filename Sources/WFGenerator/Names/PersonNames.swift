/// Women's names drawn the way real Chinese names are distributed (domain.md, "Names").
///
/// Surnames: the ten largest with their published shares per million, ranks 11–100 on a Zipf
/// curve scaled so that the top 100 cover 85.9 %, and a long tail of rarer surnames (a few of
/// them compound, like 欧阳) sharing the remaining 14.1 %, each below rank 100. Given names are one
/// character for about 6 % of people (王芳) and two otherwise (王秀英), so over 90 % of full names
/// have three characters.
struct PersonNamer {
    /// The ten largest surnames and their published shares per million people.
    static let topTen: [(String, Int)] = [
        ("王", 74_862), ("李", 73_703), ("张", 70_329), ("刘", 53_056), ("陈", 45_548),
        ("杨", 33_689), ("黄", 23_483), ("赵", 21_113), ("吴", 19_990), ("周", 19_626),
    ]

    /// Ranks 11–100, largest first.
    static let ranks11to100: [String] = Array(
        "徐孙马朱胡郭何林高罗郑梁谢宋唐许邓韩冯曹彭曾肖田董潘袁蔡蒋余于杜叶程魏苏吕丁任卢姚沈钟姜崔谭陆范汪廖石金韦贾夏付方邹熊白孟秦邱侯江尹薛闫段雷龙黎史陶贺毛郝顾龚邵万覃武钱戴严莫孔向常"
    ).map(String.init)

    /// Rarer surnames, each below rank 100's share.
    static let rare: [String] = Array(
        "汤葛尤蒲牛聂施殷左庞齐祝倪柴温季甘樊洪包耿翟关文宁单焦岳柯管卜车乔鲁苗凌霍章虞华伍柳鲍阮童祁裴舒项池苟邢骆申兰易安凤庄涂艾缪褚栾司冉汝隋"
        + "时俞仇甄阎晏柏房麦靳谷窦储宫郁巫卓蔺邬滕景屈尚全揭冷连闻鞠丛娄利桑幸邝刁戚蓝芦习贝麻姬郎晋"
    ).map(String.init) + ["欧阳", "司马", "上官", "诸葛", "东方", "皇甫"]

    /// Characters of women's given names, common ones first (earlier ones are drawn more often).
    static let givenChars: [String] = Array(
        "芳娜敏静丽艳娟霞秀英华玲红燕梅兰凤琴云莉萍慧婷雪琳洁颖倩晶佳欣悦瑶怡文玉桂珍淑翠春金美月荣素爱彩琼明丹晓雅思诗梦琪宁青艺嘉蕾露雯君秋菊巧香莲娥萱妍璐媛黛蓉岚姣婉馨瑜莹薇"
    ).map(String.init)

    /// Share per million of ranks 11–100: 423,601 (85.9 % minus the top ten) on a 1/rank curve.
    static func tailShares() -> [Int] {
        let topTenTotal = topTen.reduce(0) { $0 + $1.1 }
        let budget = Double(859_000 - topTenTotal)
        let harmonic = (11...100).reduce(0.0) { $0 + 1.0 / Double($1) }
        return (11...100).map { Int((budget / harmonic / Double($0)).rounded()) }
    }

    /// Shares per million of the rare surnames: 141,000 spread on a gentle slope below rank 100.
    static func rareShares() -> [Int] {
        let n = rare.count
        let raw = (0..<n).map { 1850.0 - 900.0 * Double($0) / Double(max(1, n - 1)) }
        let scale = 141_000.0 / raw.reduce(0, +)
        return raw.map { Int(($0 * scale).rounded()) }
    }

    let surnames: [String]
    let surnameTable: WeightedTable
    let givenTable: WeightedTable

    init() {
        surnames = PersonNamer.topTen.map(\.0) + PersonNamer.ranks11to100 + PersonNamer.rare
        surnameTable = WeightedTable(PersonNamer.topTen.map(\.1) + PersonNamer.tailShares() + PersonNamer.rareShares())
        // Given-name characters: a gentle 1/sqrt(rank) popularity curve.
        let n = PersonNamer.givenChars.count
        givenTable = WeightedTable((0..<n).map { Int(10_000.0 / Double($0 + 1).squareRoot()) })
    }

    /// A drawn name as indexes: surname, first given character, and the second given character
    /// (`givenChars.count` when the given name has one character).
    struct Draw {
        let surname: Int
        let first: Int
        let second: Int
    }

    /// Draws a name: surname plus a one- (6 %) or two-character given name, sometimes doubled (婷婷).
    func draw(_ rng: inout RandomSource) -> Draw {
        let surname = surnameTable.draw(&rng)
        let first = givenTable.draw(&rng)
        let roll = rng.below(1000)
        if roll < 60 { return Draw(surname: surname, first: first, second: PersonNamer.givenChars.count) }
        if roll < 90 { return Draw(surname: surname, first: first, second: first) }
        return Draw(surname: surname, first: first, second: givenTable.draw(&rng))
    }

    /// The number of distinct draws: the size of a table indexed by `index(of:)`.
    var drawCount: Int { surnames.count * PersonNamer.givenChars.count * (PersonNamer.givenChars.count + 1) }

    /// A dense index of a draw, for caching its interned string.
    func index(of d: Draw) -> Int {
        (d.surname * PersonNamer.givenChars.count + d.first) * (PersonNamer.givenChars.count + 1) + d.second
    }

    func text(of d: Draw) -> String {
        let given = PersonNamer.givenChars
        return surnames[d.surname] + given[d.first] + (d.second < given.count ? given[d.second] : "")
    }

    /// A full name as a string.
    /// - Complexity: O(1); one small string is built.
    func name(_ rng: inout RandomSource) -> String { text(of: draw(&rng)) }
}
