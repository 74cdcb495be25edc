import Foundation
import WFStore
import WFRender

/// A built-in function: its argument counts, what it does, and a line of help.
struct Builtin {
    let arity: ClosedRange<Int>
    let doc: String
    let run: (Runtime, [Value], Span) throws -> Value
}

/// The built-in functions, by family. Aggregates (count, sum, …) also range over a group inside
/// `group by … { … }`; that form is compiled separately.
enum Builtins {
    static let table: [String: Builtin] = {
        var t: [String: Builtin] = [:]
        for (name, b) in collections { t[name] = b }
        for (name, b) in scalars { t[name] = b }
        for (name, b) in graph { t[name] = b }
        return t
    }()

    static func collection(_ v: Value, _ rt: Runtime, _ name: String, _ span: Span) throws -> [Value] {
        guard let items = v.items(rt.store) else { throw WFError.runtime("\(name) needs a list or a set, not \(v.typeName)", span) }
        return items
    }

    static let collections: [String: Builtin] = [
        "count": Builtin(arity: 1...1, doc: "count(x): the number of items of a list or set") { rt, a, s in
            if case .nodes(let set) = a[0] { return .int(Int64(set.count(rt.store))) }
            if case .record(let r) = a[0] { return .int(Int64(r.keys.count)) }
            return .int(Int64(try collection(a[0], rt, "count", s).count))
        },
        "sum": Builtin(arity: 1...1, doc: "sum(list): the total of the numbers") { rt, a, s in try Aggregate.apply("sum", try collection(a[0], rt, "sum", s), s) },
        "avg": Builtin(arity: 1...1, doc: "avg(list): the mean of the numbers") { rt, a, s in try Aggregate.apply("avg", try collection(a[0], rt, "avg", s), s) },
        "min": Builtin(arity: 1...2, doc: "min(list) or min(a, b)") { rt, a, s in
            try Aggregate.apply("min", a.count == 2 ? a : try collection(a[0], rt, "min", s), s)
        },
        "max": Builtin(arity: 1...2, doc: "max(list) or max(a, b)") { rt, a, s in
            try Aggregate.apply("max", a.count == 2 ? a : try collection(a[0], rt, "max", s), s)
        },
        "len": Builtin(arity: 1...1, doc: "len(x): length of a string, list or set") { rt, a, s in
            if case .string(let str) = a[0] { return .int(Int64(str.count)) }
            if case .nodes(let set) = a[0] { return .int(Int64(set.count(rt.store))) }
            return .int(Int64(try collection(a[0], rt, "len", s).count))
        },
        "range": Builtin(arity: 1...2, doc: "range(n) or range(a, b): the integers a ≤ i < b") { _, a, s in
            guard case .int(let x) = a[0] else { throw WFError.runtime("range needs integers", s) }
            var lo: Int64 = 0, hi = x
            if a.count == 2 { guard case .int(let y) = a[1] else { throw WFError.runtime("range needs integers", s) }; lo = x; hi = y }
            let (size, overflow) = hi.subtractingReportingOverflow(lo)
            guard !overflow, size <= 10_000_000 else { throw WFError.runtime("range too large (at most 10,000,000 items)", s) }
            return .list(hi > lo ? (lo..<hi).map { .int($0) } : [])
        },
        "append": Builtin(arity: 2...2, doc: "append(list, x): a new list with x at the end") { rt, a, s in
            try Value.list(try collection(a[0], rt, "append", s) + [a[1]]).checkedNesting(s)
        },
        "join": Builtin(arity: 1...2, doc: "join(list, sep): the items as text, joined") { rt, a, s in
            var sep = ", "
            if a.count == 2 { guard case .string(let x) = a[1] else { throw WFError.runtime("join's separator is a string", s) }; sep = x }
            let items = try collection(a[0], rt, "join", s)
            return .string(items.map { Display.inline($0, reveal: false, store: rt.store) }.joined(separator: sep))
        },
        "keys": Builtin(arity: 1...1, doc: "keys(record)") { _, a, s in
            guard case .record(let r) = a[0] else { throw WFError.runtime("keys needs a record", s) }
            return .list(r.keys.map { .string($0) })
        },
        "values": Builtin(arity: 1...1, doc: "values(record)") { _, a, s in
            guard case .record(let r) = a[0] else { throw WFError.runtime("values needs a record", s) }
            return .list(r.values)
        },
    ]

    static let scalars: [String: Builtin] = [
        "today": Builtin(arity: 0...0, doc: "today(): the reference date of the records") { rt, _, _ in .date(rt.today) },
        "date": Builtin(arity: 1...3, doc: "date(\"2026-01-01\") or date(y, m, d)") { _, a, s in
            if a.count == 1, case .string(let t) = a[0], let d = Day(iso: t) { return .date(d) }
            if a.count == 3, case .int(let y) = a[0], case .int(let m) = a[1], case .int(let d) = a[2],
               let day = Day(year: Int(clamping: y), month: Int(clamping: m), day: Int(clamping: d)) { return .date(day) }
            throw WFError.runtime("not a date: " + a.map { Display.inline($0, reveal: false) }.joined(separator: ", "), s,
                                  hint: "dates are YYYY-MM-DD and must exist")
        },
        "year": Builtin(arity: 1...1, doc: "year(date)") { _, a, s in
            if case .date(let d) = a[0] { return .int(Int64(d.year)) }
            if a[0].isNull { return .null }
            throw WFError.runtime("year needs a date, not \(a[0].typeName)", s)
        },
        "str": Builtin(arity: 1...1, doc: "str(x): x as text") { rt, a, _ in .string(Display.inline(a[0], reveal: false, store: rt.store)) },
        "int": Builtin(arity: 1...1, doc: "int(x): x as an integer (text is parsed, decimals truncated)") { _, a, s in
            switch a[0] {
            case .int: return a[0]
            case .decimal(let d):
                guard d.isFinite, abs(d) < 9.2e18 else { throw WFError.runtime("\(d) does not fit an integer", s) }
                return .int(Int64(d))
            case .string(let t): if let i = Int64(t) { return .int(i) }
            case .bool(let b): return .int(b ? 1 : 0)
            case .null: return .null
            default: break
            }
            throw WFError.runtime("not an integer: \(Display.inline(a[0], reveal: false))", s)
        },
        "decimal": Builtin(arity: 1...1, doc: "decimal(x): x as a decimal") { _, a, s in
            switch a[0] {
            case .int(let i): return .decimal(Double(i))
            case .decimal: return a[0]
            case .string(let t): if let d = Double(t), d.isFinite { return .decimal(d) }
            case .null: return .null
            default: break
            }
            throw WFError.runtime("not a number: \(Display.inline(a[0], reveal: false))", s)
        },
        "round": Builtin(arity: 1...2, doc: "round(x, places)") { _, a, s in
            var places: Int64 = 0
            if a.count == 2 { guard case .int(let p) = a[1], (0...10).contains(p) else { throw WFError.runtime("round's places is 0 to 10", s) }; places = p }
            switch a[0] {
            case .int: return a[0]
            case .decimal(let d):
                var f = 1.0
                for _ in 0..<places { f *= 10 }
                return .decimal((d * f).rounded() / f)
            case .null: return .null
            default: throw WFError.runtime("round needs a number", s)
            }
        },
        "abs": Builtin(arity: 1...1, doc: "abs(x)") { _, a, s in
            switch a[0] {
            case .int(let i): return i == .min ? .decimal(-Double(i)) : .int(abs(i))
            case .decimal(let d): return .decimal(abs(d))
            case .null: return .null
            default: throw WFError.runtime("abs needs a number", s)
            }
        },
        "contains": Builtin(arity: 2...2, doc: "contains(text, part)") { _, a, s in
            guard case .string(let t) = a[0], case .string(let p) = a[1] else {
                if a[0].isNull { return .bool(false) }
                throw WFError.runtime("contains needs two strings", s)
            }
            return .bool(t.contains(p))
        },
        "starts_with": Builtin(arity: 2...2, doc: "starts_with(text, prefix)") { _, a, s in
            guard case .string(let t) = a[0], case .string(let p) = a[1] else {
                if a[0].isNull { return .bool(false) }
                throw WFError.runtime("starts_with needs two strings", s)
            }
            return .bool(t.hasPrefix(p))
        },
        "split": Builtin(arity: 2...2, doc: "split(text, sep)") { _, a, s in
            guard case .string(let t) = a[0], case .string(let p) = a[1], !p.isEmpty else { throw WFError.runtime("split needs two strings", s) }
            return .list(t.components(separatedBy: p).map { .string($0) })
        },
        "type": Builtin(arity: 1...1, doc: "type(x): the name of x's type") { _, a, _ in .string(a[0].typeName) },
        "error": Builtin(arity: 1...1, doc: "error(message): stop with an error") { _, a, s in
            throw WFError.runtime(Display.inline(a[0], reveal: false), s)
        },
        "reveal": Builtin(arity: 1...1, doc: "reveal(x): personal data unmasked") { rt, a, _ in reveal(rt, a[0]) },
    ]

    static let graph: [String: Builtin] = [
        "tree": Builtin(arity: 1...2, doc: "tree(org, depth): the subtree drawn as text") { rt, a, s in
            let depth = try treeDepth(a, s)
            guard case .node(.org, let r) = a[0], rt.store.isLive(.org, r) else { throw WFError.runtime("tree needs an org", s) }
            return .string(TreeRender.text(treeNode(rt.store, r, depth: depth)))
        },
        "dot": Builtin(arity: 1...2, doc: "dot(org, depth): the subtree as Graphviz DOT") { rt, a, s in
            let depth = try treeDepth(a, s)
            guard case .node(.org, let r) = a[0], rt.store.isLive(.org, r) else { throw WFError.runtime("dot needs an org", s) }
            return .string(TreeRender.dot(treeNode(rt.store, r, depth: depth)))
        },
    ]

    static func treeDepth(_ a: [Value], _ s: Span) throws -> Int {
        guard a.count == 2 else { return 3 }
        guard case .int(let d) = a[1], (0...20).contains(d) else { throw WFError.runtime("depth is 0 to 20", s) }
        return Int(d)
    }

    static func treeNode(_ store: Store, _ row: Int32, depth: Int) -> TreeNode {
        let kids = depth > 0 ? store.reverse(Schema.Org.parent, row).map { treeNode(store, $0, depth: depth - 1) } : []
        return TreeNode(store.displayName(.org, row), kids)
    }

    /// Personal data in `v` as plain text: nodes become records of their fields.
    static func reveal(_ rt: Runtime, _ v: Value) -> Value {
        switch v {
        case .secret(let s): return .string(s)
        case .list(let l): return .list(l.map { reveal(rt, $0) })
        case .record(let r): return .record(Record(keys: r.keys, values: r.values.map { reveal(rt, $0) }))
        case .node(let k, let row):
            guard rt.store.isLive(k, row) else { return .null }
            var rec = Record(keys: ["id"], values: [.int(Int64(row))])
            for (i, f) in k.fields.enumerated() {
                rec.set(f.name, reveal(rt, Navigation.cellValue(rt.store, FieldID(k, i), rt.store.cell(FieldID(k, i), row))))
            }
            return .record(rec)
        case .nodes(let s): return .list(s.ids(rt.store).map { reveal(rt, .node(s.kind, $0)) })
        default: return v
        }
    }
}
