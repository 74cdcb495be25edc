import WFStore

/// §15 commendations: each county's yearly honours for women and for collectives, with the
/// occasional city, province or national one.
extension Run {
    /// Honours for the years before the as-of date (and its own, once 8 March has passed),
    /// drawn from the people appended since `firstPerson` and the county's `villages`.
    func commendations(firstPerson: Int32, villages: [Int32]) {
        let people = Int(em.count(.person)) - Int(firstPerson)
        guard people > 0, !villages.isEmpty else { return }
        let thisYear = asOf.year
        let lastYear = date(thisYear, 3, 8) <= today ? thisYear : thisYear - 1
        for year in (lastYear - 4)...lastYear {
            let y = Int32(year)
            for _ in 0..<rng.int(2...6) {
                honour(firstPerson + Int32(rng.below(people)), Codes.Honour.county, y)
            }
            if rng.chance(0.25) { honour(firstPerson + Int32(rng.below(people)), Codes.Honour.city, y) }
            if rng.chance(0.06) { honour(firstPerson + Int32(rng.below(people)), Codes.Honour.province, y) }
            if rng.chance(0.01) { honour(firstPerson + Int32(rng.below(people)), Codes.Honour.national, y) }
            for _ in 0..<rng.int(1...3) {
                em.commendation(person: nullCell, org: rng.pick(villages), title: rng.pick(texts.collectiveTitles),
                                level: rng.chance(0.85) ? Codes.Honour.county : Codes.Honour.city, year: y)
            }
        }
    }

    /// A personal honour; 三八红旗手 mostly, recorded against the unit she lives in.
    private func honour(_ person: Int32, _ level: Int32, _ year: Int32) {
        let title = rng.chance(0.6) ? texts.personTitles[0] : rng.pick(texts.personTitles)
        em.commendation(person: person, org: em.builder.cell(Schema.Person.livesIn, person),
                        title: title, level: level, year: year)
    }
}
