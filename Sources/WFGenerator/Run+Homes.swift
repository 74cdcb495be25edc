import WFStore

/// Women's homes (§6–§8): an offline and an online home per federation, with some federations
/// lacking one, and micro-homes in new-field bodies and small groups.
extension Run {
    enum HomeSite { case village, community, township, horizontal }


    static let villageHosts = WeightedTable(codes: Vocab.host, [
        (Codes.Host.partySite, 35), (Codes.Host.serviceCenter, 45), (Codes.Host.cultureStation, 15), (Codes.Host.ownSite, 5),
    ])
    static let communityHosts = WeightedTable(codes: Vocab.host, [
        (Codes.Host.serviceCenter, 50), (Codes.Host.communityRoom, 30), (Codes.Host.partySite, 10), (Codes.Host.cultureStation, 10),
    ])
    static let townshipHosts = WeightedTable(codes: Vocab.host, [
        (Codes.Host.serviceCenter, 40), (Codes.Host.ownSite, 30), (Codes.Host.cultureStation, 30),
    ])
    static let horizontalHosts = WeightedTable(codes: Vocab.host, [
        (Codes.Host.enterpriseSite, 60), (Codes.Host.ownSite, 25), (Codes.Host.partySite, 15),
    ])
    static let onlineHosts = WeightedTable(codes: Vocab.host, [
        (Codes.Host.wechat, 70), (Codes.Host.qq, 5), (Codes.Host.voiceApp, 10), (Codes.Host.fulianTong, 15),
    ])
    /// Demonstration ratings, per thousand homes.
    static let demoLevels = WeightedTable(codes: Vocab.demoLevel, [
        (Codes.DemoLevel.none, 850), (Codes.DemoLevel.county, 90), (Codes.DemoLevel.city, 40),
        (Codes.DemoLevel.province, 15), (Codes.DemoLevel.national, 5),
    ])

    /// The offline and online homes of a federation named after `place`; about 4 % lack the
    /// offline one and 6 % the online one (more for congresses, which predate the reform).
    func homes(of org: Int32, place: String, site: HomeSite, isCongress: Bool = false) {
        let opened = isCongress ? (date(2005, 1, 1), date(2016, 12, 31)) : (date(2012, 1, 1), date(2021, 12, 31))
        if rng.chance(isCongress ? 0.9 : 0.96) {
            let hosts: WeightedTable
            switch site {
            case .village: hosts = Run.villageHosts
            case .community: hosts = Run.communityHosts
            case .township: hosts = Run.townshipHosts
            case .horizontal: hosts = Run.horizontalHosts
            }
            em.home(name: em.intern(place + "妇女之家"), org: org, type: Codes.HomeType.offline,
                    host: Int32(hosts.draw(&rng)), demo: Int32(Run.demoLevels.draw(&rng)),
                    rules: rng.chance(0.92), opened: day(between: opened.0, min(opened.1, today)))
        }
        if rng.chance(isCongress ? 0.75 : (site == .horizontal ? 0.6 : 0.94)) {
            onlineHome(of: org, place: place)
        }
    }

    /// An online home: a WeChat or QQ work group (平安县妇联微信群), or a presence on 女性之声 or
    /// 妇联通 (平安县网上妇女之家) (§8). `federation` is the owner's name when it is not `place` + 妇联.
    func onlineHome(of org: Int32, place: String, federation: String? = nil) {
        let host = Int32(Run.onlineHosts.draw(&rng))
        let group = federation ?? place + "妇联"
        let name = host == Codes.Host.wechat ? group + "微信群" : (host == Codes.Host.qq ? group + "QQ群" : place + "网上妇女之家")
        em.home(name: em.intern(name), org: org, type: Codes.HomeType.online, host: host,
                demo: Codes.DemoLevel.none, rules: rng.chance(0.8),
                opened: day(between: date(2016, 1, 1), min(date(2022, 12, 31), today)))
    }

    /// A women's micro-home (妇女微家, §7) in a small body: a two-new organisation, a group of
    /// migrant women, a natural village, grid or building.
    func microHome(of org: Int32, place: String, host: Int32) {
        em.home(name: em.intern(place + "妇女微家"), org: org, type: Codes.HomeType.micro, host: host,
                demo: rng.chance(0.03) ? Codes.DemoLevel.county : Codes.DemoLevel.none,
                rules: rng.chance(0.7), opened: day(between: date(2017, 6, 1), min(date(2024, 12, 31), today)))
    }
}
