import WFStore

/// The rows a block-wise filter starts from: a range of ids or ids in memory the caller owns.
enum BlockInput {
    case range(Range<Int>)
    case rows(UnsafeBufferPointer<Int32>)

    var count: Int {
        switch self {
        case .range(let r): return r.count
        case .rows(let b): return b.count
        }
    }
}

/// The same selection, written into a buffer the caller reuses from block to block: a fused
/// pass (`ColumnGroup`) filters 64 K rows at a time without allocating, so the selection never
/// touches fresh pages. `and` narrows in place; `or` and `not` (which merge two selections)
/// build their arrays as `select` does and copy them in.
extension RowPredicate {
    /// Writes the rows of `input` for which the predicate holds to `out`, ascending, and returns
    /// how many. `out` must hold at least `input.count` ids; it may be `input`'s own memory.
    /// Unchanged columns are read through `Runtime.columns`, without copying the store or the
    /// column (a dozen reference counts each, which dominated a filter over a dozen rows).
    /// - Complexity: O(input) per comparison, no allocation for comparisons and `and`.
    func select(_ rt: Runtime, _ input: BlockInput, into out: UnsafeMutablePointer<Int32>) -> Int {
        switch self {
        case .compare(let f, let op, let c):
            if let cells = rt.columns.cells(rt, f) { return RowPredicate.scan(cells, op, c, input, into: out) }
            return RowPredicate.scan(rt.store.column(f), op, c, input, into: out)
        case .isNull(let f, let wantNull):
            if let cells = rt.columns.cells(rt, f) {
                return RowPredicate.scan(cells, wantNull ? .eq : .ne, nullCell, input, into: out, nullIsValue: true)
            }
            return RowPredicate.scan(rt.store.column(f), wantNull ? .eq : .ne, nullCell, input, into: out, nullIsValue: true)
        case .text(let f, let op, let s):
            if let id = rt.store.strings.lookup(s) { return RowPredicate.compare(f, op, id).select(rt, input, into: out) }
            return op == .ne ? RowPredicate.copy(input, into: out) : 0
        case .and(let a, let b):
            if input.count >= RowPredicate.rangesFromRows, let n = selectRanges(rt, input, into: out) { return n }
            let n = a.select(rt, input, into: out)
            return b.select(rt, .rows(UnsafeBufferPointer(start: out, count: n)), into: out)
        case .through(let edge, let target, let p):
            let test = ThroughTest(rt.store, edge, target, p)
            return RowPredicate.selectRows(input, into: out) { test.holds($0) }
        case .contains(let f, let text):
            // A filter run a block at a time keeps the strings' answers from block to block.
            let test = TextContainsTest(rt.store, f, text, rows: Swift.max(input.count, rt.rowCount(f.kind)), known: rt.poolMatches[text])
            if let made = test.poolMatches { rt.poolMatches[text] = made }
            test.prepare(input)
            return RowPredicate.selectRows(input, into: out) { test.holds($0) }
        case .or, .not:
            let selection: Selection
            switch input {
            case .range(let r): selection = .range(r)
            case .rows(let b): selection = .rows(ContiguousArray(b))
            }
            let rows = select(rt.store, selection)
            rows.withUnsafeBufferPointer { src in
                for i in src.indices { out[i] = src[i] }
            }
            return rows.count
        }
    }

    /// Inputs below this many rows narrow once per comparison: making the ranges costs more
    /// than the second narrowing.
    static let rangesFromRows = 512

    /// A conjunction of comparisons (`ColumnGroup.ranges`) in two loops: the first range picks
    /// rows from `input`, and the others are tested together on those, one range test per
    /// column (`.date > a and .date <= b` is one). Narrowing once per comparison wrote the
    /// selection once per comparison: q4's year of ledger at nation scale, 33 M rows, took
    /// 59 ms that way. Nil when the condition is not such a conjunction or a column has changed.
    private func selectRanges(_ rt: Runtime, _ input: BlockInput, into out: UnsafeMutablePointer<Int32>) -> Int? {
        guard let ranges = ColumnGroup.ranges(self, atMost: 4), !ranges.isEmpty else { return nil }
        var tests: [CellRangeTest] = []
        for r in ranges {
            guard let cells = rt.columns.cells(rt, r.field) else { return nil }
            guard r.lo <= r.hi else { return 0 }
            tests.append(CellRangeTest(cells: cells, range: r))
        }
        let first = tests[0]
        let k = RowPredicate.scan(first.cells, input, into: out) { first.holds($0) }
        return CellRangeTest.narrow(out, k, by: tests.dropFirst())
    }

    /// 1 for true, 0 for false, as an addition rather than a branch: the optimiser turns
    /// `b ? 1 : 0` back into a jump, which mispredicts half the time on a 50/50 condition.
    @inline(__always) static func one(_ b: Bool) -> Int { Int(unsafeBitCast(b, to: UInt8.self)) }

    /// The rows of `input` passing `holds` (a test that reads more than one column's cells),
    /// written to `out` (which may be `input`'s own memory); returns how many.
    @inline(__always) static func selectRows(_ input: BlockInput, into out: UnsafeMutablePointer<Int32>, _ holds: (Int32) -> Bool) -> Int {
        var k = 0
        switch input {
        case .range(let r):
            for i in r {
                let row = Int32(truncatingIfNeeded: i)
                out[k] = row
                k &+= one(holds(row))
            }
        case .rows(let rows):
            for row in rows {
                out[k] = row
                k &+= one(holds(row))
            }
        }
        return k
    }

    /// Every row of `input`, copied to `out`.
    static func copy(_ input: BlockInput, into out: UnsafeMutablePointer<Int32>) -> Int {
        switch input {
        case .range(let r):
            for (k, i) in r.enumerated() { out[k] = Int32(truncatingIfNeeded: i) }
        case .rows(let b):
            for k in b.indices { out[k] = b[k] }
        }
        return input.count
    }

    /// One comparison over a column into `out`; null cells as in `scan(_:_:_:_:nullIsValue:)`.
    static func scan(_ column: Column, _ op: BinaryOp, _ c: Int32, _ input: BlockInput,
                     into out: UnsafeMutablePointer<Int32>, nullIsValue: Bool = false) -> Int {
        let nullFails = !nullIsValue
        switch op {
        case .eq: return scan(column, input, into: out) { $0 == c }
        case .ne: return scan(column, input, into: out) { $0 != c }
        case .lt: return scan(column, input, into: out) { $0 < c && !(nullFails && $0 == nullCell) }
        case .le: return scan(column, input, into: out) { $0 <= c && !(nullFails && $0 == nullCell) }
        case .gt: return scan(column, input, into: out) { $0 > c && !(nullFails && $0 == nullCell) }
        default: return scan(column, input, into: out) { $0 >= c && !(nullFails && $0 == nullCell) }
        }
    }

    /// One comparison over an unchanged column's cells into `out`.
    static func scan(_ cells: UnsafeBufferPointer<Int32>, _ op: BinaryOp, _ c: Int32, _ input: BlockInput,
                     into out: UnsafeMutablePointer<Int32>, nullIsValue: Bool = false) -> Int {
        let nullFails = !nullIsValue
        switch op {
        case .eq: return scan(cells, input, into: out) { $0 == c }
        case .ne: return scan(cells, input, into: out) { $0 != c }
        case .lt: return scan(cells, input, into: out) { $0 < c && !(nullFails && $0 == nullCell) }
        case .le: return scan(cells, input, into: out) { $0 <= c && !(nullFails && $0 == nullCell) }
        case .gt: return scan(cells, input, into: out) { $0 > c && !(nullFails && $0 == nullCell) }
        default: return scan(cells, input, into: out) { $0 >= c && !(nullFails && $0 == nullCell) }
        }
    }

    /// The branch-free loop over cells in memory; ids past the cells read as null.
    @inline(__always) static func scan(_ cells: UnsafeBufferPointer<Int32>, _ input: BlockInput, into out: UnsafeMutablePointer<Int32>,
                                       _ keep: (Int32) -> Bool) -> Int {
        var k = 0
        switch input {
        case .range(let range):
            if range.upperBound <= cells.count {
                for i in range {
                    out[k] = Int32(truncatingIfNeeded: i)
                    k &+= RowPredicate.one(keep(cells[i]))
                }
            } else {
                for i in range where keep(i < cells.count ? cells[i] : nullCell) {
                    out[k] = Int32(truncatingIfNeeded: i)
                    k &+= 1
                }
            }
        case .rows(let rows):
            let n = cells.count
            for r in rows {
                out[k] = r
                let v = r >= 0 && Int(r) < n ? cells[Int(r)] : nullCell
                k &+= RowPredicate.one(keep(v))
            }
        }
        return k
    }

    /// The loop for one operator: every id is written and the write position advances only when
    /// the row is kept, so there is no branch to mispredict on a 50/50 condition.
    @inline(__always) static func scan(_ column: Column, _ input: BlockInput, into out: UnsafeMutablePointer<Int32>,
                                       _ keep: (Int32) -> Bool) -> Int {
        let fast = column.isPristine && column.tail.isEmpty
        let base = column.base
        var k = 0
        switch input {
        case .range(let range):
            if fast && range.upperBound <= base.count {
                base.withUnsafeBufferPointer { cells in
                    var j = 0
                    for i in range {
                        out[j] = Int32(truncatingIfNeeded: i)
                        j &+= RowPredicate.one(keep(cells[i]))
                    }
                    k = j
                }
            } else {
                for i in range where keep(column[Int32(truncatingIfNeeded: i)]) {
                    out[k] = Int32(truncatingIfNeeded: i)
                    k &+= 1
                }
            }
        case .rows(let rows):
            if fast {
                base.withUnsafeBufferPointer { cells in
                    var j = 0
                    for r in rows {
                        out[j] = r
                        j &+= RowPredicate.one(keep(cells[Int(r)]))
                    }
                    k = j
                }
            } else {
                for r in rows where keep(column[r]) {
                    out[k] = r
                    k &+= 1
                }
            }
        }
        return k
    }
}

/// One range of a conjunction tested on a column's cells (`ColumnGroup.CellRange`), as both
/// filter paths' `selectRanges` test it.
struct CellRangeTest {
    let cells: UnsafeBufferPointer<Int32>
    let lo: Int32
    let width: UInt32

    init(cells: UnsafeBufferPointer<Int32>, range: ColumnGroup.CellRange) {
        self.cells = cells
        lo = range.lo
        width = UInt32(bitPattern: range.hi &- range.lo)
    }

    /// Whether `cell` lies in the range (null, `Int32.min`, never does: ranges start above it).
    @inline(__always) func holds(_ cell: Int32) -> Bool { UInt32(bitPattern: cell &- lo) <= width }

    /// 1 when row `row`'s cell lies in the range; a row past the column's end reads as null.
    @inline(__always) func passes(_ row: Int32) -> Int {
        RowPredicate.one(holds(row >= 0 && Int(row) < cells.count ? cells[Int(row)] : nullCell))
    }

    /// Keeps, in place and in order, the first `count` ids of `ids` that pass every test;
    /// returns how many.
    static func narrow(_ ids: UnsafeMutablePointer<Int32>, _ count: Int, by tests: ArraySlice<CellRangeTest>) -> Int {
        guard !tests.isEmpty else { return count }
        var kept = 0
        for j in 0..<count {
            let r = ids[j]
            ids[kept] = r
            var all = 1
            for t in tests { all &= t.passes(r) }
            kept &+= all
        }
        return kept
    }
}
