import WFStore

/// A village or community (§1, §4): its federation or congress, its smallest units with their
/// women's groups, its office-holders, homes, contact work and meetings.
extension Run {
    /// What a village hands up to its township.
    struct VillageResult {
        let org: Int32
        /// The federation chair, or the congress director.
        let head: Int32
        let women: Int
    }

    /// Generates one village (or community) under `parent`, with the region code already set.
    /// - Parameter forced: the demo's fixed place name and form, if any.
    func village(parent: Int32, community: Bool, term: Term, forced: (place: String, congress: Bool, head: String)? = nil) -> VillageResult {
        if let forced { countyNames.reserve(forced.place) }
        let place = forced?.place ?? countyNames.claim {
            community ? PlaceNamer.urbanRoot(&self.rng) + "社区" : PlaceNamer.ruralRoot(&self.rng) + "村"
        }
        if rootPlace.isEmpty { rootPlace = place }
        let u = rng.unit()
        let women = community ? rng.int(900...6000) : 250 + Int(u * u.squareRoot() * 1900)
        let founded = date(rng.int(1983...2008), rng.int(1...12), rng.int(1...28))
        var converted = day(between: date(2017, 6, 1), date(2018, 10, 31))
        if rng.chance(0.1) { converted = day(between: date(2018, 11, 1), date(2020, 12, 31)) }
        let isCongress = forced?.congress ?? (!rng.chance(conversionRate) || converted > today)
        let region = regionCode()
        let org = em.org(name: em.intern(place + (isCongress ? "妇代会" : "妇联")), level: Codes.Level.village,
                         unit: community ? Codes.Unit.community : Codes.Unit.village, field: Codes.Field.regional,
                         form: isCongress ? Codes.Form.congress : Codes.Form.federation,
                         converted: isCongress ? nullCell : converted, region: region, women: Int32(women),
                         parent: parent, cover: nullCell, founded: founded, termStart: term.from, termEnd: term.to)
        let units = smallestUnits(of: org, place: place, community: community, women: women, region: region, term: term)

        // Office-holders: 1 chair, 1–3 vice chairs and 8–15 execs by women population, or a director.
        var committee: [Int32]
        if isCongress {
            let head = appointNew(Codes.Role.director, of: org, term: term, born: 1962...1988,
                                  tags: Codes.Tag.cadre | Codes.Tag.partyMember, livesIn: org, name: forced?.head)
            committee = [head]
        } else {
            let vices = women < 500 ? 1 : (women > 2200 ? 3 : 2)
            let execs = min(15, max(8, 8 + women / 600 + rng.int(-1...1)))
            committee = newCommittee(of: org, term: term, vices: vices, execs: execs, born: 1960...1998,
                                     chairTags: drawTags([(Codes.Tag.cadre, 0.6), (Codes.Tag.partyMember, 0.75)]),
                                     livesIn: org) { self.villageExecTags(community: community) }
        }
        groupLeaders(units.groups, committee: committee, skip: isCongress ? 0 : 1 + (women < 500 ? 1 : 2), term: term, community: community)
        sidewaysGroup(under: org, place: place, region: region, term: term, committee: committee)

        homes(of: org, place: place, site: community ? .community : .village, isCongress: isCongress)
        electionCongress(of: org, term: term)
        if !isCongress {
            let areas = units.all.isEmpty ? [org] : units.all
            for person in committee { contactWork(person, areas: areas, quota: 10...30, since: term.from) }
            execMeetings(of: org, committee: committee)
        }
        return VillageResult(org: org, head: committee[0], women: women)
    }

    private func villageExecTags(community: Bool) -> Int32 {
        if community {
            return drawTags([(Codes.Tag.gridWorker, 0.4), (Codes.Tag.buildingHead, 0.25), (Codes.Tag.danceLeader, 0.1),
                             (Codes.Tag.partyMember, 0.35), (Codes.Tag.skilled, 0.15)])
        }
        return drawTags([(Codes.Tag.prosperityLeader, 0.15), (Codes.Tag.danceLeader, 0.1), (Codes.Tag.interestLeader, 0.08),
                         (Codes.Tag.partyMember, 0.35), (Codes.Tag.skilled, 0.15)])
    }

    /// Natural villages and villager groups (a village), or grids and buildings (a community):
    /// every such unit is an org row at group level; the 55–75 % that have a women's group have
    /// form `group` and a `…妇女小组` name, the rest have no form and carry just the place name.
    private func smallestUnits(of village: Int32, place: String, community: Bool, women: Int, region: Int32,
                               term: Term) -> (all: [Int32], groups: [(org: Int32, unit: Int32, place: String)]) {
        var plan: [(unit: Int32, place: String, share: Double)] = []
        if community {
            for i in 1...rng.int(3...8) { plan.append((Codes.Unit.grid, place + "第" + PlaceSyllables.chineseNumber(i) + "网格", 0.75)) }
            if rng.chance(0.7) {
                for i in 1...rng.int(4...12) { plan.append((Codes.Unit.building, place + String(i) + "栋", 0.55)) }
            }
        } else {
            var hamlets: [String] = []
            for _ in 0..<rng.int(1...5) {
                let name = PlaceNamer.hamlet(&rng)
                if !hamlets.contains(name) { hamlets.append(name) }
            }
            for hamlet in hamlets { plan.append((Codes.Unit.naturalVillage, place + hamlet, 0.65)) }
            for i in 1...rng.int(3...8) { plan.append((Codes.Unit.villagerGroup, place + PlaceSyllables.chineseNumber(i) + "组", 0.65)) }
        }
        var all: [Int32] = [], groups: [(org: Int32, unit: Int32, place: String)] = []
        all.reserveCapacity(plan.count)
        let perUnit = max(10, women / max(1, plan.count))
        for (unit, unitPlace, share) in plan {
            let hasGroup = rng.chance(share)
            let org = em.org(name: em.intern(hasGroup ? unitPlace + "妇女小组" : unitPlace), level: Codes.Level.group,
                             unit: unit, field: Codes.Field.regional, form: hasGroup ? Codes.Form.group : nullCell,
                             converted: nullCell, region: region, women: Int32(perUnit * rng.int(70...130) / 100),
                             parent: village, cover: nullCell,
                             founded: hasGroup ? day(between: date(2017, 3, 1), min(term.from, today)) : nullCell,
                             termStart: hasGroup ? term.from : nullCell, termEnd: hasGroup ? term.to : nullCell)
            all.append(org)
            if hasGroup { groups.append((org, unit, unitPlace)) }
        }
        return (all, groups)
    }

    /// A leader for every women's group: about 80 % of them are the village's own execs while
    /// execs last (§4 draws execs from group leaders), the rest are women of the unit. One group in ten has a micro-home.
    private func groupLeaders(_ groups: [(org: Int32, unit: Int32, place: String)], committee: [Int32], skip: Int,
                              term: Term, community: Bool) {
        var nextExec = skip
        for group in groups {
            let unitTag = group.unit == Codes.Unit.grid ? Codes.Tag.gridWorker
                : (group.unit == Codes.Unit.building ? Codes.Tag.buildingHead : 0)
            if nextExec < committee.count && rng.chance(0.8) {
                let person = committee[nextExec]
                nextExec += 1
                appoint(person, Codes.Role.groupLeader, of: group.org, term: term)
                addTags(person, Codes.Tag.groupLeader | unitTag)
            } else {
                appointNew(Codes.Role.groupLeader, of: group.org, term: term, born: 1955...1996,
                           tags: Codes.Tag.groupLeader | unitTag, livesIn: group.org)
            }
            if rng.chance(0.1) {
                microHome(of: group.org, place: group.place, host: community ? Codes.Host.communityRoom : Codes.Host.partySite)
            }
        }
    }

    /// §1's groups beyond household registration: in about one village in eight, a women's group
    /// in a farmer cooperative, an industry association or an interest group, led by an exec.
    private func sidewaysGroup(under village: Int32, place: String, region: Int32, term: Term, committee: [Int32]) {
        guard rng.chance(0.125) else { return }
        let kinds: [(Int32, String, Int32)] = [
            (Codes.Unit.cooperative, "种植专业合作社", Codes.Tag.prosperityLeader),
            (Codes.Unit.association, "手工编织协会", Codes.Tag.prosperityLeader),
            (Codes.Unit.interestGroup, "广场舞兴趣组", Codes.Tag.interestLeader),
        ]
        let (unit, what, tag) = rng.pick(kinds)
        let org = em.org(name: em.intern(place + what + "妇女小组"), level: Codes.Level.group, unit: unit,
                         field: Codes.Field.horizontal, form: Codes.Form.group, converted: nullCell, region: region,
                         women: Int32(rng.int(8...60)), parent: village, cover: nullCell,
                         founded: day(between: date(2017, 6, 1), min(term.from, today)),
                         termStart: term.from, termEnd: term.to)
        let leader = rng.pick(committee)
        appoint(leader, Codes.Role.groupLeader, of: org, term: term)
        addTags(leader, tag)
    }
}
