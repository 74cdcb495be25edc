import WFStore

/// Calls of one-expression functions compiled into the caller.
///
/// `fn trained(q) { q.person.trainings | any … }` called per row of a filter spent as much on
/// the call (a frame taken and given back, the frame and item swapped, a dozen reference
/// counts) as on its body. When the function is defined in the same frame as the call (both at
/// the top level, or both in one function's body), its body is one expression with no function
/// values in it, and the arguments have node types, the call is compiled as that expression:
/// the arguments go into slots of the caller's frame set aside for this call site, and the body
/// reads them there. What the call computes is unchanged; only the frame is saved.
///
/// Checked as the specialised bodies are (`Compiler+Specialize.swift`): at run time the callee
/// must still be this definition's closure over this frame, and the arguments of the types
/// compiled for; otherwise the call goes through `Runtime.invoke` with the values already
/// computed, so no argument is evaluated twice.
extension Compiler {
    /// The call compiled in place, or nil when it cannot be (see above).
    func inlinedCall(_ callee: Resolved, _ definition: FunctionDefinition, _ args: [Compiled],
                     _ spec: Specialization, name: String, nameSpan: Span, span: Span) -> Compiled? {
        guard let frozen = definition.scope, frozen.function === scope.function,
              !inlining.contains(ObjectIdentifier(definition)),
              case .return(let body?)? = Compiler.returningLastExpression(definition.body).first?.kind,
              definition.body.count == 1, !Compiler.makesFunctionsOrChanges(body) else { return nil }
        inlining.insert(ObjectIdentifier(definition))
        defer { inlining.remove(ObjectIdentifier(definition)) }
        // The body in a block of the definition's scope whose names are the parameters, each in a
        // slot of this frame of its own; typed as the specialisation is.
        let savedScope = scope, savedIt = itTypes, savedAgg = aggregateDepth, savedDirectory = directory
        let reported = errors.count
        scope = Scope(parent: frozen, function: frozen.function)
        directory = definition.directory
        itTypes = []
        aggregateDepth = 0
        let typed = spec.types.map(TypedParameter.init)
        let slots = definition.params.enumerated().map { i, p -> Int in
            let slot = declare(p)
            scope.names[p]?.typed = typed[i]
            return slot
        }
        let compiled = compile(body)
        scope = savedScope
        itTypes = savedIt
        aggregateDepth = savedAgg
        directory = savedDirectory
        guard errors.count == reported, !typed.contains(where: \.isAssigned) else {
            errors.removeLast(errors.count - reported)
            return nil
        }
        session.inlinedCalls.append(definition.name)
        let f = Compiler.variableReader(hops: callee.hops, slot: callee.slot)
        let value = compiled.eval, count = args.count
        // The arguments' values, already in the call site's slots, for the ordinary call.
        let fromSlots: ArgumentFiller = { rt, frame in for i in 0..<count { frame.slots[i] = rt.frame.slots[slots[i]] } }
        let types = spec.types
        if count == 1, let slot = slots.first, let arg = args.first?.eval {
            return Compiled(compiled.type) { rt in
                guard case .function(let fn) = try f(rt) else { throw WFError.runtime("'\(name)' is not a function", nameSpan) }
                rt.frame.slots[slot] = try arg(rt)
                defer { rt.frame.slots[slot] = .null }
                guard fn.definition === definition, fn.captured === rt.frame, Specialization.matches(types[0], rt.frame.slots[slot]) else {
                    return try rt.invoke(fn, arguments: 1, filling: fromSlots, specialized: fn.definition === definition ? spec : nil, span)
                }
                try rt.tick(span)
                return try value(rt)
            }
        }
        let argEvals = args.map(\.eval)
        return Compiled(compiled.type) { rt in
            guard case .function(let fn) = try f(rt) else { throw WFError.runtime("'\(name)' is not a function", nameSpan) }
            for i in 0..<count { rt.frame.slots[slots[i]] = try argEvals[i](rt) }
            defer { for s in slots { rt.frame.slots[s] = .null } }
            guard fn.definition === definition, fn.captured === rt.frame,
                  (0..<count).allSatisfy({ Specialization.matches(types[$0], rt.frame.slots[slots[$0]]) }) else {
                return try rt.invoke(fn, arguments: count, filling: fromSlots, specialized: fn.definition === definition ? spec : nil, span)
            }
            try rt.tick(span)
            return try value(rt)
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
