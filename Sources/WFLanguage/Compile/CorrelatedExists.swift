import WFStore

/// `where trained(it)` with `fn trained(q) { q.person.trainings | any .date >= q.from and .date
/// <= q.to }`: a correlated EXISTS, the test of one row against the rows an edge gives it.
/// Compiled, for items of a kind the compiler knows, into a test of one row that reads cells:
/// the item's reference, the reverse edge's rows in the index, and each comparison as a range of
/// cells bounded by the item's own fields. The general path made the call (inlined or not), read
/// `q.person.trainings` through closures and compared each pair of cells through two more: about
/// 1,500 instructions per exec in q2, where this takes about 400 (callgrind).
///
/// It applies when the function's body is one expression, `PARAM.ref.edge | any COND` or
/// `| all COND` (or `PARAM.edge | …`), where COND joins with `and` up to three comparisons of a
/// stored field of the edge's rows with a stored field of PARAM of the same cell type, another
/// parameter, a date or integer literal, or (`==`) a label; and when the call gives the item to
/// PARAM and literals or variables to the other parameters (`trained_in_term(it, day)`). At run
/// time the variable must still hold that function, each argument must have a cell form for its
/// field, the edge must be readable in place and the columns read whole; otherwise the general
/// test decides. The answer is the general test's: cells compare as their values do
/// (`Compiler+CellCompare`), and a null compares as null does.
extension Compiler {
    /// The cell form of `e` for items of `kind`; nil when `e` has another shape.
    func correlatedExists(_ e: Expr, _ kind: Kind) -> CorrelatedTest? {
        guard case .call(let callee, let args) = e.kind, case .name(let name) = callee.kind, let v = lookup(name),
              let definition = v.definition, definition.params.count == args.count, args.filter({ if case .it = $0.kind { true } else { false } }).count == 1,
              definition.body.count == 1, case .return(let body?)? = Compiler.returningLastExpression(definition.body).first?.kind,
              case .pipe(let head, let stages) = body.kind, stages.count == 1 else { return nil }
        // The parameter given the item; the others are given literals or variables (`held_on(it,
        // day)`), read once per test, which is what reading them per call gives.
        var param = ""
        var others: [String: Int] = [:], arguments: [Eval] = []
        for (p, arg) in zip(definition.params, args) {
            switch arg.kind {
            case .it: param = p
            case .name, .null, .bool, .int, .decimal, .string, .date:
                if case .name(let n) = arg.kind, lookup(n) == nil { return nil }
                guard let compiled = quietly({ compile(arg) }) else { return nil }
                others[p] = arguments.count
                arguments.append(compiled.eval)
            default: return nil
            }
        }
        let isAny: Bool, condition: Expr
        switch stages[0].kind {
        case .any(let c): (isAny, condition) = (true, c)
        case .all(let c): (isAny, condition) = (false, c)
        default: return nil
        }
        // `PARAM.ref.edge` or `PARAM.edge`.
        guard case .field(let edgeBase?, let edgeName, _) = head.kind else { return nil }
        var reference: FieldID?
        var owner = kind
        switch edgeBase.kind {
        case .name(param): break
        case .field(let refBase?, let refName, _):
            guard case .name(param) = refBase.kind, case .field(let f)? = Navigation.accessor(kind, refName),
                  case .ref(let target) = Navigation.cellTypes[f.kind.rawValue][f.index] else { return nil }
            reference = f
            owner = target
        default: return nil
        }
        guard case .reverse(let edge)? = Navigation.accessor(owner, edgeName) else { return nil }
        let child = edge.kind
        var leaves: [CorrelatedTest.Leaf] = []
        for part in conjuncts(condition) {
            guard case .binary(let op, let l, let r) = part.kind, [.eq, .lt, .le, .gt, .ge].contains(op) else { return nil }
            let flipped = op.swapped
            guard let leaf = Compiler.rangeLeaf(l, op, r, child: child, param: param, others: others, item: kind, scope: definition.scope)
                    ?? Compiler.rangeLeaf(r, flipped, l, child: child, param: param, others: others, item: kind, scope: definition.scope)
            else { return nil }
            leaves.append(leaf)
        }
        guard leaves.count <= 3 else { return nil }
        session.cellTestedCalls.append(definition.name)
        return CorrelatedTest(definition: definition, function: Compiler.variableReader(hops: v.hops, slot: v.slot),
                              arguments: arguments, reference: reference, edge: edge, leaves: leaves, isAny: isAny)
    }

    /// `side OP other` as a comparison of a field of `child` rows (`side`) with a field of the
    /// parameter (an item of `item`), another parameter (`others`: its argument's place), or a
    /// literal; nil for any other shape.
    private static func rangeLeaf(_ side: Expr, _ op: BinaryOp, _ other: Expr, child: Kind, param: String, others: [String: Int],
                                  item: Kind, scope: Scope?) -> CorrelatedTest.Leaf? {
        guard case .field(nil, let name, _) = side.kind, case .field(let f)? = Navigation.accessor(child, name) else { return nil }
        let type = Navigation.cellTypes[f.kind.rawValue][f.index]
        guard sameCells(type, type) else { return nil }
        switch other.kind {
        case .field(let base?, let boundName, _):
            guard case .name(param) = base.kind, case .field(let b)? = Navigation.accessor(item, boundName),
                  sameCells(type, Navigation.cellTypes[b.kind.rawValue][b.index]) else { return nil }
            return .init(field: f, op: op, bound: b, constant: 0, argument: nil)
        case .int(let i):
            guard let c = cell(of: .int(i), as: type) else { return nil }
            return .init(field: f, op: op, bound: nil, constant: c, argument: nil)
        case .date(let d):
            guard let c = cell(of: .date(d), as: type) else { return nil }
            return .init(field: f, op: op, bound: nil, constant: c, argument: nil)
        case .name(let n) where others[n] != nil:
            return .init(field: f, op: op, bound: nil, constant: 0, argument: others[n])
        case .name(let label) where op == .eq && allLabels.contains(label):
            // A label, unless a variable the body sees has its name.
            guard !names(label, in: scope), label != param, let c = cell(of: .label(label), as: type) else { return nil }
            return .init(field: f, op: op, bound: nil, constant: c, argument: nil)
        default:
            return nil
        }
    }

    /// The cells `OP c` accepts, as the lowest and the width above it; nil when none does (an
    /// ordering against null, or past the ends).
    @inline(__always) static func cellRange(_ op: BinaryOp, _ c: Int32) -> (lo: Int32, width: UInt32)? {
        if op == .eq { return (c, 0) }
        guard c != nullCell else { return nil }
        switch op {
        case .lt: return c > Int32.min + 1 ? (Int32.min + 1, UInt32(bitPattern: (c - 1) &- (Int32.min + 1))) : nil
        case .le: return (Int32.min + 1, UInt32(bitPattern: c &- (Int32.min + 1)))
        case .gt: return c < Int32.max ? (c + 1, UInt32(bitPattern: Int32.max &- (c + 1))) : nil
        default: return (c, UInt32(bitPattern: Int32.max &- c))
        }
    }
}

/// A correlated EXISTS in cell form: what `CorrelatedExists` found in the function's body.
struct CorrelatedTest {
    /// A comparison of a field of the edge's rows with a bound: a field of the item, or a
    /// constant cell. `op` has the edge's field on its left.
    struct Leaf {
        let field: FieldID
        let op: BinaryOp
        let bound: FieldID?
        let constant: Int32
        /// The place among `arguments` of the parameter bounding it, for a bound given by the call.
        let argument: Int?
    }

    let definition: FunctionDefinition
    /// Reads the variable the call names, which must still hold `definition`.
    let function: Eval
    /// The call's arguments other than the item, in order.
    let arguments: [Eval]
    /// The item's reference the edge is read from (`q.person`), nil for the item's own edge.
    let reference: FieldID?
    let edge: FieldID
    let leaves: [Leaf]
    let isAny: Bool

    /// What the answer depends on besides the store: the function, then the arguments.
    var operands: [Eval] { [function] + arguments }

    /// A leaf's constant cell, read now when an argument gives it; nil when the argument's value
    /// has no cell of its field's type (the general path compares it).
    private func constant(_ leaf: Leaf, _ rt: Runtime) -> Int32? {
        guard let k = leaf.argument else { return leaf.constant }
        guard let value = try? arguments[k](rt) else { return nil }
        return Compiler.cell(of: value, as: Navigation.cellTypes[leaf.field.kind.rawValue][leaf.field.index])
    }

    /// The answer for the item at `row`; nil when the general path must decide.
    func holds(_ rt: Runtime, _ row: Int32) -> Bool? {
        guard case .function(let fn) = try? function(rt), fn.definition === definition else { return nil }
        var target = row
        if let reference {
            target = Navigation.cell(rt, reference, row)
            // A null reference has no edge: `any` of nothing is false, `all` true.
            if target == nullCell { return !isAny }
        }
        guard let rows = rt.edges.rows(rt, edge, target) else { return nil }
        if rows.isEmpty { return !isAny }
        // Up to three ranges; the ones not used pass every cell of the first's column.
        var tests = CellTests()
        for (i, leaf) in leaves.enumerated() {
            guard let bound = leaf.bound.map({ Navigation.cell(rt, $0, row) }) ?? constant(leaf, rt) else { return nil }
            // Ordered against null, no row passes.
            guard let (lo, width) = Compiler.cellRange(leaf.op, bound) else { return false }
            // A column not read whole yet: the general test reads its cells a block at a time.
            guard let cells = rt.columns.cells(rt, leaf.field, reading: false) else { return nil }
            tests.set(i, cells, lo, width)
        }
        return tests.anyOrAll(rows, isAny: isAny)
    }

    /// The test for many items at once, its columns and index read whole and their addresses
    /// taken once (valid until the store changes); nil when the general path must decide. A
    /// pass over a table (`GroupedEdgeCount`) tests its rows in row order with it: rows made
    /// together point at people made together, so the index and the dates are read nearly in
    /// order, where one test per item in another order missed the cache on each (q2 at nation
    /// scale: 1.0 million execs).
    func prepared(_ rt: Runtime, items: Kind) -> BatchCorrelatedTest? {
        guard case .function(let fn) = try? function(rt), fn.definition === definition,
              let index = rt.edges.index(rt, edge) else { return nil }
        let n = rt.rowCount(items)
        var ref: UnsafePointer<Int32>?
        if let reference {
            guard let cells = rt.columns.cells(rt, reference), cells.count == n else { return nil }
            ref = cells.baseAddress
        }
        var ranges: [BatchCorrelatedTest.Range] = []
        for leaf in leaves {
            guard let constant = constant(leaf, rt), let cells = rt.columns.cells(rt, leaf.field), cells.count == rt.rowCount(edge.kind), let base = cells.baseAddress
            else { return nil }
            var bound: UnsafePointer<Int32>?
            if let b = leaf.bound {
                guard let bc = rt.columns.cells(rt, b), bc.count == n else { return nil }
                bound = bc.baseAddress
            }
            ranges.append(.init(cells: base, op: leaf.op, bound: bound, constant: constant))
        }
        guard !ranges.isEmpty else { return nil }
        return BatchCorrelatedTest(reference: ref, offsets: index.offsets, rows: index.rows, targets: index.targets,
                                   ranges: ranges, isAny: isAny)
    }
}

/// `CorrelatedTest` over a selection of rows, on addresses taken once. Every column it reads
/// covers its table, so no row is checked against a length.
struct BatchCorrelatedTest {
    struct Range {
        let cells: UnsafePointer<Int32>
        let op: BinaryOp
        let bound: UnsafePointer<Int32>?
        let constant: Int32
    }

    let reference: UnsafePointer<Int32>?
    let offsets: UnsafePointer<Int32>
    let rows: UnsafePointer<Int32>
    let targets: Int
    let ranges: [Range]
    let isAny: Bool

    /// Keeps the rows of `sel[0..<count]` that pass, in order; returns how many.
    func filter(_ sel: UnsafeMutablePointer<Int32>, _ count: Int) -> Int {
        var kept = 0
        for j in 0..<count {
            let row = Int(sel[j])
            sel[kept] = sel[j]
            kept &+= holds(row) ? 1 : 0
        }
        return kept
    }

    @inline(__always) private func holds(_ row: Int) -> Bool {
        let target = reference.map { Int($0[row]) } ?? row
        // A null reference, or one past the index, has no edge rows.
        guard UInt(bitPattern: target) < UInt(targets) else { return !isAny }
        let lo = Int(offsets[target]), hi = Int(offsets[target + 1])
        if lo == hi { return !isAny }
        var l: (Int32, Int32, Int32) = (0, 0, 0), w: (UInt32, UInt32, UInt32) = (.max, .max, .max)
        for (i, r) in ranges.enumerated() {
            guard let (lo, width) = Compiler.cellRange(r.op, r.bound.map { $0[row] } ?? r.constant) else { return false }
            switch i {
            case 0: (l.0, w.0) = (lo, width)
            case 1: (l.1, w.1) = (lo, width)
            default: (l.2, w.2) = (lo, width)
            }
        }
        let first = ranges[0].cells, second = ranges.count > 1 ? ranges[1].cells : first,
            third = ranges.count > 2 ? ranges[2].cells : first
        for k in lo..<hi {
            let r = Int(rows[k])
            let pass = (UInt32(bitPattern: first[r] &- l.0) <= w.0) && (UInt32(bitPattern: second[r] &- l.1) <= w.1)
                && (UInt32(bitPattern: third[r] &- l.2) <= w.2)
            if pass == isAny { return isAny }
        }
        return !isAny
    }
}

/// Up to three cell ranges over columns of one kind, tested without a loop over the tests.
private struct CellTests {
    private var cells: (UnsafeBufferPointer<Int32>, UnsafeBufferPointer<Int32>, UnsafeBufferPointer<Int32>)
        = (UnsafeBufferPointer(start: nil, count: 0), UnsafeBufferPointer(start: nil, count: 0), UnsafeBufferPointer(start: nil, count: 0))
    private var lo: (Int32, Int32, Int32) = (0, 0, 0)
    private var width: (UInt32, UInt32, UInt32) = (.max, .max, .max)
    private var used = 0

    mutating func set(_ i: Int, _ c: UnsafeBufferPointer<Int32>, _ l: Int32, _ w: UInt32) {
        switch i {
        case 0: (cells.0, lo.0, width.0) = (c, l, w)
        case 1: (cells.1, lo.1, width.1) = (c, l, w)
        default: (cells.2, lo.2, width.2) = (c, l, w)
        }
        used = max(used, i + 1)
    }

    /// A row past a column's end reads as null, as `Navigation.cell` reads it.
    @inline(__always) private static func passes(_ cells: UnsafeBufferPointer<Int32>, _ r: Int, _ lo: Int32, _ width: UInt32) -> Bool {
        let c = r < cells.count ? cells[r] : nullCell
        return UInt32(bitPattern: c &- lo) <= width
    }

    func anyOrAll(_ rows: UnsafeBufferPointer<Int32>, isAny: Bool) -> Bool {
        for row in rows {
            let r = Int(row)
            var pass = CellTests.passes(cells.0, r, lo.0, width.0)
            if used > 1 { pass = pass && CellTests.passes(cells.1, r, lo.1, width.1) }
            if used > 2 { pass = pass && CellTests.passes(cells.2, r, lo.2, width.2) }
            if pass == isAny { return isAny }
        }
        return !isAny
    }
}
