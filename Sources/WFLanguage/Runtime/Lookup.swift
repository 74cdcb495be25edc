import WFStore
import WFRender

/// `org "名字"`, `org #12`, `orgs named "名字"`: finding nodes by name or id, with suggestions.
enum Lookup {
    static func find(_ rt: Runtime, _ kind: Kind, _ key: Value, plural: Bool, span: Span, keySpan: Span) throws -> Value {
        let store = rt.store
        switch key {
        case .int(let id):
            guard id >= 0, id < Int64(store.count(kind)), store.isLive(kind, Int32(id)) else {
                throw WFError.runtime("no \(kind.name) #\(id)", keySpan,
                                      hint: "ids of \(kind.plural) run from 0 to \(max(0, store.count(kind) - 1))")
            }
            return plural ? .nodes(NodeSet(kind: kind, rows: [Int32(id)])) : .node(kind, Int32(id))
        case .string(let name):
            guard kind.nameField != nil else {
                throw WFError.runtime("\(kind.plural) have no name; look one up by id: \(kind.name) #12", keySpan)
            }
            let rows = store.rows(kind, named: name)
            if plural { return .nodes(NodeSet(kind: kind, rows: ContiguousArray(rows))) }
            if rows.count == 1 { return .node(kind, rows[0]) }
            if rows.isEmpty {
                throw WFError.runtime("no \(kind.name) named \"\(name)\"", keySpan, hint: WFError.didYouMean(name, near(store, kind, name)))
            }
            let listed = rows.prefix(10).map { r -> String in
                if kind == .org, let p = Optional(store.cell(Schema.Org.parent, r)), p != nullCell {
                    return "#\(r) (under \(store.displayName(.org, p)))"
                }
                return "#\(r)"
            }
            throw WFError.runtime("\(rows.count) \(kind.plural) are named \"\(name)\": " + listed.joined(separator: ", "), keySpan,
                                  hint: "pick one with \(kind.name) #\(rows[0]), or take them all with \(kind.plural) named \"\(name)\"")
        case .node(let k, _) where k == kind:
            return key
        default:
            throw WFError.runtime("look up a \(kind.name) by name (a string) or id (#12), not \(key.typeName)", keySpan)
        }
    }

    /// Names of `kind` near `name`. Scans distinct names whose byte length is close to the query's,
    /// and stops after 200,000 distinct names so that a miss on a national store stays quick.
    /// - Complexity: O(rows) scan plus O(candidates × length²) distance.
    static func near(_ store: Store, _ kind: Kind, _ name: String) -> [String] {
        guard let nf = kind.nameField else { return [] }
        let field = FieldID(kind, nf)
        let qlen = name.utf8.count
        var seen = Set<Int32>()
        var candidates: [String] = []
        for r in 0..<store.count(kind) {
            let c = store.cell(field, Int32(r))
            if c == nullCell || !seen.insert(c).inserted { continue }
            let s = store.string(c)
            let len = s.utf8.count
            if len >= qlen - 9 && (len <= qlen + 9 || s.hasPrefix(name)) { candidates.append(s) }
            if seen.count >= 200_000 { break }
        }
        return Suggest.nearest(name, candidates)
    }
}
