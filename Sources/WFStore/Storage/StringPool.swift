/// Interned strings: every string cell in the store is an id into this pool.
///
/// The base part is one UTF-8 byte blob plus an offset table, exactly as the snapshot stores it,
/// so loading it is a straight read and no `String` is created until one is asked for. Strings
/// added after load (by mutations) live in a small overlay; the pool is a value type, so a fork
/// of the store shares the base and copies only that overlay.
public struct StringPool {
    /// The immutable base, shared by every fork.
    public let base: PoolBase
    var added: [String] = []
    var addedIndex: [String: Int32] = [:]

    public init(base: PoolBase) { self.base = base }

    public init() { self.init(base: PoolBase(bytes: [], offsets: [0])) }

    public var count: Int { base.count + added.count }
    public var addedCount: Int { added.count }

    /// - Complexity: O(length of the string)
    public func string(_ id: Int32) -> String {
        let i = Int(id)
        if i < base.count { return base.string(i) }
        let j = i - base.count
        return j >= 0 && j < added.count ? added[j] : ""
    }

    /// The strings of `ids` in order, `body(i, string)` for each (a null id gives ""), read in
    /// batches so that their cache misses overlap (`PoolBase.strings`).
    public func strings(_ ids: UnsafeBufferPointer<Int32>, _ body: (Int, String) -> Void) {
        base.strings(ids) { i, id, text in
            if let text { body(i, text) } else { body(i, id == nullCell ? "" : string(id)) }
        }
    }

    /// The id of `text` if it is in the pool.
    /// - Complexity: O(length) amortised; the first call builds a hash of the base in O(base size).
    public func lookup(_ text: String) -> Int32? {
        if let id = base.lookup(text) { return id }
        return addedIndex[text]
    }

    /// The id of `text`, adding it when new.
    public mutating func intern(_ text: String) -> Int32 {
        if let id = lookup(text) { return id }
        let id = Int32(count)
        added.append(text)
        addedIndex[text] = id
        return id
    }

    /// Strings added since the base was made, in id order (for saving).
    public var addedStrings: [String] { added }
}

/// The base of a `StringPool`: a byte blob and `count + 1` offsets into it, as the snapshot
/// stores them. Backed by `PagedBytes`, so a lazily opened snapshot reads only the blocks a
/// question touches; a pool built in memory has every block present.
public final class PoolBase {
    let blob: PagedBytes
    /// `count + 1` little-endian Int32 offsets into `blob`.
    let starts: PagedBytes
    /// Open-addressing table of ids, probed linearly, at least twice the string count and a
    /// power of two; -1 marks an empty slot. Hand-written because a `[String: Int32]` over
    /// millions of names would materialise every string and cost several times the blob's size;
    /// this costs 8 bytes per string and no allocation per entry. Snapshots store it, so a look-up
    /// right after loading costs no build.
    private var slots: PagedBytes?
    private var slotCount: Int
    public let count: Int
    /// Told when an offset points outside the blob (possible only in a lazily read, damaged pool).
    private let health: LoadHealth?
    private let origin: String

    /// - Precondition: offsets are non-decreasing, start at 0 and end at `bytes.count`
    ///   (the snapshot loader checks this before calling). `slots`, when given, holds only -1 or
    ///   ids below the count (also checked by the loader); a wrong table can only make a
    ///   look-up miss, since every hit is compared byte for byte.
    public convenience init(bytes: ContiguousArray<UInt8>, offsets: ContiguousArray<Int32>, slots: ContiguousArray<Int32>? = nil) {
        self.init(bytes: PagedBytes(copying: bytes), offsets: PagedBytes(copying: offsets), slots: slots.map { PagedBytes(copying: $0) },
                  health: nil, origin: "")
    }

    /// A pool over blocks read on demand.
    /// - Parameters:
    ///   - offsets: `count + 1` Int32s; each pair is checked when read, not trusted.
    ///   - slots: the saved look-up table (a power of two of Int32s, at least twice the count),
    ///     or nil to build one on first look-up; a table of another size is ignored.
    ///   - health, origin: where a bad offset is reported, and the name to report it under.
    public init(bytes: PagedBytes, offsets: PagedBytes, slots: PagedBytes?, health: LoadHealth?, origin: String) {
        blob = bytes
        starts = offsets
        count = max(offsets.count / 4 - 1, 0)
        let n = (slots?.count ?? 0) / 4
        if let slots, n >= 2 * count, n.nonzeroBitCount == 1 { self.slots = slots; slotCount = n } else { self.slots = nil; slotCount = 0 }
        self.health = health
        self.origin = origin
    }

    /// The bytes of string `i` (empty, and reported, when its offsets are damaged).
    @inline(__always) private func span(_ i: Int) -> UnsafeRawBufferPointer {
        let start = Int(starts.int32(i)), end = Int(starts.int32(i + 1))
        guard start >= 0, start <= end, end <= blob.count else {
            health?.report("\(origin): section $strings.offsets: offsets of string \(i) out of range")
            return UnsafeRawBufferPointer(start: nil, count: 0)
        }
        return blob.bytes(start, end)
    }

    public func string(_ i: Int) -> String {
        String(decoding: span(i), as: UTF8.self)
    }

    /// Where the loads that bring a batch's first bytes into the cache go, so that they are
    /// made. Written by every batch, read by none: a race between sessions on several threads
    /// changes nothing.
    nonisolated(unsafe) private static var touched: UInt8 = 0

    /// The base strings of `ids`, `body(i, id, string)` for each, in order; the string is nil for
    /// an id outside the base (null, or added after load) or whose offsets are damaged, for the
    /// caller to find (`StringPool.strings` asks `string(id)`, which reports the damage).
    ///
    /// A string read alone waits for three cache misses one after another: its id's cell, its
    /// offsets, its first bytes (about 300 ns for a name at nation scale, where the pool holds
    /// 4.7 M strings in 130 MB). Here a batch's offsets are all read first and then the first
    /// byte of each, loads that do not depend on one another, so the processor has many misses
    /// in flight at once; the strings are then made from bytes already in the cache.
    public func strings(_ ids: UnsafeBufferPointer<Int32>, _ body: (Int, Int32, String?) -> Void) {
        let batch = 256
        var spans = [(start: Int, end: Int)](repeating: (0, 0), count: Swift.min(batch, ids.count))
        var from = 0
        while from < ids.count {
            let to = Swift.min(ids.count, from &+ batch)
            var touched: UInt8 = 0
            for j in from..<to {
                let i = Int(ids[j])
                guard i >= 0 && i < count else { spans[j &- from] = (-1, -1); continue }
                spans[j &- from] = (Int(starts.int32(i)), Int(starts.int32(i &+ 1)))
            }
            for k in 0..<(to &- from) where spans[k].start >= 0 && spans[k].start < spans[k].end && spans[k].end <= blob.count {
                touched &+= blob.bytes(spans[k].start, spans[k].start &+ 1)[0]
            }
            PoolBase.touched = touched
            for j in from..<to {
                let i = Int(ids[j])
                if spans[j &- from].start < 0 { body(j, ids[j], nil); continue }
                body(j, ids[j], string(i))
            }
            from = to
        }
    }

    /// Calls `body` with the UTF-8 bytes of string `i`, without copying.
    public func withBytes<R>(_ i: Int, _ body: (UnsafeBufferPointer<UInt8>) -> R) -> R {
        body(span(i).bindMemory(to: UInt8.self))
    }

    /// The UTF-8 bytes of string `i`, valid while the pool lives (its blocks are never moved
    /// or freed once read). Not generic, so a hot loop in another module calls it directly.
    public func utf8(_ i: Int) -> UnsafeBufferPointer<UInt8> {
        span(i).bindMemory(to: UInt8.self)
    }

    /// The whole blob and offset table, read in full (for saving and comparing).
    public var bytes: ContiguousArray<UInt8> { blob.array(of: UInt8.self) }
    public var offsets: ContiguousArray<Int32> { starts.array(of: Int32.self) }

    /// Bytes in the blob, without reading it.
    public var byteCount: Int { blob.count }

    /// Reads every block now (for loading a snapshot whole).
    public func readAll() {
        blob.ensureAll()
        starts.ensureAll()
        slots?.ensureAll()
    }

    /// Bytes the pool occupies in a snapshot: blob, offsets and look-up table.
    public var storedBytes: Int { blob.count + starts.count + (slots?.count ?? 0) }

    /// Whether the offsets start at 0, never decrease and end at the blob's end.
    /// - Complexity: O(count); reads every offset block.
    public func offsetsAreOrdered() -> Bool {
        guard starts.count >= 4, starts.int32(0) == 0, Int(starts.int32(count)) == blob.count else { return false }
        var previous: Int32 = 0
        for i in 1...count {
            let o = starts.int32(i)
            if o < previous { return false }
            previous = o
        }
        return true
    }

    /// Whether every slot of the saved look-up table is empty (-1) or a string id.
    public func slotsAreInRange() -> Bool {
        guard let slots else { return true }
        for i in 0..<slotCount {
            let id = slots.int32(i)
            if id < -1 || Int(id) >= count { return false }
        }
        return true
    }

    /// The look-up table, built now if it was not loaded (for saving it with the pool).
    public var hashSlots: ContiguousArray<Int32> {
        if slots == nil { buildSlots() }
        return slots?.array(of: Int32.self) ?? []
    }

    func lookup(_ text: String) -> Int32? {
        if count == 0 { return nil }
        if slots == nil { buildSlots() }
        guard let table = slots else { return nil }
        var text = text
        return text.withUTF8 { key -> Int32? in
            let mask = slotCount - 1
            var h = Int(truncatingIfNeeded: PoolBase.hash(key)) & mask
            for _ in 0..<slotCount {
                let id = table.int32(h)
                if id < 0 || Int(id) >= count { return nil }
                if withBytes(Int(id), { $0.elementsEqual(key) }) { return id }
                h = (h + 1) & mask
            }
            return nil
        }
    }

    /// The pool is deduplicated, so each string just takes the first free slot.
    /// - Complexity: O(bytes + count), one pass with no allocation but the table.
    private func buildSlots() {
        var size = 16
        while size < count * 2 { size <<= 1 }
        var table = ContiguousArray<Int32>(repeating: -1, count: size)
        let mask = size - 1
        table.withUnsafeMutableBufferPointer { t in
            for i in 0..<count {
                let key = span(i).bindMemory(to: UInt8.self)
                var h = Int(truncatingIfNeeded: PoolBase.hash(key)) & mask
                while t[h] >= 0 { h = (h + 1) & mask }
                t[h] = Int32(i)
            }
        }
        slots = PagedBytes(copying: table)
        slotCount = size
    }

    /// FNV-1a: fast on short keys, and names are short.
    static func hash(_ bytes: UnsafeBufferPointer<UInt8>) -> UInt64 {
        var h: UInt64 = 0xcbf2_9ce4_8422_2325
        for b in bytes {
            h ^= UInt64(b)
            h = h &* 0x100_0000_01b3
        }
        return h
    }
}
