import WFStore

/// The rows of a set, a block of 64 K at a time, picked by a column condition into one reused
/// buffer: the walk every fused column pass (group, count, distinct count, any/all) shares.
extension ColumnGroup {
    /// Calls `body` with the ascending ids of the rows of `set` that pass `filter`, a block at a
    /// time, in one buffer reused for every block; polls for Ctrl-C between blocks. "All rows"
    /// skips deleted rows, as `NodeSet.ids` does. `set` must be valid (`Runtime.valid`).
    /// - Complexity: O(rows) plus the filter's comparisons; O(block) memory, no store copy.
    static func forEachBlock(_ rt: Runtime, _ set: NodeSet, _ filter: RowPredicate?, _ span: Span,
                             _ body: (UnsafeBufferPointer<Int32>) throws -> Void) throws {
        // A block of "all rows" spans deleted ids too, so the bound is the table's count.
        let n = set.rows?.count ?? rt.rowCount(set.kind)
        let selected = rt.scratch.int32(.selection, Swift.min(blockRows, n))
        func pass(_ input: BlockInput) -> UnsafeBufferPointer<Int32> {
            let kept = filter.map { $0.select(rt, input, into: selected) } ?? RowPredicate.copy(input, into: selected)
            return UnsafeBufferPointer(start: selected, count: kept)
        }
        if let rows = set.rows {
            try rows.withUnsafeBufferPointer { all in
                var start = 0
                while start < all.count {
                    let end = Swift.min(all.count, start + blockRows)
                    try body(pass(.rows(UnsafeBufferPointer(rebasing: all[start..<end]))))
                    try rt.tick(span)
                    if all.count > blockRows { try rt.pollCancel(span) }
                    start = end
                }
            }
            return
        }
        // Deleted rows: the tombstones, read once for the whole pass.
        let deleted: Set<Int32>? = rt.liveCount(set.kind) == n ? nil : rt.store[set.kind].deleted
        var start = 0
        while start < n {
            let end = Swift.min(n, start + blockRows)
            var sel = pass(.range(start..<end))
            if let deleted {
                var k = 0
                for r in sel where !deleted.contains(r) { selected[k] = r; k += 1 }
                sel = UnsafeBufferPointer(start: selected, count: k)
            }
            try body(sel)
            try rt.tick(span)
            try rt.pollCancel(span)
            start = end
        }
    }

    /// Calls `body(i, cell)` for each row `sel[i]` of `field` (rows valid for its kind), reading
    /// an unchanged column through `Runtime.columns`, else through one copy of the column.
    @inline(__always) static func forEachCell(_ rt: Runtime, _ field: FieldID, _ sel: UnsafeBufferPointer<Int32>, _ body: (Int, Int32) -> Void) {
        if let cells = rt.columns.cells(rt, field) {
            for i in sel.indices {
                let r = Int(sel[i])
                body(i, UInt(bitPattern: r) < UInt(cells.count) ? cells[r] : nullCell)
            }
        } else {
            let column = rt.store.column(field)
            for i in sel.indices { body(i, column[sel[i]]) }
        }
    }

    /// Calls `body(i, cell)` for each row `sel[i]`, reading the base array directly when the
    /// column is unchanged (the array is fetched once, not per row).
    @inline(__always) static func forEachCell(_ column: Column, _ sel: UnsafeBufferPointer<Int32>, _ body: (Int, Int32) -> Void) {
        if column.isPristine && column.tail.isEmpty {
            let base = column.base
            base.withUnsafeBufferPointer { cells in
                for i in sel.indices { body(i, cells[Int(sel[i])]) }
            }
        } else {
            for i in sel.indices { body(i, column[sel[i]]) }
        }
    }
}
