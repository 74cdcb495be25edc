import WFStore

/// Capacity reserved up front, so that the columns of a nation-scale network are not copied
/// over and over as they grow (each doubling copies the whole column and briefly holds both).
extension Run {
    /// Rows per village or community, measured on province and nation networks (persons 15.3,
    /// positions 19–22, trainings 23–25, ledger entries 300 at province and 65 at nation scale,
    /// attendances 157 and 95, …), with about 20 % headroom. Reserving too much costs only
    /// address space: pages that are never written are never resident.
    func reserve() {
        let villages = shape.expectedVillages(scale) * 1.08
        let ledger = shape.ledgerShare * Double(shape.ledgerYears)
        let contacts = shape.ledgerShare * Double(min(shape.maxContacts, 14))
        let perVillage: [(Kind, Double)] = [
            (.org, 12), (.person, 19), (.position, 26), (.home, 3.6), (.training, 30),
            (.contact, 13 * contacts * 1.2), (.assignment, 16), (.ledger, 13 * 16 * 1.2 * ledger),
            (.meeting, 8.5 * Double(shape.meetingYears)), (.attendance, 95 * 1.2 * Double(shape.meetingYears)),
            (.presidium, 0.6), (.turn, 2.6), (.evaluation, 19 * Double(min(shape.evaluationYears, 5))),
            (.commendation, 0.2),
        ]
        for (kind, rows) in perVillage { em.builder.reserve(kind, Int(villages * rows)) }
    }
}
