import WFStore
import WFDomain

extension Compiler {
    /// Mutation statements: each evaluates its operands, then makes one checked call into
    /// `WFDomain`, which validates before it writes.
    func compileMutation(_ s: Stmt) -> Eval {
        let span = s.span
        switch s.kind {
        case .create(let kind, let e), .record(let kind, let e):
            let values = compile(e).eval
            return { rt in
                let pairs = try Mutate.pairs(try values(rt), span: e.span)
                let row = try Mutate.guarded(rt, span) { try rt.domain.create(&rt.store, kind, pairs) }
                return .node(kind, row)
            }
        case .set(let target, let field, let e):
            let tc = compile(target)
            let t = tc.eval
            var v: Eval = { _ in .null }
            switch tc.type {
            case .node(let k), .nodes(let k):
                if let field {
                    guard let i = k.fieldIndex(field) else {
                        return error(.resolve("unknown field '\(field)' of \(k.name)", target.span,
                                              hint: WFError.didYouMean(field, k.fields.map(\.name)))).eval
                    }
                    if case .enumeration(let en) = k.fields[i].type, isUnknownBareName(e) {
                        if !checkLabel(.enumeration(Navigation.enumIndex[en.name] ?? 0), e) { break }
                    }
                }
                v = compile(e).eval
            default:
                v = compile(e).eval
            }
            return { rt in
                let pairs: [(String, FieldValue)]
                if let field { pairs = [(field, try Mutate.fieldValue(try v(rt), span: e.span))] } else {
                    pairs = try Mutate.pairs(try v(rt), span: e.span)
                }
                for (k, r) in try Mutate.nodes(try t(rt), store: rt.store, span: target.span) {
                    try Mutate.guarded(rt, span) { try rt.domain.set(&rt.store, k, r, pairs) }
                }
                return .null
            }
        case .delete(let target):
            let t = compile(target).eval
            return { rt in
                for (k, r) in try Mutate.nodes(try t(rt), store: rt.store, span: target.span) {
                    try Mutate.guarded(rt, span) { try rt.domain.delete(&rt.store, k, r) }
                }
                return .null
            }
        case .link(let target, let field, let e):
            let t = compile(target).eval, v = compile(e).eval
            return { rt in
                guard case .node(_, let to) = try v(rt) else { throw WFError.runtime("link needs a node to point at", e.span) }
                for (k, r) in try Mutate.nodes(try t(rt), store: rt.store, span: target.span) {
                    try Mutate.guarded(rt, span) { try rt.domain.link(&rt.store, k, r, field, to: to) }
                }
                return .null
            }
        case .unlink(let target, let field):
            let t = compile(target).eval
            return { rt in
                for (k, r) in try Mutate.nodes(try t(rt), store: rt.store, span: target.span) {
                    try Mutate.guarded(rt, span) { try rt.domain.unlink(&rt.store, k, r, field) }
                }
                return .null
            }
        case .appoint(let person, let role, let roleSpan, let org, let from, let to):
            if Vocab.role.code(of: role) == nil {
                _ = error(.resolve("'\(role)' is not a role", roleSpan, hint: WFError.didYouMean(role, Vocab.role.labels) ?? ("roles: " + Vocab.role.labels.joined(separator: ", "))))
            }
            let p = compile(person).eval, o = compile(org).eval, f = compile(from).eval
            let t = to.map { compile($0).eval }
            return { rt in
                let pr = try Mutate.node(try p(rt), .person, rt: rt, span: person.span)
                let orow = try Mutate.node(try o(rt), .org, rt: rt, span: org.span)
                let fd = try Mutate.date(try f(rt), span: from.span)
                let td = try t.map { try Mutate.date(try $0(rt), span: to?.span ?? span) }
                let row = try Mutate.guarded(rt, span) {
                    try rt.domain.appoint(&rt.store, person: pr, role: role, org: orow, from: fd, to: td)
                }
                return .node(.position, row)
            }
        case .end(let target, let date):
            let t = compile(target).eval, d = compile(date).eval
            return { rt in
                let day = try Mutate.date(try d(rt), span: date.span)
                for (k, r) in try Mutate.nodes(try t(rt), store: rt.store, span: target.span) {
                    guard k == .position else { throw WFError.runtime("end takes a position, not \(k.name)", target.span) }
                    try Mutate.guarded(rt, span) { try rt.domain.end(&rt.store, position: r, on: day) }
                }
                return .null
            }
        case .convert(let target, let date):
            let t = compile(target).eval, d = compile(date).eval
            return { rt in
                let day = try Mutate.date(try d(rt), span: date.span)
                for (k, r) in try Mutate.nodes(try t(rt), store: rt.store, span: target.span) {
                    guard k == .org else { throw WFError.runtime("convert takes an org, not \(k.name)", target.span) }
                    try Mutate.guarded(rt, span) { try rt.domain.convert(&rt.store, org: r, on: day) }
                }
                return .null
            }
        default:
            return { _ in .null }
        }
    }
}

/// Turning language values into the domain's field values, and rule violations into errors.
enum Mutate {
    @discardableResult
    static func guarded<T>(_ rt: Runtime, _ span: Span, _ body: () throws -> T) throws -> T {
        do {
            let r = try body()
            rt.mutations += 1
            return r
        } catch let v as RuleViolation {
            throw WFError(.rule, v.message, span: span, hint: v.hint, note: "rule: \(v.rule) (\(v.section))")
        }
    }

    static func fieldValue(_ v: Value, span: Span) throws -> FieldValue {
        switch v {
        case .null: return .null
        case .bool(let b): return .bool(b)
        case .int(let i): return .int(i)
        case .decimal(let d):
            guard d == d.rounded(), abs(d) < 2e9 else { throw WFError.runtime("stored numbers are whole numbers, not \(Display.decimal(d))", span) }
            return .int(Int64(d))
        case .string(let s), .secret(let s): return .text(s)
        case .date(let d): return .date(d)
        case .label(let l): return .label(l)
        case .enumValue(let t, let c): return .label(Value.enumText(t, c))
        case .node(let k, let r): return .ref(k, r)
        case .list(let items):
            return .labels(try items.map { item in
                switch item {
                case .label(let l), .string(let l): return l
                case .enumValue(let t, let c): return Value.enumText(t, c)
                default: throw WFError.runtime("a tag list holds labels, not \(item.typeName)", span)
                }
            })
        default:
            throw WFError.runtime("cannot store a \(v.typeName) in a field", span)
        }
    }

    static func pairs(_ v: Value, span: Span) throws -> [(String, FieldValue)] {
        guard case .record(let r) = v else { throw WFError.runtime("expected a record of fields, {name: …, …}", span) }
        return try zip(r.keys, r.values).map { ($0, try fieldValue($1, span: span)) }
    }

    static func nodes(_ v: Value, store: Store, span: Span) throws -> [(Kind, Int32)] {
        switch v {
        case .node(let k, let r): return [(k, r)]
        case .nodes(let s): return s.ids(store).map { (s.kind, $0) }
        case .list(let l): return try l.flatMap { try nodes($0, store: store, span: span) }
        default: throw WFError.runtime("expected a node or a set of nodes, not \(v.typeName)", span)
        }
    }

    static func node(_ v: Value, _ kind: Kind, rt: Runtime, span: Span) throws -> Int32 {
        switch v {
        case .node(let k, let r) where k == kind: return r
        case .string:
            guard case .node(_, let r) = try Lookup.find(rt, kind, v, plural: false, span: span, keySpan: span) else { break }
            return r
        default: break
        }
        throw WFError.runtime("expected a \(kind.name), not \(v.typeName)", span)
    }

    static func date(_ v: Value, span: Span) throws -> Day {
        switch v {
        case .date(let d): return d
        case .string(let s): if let d = Day(iso: s) { return d }
        default: break
        }
        throw WFError.runtime("expected a date (YYYY-MM-DD), not \(v.typeName)", span)
    }
}
