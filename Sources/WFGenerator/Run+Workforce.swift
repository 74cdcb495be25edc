import WFStore

/// Office-holders: appointing people to positions, with the trainings and evaluations that
/// follow a person through her term (§14, §15).
extension Run {
    static let trainingLevels = WeightedTable(codes: Vocab.level, [
        (Codes.Level.province, 5), (Codes.Level.city, 10), (Codes.Level.county, 50), (Codes.Level.township, 35),
    ])
    static let trainingHours: [Int32] = [2, 3, 4, 4, 6, 8, 8, 16]
    static let ratingsUsual = WeightedTable(codes: Vocab.rating, [
        (Codes.Rating.excellent, 32), (Codes.Rating.competent, 62), (Codes.Rating.basic, 5), (Codes.Rating.incompetent, 1),
    ])
    static let ratingsWeak = WeightedTable(codes: Vocab.rating, [
        (Codes.Rating.excellent, 5), (Codes.Rating.competent, 45), (Codes.Rating.basic, 35), (Codes.Rating.incompetent, 15),
    ])

    /// Appends a new woman holding `role` in `org` for `term`, with her trainings and evaluations.
    /// - Returns: the person's row.
    @discardableResult
    func appointNew(_ role: Int32, of org: Int32, term: Term, born: ClosedRange<Int>, tags: Int32,
                    livesIn: Int32, name: String? = nil) -> Int32 {
        let person = newPerson(born: born, tags: tags, livesIn: livesIn, name: name)
        em.position(person: person, org: org, role: role, from: term.from, to: term.to)
        personalRecords(person, since: term.from, groupLeaderOnly: role == Codes.Role.groupLeader)
        return person
    }

    /// A second position for someone already on record (§5: a village chair on her township's
    /// executive committee). Her trainings and evaluations were made with her first position.
    func appoint(_ person: Int32, _ role: Int32, of org: Int32, term: Term) {
        em.position(person: person, org: org, role: role, from: term.from, to: term.to)
    }

    /// Trainings in the current term for about `diligence` of the office-holders (fewer when the
    /// term has only just begun), some from the previous term, and yearly evaluations.
    func personalRecords(_ person: Int32, since: Int32, groupLeaderOnly: Bool) {
        let elapsed = Double(today - since)
        var p = groupLeaderOnly ? diligence - 0.12 : diligence
        if elapsed < 540 { p *= max(0, 0.2 + elapsed / 540) }
        if since <= today && rng.chance(p) {
            let n = 1 + (rng.chance(0.35) ? 1 : 0) + (rng.chance(0.1) ? 1 : 0)
            for _ in 0..<n { training(person, on: day(between: since, today)) }
        }
        if rng.chance(0.3) { training(person, on: day(between: since - 1826, since - 1)) }
        evaluations(person, since: since)
    }

    private func training(_ person: Int32, on date: Int32) {
        em.training(person: person, date: date, topic: rng.pick(texts.trainingTopics),
                    level: Int32(Run.trainingLevels.draw(&rng)), hours: rng.pick(Run.trainingHours))
    }

    /// One rating per full calendar year served, at most `shape.evaluationYears` of them;
    /// about one holder in twenty is weak and rated lower.
    private func evaluations(_ person: Int32, since: Int32) {
        let start = Day(raw: since).civil
        let firstYear = start.month <= 6 ? start.year : start.year + 1
        let lastYear = asOf.year - 1
        let from = max(firstYear, lastYear - shape.evaluationYears + 1)
        guard from <= lastYear else { return }
        let table = rng.chance(0.05) ? Run.ratingsWeak : Run.ratingsUsual
        for year in from...lastYear {
            em.evaluation(person: person, year: Int32(year), rating: Int32(table.draw(&rng)))
        }
    }

    /// A federation's standing committee: the chair, `vices` vice chairs and `execs` executive
    /// members, all new people. Returns them in that order.
    func newCommittee(of org: Int32, term: Term, vices: Int, execs: Int, born: ClosedRange<Int>,
                      chairTags: Int32, livesIn: Int32, execTags: () -> Int32) -> [Int32] {
        var members: [Int32] = []
        members.reserveCapacity(1 + vices + execs)
        members.append(appointNew(Codes.Role.chair, of: org, term: term, born: born, tags: chairTags, livesIn: livesIn))
        for _ in 0..<vices {
            members.append(appointNew(Codes.Role.viceChair, of: org, term: term, born: born, tags: execTags(), livesIn: livesIn))
        }
        for _ in 0..<execs {
            members.append(appointNew(Codes.Role.exec, of: org, term: term, born: born, tags: execTags(), livesIn: livesIn))
        }
        return members
    }
}
