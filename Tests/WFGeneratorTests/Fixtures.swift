import WFStore
@testable import WFGenerator

/// Networks shared by the tests: generating is the slow part of the suite in debug builds,
/// so each is made once per test process.
enum Fixtures {
    static let county = Generator(scale: .county, seed: 7).generate()
    static let demo = Demo.county()
}

/// Small queries over a store, written out in full so that the tests do not depend on the
/// language layer.
extension Store {
    func positions(of org: Int32) -> [Int32] { reverse(Schema.Position.org, org) }
    func positionsHeld(by person: Int32) -> [Int32] { reverse(Schema.Position.person, person) }

    func role(_ position: Int32) -> Int32 { cell(Schema.Position.role, position) }

    /// How many positions of `org` have role `label`.
    func count(of label: String, in org: Int32) -> Int {
        guard let code = Vocab.role.code(of: label) else { return -1 }
        return positions(of: org).filter { role($0) == code }.count
    }

    /// Orgs whose enumeration field `field` has label `label`.
    func orgs(where field: FieldID, is label: String) -> [Int32] {
        guard case .enumeration(let type) = field.field.type, let code = type.code(of: label) else { return [] }
        return (0..<Int32(count(.org))).filter { cell(field, $0) == code }
    }

    /// Village and community bodies (not the horizontal bodies that share their level).
    var villageBodies: [Int32] {
        let units = [Vocab.unit.code(of: "village"), Vocab.unit.code(of: "community")]
        return orgs(where: Schema.Org.level, is: "village").filter { units.contains(cell(Schema.Org.unit, $0)) }
    }
}
