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

/// The base of a `StringPool`: a byte blob and `count + 1` offsets into it.
public final class PoolBase {
    public let bytes: ContiguousArray<UInt8>
    public let offsets: ContiguousArray<Int32>
    /// Open-addressing table of ids, probed linearly, at least twice the string count and a
    /// power of two; -1 marks an empty slot. Hand-written because a `[String: Int32]` over
    /// millions of names would materialise every string and cost several times the blob's size;
    /// this costs 8 bytes per string and no allocation per entry. Snapshots store it, so a look-up
    /// right after loading costs no build.
    private var slots: ContiguousArray<Int32>?

    /// - Precondition: offsets are non-decreasing, start at 0 and end at `bytes.count`
    ///   (the snapshot loader checks this before calling). `slots`, when given, holds only -1 or
    ///   ids below the count (also checked by the loader); a wrong table can only make a
    ///   look-up miss, since every hit is compared byte for byte.
    public init(bytes: ContiguousArray<UInt8>, offsets: ContiguousArray<Int32>, slots: ContiguousArray<Int32>? = nil) {
        self.bytes = bytes
        self.offsets = offsets
        if let slots, slots.count >= 2 * (offsets.count - 1), slots.count.nonzeroBitCount == 1 { self.slots = slots }
    }

    public var count: Int { offsets.count - 1 }

    public func string(_ i: Int) -> String {
        let start = Int(offsets[i]), end = Int(offsets[i + 1])
        return bytes.withUnsafeBufferPointer { buf in
            String(decoding: UnsafeBufferPointer(rebasing: buf[start..<end]), as: UTF8.self)
        }
    }

    /// Calls `body` with the UTF-8 bytes of string `i`, without copying.
    public func withBytes<R>(_ i: Int, _ body: (UnsafeBufferPointer<UInt8>) -> R) -> R {
        let start = Int(offsets[i]), end = Int(offsets[i + 1])
        return bytes.withUnsafeBufferPointer { buf in body(UnsafeBufferPointer(rebasing: buf[start..<end])) }
    }

    /// The look-up table, built now if it was not loaded (for saving it with the pool).
    public var hashSlots: ContiguousArray<Int32> {
        if let slots { return slots }
        let built = buildSlots()
        slots = built
        return built
    }

    func lookup(_ text: String) -> Int32? {
        if count == 0 { return nil }
        let slots = hashSlots
        var text = text
        return text.withUTF8 { key -> Int32? in
            let mask = slots.count - 1
            var h = Int(truncatingIfNeeded: PoolBase.hash(key)) & mask
            for _ in 0..<slots.count {
                let id = slots[h]
                if id < 0 || Int(id) >= count { return nil }
                if withBytes(Int(id), { $0.elementsEqual(key) }) { return id }
                h = (h + 1) & mask
            }
            return nil
        }
    }

    /// The pool is deduplicated, so each string just takes the first free slot.
    /// - Complexity: O(bytes + count), one pass with no allocation but the table.
    private func buildSlots() -> ContiguousArray<Int32> {
        var size = 16
        while size < count * 2 { size <<= 1 }
        var table = ContiguousArray<Int32>(repeating: -1, count: size)
        let mask = size - 1
        bytes.withUnsafeBufferPointer { blob in
            offsets.withUnsafeBufferPointer { off in
                table.withUnsafeMutableBufferPointer { t in
                    for i in 0..<(off.count - 1) {
                        let key = UnsafeBufferPointer(rebasing: blob[Int(off[i])..<Int(off[i + 1])])
                        var h = Int(truncatingIfNeeded: PoolBase.hash(key)) & mask
                        while t[h] >= 0 { h = (h + 1) & mask }
                        t[h] = Int32(i)
                    }
                }
            }
        }
        return table
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
