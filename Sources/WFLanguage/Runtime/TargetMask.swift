import WFStore

/// A set of rows of one kind as one bit per row.
struct TargetMask {
    private var bits: ContiguousArray<UInt64>
    var bytes: Int { bits.count * 8 }

    init(_ rows: ContiguousArray<Int32>, targets: Int) {
        bits = ContiguousArray(repeating: 0, count: (targets + 63) / 64)
        for r in rows where r >= 0 && Int(r) < targets { bits[Int(r) >> 6] |= 1 << UInt64(r & 63) }
    }

    /// False for rows outside the kind's table, null among them.
    @inline(__always) func contains(_ row: Int32) -> Bool {
        let word = Int(UInt32(bitPattern: row) >> 6)
        return word < bits.count && bits[word] & (1 << UInt64(row & 63)) != 0
    }
}
