/// Reverse edges read in place: the rows pointing at a target are a slice of the reverse index
/// (CSR), so a caller that only visits or counts them need not copy them into an array of its
/// own, as `Store.reverse` does for every call.
///
/// The slice is the whole answer only while the base is the truth: no cell of the column was
/// changed, no row was appended, no row was deleted. Otherwise callers use `Store.reverse`.
public struct EdgeSlices {
    /// Rows pointing at target `t` are `rows[offsets[t] ..< offsets[t + 1]]`, ascending.
    public let offsets: ContiguousArray<Int32>
    public let rows: ContiguousArray<Int32>

    /// The number of targets the index covers (targets at or past it have no rows).
    public var targetCount: Int { Swift.max(offsets.count - 1, 0) }

    /// The rows pointing at `target`, as a range of positions in `rows`.
    /// - Complexity: O(1).
    @inlinable public func positions(of target: Int32) -> Range<Int> {
        let t = Int(target)
        guard t >= 0, t + 1 < offsets.count else { return 0..<0 }
        return Int(offsets[t])..<Int(offsets[t + 1])
    }
}

extension Store {
    /// The reverse index of reference field `field`, when its slices are exactly the live rows
    /// pointing at each target (see `EdgeSlices`); nil when some change means they are not.
    /// - Complexity: O(1), plus a one-off O(rows) index build per field on first use.
    public func edgeSlices(_ field: FieldID) -> EdgeSlices? {
        guard case .ref = field.field.type else { return nil }
        let table = tables[field.kind.rawValue]
        let column = table.columns[field.index]
        guard column.isPristine, column.tail.isEmpty, table.deleted.isEmpty else { return nil }
        let index = reverseIndex(field)
        return EdgeSlices(offsets: index.offsets, rows: index.rows)
    }

    /// The live rows pointing at `target` through `field`, ascending: `reverse` as one array,
    /// copied straight from the index when it is clean.
    /// - Complexity: O(result).
    public func reverseRows(_ field: FieldID, _ target: Int32) -> ContiguousArray<Int32> {
        if let slices = edgeSlices(field) { return ContiguousArray(slices.rows[slices.positions(of: target)]) }
        return ContiguousArray(reverse(field, target))
    }
}
