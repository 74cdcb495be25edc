import WFStore

/// `SET | map .f` of a stored field, and the stored texts a `select` reads: the values made
/// from the column a block at a time, texts through the pool's batched read
/// (`StringPool.strings`), whose cache misses overlap. Read one item at a time, a name cost
/// three misses in a row: 173 ms for the 662,000 villages' names at nation scale.
extension Compiler {
    /// The field's values for the set's rows, in order; nil when the set names rows past its
    /// table's end (read as nulls by the general path), or is small: fewer rows than a lazily
    /// opened snapshot reads one cell at a time (`BaseCells.cellsBeforeLoading`), since this
    /// reads the column whole, and a look-up of a few people would read all 8.6 M names.
    static func fieldValues(_ rt: Runtime, _ s: NodeSet, _ field: FieldID, _ span: Span) throws -> [Value]? {
        let set = rt.valid(s)
        guard s.kind == field.kind, set.rows?.count == s.rows?.count,
              (set.rows?.count ?? rt.liveCount(set.kind)) >= BaseCells.cellsBeforeLoading else { return nil }
        var out: [Value] = []
        out.reserveCapacity(set.rows?.count ?? rt.liveCount(set.kind))
        let store = rt.store
        let type = Navigation.cellTypes[field.kind.rawValue][field.index]
        let cells = rt.scratch.int32(.cells, ColumnGroup.blockRows)
        try ColumnGroup.forEachBlock(rt, set, nil, span) { rows in
            ColumnGroup.forEachCell(rt, field, rows) { i, c in cells[i] = c }
            let block = UnsafeBufferPointer(start: cells, count: rows.count)
            switch type {
            case .string, .personal:
                store.strings.strings(block) { i, text in
                    out.append(block[i] == nullCell ? .null : Navigation.textValue(field, text))
                }
            default:
                for c in block { out.append(Navigation.cellValue(store, field, c)) }
            }
        }
        return out
    }
}
