/// Builds a small wf program from fuzzer bytes, each byte a choice in a grammar learnt from the
/// golden scripts (`Tests/WFLanguageTests/golden/*.wf`). Random bytes rarely parse; programs
/// built this way do, so the fuzzer spends its time in the evaluator, where the limits live.
///
/// When the bytes run out every choice is 0, which always picks a leaf, so generation ends.
/// - Complexity: O(bytes × depth); programs stay under a few kilobytes.
struct ProgramGenerator {
    private let bytes: [UInt8]
    private var position = 0
    private var depth = 0
    private var variables = ["x", "n"]
    private var functions: [String] = []

    init(_ bytes: ArraySlice<UInt8>) { self.bytes = Array(bytes) }

    /// The program: a few statements, one a line.
    mutating func program() -> String {
        var lines = ["let x = 1", "let n = 0"]
        let count = 1 + choose(8)
        for _ in 0..<count { lines.append(statement()) }
        return lines.joined(separator: "\n")
    }

    // MARK: Choices

    /// A number in 0..<n from the next byte (0 once the bytes are used up).
    private mutating func choose(_ n: Int) -> Int {
        guard position < bytes.count, n > 1 else { return 0 }
        defer { position += 1 }
        return Int(bytes[position]) % n
    }

    private mutating func pick(_ items: [String]) -> String { items[choose(items.count)] }

    /// Deeper than this, only leaves are chosen.
    private var tooDeep: Bool { depth >= 6 }

    private mutating func nested(_ body: (inout ProgramGenerator) -> String) -> String {
        depth += 1
        defer { depth -= 1 }
        return body(&self)
    }

    // MARK: Statements

    mutating func statement() -> String {
        if tooDeep { return "print " + leaf() }
        switch choose(22) {
        case 0: let v = "v\(variables.count)"; let e = expression(); variables.append(v); return "let \(v) = \(e)"
        case 1: return "\(pick(variables)) = \(expression())"
        case 2: return "print " + expression()
        case 3: return "show " + expression()
        case 4: return "if \(expression()) { \(block()) } else { \(block()) }"
        case 5: return "for it2 in \(collection()) { \(block()) }"
        case 6: return "while \(expression()) { \(block()) }"
        case 7: return "while true { \(block()) }"
        case 8:
            let name = "f\(functions.count)"
            functions.append(name)
            return "fn \(name)(a, b) { \(block()) \n return \(expression()) }"
        case 9: return "atomic { \(block()) }"
        case 10: return "whatif { \(block()) } compare \(expression())"
        case 11, 12, 13: return mutation()
        case 14: return "undo"
        case 15: return "save \"fuzz.wfs\""
        case 16: return "\(pick(variables)) = \(pick(variables)) + \(pick(variables))"
        case 17: return "let s = \(string()) \n for i in range(\(smallInt())) { s = s + s }"
        case 18: return "fn r(k) { return r(k + 1) }\nr(0)"
        case 19: return "return " + expression()
        case 20: return pick(["break", "continue"])
        default: return expression()
        }
    }

    private mutating func block() -> String {
        nested { g in
            let n = 1 + g.choose(3)
            return (0..<n).map { _ in g.statement() }.joined(separator: "\n")
        }
    }

    private mutating func mutation() -> String {
        let org = orgNode(), person = personNode()
        switch choose(11) {
        case 0: return "create org {name: \(string()), level: \(pick(["village", "township", "group", "county"])), unit: \(pick(["village", "community", "town", "grid"])), form: \(pick(["federation", "congress", "group"])), parent: \(org), women: \(int())}"
        case 1: return "set \(org).\(pick(["women", "name", "form", "founded", "parent", "cover", "level"])) = \(expression())"
        case 2: return "set \(person) {\(pick(["birth_year", "phone", "name", "tags"])): \(expression())}"
        case 3: return "delete \(pick([org, person, "\(person).positions", "\(org).children", "people | take \(smallInt())"]))"
        case 4: return "appoint \(person) as \(pick(["chair", "vice_chair", "exec", "director"])) of \(org) from \(date())\(choose(2) == 0 ? "" : " to \(date())")"
        case 5: return "end \(person).positions on \(date())"
        case 6: return "convert \(org) on \(date())"
        case 7: return "link \(org).cover to \(orgNode())"
        case 8: return "unlink \(org).\(pick(["cover", "parent"]))"
        case 9: return "record training {person: \(person), date: \(date()), topic: \(string()), level: county, hours: \(int())}"
        default: return "record evaluation {person: \(person), year: \(int()), rating: \(pick(["excellent", "competent", "incompetent", "bogus"]))}"
        }
    }

    // MARK: Expressions

    mutating func expression() -> String {
        if tooDeep { return leaf() }
        return nested { g in
            switch g.choose(12) {
            case 0, 1: return g.leaf()
            // Operands in parentheses: comparisons do not chain, and `-not x` is not a value.
            case 2: return "(\(g.expression())) \(g.pick(["+", "-", "*", "/", "%", "==", "!=", "<", ">=", "and", "or", "in"])) (\(g.expression()))"
            case 3: return g.pick(["not ", "-"]) + "(" + g.expression() + ")"
            case 4: return g.collection() + " | " + g.stages()
            case 5: return "\(g.node()).\(g.field())"
            case 6: return g.call()
            case 7: return "[\(g.expression()), \(g.expression())]"
            case 8: return "{a: \(g.expression()), b: \(g.expression())}"
            case 9: return "if \(g.expression()) { \(g.expression()) } else { \(g.expression()) }"
            case 10: return "(fn(q) => \(g.expression()))(\(g.expression()))"
            default: return "(\(g.expression()))[\(g.expression())]"
            }
        }
    }

    private mutating func leaf() -> String {
        switch choose(10) {
        case 0: return pick(variables)
        case 1: return int()
        case 2: return string()
        case 3: return date()
        case 4: return pick(["1mo", "5y", "2w", "30d", "100000y"])
        case 5: return pick(["null", "true", "false", "1.5", "0.0", "-2.5e300", "1e308"])
        case 6: return node()
        case 7: return pick(["it", ".name", ".women", ".phone", ".id_number"])
        case 8: return pick(["today()", "orgs", "people", "positions"])
        default: return pick(variables)
        }
    }

    private mutating func int() -> String {
        pick(["0", "1", "2", "-1", "7", "100", "65536", "2147483647", "2147483648", "9223372036854775807", "-9223372036854775807", "10000000"])
    }

    private mutating func smallInt() -> String { pick(["0", "1", "3", "10", "40", "64"]) }

    private mutating func string() -> String {
        pick(["\"城关镇妇联\"", "\"\"", "\"王芳\"", "\"平安县妇联\"", "\"东风村妇代会\"", "\"a,b\"", "\"\\u{1F600}\"", "\"13812345678\"", "\"x\\n\\\"y\""])
    }

    private mutating func date() -> String { pick(["2026-01-01", "2021-07-01", "1900-01-01", "2099-12-31", "2024-02-29"]) }

    private mutating func orgNode() -> String {
        pick(["org \"城关镇妇联\"", "org \"平安县妇联\"", "org \"东风村妇代会\"", "org #0", "org #5", "org #99999", "org \"不存在\""])
    }

    private mutating func personNode() -> String {
        pick(["person \"王芳\"", "person #7", "person #0", "person #1", "person #99999999", "(people | first)"])
    }

    private mutating func node() -> String { choose(2) == 0 ? orgNode() : personNode() }

    private mutating func collection() -> String {
        switch choose(9) {
        case 0: return pick(["orgs", "people", "positions", "trainings", "homes", "ledgers", "contacts", "meetings"])
        case 1: return "range(\(int()))"
        case 2: return "range(\(int()), \(int()))"
        case 3: return "[\(expression()), \(expression()), \(expression())]"
        case 4: return "\(orgNode()).\(pick(["children", "descendants", "ancestors", "positions", "holders", "homes", "ledger", "covered"]))"
        case 5: return "\(personNode()).\(pick(["positions", "trainings", "current_positions", "orgs"]))"
        case 6: return pick(variables)
        case 7: return "orgs | map (people | take \(smallInt()))"
        default: return "split(\(string()), \",\")"
        }
    }

    private mutating func stages() -> String {
        let n = 1 + choose(3)
        return (0..<n).map { _ in stage() }.joined(separator: " | ")
    }

    private mutating func stage() -> String {
        switch choose(19) {
        case 0: return "where \(expression())"
        case 1: return "select .name, \(pick(["w: .women", ".phone", ".id_number", "p: .parent.name", "c: .children.count"]))"
        case 2: return "sort \(expression())\(pick(["", " desc"]))"
        case 3: return "take \(int())"
        case 4: return "skip \(int())"
        case 5: return pick(["distinct", "count", "first", "last", "reverse"])
        case 6: return "any \(expression())"
        case 7: return "all \(expression())"
        case 8: return "map \(expression())"
        case 9: return "group by \(expression()) { n: count(), s: sum(.women), r: ratio(.form == federation) }"
        case 10: return "\(pick(["sum", "avg", "min", "max", "ratio"]))(\(expression()))"
        case 11: return ".\(field())"
        case 12: return "where .level == \(pick(["village", "township", "county", "nonsense"]))"
        case 13: return "sort .\(field()) desc, .name"
        case 14: return "map \(collection())"
        case 15: return "children"
        case 16: return "descendants"
        case 17: return "where .form == congress"
        default: return "\(functions.isEmpty ? "count" : pick(functions))"
        }
    }

    private mutating func field() -> String {
        pick(["name", "women", "parent", "children", "descendants", "ancestors", "chair", "holders", "positions", "level", "form",
              "phone", "id_number", "birth_year", "age", "roles", "trainings", "count", "homes", "ledger", "current", "nope"])
    }

    private mutating func call() -> String {
        let f = functions.isEmpty || choose(3) > 0 ? "" : pick(functions)
        if !f.isEmpty { return "\(f)(\(expression()), \(expression()))" }
        switch choose(20) {
        case 0: return "count(\(collection()))"
        case 1: return "sum(\(collection()))"
        case 2: return "len(\(expression()))"
        case 3: return "str(\(expression()))"
        case 4: return "int(\(expression()))"
        case 5: return "decimal(\(expression()))"
        case 6: return "join(\(collection()), \(string()))"
        case 7: return "append(\(collection()), \(expression()))"
        case 8: return "date(\(int()), \(int()), \(int()))"
        case 9: return "year(\(expression()))"
        case 10: return "round(\(expression()), \(int()))"
        case 11: return "abs(\(expression()))"
        case 12: return "contains(\(expression()), \(string()))"
        case 13: return "keys(\(expression()))"
        case 14: return "tree(\(orgNode()), \(int()))"
        case 15: return "dot(\(orgNode()), \(smallInt()))"
        case 16: return "error(\(expression()))"
        case 17: return "type(\(expression()))"
        case 18: return "min(\(expression()), \(expression()))"
        default: return "max(\(collection()))"
        }
    }
}
