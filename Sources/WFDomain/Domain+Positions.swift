import WFStore

/// The operations of the workforce and the reform: appoint, end a position, convert a congress,
/// and the records kept by the standing mechanisms (training, ledger, turns, …).
extension Domain {
    /// Appoints `person` to `role` in `org` for the term `from`…`to` (open-ended when nil).
    /// - Returns: the new position's row.
    @discardableResult
    public func appoint(_ store: inout Store, person: Int32, role: String, org: Int32, from: Day, to: Day?) throws -> Int32 {
        try create(&store, .position, [
            ("person", .ref(.person, person)), ("org", .ref(.org, org)), ("role", .label(role)),
            ("from", .date(from)), ("to", to.map { .date($0) } ?? .null),
        ])
    }

    /// Ends a position on `day` (its last day). Ending it later than it already ends is refused.
    public func end(_ store: inout Store, position: Int32, on day: Day) throws {
        try requireLive(store, .position, position)
        let from = store.cell(Schema.Position.from, position), to = store.cell(Schema.Position.to, position)
        if from != nullCell, day.raw < from {
            throw Rule.violation(Rule.endAfterStart, "position #\(position) starts on \(Day(raw: from).iso), so it cannot end on \(day.iso)")
        }
        if to != nullCell, day.raw > to {
            throw Rule.violation(Rule.endAfterStart, "position #\(position) already ended on \(Day(raw: to).iso)")
        }
        try set(&store, .position, position, [("to", .date(day))])
    }

    /// Converts a congress to a federation on `day` (会改联, §1): the form becomes federation,
    /// `converted` is set, and the director's position (and any other congress position) ends that day.
    public func convert(_ store: inout Store, org: Int32, on day: Day) throws {
        try requireLive(store, .org, org)
        let name = store.displayName(.org, org)
        guard store.cell(Schema.Org.form, org) == congressForm else {
            let form = Vocab.form.label(store.cell(Schema.Org.form, org)) ?? "no form"
            throw Rule.violation(Rule.convertCongress, "\(name) is a \(form), not a congress")
        }
        // Every check before any write: the positions first, then the org's new state (inside
        // `set`, which writes only if it passes); ending the positions can no longer fail.
        var ending: [Int32] = []
        for p in store.reverse(Schema.Position.org, org) {
            let from = store.cell(Schema.Position.from, p), to = store.cell(Schema.Position.to, p)
            if to == nullCell || to > day.raw {
                if from != nullCell && from > day.raw {
                    throw Rule.violation(Rule.endAfterStart,
                        "position #\(p) in \(name) starts on \(Day(raw: from).iso), after the conversion on \(day.iso)")
                }
                ending.append(p)
            }
        }
        try set(&store, .org, org, [("form", .label("federation")), ("converted", .date(day))])
        for p in ending { store.setCell(Schema.Position.to, p, day.raw) }
    }

    /// Records one of the standing mechanisms' records: training, ledger, commendation,
    /// evaluation, turn, presidium, meeting, attendance, contact, assignment or home.
    @discardableResult
    public func record(_ store: inout Store, _ kind: Kind, _ values: [(String, FieldValue)]) throws -> Int32 {
        try create(&store, kind, values)
    }
}
