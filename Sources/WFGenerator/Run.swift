import WFStore

/// A five-year term of office, as days since 1970: `from` is election day, `to` the day the next
/// term begins.
struct Term {
    let from: Int32
    let to: Int32
}

/// The state of one generation: the rows emitted so far, the random stream, and the context of
/// the region being generated (its code, election month, how diligent its trainers are).
///
/// A class so that the many small steps in `Run+*.swift` share this state without threading it
/// through `inout` parameters; every step runs on one thread, in one fixed order, from one
/// random stream, which is what makes a seed reproduce the same network.
final class Run {
    var em = Emitter()
    var rng: RandomSource
    let scale: Scale
    let shape: Shape
    let asOf: Day
    /// `asOf.raw`: the generator's "today".
    let today: Int32
    let namer = PersonNamer()
    let texts: InternedTexts

    /// Names are unique among provinces, among the cities and counties of a province, and among
    /// the townships, villages and organisations of a county.
    var provinceNames = NameScope(), regionNames = NameScope(), countyNames = NameScope()

    /// The 12-digit region code of the area being generated, as ASCII digits.
    var code = [UInt8](repeating: UInt8(ascii: "0"), count: 12)
    /// The first six digits of `code` once a county is entered: the prefix of ID numbers.
    var countyCode = [UInt8](repeating: UInt8(ascii: "0"), count: 6)
    /// Month of the village elections in the current province (the village committees' month).
    var electionMonth = 10
    /// Share of office-holders trained this term in the current township (§14's gap is 1 − this).
    var diligence = 0.83
    /// The place name of the root body (平安县), for the network's name.
    var rootPlace = ""
    /// The village and community orgs of the current county (for collective commendations).
    var countyVillages: [Int32] = []
    /// Share of villages converted to federations in the current county (§1).
    var conversionRate = 0.95

    /// Interned ids of the names drawn so far, by `PersonNamer.index(of:)` (−1: not yet).
    /// Names repeat a lot (王芳), and interning goes through a `String`-keyed hash that must
    /// normalise Chinese text: this table makes a repeated name cost one array read. Only worth
    /// its 6.6 MB at province and nation scale; smaller networks draw most names once.
    private var nameIDs: [Int32]

    private var progress: ((Double) -> Void)?
    private var townshipsDone = 0
    private let townshipsExpected: Double
    private var lastPercent = -1

    init(scale: Scale, shape: Shape, seed: UInt64, asOf: Day, progress: ((Double) -> Void)?) {
        self.scale = scale
        self.shape = shape
        self.asOf = asOf
        self.today = asOf.raw
        self.rng = RandomSource(seed: seed)
        self.progress = progress
        let perTownship = Double(shape.villagesPerTownship.lowerBound + shape.villagesPerTownship.upperBound) / 2
        self.townshipsExpected = max(1, shape.expectedVillages(scale) / perTownship)
        nameIDs = shape.expectedVillages(scale) > 5_000 ? [Int32](repeating: -1, count: namer.drawCount) : []
        var em = Emitter()
        texts = InternedTexts(&em)
        self.em = em
    }

    // MARK: Progress

    /// Reports progress after a township; at most once per percent, so about 100 calls in all.
    func townshipFinished() {
        townshipsDone += 1
        let percent = min(99, Int(Double(townshipsDone) / townshipsExpected * 100))
        if percent > lastPercent {
            lastPercent = percent
            progress?(Double(percent) / 100)
        }
    }

    func reportStart() { progress?(0) }
    func reportEnd() { progress?(1) }

    // MARK: Dates

    /// The date, or "today" when it does not exist (only reachable with an absurd as-of date).
    func date(_ year: Int, _ month: Int, _ day: Int) -> Int32 {
        Day(year: year, month: month, day: min(day, 28))?.raw ?? today
    }

    /// A uniform day in `from...to` (just `from` when the range is empty).
    func day(between from: Int32, _ to: Int32) -> Int32 {
        to <= from ? from : from + Int32(rng.below(Int(to - from) + 1))
    }

    /// The term in force on the as-of date for bodies elected every five years in step with
    /// `baseYear` (2021 for villages and townships: the 2021 and 2026 village elections).
    func term(baseYear: Int, month: Int, day: Int) -> Term {
        var year = baseYear
        while year > 1900 && date(year, month, day) > today { year -= 5 }
        while year < 9000 && date(year + 5, month, day) <= today { year += 5 }
        return Term(from: date(year, month, day), to: date(year + 5, month, day))
    }

    // MARK: Strings

    /// The current region code as a string (interned).
    func regionCode() -> Int32 { em.intern(String(decoding: code, as: UTF8.self)) }

    /// Writes `value` as `width` decimal digits at `offset` of the region code, zeroing the rest.
    func setCode(_ value: Int, offset: Int, width: Int) {
        var v = value
        for i in stride(from: offset + width - 1, through: offset, by: -1) {
            code[i] = UInt8(ascii: "0") + UInt8(v % 10)
            v /= 10
        }
        for i in (offset + width)..<12 { code[i] = UInt8(ascii: "0") }
    }

    // MARK: People

    /// A drawn woman's name, interned.
    func personName() -> Int32 {
        let draw = namer.draw(&rng)
        if nameIDs.isEmpty { return em.intern(namer.text(of: draw)) }
        let i = namer.index(of: draw)
        if nameIDs[i] >= 0 { return nameIDs[i] }
        let id = em.intern(namer.text(of: draw))
        nameIDs[i] = id
        return id
    }

    /// Appends a woman with a drawn name, birth date, phone and ID number (with the current
    /// county's code as its prefix).
    func newPerson(born: ClosedRange<Int>, tags: Int32, livesIn: Int32, name: String? = nil) -> Int32 {
        let nameID = name.map { em.intern($0) } ?? personName()
        let year = rng.int(born), month = rng.int(1...12), day = rng.int(1...28)
        let phone = em.intern(Identity.phone(&rng))
        let id = em.intern(Identity.idNumber(county: countyCode, year: year, month: month, day: day, &rng))
        return em.person(name: nameID, birthYear: Int32(year), phone: phone, idNumber: id, tags: tags, livesIn: livesIn)
    }

    /// Adds tag bits to a person already appended.
    func addTags(_ person: Int32, _ tags: Int32) {
        let old = em.builder.cell(Schema.Person.tags, person)
        em.builder.set(Schema.Person.tags, person, old | tags)
    }

    /// Random tags from (mask, probability) pairs.
    func drawTags(_ pairs: [(Int32, Double)]) -> Int32 {
        var tags: Int32 = 0
        for (mask, p) in pairs where rng.chance(p) { tags |= mask }
        return tags
    }
}
