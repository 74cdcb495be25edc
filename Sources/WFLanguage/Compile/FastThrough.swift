import WFStore

/// Conditions on the row a reference points at, in column form: `positions | where .org.level
/// == village` and `p.attended | where .meeting.date > d` test the referenced row's cell, with
/// no node or date `Value` made per row. Without this a condition through a reference sent the
/// whole `where` to the general path, which navigated and boxed every hop for every row, and
/// named conditions given such a field (`in_window(.meeting.date, year, s)`) evaluated their
/// operands again for every row.
extension Compiler {
    /// The stored field `e` reads on items of `kind`, directly (`.level`) or through reference
    /// fields (`.org.level`, `.org.parent.level`), and what turns a condition on that field into
    /// one on the item. Nil when `e` is not such a path.
    func storedPath(_ e: Expr, _ kind: Kind) -> (field: FieldID, onItem: (RowPredicate) -> RowPredicate)? {
        guard case .field(let base, let name, _) = e.kind else { return nil }
        guard let base else { return kind.fieldIndex(name).map { (FieldID(kind, $0), { $0 }) } }
        guard let (reference, onItem) = storedPath(base, kind),
              case .ref(let target) = Navigation.cellTypes[reference.kind.rawValue][reference.index],
              let index = target.fieldIndex(name) else { return nil }
        return (FieldID(target, index), { p in onItem(.through(reference, target, p)) })
    }
}

extension RowPredicate {
    /// Whether the condition holds on a row whose every cell is null: what the general path
    /// answers for a field read through a null reference.
    var holdsOnNullRow: Bool {
        switch self {
        case .compare(_, let op, let c): return RowPredicate.comparator(op, c) { _ in nullCell }(0)
        case .text(_, let op, _): return op == .ne
        case .isNull(_, let wantNull): return wantNull
        case .and(let a, let b): return a.holdsOnNullRow && b.holdsOnNullRow
        case .or(let a, let b): return a.holdsOnNullRow || b.holdsOnNullRow
        case .not(let a): return !a.holdsOnNullRow
        case .through(_, _, let p): return p.holdsOnNullRow
        case .contains: return false
        }
    }

    /// Whether some part reads through a reference (a read of another table per row).
    var readsThrough: Bool {
        switch self {
        case .compare, .text, .isNull, .contains: return false
        case .and(let a, let b), .or(let a, let b): return a.readsThrough || b.readsThrough
        case .not(let a): return a.readsThrough
        case .through: return true
        }
    }

    /// `a and b`, with the parts that read through a reference tested last: the others are
    /// column ranges tested together (`selectRanges`) and leave fewer rows to look through.
    /// Parts through the same reference are joined into one, which reads the reference once
    /// and tests the referenced row's ranges together (`in_window(.meeting.date, …)` is three).
    /// Conditions are joined one part at a time, left to right, so `a` is kept in this shape:
    /// the plain parts, then those through references. Made per run for every set a `where`
    /// filters, so it allocates nothing but the joined nodes.
    static func both(_ a: RowPredicate, _ b: RowPredicate) -> RowPredicate {
        switch (a.readsThrough, b.readsThrough) {
        case (false, _):
            return .and(a, b)
        case (true, false):
            // A plain part joins the plain ones before the first part through a reference.
            if case .and(let plain, let rest) = a, !plain.readsThrough { return .and(both(plain, b), rest) }
            return .and(b, a)
        case (true, true):
            if case .through(let e, let t, let x) = a, case .through(e, _, let y) = b { return .through(e, t, both(x, y)) }
            if case .and(let first, let last) = a, case .through(let e, _, _) = last, case .through(e, _, _) = b {
                return .and(first, both(last, b))
            }
            return .and(a, b)
        }
    }
}

/// `.through(edge, target, p)` bound to a store: one read of the reference cell, then `p` on the
/// row it names. A condition that is at most two ranges of unchanged columns (`.date >= d`,
/// `.level == village`) reads their cells directly; any other calls `p`'s bound test, which
/// cost as much again as the rest of the loop (`attendances | where .meeting.date >= d`, nation
/// scale: 230 ms that way).
struct ThroughTest {
    private let references: Column
    private let targets: UInt32
    private let onNull: Bool
    /// The ranges, when `p` is one or two of them; their cells stay valid while `columns` holds
    /// the unchanged arrays, as `ColumnCache` relies on.
    private let ranges: [CellRangeTest]?
    private let columns: [ContiguousArray<Int32>]
    /// `p` bound to the store, when the ranges cannot answer.
    private let test: ((Int32) -> Bool)?

    init(_ store: Store, _ edge: FieldID, _ target: Kind, _ p: RowPredicate) {
        references = store.column(edge)
        targets = UInt32(clamping: store.count(target))
        onNull = p.holdsOnNullRow
        var ranges: [CellRangeTest]? = []
        var columns: [ContiguousArray<Int32>] = []
        for r in ColumnGroup.ranges(p, atMost: 2) ?? [] {
            let column = store.column(r.field)
            // An empty range has no width to test: the bound test answers.
            guard column.isPristine, column.tail.isEmpty, r.lo <= r.hi else { ranges = nil; break }
            columns.append(column.base)
            ranges?.append(CellRangeTest(cells: column.base.withUnsafeBufferPointer { $0 }, range: r))
        }
        self.ranges = ranges?.isEmpty == false ? ranges : nil
        self.columns = columns
        test = self.ranges == nil ? p.bind(store) : nil
    }

    /// A reference past the table's end is read as null, as `Navigation.readField` does; a
    /// deleted row's cells are read as they stand, as the general path reads them.
    @inline(__always) func holds(_ row: Int32) -> Bool {
        let t = references[row]
        guard UInt32(bitPattern: t) < targets else { return onNull }
        guard let ranges else { return test?(t) ?? onNull }
        return withExtendedLifetime(columns) {
            var all = 1
            for r in ranges { all &= r.passes(t) }
            return all != 0
        }
    }
}
