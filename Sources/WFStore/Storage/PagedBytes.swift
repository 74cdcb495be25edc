/// A read-only run of bytes filled in blocks of 64 KiB when first touched.
///
/// The string pool of a nation-scale network is over a gigabyte (names, their offsets and the
/// look-up table), yet finding one name touches a few dozen bytes of it. A lazily opened
/// snapshot backs the pool with these, so a look-up right after opening reads and checks a few
/// blocks instead of the whole pool (docs/snapshot-format.md, "Opening lazily").
///
/// Why not `mmap`: a mapped file that another program truncates turns the next read into SIGBUS,
/// a crash; a block read with `pread` into memory we own just comes back short, which the
/// filler reports as damage. The memory is allocated whole but untouched pages cost nothing.
///
/// Not thread-safe, like `BaseCells`.
public final class PagedBytes {
    /// The block size of snapshots' `$blocks` checksums.
    public static let blockSize = 1 << 16

    public let count: Int
    /// Bytes per block; a section checked only as a whole is one block.
    public let blockSize: Int
    @usableFromInline let memory: UnsafeMutableRawPointer
    /// Per block: whether it holds its bytes yet. Empty once every block is in.
    @usableFromInline var ready: [Bool]
    private var missing: Int
    /// Dropped once every block is in, so that what it holds (an open file) can go.
    private var fill: ((_ block: Int, _ into: UnsafeMutableRawBufferPointer) -> Void)?

    /// Bytes that are all here now.
    public init(copying bytes: UnsafeRawBufferPointer) {
        count = bytes.count
        memory = .allocate(byteCount: max(count, 1), alignment: 16)
        if let source = bytes.baseAddress, count > 0 { memory.copyMemory(from: source, byteCount: count) }
        blockSize = PagedBytes.blockSize
        ready = []
        missing = 0
        fill = nil
    }

    public convenience init<T>(copying array: ContiguousArray<T>) {
        self.init(copying: array.withUnsafeBytes { $0 })
    }

    /// Bytes read block by block on demand.
    /// - Parameter fill: writes block `block`'s bytes into `into` (the last block may be short).
    ///   It must not fail: a filler that cannot read or verify its block reports the damage
    ///   (`LoadHealth`) and leaves zeros, which every reader of a pool handles.
    public init(count: Int, blockSize: Int = PagedBytes.blockSize,
                fill: @escaping (_ block: Int, _ into: UnsafeMutableRawBufferPointer) -> Void) {
        self.count = count
        self.blockSize = max(blockSize, 1)
        // Left uninitialised on purpose: no byte is read before its block is filled, and writing
        // zeros here would touch (and so commit) every page of a gigabyte-sized pool.
        memory = .allocate(byteCount: max(count, 1), alignment: 16)
        let blocks = (count + self.blockSize - 1) / self.blockSize
        ready = blocks == 0 ? [] : Array(repeating: false, count: blocks)
        missing = blocks
        self.fill = fill
    }

    deinit { memory.deallocate() }

    /// Makes bytes `lower..<upper` present. Both must lie within `0...count`.
    @inlinable public func ensure(_ lower: Int, _ upper: Int) {
        if ready.isEmpty || upper <= lower { return }
        let first = lower / blockSize, last = (upper - 1) / blockSize
        for b in first...last {
            if ready.isEmpty { return }  // the last missing block came in
            if !ready[b] { load(b) }
        }
    }

    public func ensureAll() { ensure(0, count) }

    @usableFromInline func load(_ block: Int) {
        let start = block * blockSize
        let length = min(blockSize, count - start)
        fill?(block, UnsafeMutableRawBufferPointer(start: memory + start, count: length))
        ready[block] = true
        missing -= 1
        if missing == 0 {
            ready = []
            fill = nil
        }
    }

    /// The `index`th little-endian Int32; `index` must be below `count / 4`.
    @inlinable public func int32(_ index: Int) -> Int32 {
        let at = index &* 4
        ensure(at, at + 4)
        return Int32(littleEndian: memory.loadUnaligned(fromByteOffset: at, as: Int32.self))
    }

    /// Bytes `lower..<upper`, present; valid while this object lives.
    @inlinable public func bytes(_ lower: Int, _ upper: Int) -> UnsafeRawBufferPointer {
        ensure(lower, upper)
        return UnsafeRawBufferPointer(start: memory + lower, count: upper - lower)
    }

    /// Every byte, as an array (for saving).
    public func array<T>(of _: T.Type) -> ContiguousArray<T> {
        ensureAll()
        let n = count / MemoryLayout<T>.stride
        return ContiguousArray(UnsafeBufferPointer(start: UnsafeRawPointer(memory).bindMemory(to: T.self, capacity: max(n, 1)), count: n))
    }
}
