/// All rows of one kind: one `Column` per field, a tombstone set, and caches of derived indexes.
public struct Table {
    public let kind: Kind
    public internal(set) var columns: [Column]
    /// Deleted rows. Ids are never reused, so references stay meaningful across saves and diffs.
    public internal(set) var deleted: Set<Int32>
    /// The tombstones the base came with, so that `isPristine` can tell new deletions.
    let baseDeleted: Set<Int32>
    /// Indexes derived from the base columns only; shared by every fork, built on first use.
    let cache: TableCache

    public init(kind: Kind, columns: [ContiguousArray<Int32>], deleted: Set<Int32> = []) {
        self.init(kind: kind, storages: columns.map(BaseCells.init), deleted: deleted)
    }

    /// A table whose base columns may still be unread (a lazily opened snapshot).
    /// - Precondition: one storage per field, all of one row count.
    public init(kind: Kind, storages: [BaseCells], deleted: Set<Int32> = []) {
        precondition(storages.count == kind.fields.count, "column count must match the schema")
        self.kind = kind
        self.columns = zip(storages, kind.fields).map { cells, field in
            if case .ref = field.type { return Column(storage: cells, isRef: true) }
            return Column(storage: cells, isRef: false)
        }
        self.deleted = deleted
        self.baseDeleted = deleted
        self.cache = TableCache(fieldCount: kind.fields.count)
    }

    /// Rows ever allocated, deleted ones included: valid ids are `0..<count`.
    public var count: Int { columns.first?.count ?? 0 }
    /// Rows that exist now.
    public var liveCount: Int { count - deleted.count }
    public var baseCount: Int { columns.first?.baseCount ?? 0 }

    @inlinable public func isLive(_ row: Int32) -> Bool {
        row >= 0 && Int(row) < count && (deleted.isEmpty || !deleted.contains(row))
    }

    /// True when nothing was changed since the base was made.
    public var isPristine: Bool {
        deleted == baseDeleted && columns.allSatisfy { $0.isPristine && $0.tail.isEmpty }
    }
}

/// Lazily built, base-only indexes. A class so that forks share what was already built; the base
/// never changes, so nothing here is ever invalidated.
final class TableCache {
    /// Per reference field: rows grouped by target, compressed (CSR).
    var reverse: [ReverseIndex?]
    /// Base rows ordered by name (see `Store.nameIndex`).
    var byName: ContiguousArray<Int32>?
    /// Reads a saved name index on first use (a lazily opened snapshot).
    var byNameLoader: (() -> ContiguousArray<Int32>?)?
    /// Reads one entry of the saved name index without reading the rest (a lazily opened
    /// snapshot with block checksums), for a look-up by name before the index is read whole.
    var byNameEntry: ((Int) -> Int32)?
    /// Look-ups by name answered by probing (`Store.probedRows`): only the first is, as a
    /// session that looks names up again reads the index whole once and searches it in memory.
    var probedLookUps = 0
    /// Per reference field: look-ups answered by scanning the column before the index was built.
    var reverseScans: [Int]
    /// Per field: the lowest and highest non-null cell of the base column, once a scan found them.
    var spans: [Int: (lo: Int32, hi: Int32)] = [:]

    init(fieldCount: Int) {
        reverse = Array(repeating: nil, count: fieldCount)
        reverseScans = Array(repeating: 0, count: fieldCount)
    }
}

/// Rows of a table grouped by the target of one reference column, in compressed sparse row form:
/// the rows pointing at target `t` are `rows[offsets[t]..<offsets[t+1]]`, ascending.
struct ReverseIndex {
    let offsets: ContiguousArray<Int32>
    let rows: ContiguousArray<Int32>

    /// Counting sort over the column: O(rows + targets), two passes, no hashing. The loops
    /// run over buffer pointers with one unsigned compare per cell (a null, a negative or a
    /// dangling reference points at no target), and the rows are written straight into their
    /// array: the first look-up of an edge builds its index while the user waits.
    init(column: ContiguousArray<Int32>, targetCount: Int) {
        let bound = UInt32(clamping: targetCount)
        var offsets = ContiguousArray<Int32>(repeating: 0, count: targetCount + 1)
        column.withUnsafeBufferPointer { cells in
            offsets.withUnsafeMutableBufferPointer { start in
                for t in cells where UInt32(bitPattern: t) < bound { start[Int(t) &+ 1] &+= 1 }
                for i in 0..<targetCount { start[i &+ 1] &+= start[i] }
            }
        }
        let total = Int(offsets[targetCount])
        var cursor = ContiguousArray(offsets.dropLast())
        let rows = ContiguousArray<Int32>(unsafeUninitializedCapacity: total) { out, written in
            column.withUnsafeBufferPointer { cells in
                cursor.withUnsafeMutableBufferPointer { next in
                    for (row, t) in cells.enumerated() where UInt32(bitPattern: t) < bound {
                        out[Int(next[Int(t)])] = Int32(truncatingIfNeeded: row)
                        next[Int(t)] &+= 1
                    }
                }
            }
            written = total
        }
        self.offsets = offsets
        self.rows = rows
    }

    func slice(of target: Int32) -> ArraySlice<Int32> {
        let t = Int(target)
        guard t >= 0, t + 1 < offsets.count else { return rows[0..<0] }
        return rows[Int(offsets[t])..<Int(offsets[t + 1])]
    }
}
