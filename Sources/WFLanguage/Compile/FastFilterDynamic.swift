import WFStore

/// Column conditions whose constants are not literals but values fixed for the whole stage:
/// `any .date >= q.from and .date <= q.to` inside a function, `where .women > limit`. The
/// operands are evaluated once per run of the stage and the condition then runs on the columns
/// (`RowPredicate`) like one with literals, instead of once per item through the general path.
///
/// An operand qualifies when evaluating it once gives what evaluating it per item would: it
/// reads no current item and calls nothing (so it has no side effects): literals, variables,
/// `today`, labels, fields of those, and arithmetic on them. When its value has no cell form
/// for the field (a decimal against an integer column, a null ordering, a node of another
/// kind), or evaluating it fails, the stage takes the general path, which gives the same
/// answer or the same error in the same place.
typealias PredicateMaker = (Runtime) throws -> RowPredicate?

/// A column condition with invariant operands: the operands, evaluated left to right, and the
/// condition made from their values (nil when a value has no cell form for its field).
struct DynamicPredicate {
    let operands: [Eval]
    let build: (ArraySlice<Value>) -> RowPredicate?

    init(operands: [Eval], build: @escaping (ArraySlice<Value>) -> RowPredicate?) {
        self.operands = operands
        self.build = build
    }

    func make(_ rt: Runtime) throws -> RowPredicate? {
        build(ArraySlice(try operands.map { try $0(rt) }))
    }
}

/// Operands compiled for one stage, by source position: a stage over a set of a kind known
/// only at run time plans for every kind with that field, and compiles each operand once.
final class OperandCache {
    var evals: [Int64: Eval] = [:]
}

extension Compiler {
    /// The column form of `cond` over items of `kind`, with its invariant operands evaluated at
    /// run time; nil when some part needs the general path.
    func dynamicPredicate(_ cond: Expr, _ kind: Kind, _ cache: OperandCache) -> PredicateMaker? {
        dynamicParts(cond, kind, cache).map { parts in { rt in try parts.make(rt) } }
    }

    /// `dynamicPredicate` with its operands apart from how the condition is made of their values,
    /// for a plan that keeps an answer while the operands keep their values (`GroupedEdgeCount`).
    func dynamicParts(_ cond: Expr, _ kind: Kind, _ cache: OperandCache) -> DynamicPredicate? {
        if let p = rowPredicate(cond, kind) { return DynamicPredicate(operands: []) { _ in p } }
        switch cond.kind {
        case .binary(let op, let l, let r) where op == .and || op == .or:
            guard let a = dynamicParts(l, kind, cache), let b = dynamicParts(r, kind, cache) else { return nil }
            let split = a.operands.count
            return DynamicPredicate(operands: a.operands + b.operands) { values in
                guard let x = a.build(values.prefix(split)), let y = b.build(values.dropFirst(split)) else { return nil }
                return op == .and ? RowPredicate.both(x, y) : .or(x, y)
            }
        case .unary(.not, let e):
            guard let a = dynamicParts(e, kind, cache) else { return nil }
            return DynamicPredicate(operands: a.operands) { values in a.build(values).map { .not($0) } }
        case .binary(let op, let l, let r) where [.eq, .ne, .lt, .le, .gt, .ge].contains(op):
            if let (field, onItem) = storedPath(l, kind), let operand = invariantOperand(r, cache) {
                return DynamicPredicate(operands: [operand]) { values in values.first.flatMap { Compiler.cellCompare(field, op, $0) }.map(onItem) }
            }
            if let (field, onItem) = storedPath(r, kind), let operand = invariantOperand(l, cache) {
                let swapped = op.swapped
                return DynamicPredicate(operands: [operand]) { values in values.first.flatMap { Compiler.cellCompare(field, swapped, $0) }.map(onItem) }
            }
            if let (field, onItem) = yearOfDateField(l, kind), let operand = invariantOperand(r, cache) {
                return DynamicPredicate(operands: [operand]) { values in values.first.flatMap { Compiler.yearCompare(field, op, $0) }.map(onItem) }
            }
            if let (field, onItem) = yearOfDateField(r, kind), let operand = invariantOperand(l, cache) {
                let swapped = op.swapped
                return DynamicPredicate(operands: [operand]) { values in values.first.flatMap { Compiler.yearCompare(field, swapped, $0) }.map(onItem) }
            }
            return nil
        case .binary(.in, let l, let r) where textField(r, kind) != nil:
            // `name in .name`, a variable's text in a text field.
            guard let (field, onItem) = textField(r, kind), let operand = invariantOperand(l, cache) else { return nil }
            return DynamicPredicate(operands: [operand]) { values in
                guard case .string(let text)? = values.first else { return nil }
                return TextContainsTest.predicate(field, text).map(onItem)
            }
        case .binary(.in, let l, let r):
            // `.role in office_roles`: one equality per element, joined with `or`.
            guard let (field, onItem) = storedPath(l, kind), let operand = invariantOperand(r, cache) else { return nil }
            return DynamicPredicate(operands: [operand]) { values in values.first.flatMap { Compiler.cellMembership(field, $0) }.map(onItem) }
        default:
            return nil
        }
    }

    /// The date field `e` takes the year of (`.date.year`, `.meeting.date.year`), for items of
    /// `kind`, as `storedPath` gives it; nil otherwise.
    private func yearOfDateField(_ e: Expr, _ kind: Kind) -> (field: FieldID, onItem: (RowPredicate) -> RowPredicate)? {
        guard case .field(let base?, "year", _) = e.kind, let path = storedPath(base, kind),
              case .date = Navigation.cellTypes[path.field.kind.rawValue][path.field.index] else { return nil }
        return path
    }

    /// `field.year OP v` as a comparison of the date cells with the first day of a year: a
    /// date's year grows with the date, so `.date.year > 2023` is `.date >= 2024-01-01`. The
    /// standard library's windows are written in years (`in_window` in the commendation
    /// score), and the general path worked out the year of every row's date. Nil when `v` is
    /// not an integer year whose bounds are dates (1–9998), and for `!=`, which the general
    /// path answers.
    static func yearCompare(_ field: FieldID, _ op: BinaryOp, _ v: Value) -> RowPredicate? {
        guard case .int(let year) = v, year >= 1, year < 9999,
              let first = Day(year: Int(year), month: 1, day: 1), let next = Day(year: Int(year) + 1, month: 1, day: 1) else { return nil }
        switch op {
        case .gt: return .compare(field, .ge, next.raw)
        case .ge: return .compare(field, .ge, first.raw)
        case .lt: return .compare(field, .lt, first.raw)
        case .le: return .compare(field, .lt, next.raw)
        case .eq: return .and(.compare(field, .ge, first.raw), .compare(field, .lt, next.raw))
        default: return nil
        }
    }

    /// Elements of a list that `field in LIST` tests one by one at most.
    static let membershipElements = 16

    /// `field in v` as cell equalities, when `v` is a list of at most `membershipElements`
    /// values, each with a cell form for the field; nil otherwise (a set, a string, a record,
    /// null, or an element the general path must compare).
    static func cellMembership(_ field: FieldID, _ v: Value) -> RowPredicate? {
        guard case .list(let items) = v, items.count <= membershipElements else { return nil }
        var joined: RowPredicate?
        for item in items {
            guard let equal = cellCompare(field, .eq, item) else { return nil }
            joined = joined.map { .or($0, equal) } ?? equal
        }
        // An empty list holds nothing: a cell is neither null nor not null.
        return joined ?? .and(.isNull(field, true), .isNull(field, false))
    }

    /// Whether `e` has the same value for every item of a stage and no side effects.
    func isInvariant(_ e: Expr) -> Bool {
        switch e.kind {
        case .null, .bool, .int, .decimal, .string, .date, .duration: return true
        case .name(let n): return lookup(n) != nil || n == "today" || Compiler.allLabels.contains(n)
        case .field(let base?, _, _): return isInvariant(base)
        case .list(let items): return items.allSatisfy(isInvariant)
        case .unary(.negate, let x): return isInvariant(x)
        case .binary(let op, let l, let r) where [.add, .sub, .mul, .div, .mod].contains(op):
            return isInvariant(l) && isInvariant(r)
        default: return false
        }
    }

    /// `e` compiled, when it is invariant; nil otherwise. Compiling it again must not report
    /// its static errors twice (the general test compiled it already), so any are dropped.
    func invariantOperand(_ e: Expr, _ cache: OperandCache) -> Eval? {
        guard isInvariant(e) else { return nil }
        let key = Int64(e.span.start) << 32 | Int64(UInt32(bitPattern: e.span.end))
        if let known = cache.evals[key] { return known }
        guard let eval = quietly({ compile(e).eval }) else { return nil }
        cache.evals[key] = eval
        return eval
    }

    /// `field OP v` as a comparison of cells, when `v` has exactly one cell form for the field
    /// and `Value.compare` would order it as the cells are ordered; nil otherwise.
    static func cellCompare(_ field: FieldID, _ op: BinaryOp, _ v: Value) -> RowPredicate? {
        let equality = op == .eq || op == .ne
        if case .null = v { return equality ? .isNull(field, op == .eq) : nil }
        switch (Navigation.cellTypes[field.kind.rawValue][field.index], v) {
        case (.int, .int(let i)):
            guard let c = Int32(exactly: i), c != nullCell else { return nil }
            return .compare(field, op, c)
        case (.date, .date(let d)):
            return d.raw == nullCell ? nil : .compare(field, op, d.raw)
        case (.bool, .bool(let b)):
            return equality ? .compare(field, op, b ? 1 : 0) : nil
        case (.string, .string(let s)):
            return equality ? .text(field, op, s) : nil
        case (.enumeration(let t), .enumValue(let u, let c)) where t == u:
            return .compare(field, op, c)
        case (.enumeration(let t), .label(let l)), (.enumeration(let t), .string(let l)):
            guard t < Vocab.all.count, let c = Vocab.all[t].code(of: l) else { return nil }
            return .compare(field, op, c)
        case (.ref(let k), .node(let l, let r)) where k == l && r != nullCell:
            return .compare(field, op, r)
        default:
            return nil
        }
    }

    /// Makes every predicate of `makers` and joins them with `and`: nil when there are none,
    /// or when one has no column form this time (or fails), so the caller takes the general path.
    static func instantiate(_ makers: [PredicateMaker], _ rt: Runtime) -> RowPredicate? {
        var joined: RowPredicate?
        for make in makers {
            // `try?` flattens: nil both when making fails and when there is no column form.
            guard let p = try? make(rt) else { return nil }
            joined = joined.map { RowPredicate.both($0, p) } ?? p
        }
        return joined
    }
}
