/// A sort's keys as doubles, when every key value is a number (or every one a date) or null: the comparator then
/// compares machine numbers where `Value.sortOrder` switched over two values per key. Ordering
/// 662,000 villages by a computed share for the twenty lowest (q4) compared each against the
/// heap's top once, and those comparisons were a tenth of the question.
///
/// The order is `Value.sortOrder`'s exactly: integers and decimals compare as doubles (as
/// `Value.compare` does between them), so an integer beyond 2^53, which a double cannot hold
/// exactly, or a decimal that is not a number, leaves the sort to the general comparator. A key
/// whose values are all dates (or null) compares their day numbers; a key mixing dates with
/// numbers is left to the general comparator too (it orders them by type name).
struct NumericSortKeys {
    /// Item `a`'s keys are `numbers[a * width ..< (a + 1) * width]`; a null key is 0 here and
    /// true in `nulls`.
    private let numbers: [Double]
    private let nulls: [Bool]
    private let width: Int

    /// The keys of `items` items, `width` each, read through `value(item, key)`; nil when one is
    /// neither a number nor null, or cannot be compared as a double.
    init?(items: Int, width: Int, _ value: (Int, Int) -> Value) {
        var numbers: [Double] = [], nulls: [Bool] = []
        numbers.reserveCapacity(items &* width)
        nulls.reserveCapacity(items &* width)
        // Per key: whether a number, a date, or neither yet was seen.
        var seenNumber = [Bool](repeating: false, count: width), seenDate = seenNumber
        for a in 0..<items {
            for k in 0..<width {
                switch value(a, k) {
                case .int(let i):
                    guard i.magnitude <= 1 << 53, !seenDate[k] else { return nil }
                    seenNumber[k] = true
                    numbers.append(Double(i))
                    nulls.append(false)
                case .decimal(let d):
                    guard !d.isNaN, !seenDate[k] else { return nil }
                    seenNumber[k] = true
                    numbers.append(d)
                    nulls.append(false)
                case .date(let day):
                    guard !seenNumber[k] else { return nil }
                    seenDate[k] = true
                    numbers.append(Double(day.raw))
                    nulls.append(false)
                case .null:
                    numbers.append(0)
                    nulls.append(true)
                default:
                    return nil
                }
            }
        }
        self.numbers = numbers
        self.nulls = nulls
        self.width = width
    }

    /// Whether item `a` comes before item `b`: key by key, nulls last whichever the direction,
    /// a descending key reversed; equal keys keep the items' order.
    @inline(__always) func before(_ a: Int, _ b: Int, descending: [Bool]) -> Bool {
        var i = a &* width, j = b &* width
        for k in 0..<width {
            let aNull = nulls[i], bNull = nulls[j]
            if aNull != bNull { return bNull }
            if !aNull {
                let p = numbers[i], q = numbers[j]
                if p != q { return descending[k] ? p > q : p < q }
            }
            i &+= 1
            j &+= 1
        }
        return a < b
    }
}
