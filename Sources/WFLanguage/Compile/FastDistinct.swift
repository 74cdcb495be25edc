import WFStore

/// `SET | map .field | distinct | count` read from the field's column: the cells of the set's
/// rows are copied as `Int32`s, sorted and counted, instead of boxing one `Value` per row and
/// hashing it. Any pipeline of that shape gets this path (`.ledger | map .contact | distinct |
/// count`, `people | map .birth_year | distinct | count`); other inputs take the general path.
extension Compiler {
    /// The fused form of `stages[at...]` when they read `map .f | distinct | count` over a set
    /// of `input`'s kind and `f` is a field whose values are equal exactly when their cells are
    /// (references, integers, dates); nil otherwise.
    func fusedDistinctCount(_ stages: [Stage], at i: Int, input: Compiled) -> Compiled? {
        guard i + 2 < stages.count,
              case .map(let e) = stages[i].kind, case .field(nil, let name, _) = e.kind,
              case .distinct = stages[i + 1].kind, case .count = stages[i + 2].kind else { return nil }
        let kinds: [Kind]
        switch input.type {
        case .nodes(let k): kinds = [k]
        case .any: kinds = Kind.allCases
        default: return nil
        }
        var fields: [Kind: FieldID] = [:]
        for k in kinds {
            guard let index = k.fieldIndex(name) else { continue }
            let f = FieldID(k, index)
            switch f.field.type {
            case .ref, .int, .date: fields[k] = f
            default: continue
            }
        }
        guard !fields.isEmpty else { return nil }
        // The general path for other inputs starts from the value already computed, so that the
        // input is evaluated once. The first stage reads the slot before running anything else,
        // so a nested run of the same code cannot overwrite it first.
        let handOver = ValueSlot()
        var general = Compiled(input.type) { _ in handOver.value }
        for stage in stages[i...(i + 2)] { general = compileStage(stage, input: general) }
        let inEval = input.eval, generalEval = general.eval
        let span = stages[i + 2].span
        return Compiled(.scalar) { rt in
            let v = try inEval(rt)
            guard case .nodes(let s) = v, let f = fields[s.kind] else {
                handOver.value = v
                defer { handOver.value = .null }
                return try generalEval(rt)
            }
            try rt.tick(span)
            return .int(Int64(Compiler.distinctCells(rt.store, s, f)))
        }
    }

    /// How many distinct values `map .f` gives over `s`: distinct non-null cells, plus one if
    /// any row's cell is null or the row is past the table's end (both read as null).
    /// - Complexity: O(n log n) for n rows, one `Int32` array of n cells.
    static func distinctCells(_ store: Store, _ s: NodeSet, _ f: FieldID) -> Int {
        let ids = s.ids(store)
        let column = store.column(f)
        let n = Int32(store.count(s.kind))
        var cells = ContiguousArray<Int32>()
        cells.reserveCapacity(ids.count)
        var sawNull = false
        let pristine = column.isPristine && column.tail.isEmpty
        let base = column.base
        for r in ids {
            guard r >= 0, r < n else { sawNull = true; continue }
            let c = pristine ? base[Int(r)] : column[r]
            if c == nullCell { sawNull = true } else { cells.append(c) }
        }
        cells.sort()
        var distinct = 0
        var previous: Int32? = nil
        for c in cells where c != previous {
            distinct += 1
            previous = c
        }
        return distinct + (sawNull ? 1 : 0)
    }
}

/// A value handed from one compiled closure to another.
final class ValueSlot {
    var value: Value = .null
}
