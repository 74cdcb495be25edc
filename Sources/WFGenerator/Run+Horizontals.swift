import WFStore

/// The organisations a township federation takes in sideways (§2: agencies, enterprises and
/// institutions, social and fellowship organisations) and the new fields (§3: parks, commercial
/// buildings, markets, two-new organisations and new groups of women).
///
/// They sit one level below the township (level `village`) with the township federation as
/// vertical parent: that is the area they are in. `cover` says whether the township federation
/// has taken them in (regionalisation); about one in seven has not, yet.
extension Run {
    private struct BodyPlan {
        let unit: Int32
        let field: Int32
        let place: String
        let form: Int32
        /// Execs of a federation; 0 for a group or work group, which has a leader only.
        let execs: ClosedRange<Int>
        let chairTag: Int32
        let microHost: Int32?
    }

    /// Generates the township's horizontal and new-field bodies. Returns their chairs, who may
    /// sit on the township committee.
    func horizontals(township: Int32, place: String, street: Bool, term: Term) -> [Int32] {
        var plans: [BodyPlan] = []
        var horizontalKinds = [0, 1, 2, 2, 3, 4]
        rng.shuffle(&horizontalKinds)
        for kind in horizontalKinds.prefix(rng.int(1...3)) { plans.append(horizontalPlan(kind, place: place)) }
        var newKinds = [0, 1, 2, 3, 4, 5, 6, 7]
        rng.shuffle(&newKinds)
        for kind in newKinds.prefix(rng.int(1...3)) { plans.append(newFieldPlan(kind, place: place, street: street)) }

        var chairs: [Int32] = []
        let region = regionCode()
        for plan in plans {
            let org = em.org(name: em.intern(plan.place + Vocab.form.chinese[Int(plan.form)]), level: Codes.Level.village,
                             unit: plan.unit, field: plan.field, form: plan.form, converted: nullCell, region: region,
                             women: Int32(rng.int(20...600)), parent: township, cover: rng.chance(0.86) ? township : nullCell,
                             founded: day(between: date(2017, 3, 1), min(term.from, today)),
                             termStart: term.from, termEnd: term.to)
            if plan.execs.lowerBound == 0 {
                appointNew(Codes.Role.groupLeader, of: org, term: term, born: 1965...1995, tags: plan.chairTag, livesIn: org)
            } else {
                let committee = newCommittee(of: org, term: term, vices: plan.execs.upperBound > 10 ? 2 : 1,
                                             execs: rng.int(plan.execs), born: 1965...1998, chairTags: plan.chairTag,
                                             livesIn: org) { self.drawTags([(Codes.Tag.partyMember, 0.3), (Codes.Tag.skilled, 0.2)]) }
                chairs.append(committee[0])
                homes(of: org, place: plan.place, site: .horizontal)
            }
            if let host = plan.microHost, rng.chance(0.6) { microHome(of: org, place: plan.place, host: host) }
        }
        return chairs
    }

    /// A named company: 临江纺织有限公司.
    private func company() -> String {
        countyNames.claim { PlaceNamer.regionRoot(&self.rng) + self.rng.pick(PlaceSyllables.industries) + "有限公司" }
    }

    private func horizontalPlan(_ kind: Int, place: String) -> BodyPlan {
        let fed = Codes.Form.federation, field = Codes.Field.horizontal
        switch kind {
        case 0:
            let name = countyNames.claim { place + self.rng.pick(PlaceSyllables.agencies) }
            return BodyPlan(unit: Codes.Unit.agency, field: field, place: name, form: fed, execs: 2...5,
                            chairTag: Codes.Tag.agencyHead, microHost: nil)
        case 1:
            let name = countyNames.claim { place + self.rng.pick(PlaceSyllables.institutions) }
            return BodyPlan(unit: Codes.Unit.institution, field: field, place: name, form: fed, execs: 2...5,
                            chairTag: Codes.Tag.agencyHead, microHost: nil)
        case 2:
            return BodyPlan(unit: Codes.Unit.enterprise, field: field, place: company(), form: fed, execs: 2...5,
                            chairTag: Codes.Tag.entrepreneur, microHost: nil)
        case 3:
            let name = countyNames.claim { place + self.rng.pick(PlaceSyllables.socialOrgs) }
            return BodyPlan(unit: Codes.Unit.socialOrg, field: field, place: name, form: fed, execs: 2...5,
                            chairTag: Codes.Tag.socialOrgHead, microHost: nil)
        default:
            let name = countyNames.claim { place + self.rng.pick(PlaceSyllables.fellowships) }
            return BodyPlan(unit: Codes.Unit.fellowship, field: field, place: name, form: fed, execs: 2...5,
                            chairTag: Codes.Tag.entrepreneur, microHost: nil)
        }
    }

    private func newFieldPlan(_ kind: Int, place: String, street: Bool) -> BodyPlan {
        let fed = Codes.Form.federation, field = Codes.Field.newField
        switch kind {
        case 0:
            let name = countyNames.claim { place + (street ? "科技园区" : "工业园区") }
            return BodyPlan(unit: Codes.Unit.park, field: field, place: name, form: fed, execs: 9...15,
                            chairTag: Codes.Tag.entrepreneur, microHost: Codes.Host.enterpriseSite)
        case 1:
            let name = countyNames.claim { PlaceNamer.urbanRoot(&self.rng) + self.rng.pick(PlaceSyllables.buildings) }
            return BodyPlan(unit: Codes.Unit.commercialBuilding, field: field, place: name, form: fed, execs: 9...15,
                            chairTag: Codes.Tag.entrepreneur, microHost: Codes.Host.enterpriseSite)
        case 2:
            let name = countyNames.claim { PlaceNamer.regionRoot(&self.rng) + self.rng.pick(PlaceSyllables.markets) }
            return BodyPlan(unit: Codes.Unit.market, field: field, place: name, form: fed, execs: 3...7,
                            chairTag: Codes.Tag.entrepreneur, microHost: Codes.Host.ownSite)
        case 3:
            let small = rng.chance(0.25)
            return BodyPlan(unit: Codes.Unit.twoNew, field: field, place: company(),
                            form: small ? Codes.Form.workGroup : fed, execs: small ? 0...0 : 2...5,
                            chairTag: Codes.Tag.entrepreneur, microHost: Codes.Host.enterpriseSite)
        case 4:
            let name = countyNames.claim { place + PlaceNamer.urbanRoot(&self.rng) + "广场舞队" }
            return BodyPlan(unit: Codes.Unit.danceTeam, field: field, place: name, form: Codes.Form.group, execs: 0...0,
                            chairTag: Codes.Tag.danceLeader, microHost: nil)
        case 5:
            let name = countyNames.claim { place + "流动妇女" }
            return BodyPlan(unit: Codes.Unit.migrantWomen, field: field, place: name, form: fed, execs: 2...5,
                            chairTag: Codes.Tag.migrant, microHost: Codes.Host.communityRoom)
        case 6:
            let name = countyNames.claim { place + "女创客联盟" }
            return BodyPlan(unit: Codes.Unit.makers, field: field, place: name, form: fed, execs: 2...5,
                            chairTag: Codes.Tag.entrepreneur, microHost: nil)
        default:
            let name = countyNames.claim { place + "自由职业女性" }
            return BodyPlan(unit: Codes.Unit.freelancers, field: field, place: name, form: fed, execs: 2...5,
                            chairTag: Codes.Tag.skilled, microHost: nil)
        }
    }
}
