import WFStore

/// Group ids for key cells, in order of first appearance: a dense table indexed by the cell when
/// the keys seen so far span less than 64 K values (years, enumeration codes, nearby references),
/// a hash table beyond that. The dense table grows by doubling, so building it costs O(span).
/// A class over a raw buffer so that the per-row look-up pays no uniqueness or exclusivity check.
final class GroupIds {
    /// The key cell of each group.
    private(set) var keys: [Int32] = []
    /// Key `c` is at `dense[c - lo]` (-1 when not seen yet), for `0 <= c - lo < denseCount`.
    private var lo = 0
    private var dense: UnsafeMutablePointer<Int32>?
    private var denseCount = 0
    private var hashed: [Int32: Int32]?
    private var nullGroup: Int32 = -1
    static let denseSpan = 1 << 16

    var count: Int { keys.count }

    deinit { dense?.deallocate() }

    /// Writes the group of `cells[i]` to `out[i]` for each `i`, making new groups as keys appear.
    /// - Complexity: O(cells), amortised O(1) per cell.
    func assign(_ cells: UnsafeBufferPointer<Int32>, _ out: UnsafeMutableBufferPointer<Int32>) {
        var i = 0
        while i < cells.count {
            if let d = dense {
                let base = lo, span = UInt(denseCount)
                while i < cells.count {
                    let c = cells[i]
                    let j = Int(c) &- base
                    guard UInt(bitPattern: j) < span else { break }
                    var g = d[j]
                    if g < 0 {
                        g = Int32(truncatingIfNeeded: keys.count)
                        keys.append(c)
                        d[j] = g
                    }
                    out[i] = g
                    i &+= 1
                }
                if i == cells.count { return }
            }
            out[i] = slowGroup(of: cells[i])
            i &+= 1
        }
    }

    private func slowGroup(of c: Int32) -> Int32 {
        if c == nullCell {
            if nullGroup < 0 { nullGroup = Int32(keys.count); keys.append(c) }
            return nullGroup
        }
        if hashed == nil { widen(toCover: Int(c)) }
        if hashed == nil, let d = dense {
            let j = Int(c) - lo
            if d[j] < 0 { d[j] = Int32(keys.count); keys.append(c) }
            return d[j]
        }
        if let g = hashed?[c] { return g }
        let new = Int32(keys.count)
        keys.append(c)
        hashed?[c] = new
        return new
    }

    /// Makes the dense table cover `c` (never null), doubling its span, or switches to hashing
    /// when the span would pass `denseSpan`. The table never covers `nullCell` (`Int32.min`).
    private func widen(toCover c: Int) {
        let minKey = Int(Int32.min) + 1
        guard let old = dense else {
            lo = Swift.max(c - 64, minKey)
            denseCount = 256
            dense = .allocate(capacity: denseCount)
            dense?.initialize(repeating: -1, count: denseCount)
            return
        }
        let hi = lo + denseCount - 1
        let needLo = Swift.min(lo, c), needHi = Swift.max(hi, c)
        guard needHi - needLo < GroupIds.denseSpan else {
            var table: [Int32: Int32] = [:]
            for i in 0..<denseCount where old[i] >= 0 { table[Int32(truncatingIfNeeded: lo + i)] = old[i] }
            hashed = table
            old.deallocate()
            dense = nil
            denseCount = 0
            return
        }
        let span = Swift.min(GroupIds.denseSpan, Swift.max(2 * denseCount, needHi - needLo + 1))
        // Grow towards the side that needed it.
        let newLo = c < lo ? Swift.max(needHi - span + 1, minKey) : needLo
        let grown = UnsafeMutablePointer<Int32>.allocate(capacity: span)
        grown.initialize(repeating: -1, count: span)
        for i in 0..<denseCount where old[i] >= 0 { grown[lo + i - newLo] = old[i] }
        old.deallocate()
        lo = newLo
        dense = grown
        denseCount = span
    }
}
