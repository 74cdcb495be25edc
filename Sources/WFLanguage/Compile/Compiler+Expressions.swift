import WFStore
import WFDomain

extension Compiler {
    func compile(_ e: Expr) -> Compiled {
        let span = e.span
        switch e.kind {
        case .null: return Compiled(.scalar) { _ in .null }
        case .bool(let b): return Compiled(.scalar) { _ in .bool(b) }
        case .int(let i): return Compiled(.scalar) { _ in .int(i) }
        case .decimal(let d): return Compiled(.scalar) { _ in .decimal(d) }
        case .string(let s): return Compiled(.scalar) { _ in .string(s) }
        case .date(let d): return Compiled(.scalar) { _ in .date(d) }
        case .duration(let d): return Compiled(.scalar) { _ in .duration(d) }
        case .list(let items):
            let parts = items.map { compile($0).eval }
            return Compiled { rt in try Value.list(try parts.map { try $0(rt) }).checkedNesting(span) }
        case .record(let fields):
            let keys = fields.map(\.0)
            let parts = fields.map { compile($0.1).eval }
            return Compiled { rt in try Value.record(Record(keys: keys, values: try parts.map { try $0(rt) })).checkedNesting(span) }
        case .name(let n):
            return compileName(n, span)
        case .it:
            guard let t = itTypes.last else {
                return error(.resolve("'it' is the current item of a pipeline stage, and there is none here", span))
            }
            return Compiled(t) { rt in rt.it }
        case .field(let base, let name, let nameSpan):
            return compileField(base, name, nameSpan, span)
        case .index(let base, let index):
            let b = compile(base).eval, i = compile(index).eval
            return Compiled { rt in try Compiler.index(try b(rt), try i(rt), span) }
        case .call(let callee, let args):
            return compileCall(callee, args, span)
        case .unary(let op, let operand):
            let o = compile(operand).eval
            switch op {
            case .not: return Compiled(.scalar) { rt in .bool(!(try o(rt)).truthy) }
            case .negate:
                return Compiled(.scalar) { rt in
                    switch try o(rt) {
                    case .int(let i): return i == .min ? .decimal(-Double(i)) : .int(-i)
                    case .decimal(let d): return .decimal(-d)
                    case .null: return .null
                    case let v: throw WFError.runtime("cannot negate \(v.typeName)", span)
                    }
                }
            }
        case .binary(let op, let l, let r):
            return compileBinary(op, l, r, span)
        case .lookup(let kind, let key, let plural):
            return compileLookup(kind, key, plural, span)
        case .pipe(let head, let stages):
            var current = compile(head)
            var i = 0
            while i < stages.count {
                if let fused = fusedDistinctCount(stages, at: i, input: current) {
                    current = fused
                    i += 3
                } else if let (top, count) = selectTop(stages, at: i, input: current) {
                    // `select … | where … | sort … | take N`: records only for the N kept.
                    current = top
                    i += count
                } else if i + 1 < stages.count, Compiler.makesItemByItem(stages[i]), case .take(let n) = stages[i + 1].kind,
                          case .int(let limit) = n.kind, limit >= 0 {
                    // `select … | take N` (or `map`): the select runs for the first N items only
                    // (docs/language.md, "Pipeline stages"). At nation scale, 48,000 townships'
                    // names took 32 ms to show ten.
                    current = compileStage(stages[i + 1], input: compileStage(stages[i], input: current, atMost: Int(clamping: limit)))
                    i += 2
                } else if case .sort(let keys) = stages[i].kind, i + 1 < stages.count,
                          case .take(let n) = stages[i + 1].kind, case .int(let limit) = n.kind, limit >= 0 {
                    // `sort … | take N`: only the first N are put in order.
                    current = compileSort(keys, input: current, span: stages[i].span, limit: Int(clamping: limit))
                    i += 2
                } else {
                    current = compileStage(stages[i], input: current)
                    i += 1
                }
            }
            return groupedEdgeCount(head, stages, span: span, general: current) ?? current
        case .lambda(let params, let body):
            return compileFunction(name: "fn", params: params, body: body, span: span)
        case .conditional(let c, let a, let b):
            let cc = compile(c).eval, ca = compile(a), cb = compile(b).eval
            return Compiled { rt in try cc(rt).truthy ? try ca.eval(rt) : try cb(rt) }
        case .mutation(let stmt):
            return Compiled(.any, compileMutation(stmt))
        }
    }

    func compileName(_ n: String, _ span: Span) -> Compiled {
        if let v = lookup(n) {
            return Compiled(v.typed?.type ?? .any, Compiler.variableReader(hops: v.hops, slot: v.slot))
        }
        if let k = Kind(name: n), k.plural == n {
            return Compiled(.nodes(k)) { _ in .nodes(.all(k)) }
        }
        if n == "today" { return Compiled(.scalar) { rt in .date(rt.today) } }
        if Compiler.allLabels.contains(n) { return Compiled(.scalar) { _ in .label(n) } }
        if Builtins.table[n] != nil {
            return error(.resolve("'\(n)' is a function; call it with (…)", span))
        }
        if let k = Kind(name: n) {
            return error(.resolve("'\(n)' needs a name or an id", span, hint: "write \(n) \"名字\" or \(n) #12, or \(k.plural) for all"))
        }
        let candidates = visibleNames + Kind.allCases.map(\.plural) + Array(Builtins.table.keys)
        return error(.resolve("unknown name '\(n)'", span, hint: WFError.didYouMean(n, candidates)))
    }

    func compileField(_ base: Expr?, _ name: String, _ nameSpan: Span, _ span: Span) -> Compiled {
        let b: Compiled
        if let base {
            b = compile(base)
        } else {
            guard let t = itTypes.last else {
                return error(.resolve("'.\(name)' reads a field of the current item, and there is none here", span,
                                      hint: "use it inside a stage (| where .\(name) …) or write x.\(name)"))
            }
            b = Compiled(t) { rt in rt.it }
        }
        let baseEval = b.eval
        switch b.type {
        case .node(let k), .nodes(let k), .nodeList(let k):
            if name == "count" { break }
            guard let acc = Navigation.accessor(k, name) else {
                return error(.resolve("unknown field '\(name)' of \(k.name)", nameSpan,
                                      hint: WFError.didYouMean(name, Navigation.names(k))))
            }
            var type: SType = .any
            let isSet: Bool
            if case .nodes = b.type { isSet = true } else { isSet = false }
            if let t = Navigation.targetKind(acc, from: k) {
                type = isSet || Navigation.isSetValued(acc) ? .nodes(t) : .node(t)
            } else if case .field(let f) = acc, case .enumeration(let e) = f.field.type, !isSet {
                type = .enumeration(Navigation.enumIndex[e.name] ?? 0)
            } else if !isSet {
                type = .scalar
            }
            if case .node = b.type {
                // The item and variables are matched in place: a closure call for the base, and
                // the copy of the `Value` it returns, cost as much as the read itself.
                var local: Int?  // the slot of a variable of this frame
                if case .name(let n)? = base?.kind, let v = lookup(n), v.hops == 0 { local = v.slot }
                var compiled: Compiled
                if case .it = base?.kind ?? .it {
                    compiled = Compiled(type) { rt in
                        if case .node(let kk, let r) = rt.it, kk == k { return Navigation.read(rt, k, r, acc) }
                        return try Compiler.field(rt, rt.it, name, nameSpan)
                    }
                } else if let slot = local {
                    compiled = Compiled(type) { rt in
                        if case .node(let kk, let r) = rt.frame.slots[slot], kk == k { return Navigation.read(rt, k, r, acc) }
                        return try Compiler.field(rt, rt.frame.slots[slot], name, nameSpan)
                    }
                } else {
                    compiled = Compiled(type) { rt in
                        switch try baseEval(rt) {
                        case .node(let kk, let r) where kk == k: return Navigation.read(rt, k, r, acc)
                        case let v: return try Compiler.field(rt, v, name, nameSpan)
                        }
                    }
                }
                if case .reverse(let f) = acc, base.map(readsOnly) ?? true {
                    compiled.edgeRows = { rt in
                        guard case .node(let kk, let r) = try baseEval(rt), kk == k else { return nil }
                        // A row past its table's end reads as null, which stages take as empty.
                        guard r >= 0, Int(r) < rt.rowCount(k) else { return (f.kind, UnsafeBufferPointer(start: nil, count: 0)) }
                        return rt.edges.rows(rt, f, r).map { (f.kind, $0) }
                    }
                }
                return compiled
            }
        default: break
        }
        let site = FieldSite(name: name)
        return Compiled { rt in try Compiler.field(rt, try baseEval(rt), name, nameSpan, site: site) }
    }

    func compileBinary(_ op: BinaryOp, _ l: Expr, _ r: Expr, _ span: Span) -> Compiled {
        // Compile a bare-label side after the other, so a misspelt label is reported against
        // the field's list ("'congres' is not a form") rather than as an unknown name.
        let lc: Compiled, rc: Compiled
        if isUnknownBareName(l) {
            rc = compile(r)
            lc = checkLabel(rc.type, l) ? compile(l) : Compiled { _ in .null }
        } else if isUnknownBareName(r) {
            lc = compile(l)
            rc = checkLabel(lc.type, r) ? compile(r) : Compiled { _ in .null }
        } else {
            lc = compile(l)
            rc = compile(r)
            _ = checkLabel(lc.type, r)
            _ = checkLabel(rc.type, l)
        }
        let le = lc.eval, re = rc.eval
        switch op {
        case .and: return Compiled(.scalar) { rt in .bool(try le(rt).truthy && re(rt).truthy) }
        case .or: return Compiled(.scalar) { rt in .bool(try le(rt).truthy || re(rt).truthy) }
        case .eq:
            let general: Eval = { rt in .bool(Value.equal(try le(rt), try re(rt))) }
            return cellComparison(op, l, r, general: general) ?? Compiled(.scalar, general)
        case .ne:
            let general: Eval = { rt in .bool(!Value.equal(try le(rt), try re(rt))) }
            return cellComparison(op, l, r, general: general) ?? Compiled(.scalar, general)
        case .lt, .le, .gt, .ge:
            let general = orderedComparison(op, le, re, span)
            return cellComparison(op, l, r, general: general) ?? Compiled(.scalar, general)
        case .in:
            if let ancestry = ancestorTest(le, re, r, span) { return ancestry }
            if let tagged = tagTest(le, re, r, span) { return tagged }
            return Compiled(.scalar) { rt in try Compiler.member(try le(rt), try re(rt), rt, span) }
        case .add, .sub, .mul, .div, .mod:
            return Compiled(.scalar) { rt in
                let a = try le(rt), b = try re(rt)
                // The common case of scalar loops, ahead of the general dispatch.
                if case .int(let x) = a, case .int(let y) = b {
                    switch op {
                    case .add: let (r, o) = x.addingReportingOverflow(y); if !o { return .int(r) }
                    case .sub: let (r, o) = x.subtractingReportingOverflow(y); if !o { return .int(r) }
                    case .mul: let (r, o) = x.multipliedReportingOverflow(by: y); if !o { return .int(r) }
                    default: break
                    }
                }
                do { return try Arithmetic.apply(op, a, b) } catch let e as ArithmeticError {
                    throw WFError.runtime(e.message, span)
                }
            }
        }
    }

    /// `<`, `<=`, `>`, `>=` on values: null is never ordered; values of different types are an error.
    func orderedComparison(_ op: BinaryOp, _ le: @escaping Eval, _ re: @escaping Eval, _ span: Span) -> Eval {
        return { rt in
            let a = try le(rt), b = try re(rt)
            if case .int(let x) = a, case .int(let y) = b {
                switch op {
                case .lt: return .bool(x < y)
                case .le: return .bool(x <= y)
                case .gt: return .bool(x > y)
                default: return .bool(x >= y)
                }
            }
            if a.isNull || b.isNull { return .bool(false) }
            guard let c = Value.compare(a, b) else {
                throw WFError.runtime("cannot compare \(a.typeName) with \(b.typeName)", span)
            }
            switch op {
            case .lt: return .bool(c < 0)
            case .le: return .bool(c <= 0)
            case .gt: return .bool(c > 0)
            default: return .bool(c >= 0)
            }
        }
    }

    /// `.form == congres`: a bare label compared with an enumeration field must be one of its labels.
    /// False (after reporting) when `other` is a bare name that is not a label of the enumeration `type`.
    func checkLabel(_ type: SType, _ other: Expr) -> Bool {
        guard case .enumeration(let t) = type, case .name(let n) = other.kind, lookup(n) == nil else { return true }
        let e = Vocab.all[t]
        if e.code(of: n) == nil {
            errors.append(.resolve("'\(n)' is not a \(e.name)", other.span,
                                   hint: WFError.didYouMean(n, e.labels) ?? ("one of: " + e.labels.joined(separator: ", "))))
            return false
        }
        return true
    }

    func isUnknownBareName(_ e: Expr) -> Bool {
        guard case .name(let n) = e.kind else { return false }
        return lookup(n) == nil && !Compiler.allLabels.contains(n) && Kind(name: n) == nil && n != "today"
    }

    func compileLookup(_ kind: Kind, _ key: Expr, _ plural: Bool, _ span: Span) -> Compiled {
        let k = compile(key).eval
        let keySpan = key.span
        return Compiled(plural ? .nodes(kind) : .node(kind)) { rt in
            try Lookup.find(rt, kind, try k(rt), plural: plural, span: span, keySpan: keySpan)
        }
    }

    /// A function value. A named `fn` passes its `definition`, which keeps the scope it was
    /// compiled in, so calls can compile its body again for their argument types.
    func compileFunction(name: String, params: [String], body: [Stmt], span: Span, definition: FunctionDefinition? = nil) -> Compiled {
        definition?.remember(scope: scope, directory: directory)
        let (exec, size) = compileBody(params: params, types: nil, body: body)
        return Compiled(.any) { rt in
            .function(Closure(name: name, params: params, frameSize: size, body: exec, captured: rt.frame, span: span,
                              definition: definition))
        }
    }

    /// A function body in a scope of its own, with `params` in its first slots; with `types`,
    /// the parameters are typed (and each records whether the body writes it).
    /// - Returns: the body and its frame size.
    func compileBody(params: [String], types: [TypedParameter]?, body: [Stmt]) -> (Exec, Int) {
        let fscope = FunctionScope(parent: scope.function)
        let saved = scope, savedIt = itTypes, savedAgg = aggregateDepth, savedLoop = loopDepth
        scope = Scope(parent: saved, function: fscope)
        itTypes = []
        aggregateDepth = 0
        loopDepth = 0
        functionDepth += 1
        for (i, p) in params.enumerated() { _ = declare(p, typed: types.flatMap { i < $0.count ? $0[i] : nil }) }
        let exec = compileBlockBody(Compiler.returningLastExpression(body))
        scope = saved
        itTypes = savedIt
        aggregateDepth = savedAgg
        loopDepth = savedLoop
        functionDepth -= 1
        return (exec, fscope.size)
    }

    /// A function body whose last statement is an expression returns that expression's value,
    /// as in `fn double(x) { x * 2 }`; an expression statement elsewhere in a body is evaluated
    /// and its value dropped, as before.
    static func returningLastExpression(_ body: [Stmt]) -> [Stmt] {
        guard let last = body.last, case .expr(let e) = last.kind else { return body }
        return body.dropLast() + [Stmt(kind: .return(e), span: last.span)]
    }

    // MARK: Run-time helpers

    static func index(_ base: Value, _ i: Value, _ span: Span) throws -> Value {
        switch (base, i) {
        case (.list(let l), .int(let n)):
            let j = n < 0 ? Int64(l.count) + n : n
            return j >= 0 && j < Int64(l.count) ? l[Int(j)] : .null
        case (.record(let r), .string(let key)): return r[key] ?? .null
        case (.nodes(let s), .int(let n)):
            guard let rows = s.rows else { throw WFError.runtime("take a set's items with | take or | first", span) }
            let j = n < 0 ? Int64(rows.count) + n : n
            return j >= 0 && j < Int64(rows.count) ? .node(s.kind, rows[Int(j)]) : .null
        case (.null, _): return .null
        default: throw WFError.runtime("cannot index \(base.typeName) with \(i.typeName)", span)
        }
    }

    /// `.name` of any value, resolved at run time (with a per-site cache for nodes).
    static func field(_ rt: Runtime, _ v: Value, _ name: String, _ span: Span, site: FieldSite? = nil) throws -> Value {
        switch v {
        case .null: return .null
        case .node(let k, let r):
            if name == "count" { throw WFError.runtime("a single \(k.name) has no count", span) }
            guard let acc = site?.accessor(k) ?? Navigation.accessor(k, name) else {
                throw WFError.runtime("unknown field '\(name)' of \(k.name)", span, hint: WFError.didYouMean(name, Navigation.names(k)))
            }
            return Navigation.read(rt, k, r, acc)
        case .nodes(let s):
            if name == "count" { return .int(Int64(s.count(rt.store))) }
            guard let acc = site?.accessor(s.kind) ?? Navigation.accessor(s.kind, name) else {
                throw WFError.runtime("unknown field '\(name)' of \(s.kind.name)", span,
                                      hint: WFError.didYouMean(name, Navigation.names(s.kind)))
            }
            return try Navigation.readSet(rt, s, acc, span: span)
        case .record(let r):
            if let x = r[name] { return x }
            if name == "count" { return .int(Int64(r.keys.count)) }
            throw WFError.runtime("the record has no field '\(name)'", span, hint: WFError.didYouMean(name, r.keys))
        case .list(let items):
            if name == "count" { return .int(Int64(items.count)) }
            return .list(try items.map { try field(rt, $0, name, span, site: site) })
        case .string(let s) where name == "count" || name == "length": return .int(Int64(s.count))
        case .date(let d):
            switch name {
            case "year": return .int(Int64(d.year))
            case "month": return .int(Int64(d.civil.month))
            case "day": return .int(Int64(d.civil.day))
            default: break
            }
        default: break
        }
        throw WFError.runtime("\(v.typeName) has no field '\(name)'", span)
    }
}

/// A call site's cached accessor, so that `.women` in a loop resolves the name once per kind.
final class FieldSite {
    let name: String
    var kind: Kind?
    var cached: Accessor?
    init(name: String) { self.name = name }

    func accessor(_ k: Kind) -> Accessor? {
        if kind == k, let cached { return cached }
        let acc = Navigation.accessor(k, name)
        kind = k
        cached = acc
        return acc
    }
}

extension Compiler {
    /// `x in n.ancestors` (the standard library's `area_set` asks it of every org) answered by
    /// walking up from `n` until `x` is met: the ancestors were gathered into a sorted set per
    /// item first, 830 ns an org at province scale. The walk stops as `ancestors` does (at a
    /// null or deleted parent, or after as many steps as there are orgs, against a cycle). Any
    /// other value of `n` or `x` takes the general path.
    func ancestorTest(_ le: @escaping Eval, _ re: @escaping Eval, _ r: Expr, _ span: Span) -> Compiled? {
        guard case .field(let base, "ancestors", _) = r.kind, let baseEval = plainNode(base) else { return nil }
        return Compiled(.scalar) { rt in
            let x = try le(rt)
            guard case .node(.org, let target) = x, case .node(.org, let row) = try baseEval(rt), row >= 0, Int(row) < rt.rowCount(.org) else {
                return try Compiler.member(x, try re(rt), rt, span)
            }
            let orgs = rt.rowCount(.org), allLive = rt.liveCount(.org) == orgs
            var cursor = Navigation.cell(rt, Schema.Org.parent, row), steps = 0
            while UInt(bitPattern: Int(cursor)) < UInt(orgs), steps <= orgs, allLive || rt.store.isLive(.org, cursor) {
                if cursor == target { return .bool(true) }
                cursor = Navigation.cell(rt, Schema.Org.parent, cursor)
                steps += 1
            }
            return .bool(false)
        }
    }
}

extension Compiler {
    /// `sub in s` for two strings: the one definition the general path and the column path
    /// (`TextContainsTest`) share, so that they answer alike.
    static func textContains(_ s: String, _ sub: String) -> Bool { s.contains(sub) }

    /// `a in b`.
    static func member(_ a: Value, _ b: Value, _ rt: Runtime, _ span: Span) throws -> Value {
        switch b {
        case .list(let items): return .bool(items.contains { Value.equal(a, $0) })
        case .nodes(let s):
            guard case .node(let k, let row) = a, k == s.kind else { return .bool(false) }
            if let rows = s.rows { return .bool(NodeSet.contains(rows, row)) }
            return .bool(rt.store.isLive(k, row))
        case .string(let s):
            guard case .string(let sub) = a else { return .bool(false) }
            return .bool(textContains(s, sub))
        case .record(let rec):
            guard case .string(let key) = a else { return .bool(false) }
            return .bool(rec[key] != nil)
        case .null: return .bool(false)
        default: throw WFError.runtime("'in' needs a list, a set, a string or a record, not \(b.typeName)", span)
        }
    }
}

extension Compiler {
    /// The node a field is read from when it is the item or a variable (reading them twice, in
    /// a fast path and then in the general one, is the same as reading them once); nil for any
    /// other expression.
    func plainNode(_ base: Expr?) -> Eval? {
        switch base?.kind {
        case nil, .it?: return { rt in rt.it }
        case .name(let n)?:
            guard let v = lookup(n) else { return nil }
            return Compiler.variableReader(hops: v.hops, slot: v.slot)
        default: return nil
        }
    }

    /// `label in n.tags`, a tags field being a bit set of labels, answered by testing the label's
    /// bit: the general path made the list of the node's labels first, for every item (the
    /// standard library's `backgrounds` asks it of every holder, for each of seven labels).
    /// Anything but a label or an enumeration value, or a node whose field is not tags, takes the
    /// general path.
    func tagTest(_ le: @escaping Eval, _ re: @escaping Eval, _ r: Expr, _ span: Span) -> Compiled? {
        guard case .field(let base, let name, _) = r.kind, let baseEval = plainNode(base) else { return nil }
        // By kind: the tags field of that name, its labels' enumeration and their number.
        let tagsOf: [(field: FieldID, labels: Int32, enumeration: Int)?] = Kind.allCases.map { kind in
            guard let index = kind.fieldIndex(name), case .tags(let e) = kind.fields[index].type,
                  let t = Navigation.enumIndex[e.name] else { return nil }
            return (FieldID(kind, index), Int32(e.labels.count), t)
        }
        guard tagsOf.contains(where: { $0 != nil }) else { return nil }
        return Compiled(.scalar) { rt in
            let x = try le(rt)
            guard case .node(let kind, let row) = try baseEval(rt), let tags = tagsOf[kind.rawValue] else {
                return try Compiler.member(x, try re(rt), rt, span)
            }
            let code: Int32
            switch x {
            case .label, .enumValue:
                guard let c = Compiler.cell(of: x, as: .enumeration(tags.enumeration)), c >= 0, c < tags.labels else {
                    return try Compiler.member(x, try re(rt), rt, span)
                }
                code = c
            default:
                return try Compiler.member(x, try re(rt), rt, span)
            }
            return .bool(Navigation.cell(rt, tags.field, row) & (1 << code) != 0)
        }
    }
}
