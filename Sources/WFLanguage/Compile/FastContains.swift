import WFStore

/// `"芳" in .name` over a set, on the cells: each distinct string among the rows is tested
/// once, in the order the pool stores them, and each row then reads its string's answer. Plain
/// text (below) is searched in the pool's bytes without being decoded. The general path decoded
/// every row's name and searched it through Foundation: 680 ns a person at province scale.
/// Testing each row's string as it came missed the cache twice per string (its offset, then its
/// bytes: a person's name sits among 4.7 M pooled strings): 165 ns a person. In pool order
/// the offsets and bytes are read forwards.
///
/// The bytes give Swift's answer only where Swift would compare those bytes: text that
/// normalisation leaves alone and whose scalars are each a character (`TextOrder.isStable`, less
/// the carriage return, which joins a following line feed into one character). Any other string
/// is decoded and asked as the general path asks it (`Compiler.textContains`).
final class TextContainsTest {
    private let column: Column
    private let pool: StringPool
    private let needle: String
    private let needleBytes: [UInt8]
    /// Whether the needle is plain, so that plain strings may be searched in their bytes.
    private let plain: Bool
    /// The answers by string, for a set of `PoolMatches.fromRows` rows or more; a smaller one
    /// tests each row's string as it comes (the bit sets cost a pass over the pool's size).
    private let matches: PoolMatches?

    /// `text in field` as a column condition; nil for the empty text, which the general path
    /// answers as Swift does.
    static func predicate(_ field: FieldID, _ text: String) -> RowPredicate? {
        text.isEmpty ? nil : .contains(field, text)
    }

    /// - Parameters:
    ///   - rows: how many rows will be tested (0 when not known: a test bound per row).
    ///   - known: the answers found so far for this pool and text (a filter run a block at a
    ///     time keeps them from block to block), reused when they match.
    init(_ store: Store, _ field: FieldID, _ needle: String, rows: Int, known: PoolMatches? = nil) {
        column = store.column(field)
        pool = store.strings
        self.needle = needle
        needleBytes = Array(needle.utf8)
        plain = TextContainsTest.isPlain(needleBytes)
        if let known, known.base === pool.base, known.needle == needle {
            matches = known
        } else if rows >= PoolMatches.fromRows {
            matches = PoolMatches(pool.base, needle)
        } else {
            matches = nil
        }
    }

    /// The answers, for the next block to reuse.
    var poolMatches: PoolMatches? { matches }

    /// Tests, in pool order, the strings of `rows` not tested yet: afterwards `holds` reads
    /// their answers.
    func prepare(_ rows: BlockInput) {
        guard let matches else { return }
        switch rows {
        case .range(let r):
            for i in r { matches.want(column[Int32(truncatingIfNeeded: i)]) }
        case .rows(let ids):
            for row in ids { matches.want(column[row]) }
        }
        matches.settle()
    }

    /// Whether row `row`'s text contains the needle; a null cell does not.
    func holds(_ row: Int32) -> Bool {
        let id = column[row]
        guard id >= 0 else { return false }
        if Int(id) < pool.base.count {
            if let matches { return matches.contains(id) }
            if plain, let answer = TextContainsTest.search(pool.base.utf8(Int(id)), needleBytes) { return answer }
        }
        return Compiler.textContains(pool.string(id), needle)
    }

    /// Whether `needle` occurs in `text` byte for byte; nil when `text` is not plain (or the
    /// needle holds a carriage return), and Swift must answer. The caller checks that the
    /// needle is plain (`isPlain`). Both are valid UTF-8, so a match starts on a scalar.
    static func search(_ text: UnsafeBufferPointer<UInt8>, _ needle: [UInt8]) -> Bool? {
        guard TextOrder.isStable(text), !needle.contains(0x0D) else { return nil }
        let n = needle.count, count = text.count
        var found = n == 0
        var i = 0
        while i < count {
            let b = text[i]
            // A carriage return may join the next line feed into one character.
            if b == 0x0D { return nil }
            if !found && b == needle[0] && i + n <= count {
                var j = 1
                while j < n && text[i + j] == needle[j] { j += 1 }
                found = j == n
            }
            i += 1
        }
        return found
    }

    /// Whether a text's bytes give Swift's answer (see above).
    static func isPlain(_ bytes: [UInt8]) -> Bool {
        bytes.withUnsafeBufferPointer { search($0, []) } != nil
    }
}

/// Which base strings of a pool contain a text, for those tested so far: one bit each for
/// tested and found, and one for wanted (met among the rows, not tested yet).
final class PoolMatches {
    let base: PoolBase
    let needle: String
    private let needleBytes: [UInt8]
    /// Whether the needle is plain, so that plain strings may be searched in their bytes.
    private let plain: Bool
    private var tested: [UInt64]
    private var found: [UInt64]
    private var wanted: [UInt64]
    /// The words of `wanted` with a bit set lie in `lowWanted...highWanted` (none when low > high).
    private var lowWanted = Int.max, highWanted = -1

    /// Sets of at least this many rows keep answers by string: below it, the bit sets over the
    /// whole pool (4.7 M strings at province scale) cost more than testing the rows.
    static let fromRows = 4_096

    init(_ base: PoolBase, _ needle: String) {
        self.base = base
        self.needle = needle
        needleBytes = Array(needle.utf8)
        plain = TextContainsTest.isPlain(needleBytes)
        let words = (base.count + 63) / 64
        tested = Array(repeating: 0, count: words)
        found = tested
        wanted = tested
    }

    /// Marks base string `id` to be tested by the next `settle`; any other id (null, or a string
    /// added after the base, past its offsets) is ignored.
    @inline(__always) func want(_ id: Int32) {
        guard UInt32(bitPattern: id) < UInt32(base.count) else { return }
        let word = Int(id) >> 6, bit = UInt64(1) << UInt64(id & 63)
        if tested[word] & bit == 0 {
            wanted[word] |= bit
            lowWanted = Swift.min(lowWanted, word)
            highWanted = Swift.max(highWanted, word)
        }
    }

    /// Tests every wanted string, in ascending id order.
    func settle() {
        guard lowWanted <= highWanted else { return }
        let words = lowWanted...highWanted
        (lowWanted, highWanted) = (Int.max, -1)
        for word in words where wanted[word] != 0 {
            var bits = wanted[word]
            wanted[word] = 0
            while bits != 0 {
                test(word << 6 | bits.trailingZeroBitCount)
                bits &= bits - 1
            }
        }
    }

    private func test(_ i: Int) {
        let answer = plain ? TextContainsTest.search(base.utf8(i), needleBytes) : nil
        if answer ?? Compiler.textContains(base.string(i), needle) { found[i >> 6] |= 1 << UInt64(i & 63) }
        tested[i >> 6] |= 1 << UInt64(i & 63)
    }

    /// Whether base string `id` (below the base's count) contains the text, testing it now if
    /// it was not.
    func contains(_ id: Int32) -> Bool {
        let word = Int(id) >> 6, bit = UInt64(1) << UInt64(id & 63)
        if tested[word] & bit == 0 { test(Int(id)) }
        return found[word] & bit != 0
    }
}
