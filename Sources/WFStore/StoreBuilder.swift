/// Builds a store's base columns row by row: what the generator and the CSV importer use.
/// Appending to plain arrays here is several times faster than going through the overlay.
public struct StoreBuilder {
    public var meta = Meta()
    var columns: [[ContiguousArray<Int32>]]
    var bytes = ContiguousArray<UInt8>()
    var offsets = ContiguousArray<Int32>([0])
    /// Open-addressing table of string ids keyed by their UTF-8 bytes (-1 empty), kept at most
    /// half full. Not a `[String: Int32]`: hashing a `String` normalises Unicode, which made
    /// interning Chinese names almost half of generation time.
    var slots = ContiguousArray<Int32>(repeating: -1, count: 1024)

    public init() {
        columns = Kind.allCases.map { k in k.fields.map { _ in ContiguousArray<Int32>() } }
    }

    public func count(_ kind: Kind) -> Int { columns[kind.rawValue][0].count }

    /// - Complexity: O(length) amortised.
    public mutating func intern(_ text: String) -> Int32 {
        var text = text
        return text.withUTF8 { intern(bytes: $0) }
    }

    /// Interns UTF-8 bytes (assumed valid).
    public mutating func intern(bytes key: UnsafeBufferPointer<UInt8>) -> Int32 {
        var mask = slots.count - 1
        var h = Int(truncatingIfNeeded: PoolBase.hash(key)) & mask
        while true {
            let id = slots[h]
            if id < 0 { break }
            let start = Int(offsets[Int(id)]), end = Int(offsets[Int(id) + 1])
            if end - start == key.count && bytes.withUnsafeBufferPointer({ b in
                memcmpEqual(b.baseAddress.map { $0 + start }, key.baseAddress, key.count)
            }) { return id }
            h = (h + 1) & mask
        }
        let id = Int32(offsets.count - 1)
        bytes.append(contentsOf: key)
        offsets.append(Int32(truncatingIfNeeded: bytes.count))
        slots[h] = id
        if Int(id + 1) * 2 > slots.count {
            // Grow and reinsert: ids are unique, so each takes the first free slot.
            var grown = ContiguousArray<Int32>(repeating: -1, count: slots.count * 2)
            mask = grown.count - 1
            bytes.withUnsafeBufferPointer { blob in
                for i in 0...Int(id) {
                    let k = UnsafeBufferPointer(rebasing: blob[Int(offsets[i])..<Int(offsets[i + 1])])
                    var g = Int(truncatingIfNeeded: PoolBase.hash(k)) & mask
                    while grown[g] >= 0 { g = (g + 1) & mask }
                    grown[g] = Int32(i)
                }
            }
            slots = grown
        }
        return id
    }

    /// Reserves room for about `n` more strings of `averageLength` bytes.
    public mutating func reserveStrings(_ n: Int, averageLength: Int = 12) {
        bytes.reserveCapacity(bytes.count + n * averageLength)
        offsets.reserveCapacity(offsets.count + n)
    }

    /// Appends a row; `cells` must follow the kind's field order.
    @discardableResult
    public mutating func append(_ kind: Kind, _ cells: [Int32]) -> Int32 {
        precondition(cells.count == kind.fields.count, "\(kind.name): \(cells.count) cells for \(kind.fields.count) fields")
        let row = Int32(columns[kind.rawValue][0].count)
        for i in cells.indices { columns[kind.rawValue][i].append(cells[i]) }
        return row
    }

    public func cell(_ field: FieldID, _ row: Int32) -> Int32 { columns[field.kind.rawValue][field.index][Int(row)] }

    public mutating func set(_ field: FieldID, _ row: Int32, _ value: Int32) {
        columns[field.kind.rawValue][field.index][Int(row)] = value
    }

    public mutating func reserve(_ kind: Kind, _ n: Int) {
        for i in columns[kind.rawValue].indices { columns[kind.rawValue][i].reserveCapacity(n) }
    }

    public func build() -> Store {
        var size = 16
        while size < (offsets.count - 1) * 2 { size <<= 1 }
        // The table is already the pool's look-up table when its size is the one the pool uses.
        let pool = StringPool(base: PoolBase(bytes: bytes, offsets: offsets, slots: slots.count == size ? slots : nil))
        let tables = Kind.allCases.map { Table(kind: $0, columns: columns[$0.rawValue]) }
        return Store(meta: meta, strings: pool, tables: tables)
    }
}

@inline(__always) private func memcmpEqual(_ a: UnsafePointer<UInt8>?, _ b: UnsafePointer<UInt8>?, _ n: Int) -> Bool {
    guard n > 0 else { return true }
    guard let a, let b else { return false }
    for i in 0..<n where a[i] != b[i] { return false }
    return true
}
