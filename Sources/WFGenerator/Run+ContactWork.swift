import WFStore

/// §11: every village and township exec is assigned an area and a number of women, keeps in
/// touch with them and records each contact in her ledger.
extension Run {
    static let contactCategories = WeightedTable(codes: Vocab.category, [
        (Codes.Category.leftBehind, 18), (Codes.Category.emptyNest, 15), (Codes.Category.hardship, 15),
        (Codes.Category.entrepreneur, 8), (Codes.Category.marriageDispute, 7), (Codes.Category.migrant, 8),
        (Codes.Category.disabled, 5), (Codes.Category.general, 24),
    ])
    static let channels = WeightedTable(codes: Vocab.channel, [
        (Codes.Channel.visit, 45), (Codes.Channel.phone, 20), (Codes.Channel.wechat, 30), (Codes.Channel.meeting, 5),
    ])
    static let results = WeightedTable(codes: Vocab.result, [
        (Codes.Result.resolved, 45), (Codes.Result.inProgress, 35), (Codes.Result.referred, 12), (Codes.Result.unresolved, 8),
    ])

    /// The assignment of `person`, her contacts and her ledger over the last `shape.ledgerYears`.
    ///
    /// Most execs record 6–24 contacts a year (the same number each year); about 8 % are behind,
    /// with 1–5. She reaches fewer women than her quota more often than not, and returns to the
    /// first few households most (key households), as ledgers in practice show.
    /// - Parameter areas: the villages, grids or buildings she may be assigned (non-empty).
    func contactWork(_ person: Int32, areas: [Int32], quota: ClosedRange<Int>, since: Int32) {
        guard !areas.isEmpty else { return }
        let area = rng.pick(areas)
        let assigned = rng.int(quota)
        em.assignment(person: person, org: area, quota: Int32(assigned), from: since)
        guard rng.chance(shape.ledgerShare) else { return }

        let contactCount = min(shape.maxContacts, max(3, Int(Double(assigned) * rng.double(0.4...1.0))))
        let firstContact = Int32(em.count(.contact))
        var categories: [Int32] = []
        categories.reserveCapacity(contactCount)
        for _ in 0..<contactCount {
            let category = Int32(Run.contactCategories.draw(&rng))
            let born = category == Codes.Category.emptyNest ? rng.int(1938...1962) : rng.int(1950...2002)
            let phone = rng.chance(0.75) ? em.intern(Identity.phone(&rng)) : nullCell
            _ = em.contact(name: personName(), birthYear: Int32(born), phone: phone, org: area, category: category)
            categories.append(category)
        }

        let perYear = rng.chance(0.92) ? rng.int(6...24) : rng.int(1...5)
        var dates: [Int32] = []
        dates.reserveCapacity(perYear)
        for yearBack in 0..<shape.ledgerYears {
            let end = today - Int32(365 * yearBack)
            dates.removeAll(keepingCapacity: true)
            for _ in 0..<perYear { dates.append(day(between: end - 364, end)) }
            dates.sort()
            for date in dates {
                let k = min(rng.below(contactCount), rng.below(contactCount))
                let category = categories[k]
                let difficulty = rng.chance(0.85) ? category : Int32(rng.below(Codes.Category.count))
                let measures = texts.measures[min(Int(difficulty), texts.measures.count - 1)]
                em.ledger(person: person, contact: firstContact + Int32(k), org: area, date: date,
                          channel: Int32(Run.channels.draw(&rng)), difficulty: difficulty,
                          measures: rng.pick(measures), result: Int32(Run.results.draw(&rng)))
            }
        }
    }
}
