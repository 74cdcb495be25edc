import WFStore

/// The rules a record must satisfy after any change, by kind.
extension Domain {
    /// Checks the record `cells` of `kind` (row `row`, or a new row when nil) against the rules.
    /// `pending` holds the texts not yet interned, by field index.
    func validate(_ store: Store, _ kind: Kind, row: Int32?, _ cells: [Int32], _ pending: [Int: String]) throws {
        if let nf = kind.nameField, kind == .org || kind == .person || kind == .home {
            let text = pending[nf] ?? store.string(cells[nf])
            if text.isEmpty {
                throw Rule.violation(Rule.nameRequired, "a new \(kind.name) needs a name")
            }
        }
        switch kind {
        case .org: try validateOrg(store, row: row, cells, name: pending[Schema.Org.name.index] ?? store.string(cells[Schema.Org.name.index]))
        case .position: try validatePosition(store, row: row, cells)
        case .turn: try validateTurn(store, cells)
        case .presidium: try validatePresidium(store, cells)
        case .evaluation: try validateEvaluation(store, row: row, cells)
        case .commendation:
            if cells[Schema.Commendation.person.index] == nullCell && cells[Schema.Commendation.org.index] == nullCell {
                throw Rule.violation(Rule.commendWho, "a commendation needs a person or an org")
            }
        default: break
        }
    }

    func validateOrg(_ store: Store, row: Int32?, _ cells: [Int32], name: String) throws {
        let level = cells[Schema.Org.level.index]
        let parent = cells[Schema.Org.parent.index]
        if parent != nullCell {
            let parentName = store.displayName(.org, parent)
            if level == groupLevel {
                let pl = store.cell(Schema.Org.level, parent)
                if pl != villageLevel {
                    throw Rule.violation(Rule.groupParent,
                        "\(name) is a women's group, so its parent must be a village or community, not \(parentName) (\(levelName(pl)))")
                }
            }
            let pl = store.cell(Schema.Org.level, parent)
            // An online federation (网上妇联) hangs under the federation that runs it, at its level (§3).
            let online = cells[Schema.Org.field.index] == onlineField
            if level != nullCell, pl != nullCell, pl > level || (pl == level && !online) {
                throw Rule.violation(Rule.levelOrder,
                    "\(parentName) (\(levelName(pl))) cannot be the parent of \(name) (\(levelName(level)))")
            }
            if let row {
                var seen = 0
                var cursor = parent
                while cursor != nullCell && seen <= store.count(.org) {
                    if cursor == row {
                        throw Rule.violation(Rule.noCycle, "making \(parentName) the parent of \(name) would make a cycle",
                                             hint: "\(parentName) is already below \(name)")
                    }
                    cursor = store.cell(Schema.Org.parent, cursor)
                    seen += 1
                }
            }
        }
        if let row {
            for child in store.reverse(Schema.Org.parent, row) {
                let cl = store.cell(Schema.Org.level, child)
                let online = store.cell(Schema.Org.field, child) == onlineField
                if level != nullCell, cl != nullCell, cl < level || (cl == level && !online) {
                    throw Rule.violation(Rule.levelOrder,
                        "\(name) cannot become \(levelName(level)): its child \(store.displayName(.org, child)) is \(levelName(cl))")
                }
            }
        }
        let cover = cells[Schema.Org.cover.index]
        if cover != nullCell {
            if cover == row || store.cell(Schema.Org.level, cover) != townshipLevel {
                throw Rule.violation(Rule.coverTownship,
                    "\(store.displayName(.org, cover)) is not a township federation, so it cannot cover \(name)")
            }
        }
        let converted = cells[Schema.Org.converted.index], founded = cells[Schema.Org.founded.index]
        if converted != nullCell, founded != nullCell, converted < founded {
            throw Rule.violation(Rule.termOrder, "\(name) cannot convert (\(Day(raw: converted).iso)) before it was founded (\(Day(raw: founded).iso))")
        }
        try checkOrder(cells[Schema.Org.termStart.index], cells[Schema.Org.termEnd.index], "term of \(name)")
    }

    func validatePosition(_ store: Store, row: Int32?, _ cells: [Int32]) throws {
        let person = cells[Schema.Position.person.index], org = cells[Schema.Position.org.index]
        let role = cells[Schema.Position.role.index]
        let from = cells[Schema.Position.from.index], to = cells[Schema.Position.to.index]
        guard org != nullCell, store.isLive(.org, org) else {
            throw Rule.violation(Rule.liveOrg, "a position needs an existing organisation")
        }
        guard person != nullCell, store.isLive(.person, person) else {
            throw Rule.violation(Rule.liveOrg, "a position needs an existing person")
        }
        guard role != nullCell else { throw Rule.violation(Rule.fieldType, "a position needs a role") }
        guard from != nullCell else { throw Rule.violation(Rule.termOrder, "a position needs a start date (from)") }
        try checkOrder(from, to, "term")
        let orgName = store.displayName(.org, org)
        let form = store.cell(Schema.Org.form, org)
        let roleName = Vocab.role.label(role) ?? "?"
        let formName = Vocab.form.label(form) ?? "no form"
        switch roleName {
        case "chair", "vice_chair", "exec":
            if form == congressForm {
                throw Rule.violation(Rule.congressDirector, "\(orgName) is a congress, so it has a director, not a \(roleName)",
                                     hint: "convert it first: convert org \"\(orgName)\" on DATE")
            }
            if form != federationForm {
                throw Rule.violation(Rule.federationRoles, "\(orgName) is a \(formName), not a federation, so it has no \(roleName)")
            }
        case "director":
            if form != congressForm {
                throw Rule.violation(Rule.federationRoles, "\(orgName) is a \(formName), so it has a chair, not a director")
            }
        case "group_leader":
            if form != groupForm && form != workGroupForm {
                throw Rule.violation(Rule.groupRoles, "\(orgName) is a \(formName), not a women's group, so it has no group leader")
            }
        default: break
        }
        if roleName == "chair" || roleName == "director" {
            for other in store.reverse(Schema.Position.org, org) where other != row {
                guard store.cell(Schema.Position.role, other) == role else { continue }
                let of = store.cell(Schema.Position.from, other), ot = store.cell(Schema.Position.to, other)
                if overlaps(from, to, of, ot) {
                    let holder = store.displayName(.person, store.cell(Schema.Position.person, other))
                    let rule = roleName == "chair" ? Rule.oneChair : Rule.oneDirector
                    throw Rule.violation(rule,
                        "\(orgName) already has a \(roleName) in that term: \(holder) (position #\(other), \(span(of, ot)))",
                        hint: "end that position first: end position #\(other) on DATE")
                }
            }
        }
    }

    func validateTurn(_ store: Store, _ cells: [Int32]) throws {
        let org = cells[Schema.Turn.org.index], person = cells[Schema.Turn.person.index]
        try checkOrder(cells[Schema.Turn.from.index], cells[Schema.Turn.to.index], "turn")
        guard org != nullCell, person != nullCell else {
            throw Rule.violation(Rule.turnMember, "a turn needs an org and a person")
        }
        let members = store.reverse(Schema.Presidium.org, org).map { store.cell(Schema.Presidium.person, $0) }
        if !members.contains(person) {
            throw Rule.violation(Rule.turnMember,
                "\(store.displayName(.person, person)) is not in the rotating presidium of \(store.displayName(.org, org))",
                hint: "record presidium {org: …, person: …, since: DATE} first")
        }
    }

    func validatePresidium(_ store: Store, _ cells: [Int32]) throws {
        let org = cells[Schema.Presidium.org.index]
        if org != nullCell, store.cell(Schema.Org.level, org) != townshipLevel {
            throw Rule.violation(Rule.presidiumTownship, "\(store.displayName(.org, org)) is not a township or street federation")
        }
    }

    func validateEvaluation(_ store: Store, row: Int32?, _ cells: [Int32]) throws {
        let person = cells[Schema.Evaluation.person.index], year = cells[Schema.Evaluation.year.index]
        guard person != nullCell else { return }
        for other in store.reverse(Schema.Evaluation.person, person) where other != row {
            if store.cell(Schema.Evaluation.year, other) == year {
                throw Rule.violation(Rule.oneEvaluation,
                    "\(store.displayName(.person, person)) already has an evaluation for \(year) (evaluation #\(other))")
            }
        }
    }

    /// Open-ended terms (null end) run forever; a term ending on a day and one starting that day do
    /// not overlap, so a successor can start the day her predecessor's position was ended.
    func overlaps(_ a0: Int32, _ a1: Int32, _ b0: Int32, _ b1: Int32) -> Bool {
        let aEnd = a1 == nullCell ? Int32.max : a1, bEnd = b1 == nullCell ? Int32.max : b1
        let aStart = a0 == nullCell ? Int32.min : a0, bStart = b0 == nullCell ? Int32.min : b0
        return aStart < bEnd && bStart < aEnd
    }

    func checkOrder(_ from: Int32, _ to: Int32, _ what: String) throws {
        if from != nullCell, to != nullCell, to <= from {
            throw Rule.violation(Rule.termOrder, "the \(what) ends (\(Day(raw: to).iso)) before it starts (\(Day(raw: from).iso))")
        }
    }

    func span(_ from: Int32, _ to: Int32) -> String {
        (from == nullCell ? "…" : Day(raw: from).iso) + " to " + (to == nullCell ? "open" : Day(raw: to).iso)
    }

    func levelName(_ code: Int32) -> String { Vocab.level.label(code) ?? "no level" }

    var groupLevel: Int32 { Vocab.level.code(of: "group") ?? 6 }
    var villageLevel: Int32 { Vocab.level.code(of: "village") ?? 5 }
    var townshipLevel: Int32 { Vocab.level.code(of: "township") ?? 4 }
    var onlineField: Int32 { Vocab.field.code(of: "online") ?? 3 }
    var congressForm: Int32 { Vocab.form.code(of: "congress") ?? 1 }
    var federationForm: Int32 { Vocab.form.code(of: "federation") ?? 0 }
    var groupForm: Int32 { Vocab.form.code(of: "group") ?? 2 }
    var workGroupForm: Int32 { Vocab.form.code(of: "work_group") ?? 3 }
}
