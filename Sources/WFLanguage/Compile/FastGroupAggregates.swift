import WFStore

/// The running totals of one aggregate, per group.
struct AggregateState {
    let aggregate: ColumnGroup.Aggregate
    let column: Column?
    let test: ((Int32) -> Bool)?
    var sums: [Int64] = []
    var counts: [Int] = []
    var best: [Int32] = []

    init(_ aggregate: ColumnGroup.Aggregate, _ store: Store) {
        self.aggregate = aggregate
        switch aggregate {
        case .count: column = nil; test = nil
        case .sum(let f), .avg(let f), .min(let f), .max(let f): column = store.column(f); test = nil
        case .ratio(let p): column = nil; test = p.bind(store)
        }
    }

    /// Adds the rows `sel[i]` to groups `g[i]`; `groups` is the number of groups so far.
    /// - Complexity: O(block), one loop.
    mutating func add(_ sel: UnsafeBufferPointer<Int32>, _ g: UnsafeBufferPointer<Int32>, groups: Int) {
        if sums.count < groups { sums.append(contentsOf: repeatElement(0, count: groups - sums.count)) }
        if counts.count < groups { counts.append(contentsOf: repeatElement(0, count: groups - counts.count)) }
        switch aggregate {
        case .count:
            return
        case .sum, .avg:
            guard let column else { return }
            sums.withUnsafeMutableBufferPointer { sums in
                counts.withUnsafeMutableBufferPointer { counts in
                    ColumnGroup.forEachCell(column, sel) { i, c in
                        if c != nullCell { sums[Int(g[i])] &+= Int64(c); counts[Int(g[i])] &+= 1 }
                    }
                }
            }
        case .min, .max:
            guard let column else { return }
            if best.count < groups { best.append(contentsOf: repeatElement(nullCell, count: groups - best.count)) }
            let isMin: Bool = { if case .min = aggregate { return true } else { return false } }()
            best.withUnsafeMutableBufferPointer { best in
                ColumnGroup.forEachCell(column, sel) { i, c in
                    guard c != nullCell else { return }
                    let k = Int(g[i])
                    if best[k] == nullCell || (isMin ? c < best[k] : c > best[k]) { best[k] = c }
                }
            }
        case .ratio:
            guard let test else { return }
            counts.withUnsafeMutableBufferPointer { counts in
                for i in sel.indices where test(sel[i]) { counts[Int(g[i])] &+= 1 }
            }
        }
    }

    /// The aggregate's value for group `g` of `size` rows, as the general path computes it.
    func value(_ g: Int, size: Int, _ store: Store) -> Value {
        switch aggregate {
        case .count: return .int(Int64(size))
        case .sum: return .int(sums[g])
        case .avg: return counts[g] == 0 ? .null : .decimal(Double(sums[g]) / Double(counts[g]))
        case .min(let f), .max(let f): return Navigation.cellValue(store, f, best[g])
        case .ratio: return .decimal(Double(counts[g]) / Double(size))
        }
    }
}
