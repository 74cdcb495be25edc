import WFStore

/// Where each unchanged column's cells live, so that reading `.field` of one row is a pointer
/// read. Getting a column out of `Runtime.store` copies the `Store` struct (the class property
/// cannot be borrowed across the call), retaining and releasing every array it holds: per row,
/// that was the largest cost of `.field` in a function called per item.
///
/// Safe because the pointers are used only while `generation` matches `Runtime.storeGeneration`,
/// which changes on every write to the store (assignments, mutations in place, what-if restores).
/// Until then the store, held by the runtime, keeps the arrays alive and unchanged.
final class ColumnCache {
    struct Entry {
        var generation = -1
        var cells: UnsafePointer<Int32>?
        /// A column not read yet, for single cells read a block at a time (`BaseCells`), kept
        /// alive by the store like `cells`.
        var unread: Unmanaged<BaseCells>?
        var count = 0
    }

    static let fieldsPerKind = Kind.allCases.map { $0.fields.count }.max() ?? 0
    /// `ColumnCache.fieldsPerKind`, held here: a static `let` is read through `swift_once` on
    /// every access, which showed at 1% of a query that reads a cell per row.
    private let fieldsPerKind = ColumnCache.fieldsPerKind
    private let entries: UnsafeMutablePointer<Entry>
    private let capacity: Int

    init() {
        capacity = Kind.allCases.count * fieldsPerKind
        entries = .allocate(capacity: max(capacity, 1))
        entries.initialize(repeating: Entry(), count: max(capacity, 1))
    }

    deinit {
        entries.deinitialize(count: max(capacity, 1))
        entries.deallocate()
    }

    /// The cell of `row` in `field`, if the column is unchanged since loading (base array only);
    /// `nullCell` for a row past the end; nil when the caller must read through the store.
    /// - Complexity: O(1); O(1) refill per field after each store write.
    @inline(__always) func cell(_ rt: Runtime, _ field: FieldID, _ row: Int32) -> Int32? {
        guard field.index < fieldsPerKind else { return nil }
        let slot = field.kind.rawValue &* fieldsPerKind &+ field.index
        if entries[slot].generation != rt.storeGeneration { refill(rt, slot, field, whole: false) }
        let e = entries[slot]
        if let cells = e.cells {
            guard row >= 0, Int(row) < e.count else { return nullCell }
            return cells[Int(row)]
        }
        guard let unread = e.unread else { return nil }
        guard row >= 0, Int(row) < e.count else { return nullCell }
        return unread.takeUnretainedValue()[Int(row)]
    }

    /// All cells of `field` when the column is unchanged since loading (base array only), nil
    /// otherwise. Valid until the next write to the store.
    /// - Parameter reading: read a column not read yet (a scan); false answers nil for it
    ///   instead, for tests of a few cells that should not pull a whole column off the disk
    ///   (`Navigation.cell` then reads them a block at a time).
    /// - Complexity: O(1), and the column's read when `reading` and not read yet.
    @inline(__always) func cells(_ rt: Runtime, _ field: FieldID, reading: Bool = true) -> UnsafeBufferPointer<Int32>? {
        guard field.index < fieldsPerKind else { return nil }
        let slot = field.kind.rawValue &* fieldsPerKind &+ field.index
        if entries[slot].generation != rt.storeGeneration || (reading && entries[slot].unread != nil) {
            refill(rt, slot, field, whole: reading)
        }
        let e = entries[slot]
        // An empty column has no address and reads as changed: the caller's slower path is right too.
        guard let cells = e.cells else { return nil }
        return UnsafeBufferPointer(start: cells, count: e.count)
    }

    /// - Parameter whole: the caller wants the whole column (a scan), so a column not read yet
    ///   is read now; otherwise (one cell) it is left to be read a block at a time (`BaseCells`).
    private func refill(_ rt: Runtime, _ slot: Int, _ field: FieldID, whole: Bool) {
        let column = rt.store.column(field)
        if !whole && !column.storage.isLoaded {
            var e = Entry(generation: rt.storeGeneration)
            if column.isPristine && column.tail.isEmpty {
                e.unread = Unmanaged.passUnretained(column.storage)
                e.count = column.baseCount
            }
            entries[slot] = e
            return
        }
        var e = Entry(generation: rt.storeGeneration, cells: nil, count: 0)
        if column.isPristine && column.tail.isEmpty {
            // The address outlives the closure only while the store keeps this array unchanged (see above).
            e.cells = column.base.withUnsafeBufferPointer { $0.baseAddress }
            e.count = column.base.count
        }
        entries[slot] = e
    }
}

/// Rows ever allocated per kind (`Store.count`), kept per store generation: reading the count
/// through `Runtime.store` copies the `Store` (a dozen retains), and navigation bounds-checks
/// a row on every read.
final class RowCountCache {
    private var generation = -1
    /// Per kind: rows ever allocated, then live rows.
    private let counts: UnsafeMutablePointer<Int>
    private static let kinds = Kind.allCases.count

    init() {
        counts = .allocate(capacity: 2 * RowCountCache.kinds)
        counts.initialize(repeating: 0, count: 2 * RowCountCache.kinds)
    }

    deinit { counts.deallocate() }

    /// - Complexity: O(1); O(kinds) once after each store write.
    @inline(__always) func count(_ rt: Runtime, _ kind: Kind) -> Int {
        if generation != rt.storeGeneration { refill(rt) }
        return counts[kind.rawValue]
    }

    /// Rows that exist now (`Store.liveCount`).
    /// - Complexity: O(1); O(kinds) once after each store write.
    @inline(__always) func liveCount(_ rt: Runtime, _ kind: Kind) -> Int {
        if generation != rt.storeGeneration { refill(rt) }
        return counts[RowCountCache.kinds + kind.rawValue]
    }

    private func refill(_ rt: Runtime) {
        let store = rt.store
        for k in Kind.allCases {
            counts[k.rawValue] = store.count(k)
            counts[RowCountCache.kinds + k.rawValue] = store.liveCount(k)
        }
        generation = rt.storeGeneration
    }
}

/// The string pool's base, kept per store generation: a text cell read through `Runtime.store`
/// copied the whole `Store` before decoding the string (`.name` per row cost twice `.id`).
final class PoolCache {
    private var generation = -1
    private var base: PoolBase?

    /// The text of string `id` when it is in the base pool (strings added since loading are
    /// read through the store); nil for null and for added strings.
    /// - Complexity: O(length of the string).
    @inline(__always) func baseString(_ rt: Runtime, _ id: Int32) -> String? {
        if generation != rt.storeGeneration {
            base = rt.store.strings.base
            generation = rt.storeGeneration
        }
        guard let base, id >= 0, Int(id) < base.count else { return nil }
        return base.string(Int(id))
    }
}
