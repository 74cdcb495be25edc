import WFStore

/// Column-at-a-time evaluation of a `RowPredicate`: each comparison is one tight loop over a
/// column's base array producing a sorted selection of row ids, `and` narrows a selection,
/// `or` and `not` merge two. No closure is called per row, so a filter over ten million rows
/// runs at close to the speed of reading the column.
extension RowPredicate {
    /// The rows among `input` (ascending) for which the predicate holds, ascending.
    /// - Complexity: O(input) per comparison, plus O(result) merges for `or` and `not`.
    func select(_ store: Store, _ input: Selection) -> ContiguousArray<Int32> {
        switch self {
        case .compare(let f, let op, let c):
            return RowPredicate.scan(store.column(f), op, c, input)
        case .isNull(let f, let wantNull):
            return RowPredicate.scan(store.column(f), wantNull ? .eq : .ne, nullCell, input, nullIsValue: true)
        case .text(let f, let op, let s):
            guard let id = store.strings.lookup(s) else { return op == .ne ? input.materialized : [] }
            return RowPredicate.scan(store.column(f), op, id, input)
        case .and(let a, let b):
            return b.select(store, .rows(a.select(store, input)))
        case .or(let a, let b):
            return RowPredicate.union(a.select(store, input), b.select(store, input))
        case .not(let a):
            return RowPredicate.difference(input.materialized, a.select(store, input))
        }
    }

    /// One comparison over a column. Null cells match only `!=` (as `Value.compare` treats
    /// them), unless `nullIsValue` compares the null sentinel itself (for `== null`).
    static func scan(_ column: Column, _ op: BinaryOp, _ c: Int32, _ input: Selection, nullIsValue: Bool = false) -> ContiguousArray<Int32> {
        var out = ContiguousArray<Int32>()
        @inline(__always) func keep(_ v: Int32) -> Bool {
            switch op {
            case .eq: return v == c
            case .ne: return v != c
            case .lt: return v < c && (nullIsValue || v != nullCell)
            case .le: return v <= c && (nullIsValue || v != nullCell)
            case .gt: return v > c && (nullIsValue || v != nullCell)
            default: return v >= c && (nullIsValue || v != nullCell)
            }
        }
        switch input {
        case .range(let range) where column.isPristine && range.upperBound <= column.base.count:
            column.base.withUnsafeBufferPointer { cells in
                // Specialised per operator so the loop body is one compare and a conditional append.
                switch op {
                case .eq: for i in range where cells[i] == c { out.append(Int32(truncatingIfNeeded: i)) }
                case .ne: for i in range where cells[i] != c { out.append(Int32(truncatingIfNeeded: i)) }
                default: for i in range where keep(cells[i]) { out.append(Int32(truncatingIfNeeded: i)) }
                }
            }
        case .range(let range):
            for i in range where keep(column[Int32(truncatingIfNeeded: i)]) { out.append(Int32(truncatingIfNeeded: i)) }
        case .rows(let rows):
            if column.isPristine && column.tail.isEmpty {
                column.base.withUnsafeBufferPointer { cells in
                    for r in rows where keep(cells[Int(r)]) { out.append(r) }
                }
            } else {
                for r in rows where keep(column[r]) { out.append(r) }
            }
        }
        return out
    }

    static func union(_ a: ContiguousArray<Int32>, _ b: ContiguousArray<Int32>) -> ContiguousArray<Int32> {
        var out = ContiguousArray<Int32>()
        out.reserveCapacity(a.count + b.count)
        var i = 0, j = 0
        while i < a.count && j < b.count {
            if a[i] < b[j] { out.append(a[i]); i += 1 } else if b[j] < a[i] { out.append(b[j]); j += 1 } else { out.append(a[i]); i += 1; j += 1 }
        }
        out.append(contentsOf: a[i...])
        out.append(contentsOf: b[j...])
        return out
    }

    static func difference(_ a: ContiguousArray<Int32>, _ b: ContiguousArray<Int32>) -> ContiguousArray<Int32> {
        var out = ContiguousArray<Int32>()
        var j = 0
        for x in a {
            while j < b.count && b[j] < x { j += 1 }
            if j < b.count && b[j] == x { continue }
            out.append(x)
        }
        return out
    }
}

/// The rows a filter starts from: a contiguous range of ids (a whole kind, in chunks) or a list.
enum Selection {
    case range(Range<Int>)
    case rows(ContiguousArray<Int32>)

    var materialized: ContiguousArray<Int32> {
        switch self {
        case .range(let r): return ContiguousArray(r.lazy.map { Int32(truncatingIfNeeded: $0) })
        case .rows(let rows): return rows
        }
    }
}
