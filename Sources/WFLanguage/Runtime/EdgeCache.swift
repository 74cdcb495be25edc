import WFStore

/// Where each reference field's reverse index lives, so that the rows pointing at one target
/// (`.children`, `.positions`, `.ledger`) are a pointer and a length: no array per call, and no
/// copy of the `Store` to reach the index (the cost `ColumnCache` removes for cells).
///
/// Safe for the same reason as `ColumnCache`: an entry is used only while its generation matches
/// `Runtime.storeGeneration`, and until the store changes it keeps the index alive. An entry is
/// empty when the index is not the whole truth (the column changed, rows were appended or
/// deleted: `Store.edgeSlices`), and callers then ask `Store.reverse`.
final class EdgeCache {
    struct Entry {
        var generation = -1
        var offsets: UnsafePointer<Int32>?
        var rows: UnsafePointer<Int32>?
        /// Targets covered: `offsets` holds `targets + 1` entries.
        var targets = 0
    }

    private let entries: UnsafeMutablePointer<Entry>
    private let capacity: Int
    /// Held here rather than read through `swift_once` per access (see `ColumnCache`).
    private let fieldsPerKind = ColumnCache.fieldsPerKind

    init() {
        capacity = max(Kind.allCases.count * fieldsPerKind, 1)
        entries = .allocate(capacity: capacity)
        entries.initialize(repeating: Entry(), count: capacity)
    }

    deinit {
        entries.deinitialize(count: capacity)
        entries.deallocate()
    }

    /// The rows of `field.kind` pointing at `target`, ascending, read in place; nil when the
    /// caller must use `Store.reverse`. Valid until the next write to the store.
    /// - Complexity: O(1); O(1) refill per field after each store write.
    @inline(__always) func rows(_ rt: Runtime, _ field: FieldID, _ target: Int32) -> UnsafeBufferPointer<Int32>? {
        guard field.index < fieldsPerKind else { return nil }
        let slot = field.kind.rawValue &* fieldsPerKind &+ field.index
        if entries[slot].generation != rt.storeGeneration { refill(rt, slot, field) }
        let e = entries[slot]
        guard let offsets = e.offsets, let rows = e.rows else { return nil }
        let t = Int(target)
        guard t >= 0, t < e.targets else { return UnsafeBufferPointer(start: rows, count: 0) }
        let lo = Int(offsets[t])
        return UnsafeBufferPointer(start: rows + lo, count: Int(offsets[t + 1]) - lo)
    }

    /// The whole index of `field`, built now if it is not yet (for a caller about to read it
    /// for many targets): `offsets[t] ..< offsets[t + 1]` in `rows` are the rows pointing at
    /// target `t`, for `t < targets`; nil when the index is not the whole truth. Valid until the
    /// next write to the store.
    func index(_ rt: Runtime, _ field: FieldID) -> (offsets: UnsafePointer<Int32>, rows: UnsafePointer<Int32>, targets: Int)? {
        guard field.index < fieldsPerKind else { return nil }
        let slot = field.kind.rawValue &* fieldsPerKind &+ field.index
        if entries[slot].generation != rt.storeGeneration || entries[slot].offsets == nil { refill(rt, slot, field, building: true) }
        let e = entries[slot]
        guard let offsets = e.offsets, let rows = e.rows else { return nil }
        return (offsets, rows, e.targets)
    }

    private func refill(_ rt: Runtime, _ slot: Int, _ field: FieldID, building: Bool = false) {
        // While the store answers look-ups of this edge by scanning (`Store.prefersScan`), leave
        // the entry stale, so that the index is used from the first look-up after it is built.
        if !building && rt.store.prefersScan(field) {
            entries[slot] = Entry()
            return
        }
        var e = Entry(generation: rt.storeGeneration)
        if let slices = rt.store.edgeSlices(field), slices.targetCount > 0 {
            // The addresses outlive these closures only while the store keeps the index (see above).
            e.offsets = slices.offsets.withUnsafeBufferPointer { $0.baseAddress }
            e.rows = slices.rows.withUnsafeBufferPointer { $0.baseAddress }
            e.targets = slices.targetCount
            // An index with no rows has no storage address; an empty buffer needs none.
            if e.rows == nil { e.rows = e.offsets }
        }
        entries[slot] = e
    }
}
