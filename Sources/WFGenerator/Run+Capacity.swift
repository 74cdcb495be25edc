import WFStore

/// Capacity reserved up front, so that the columns of a nation-scale network are not copied
/// over and over as they grow (each doubling copies the whole column and briefly holds both).
extension Run {
    /// Rows per village or community, measured on county-scale networks (see the report in the
    /// commit that set them), with a little headroom.
    func reserve() {
        let villages = shape.expectedVillages(scale) * 1.08
        let ledger = shape.ledgerShare * Double(shape.ledgerYears)
        let perVillage: [(Kind, Double)] = [
            (.org, 12), (.person, 22), (.position, 26), (.home, 3), (.training, 28),
            (.contact, 13 * 14 * shape.ledgerShare * Double(min(shape.maxContacts, 14)) / 14),
            (.assignment, 13), (.ledger, 13 * 14 * ledger), (.meeting, 8.5 * Double(shape.meetingYears)),
            (.attendance, 95 * Double(shape.meetingYears)), (.presidium, 0.5), (.turn, 2),
            (.evaluation, 22 * Double(min(shape.evaluationYears, 5))), (.commendation, 0.1),
        ]
        for (kind, rows) in perVillage { em.builder.reserve(kind, Int(villages * rows)) }
    }
}
