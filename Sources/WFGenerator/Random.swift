import WFStore

/// The generator's only source of randomness: xoshiro256** seeded through SplitMix64.
///
/// Hand-written rather than the standard library's `SystemRandomNumberGenerator`, which cannot be
/// seeded: a seed and a scale must give the same network, byte for byte, on every machine and
/// every run. Both algorithms are public-domain designs by Vigna et al.; this is a fresh rendering.
struct RandomSource {
    private var s0: UInt64, s1: UInt64, s2: UInt64, s3: UInt64

    /// Expands a 64-bit seed into the 256-bit state with SplitMix64, as the xoshiro authors advise,
    /// so that nearby seeds (1, 2, 3) give unrelated streams.
    init(seed: UInt64) {
        var x = seed
        func splitmix() -> UInt64 {
            x &+= 0x9E37_79B9_7F4A_7C15
            var z = x
            z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
            z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
            return z ^ (z >> 31)
        }
        s0 = splitmix(); s1 = splitmix(); s2 = splitmix(); s3 = splitmix()
    }

    /// - Complexity: O(1), a handful of shifts and multiplies.
    @inline(__always)
    mutating func next() -> UInt64 {
        let result = ((s1 &* 5) << 7 | (s1 &* 5) >> 57) &* 9
        let t = s1 << 17
        s2 ^= s0
        s3 ^= s1
        s1 ^= s2
        s0 ^= s3
        s2 ^= t
        s3 = s3 << 45 | s3 >> 19
        return result
    }

    /// A number in `0..<n` (0 when `n <= 0`). Uses the high half of a 128-bit product (Lemire)
    /// without the rejection step: the bias is below 2^-32 for every `n` the generator uses.
    @inline(__always)
    mutating func below(_ n: Int) -> Int {
        guard n > 0 else { return 0 }
        return Int(truncatingIfNeeded: next().multipliedFullWidth(by: UInt64(n)).high)
    }

    /// A number in `range`, both ends included.
    @inline(__always)
    mutating func int(_ range: ClosedRange<Int>) -> Int {
        range.lowerBound + below(range.upperBound - range.lowerBound + 1)
    }

    /// A uniform number in `[0, 1)` with 53 random bits.
    @inline(__always)
    mutating func unit() -> Double { Double(next() >> 11) * 0x1p-53 }

    /// A uniform number in `range`.
    mutating func double(_ range: ClosedRange<Double>) -> Double {
        range.lowerBound + unit() * (range.upperBound - range.lowerBound)
    }

    /// True with probability `p`.
    @inline(__always)
    mutating func chance(_ p: Double) -> Bool { unit() < p }

    /// An element of a non-empty constant list.
    @inline(__always)
    mutating func pick<T>(_ list: [T]) -> T { list[below(list.count)] }

    /// Shuffles in place (Fisher–Yates), from this stream so that the order is reproducible.
    mutating func shuffle<T>(_ list: inout [T]) {
        var i = list.count - 1
        while i > 0 {
            list.swapAt(i, below(i + 1))
            i -= 1
        }
    }
}

/// Draws indexes with given integer weights in O(1), by Walker's alias method (Vose's
/// construction): one uniform column pick and one biased coin. The generator draws a weighted
/// choice for almost every cell it writes (surnames, given names, categories, channels), and a
/// binary search over running totals showed up at the top of the profile.
/// - Complexity: O(1) per draw, O(n) to build.
struct WeightedTable {
    /// Per column: the threshold below which the column itself is chosen (out of 2^32), and the
    /// alias chosen otherwise.
    private let thresholds: [UInt64]
    private let aliases: [Int]

    init(_ weights: [Int]) {
        let n = max(1, weights.count)
        let total = weights.reduce(0) { $0 + max(0, $1) }
        guard total > 0 else {
            thresholds = [UInt64](repeating: 1 << 32, count: n)
            aliases = Array(0..<n)
            return
        }
        // Scaled weights: column i holds weight * n / total, in units of 2^-32.
        var scaled = weights.map { (UInt64(max(0, $0)) * (UInt64(n) << 32)) / UInt64(total) }
        var thresholds = [UInt64](repeating: 1 << 32, count: n)
        var aliases = Array(0..<n)
        var small: [Int] = [], large: [Int] = []
        for i in 0..<n { if scaled[i] < 1 << 32 { small.append(i) } else { large.append(i) } }
        while let s = small.popLast(), let l = large.last {
            thresholds[s] = scaled[s]
            aliases[s] = l
            scaled[l] -= (1 << 32) - scaled[s]
            if scaled[l] < 1 << 32 {
                large.removeLast()
                small.append(l)
            }
        }
        // Leftovers (rounding) keep their own column.
        self.thresholds = thresholds
        self.aliases = aliases
    }

    /// Weights over the codes of a vocabulary, given by code: `draw` then returns a code.
    init(codes type: EnumType, _ weights: [(Int32, Int)]) {
        var dense = [Int](repeating: 0, count: type.labels.count)
        for (code, w) in weights where code >= 0 && Int(code) < dense.count { dense[Int(code)] = w }
        self.init(dense)
    }

    /// An index drawn with probability proportional to its weight.
    @inline(__always)
    func draw(_ rng: inout RandomSource) -> Int {
        let r = rng.next()
        let column = Int(truncatingIfNeeded: ((r >> 32) &* UInt64(thresholds.count)) >> 32)
        return (r & 0xFFFF_FFFF) < thresholds[column] ? column : aliases[column]
    }
}
