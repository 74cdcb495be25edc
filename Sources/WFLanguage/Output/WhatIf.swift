import WFStore
import WFRender

/// The before/after/delta table of `whatif { … } compare EXPR` (and of comparing forks), with
/// the change in percentage points for ratios and in per cent for other numbers.
enum WhatIf {
    static func compare(_ before: Value, _ after: Value, rt: Runtime) -> ResultTable {
        let reveal = rt.session.options.revealPersonal
        let store = rt.store
        func cell(_ v: Value) -> Cell { Display.cell(v, reveal: reveal, store: store) }
        func delta(_ a: Value, _ b: Value) -> Cell {
            switch (a, b) {
            case (.int(let x), .int(let y)):
                let (d, overflow) = y.subtractingReportingOverflow(x)
                return overflow ? .decimal(Double(y) - Double(x), Display.decimal(Double(y) - Double(x))) : .int(Int(d))
            default:
                guard let x = a.asDouble, let y = b.asDouble else { return .null }
                return .decimal(y - x, Display.decimal(y - x))
            }
        }
        switch (before, after) {
        case (.record(let a), .record(let b)):
            var rows: [[Cell]] = []
            var changed: [Bool] = []
            for k in a.keys + b.keys.filter({ !a.keys.contains($0) }) {
                let x = a[k] ?? .null, y = b[k] ?? .null
                rows.append([.text(k), cell(x), cell(y), delta(x, y), change(x, y)])
                changed.append(!Value.equal(x, y))
            }
            return ResultTable(columns: ["field", "before", "after", "delta", "change"], rows: changedFirst(rows, changed))
        case (.list(let a), .list(let b)) where isTable(a) && isTable(b):
            return tableDelta(a, b, cell: cell, delta: delta, store: store)
        default:
            return ResultTable(columns: ["before", "after", "delta", "change"],
                               rows: [[cell(before), cell(after), delta(before, after), change(before, after)]])
        }
    }

    /// The delta as people read it: percentage points for ratios (decimals between 0 and 1, as
    /// coverage measures are), a relative change in per cent for other numbers; empty when
    /// there is no change or no base to compare with.
    static func change(_ a: Value, _ b: Value) -> Cell {
        guard let x = a.asDouble, let y = b.asDouble, x != y else { return .text("") }
        let isRatio: Bool = {
            if case .decimal = a, (0...1).contains(x), (0...1).contains(y) { return true }
            if case .decimal = b, (0...1).contains(x), (0...1).contains(y) { return true }
            return false
        }()
        if isRatio { return .text(signed((y - x) * 100) + " pp") }
        guard x != 0 else { return .text("") }
        return .text(signed((y - x) / abs(x) * 100) + "%")
    }

    private static func signed(_ v: Double) -> String {
        // One decimal, or two for changes under one unit, so that a small change does not read as 0.
        let scale = abs(v) < 1 ? 100.0 : 10.0
        let rounded = (v * scale).rounded() / scale
        let text = rounded == rounded.rounded() ? String(Int(rounded)) : String(rounded)
        return rounded > 0 ? "+" + text : text
    }

    static func isTable(_ l: [Value]) -> Bool {
        l.allSatisfy { if case .record = $0 { return true } else { return false } }
    }

    /// Rows are matched by their first column (the organisation, usually); each numeric column
    /// gives one line of before/after/delta. Changed lines come first, in their original order.
    static func tableDelta(_ a: [Value], _ b: [Value], cell: (Value) -> Cell, delta: (Value, Value) -> Cell, store: Store) -> ResultTable {
        func rows(_ l: [Value]) -> [(ValueKey, Value, Record)] {
            l.compactMap { v in
                guard case .record(let r) = v, let first = r.values.first else { return nil }
                return (first.key, first, r)
            }
        }
        let ra = rows(a), rb = rows(b)
        var keyName = "key"
        if case .record(let r)? = a.first ?? b.first, let k = r.keys.first { keyName = k }
        var order: [ValueKey] = []
        var byKey: [ValueKey: (Value, Record?, Record?)] = [:]
        for (k, v, r) in ra { if byKey[k] == nil { order.append(k) }; byKey[k] = (v, r, nil) }
        for (k, v, r) in rb {
            if let existing = byKey[k] { byKey[k] = (existing.0, existing.1, r) } else { order.append(k); byKey[k] = (v, nil, r) }
        }
        var out: [[Cell]] = []
        var changed: [Bool] = []
        for k in order {
            guard let (keyValue, x, y) = byKey[k] else { continue }
            var columns = x?.keys ?? []
            for c in y?.keys ?? [] where !columns.contains(c) { columns.append(c) }
            for c in columns.dropFirst() {
                let bv = x?[c] ?? .null, av = y?[c] ?? .null
                guard bv.asDouble != nil || av.asDouble != nil else { continue }
                out.append([cell(keyValue), .text(c), cell(bv), cell(av), delta(bv, av), change(bv, av)])
                changed.append(!Value.equal(bv, av))
            }
        }
        return ResultTable(columns: [keyName, "measure", "before", "after", "delta", "change"], rows: changedFirst(out, changed))
    }

    static func changedFirst(_ rows: [[Cell]], _ changed: [Bool]) -> [[Cell]] {
        rows.indices.filter { changed[$0] }.map { rows[$0] } + rows.indices.filter { !changed[$0] }.map { rows[$0] }
    }
}
