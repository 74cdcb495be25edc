import WFStore

/// Every change to the network goes through here: the language, the REPL and the CSV importer.
///
/// Each operation builds the record as it would be after the change, checks it against the
/// rules, and only then writes. So a thrown `RuleViolation` leaves the store untouched, and an
/// atomic block only has to restore the copy it took before its first statement.
public struct Domain {
    /// The date that decides which positions are current (for deletions).
    public var today: Day

    public init(today: Day) { self.today = today }

    /// A domain dated by the store's reference date, or else by `fallback`.
    public init(store: Store, fallback: Day) { self.today = store.meta.asOf ?? fallback }

    // MARK: Generic records

    /// Creates a record of `kind` from named values; unnamed fields are null.
    /// - Returns: the new row id.
    /// - Complexity: O(fields) plus the rule checks of the kind (O(positions of the org) for positions).
    @discardableResult
    public func create(_ store: inout Store, _ kind: Kind, _ values: [(String, FieldValue)]) throws -> Int32 {
        var cells = [Int32](repeating: nullCell, count: kind.fields.count)
        var pending: [Int: String] = [:]
        for (name, value) in values {
            let field = try fieldID(kind, name)
            cells[field.index] = try cell(store, field, value, pending: &pending)
        }
        try validate(store, kind, row: nil, cells, pending)
        commit(&store, &cells, pending)
        return store.append(kind, cells)
    }

    /// Changes some fields of a live record.
    public func set(_ store: inout Store, _ kind: Kind, _ row: Int32, _ values: [(String, FieldValue)]) throws {
        try requireLive(store, kind, row)
        var cells = kind.fields.indices.map { store.cell(FieldID(kind, $0), row) }
        var pending: [Int: String] = [:]
        for (name, value) in values {
            let field = try fieldID(kind, name)
            cells[field.index] = try cell(store, field, value, pending: &pending)
            if case .text = value {} else { pending[field.index] = nil }
        }
        try validate(store, kind, row: row, cells, pending)
        commit(&store, &cells, pending)
        for i in cells.indices where cells[i] != store.cell(FieldID(kind, i), row) {
            store.setCell(FieldID(kind, i), row, cells[i])
        }
    }

    /// Points reference field `field` of a record at `target`.
    public func link(_ store: inout Store, _ kind: Kind, _ row: Int32, _ field: String, to target: Int32) throws {
        let id = try fieldID(kind, field)
        guard case .ref(let targetKind) = id.field.type else {
            throw Rule.violation(Rule.fieldType, "\(kind.name).\(field) is not a reference; use set")
        }
        try set(&store, kind, row, [(field, .ref(targetKind, target))])
    }

    /// Clears reference field `field` of a record.
    public func unlink(_ store: inout Store, _ kind: Kind, _ row: Int32, _ field: String) throws {
        let id = try fieldID(kind, field)
        guard case .ref = id.field.type else {
            throw Rule.violation(Rule.fieldType, "\(kind.name).\(field) is not a reference; use set")
        }
        try set(&store, kind, row, [(field, .null)])
    }

    /// Deletes a record. An organisation with children or current office-holders, and a person
    /// holding a current position, are refused with the way forward.
    public func delete(_ store: inout Store, _ kind: Kind, _ row: Int32) throws {
        try requireLive(store, kind, row)
        let name = store.displayName(kind, row)
        switch kind {
        case .org:
            let children = store.reverse(Schema.Org.parent, row)
            if !children.isEmpty {
                throw Rule.violation(Rule.deleteOrg, "\(name) still has \(children.count) child organisation(s)",
                                     hint: "move them elsewhere (set ORG.parent = …) or delete them first")
            }
            let current = currentPositions(store, Schema.Position.org, row)
            if !current.isEmpty {
                throw Rule.violation(Rule.deleteOrg, "\(name) still has \(current.count) current position(s)",
                                     hint: "end them first: for p in (org #\(row)).current_positions { end p on DATE }")
            }
        case .person:
            let current = currentPositions(store, Schema.Position.person, row)
            if !current.isEmpty {
                throw Rule.violation(Rule.deletePerson, "\(name) still holds \(current.count) current position(s)",
                                     hint: "end them first with `end POSITION on DATE`")
            }
        default:
            break
        }
        store.delete(kind, row)
    }

    // MARK: Helpers

    /// The cell of a text that is interned only once the change passed the rules.
    static let pendingText: Int32 = .max

    /// Interns the texts the rules have accepted. Writing only after validation (rather than
    /// validating a copy of the store) keeps each change O(1): a copy would make the next write to
    /// every touched column copy its overlay, which is quadratic over a long script.
    func commit(_ store: inout Store, _ cells: inout [Int32], _ pending: [Int: String]) {
        for (i, text) in pending { cells[i] = store.intern(text) }
    }

    func fieldID(_ kind: Kind, _ name: String) throws -> FieldID {
        guard let i = kind.fieldIndex(name) else {
            throw Rule.violation(Rule.unknownField, "\(kind.name) has no field '\(name)'",
                                 hint: "fields: " + kind.fields.map(\.name).joined(separator: ", "))
        }
        return FieldID(kind, i)
    }

    func requireLive(_ store: Store, _ kind: Kind, _ row: Int32) throws {
        guard store.isLive(kind, row) else {
            throw Rule.violation(Rule.liveTarget, "\(kind.name) #\(row) does not exist")
        }
    }

    /// Positions pointing at `row` through `field` that have not ended by `today`.
    func currentPositions(_ store: Store, _ field: FieldID, _ row: Int32) -> [Int32] {
        store.reverse(field, row).filter { p in
            let from = store.cell(Schema.Position.from, p), to = store.cell(Schema.Position.to, p)
            return (from == nullCell || from <= today.raw) && (to == nullCell || to >= today.raw)
        }
    }
}
