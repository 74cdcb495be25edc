import WFStore

/// A set of rows of one kind as one bit per row, each member also numbered by its rank among
/// the members (its slot), so that values kept for a few of a kind's rows take an array of the
/// members' size rather than of the kind's.
struct TargetMask {
    private var bits: ContiguousArray<UInt64>
    /// The members in the words before each word.
    private var before: ContiguousArray<Int32>
    /// How many rows are members: the slots are `0 ..< count`.
    let count: Int
    var bytes: Int { bits.count * 8 }

    init(_ rows: ContiguousArray<Int32>, targets: Int) {
        bits = ContiguousArray(repeating: 0, count: (targets + 63) / 64)
        for r in rows where r >= 0 && Int(r) < targets { bits[Int(r) >> 6] |= 1 << UInt64(r & 63) }
        before = ContiguousArray(repeating: 0, count: bits.count)
        var members = 0
        for w in bits.indices {
            before[w] = Int32(truncatingIfNeeded: members)
            members &+= bits[w].nonzeroBitCount
        }
        count = members
    }

    /// False for rows outside the kind's table, null among them.
    @inline(__always) func contains(_ row: Int32) -> Bool {
        let word = Int(UInt32(bitPattern: row) >> 6)
        return word < bits.count && bits[word] & (1 << UInt64(row & 63)) != 0
    }

    /// The member's rank among the members (ascending rows have ascending slots); `count` for a
    /// row that is not a member, so that one slot past the members takes every other row.
    @inline(__always) func slot(_ row: Int32) -> Int {
        let word = Int(UInt32(bitPattern: row) >> 6)
        guard word < bits.count else { return count }
        let bit: UInt64 = 1 << UInt64(row & 63)
        let w = bits[word]
        return w & bit == 0 ? count : Int(before[word]) &+ (w & (bit &- 1)).nonzeroBitCount
    }
}
