import WFStore

/// Calls in a `where` condition replaced by the condition they compute.
///
/// The standard library names its conditions: `held_on(p, day)` is `p.from <= day and (p.to ==
/// null or p.to >= day)`. Called per item, such a function hides the comparisons from the column
/// paths, which then test every item through a call: `positions | where held_on(it, day)` took
/// 67 ms at province scale where the same comparisons written out take 1.3 ms. So a conjunct
/// `f(it, a, …)` whose function's body is one expression over its parameters is replaced by
/// that expression, with the item for the parameter given `it` and the arguments for the others.
/// An argument that reads a field of the item (`in_window(.date, year, s)`) is read where the
/// body reads its parameter. The rest of the `where` then plans it as if it had been written out.
///
/// Only when it cannot change the answer: the other arguments are literals or variables (so
/// evaluating them once, twice or not at all is the same), and the body holds nothing but its
/// parameters, their fields, literals, labels no variable shadows (where the function was
/// defined, or at the call), and operators. At run time each variable must still hold its
/// function; if one was given another, the condition as written is tested.
extension Compiler {
    /// A function the expanded condition assumes its variable still holds.
    struct InlinedCondition {
        let definition: FunctionDefinition
        let function: Eval

        static func allHold(_ inlined: [InlinedCondition], _ rt: Runtime) -> Bool {
            for c in inlined {
                guard case .function(let fn) = try? c.function(rt), fn.definition === c.definition else { return false }
            }
            return true
        }
    }

    /// `cond` with its inlinable calls replaced (see above), and the functions it assumes; nil
    /// when no conjunct is such a call.
    func inliningConditionCalls(_ cond: Expr) -> (Expr, [InlinedCondition])? {
        guard let (parts, inlined) = inliningConditionCalls(conjuncts: conjuncts(cond)), let first = parts.first else { return nil }
        let joined = parts.dropFirst().reduce(first) { Expr(kind: .binary(.and, $0, $1), span: $1.span) }
        return (joined, inlined)
    }

    /// The conjuncts of a condition with their inlinable calls replaced, and the functions they
    /// assume; nil when none is such a call.
    func inliningConditionCalls(conjuncts: [Expr]) -> ([Expr], [InlinedCondition])? {
        var inlined: [InlinedCondition] = []
        var parts: [Expr] = []
        for part in conjuncts {
            if let (body, assumed) = inlinedCondition(part) {
                parts.append(body)
                inlined.append(assumed)
            } else {
                parts.append(part)
            }
        }
        return inlined.isEmpty ? nil : (parts, inlined)
    }

    /// The body of the call `e` with its parameters replaced, or nil.
    private func inlinedCondition(_ e: Expr) -> (Expr, InlinedCondition)? {
        guard case .call(let callee, let args) = e.kind, case .name(let name) = callee.kind, let v = lookup(name),
              let definition = v.definition, definition.params.count == args.count, !args.isEmpty,
              definition.body.count == 1, case .return(let body?)? = Compiler.returningLastExpression(definition.body).first?.kind
        else { return nil }
        var bound: [String: Expr] = [:]
        var item: String?
        var readsItem = false
        for (param, arg) in zip(definition.params, args) {
            switch arg.kind {
            case .it:
                guard item == nil else { return nil }
                item = param
            case .field where Compiler.isItemField(arg):
                // `in_window(.date, year, s)`: a field of the item, read where the body reads
                // the parameter (reading a field twice or not at all is the same).
                bound[param] = arg
                readsItem = true
            case .name(let n) where lookup(n) != nil:
                bound[param] = arg
            case .null, .bool, .int, .decimal, .string, .date:
                bound[param] = arg
            default:
                return nil
            }
        }
        guard item != nil || readsItem, let expanded = substituted(body, item: item, bound: bound, scope: definition.scope) else { return nil }
        session.expandedConditions.append(definition.name)
        return (expanded, InlinedCondition(definition: definition, function: Compiler.variableReader(hops: v.hops, slot: v.slot)))
    }

    /// `e` (a function body) with `item.f` made the item's field and the bound parameters made
    /// their arguments; nil when `e` holds anything else.
    private func substituted(_ e: Expr, item: String?, bound: [String: Expr], scope: Scope?) -> Expr? {
        func walk(_ e: Expr) -> Expr? {
            switch e.kind {
            case .null, .bool, .int, .decimal, .string, .date, .duration:
                return e
            case .name(let n):
                if let arg = bound[n] { return arg }
                // A label, unless a variable has its name where the function was defined or here.
                guard n != item, Compiler.allLabels.contains(n), lookup(n) == nil, !Compiler.names(n, in: scope) else { return nil }
                return e
            case .field(let base?, let f, let span):
                if let item, case .name(item) = base.kind { return Expr(kind: .field(nil, f, span), span: e.span) }
                return walk(base).map { Expr(kind: .field($0, f, span), span: e.span) }
            case .binary(let op, let a, let b):
                guard let l = walk(a), let r = walk(b) else { return nil }
                return Expr(kind: .binary(op, l, r), span: e.span)
            case .unary(let op, let a):
                return walk(a).map { Expr(kind: .unary(op, $0), span: e.span) }
            case .list(let items):
                let walked = items.compactMap(walk)
                return walked.count == items.count ? Expr(kind: .list(walked), span: e.span) : nil
            default:
                return nil
            }
        }
        return walk(e)
    }

    /// Whether `e` reads a field of the item, directly or through fields (`.date`, `.meeting.date`).
    static func isItemField(_ e: Expr) -> Bool {
        guard case .field(let base, _, _) = e.kind else { return false }
        guard let base else { return true }
        return isItemField(base)
    }

    /// Whether a variable named `name` is visible in `scope`.
    static func names(_ name: String, in scope: Scope?) -> Bool {
        var s = scope
        while let cur = s {
            if cur.names[name] != nil { return true }
            s = cur.parent
        }
        return false
    }
}
