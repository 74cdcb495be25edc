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

/// Draws indexes with given integer weights, by binary search over the running totals.
/// - Complexity: O(log n) per draw, O(n) to build.
struct WeightedTable {
    private let totals: [UInt64]

    init(_ weights: [Int]) {
        var running: UInt64 = 0
        totals = weights.map { w in
            running += UInt64(max(0, w))
            return running
        }
    }

    /// Weights over the codes of a vocabulary, given by code: `draw` then returns a code.
    init(codes type: EnumType, _ weights: [(Int32, Int)]) {
        var dense = [Int](repeating: 0, count: type.labels.count)
        for (code, w) in weights where code >= 0 && Int(code) < dense.count { dense[Int(code)] = w }
        self.init(dense)
    }

    /// An index drawn with probability proportional to its weight.
    func draw(_ rng: inout RandomSource) -> Int {
        guard let total = totals.last, total > 0 else { return 0 }
        let r = next(below: total, &rng)
        var lo = 0, hi = totals.count - 1
        while lo < hi {
            let mid = (lo + hi) / 2
            if totals[mid] > r { hi = mid } else { lo = mid + 1 }
        }
        return lo
    }

    private func next(below total: UInt64, _ rng: inout RandomSource) -> UInt64 {
        rng.next().multipliedFullWidth(by: total).high
    }
}
