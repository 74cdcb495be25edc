import WFStore

/// Calls compiled for their argument types.
///
/// A parameter's type is unknown when a function is compiled, so its body takes the general
/// path everywhere: `q.person` looks the field up by name at run time, `| any .date >= q.from`
/// over `q.person.trainings` cannot plan for one kind. Yet most calls pass nodes of one kind
/// (`trained(it)` in a filter over positions). So a call whose arguments have known node types
/// compiles the body again with its parameters typed, once per definition and types, and runs
/// that body when the values are what was compiled for. The same idea as a JIT's type-specialised
/// copies, done at compile time because the compiler already knows the types statically.
///
/// Exactness: a typed parameter must hold its type for the whole call. The call checks each
/// argument's value before taking the typed body, and a body that writes a typed parameter
/// (`q = …`, `let q = …` at its top, from a nested function too) is not used: the compiler
/// marks the parameter as written (`TypedParameter.isAssigned`) and the specialisation is
/// dropped. A body that fails to compile typed (a field no node of that kind has) is dropped
/// too, and its errors with it: the general body reports such a mistake where it happens.

/// A `fn` statement, kept so that calls can compile its body for their argument types.
final class FunctionDefinition {
    let name: String
    let params: [String]
    let body: [Stmt]
    /// The names visible where the body was compiled, copied then: names declared later in the
    /// same scopes must not change what the body's names mean.
    private(set) var scope: Scope?
    private(set) var directory = ""
    /// Compiled bodies by argument types (`TypedParameter.key`).
    var specializations: [String: Specialization] = [:]

    init(name: String, params: [String], body: [Stmt]) {
        self.name = name
        self.params = params
        self.body = body
    }

    func remember(scope live: Scope, directory: String) {
        scope = Self.copy(live)
        self.directory = directory
    }

    /// The chain of scopes with each level's names copied (the function scopes, which give
    /// frame sizes and hop counts, are shared).
    private static func copy(_ s: Scope) -> Scope {
        let c = Scope(parent: s.parent.map(copy), function: s.function)
        c.names = s.names
        return c
    }
}

/// One body of a definition compiled for some argument types; `body` is nil while it compiles
/// (a recursive call finds it so) and when it could not be used.
final class Specialization {
    let types: [SType]
    var body: Exec?
    var frameSize = 0

    init(types: [SType]) { self.types = types }

    /// Whether `args` are values of the types compiled for.
    /// - Complexity: O(arguments).
    @inline(__always) func accepts(_ frame: Frame, count: Int) -> Bool {
        var i = 0
        while i < count {
            if !Specialization.matches(types[i], frame.slots[i]) { return false }
            i += 1
        }
        return true
    }

    /// Whether `value` is of type `type` (`.any`, a node or a set of one kind).
    @inline(__always) static func matches(_ type: SType, _ value: Value) -> Bool {
        switch (type, value) {
        case (.any, _): return true
        case (.node(let k), .node(let l, _)): return k == l
        case (.nodes(let k), .nodes(let s)): return k == s.kind
        default: return false
        }
    }
}

/// A parameter's type inside a specialised body, and whether the body writes the parameter.
final class TypedParameter {
    let type: SType
    var isAssigned = false
    init(_ type: SType) { self.type = type }

    /// The types worth compiling for: a node or a set of one kind. Others are `.any`.
    static func worthTyping(_ t: SType) -> SType {
        switch t {
        case .node, .nodes: return t
        default: return .any
        }
    }

    static func key(_ types: [SType]) -> String {
        types.map { t -> String in
            switch t {
            case .node(let k): return "n\(k.rawValue)"
            case .nodes(let k): return "s\(k.rawValue)"
            default: return "_"
            }
        }.joined(separator: ",")
    }
}

extension Compiler {
    /// The body of `definition` compiled for `argTypes`, or nil when no argument has a type
    /// worth it, the definition is not compiled yet (a call above a hoisted `fn`), or the typed
    /// body cannot be used.
    func specialization(of definition: FunctionDefinition, for argTypes: [SType]) -> Specialization? {
        let types = argTypes.map(TypedParameter.worthTyping)
        guard types.count == definition.params.count,
              types.contains(where: { if case .any = $0 { return false } else { return true } }),
              let frozen = definition.scope else { return nil }
        let key = TypedParameter.key(types)
        if let known = definition.specializations[key] { return known }
        let spec = Specialization(types: types)
        definition.specializations[key] = spec
        let savedScope = scope, savedDirectory = directory
        scope = frozen
        directory = definition.directory
        let typed = types.map(TypedParameter.init)
        let compiled = quietly { compileBody(params: definition.params, types: typed, body: definition.body) }
        scope = savedScope
        directory = savedDirectory
        guard let (body, size) = compiled, !typed.contains(where: \.isAssigned) else { return nil }
        spec.body = body
        spec.frameSize = size
        session.specializedBodies.append(definition.name)
        return spec
    }

    /// A call of the function in `callee` with `args`: through the body compiled for the
    /// arguments' types when there is one and the callee is still that function, else as before.
    func compileUserCall(_ callee: Resolved, _ args: [Compiled], name: String, nameSpan: Span, span: Span) -> Compiled {
        let f = Compiler.variableReader(hops: callee.hops, slot: callee.slot)
        let fill = Runtime.filler(args.map(\.eval)), count = args.count
        let spec = callee.definition.flatMap { specialization(of: $0, for: args.map(\.type)) }
        guard let spec, let definition = callee.definition else {
            // Arguments whose types show only at run time (an item of a set held in a variable,
            // a parameter of the calling function) are typed then.
            let late = callee.definition.map { RunTimeSpecializer(compiler: self, definition: $0) }
            return Compiled { rt in
                guard case .function(let fn) = try f(rt) else { throw WFError.runtime("'\(name)' is not a function", nameSpan) }
                if let late, fn.definition === late.definition {
                    return try rt.invoke(fn, arguments: count, filling: fill, choosing: late.choose, span)
                }
                return try rt.invoke(fn, arguments: count, filling: fill, specialized: nil, span)
            }
        }
        if spec.body != nil, let inline = inlinedCall(callee, definition, args, spec, name: name, nameSpan: nameSpan, span: span) {
            return inline
        }
        return Compiled { rt in
            guard case .function(let fn) = try f(rt) else { throw WFError.runtime("'\(name)' is not a function", nameSpan) }
            return try rt.invoke(fn, arguments: count, filling: fill, specialized: fn.definition === definition ? spec : nil, span)
        }
    }
}

/// The body of a definition for the types its arguments have at run time, at a call where the
/// compiler could not tell them: `s | map quota_met(it, day)` with `s` a set held in a variable,
/// or any call inside a function on its own parameters. The general body plans nothing on the
/// columns there (`x.person.ledger | where .date > day - 12mo` computed `day - 12mo` and read
/// `.date` by name per row): the standard library's `contact_quota` at province scale took
/// 817 ms where the same filter written with `assignments` took 258.
///
/// The body is compiled on the first call with such values, as at compile time
/// (`specialization(of:for:)`, which keeps it by types), and the last one used is tried first.
final class RunTimeSpecializer {
    private let compiler: Compiler
    let definition: FunctionDefinition
    private var last: Specialization?

    init(compiler: Compiler, definition: FunctionDefinition) {
        self.compiler = compiler
        self.definition = definition
    }

    /// The body for the arguments in `frame`'s first `count` slots; nil when none is typed or
    /// the typed body cannot be used.
    /// - Complexity: O(arguments); a compilation of the body the first time for its types.
    func choose(_ frame: Frame, count: Int) -> Specialization? {
        if let last, last.accepts(frame, count: count) { return last }
        // Most calls of this kind pass no node at all (`in_window(.date, year, s)`): they are
        // told apart without making the list of types.
        var typed = false
        for i in 0..<count {
            switch frame.slots[i] {
            case .node, .nodes: typed = true
            default: break
            }
        }
        guard typed else { return nil }
        let types = (0..<count).map { i -> SType in
            switch frame.slots[i] {
            case .node(let k, _): return .node(k)
            case .nodes(let s): return .nodes(s.kind)
            default: return .any
            }
        }
        guard let spec = compiler.specialization(of: definition, for: types), spec.body != nil else { return nil }
        last = spec
        return spec
    }
}
