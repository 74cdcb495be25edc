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
        scope = Scope(parent: frozen, function: frozen.function)
        directory = definition.directory
        itTypes = []
        aggregateDepth = 0
        let typed = spec.types.map(TypedParameter.init)
        let slots = zip(definition.params, typed).map { declare($0, typed: $1) }
        let inlined = quietly { compile(body) }
        scope = savedScope
        itTypes = savedIt
        aggregateDepth = savedAgg
        directory = savedDirectory
        guard let compiled = inlined, !typed.contains(where: \.isAssigned) else { return nil }
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
}
