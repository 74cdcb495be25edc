import WFStore

/// What evaluating an expression may do, for plans that evaluate it again or that hold memory
/// which a write to the store would free.
extension Compiler {
    /// `body`'s result when compiling it reported no error; nil otherwise, with its errors
    /// dropped. For second compilations of code the general path compiled already (a faster
    /// form, a typed copy): the general path reports its mistakes, once.
    func quietly<T>(_ body: () -> T?) -> T? {
        let reported = errors.count
        let result = body()
        guard errors.count == reported else {
            errors.removeLast(errors.count - reported)
            return nil
        }
        return result
    }

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

    /// The stored field `e` reads when it is `.f` or `it.f` of an item of `kind`: a read that
    /// cannot fail or change anything, which the column paths make on the cells.
    func storedField(_ e: Expr, of kind: Kind) -> FieldID? {
        guard case .field(let base, let name, _) = e.kind else { return nil }
        if let base, case .it = base.kind {} else if base != nil { return nil }
        if case .field(let f)? = Navigation.accessor(kind, name) { return f }
        return nil
    }

    /// Whether evaluating `e` cannot write to the store: no call (a function may hold a
    /// mutation), no mutation, no function value, and pipelines only of stages that call
    /// nothing (no `| name(…)`).
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
        case .pipe(let head, let stages):
            return cannotWrite(head) && stages.allSatisfy { stage in
                if case .apply = stage.kind { return false }
                return Compiler.stageExprs(stage).allSatisfy(cannotWrite)
            }
        case .call(let callee, let args):
            // A built-in function reads its arguments and nothing else (none calls a function).
            guard case .name(let n) = callee.kind, lookup(n) == nil, Builtins.table[n] != nil else { return false }
            return args.allSatisfy(cannotWrite)
        case .lambda, .mutation: return false
        }
    }

    /// Whether `e` makes a function value (a closure would keep the call site's slots, which the
    /// next call overwrites) or changes the network.
    static func makesFunctionsOrChanges(_ e: Expr) -> Bool {
        switch e.kind {
        case .lambda, .mutation: return true
        case .null, .bool, .int, .decimal, .string, .date, .duration, .name, .it: return false
        case .field(let base, _, _): return base.map(makesFunctionsOrChanges) ?? false
        case .index(let a, let b), .binary(_, let a, let b): return makesFunctionsOrChanges(a) || makesFunctionsOrChanges(b)
        case .unary(_, let a): return makesFunctionsOrChanges(a)
        case .conditional(let a, let b, let c): return [a, b, c].contains(where: makesFunctionsOrChanges)
        case .list(let items): return items.contains(where: makesFunctionsOrChanges)
        case .record(let fields): return fields.contains { makesFunctionsOrChanges($0.1) }
        case .lookup(_, let key, _): return makesFunctionsOrChanges(key)
        case .call(let callee, let args): return ([callee] + args).contains(where: makesFunctionsOrChanges)
        case .pipe(let head, let stages):
            return makesFunctionsOrChanges(head) || stages.contains { stageExprs($0).contains(where: makesFunctionsOrChanges) }
        }
    }

    /// The expressions a stage holds.
    static func stageExprs(_ s: Stage) -> [Expr] {
        switch s.kind {
        case .where(let e), .take(let e), .skip(let e), .any(let e), .all(let e), .map(let e): return [e]
        case .select(let items): return items.map(\.1)
        case .sort(let keys): return keys.map(\.0)
        case .group(let key, _, let aggs): return [key] + aggs.map(\.1)
        case .aggregate(_, let e): return e.map { [$0] } ?? []
        case .apply(_, let args, _): return args
        case .distinct, .count, .first, .last, .reverse, .navigate: return []
        }
    }
}
