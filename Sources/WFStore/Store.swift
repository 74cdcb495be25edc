/// Facts about a network as a whole, saved with it.
public struct Meta: Equatable, Sendable {
    /// Display name of the network, e.g. "平安县 (demo)".
    public var name: String = "network"
    /// Generator scale (`village` … `nation`), or empty for imported data.
    public var scale: String = ""
    /// Generator seed, when generated.
    public var seed: UInt64?
    /// Where the data came from: "generator 1", "csv import", ….
    public var origin: String = ""
    /// The reference date of the records ("today" for generated networks), if fixed.
    public var asOf: Day?
    /// Seconds since 1970 when last saved.
    public var savedAt: Int64?

    public init() {}
}

/// The whole network in memory: one `Table` per kind and the string pool.
///
/// `Store` is a value. Copying it is O(kinds × fields) reference-count bumps and shares every
/// base column; writes go to per-column overlays. So `var fork = store` is a what-if fork,
/// `let saved = store` before an atomic block is its rollback point, and a stack of stores is
/// an undo history, each costing memory in proportion to what changed (docs/architecture.md).
///
/// This layer checks only that ids and cells are well-formed. The domain's rules (one chair per
/// federation and term, no cycles, …) live in `WFDomain`, above it.
public struct Store {
    public var meta: Meta
    public internal(set) var strings: StringPool
    public internal(set) var tables: [Table]

    /// Problems found while reading a lazily opened snapshot, shared by every fork of it; nil
    /// for stores that were built in memory or loaded and checked whole.
    public let health: LoadHealth?

    public init(meta: Meta, strings: StringPool, tables: [Table], health: LoadHealth? = nil) {
        precondition(tables.count == Kind.allCases.count)
        self.meta = meta
        self.strings = strings
        self.tables = tables
        self.health = health
    }

    /// An empty network.
    public init() {
        self.init(meta: Meta(), strings: StringPool(),
                  tables: Kind.allCases.map { k in Table(kind: k, columns: k.fields.map { _ in [] }) })
    }

    @inlinable public subscript(kind: Kind) -> Table { tables[kind.rawValue] }

    /// Rows ever allocated for `kind` (valid ids are below this).
    public func count(_ kind: Kind) -> Int { tables[kind.rawValue].count }
    /// Rows of `kind` that exist now.
    public func liveCount(_ kind: Kind) -> Int { tables[kind.rawValue].liveCount }

    @inlinable public func isLive(_ kind: Kind, _ row: Int32) -> Bool { tables[kind.rawValue].isLive(row) }

    /// - Complexity: O(1)
    @inlinable public func cell(_ field: FieldID, _ row: Int32) -> Int32 {
        tables[field.kind.rawValue].columns[field.index][row]
    }

    public func column(_ field: FieldID) -> Column { tables[field.kind.rawValue].columns[field.index] }

    /// The lowest and highest non-null cells of `field`'s base column, when a pass over all of
    /// it has told them (`rememberSpan`). A base column never changes, so a count by key over it
    /// can size its counters before reading it instead of checking every key against them.
    /// The caller must check that the column is unchanged (pristine, nothing appended).
    public func knownSpan(_ field: FieldID) -> (lo: Int32, hi: Int32)? {
        tables[field.kind.rawValue].cache.spans[field.index]
    }

    /// Records what a pass over every cell of `field`'s unchanged base column found.
    public func rememberSpan(_ field: FieldID, lo: Int32, hi: Int32) {
        tables[field.kind.rawValue].cache.spans[field.index] = (lo, hi)
    }

    /// True when nothing changed since the store was loaded or generated.
    public var isPristine: Bool { strings.addedCount == 0 && tables.allSatisfy(\.isPristine) }

    // MARK: Strings

    public func string(_ id: Int32) -> String { id == nullCell ? "" : strings.string(id) }

    /// The text of a string field of a row, or nil when null.
    public func text(_ field: FieldID, _ row: Int32) -> String? {
        let c = cell(field, row)
        return c == nullCell ? nil : strings.string(c)
    }

    /// The row's display name: its `name` field, or a kind-and-id label for kinds without one.
    public func displayName(_ kind: Kind, _ row: Int32) -> String {
        if let f = kind.nameField, let s = text(FieldID(kind, f), row) { return s }
        return "\(kind.name)#\(row)"
    }

    public mutating func intern(_ text: String) -> Int32 { strings.intern(text) }

    // MARK: Raw mutation (unchecked against the domain's rules)

    /// Sets one cell.
    /// - Precondition: `row` is live; the caller (WFDomain) has checked the value's type and rules.
    public mutating func setCell(_ field: FieldID, _ row: Int32, _ value: Int32) {
        tables[field.kind.rawValue].columns[field.index].set(row, value)
    }

    /// Appends a row and returns its id.
    /// - Precondition: `cells.count == kind.fields.count`.
    @discardableResult
    public mutating func append(_ kind: Kind, _ cells: [Int32]) -> Int32 {
        precondition(cells.count == kind.fields.count)
        let row = Int32(tables[kind.rawValue].count)
        for (i, c) in cells.enumerated() { tables[kind.rawValue].columns[i].append(c) }
        return row
    }

    /// Marks a row deleted. References to it are the caller's concern.
    public mutating func delete(_ kind: Kind, _ row: Int32) { tables[kind.rawValue].deleted.insert(row) }

    /// Brings a deleted row back (for undo paths that do not restore a whole copy).
    public mutating func undelete(_ kind: Kind, _ row: Int32) { tables[kind.rawValue].deleted.remove(row) }

    // MARK: Edges

    /// The live rows of `field.kind` whose reference `field` points at `target`, ascending.
    /// This is every reverse edge: `children` is `reverse(Schema.Org.parent, org)`.
    /// - Complexity: O(result) plus a one-off O(rows) index build per field on first use.
    public func reverse(_ field: FieldID, _ target: Int32) -> [Int32] {
        let table = tables[field.kind.rawValue]
        let column = table.columns[field.index]
        if prefersScan(field) {
            table.cache.reverseScans[field.index] += 1
            return scanReverse(field, target)
        }
        let index = reverseIndex(field)
        var out: [Int32] = []
        let baseRows = index.slice(of: target)
        out.reserveCapacity(baseRows.count)
        let clean = column.isPristine && table.deleted.isEmpty
        for r in baseRows where clean || (!column.isPatched(r) && table.isLive(r)) { out.append(r) }
        let extra = column.overlayRows(pointingAt: target)
        if !extra.isEmpty {
            for r in extra where table.isLive(r) { out.append(r) }
            out.sort()
        }
        return out
    }

    /// The number of live rows pointing at `target` through `field`: the length of its slice of
    /// the index once the index is built (`prefersScan` decides when, as for `reverse`).
    public func reverseCount(_ field: FieldID, _ target: Int32) -> Int {
        let table = tables[field.kind.rawValue]
        let column = table.columns[field.index]
        if column.isPristine && table.deleted.isEmpty && column.tail.isEmpty && !prefersScan(field) {
            return reverseIndex(field).slice(of: target).count
        }
        return reverse(field, target).count
    }

    /// Look-ups of one field answered by a scan before its reverse index is built.
    ///
    /// Building the index sorts the whole column (for positions by person at nation scale,
    /// 11.7 M rows and 80 MB, about a tenth of a second), which pays off only over many
    /// look-ups; a scan of the column answers one in a few milliseconds. So a process that
    /// looks one person up and exits never builds it, and anything that looks again (a second
    /// look-up, a query that navigates the edge per row) builds it then.
    public static let scansBeforeIndex = 1

    /// Whether the next look-up of `field` should scan its column: its index is not built and
    /// fewer than `scansBeforeIndex` look-ups have scanned.
    public func prefersScan(_ field: FieldID) -> Bool {
        let cache = tables[field.kind.rawValue].cache
        return cache.reverse[field.index] == nil && cache.reverseScans[field.index] < Store.scansBeforeIndex
    }

    /// The live rows whose cell of `field` is `target` now, ascending, by a scan of the column.
    /// - Complexity: O(rows).
    func scanReverse(_ field: FieldID, _ target: Int32) -> [Int32] {
        let table = tables[field.kind.rawValue]
        let column = table.columns[field.index]
        var out: [Int32] = []
        if column.isPristine && column.tail.isEmpty {
            column.base.withUnsafeBufferPointer { cells in
                for i in cells.indices where cells[i] == target { out.append(Int32(i)) }
            }
        } else {
            for r in 0..<Int32(column.count) where column[r] == target { out.append(r) }
        }
        return table.deleted.isEmpty ? out : out.filter { table.isLive($0) }
    }

    func reverseIndex(_ field: FieldID) -> ReverseIndex {
        let table = tables[field.kind.rawValue]
        if let built = table.cache.reverse[field.index] { return built }
        guard case .ref(let target) = field.field.type else {
            preconditionFailure("reverse edge asked of a non-reference field \(field.field.name)")
        }
        let index = ReverseIndex(column: table.columns[field.index].base, targetCount: tables[target.rawValue].baseCount)
        table.cache.reverse[field.index] = index
        return index
    }

    /// Every reverse edge into `kind`: (name, the referencing field).
    public static func reverseEdges(into kind: Kind) -> [(name: String, field: FieldID)] {
        var out: [(String, FieldID)] = []
        for k in Kind.allCases {
            for (i, f) in k.fields.enumerated() {
                if case .ref(let t) = f.type, t == kind, let r = f.reverse { out.append((r, FieldID(k, i))) }
            }
        }
        return out
    }

    // MARK: Look-up by name

    /// Live rows of `kind` whose name is exactly `name`, ascending.
    /// - Complexity: O(log rows + result) with the name index (loaded with the snapshot, or built
    ///   once in O(rows + strings)), plus O(changed rows) for names changed since loading.
    public func rows(_ kind: Kind, named name: String) -> [Int32] {
        guard let nf = kind.nameField, let id = strings.lookup(name) else { return [] }
        let table = tables[kind.rawValue]
        let column = table.columns[nf]
        if let found = probedRows(table, column, id) { return found }
        let index = nameIndex(kind)
        var out: [Int32] = []
        column.base.withUnsafeBufferPointer { cells in
            index.withUnsafeBufferPointer { byName in
                // First position whose row's name id is >= id.
                var lo = 0, hi = byName.count
                while lo < hi {
                    let mid = (lo + hi) / 2
                    if cells[Int(byName[mid])] < id { lo = mid + 1 } else { hi = mid }
                }
                while lo < byName.count && cells[Int(byName[lo])] == id {
                    let row = byName[lo]
                    if column.isPristine || column[row] == id { out.append(row) }
                    lo += 1
                }
            }
        }
        if !column.isPristine {
            for (row, value) in column.patch where value == id && column.base[Int(row)] != id { out.append(row) }
        }
        for (j, c) in column.tail.enumerated() where c == id { out.append(Int32(column.baseCount + j)) }
        if !column.isPristine { out.sort() }
        return table.deleted.isEmpty ? out : out.filter { table.isLive($0) }
    }

    /// `rows(named:)` for a store fresh from a lazily opened snapshot: the binary search reads
    /// the saved name index and the name column a cell at a time (a block each, on first
    /// touch), so the first look-up by name reads some forty blocks instead of both sections
    /// (68 MB at nation scale). Nil when that does not apply (not the first look-up, something
    /// changed, the index is read already, or an entry read back damaged): the caller then uses
    /// the whole index.
    /// - Complexity: O(log rows + result) cell reads.
    private func probedRows(_ table: Table, _ column: Column, _ id: Int32) -> [Int32]? {
        guard table.cache.probedLookUps == 0, table.cache.byName == nil, let entry = table.cache.byNameEntry,
              !column.storage.isLoaded, column.isPristine, column.tail.isEmpty, table.deleted.isEmpty else { return nil }
        table.cache.probedLookUps += 1
        let rows = column.baseCount
        var damaged = false
        func row(_ i: Int) -> Int {
            let r = Int(entry(i))
            if r < 0 || r >= rows { damaged = true; return 0 }
            return r
        }
        // First position whose row's name id is >= id.
        var lo = 0, hi = rows
        while lo < hi && !damaged {
            let mid = (lo + hi) / 2
            if column.storage[row(mid)] < id { lo = mid + 1 } else { hi = mid }
        }
        var out: [Int32] = []
        while lo < rows && !damaged {
            let r = row(lo)
            guard !damaged, column.storage[r] == id else { break }
            out.append(Int32(r))
            lo += 1
        }
        // The index orders rows of one name by row, so `out` is ascending.
        return damaged ? nil : out
    }

    /// The base rows of `kind` ordered by name id (then row): the snapshot's `KIND.$byname`
    /// section when it was loaded with one, else built now by a counting sort.
    public func nameIndex(_ kind: Kind) -> ContiguousArray<Int32> {
        let table = tables[kind.rawValue]
        if let built = table.cache.byName { return built }
        if let loader = table.cache.byNameLoader {
            table.cache.byNameLoader = nil
            if let saved = loader() {
                table.cache.byName = saved
                return saved
            }
        }
        guard let nf = kind.nameField else { return [] }
        let index = Store.buildNameIndex(table.columns[nf].base, stringCount: strings.base.count)
        table.cache.byName = index
        return index
    }

    /// Rows sorted by the string id in `names` (null names last): a counting sort, O(rows + strings).
    public static func buildNameIndex(_ names: ContiguousArray<Int32>, stringCount: Int) -> ContiguousArray<Int32> {
        var offsets = ContiguousArray<Int32>(repeating: 0, count: stringCount + 2)
        for c in names { offsets[(c >= 0 && Int(c) < stringCount ? Int(c) : stringCount) + 1] += 1 }
        for i in 0..<(stringCount + 1) { offsets[i + 1] += offsets[i] }
        var out = ContiguousArray<Int32>(repeating: 0, count: names.count)
        for (row, c) in names.enumerated() {
            let k = c >= 0 && Int(c) < stringCount ? Int(c) : stringCount
            out[Int(offsets[k])] = Int32(row)
            offsets[k] += 1
        }
        return out
    }

    /// Installs a name index read from a snapshot.
    /// - Precondition: `index` is a permutation of the base rows ordered by name id (the loader
    ///   checks the range of every entry; the checksum vouches for the order).
    public func adoptNameIndex(_ kind: Kind, _ index: ContiguousArray<Int32>) {
        tables[kind.rawValue].cache.byName = index
    }

    /// Installs a saved name index to be read on first use; when `loader` returns nil (the section
    /// was damaged) the index is built from the name column instead.
    public func adoptNameIndex(_ kind: Kind, loader: @escaping () -> ContiguousArray<Int32>?, entry: ((Int) -> Int32)? = nil) {
        tables[kind.rawValue].cache.byNameLoader = loader
        tables[kind.rawValue].cache.byNameEntry = entry
    }
}
