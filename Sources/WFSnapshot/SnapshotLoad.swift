import WFStore

extension Snapshot {
    /// Loads a snapshot into a store, checking every section's checksum and then every cell
    /// that could later index memory: references, string ids, enumeration codes, tombstones.
    /// A damaged file is a thrown `SnapshotError`, never a crash or silently wrong data.
    /// - Parameter progress: called with the share of bytes read so far (for a progress bar).
    /// - Complexity: O(file size): one read per section, straight into the column arrays, plus
    ///   a checksum pass and a validation pass over memory.
    public static func load(_ path: String, progress: ((Double) -> Void)? = nil) throws -> Store {
        let file = try SnapshotFile.open(path)
        defer { file.close() }
        var readBytes = 0
        func advance(_ e: Entry) {
            readBytes += e.length
            progress?(Double(readBytes) / Double(max(file.fileLength, 1)))
        }

        let meta = MetaCodec.decode(try file.text(try file.require(SnapshotFormat.metaSection, .text)))
        let schema = try file.text(try file.require(SnapshotFormat.schemaSection, .text))
        var storedTypes: [Substring: Substring] = [:]
        for line in schema.split(separator: "\n") {
            let parts = line.split(separator: " ", maxSplits: 1)
            if parts.count == 2 { storedTypes[parts[0]] = parts[1] }
        }

        let blobEntry = try file.require(SnapshotFormat.stringBytes, .bytes)
        let blob = try file.bytes(blobEntry)
        advance(blobEntry)
        let offsetsEntry = try file.require(SnapshotFormat.stringOffsets, .int32)
        let offsets = try file.ints(offsetsEntry)
        advance(offsetsEntry)
        try checkOffsets(offsets, blobLength: blob.count, path: path)
        let stringCount = Int32(offsets.count - 1)
        var slots: ContiguousArray<Int32>?
        if let hashEntry = file.entries[SnapshotFormat.stringHash] {
            guard hashEntry.type == .int32 else { throw SnapshotError.corrupt(path: path, section: hashEntry.name, reason: "wrong element type") }
            let table = try file.ints(hashEntry)
            advance(hashEntry)
            var bad = table.count < 2 * Int(stringCount) || table.count.nonzeroBitCount != 1
            if !bad { table.withUnsafeBufferPointer { t in for v in t where v < -1 || v >= stringCount { bad = true; break } } }
            if bad { throw SnapshotError.corrupt(path: path, section: hashEntry.name, reason: "look-up table out of range") }
            slots = table
        }

        // Columns by name. Every kind's row count comes from its columns, which must agree.
        var columns: [[ContiguousArray<Int32>?]] = []
        var rowCounts: [Int] = []
        for kind in Kind.allCases {
            var kindColumns: [ContiguousArray<Int32>?] = []
            var rows: Int?
            for field in kind.fields {
                let name = SnapshotFormat.columnName(kind, field)
                guard let entry = file.entries[name] else { kindColumns.append(nil); continue }
                if let stored = storedTypes[Substring(name)], stored != Substring(SnapshotFormat.typeName(field.type)) {
                    throw SnapshotError.corrupt(path: path, section: name, reason: "type \(stored) where \(SnapshotFormat.typeName(field.type)) was expected")
                }
                guard entry.type == .int32 else { throw SnapshotError.corrupt(path: path, section: name, reason: "wrong element type") }
                let cells = try file.ints(entry)
                advance(entry)
                if let r = rows, r != cells.count {
                    throw SnapshotError.corrupt(path: path, section: name, reason: "\(cells.count) rows where the kind has \(r)")
                }
                rows = cells.count
                kindColumns.append(cells)
            }
            columns.append(kindColumns)
            rowCounts.append(rows ?? 0)
        }

        var tables: [Table] = []
        for kind in Kind.allCases {
            let rows = rowCounts[kind.rawValue]
            var filled: [ContiguousArray<Int32>] = []
            for (i, field) in kind.fields.enumerated() {
                let cells = columns[kind.rawValue][i] ?? ContiguousArray(repeating: nullCell, count: rows)
                try validate(cells, field.type, rowCounts: rowCounts, strings: stringCount,
                             section: SnapshotFormat.columnName(kind, field), path: path)
                filled.append(cells)
            }
            var deleted = Set<Int32>()
            if let entry = file.entries[SnapshotFormat.deletedName(kind)] {
                let ids = try file.ints(entry)
                for id in ids {
                    guard id >= 0, Int(id) < rows else {
                        throw SnapshotError.corrupt(path: path, section: entry.name, reason: "deleted id \(id) out of range")
                    }
                    deleted.insert(id)
                }
            }
            tables.append(Table(kind: kind, columns: filled, deleted: deleted))
        }
        var nameIndexes: [(Kind, ContiguousArray<Int32>)] = []
        for kind in Kind.allCases where kind.nameField != nil {
            guard let entry = file.entries[SnapshotFormat.nameIndexName(kind)] else { continue }
            let index = try file.ints(entry)
            advance(entry)
            let rows = Int32(rowCounts[kind.rawValue])
            var bad = index.count != Int(rows)
            if !bad { index.withUnsafeBufferPointer { for r in $0 where r < 0 || r >= rows { bad = true; break } } }
            if bad { throw SnapshotError.corrupt(path: path, section: entry.name, reason: "name index out of range") }
            nameIndexes.append((kind, index))
        }
        progress?(1)
        let store = Store(meta: meta, strings: StringPool(base: PoolBase(bytes: blob, offsets: offsets, slots: slots)), tables: tables)
        for (kind, index) in nameIndexes { store.adoptNameIndex(kind, index) }
        return store
    }

    private static func checkOffsets(_ offsets: ContiguousArray<Int32>, blobLength: Int, path: String) throws {
        guard let first = offsets.first, first == 0, let last = offsets.last, Int(last) == blobLength else {
            throw SnapshotError.corrupt(path: path, section: SnapshotFormat.stringOffsets, reason: "offsets do not span the string bytes")
        }
        var ok = true
        offsets.withUnsafeBufferPointer { o in
            for i in 1..<o.count where o[i] < o[i - 1] { ok = false; break }
        }
        if !ok { throw SnapshotError.corrupt(path: path, section: SnapshotFormat.stringOffsets, reason: "offsets not in order") }
    }

    /// Checks that no cell can index outside what it refers to.
    private static func validate(_ cells: ContiguousArray<Int32>, _ type: FieldType, rowCounts: [Int], strings: Int32,
                                 section: String, path: String) throws {
        let upper: Int32
        var lower: Int32 = 0
        switch type {
        case .int, .date: return
        case .bool: upper = 2
        case .string, .personal: upper = strings
        case .enumeration(let e): upper = Int32(e.labels.count)
        case .tags(let e): lower = 0; upper = e.labels.count >= 31 ? .max : Int32(1) << Int32(e.labels.count)
        case .ref(let k): upper = Int32(rowCounts[k.rawValue])
        }
        var bad: Int32?
        cells.withUnsafeBufferPointer { buf in
            for c in buf where c != nullCell && (c < lower || c >= upper) { bad = c; break }
        }
        if let bad { throw SnapshotError.corrupt(path: path, section: section, reason: "value \(bad) out of range") }
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
