/// Builds a store's base columns row by row: what the generator and the CSV importer use.
/// Appending to plain arrays here is several times faster than going through the overlay.
public struct StoreBuilder {
    public var meta = Meta()
    var columns: [[ContiguousArray<Int32>]]
    var bytes = ContiguousArray<UInt8>()
    var offsets = ContiguousArray<Int32>([0])
    var index: [String: Int32] = [:]

    public init() {
        columns = Kind.allCases.map { k in k.fields.map { _ in ContiguousArray<Int32>() } }
    }

    public func count(_ kind: Kind) -> Int { columns[kind.rawValue][0].count }

    /// - Complexity: O(length) amortised.
    public mutating func intern(_ text: String) -> Int32 {
        if let id = index[text] { return id }
        let id = Int32(offsets.count - 1)
        bytes.append(contentsOf: text.utf8)
        offsets.append(Int32(bytes.count))
        index[text] = id
        return id
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
        let pool = StringPool(base: PoolBase(bytes: bytes, offsets: offsets))
        let tables = Kind.allCases.map { Table(kind: $0, columns: columns[$0.rawValue]) }
        return Store(meta: meta, strings: pool, tables: tables)
    }
}
