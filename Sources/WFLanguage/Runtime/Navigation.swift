import WFStore

/// How a name after `.` reads a node: a stored field, a reverse edge, or a derived field.
enum Accessor {
    case field(FieldID)
    case reverse(FieldID)
    case derived(Derived)
}

/// Fields computed from the graph rather than stored.
enum Derived: String, CaseIterable {
    case id, descendants, ancestors, chair, holders, current_positions, current, roles, role, orgs, age

    func applies(to kind: Kind) -> Bool {
        switch self {
        case .id: return true
        case .descendants, .ancestors, .chair, .holders: return kind == .org
        case .current_positions: return kind == .org || kind == .person
        case .roles, .role, .orgs, .age: return kind == .person
        case .current: return kind == .position
        }
    }

    /// True when the result is a node set (so navigation over a set takes the union).
    var isSet: Bool {
        switch self {
        case .descendants, .ancestors, .holders, .current_positions, .orgs: return true
        default: return false
        }
    }

    func resultKind(_ kind: Kind) -> Kind? {
        switch self {
        case .descendants, .ancestors: return .org
        case .holders, .chair: return .person
        case .current_positions: return .position
        case .orgs: return .org
        default: return nil
        }
    }
}

enum Navigation {
    static let enumIndex: [String: Int] = {
        var d: [String: Int] = [:]
        for (i, e) in Vocab.all.enumerated() { d[e.name] = i }
        return d
    }()

    /// Every name readable on each kind, built once: stored fields first, then reverse edges,
    /// then derived fields (a stored field wins a clash).
    static let accessors: [[String: Accessor]] = Kind.allCases.map { kind in
        var table: [String: Accessor] = [:]
        for d in Derived.allCases where d.applies(to: kind) { table[d.rawValue] = .derived(d) }
        for e in Store.reverseEdges(into: kind) { table[e.name] = .reverse(e.field) }
        for (i, f) in kind.fields.enumerated() { table[f.name] = .field(FieldID(kind, i)) }
        return table
    }

    /// - Complexity: O(1) hash look-up.
    static func accessor(_ kind: Kind, _ name: String) -> Accessor? { accessors[kind.rawValue][name] }

    /// Every name that reads something of `kind` (for suggestions and completion).
    static func names(_ kind: Kind) -> [String] {
        kind.fields.map(\.name) + Store.reverseEdges(into: kind).map(\.name)
            + Derived.allCases.filter { $0.applies(to: kind) }.map(\.rawValue) + ["count"]
    }

    /// The kind an accessor leads to, when it leads to nodes.
    static func targetKind(_ acc: Accessor, from kind: Kind) -> Kind? {
        switch acc {
        case .field(let f): if case .ref(let k) = f.field.type { return k } else { return nil }
        case .reverse(let f): return f.kind
        case .derived(let d): return d.resultKind(kind)
        }
    }

    static func isSetValued(_ acc: Accessor) -> Bool {
        switch acc {
        case .field: return false
        case .reverse: return true
        case .derived(let d): return d.isSet
        }
    }

    /// How a stored cell becomes a value, per kind and field index. Read per row instead of
    /// `field.field.type`, which copies the schema's `Field` (and retains its strings) each time.
    enum CellType {
        case int, bool, date, string, personal, tags
        case enumeration(Int)
        case ref(Kind)
    }

    static let cellTypes: [[CellType]] = Kind.allCases.map { kind in
        kind.fields.map { f in
            switch f.type {
            case .int: return .int
            case .bool: return .bool
            case .date: return .date
            case .string: return .string
            case .personal: return .personal
            case .enumeration(let e): return .enumeration(enumIndex[e.name] ?? 0)
            case .tags: return .tags
            case .ref(let k): return .ref(k)
            }
        }
    }

    /// Whether the field's cells are ids of texts in the string pool.
    static func isText(_ field: FieldID) -> Bool {
        switch cellTypes[field.kind.rawValue][field.index] {
        case .string, .personal: return true
        default: return false
        }
    }

    /// A text field's non-null cell as a value, given its text: masked when personal.
    @inline(__always) static func textValue(_ field: FieldID, _ text: String) -> Value {
        if case .personal = cellTypes[field.kind.rawValue][field.index] { return .secret(text) }
        return .string(text)
    }

    /// A stored cell as a value.
    @inline(__always) static func cellValue(_ store: borrowing Store, _ field: FieldID, _ c: Int32) -> Value {
        if c == nullCell { return .null }
        switch cellTypes[field.kind.rawValue][field.index] {
        case .int: return .int(Int64(c))
        case .bool: return .bool(c != 0)
        case .date: return .date(Day(raw: c))
        case .string: return .string(store.string(c))
        case .personal: return .secret(store.string(c))
        case .enumeration(let t): return .enumValue(t, c)
        case .ref(let k): return .node(k, c)
        case .tags: return tagsValue(field, c)
        }
    }

    /// A cell as a value when that needs no look-up in the store (all but texts and tags).
    @inline(__always) static func plainCellValue(_ field: FieldID, _ c: Int32) -> Value? {
        plainCellValue(cellTypes[field.kind.rawValue][field.index], c)
    }

    @inline(__always) static func plainCellValue(_ type: CellType, _ c: Int32) -> Value? {
        if c == nullCell { return .null }
        switch type {
        case .int: return .int(Int64(c))
        case .bool: return .bool(c != 0)
        case .date: return .date(Day(raw: c))
        case .enumeration(let t): return .enumValue(t, c)
        case .ref(let k): return .node(k, c)
        case .string, .personal, .tags: return nil
        }
    }

    /// A tags cell (a bit set of labels) as the list of its labels.
    static func tagsValue(_ field: FieldID, _ c: Int32) -> Value {
        guard case .tags(let e) = field.field.type else { return .null }
        let t = enumIndex[e.name] ?? 0
        return .list(e.labels.indices.filter { c & (1 << Int32($0)) != 0 }.map { .enumValue(t, Int32($0)) })
    }

    static func isCurrent(_ store: Store, position p: Int32, today: Day) -> Bool {
        let from = store.cell(Schema.Position.from, p), to = store.cell(Schema.Position.to, p)
        return (from == nullCell || from <= today.raw) && (to == nullCell || to >= today.raw)
    }

    static func currentPositions(_ store: Store, _ field: FieldID, _ row: Int32, today: Day) -> [Int32] {
        store.reverse(field, row).filter { isCurrent(store, position: $0, today: today) }
    }

    /// Reads `acc` of one node.
    ///
    /// Reads `rt.store` in place rather than into a local: a local copy of `Store` retains and
    /// releases every array it holds, which was the largest single cost of `.field` per row.
    static func read(_ rt: Runtime, _ kind: Kind, _ row: Int32, _ acc: Accessor) -> Value {
        switch acc {
        case .field(let f):
            if let c = rt.columns.cell(rt, f, row) {
                let type = rt.cellTypes[f.kind.rawValue][f.index]
                if let v = plainCellValue(type, c) { return v }
                switch type {
                case .string: if let s = rt.pool.baseString(rt, c) { return .string(s) }
                case .personal: if let s = rt.pool.baseString(rt, c) { return .secret(s) }
                default: break
                }
            }
            return readField(rt.store, f, row)
        case .reverse(let f): return readReverse(rt, kind, f, row)
        case .derived(let d):
            guard row >= 0, Int(row) < rt.rowCount(kind) else { return .null }
            if case .id = d { return .int(Int64(row)) }
            return derived(rt, kind, row, d)
        }
    }

    /// The stored cell of one row, `nullCell` for a row past the table's end (as `readField`).
    /// - Complexity: O(1).
    @inline(__always) static func cell(_ rt: Runtime, _ f: FieldID, _ row: Int32) -> Int32 {
        if let c = rt.columns.cell(rt, f, row) { return c }
        return storedCell(rt.store, f, row)
    }

    @inline(__always) private static func storedCell(_ store: borrowing Store, _ f: FieldID, _ row: Int32) -> Int32 {
        guard row >= 0, Int(row) < store.tables[f.kind.rawValue].count else { return nullCell }
        return store.cell(f, row)
    }

    /// A stored field of one row, or null for a row past the table's end (a node can outlive its
    /// row: one created inside a what-if and kept in a variable).
    /// - Complexity: O(1).
    @inline(__always) static func readField(_ store: borrowing Store, _ f: FieldID, _ row: Int32) -> Value {
        guard row >= 0, Int(row) < store.tables[f.kind.rawValue].count else { return .null }
        return cellValue(store, f, store.cell(f, row))
    }

    /// The rows pointing at `row` through `f`, as a set.
    /// - Complexity: O(rows found) and one allocation for the set: a copy of a slice of the
    ///   reverse index while the store is unchanged (`EdgeCache`), else `Store.reverse`.
    @inline(__always) static func readReverse(_ rt: Runtime, _ kind: Kind, _ f: FieldID, _ row: Int32) -> Value {
        if let rows = rt.edges.rows(rt, f, row) {
            guard row >= 0, Int(row) < rt.rowCount(kind) else { return .null }
            return .nodes(NodeSet(kind: f.kind, rows: ContiguousArray(rows)))
        }
        guard row >= 0, Int(row) < rt.rowCount(kind) else { return .null }
        return .nodes(NodeSet(kind: f.kind, rows: ContiguousArray(rt.store.reverse(f, row))))
    }

    static func derived(_ rt: Runtime, _ kind: Kind, _ row: Int32, _ d: Derived) -> Value {
        let store = rt.store, today = rt.today
        switch d {
        case .id: return .int(Int64(row))
        case .descendants: return .nodes(NodeSet(kind: .org, rows: ContiguousArray(descendants(store, [row]))))
        case .ancestors:
            var out: [Int32] = []
            var cursor = store.cell(Schema.Org.parent, row)
            while cursor != nullCell, out.count <= store.count(.org), store.isLive(.org, cursor) {
                out.append(cursor)
                cursor = store.cell(Schema.Org.parent, cursor)
            }
            return .nodes(NodeSet(kind: .org, rows: ContiguousArray(Set(out).sorted())))
        case .chair:
            let chair = Vocab.role.code(of: "chair") ?? 0
            for p in currentPositions(store, Schema.Position.org, row, today: today)
            where store.cell(Schema.Position.role, p) == chair {
                return .node(.person, store.cell(Schema.Position.person, p))
            }
            return .null
        case .holders:
            let people = currentPositions(store, Schema.Position.org, row, today: today).map { store.cell(Schema.Position.person, $0) }
            return .nodes(NodeSet(kind: .person, rows: ContiguousArray(Set(people).sorted())))
        case .current_positions:
            let field = kind == .org ? Schema.Position.org : Schema.Position.person
            return .nodes(NodeSet(kind: .position, rows: ContiguousArray(currentPositions(store, field, row, today: today))))
        case .current: return .bool(isCurrent(store, position: row, today: today))
        case .roles:
            let t = enumIndex[Vocab.role.name] ?? 0
            let codes = Set(currentPositions(store, Schema.Position.person, row, today: today).map { store.cell(Schema.Position.role, $0) })
            return .list(codes.sorted().map { .enumValue(t, $0) })
        case .role:
            let t = enumIndex[Vocab.role.name] ?? 0
            let codes = currentPositions(store, Schema.Position.person, row, today: today).map { store.cell(Schema.Position.role, $0) }
            return codes.min().map { .enumValue(t, $0) } ?? .null
        case .orgs:
            let orgs = currentPositions(store, Schema.Position.person, row, today: today).map { store.cell(Schema.Position.org, $0) }
            return .nodes(NodeSet(kind: .org, rows: ContiguousArray(Set(orgs).sorted())))
        case .age:
            let y = store.cell(Schema.Person.birthYear, row)
            return y == nullCell ? .null : .int(Int64(today.year) - Int64(y))
        }
    }

    /// Every organisation below `roots` (not the roots), ascending.
    /// - Complexity: O(descendants) with one reverse-index look-up each.
    static func descendants(_ store: Store, _ roots: [Int32]) -> [Int32] {
        var out: [Int32] = []
        var seen = Set<Int32>(roots)
        var queue = roots
        var i = 0
        while i < queue.count {
            for c in store.reverse(Schema.Org.parent, queue[i]) where !seen.contains(c) {
                seen.insert(c)
                out.append(c)
                queue.append(c)
            }
            i += 1
        }
        out.sort()
        return out
    }

    /// Reads `acc` over a set: the union for node-valued accessors, a list otherwise.
    static func readSet(_ rt: Runtime, _ set: NodeSet, _ acc: Accessor, span: Span) throws -> Value {
        let ids = set.ids(rt.store)
        if let target = targetKind(acc, from: set.kind) {
            if case .reverse(let f) = acc { return .nodes(reverseUnion(rt, f, ids, of: set.kind)) }
            if case .derived(.descendants) = acc {
                return .nodes(NodeSet(kind: .org, rows: ContiguousArray(descendants(rt.store, Array(ids)))))
            }
            var seen = Set<Int32>()
            var rows: [Int32] = []
            for r in ids {
                try rt.tick(span)
                switch read(rt, set.kind, r, acc) {
                case .node(_, let t) where t != nullCell: if seen.insert(t).inserted { rows.append(t) }
                case .nodes(let s): for t in s.rows ?? [] where seen.insert(t).inserted { rows.append(t) }
                default: break
                }
            }
            rows.sort()
            return .nodes(NodeSet(kind: target, rows: ContiguousArray(rows)))
        }
        var out: [Value] = []
        out.reserveCapacity(ids.count)
        for r in ids { out.append(read(rt, set.kind, r, acc)) }
        return .list(out)
    }

    /// One pass over the edge's column costs less than a look-up per target (each an array of
    /// its own, then a sort of them all) from one target per this many rows of the edge's kind.
    static let unionScanRowsPerTarget = 64

    /// The rows of `field.kind` pointing at any of `targets` (rows of `kind`), ascending and
    /// distinct. Many targets are found by one pass over the edge's column, with the targets as
    /// bits: `orgs.positions` at province scale took 38 ms by look-ups.
    static func reverseUnion(_ rt: Runtime, _ field: FieldID, _ targets: ContiguousArray<Int32>, of kind: Kind) -> NodeSet {
        let n = rt.rowCount(field.kind), store = rt.store
        guard targets.count &* unionScanRowsPerTarget >= n else { return reverseUnion(store, field, targets) }
        let wanted = TargetMask(targets, targets: rt.rowCount(kind))
        let allLive = rt.liveCount(field.kind) == n
        var out = ContiguousArray<Int32>()
        if let cells = rt.columns.cells(rt, field), cells.count == n {
            for r in 0..<n where wanted.contains(cells[r]) && (allLive || store.isLive(field.kind, Int32(r))) {
                out.append(Int32(truncatingIfNeeded: r))
            }
        } else {
            let column = store.column(field)
            for r in Int32(0)..<Int32(truncatingIfNeeded: n) where wanted.contains(column[r]) && (allLive || store.isLive(field.kind, r)) {
                out.append(r)
            }
        }
        return NodeSet(kind: field.kind, rows: out)
    }

    /// `reverseUnion` by one look-up per target.
    static func reverseUnion(_ store: Store, _ field: FieldID, _ targets: ContiguousArray<Int32>) -> NodeSet {
        var rows: [Int32] = []
        for t in targets { rows.append(contentsOf: store.reverse(field, t)) }
        rows.sort()
        var out = ContiguousArray<Int32>()
        out.reserveCapacity(rows.count)
        for r in rows where out.last != r { out.append(r) }
        return NodeSet(kind: field.kind, rows: out)
    }
}
