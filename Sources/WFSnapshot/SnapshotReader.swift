#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif
import WFStore

/// Reading and writing `.wfs` snapshots (docs/snapshot-format.md).
public enum Snapshot {}

/// What `wf info` shows: read from the header, the directory and the meta section only.
public struct SnapshotInfo {
    public let path: String
    public let version: UInt32
    public let fileLength: UInt64
    public let meta: Meta
    /// Live rows per kind.
    public let counts: [(kind: Kind, rows: Int)]
    public let sectionCount: Int
}

/// One directory entry, checked against the file's bounds.
struct Entry {
    let name: String
    let type: SnapshotFormat.ElementType
    let offset: Int
    let length: Int
    let checksum: UInt64
}

/// An open snapshot file: the checked header and directory, and reads of sections.
struct SnapshotFile {
    let path: String
    let fd: Int32
    let version: UInt32
    let fileLength: Int
    let entries: [String: Entry]
    let order: [Entry]

    /// Opens and checks everything up to the directory. Nothing larger than the directory is
    /// allocated before it is known to fit in the file.
    static func open(_ path: String) throws -> SnapshotFile {
        let fd = FileIO.openForReading(path)
        guard fd >= 0 else {
            let code = errno
            if code == ENOENT { throw SnapshotError.notFound(path: path) }
            throw SnapshotError.unreadable(path: path, reason: FileIO.errorText(code))
        }
        do {
            return try check(path, fd)
        } catch {
            closeDescriptor(fd)
            throw error
        }
    }

    private static func check(_ path: String, _ fd: Int32) throws -> SnapshotFile {
        guard let size = FileIO.fileSize(fd) else { throw SnapshotError.unreadable(path: path, reason: FileIO.errorText()) }
        var header = [UInt8](repeating: 0, count: SnapshotFormat.headerSize)
        let got = try read(path, fd, &header, at: 0)
        let magicLength = SnapshotFormat.magic.count
        if got < magicLength {
            if got > 0, Array(header[0..<got]) == Array(SnapshotFormat.magic[0..<got]) {
                throw SnapshotError.truncated(path: path, expected: UInt64(SnapshotFormat.headerSize), actual: UInt64(size))
            }
            throw SnapshotError.foreign(path: path)
        }
        guard Array(header[0..<magicLength]) == SnapshotFormat.magic else { throw SnapshotError.foreign(path: path) }
        guard got == SnapshotFormat.headerSize else {
            throw SnapshotError.truncated(path: path, expected: UInt64(SnapshotFormat.headerSize), actual: UInt64(size))
        }
        let headerSum = header.withUnsafeBytes { XXH64.hash(UnsafeRawBufferPointer(rebasing: $0[0..<56])) }
        guard headerSum == get(header, 56, UInt64.self) else {
            throw SnapshotError.corrupt(path: path, section: "header", reason: "checksum mismatch")
        }
        let version = get(header, 8, UInt32.self)
        if version > SnapshotFormat.version { throw SnapshotError.newerVersion(path: path, version: version) }
        guard version >= 1 else { throw SnapshotError.corrupt(path: path, section: "header", reason: "version 0") }
        guard get(header, 12, UInt32.self) == SnapshotFormat.byteOrderMark else {
            throw SnapshotError.incompatible(path: path, reason: "byte order")
        }
        guard get(header, 24, UInt64.self) == SnapshotFormat.floatCheck.bitPattern else {
            throw SnapshotError.incompatible(path: path, reason: "floating-point layout")
        }
        let declared = get(header, 32, UInt64.self)
        if UInt64(size) < declared { throw SnapshotError.truncated(path: path, expected: declared, actual: UInt64(size)) }
        if UInt64(size) > declared {
            throw SnapshotError.corrupt(path: path, section: "header", reason: "\(UInt64(size) - declared) unexpected bytes after the end")
        }
        let fileLength = size
        let count = Int(get(header, 16, UInt32.self))
        let directoryEnd = SnapshotFormat.headerSize + count * SnapshotFormat.entrySize
        guard count <= SnapshotFormat.maxSections, directoryEnd <= fileLength else {
            throw SnapshotError.corrupt(path: path, section: "directory", reason: "section count \(count) out of bounds")
        }
        var directory = [UInt8](repeating: 0, count: count * SnapshotFormat.entrySize)
        guard try read(path, fd, &directory, at: SnapshotFormat.headerSize) == directory.count else {
            throw SnapshotError.truncated(path: path, expected: UInt64(directoryEnd), actual: UInt64(size))
        }
        guard directory.withUnsafeBytes({ XXH64.hash($0) }) == get(header, 40, UInt64.self) else {
            throw SnapshotError.corrupt(path: path, section: "directory", reason: "checksum mismatch")
        }
        var entries: [String: Entry] = [:]
        var order: [Entry] = []
        for i in 0..<count {
            let base = i * SnapshotFormat.entrySize
            let nameBytes = directory[base..<(base + SnapshotFormat.nameCapacity)].prefix { $0 != 0 }
            let name = String(decoding: nameBytes, as: UTF8.self)
            let rawType = get(directory, base + 32, UInt32.self)
            let offset = get(directory, base + 40, UInt64.self)
            let length = get(directory, base + 48, UInt64.self)
            guard let type = SnapshotFormat.ElementType(rawValue: rawType) else {
                throw SnapshotError.corrupt(path: path, section: name, reason: "unknown element type \(rawType)")
            }
            guard offset >= UInt64(directoryEnd), length <= UInt64(fileLength),
                  offset + length <= UInt64(fileLength), Int(length) % type.width == 0 else {
                throw SnapshotError.corrupt(path: path, section: name, reason: "bounds out of the file")
            }
            guard entries[name] == nil else { throw SnapshotError.corrupt(path: path, section: name, reason: "duplicate section") }
            let entry = Entry(name: name, type: type, offset: Int(offset), length: Int(length),
                              checksum: get(directory, base + 56, UInt64.self))
            entries[name] = entry
            order.append(entry)
        }
        // The sections must tile the rest of the file exactly, so no byte escapes a checksum.
        var expected = directoryEnd
        for e in order.sorted(by: { $0.offset < $1.offset }) {
            guard e.offset == expected else {
                throw SnapshotError.corrupt(path: path, section: e.name, reason: "sections overlap or leave a gap")
            }
            expected += e.length
        }
        guard expected == fileLength else {
            throw SnapshotError.corrupt(path: path, section: "directory", reason: "sections do not reach the end of the file")
        }
        return SnapshotFile(path: path, fd: fd, version: version, fileLength: fileLength, entries: entries, order: order)
    }

    func close() { closeDescriptor(fd) }

    func require(_ name: String, _ type: SnapshotFormat.ElementType) throws -> Entry {
        guard let e = entries[name] else { throw SnapshotError.corrupt(path: path, section: name, reason: "section missing") }
        guard e.type == type else { throw SnapshotError.corrupt(path: path, section: name, reason: "wrong element type") }
        return e
    }

    /// Reads an Int32 section straight into a new array and verifies its checksum.
    func ints(_ e: Entry) throws -> ContiguousArray<Int32> { try array(e) }

    func bytes(_ e: Entry) throws -> ContiguousArray<UInt8> { try array(e) }

    /// Reads a whole section straight into a new array (no intermediate buffer) and verifies its
    /// checksum.
    private func array<T>(_ e: Entry) throws -> ContiguousArray<T> {
        let n = e.length / MemoryLayout<T>.stride
        var failure: Error?
        let out = ContiguousArray<T>(unsafeUninitializedCapacity: n) { buffer, initialised in
            let raw = UnsafeMutableRawBufferPointer(start: buffer.baseAddress, count: n * MemoryLayout<T>.stride)
            do {
                try read(e, from: 0, into: raw)
            } catch {
                raw.initializeMemory(as: UInt8.self, repeating: 0)
                failure = error
            }
            initialised = n
        }
        if let failure { throw failure }
        try verify(e, out.withUnsafeBytes { XXH64.hash($0) })
        return out
    }

    /// Reads `into.count` bytes of section `e`, starting `from` bytes into it. The file's length
    /// was checked at open, so a short read means it was cut since.
    func read(_ e: Entry, from: Int, into: UnsafeMutableRawBufferPointer) throws {
        guard let base = into.baseAddress, into.count > 0 else { return }
        let got: Int
        do { got = try FileIO.pread(fd, base, into.count, at: e.offset + from) } catch { throw wrap(error) }
        if got != into.count {
            throw SnapshotError.truncated(path: path, expected: UInt64(e.offset + from + into.count), actual: UInt64(e.offset + from + got))
        }
    }

    func text(_ e: Entry) throws -> String { String(decoding: try bytes(e), as: UTF8.self) }

    private func verify(_ e: Entry, _ sum: UInt64) throws {
        guard sum == e.checksum else { throw SnapshotError.corrupt(path: path, section: e.name, reason: "checksum mismatch") }
    }

    private func wrap(_ error: Error) -> Error {
        if let io = error as? FileIO.IOFailure { return SnapshotError.unreadable(path: path, reason: io.text) }
        return error
    }

    private static func read(_ path: String, _ fd: Int32, _ into: inout [UInt8], at offset: Int) throws -> Int {
        do {
            return try into.withUnsafeMutableBytes { raw -> Int in
                guard let base = raw.baseAddress else { return 0 }
                return try FileIO.pread(fd, base, raw.count, at: offset)
            }
        } catch let io as FileIO.IOFailure {
            throw SnapshotError.unreadable(path: path, reason: io.text)
        }
    }

    static func get<T: FixedWidthInteger>(_ bytes: [UInt8], _ at: Int, _: T.Type) -> T {
        var v: T = 0
        withUnsafeMutableBytes(of: &v) { raw in
            for i in 0..<MemoryLayout<T>.size { raw[i] = bytes[at + i] }
        }
        return T(littleEndian: v)
    }
}

@inline(__always) private func closeDescriptor(_ fd: Int32) { _ = close(fd) }
