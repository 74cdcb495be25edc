#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif
import WFStore

/// One payload to write: its name, element type and bytes (borrowed from the store's arrays).
private struct Section {
    let name: String
    let type: SnapshotFormat.ElementType
    let write: ((UnsafeRawBufferPointer) throws -> Void) throws -> Void
    let length: Int
}

extension Snapshot {
    /// Saves `store` to `path` atomically: the bytes go to a temporary file beside it, which is
    /// fsync'ed and then renamed over `path`, and the directory is fsync'ed. A crash or a full
    /// disk at any point leaves either the old file or the new one, never a mix.
    /// - Complexity: O(store size); one sequential write, checksums computed from memory.
    public static func save(_ store: Store, to path: String, savedAt: Int64? = nil) throws {
        var meta = store.meta
        meta.savedAt = savedAt ?? Int64(time(nil))
        let poolBytes = store.strings.base.byteCount + store.strings.addedStrings.reduce(0) { $0 + $1.utf8.count }
        guard poolBytes < Int(Int32.max) else {
            throw SnapshotError.writeFailed(path: path, reason: "the string pool exceeds 2 GiB, the format's limit")
        }
        var sections = makeSections(store, meta: meta)
        // A lazily opened store reads its last unread parts just now: damage found there must
        // not be written out as if it were data.
        if let problem = store.health?.problems.first {
            throw SnapshotError.writeFailed(path: path, reason: "the network being saved was read from a damaged snapshot (\(problem))")
        }

        var checksums: [UInt64] = []
        var blockSums: [UInt8] = []
        for s in sections {
            try s.write { bytes in
                checksums.append(XXH64.hash(bytes))
                var at = 0
                while at < bytes.count {
                    let end = min(at + PagedBytes.blockSize, bytes.count)
                    withUnsafeBytes(of: XXH64.hash(UnsafeRawBufferPointer(rebasing: bytes[at..<end])).littleEndian) { blockSums.append(contentsOf: $0) }
                    at = end
                }
            }
        }
        let sums = blockSums
        sections.append(Section(name: SnapshotFormat.blockSums, type: .bytes,
                                write: { body in try sums.withUnsafeBytes { try body($0) } }, length: sums.count))
        checksums.append(sums.withUnsafeBytes { XXH64.hash($0) })

        // Layout: header, directory, then the payloads back to back. No alignment padding, so
        // every byte of the file is covered by a checksum (readers copy, so alignment buys nothing).
        var offsets: [Int] = []
        var cursor = SnapshotFormat.headerSize + SnapshotFormat.entrySize * sections.count
        for s in sections {
            offsets.append(cursor)
            cursor += s.length
        }
        let fileLength = cursor

        var directory = [UInt8](repeating: 0, count: SnapshotFormat.entrySize * sections.count)
        for (i, s) in sections.enumerated() {
            let base = i * SnapshotFormat.entrySize
            let nameBytes = Array(s.name.utf8.prefix(SnapshotFormat.nameCapacity))
            for (j, b) in nameBytes.enumerated() { directory[base + j] = b }
            put(&directory, base + 32, UInt32(s.type.rawValue))
            put(&directory, base + 40, UInt64(offsets[i]))
            put(&directory, base + 48, UInt64(s.length))
            put(&directory, base + 56, checksums[i])
        }
        var header = [UInt8](repeating: 0, count: SnapshotFormat.headerSize)
        for (i, b) in SnapshotFormat.magic.enumerated() { header[i] = b }
        put(&header, 8, SnapshotFormat.version)
        put(&header, 12, SnapshotFormat.byteOrderMark)
        put(&header, 16, UInt32(sections.count))
        put(&header, 24, SnapshotFormat.floatCheck.bitPattern)
        put(&header, 32, UInt64(fileLength))
        put(&header, 40, directory.withUnsafeBytes { XXH64.hash($0) })
        put(&header, 56, header.withUnsafeBytes { XXH64.hash(UnsafeRawBufferPointer(rebasing: $0[0..<56])) })

        let temp = temporaryPath(for: path)
        let fd = FileIO.create(temp)
        guard fd >= 0 else { throw SnapshotError.writeFailed(path: path, reason: FileIO.errorText()) }
        do {
            try header.withUnsafeBytes { try FileIO.writeAll(fd, $0) }
            try directory.withUnsafeBytes { try FileIO.writeAll(fd, $0) }
            let delay = faultInjectionDelay()
            for s in sections {
                try s.write { try FileIO.writeAll(fd, $0) }
                if delay > 0 { usleep(delay) }
            }
            guard fsync(fd) == 0 else { throw FileIO.IOFailure(text: FileIO.errorText()) }
            guard close(fd) == 0 else { throw FileIO.IOFailure(text: FileIO.errorText()) }
        } catch let failure as FileIO.IOFailure {
            close(fd)
            unlink(temp)
            throw SnapshotError.writeFailed(path: path, reason: failure.text)
        }
        guard rename(temp, path) == 0 else {
            let reason = FileIO.errorText()
            unlink(temp)
            throw SnapshotError.writeFailed(path: path, reason: reason)
        }
        syncDirectory(of: path)
        removeStaleTemporaries(for: path)
    }

    /// Fault injection for the crash tests: `WF_FAULT_SAVE_DELAY_US` slows each section's write,
    /// so that a test's SIGKILL lands inside the save rather than before it. Unset in normal use.
    private static func faultInjectionDelay() -> UInt32 {
        guard let raw = getenv("WF_FAULT_SAVE_DELAY_US") else { return 0 }
        return UInt32(String(cString: raw)) ?? 0
    }

    /// `DIR/.NAME.tmp-PID`: hidden, named after its owner, so a crashed save's leftover is
    /// recognisable and removed by the next save of the same file.
    static func temporaryPath(for path: String) -> String {
        let (dir, name) = split(path)
        return dir + "." + name + ".tmp-" + String(getpid())
    }

    static func split(_ path: String) -> (dir: String, name: String) {
        guard let slash = path.lastIndex(of: "/") else { return ("", path) }
        return (String(path[...slash]), String(path[path.index(after: slash)...]))
    }

    private static func syncDirectory(of path: String) {
        let (dir, _) = split(path)
        let fd = FileIO.openForReading(dir.isEmpty ? "." : dir)
        if fd >= 0 {
            fsync(fd)
            close(fd)
        }
    }

    /// Deletes leftovers of saves of `path` by processes that no longer exist.
    static func removeStaleTemporaries(for path: String) {
        let (dir, name) = split(path)
        guard let d = opendir(dir.isEmpty ? "." : dir) else { return }
        defer { closedir(d) }
        let prefix = "." + name + ".tmp-"
        while let entry = readdir(d) {
            let entryName = withUnsafeBytes(of: entry.pointee.d_name) { raw in
                String(decoding: raw.prefix { $0 != 0 }, as: UTF8.self)
            }
            guard entryName.hasPrefix(prefix), let pid = Int32(entryName.dropFirst(prefix.count)) else { continue }
            if pid != getpid() && kill(pid, 0) != 0 && errno == ESRCH { unlink(dir + entryName) }
        }
    }

    private static func makeSections(_ store: Store, meta: Meta) -> [Section] {
        var out: [Section] = []
        func text(_ name: String, _ value: String) {
            let bytes = Array(value.utf8)
            out.append(Section(name: name, type: .text, write: { body in try bytes.withUnsafeBytes { try body($0) } }, length: bytes.count))
        }
        func ints(_ name: String, _ cells: ContiguousArray<Int32>) {
            out.append(Section(name: name, type: .int32, write: { body in try cells.withUnsafeBytes { try body($0) } }, length: cells.count * 4))
        }
        text(SnapshotFormat.metaSection, MetaCodec.encode(meta))
        text(SnapshotFormat.schemaSection, SnapshotFormat.schemaText())

        // Strings: the base blob as is, then the strings added since, appended.
        var blob = store.strings.base.bytes
        var offsets = store.strings.base.offsets
        for s in store.strings.addedStrings {
            blob.append(contentsOf: s.utf8)
            offsets.append(Int32(truncatingIfNeeded: blob.count))
        }
        let finalBlob = blob
        out.append(Section(name: SnapshotFormat.stringBytes, type: .bytes,
                           write: { body in try finalBlob.withUnsafeBytes { try body($0) } }, length: finalBlob.count))
        ints(SnapshotFormat.stringOffsets, offsets)
        // The look-up table travels with the pool, so finding a name right after a load is O(1).
        let slots = store.strings.addedStrings.isEmpty
            ? store.strings.base.hashSlots
            : PoolBase(bytes: finalBlob, offsets: offsets).hashSlots
        ints(SnapshotFormat.stringHash, slots)

        for kind in Kind.allCases {
            let table = store[kind]
            for (i, field) in kind.fields.enumerated() {
                ints(SnapshotFormat.columnName(kind, field), table.columns[i].merged())
            }
            ints(SnapshotFormat.deletedName(kind), ContiguousArray(table.deleted.sorted()))
            // Name look-ups right after loading need no build: the name index travels too.
            if let nf = kind.nameField {
                let names = table.columns[nf].merged()
                let index = table.columns[nf].isPristine && table.columns[nf].tail.isEmpty
                    ? store.nameIndex(kind)
                    : Store.buildNameIndex(names, stringCount: offsets.count - 1)
                ints(SnapshotFormat.nameIndexName(kind), index)
            }
        }
        return out
    }

    private static func put<T: FixedWidthInteger>(_ bytes: inout [UInt8], _ at: Int, _ value: T) {
        withUnsafeBytes(of: value.littleEndian) { raw in
            for (i, b) in raw.enumerated() { bytes[at + i] = b }
        }
    }
}
