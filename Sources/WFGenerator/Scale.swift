/// How much of the country a generated network covers. Each scale is rooted at one federation
/// of its level (`village` is a single village federation with its groups and people).
public enum Scale: String, CaseIterable, Sendable {
    case village, township, county, province, nation
}

/// The branching of the region tree and the amount of activity per office-holder, per scale.
///
/// Branching at province and nation scale follows the real means (domain.md, end of 2022):
/// about 9.8 cities per province, 8.6 counties per city, 13.6 townships per county and 15.9
/// villages and communities per township (streets have 30 % fewer, `Run.township`). County and township scale are a little larger, as the
/// brief asks (10–20 townships, 15–30 villages). Every range stays at or below 30 villages per
/// township, so that a township federation's 20–35 execs can hold every village chair (§5).
struct Shape {
    var provinces: ClosedRange<Int> = 34...34
    var citiesPerProvince: ClosedRange<Int> = 7...13
    var countiesPerCity: ClosedRange<Int> = 6...11
    var townshipsPerCounty: ClosedRange<Int> = 9...18
    var villagesPerTownship: ClosedRange<Int> = 11...22
    /// Ledger years kept before the as-of date, and the share of execs whose ledger is generated.
    var ledgerYears = 2
    var ledgerShare = 1.0
    /// Years of exec meetings kept before the as-of date.
    var meetingYears = 2
    /// Years of evaluations kept (at most the years of the current term).
    var evaluationYears = 5
    /// Upper bound on contacts recorded per exec.
    var maxContacts = 30
    /// The demo's fixed names, when generating the demo county.
    var demo = false

    static func of(_ scale: Scale) -> Shape {
        var s = Shape()
        switch scale {
        case .village, .township:
            s.villagesPerTownship = 15...30
        case .county:
            s.townshipsPerCounty = 10...20
            s.villagesPerTownship = 12...26
        case .province:
            s.citiesPerProvince = 10...16
            s.countiesPerCity = 8...12
        case .nation:
            // Tens of millions of ledger entries, not hundreds: a third of the execs' ledgers
            // are generated, for one year, with at most 8 recorded contacts each; meetings and
            // evaluations for the last year only. Every other count is the real country's.
            s.ledgerYears = 1
            s.ledgerShare = 0.35
            s.meetingYears = 1
            s.evaluationYears = 1
            s.maxContacts = 8
        }
        return s
    }

    /// The built-in demo county: six townships and streets of 34 villages and communities each.
    /// It is generated at every start of `wf`, so it records at most 8 contacts per exec (the
    /// ledgers are as long as elsewhere): interning the contacts' names and phones was over
    /// half of its generation time.
    static let demoCounty: Shape = {
        var s = Shape()
        s.townshipsPerCounty = 6...6
        s.villagesPerTownship = 34...34
        s.maxContacts = 8
        s.demo = true
        return s
    }()

    /// Expected villages and communities under one root of `scale` (for reserving capacity).
    func expectedVillages(_ scale: Scale) -> Double {
        func mean(_ r: ClosedRange<Int>) -> Double { Double(r.lowerBound + r.upperBound) / 2 }
        let township = mean(villagesPerTownship)
        let county = township * mean(townshipsPerCounty)
        let province = county * mean(countiesPerCity) * mean(citiesPerProvince)
        switch scale {
        case .village: return 1
        case .township: return township
        case .county: return county
        case .province: return province
        case .nation: return province * mean(provinces)
        }
    }
}
