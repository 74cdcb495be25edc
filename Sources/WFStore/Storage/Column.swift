/// One field of one kind: an immutable base array of cells plus an overlay of changes.
///
/// The base comes from a snapshot or the generator and is never written again. Every mutation
/// lands in the overlay: `patch` for changed base rows, `tail` for appended rows. Because both
/// are copy-on-write values, copying a `Column` (and so a whole `Store`) costs O(1), and the
/// copy's later writes cost in proportion to what they change: that is what makes what-if
/// forks, atomic blocks and undo cheap at any scale (docs/architecture.md).
public struct Column {
    /// The cells of the base rows, possibly not read yet (`BaseCells`).
    public let storage: BaseCells
    /// The cells of the base rows (read now if they were not yet). Hot loops take this once.
    @inlinable public var base: ContiguousArray<Int32> { storage.cells }
    /// Rows in the base, known without reading them.
    @inlinable public var baseCount: Int { storage.count }
    /// Changed cells of base rows, by row.
    public private(set) var patch: [Int32: Int32] = [:]
    /// Cells of rows appended after the base was made.
    public private(set) var tail: ContiguousArray<Int32> = []
    /// For reference columns: rows whose overlay value points at a target, by target. Lets
    /// reverse edges be answered without scanning the patch.
    private(set) var overlayReverse: [Int32: [Int32]] = [:]
    let isRef: Bool

    public init(base: ContiguousArray<Int32>, isRef: Bool) {
        self.init(storage: BaseCells(base), isRef: isRef)
    }

    public init(storage: BaseCells, isRef: Bool) {
        self.storage = storage
        self.isRef = isRef
    }

    /// True when both columns grew from the same base (forks of one store), without reading it.
    public func sharesBase(with other: Column) -> Bool { storage === other.storage }

    /// True when no base cell was changed: hot loops may then read `base` directly.
    @inlinable public var isPristine: Bool { patch.isEmpty }

    public var count: Int { storage.count + tail.count }

    /// - Complexity: O(1); a hash look-up when the base row was patched.
    @inlinable public subscript(row: Int32) -> Int32 {
        let i = Int(row)
        if i < storage.count {
            if patch.isEmpty { return storage[i] }
            return patch[row] ?? storage[i]
        }
        return tail[i - storage.count]
    }

    mutating func set(_ row: Int32, _ value: Int32) {
        let old = self[row]
        if old == value { return }
        let i = Int(row)
        if i < storage.count {
            if value == storage[i] { patch[row] = nil } else { patch[row] = value }
        } else {
            tail[i - storage.count] = value
        }
        if isRef {
            if old != nullCell, var rows = overlayReverse[old] {
                rows.removeAll { $0 == row }
                overlayReverse[old] = rows.isEmpty ? nil : rows
            }
            let changedFromBase = i >= storage.count || value != storage[i]
            if value != nullCell, changedFromBase { overlayReverse[value, default: []].append(row) }
        }
    }

    mutating func append(_ value: Int32) {
        let row = Int32(count)
        tail.append(value)
        if isRef, value != nullCell { overlayReverse[value, default: []].append(row) }
    }

    /// Rows added or re-pointed to `target` by the overlay.
    func overlayRows(pointingAt target: Int32) -> [Int32] { overlayReverse[target] ?? [] }

    /// Whether base row `row` was re-pointed by the overlay (so its base value no longer holds).
    @inlinable func isPatched(_ row: Int32) -> Bool { !patch.isEmpty && patch[row] != nil }

    /// The cells with the overlay applied, as one array (for saving and exporting).
    public func merged() -> ContiguousArray<Int32> {
        if patch.isEmpty && tail.isEmpty { return base }
        var out = base
        for (row, value) in patch { out[Int(row)] = value }
        out.append(contentsOf: tail)
        return out
    }
}
