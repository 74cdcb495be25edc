import WFStore

/// Comparisons of stored cells as cells: `.date >= q.from` with `it` and `q` known to be
/// trainings and positions compiles to a comparison of two `Int32` read from the columns, with
/// no `Value` built, copied or switched on for either side. The general comparison boxed both
/// sides and dispatched on their cases: about 550 instructions where this takes about 60.
///
/// It applies when one side is a stored field of a node whose kind the compiler knows, and the
/// other is the same kind of field, a literal, a label, `today`, or a variable's value (turned
/// into a cell when the comparison runs). Cells compare as their values do for integers, dates,
/// enumerations and references (`Value.compare` and `Value.equal` order those by the same
/// number), and a null cell compares as null does: equal only to null, and never ordered. For
/// anything else (a node of another kind, a value with no cell form for the field) the general
/// comparison decides, so the answer is always the general path's.
extension Compiler {
    /// How one side of a comparison reads: a cell of a field with its cell type, or a value to be
    /// turned into the other side's cell type.
    private enum CellOperand {
        /// `nil` from `read`: not a node of the kind compiled for; the general path decides.
        case field(read: (Runtime) throws -> Int32?, type: Navigation.CellType)
        case value(Eval)
        case constant(Value)
    }

    /// `l op r` on cells, falling back to `general`; nil when neither side is a typed field.
    func cellComparison(_ op: BinaryOp, _ l: Expr, _ r: Expr, general: @escaping Eval) -> Compiled? {
        guard let (a, b) = quietly({ cellOperand(l).flatMap { a in cellOperand(r).map { (a, $0) } } }) else { return nil }
        let left: (Runtime) throws -> Int32?, right: (Runtime) throws -> Int32?
        switch (a, b) {
        case (.field(let x, let s), .field(let y, let t)):
            guard Compiler.sameCells(s, t) else { return nil }
            left = x; right = y
        case (.field(let x, let t), let other):
            guard let y = Compiler.cellReader(other, as: t) else { return nil }
            left = x; right = y
        case (let other, .field(let y, let t)):
            guard let x = Compiler.cellReader(other, as: t) else { return nil }
            left = x; right = y
        default:
            return nil
        }
        let test: (Int32, Int32) -> Bool
        switch op {
        case .eq: test = { $0 == $1 }
        case .ne: test = { $0 != $1 }
        case .lt: test = { $0 != nullCell && $1 != nullCell && $0 < $1 }
        case .le: test = { $0 != nullCell && $1 != nullCell && $0 <= $1 }
        case .gt: test = { $0 != nullCell && $1 != nullCell && $0 > $1 }
        case .ge: test = { $0 != nullCell && $1 != nullCell && $0 >= $1 }
        default: return nil
        }
        return Compiled(.scalar) { rt in
            if let x = try left(rt), let y = try right(rt) { return .bool(test(x, y)) }
            return try general(rt)
        }
    }

    /// Types whose cells order and compare as their values do.
    static func sameCells(_ a: Navigation.CellType, _ b: Navigation.CellType) -> Bool {
        switch (a, b) {
        case (.int, .int), (.date, .date): return true
        case (.enumeration(let s), .enumeration(let t)): return s == t
        case (.ref(let k), .ref(let l)): return k == l
        default: return false
        }
    }

    /// A side that is not a typed field, read as a cell of type `t` (nil when the value has no
    /// cell form for it: the general path decides).
    private static func cellReader(_ operand: CellOperand, as t: Navigation.CellType) -> ((Runtime) throws -> Int32?)? {
        guard sameCells(t, t) else { return nil }
        switch operand {
        case .field: return nil
        case .constant(let v):
            guard let c = cell(of: v, as: t) else { return nil }
            return { _ in c }
        case .value(let eval):
            return { rt in cell(of: try eval(rt), as: t) }
        }
    }

    /// `v` as a cell of type `t`, when comparing that cell gives what comparing `v` does.
    static func cell(of v: Value, as t: Navigation.CellType) -> Int32? {
        switch (t, v) {
        case (_, .null): return nullCell
        case (.int, .int(let i)):
            guard let c = Int32(exactly: i), c != nullCell else { return nil }
            return c
        case (.date, .date(let d)): return d.raw == nullCell ? nil : d.raw
        case (.enumeration(let t), .enumValue(let u, let c)): return t == u ? c : nil
        case (.enumeration(let t), .label(let l)), (.enumeration(let t), .string(let l)):
            guard t < Vocab.all.count else { return nil }
            return Vocab.all[t].code(of: l)
        case (.ref(let k), .node(let l, let r)): return k == l && r != nullCell ? r : nil
        default: return nil
        }
    }

    /// `e` as a comparison operand, when it reads nothing but fields, variables and constants
    /// (so evaluating it again on the general path changes nothing).
    private func cellOperand(_ e: Expr) -> CellOperand? {
        switch e.kind {
        case .null: return .constant(.null)
        case .int(let i): return .constant(.int(i))
        case .date(let d): return .constant(.date(d))
        case .string(let s): return .constant(.string(s))
        case .name(let n):
            if lookup(n) != nil { return .value(compile(e).eval) }
            if n == "today" { return .value { rt in .date(rt.today) } }
            if Compiler.allLabels.contains(n) { return .constant(.label(n)) }
            return nil
        case .field(let base, let name, _):
            if let base, !readsOnly(base) { return nil }
            let compiledBase = base.map { compile($0) }
            if case .node(let k) = (compiledBase?.type ?? itTypes.last ?? .any),
               case .field(let f)? = Navigation.accessor(k, name) {
                let t = Navigation.cellTypes[f.kind.rawValue][f.index]
                guard Compiler.sameCells(t, t) else { return nil }
                return .field(read: cellReader(of: f, on: k, base: base, compiledBase), type: t)
            }
            return .value(compile(e).eval)
        default:
            return nil
        }
    }

    /// Reads field `f` of the node `base` gives when it is of kind `k`. The item and variables
    /// are matched in place: calling a closure for them, and copying the `Value` it returned,
    /// cost twice the read itself.
    private func cellReader(of f: FieldID, on k: Kind, base: Expr?, _ compiled: Compiled?) -> (Runtime) throws -> Int32? {
        var source = base?.kind ?? .it
        if case .name(let n) = source, lookup(n) == nil { source = .null }
        switch source {
        case .it:
            return { rt in
                guard case .node(let kk, let row) = rt.it, kk == k else { return nil }
                return Navigation.cell(rt, f, row)
            }
        case .name(let n):
            guard let v = lookup(n) else { break }
            let hops = v.hops, slot = v.slot
            if hops == 0 {
                return { rt in
                    guard case .node(let kk, let row) = rt.frame.slots[slot], kk == k else { return nil }
                    return Navigation.cell(rt, f, row)
                }
            }
            return { rt in
                guard case .node(let kk, let row) = rt.frame(hops).slots[slot], kk == k else { return nil }
                return Navigation.cell(rt, f, row)
            }
        default: break
        }
        guard let eval = compiled?.eval else { return { _ in nil } }
        return { rt in
            guard case .node(let kk, let row) = try eval(rt), kk == k else { return nil }
            return Navigation.cell(rt, f, row)
        }
    }
}
