import WFStore

/// A township, town or street (§2, §5, §10): its federation, villages, horizontal and new-field
/// organisations, online federation, committee (with every village chair on it), rotating
/// presidium, homes, contact work and meetings.
extension Run {
    /// What a body hands up to its parent: its org, its chair and its women population.
    struct BodyResult {
        let org: Int32
        let chair: Int32
        let women: Int
    }

    enum TownshipKind { case town, township, street }

    /// Generates one township under `parent`. The county part of the region code is set; this
    /// sets the township part from `number`.
    func township(parent: Int32, kind: TownshipKind, number: Int, forcedPlace: String? = nil) -> BodyResult {
        setCode(number, offset: 6, width: 3)
        let place = forcedPlace ?? countyNames.claim {
            switch kind {
            case .town: return PlaceNamer.ruralRoot(&self.rng) + "镇"
            case .township: return PlaceNamer.ruralRoot(&self.rng) + "乡"
            case .street: return PlaceNamer.urbanRoot(&self.rng) + "街道"
            }
        }
        if rootPlace.isEmpty { rootPlace = place }
        diligence = rng.double(0.76...0.9)
        let villageTerm = term(baseYear: 2021, month: electionMonth, day: 1)
        let term = self.term(baseYear: 2021, month: min(12, electionMonth + rng.int(1...2)), day: rng.int(1...28))
        let unit = kind == .town ? Codes.Unit.town : (kind == .township ? Codes.Unit.township : Codes.Unit.street)
        let org = em.org(name: em.intern(place + "妇联"), level: Codes.Level.township, unit: unit,
                         field: Codes.Field.regional, form: Codes.Form.federation, converted: nullCell,
                         region: regionCode(), women: 0, parent: parent, cover: nullCell,
                         founded: date(rng.int(1950...1985), 3, 8), termStart: term.from, termEnd: term.to)
        if rng.chance(0.4) { onlineFederation(parent: org, place: place, level: Codes.Level.township, term: term) }

        // Villages and communities, numbered as in real codes: communities from 001, villages from
        // 201. Streets are smaller and mostly communities, towns mostly villages: this gives the
        // country's 113,000 communities beside 500,000 villages.
        let communityShare = kind == .street ? 0.85 : (kind == .town ? 0.05 : 0.02)
        var heads: [Int32] = [], villages: [Int32] = []
        var women = 0, communities = 0, ruralVillages = 0
        let drawn = rng.int(shape.villagesPerTownship)
        let count = kind == .street && !shape.demo ? max(4, drawn * 7 / 10) : drawn
        for i in 0..<count {
            let forced = demoVillage(townshipPlace: place, index: i)
            let community = forced == nil && rng.chance(communityShare)
            if community { communities += 1 } else { ruralVillages += 1 }
            setCode(community ? communities : 200 + ruralVillages, offset: 9, width: 3)
            let electionDay = Int32(rng.below(28))
            let v = village(parent: org, community: community,
                            term: Term(from: villageTerm.from + electionDay, to: villageTerm.to + electionDay), forced: forced)
            heads.append(v.head)
            villages.append(v.org)
            women += v.women
        }
        countyVillages.append(contentsOf: villages)
        setCode(number, offset: 6, width: 3)
        let horizontalChairs = horizontals(township: org, place: place, street: kind == .street, term: term)

        // The committee: 1 chair, 3–5 vice chairs, and 20–35 execs, among them every village
        // chair and congress director (§5, vertically) and heads of horizontal bodies (horizontally).
        let chair = appointNew(Codes.Role.chair, of: org, term: term, born: 1968...1990,
                               tags: Codes.Tag.partyMember | Codes.Tag.cadre, livesIn: org)
        var vices: [Int32] = []
        for _ in 0..<rng.int(3...5) {
            vices.append(appointNew(Codes.Role.viceChair, of: org, term: term, born: 1965...1992,
                                    tags: drawTags([(Codes.Tag.partyMember, 0.7), (Codes.Tag.cadre, 0.5)]), livesIn: org))
        }
        var execs = heads
        for head in heads { appoint(head, Codes.Role.exec, of: org, term: term) }
        let target = min(35, max(heads.count + 1, rng.int(20...35)))
        var fresh: [Int32] = []
        for i in 0..<max(0, target - heads.count) {
            if i < horizontalChairs.count {
                appoint(horizontalChairs[i], Codes.Role.exec, of: org, term: term)
                execs.append(horizontalChairs[i])
            } else {
                let person = appointNew(Codes.Role.exec, of: org, term: term, born: 1965...1995,
                                        tags: drawTags([(Codes.Tag.entrepreneur, 0.3), (Codes.Tag.socialOrgHead, 0.2),
                                                        (Codes.Tag.agencyHead, 0.2), (Codes.Tag.skilled, 0.3)]),
                                        livesIn: org)
                execs.append(person)
                fresh.append(person)
            }
        }
        for person in vices + fresh { contactWork(person, areas: villages, quota: 8...20, since: term.from) }
        rotatingPresidium(of: org, chair: chair, vices: vices, execs: execs, term: term)
        execMeetings(of: org, committee: [chair] + vices + execs)
        homes(of: org, place: place, site: .township)
        electionCongress(of: org, term: term)
        em.builder.set(Schema.Org.women, org, Int32(clamping: women))
        townshipFinished()
        return BodyResult(org: org, chair: chair, women: women)
    }

    /// An online federation (网上妇联, §3) of a county or township: a chair and a few execs who
    /// run the WeChat groups, with an online home.
    func onlineFederation(parent: Int32, place: String, level: Int32, term: Term) {
        let org = em.org(name: em.intern(place + "网上妇联"), level: level, unit: Codes.Unit.online,
                         field: Codes.Field.online, form: Codes.Form.federation, converted: nullCell,
                         region: regionCode(), women: Int32(rng.int(500...8000)), parent: parent, cover: nullCell,
                         founded: day(between: date(2017, 3, 1), min(term.from, today)),
                         termStart: term.from, termEnd: term.to)
        _ = newCommittee(of: org, term: term, vices: 0, execs: rng.int(2...6), born: 1975...2000,
                         chairTags: Codes.Tag.skilled, livesIn: parent) { self.drawTags([(Codes.Tag.skilled, 0.5)]) }
        onlineHome(of: org, place: place, federation: place + "网上妇联")
    }

    /// The demo's fixed village: 东风村, still a congress, directed by 王芳, under 城关镇.
    private func demoVillage(townshipPlace: String, index: Int) -> (place: String, congress: Bool, head: String)? {
        guard shape.demo, townshipPlace == Demo.seatTownship, index == 0 else { return nil }
        return (Demo.congressVillage, true, Demo.knownPerson)
    }
}
