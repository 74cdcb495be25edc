import WFStore

extension Snapshot {
    /// Opens a snapshot lazily: checks the header, the directory and the small sections now, and
    /// reads each column, string block and name index when a question first needs it, checking
    /// its checksum and ranges then. Opening a 4 GB network and answering a look-up by name
    /// reads a few megabytes (docs/snapshot-format.md, "Opening lazily").
    ///
    /// Damage found after opening cannot be thrown from a cell read: it is reported to the
    /// store's `health`, the damaged part reads as nulls, and the interpreter refuses to show
    /// or keep any result from then on (docs/reliability.md).
    /// - Complexity: O(sections) now; each part O(its size) on first use.
    public static func open(_ path: String) throws -> Store {
        try LazySnapshot(path).makeStore()
    }

    /// Loads a snapshot whole, checking every section's checksum and then every cell that could
    /// later index memory: references, string ids, enumeration codes, tombstones, name indexes,
    /// string offsets. A damaged file is a thrown `SnapshotError`, never a crash or silently
    /// wrong data. For `wf info`, `export`, `diff`: commands that read everything anyway.
    /// - Parameter progress: called with the share of bytes read so far (for a progress bar).
    /// - Complexity: O(file size).
    public static func load(_ path: String, progress: ((Double) -> Void)? = nil) throws -> Store {
        let lazy = try LazySnapshot(path)
        let store = try lazy.makeStore()
        try lazy.readAll(store, progress: progress)
        return store
    }

    /// Reads what `wf info` shows, without loading the columns.
    public static func info(_ path: String) throws -> SnapshotInfo {
        let file = try SnapshotFile.open(path)
        defer { file.close() }
        let meta = MetaCodec.decode(try file.text(try file.require(SnapshotFormat.metaSection, .text)))
        var counts: [(Kind, Int)] = []
        for kind in Kind.allCases {
            let first = kind.fields.lazy.compactMap { file.entries[SnapshotFormat.columnName(kind, $0)] }.first
            let rows = (first?.length ?? 0) / 4
            let deleted = (file.entries[SnapshotFormat.deletedName(kind)]?.length ?? 0) / 4
            counts.append((kind, max(0, rows - deleted)))
        }
        return SnapshotInfo(path: path, version: file.version, fileLength: UInt64(file.fileLength), meta: meta,
                            counts: counts, sectionCount: file.order.count)
    }
}

/// An open snapshot file whose parts are read on demand. It owns the file descriptor and the
/// record of damage found, which it shares with the store's `LoadHealth`. The store's unread
/// parts hold it through their loaders (and it never holds the store), so the file is closed
/// when the last part that might still need it is read or freed.
final class LazySnapshot {
    let file: SnapshotFile
    let path: String
    let health: LoadHealth
    /// Damage found after opening, as the errors `load` throws.
    private(set) var damage: [SnapshotError] = []
    /// Per section name: its block checksums (`$blocks`), when the file has them.
    private let blockSums: [String: ArraySlice<UInt64>]
    private var stringCount: Int32 = 0

    /// Checks the header, the directory and the block checksums.
    init(_ path: String) throws {
        self.path = path
        let file = try SnapshotFile.open(path)
        do {
            blockSums = try BlockSums.read(file)
        } catch {
            file.close()
            throw error
        }
        self.file = file
        health = LoadHealth()
    }

    deinit { file.close() }

    func report(_ error: SnapshotError) {
        damage.append(error)
        health.report(error.description)
    }

    private func corrupt(_ section: String, _ reason: String) -> SnapshotError {
        .corrupt(path: path, section: section, reason: reason)
    }

    /// The store, with every column, string block and name index still unread: what can be
    /// checked from the directory and the small sections (meta, schema, tombstones) is checked now.
    func makeStore() throws -> Store {
        let meta = MetaCodec.decode(try file.text(try file.require(SnapshotFormat.metaSection, .text)))
        let schema = try file.text(try file.require(SnapshotFormat.schemaSection, .text))
        var storedTypes: [Substring: Substring] = [:]
        for line in schema.split(separator: "\n") {
            let parts = line.split(separator: " ", maxSplits: 1)
            if parts.count == 2 { storedTypes[parts[0]] = parts[1] }
        }

        let pool = try openStrings()

        // Row counts come from the sections' lengths, which must agree within a kind.
        var entries: [[Entry?]] = []
        var rowCounts: [Int] = []
        for kind in Kind.allCases {
            var kindEntries: [Entry?] = []
            var rows: Int?
            for field in kind.fields {
                let name = SnapshotFormat.columnName(kind, field)
                guard let entry = file.entries[name] else { kindEntries.append(nil); continue }
                if let stored = storedTypes[Substring(name)], stored != Substring(SnapshotFormat.typeName(field.type)) {
                    throw corrupt(name, "type \(stored) where \(SnapshotFormat.typeName(field.type)) was expected")
                }
                guard entry.type == .int32 else { throw corrupt(name, "wrong element type") }
                let cells = entry.length / 4
                if let r = rows, r != cells { throw corrupt(name, "\(cells) rows where the kind has \(r)") }
                rows = cells
                kindEntries.append(entry)
            }
            entries.append(kindEntries)
            rowCounts.append(rows ?? 0)
        }

        var tables: [Table] = []
        for kind in Kind.allCases {
            let rows = rowCounts[kind.rawValue]
            let storages = kind.fields.enumerated().map { i, field -> BaseCells in
                guard let entry = entries[kind.rawValue][i] else { return BaseCells(ContiguousArray(repeating: nullCell, count: rows)) }
                return BaseCells(count: rows, loader: { [self] in column(entry, field.type, rowCounts: rowCounts) },
                                 cell: cellReader(entry, field.type, rowCounts: rowCounts))
            }
            var deleted = Set<Int32>()
            if let entry = file.entries[SnapshotFormat.deletedName(kind)] {
                guard entry.type == .int32 else { throw corrupt(entry.name, "wrong element type") }
                for id in try file.ints(entry) {
                    guard id >= 0, Int(id) < rows else { throw corrupt(entry.name, "deleted id \(id) out of range") }
                    deleted.insert(id)
                }
            }
            tables.append(Table(kind: kind, storages: storages, deleted: deleted))
        }
        let store = Store(meta: meta, strings: StringPool(base: pool), tables: tables, health: health)
        for kind in Kind.allCases where kind.nameField != nil {
            guard let entry = file.entries[SnapshotFormat.nameIndexName(kind)] else { continue }
            let rows = Int32(rowCounts[kind.rawValue])
            guard entry.type == .int32, entry.length == Int(rows) * 4 else { throw corrupt(entry.name, "name index out of range") }
            store.adoptNameIndex(kind, loader: { [self] in nameIndex(entry, rows: rows) },
                                 entry: cellReader(entry) { cells in cells.first { $0 < 0 || $0 >= rows } })
        }
        return store
    }

    // MARK: Parts read on demand

    /// A column's cells, checked: the section's checksum, then every cell's range.
    private func column(_ entry: Entry, _ type: FieldType, rowCounts: [Int]) -> ContiguousArray<Int32> {
        let rows = entry.length / 4
        do {
            let cells = try file.ints(entry)
            if let bad = LazySnapshot.firstOutOfRange(cells, type, rowCounts: rowCounts, strings: stringCount) {
                throw corrupt(entry.name, "value \(bad) out of range")
            }
            return cells
        } catch {
            report(error as? SnapshotError ?? corrupt(entry.name, "\(error)"))
            return ContiguousArray(repeating: nullCell, count: rows)
        }
    }

    /// One cell of a column read without the rest: its 64 KiB block read, checked against
    /// `$blocks` and range-checked on first touch. Nil in files without `$blocks`, whose columns
    /// can only be checked whole. The blocks are set up on the first cell asked for.
    private func cellReader(_ entry: Entry, _ type: FieldType, rowCounts: [Int]) -> ((Int) -> Int32)? {
        cellReader(entry) { [self] cells in LazySnapshot.firstOutOfRange(cells, type, rowCounts: rowCounts, strings: stringCount) }
    }

    /// One `Int32` of a section read on its own, its block checked against `$blocks` and by
    /// `firstBad` (which returns a value out of range) on first touch; a damaged block reads as
    /// null cells and is reported.
    private func cellReader(_ entry: Entry, firstBad: @escaping (UnsafeBufferPointer<Int32>) -> Int32?) -> ((Int) -> Int32)? {
        guard blockSums[entry.name] != nil else { return nil }
        var pages: PagedBytes?
        return { [self] row in
            let p = pages ?? paged(entry, firstBad: firstBad)
            pages = p
            return p.int32(row)
        }
    }

    /// A saved name index, checked; nil (so the store builds one) when it is damaged.
    private func nameIndex(_ entry: Entry, rows: Int32) -> ContiguousArray<Int32>? {
        do {
            let index = try file.ints(entry)
            var bad = index.count != Int(rows)
            if !bad { index.withUnsafeBufferPointer { for r in $0 where r < 0 || r >= rows { bad = true; break } } }
            if bad { throw corrupt(entry.name, "name index out of range") }
            return index
        } catch {
            report(error as? SnapshotError ?? corrupt(entry.name, "\(error)"))
            return nil
        }
    }

    /// The string pool over blocks read and checked on first touch: 64 KiB blocks against the
    /// `$blocks` checksums, or, in files without them, each section whole against its own.
    private func openStrings() throws -> PoolBase {
        let bytesEntry = try file.require(SnapshotFormat.stringBytes, .bytes)
        let offsetsEntry = try file.require(SnapshotFormat.stringOffsets, .int32)
        guard offsetsEntry.length >= 4 else { throw corrupt(offsetsEntry.name, "offsets do not span the string bytes") }
        stringCount = Int32(offsetsEntry.length / 4 - 1)
        var slots: PagedBytes?
        if let hashEntry = file.entries[SnapshotFormat.stringHash] {
            guard hashEntry.type == .int32 else { throw corrupt(hashEntry.name, "wrong element type") }
            let n = hashEntry.length / 4
            guard n >= 2 * Int(stringCount), n.nonzeroBitCount == 1 else { throw corrupt(hashEntry.name, "look-up table out of range") }
            slots = paged(hashEntry)
        }
        return PoolBase(bytes: paged(bytesEntry), offsets: paged(offsetsEntry), slots: slots, health: health, origin: path)
    }

    /// A section read block by block, each checked on first touch against `$blocks` (or, in
    /// files without them, the whole section against its checksum). A damaged block is reported
    /// and reads as zeros, or, for cells (`firstBad` given, which range-checks them), as nulls.
    private func paged(_ entry: Entry, firstBad: ((UnsafeBufferPointer<Int32>) -> Int32?)? = nil) -> PagedBytes {
        let sums = blockSums[entry.name]
        let blockSize = sums == nil ? max(entry.length, 1) : PagedBytes.blockSize
        return PagedBytes(count: entry.length, blockSize: blockSize) { [self] block, into in
            do {
                try file.read(entry, from: block * blockSize, into: into)
                let sum = XXH64.hash(UnsafeRawBufferPointer(into))
                let expected = sums.map { $0[$0.startIndex + block] } ?? entry.checksum
                guard sum == expected else {
                    throw corrupt(entry.name, sums == nil ? "checksum mismatch" : "checksum mismatch in block \(block)")
                }
                if let firstBad, let bad = firstBad(UnsafeBufferPointer(into.bindMemory(to: Int32.self))) {
                    throw corrupt(entry.name, "value \(bad) out of range")
                }
            } catch {
                if firstBad != nil {
                    into.bindMemory(to: Int32.self).initialize(repeating: nullCell)
                } else {
                    into.initializeMemory(as: UInt8.self, repeating: 0)
                }
                report(error as? SnapshotError ?? corrupt(entry.name, "\(error)"))
            }
        }
    }

    // MARK: Reading everything

    /// Reads and checks every part now, then the structure of the string pool; throws the first
    /// damage found.
    func readAll(_ store: Store, progress: ((Double) -> Void)?) throws {
        var done = 0
        let total = Double(max(file.fileLength, 1))
        func advance(_ bytes: Int) {
            done += bytes
            progress?(Double(done) / total)
        }
        let pool = store.strings.base
        pool.readAll()
        advance(pool.storedBytes)
        if let first = damage.first { throw first }
        if !pool.offsetsAreOrdered() { throw corrupt(SnapshotFormat.stringOffsets, "offsets do not span the string bytes or are out of order") }
        if !pool.slotsAreInRange() { throw corrupt(SnapshotFormat.stringHash, "look-up table out of range") }
        for table in store.tables {
            for column in table.columns {
                _ = column.base
                advance(column.baseCount * 4)
                if let first = damage.first { throw first }
            }
        }
        for kind in Kind.allCases where kind.nameField != nil {
            _ = store.nameIndex(kind)
            if let first = damage.first { throw first }
        }
        progress?(1)
    }

    /// The first cell that could index outside what it refers to, if any.
    static func firstOutOfRange(_ cells: ContiguousArray<Int32>, _ type: FieldType, rowCounts: [Int], strings: Int32) -> Int32? {
        cells.withUnsafeBufferPointer { firstOutOfRange($0, type, rowCounts: rowCounts, strings: strings) }
    }

    static func firstOutOfRange(_ cells: UnsafeBufferPointer<Int32>, _ type: FieldType, rowCounts: [Int], strings: Int32) -> Int32? {
        let upper: Int32
        var lower: Int32 = 0
        switch type {
        case .int, .date: return nil
        case .bool: upper = 2
        case .string, .personal: upper = strings
        case .enumeration(let e): upper = Int32(e.labels.count)
        case .tags(let e): lower = 0; upper = e.labels.count >= 31 ? .max : Int32(1) << Int32(e.labels.count)
        case .ref(let k): upper = Int32(rowCounts[k.rawValue])
        }
        for c in cells where c != nullCell && (c < lower || c >= upper) { return c }
        return nil
    }
}

/// The `$blocks` section: the XXH64 of every 64 KiB block of every other section, in directory
/// order, so that a part read on demand can be checked without reading its whole section.
enum BlockSums {
    static func blocks(_ length: Int) -> Int { (length + PagedBytes.blockSize - 1) / PagedBytes.blockSize }

    /// Reads and checks the section; an empty map when the file has none (older files).
    static func read(_ file: SnapshotFile) throws -> [String: ArraySlice<UInt64>] {
        guard let entry = file.entries[SnapshotFormat.blockSums] else { return [:] }
        guard entry.type == .bytes else {
            throw SnapshotError.corrupt(path: file.path, section: entry.name, reason: "wrong element type")
        }
        let covered = file.order.filter { $0.name != SnapshotFormat.blockSums }
        let expected = covered.reduce(0) { $0 + blocks($1.length) }
        guard entry.length == expected * 8 else {
            throw SnapshotError.corrupt(path: file.path, section: entry.name, reason: "\(entry.length / 8) block checksums where \(expected) were expected")
        }
        let raw = try file.bytes(entry)
        let sums: [UInt64] = raw.withUnsafeBytes { b in (0..<expected).map { UInt64(littleEndian: b.loadUnaligned(fromByteOffset: $0 * 8, as: UInt64.self)) } }
        var out: [String: ArraySlice<UInt64>] = [:]
        var at = 0
        for e in covered {
            let n = blocks(e.length)
            out[e.name] = sums[at..<(at + n)]
            at += n
        }
        return out
    }
}
