import WFStore

/// The upper region tree: nation → province → city → county, each with a federation whose
/// executive committee takes in the chairs of the level below (as §5 does for townships).
extension Run {
    /// The 34 provincial-level codes, in the order of the national standard.
    static let provinceCodes = [11, 12, 13, 14, 15, 21, 22, 23, 31, 32, 33, 34, 35, 36, 37, 41, 42,
                                43, 44, 45, 46, 50, 51, 52, 53, 54, 61, 62, 63, 64, 65, 71, 81, 82]

    /// Generates the network for the run's scale, rooted at one body of that level.
    func generateNetwork() {
        reportStart()
        switch scale {
        case .nation:
            nation()
        case .province:
            enterProvince(code: rng.pick(Run.provinceCodes))
            _ = province(parent: nullCell, region: false)
        case .county:
            enterProvince(code: rng.pick(Run.provinceCodes))
            setCode(rng.int(1...12), offset: 2, width: 2)
            _ = county(parent: nullCell, number: shape.demo ? Demo.countyNumber : rng.int(1...90),
                       forced: shape.demo ? Demo.countyPlace : nil)
        case .township:
            enterProvince(code: rng.pick(Run.provinceCodes))
            enterCounty(number: rng.int(1...30), city: rng.int(1...12))
            _ = township(parent: nullCell, kind: .town, number: 100 + rng.int(1...20))
            commendations(firstPerson: 0, villages: countyVillages)
        case .village:
            enterProvince(code: rng.pick(Run.provinceCodes))
            enterCounty(number: rng.int(1...30), city: rng.int(1...12))
            setCode(100 + rng.int(1...20), offset: 6, width: 3)
            diligence = rng.double(0.76...0.9)
            setCode(200 + rng.int(1...30), offset: 9, width: 3)
            let v = village(parent: nullCell, community: false, term: term(baseYear: 2021, month: electionMonth, day: rng.int(1...28)))
            commendations(firstPerson: 0, villages: [v.org])
        }
        reportEnd()
    }

    /// Sets the province part of the code and the province's village election month.
    private func enterProvince(code: Int) {
        setCode(code, offset: 0, width: 2)
        electionMonth = rng.int(9...12)
        regionNames.reset()
    }

    /// Sets the city and county parts of the code, as at county scale and below.
    private func enterCounty(number: Int, city: Int) {
        setCode(city, offset: 2, width: 2)
        setCode(number, offset: 4, width: 2)
        countyCode = Array(code[0..<6])
        countyNames.reset()
        conversionRate = rng.double(0.92...0.97)
    }

    private func nation() {
        setCode(0, offset: 0, width: 2)
        rootPlace = "全国"
        let term = self.term(baseYear: 2023, month: 10, day: 23)
        let org = federationOrg(name: "全国妇联", level: Codes.Level.nation, unit: Codes.Unit.nation, parent: nullCell, term: term,
                                founded: date(1949, 4, 3))
        var heads: [Int32] = [], women = 0
        for (i, code) in Run.provinceCodes.enumerated() {
            enterProvince(code: code)
            let p = province(parent: org, region: i % 7 == 4)
            heads.append(p.chair)
            women += p.women
        }
        setCode(0, offset: 0, width: 2)
        upperCommittee(org: org, place: "全国", heads: heads, vices: 6...9, extras: 10...20, term: term, women: women)
    }

    private func province(parent: Int32, region: Bool) -> BodyResult {
        let root = provinceNames.claim { PlaceNamer.regionRoot(&self.rng) }
        let place = root + (region ? "自治区" : "省")
        if rootPlace.isEmpty { rootPlace = place }
        let term = self.term(baseYear: 2022, month: rng.int(5...9), day: rng.int(1...28))
        let org = federationOrg(name: place + "妇联", level: Codes.Level.province,
                                unit: region ? Codes.Unit.region : Codes.Unit.province, parent: parent, term: term,
                                founded: date(rng.int(1949...1958), 3, 8))
        var heads: [Int32] = [], women = 0
        for number in 1...rng.int(shape.citiesPerProvince) {
            setCode(number, offset: 2, width: 2)
            let c = city(parent: org)
            heads.append(c.chair)
            women += c.women
        }
        setCode(0, offset: 2, width: 2)
        let chair = upperCommittee(org: org, place: place, heads: heads, vices: 4...7, extras: 6...12, term: term, women: women)
        return BodyResult(org: org, chair: chair, women: women)
    }

    private func city(parent: Int32) -> BodyResult {
        let place = regionNames.claim { PlaceNamer.regionRoot(&self.rng) + "市" }
        if rootPlace.isEmpty { rootPlace = place }
        let term = self.term(baseYear: 2021, month: rng.int(10...12), day: rng.int(1...28))
        let org = federationOrg(name: place + "妇联", level: Codes.Level.city, unit: Codes.Unit.city, parent: parent, term: term,
                                founded: date(rng.int(1949...1980), 3, 8))
        var heads: [Int32] = [], women = 0
        let counties = rng.int(shape.countiesPerCity)
        // Numbered by kind as in real codes: 34 % districts, 14 % county-level cities, the rest counties.
        var districts = 0, plain = 20, cities = 80
        for _ in 0..<counties {
            let roll = rng.unit()
            let number: Int
            if roll < 0.34 {
                districts += 1
                number = min(20, districts)
            } else if roll < 0.48 {
                cities += 1
                number = min(99, cities)
            } else {
                plain += 1
                number = min(79, plain)
            }
            let c = county(parent: org, number: number)
            heads.append(c.chair)
            women += c.women
        }
        setCode(0, offset: 4, width: 2)
        let chair = upperCommittee(org: org, place: place, heads: heads, vices: 3...6, extras: 6...12, term: term, women: women)
        return BodyResult(org: org, chair: chair, women: women)
    }

    /// A county-level unit, its unit from its code range as in real codes: districts 01–20,
    /// counties 21–80, county-level cities 81–99.
    func county(parent: Int32, number: Int, forced: String? = nil) -> BodyResult {
        enterCounty(number: number, city: Int(code[2] - UInt8(ascii: "0")) * 10 + Int(code[3] - UInt8(ascii: "0")))
        countyVillages.removeAll(keepingCapacity: true)
        let firstPerson = Int32(em.count(.person))
        let unit = number <= 20 ? Codes.Unit.district : (number <= 80 ? Codes.Unit.county : Codes.Unit.countyCity)
        let suffix = unit == Codes.Unit.district ? "区" : (unit == Codes.Unit.county ? "县" : "市")
        let place = forced ?? regionNames.claim { PlaceNamer.regionRoot(&self.rng) + suffix }
        if rootPlace.isEmpty { rootPlace = place }
        let term = self.term(baseYear: 2021, month: 12, day: rng.int(1...28))
        let org = federationOrg(name: place + "妇联", level: Codes.Level.county, unit: unit, parent: parent, term: term,
                                founded: date(rng.int(1949...1985), 3, 8))
        onlineFederation(parent: org, place: place, level: Codes.Level.county, term: term)

        // Townships numbered as in real codes: streets from 001, towns from 101, townships from 201.
        let streetShare = unit == Codes.Unit.district ? 0.5 : 0.1
        var heads: [Int32] = [], women = 0, streets = 0, towns = 0, townships = 0
        for i in 0..<rng.int(shape.townshipsPerCounty) {
            let kind: TownshipKind
            var forcedPlace: String?
            if i == 0 && (shape.demo || (unit != Codes.Unit.district && rng.chance(0.4))) {
                kind = .town
                forcedPlace = countyNames.claim { Demo.seatTownship }
            } else if shape.demo {
                kind = i >= 4 ? .street : .town
            } else {
                let roll = rng.unit()
                kind = roll < streetShare ? .street : (roll < streetShare + (1 - streetShare) * 0.75 ? .town : .township)
            }
            let number: Int
            switch kind {
            case .street: streets += 1; number = streets
            case .town: towns += 1; number = 100 + towns
            case .township: townships += 1; number = 200 + townships
            }
            let t = township(parent: org, kind: kind, number: number, forcedPlace: forcedPlace)
            heads.append(t.chair)
            women += t.women
        }
        setCode(0, offset: 6, width: 3)
        let chair = upperCommittee(org: org, place: place, heads: heads, vices: 3...5, extras: 6...12, term: term, women: women)
        commendations(firstPerson: firstPerson, villages: countyVillages)
        return BodyResult(org: org, chair: chair, women: women)
    }

    private func federationOrg(name: String, level: Int32, unit: Int32, parent: Int32, term: Term, founded: Int32) -> Int32 {
        em.org(name: em.intern(name), level: level, unit: unit, field: Codes.Field.regional, form: Codes.Form.federation,
               converted: nullCell, region: regionCode(), women: 0, parent: parent, cover: nullCell, founded: founded,
               termStart: term.from, termEnd: term.to)
    }

    /// The committee of a county, city, province or the nation: a chair, vice chairs, and execs
    /// who are the chairs of the level below (`heads`) plus other women. Also its meetings and
    /// homes, and its women population (the sum below). Returns the chair.
    @discardableResult
    private func upperCommittee(org: Int32, place: String, heads: [Int32], vices: ClosedRange<Int>, extras: ClosedRange<Int>,
                                term: Term, women: Int) -> Int32 {
        // Its members' ID numbers carry the code of the seat's first district (xx0101, xxyy01).
        for i in stride(from: 2, to: 6, by: 2) where code[i] == UInt8(ascii: "0") && code[i + 1] == UInt8(ascii: "0") {
            code[i + 1] = UInt8(ascii: "1")
        }
        countyCode = Array(code[0..<6])
        if scale == .nation && org == 0 { countyCode = Array("110101".utf8) }
        let committee = newCommittee(of: org, term: term, vices: rng.int(vices), execs: rng.int(extras), born: 1962...1990,
                                     chairTags: Codes.Tag.partyMember | Codes.Tag.cadre, livesIn: org) {
            self.drawTags([(Codes.Tag.partyMember, 0.7), (Codes.Tag.skilled, 0.3), (Codes.Tag.entrepreneur, 0.15)])
        }
        for head in heads { appoint(head, Codes.Role.exec, of: org, term: term) }
        execMeetings(of: org, committee: committee + heads)
        homes(of: org, place: place, site: .township)
        em.builder.set(Schema.Org.women, org, Int32(clamping: women))
        return committee[0]
    }
}
