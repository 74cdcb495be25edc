import WFStore

/// What evaluating an expression may do, for plans that evaluate it again or that hold memory
/// which a write to the store would free.
extension Compiler {
    /// Whether `e` only reads the current item, variables, and fields of those: evaluating it
    /// twice gives the same value and does nothing else.
    func readsOnly(_ e: Expr) -> Bool {
        switch e.kind {
        case .it: return true
        case .name(let n): return lookup(n) != nil
        case .field(let base, _, _): return base.map(readsOnly) ?? true
        default: return false
        }
    }

    /// Whether evaluating `e` cannot write to the store: no call (a function may hold a
    /// mutation), no mutation, no pipeline (its stages may call), no function value.
    func cannotWrite(_ e: Expr) -> Bool {
        switch e.kind {
        case .null, .bool, .int, .decimal, .string, .date, .duration, .name, .it: return true
        case .field(let base, _, _): return base.map(cannotWrite) ?? true
        case .index(let a, let b), .binary(_, let a, let b): return cannotWrite(a) && cannotWrite(b)
        case .unary(_, let a): return cannotWrite(a)
        case .conditional(let a, let b, let c): return cannotWrite(a) && cannotWrite(b) && cannotWrite(c)
        case .list(let items): return items.allSatisfy(cannotWrite)
        case .record(let fields): return fields.allSatisfy { cannotWrite($0.1) }
        case .lookup(_, let key, _): return cannotWrite(key)
        case .call, .pipe, .lambda, .mutation: return false
        }
    }
}
