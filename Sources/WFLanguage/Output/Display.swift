import Foundation
import WFStore
import WFRender

/// Turns values into text and tables. Personal data is masked here, in the one place every
/// output path (print, show, export, error messages) goes through.
enum Display {
    /// Decimals print with at most four places and no trailing zeros: 0.6667, 2.5, 3.
    static func decimal(_ d: Double) -> String {
        if d.isNaN { return "NaN" }
        if d.isInfinite { return d > 0 ? "inf" : "-inf" }
        return shortDecimal(d) ?? withoutTrailingZeros(String(format: "%.4f", d))
    }

    /// "2.500" → "2.5", "3.0" → "3", "-0.0" → "0".
    private static func withoutTrailingZeros(_ text: String) -> String {
        var s = text
        while s.hasSuffix("0") { s.removeLast() }
        if s.hasSuffix(".") { s.removeLast() }
        return s == "-0" ? "0" : s
    }

    /// `decimal(d)` without Foundation's formatting, when Swift's shortest form of `d` has at
    /// most four places (0.1, 43.7, 2.0): the binary value is then within far less than half a
    /// unit of the fourth place of that decimal (below 1e11), so rounding it to four places
    /// gives that decimal, which is what `%.4f` prints. `String(format:)` was a third of the
    /// commendation score's time, which writes five weights per holder. Nil otherwise.
    static func shortDecimal(_ d: Double) -> String? {
        guard abs(d) < 1e11 else { return nil }
        let s = d.description
        // By bytes: `contains("e")` on a String goes through Foundation's search.
        let bytes = s.utf8
        guard let dot = bytes.firstIndex(of: UInt8(ascii: ".")), !bytes.contains(UInt8(ascii: "e")),
              bytes.distance(from: dot, to: bytes.endIndex) <= 5 else { return nil }
        return withoutTrailingZeros(s)
    }

    /// A value on one line (print, string concatenation, table cells of compound values).
    static func inline(_ v: Value, reveal: Bool, store: Store? = nil) -> String {
        switch v {
        case .null: return "null"
        case .bool(let b): return b ? "true" : "false"
        case .int(let i): return String(i)
        case .decimal(let d): return decimal(d)
        case .string(let s): return s
        case .secret(let s): return reveal ? s : Masking.mask(s)
        case .date(let d): return d.iso
        case .duration(let d): return d.describe
        case .label(let l): return l
        case .enumValue(let t, let c): return Value.enumText(t, c)
        case .list(let l): return "[" + l.map { quoted($0, reveal: reveal, store: store) }.joined(separator: ", ") + "]"
        case .record(let r):
            return "{" + zip(r.keys, r.values).map { "\($0): \(quoted($1, reveal: reveal, store: store))" }.joined(separator: ", ") + "}"
        case .node(let k, let r):
            if let store, store.isLive(k, r), k.nameField != nil { return store.displayName(k, r) }
            return "\(k.name) #\(r)"
        case .nodes(let s):
            let n = store.map { s.count($0) } ?? (s.rows?.count ?? 0)
            return "\(n) \(n == 1 ? s.kind.name : s.kind.plural)"
        case .function(let f): return "fn \(f.name)(\(f.params.joined(separator: ", ")))"
        }
    }

    /// A scalar as a JSON value, for `--format json` (tables go through the renderer).
    static func json(_ v: Value, reveal: Bool, store: Store?) -> String {
        switch v {
        case .null: return "null"
        case .bool(let b): return b ? "true" : "false"
        case .int(let i): return String(i)
        case .decimal(let d): return d.isFinite ? decimal(d) : "null"
        default:
            var out = "\""
            for u in inline(v, reveal: reveal, store: store).unicodeScalars {
                switch u {
                case "\"": out += "\\\""
                case "\\": out += "\\\\"
                case "\n": out += "\\n"
                case "\r": out += "\\r"
                case "\t": out += "\\t"
                case _ where u.value < 0x20: out += "\\u" + String(repeating: "0", count: 4 - String(u.value, radix: 16).count) + String(u.value, radix: 16)
                default: out.unicodeScalars.append(u)
                }
            }
            return out + "\""
        }
    }

    static func quoted(_ v: Value, reveal: Bool, store: Store?) -> String {
        if case .string(let s) = v { return "\"\(s)\"" }
        return inline(v, reveal: reveal, store: store)
    }

    /// One table cell; nodes show their name, compound values their one-line form.
    static func cell(_ v: Value, reveal: Bool, store: Store) -> Cell {
        switch v {
        case .null: return .null
        case .bool(let b): return .bool(b)
        case .int(let i): return .int(Int(i))
        case .decimal(let d): return .decimal(d, decimal(d))
        case .list(let l): return .text(l.map { inline($0, reveal: reveal, store: store) }.joined(separator: ", "))
        default: return .text(inline(v, reveal: reveal, store: store))
        }
    }

    /// The columns shown when a set of nodes prints as a table.
    static func columns(_ kind: Kind) -> [String] {
        switch kind {
        case .org: return ["id", "name", "level", "form", "women", "parent"]
        case .person: return ["id", "name", "birth_year", "phone", "roles"]
        default: return ["id"] + kind.fields.map(\.name)
        }
    }

    /// A value as a table, or nil for a scalar (which prints as a line).
    /// - Parameter limit: for node sets, build at most this many rows plus a marker (screen output).
    static func table(_ v: Value, rt: Runtime, reveal: Bool, limit: Int? = nil) -> ResultTable? {
        let store = rt.store
        switch v {
        case .nodes(let s):
            return nodeTable(s.kind, s.ids(store), rt: rt, reveal: reveal, limit: limit)
        case .node(let k, let r):
            return card(k, r, rt: rt, reveal: reveal)
        case .record(let r):
            return ResultTable(columns: r.keys, rows: [r.values.map { cell($0, reveal: reveal, store: store) }])
        case .list(let items):
            if items.isEmpty { return nil }
            if case .node(let k, _) = items[0], items.allSatisfy({ if case .node(let l, _) = $0 { return l == k } else { return false } }) {
                let rows = items.compactMap { v -> Int32? in if case .node(_, let r) = v { return r } else { return nil } }
                return nodeTable(k, ContiguousArray(rows), rt: rt, reveal: reveal, limit: limit)
            }
            if items.allSatisfy({ if case .record = $0 { return true } else { return false } }) {
                var keys: [String] = []
                for case .record(let r) in items { for k in r.keys where !keys.contains(k) { keys.append(k) } }
                let rows = items.map { item -> [Cell] in
                    guard case .record(let r) = item else { return [] }
                    return keys.map { cell(r[$0] ?? .null, reveal: reveal, store: store) }
                }
                return ResultTable(columns: keys, rows: rows)
            }
            return ResultTable(columns: ["value"], rows: items.map { [cell($0, reveal: reveal, store: store)] })
        default:
            return nil
        }
    }

    static func nodeTable(_ kind: Kind, _ rows: ContiguousArray<Int32>, rt: Runtime, reveal: Bool, limit: Int? = nil) -> ResultTable {
        let cols = columns(kind)
        let accessors = cols.map { Navigation.accessor(kind, $0) }
        func row(_ r: Int32) -> [Cell] {
            accessors.map { acc -> Cell in
                guard let acc else { return .null }
                return cell(Navigation.read(rt, kind, r, acc), reveal: reveal, store: rt.store)
            }
        }
        // Every row: the texts (names, and the names of referenced rows) read in batches.
        if limit.map({ rows.count <= $0 }) ?? true, rows.count >= textBatchMinimum,
           rows.allSatisfy({ $0 >= 0 && Int($0) < rt.rowCount(kind) }) {
            let batched = accessors.map { acc in acc.flatMap { textCells(kind, rows, $0, rt: rt, reveal: reveal) } }
            if batched.contains(where: { $0 != nil }) {
                return ResultTable(columns: cols, rows: rows.indices.map { i in
                    accessors.indices.map { c in
                        if let column = batched[c] { return column[i] }
                        guard let acc = accessors[c] else { return .null }
                        return cell(Navigation.read(rt, kind, rows[i], acc), reveal: reveal, store: rt.store)
                    }
                })
            }
        }
        // A whole kind at province scale would be millions of rows of cells: when the screen
        // shows only a few, build only those, with a marker row saying how many were left out.
        if let limit, limit >= 2, rows.count > limit {
            let head = (limit + 1) / 2, tail = limit / 2
            var marker = [Cell](repeating: .null, count: cols.count)
            marker[0] = .text("… \(rows.count - head - tail) more")
            let out = rows.prefix(head).map(row) + [marker] + rows.suffix(tail).map(row)
            return ResultTable(columns: cols, rows: out, title: "\(rows.count) \(kind.plural)")
        }
        return ResultTable(columns: cols, rows: rows.map(row))
    }

    /// Rows below which a table's texts are read one by one.
    static let textBatchMinimum = 256

    /// The cells of a stored text column, or of a reference column shown as the referenced
    /// rows' names, for `rows` (all of them rows of `kind`), as `Navigation.read` and `cell`
    /// give them one by one; nil for any other column. The texts are read in batches whose
    /// cache misses overlap (`StringPool.strings`): the 662,000 villages printed at nation scale
    /// read two names a row, each three misses in a row when read alone.
    static func textCells(_ kind: Kind, _ rows: ContiguousArray<Int32>, _ acc: Accessor, rt: Runtime, reveal: Bool) -> [Cell]? {
        guard case .field(let f) = acc else { return nil }
        let store = rt.store
        func cellOf(_ r: Int32) -> Int32 { rt.columns.cell(rt, f, r) ?? store.cell(f, r) }
        switch Navigation.cellTypes[f.kind.rawValue][f.index] {
        case .string, .personal:
            let ids = ContiguousArray(rows.lazy.map(cellOf))
            var out: [Cell] = []
            out.reserveCapacity(ids.count)
            ids.withUnsafeBufferPointer { idBuffer in
                store.strings.strings(idBuffer) { i, text in
                    out.append(idBuffer[i] == nullCell ? .null : cell(Navigation.textValue(f, text), reveal: reveal, store: store))
                }
            }
            return out
        case .ref(let target):
            // A live node with a name shows its name (`inline`); the texts of those are read in
            // batches, and every other reference (null, deleted, unnamed) is shown as `cell` shows it.
            guard let nameIndex = target.nameField else { return nil }
            let name = FieldID(target, nameIndex)
            let pointed = rows.map(cellOf)
            let nameIds = ContiguousArray(pointed.map { t in
                t != nullCell && store.isLive(target, t) ? (rt.columns.cell(rt, name, t) ?? store.cell(name, t)) : nullCell
            })
            var out: [Cell] = []
            out.reserveCapacity(rows.count)
            nameIds.withUnsafeBufferPointer { idBuffer in
                store.strings.strings(idBuffer) { i, text in
                    let t = pointed[i]
                    if idBuffer[i] != nullCell {
                        out.append(.text(text))
                    } else {
                        out.append(t == nullCell ? .null : cell(.node(target, t), reveal: reveal, store: store))
                    }
                }
            }
            return out
        default:
            return nil
        }
    }

    /// A node's card: every field, then the size of every reverse edge.
    static func card(_ kind: Kind, _ row: Int32, rt: Runtime, reveal: Bool) -> ResultTable {
        let store = rt.store
        guard store.isLive(kind, row) else {
            return ResultTable(columns: ["field", "value"], rows: [[.text("id"), .int(Int(row))], [.text("deleted"), .bool(true)]])
        }
        var rows: [[Cell]] = [[.text("id"), .int(Int(row))]]
        for (i, f) in kind.fields.enumerated() {
            rows.append([.text(f.name), cell(Navigation.cellValue(store, FieldID(kind, i), store.cell(FieldID(kind, i), row)), reveal: reveal, store: store)])
        }
        for e in Store.reverseEdges(into: kind) {
            let n = store.reverseCount(e.field, row)
            if n > 0 { rows.append([.text(e.name), .int(n)]) }
        }
        return ResultTable(columns: ["field", "value"], rows: rows, title: "\(kind.name) #\(row)")
    }
}
