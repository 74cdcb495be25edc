/// Buffers a column pass reuses from call to call: `.positions | where … | count` runs once per
/// township, and an array per call cost more than the loop over a dozen rows. Each buffer only
/// grows. A pass uses a buffer between two points where no user code runs, so nested passes
/// (a count inside a `select` inside a group) never see each other's contents.
final class Scratch {
    enum Slot: Int, CaseIterable {
        /// Selected row ids (`ColumnGroup.forEachBlock`).
        case selection
        /// Cells gathered from a column (`Compiler.distinctCells`, `Compiler.fieldValues`).
        case cells
    }

    private var buffers: [UnsafeMutablePointer<Int32>?] = Array(repeating: nil, count: Slot.allCases.count)
    private var capacities: [Int] = Array(repeating: 0, count: Slot.allCases.count)
    private var bits: UnsafeMutablePointer<UInt64>?
    private var bitCapacity = 0

    deinit {
        for b in buffers { b?.deallocate() }
        bits?.deallocate()
    }

    /// A buffer of at least `count` ids for `slot`; its contents are undefined.
    /// - Complexity: O(1), or O(count) when it grows (to twice the request, against regrowing).
    func int32(_ slot: Slot, _ count: Int) -> UnsafeMutablePointer<Int32> {
        let i = slot.rawValue
        if let b = buffers[i], capacities[i] >= count { return b }
        buffers[i]?.deallocate()
        let capacity = Swift.max(count * 2, 64)
        let b = UnsafeMutablePointer<Int32>.allocate(capacity: capacity)
        buffers[i] = b
        capacities[i] = capacity
        return b
    }

    /// `words` 64-bit words, all zero. The caller must leave them zero when done (clearing the
    /// words it set), so that a pass costs what it touched, not the buffer's size.
    /// - Complexity: O(1), or O(words) when it grows.
    func zeroedWords(_ words: Int) -> UnsafeMutablePointer<UInt64> {
        if let b = bits, bitCapacity >= words { return b }
        bits?.deallocate()
        let capacity = Swift.max(words * 2, 64)
        let b = UnsafeMutablePointer<UInt64>.allocate(capacity: capacity)
        b.initialize(repeating: 0, count: capacity)
        bits = b
        bitCapacity = capacity
        return b
    }
}
