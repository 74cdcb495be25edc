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
        // By kind, in an array: a dictionary look-up hashed the kind on every call.
        var fieldOf = [FieldID?](repeating: nil, count: Kind.allCases.count)
        for (k, f) in fields { fieldOf[k.rawValue] = f }
        let inEval = input.eval, generalEval = general.eval
        let span = stages[i + 2].span
        // After a `where` over a set, its column condition is applied as the cells are gathered.
        let filterSite = previousStageSite(stages[i].span)
        let inPlace = input.filteredEdgeRows
        return Compiled(.scalar) { rt in
            // A node's reverse edge, filtered: its rows read in the index, no set copied.
            if let inPlace, let (kind, rows, filter) = try inPlace(rt), let f = fieldOf[kind.rawValue] {
                try rt.tick(span)
                return .int(Int64(Compiler.distinctCells(rt, rows, f, filter: filter)))
            }
            var (v, filter) = try Compiler.evaluate(inEval, deferringFilterAt: filterSite, rt)
            if let p = filter, case .nodes(let s) = v, fieldOf[s.kind.rawValue] == nil {
                v = .nodes(try Compiler.fastFilter(rt, s, p, span))
                filter = nil
            }
            guard case .nodes(let s) = v, let f = fieldOf[s.kind.rawValue] else {
                handOver.value = v
                defer { handOver.value = .null }
                return try generalEval(rt)
            }
            try rt.tick(span)
            return .int(Int64(try Compiler.distinctCells(rt, s, f, filter: filter, span)))
        }
    }

    /// How many distinct values `map .f` gives over the rows of `s` that pass `filter` (all when
    /// nil): distinct non-null cells, plus one if any row's cell is null or (unfiltered) the row
    /// is past the table's end (both read as null; a `where` drops such rows first).
    /// - Complexity: O(n) for n rows when the cells span less than 64 × n values (a bit set;
    ///   the usual case, as the contacts of one village are neighbours), else O(n log n). The
    ///   buffers are reused from call to call (`Scratch`).
    static func distinctCells(_ rt: Runtime, _ s: NodeSet, _ f: FieldID, filter: RowPredicate? = nil, _ span: Span) throws -> Int {
        let set = rt.valid(s)
        var gathered = GatheredCells(into: rt.scratch.int32(.cells, set.rows?.count ?? rt.rowCount(set.kind)))
        gathered.sawNull = filter == nil && s.rows?.count != set.rows?.count
        try ColumnGroup.forEachBlock(rt, set, filter, span) { gathered.add(rt, f, $0) }
        return gathered.distinct(rt.scratch)
    }

    /// `distinctCells` over rows of a reverse edge read in place (valid rows, ascending), those
    /// passing `filter`.
    /// - Complexity: O(rows) comparisons and cell reads; buffers reused (`Scratch`).
    static func distinctCells(_ rt: Runtime, _ rows: UnsafeBufferPointer<Int32>, _ f: FieldID, filter: RowPredicate) -> Int {
        guard !rows.isEmpty else { return 0 }
        let selected = rt.scratch.int32(.selection, rows.count)
        let kept = filter.select(rt, .rows(rows), into: selected)
        var gathered = GatheredCells(into: rt.scratch.int32(.cells, kept))
        gathered.add(rt, f, UnsafeBufferPointer(start: selected, count: kept))
        return gathered.distinct(rt.scratch)
    }

    /// The non-null cells of a field read so far, their span, and whether a null was read.
    private struct GatheredCells {
        let cells: UnsafeMutablePointer<Int32>
        var count = 0
        var lo = Int32.max, hi = Int32.min
        var sawNull = false

        init(into cells: UnsafeMutablePointer<Int32>) { self.cells = cells }

        /// Reads `f` of the rows `selected` (valid for its kind).
        mutating func add(_ rt: Runtime, _ f: FieldID, _ selected: UnsafeBufferPointer<Int32>) {
            ColumnGroup.forEachCell(rt, f, selected) { _, c in
                if c == nullCell { sawNull = true; return }
                cells[count] = c
                count &+= 1
                lo = Swift.min(lo, c)
                hi = Swift.max(hi, c)
            }
        }

        /// Distinct non-null cells, plus one for null if one was read.
        func distinct(_ scratch: Scratch) -> Int {
            Compiler.distinctCount(scratch, UnsafeMutableBufferPointer(start: cells, count: count), lo, hi) + (sawNull ? 1 : 0)
        }
    }

    /// The number of distinct values among `cells`, all within `lo...hi`. Reorders `cells` when
    /// it falls back to sorting.
    /// - Complexity: O(cells) with a bit set when `hi - lo` is below 64 × cells, else O(cells log cells).
    static func distinctCount(_ scratch: Scratch, _ cells: UnsafeMutableBufferPointer<Int32>, _ lo: Int32, _ hi: Int32) -> Int {
        guard !cells.isEmpty else { return 0 }
        let span = Int(hi) - Int(lo) + 1
        if span <= 64 * cells.count {
            let words = (span + 63) >> 6
            let bits = scratch.zeroedWords(words)
            var distinct = 0
            for c in cells {
                let i = Int(c) &- Int(lo)
                let bit: UInt64 = 1 << UInt64(i & 63)
                let old = bits[i >> 6]
                bits[i >> 6] = old | bit
                distinct &+= Int((~old & bit) >> UInt64(i & 63))
            }
            // Leave the words zero for the next call, touching no more than this one did.
            if words <= cells.count {
                bits.update(repeating: 0, count: words)
            } else {
                for c in cells { bits[(Int(c) &- Int(lo)) >> 6] = 0 }
            }
            return distinct
        }
        var sorted = cells
        sorted.sort()
        var distinct = 1
        for i in 1..<sorted.count where sorted[i] != sorted[i - 1] { distinct += 1 }
        return distinct
    }
}

/// A value handed from one compiled closure to another.
final class ValueSlot {
    var value: Value = .null
}
