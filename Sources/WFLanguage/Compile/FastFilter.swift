import WFStore

/// A filter that reads columns directly: `.birth_year > 1980 and .form == congress` over a kind's
/// set compiles to comparisons of `Int32` cells with constants, with no value boxed per row.
/// Conditions it cannot express (derived fields, function calls) fall back to the general path.
indirect enum RowPredicate {
    case compare(FieldID, BinaryOp, Int32)
    /// A string field compared with a text: resolved to an interned id when the filter runs.
    case text(FieldID, BinaryOp, String)
    case isNull(FieldID, Bool)
    case and(RowPredicate, RowPredicate)
    case or(RowPredicate, RowPredicate)
    case not(RowPredicate)
    /// A condition on the row a reference field points at, of the kind given (`.org.level ==
    /// village` over positions is `.through(position.org, .org, .compare(org.level, .eq, v))`).
    /// It holds as the condition does on that row; for a null reference, or one past its
    /// table's end, as it does on a row of nulls, since the general path reads `.org.level` of
    /// a null `.org` as null (`FastThrough.swift`).
    case through(FieldID, Kind, RowPredicate)
    /// A text field containing a text (`"芳" in .name`), tested once per distinct string
    /// (`TextContainsTest`); never for a null cell.
    case contains(FieldID, String)

    /// A per-row test bound to `store`'s columns.
    /// - Complexity: O(1) per row; reads base arrays directly when a column is unchanged.
    func bind(_ store: Store) -> (Int32) -> Bool {
        switch self {
        case .compare(let f, let op, let c):
            let col = store.column(f)
            if col.isPristine && col.tail.isEmpty {
                let base = col.base
                return RowPredicate.comparator(op, c) { base[Int($0)] }
            }
            return RowPredicate.comparator(op, c) { col[$0] }
        case .text(let f, let op, let s):
            guard let id = store.strings.lookup(s) else { return { _ in op == .ne } }
            return RowPredicate.compare(f, op, id).bind(store)
        case .isNull(let f, let wantNull):
            let col = store.column(f)
            return { (col[$0] == nullCell) == wantNull }
        case .and(let a, let b):
            let x = a.bind(store), y = b.bind(store)
            return { x($0) && y($0) }
        case .or(let a, let b):
            let x = a.bind(store), y = b.bind(store)
            return { x($0) || y($0) }
        case .not(let a):
            let x = a.bind(store)
            return { !x($0) }
        case .through(let edge, let target, let p):
            let test = ThroughTest(store, edge, target, p)
            return { test.holds($0) }
        case .contains(let f, let text):
            // A test per row, its count unknown (through a reference, or per item): no bit sets
            // over the whole pool for each.
            let test = TextContainsTest(store, f, text, rows: 0)
            return { test.holds($0) }
        }
    }

    /// Null cells compare false except under `!=`, exactly as the general path's `Value.compare`.
    static func comparator(_ op: BinaryOp, _ c: Int32, _ read: @escaping (Int32) -> Int32) -> (Int32) -> Bool {
        switch op {
        case .eq: return { read($0) == c }
        case .ne: return { read($0) != c }
        case .lt: return { let v = read($0); return v != nullCell && v < c }
        case .le: return { let v = read($0); return v != nullCell && v <= c }
        case .gt: return { let v = read($0); return v != nullCell && v > c }
        default: return { let v = read($0); return v != nullCell && v >= c }
        }
    }
}

extension Compiler {
    /// The column form of `cond` over items of `kind`, or nil when some part needs the general path.
    func rowPredicate(_ cond: Expr, _ kind: Kind) -> RowPredicate? {
        switch cond.kind {
        case .binary(.and, let l, let r):
            guard let a = rowPredicate(l, kind), let b = rowPredicate(r, kind) else { return nil }
            return RowPredicate.both(a, b)
        case .binary(.or, let l, let r):
            guard let a = rowPredicate(l, kind), let b = rowPredicate(r, kind) else { return nil }
            return .or(a, b)
        case .unary(.not, let e):
            return rowPredicate(e, kind).map { .not($0) }
        case .binary(let op, let l, let r) where [.eq, .ne, .lt, .le, .gt, .ge].contains(op):
            if let (field, onItem) = storedPath(l, kind) {
                return fieldCompare(field, op, r).map(onItem)
            }
            if let (field, onItem) = storedPath(r, kind) {
                return fieldCompare(field, op.swapped, l).map(onItem)
            }
            return nil
        case .binary(.in, let l, let r):
            // `"芳" in .name`: a text in a text field (`FastContains.swift`).
            guard case .string(let text) = l.kind, let (field, onItem) = textField(r, kind) else { return nil }
            return TextContainsTest.predicate(field, text).map(onItem)
        default:
            return nil
        }
    }

    /// The stored text field `e` reads on items of `kind`, as `storedPath` gives it; nil for
    /// any other expression or type (personal fields, read as secrets, are not texts to `in`).
    func textField(_ e: Expr, _ kind: Kind) -> (field: FieldID, onItem: (RowPredicate) -> RowPredicate)? {
        guard let path = storedPath(e, kind), case .string = Navigation.cellTypes[path.field.kind.rawValue][path.field.index] else { return nil }
        return path
    }

    func fieldCompare(_ field: FieldID, _ op: BinaryOp, _ constant: Expr) -> RowPredicate? {
        let equality = op == .eq || op == .ne
        if case .null = constant.kind {
            return equality ? .isNull(field, op == .eq) : nil
        }
        switch (field.field.type, constant.kind) {
        case (.int, .int(let i)):
            guard let c = Int32(exactly: i), c != nullCell else { return nil }
            return .compare(field, op, c)
        case (.date, .date(let d)):
            return .compare(field, op, d.raw)
        case (.bool, .bool(let b)):
            return equality ? .compare(field, op, b ? 1 : 0) : nil
        case (.string, .string(let s)):
            return equality ? .text(field, op, s) : nil
        case (.enumeration(let e), .name(let n)) where lookup(n) == nil:
            guard let code = e.code(of: n) else { return nil }
            return .compare(field, op, code)
        case (.enumeration(let e), .string(let n)):
            guard let code = e.code(of: n) else { return nil }
            return .compare(field, op, code)
        default:
            return nil
        }
    }

    /// Filters a kind's rows by column comparisons (`RowPredicate.select`, one tight loop per
    /// comparison), polling for cancellation between chunks of a million rows.
    static func fastFilter(_ rt: Runtime, _ raw: NodeSet, _ p: RowPredicate, _ span: Span) throws -> NodeSet {
        let s = rt.valid(raw)
        if let rows = s.rows {
            // One allocation for the result; the comparisons read unchanged columns in place.
            let kept = ContiguousArray<Int32>(unsafeUninitializedCapacity: rows.count) { out, n in
                guard let base = out.baseAddress else { n = 0; return }
                n = rows.withUnsafeBufferPointer { p.select(rt, .rows($0), into: base) }
            }
            return NodeSet(kind: s.kind, rows: kept)
        }
        let store = rt.store
        // All rows of a kind: in chunks, so that Ctrl-C is noticed within a fraction of a second.
        let n = store.count(s.kind)
        let table = store[s.kind]
        var out = ContiguousArray<Int32>()
        var start = 0
        while start < n {
            let end = min(n, start + 1 << 20)
            out.append(contentsOf: p.select(store, .range(start..<end)))
            start = end
            try rt.pollCancel(span)
        }
        if !table.deleted.isEmpty { out = out.filter { table.isLive($0) } }
        return NodeSet(kind: s.kind, rows: out)
    }
}
