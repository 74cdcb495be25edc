import WFStore

/// Either form a stage's input takes: a set of rows of one kind, or a list of values.
enum Sequence {
    case set(NodeSet)
    case list([Value])

    static func of(_ v: Value, _ span: Span, stage: String) throws -> Sequence {
        switch v {
        case .nodes(let s): return .set(s)
        case .list(let l): return .list(l)
        case .null: return .list([])
        case .node, .record: return .list([v])
        default: throw WFError.runtime("'\(stage)' needs a list or a set, not \(v.typeName)", span)
        }
    }

    /// Visits each item until `body` returns false, boxing a set's rows one at a time instead of
    /// into an array first (`any` over a reverse edge per row made one array per call).
    /// - Complexity: O(items visited); no allocation for a set that already holds its rows.
    @inline(__always) func visit(_ rt: Runtime, _ body: (Value) throws -> Bool) rethrows {
        switch self {
        case .set(let s):
            if let rows = s.rows {
                for r in rows where !(try body(.node(s.kind, r))) { return }
            } else {
                for r in s.ids(rt.store) where !(try body(.node(s.kind, r))) { return }
            }
        case .list(let l):
            for v in l where !(try body(v)) { return }
        }
    }

    /// The set, when the items are one.
    var set: NodeSet? {
        if case .set(let s) = self { return s }
        return nil
    }

    /// How many items a visit sees.
    /// - Complexity: O(1).
    func count(_ rt: Runtime) -> Int {
        switch self {
        case .set(let s): return s.rows?.count ?? rt.liveCount(s.kind)
        case .list(let l): return l.count
        }
    }

    /// The first `limit` items: a stage followed by `take N` visits no more (`select … | take N`).
    func prefix(_ limit: Int, _ store: Store) -> Sequence {
        switch self {
        case .set(let s): return .set(NodeSet(kind: s.kind, rows: s.ids(store, limit: limit)))
        case .list(let l): return .list(Array(l.prefix(limit)))
        }
    }

    func items(_ store: Store) -> [Value] {
        switch self {
        case .set(let s): return s.ids(store).map { .node(s.kind, $0) }
        case .list(let l): return l
        }
    }
}

extension Compiler {
    /// The last live row of `kind`, nil when none.
    /// - Complexity: O(1) when no row is deleted, else O(rows read back to a live one).
    static func lastLiveRow(_ kind: Kind, _ store: Store) -> Int32? {
        let table = store[kind]
        var r = Int32(truncatingIfNeeded: store.count(kind)) - 1
        while r >= 0 && !table.isLive(r) { r -= 1 }
        return r >= 0 ? r : nil
    }

    /// Whether the stage makes one value per item from that item alone (`select`, `map`), so
    /// that a `take` after it limits the items it visits.
    static func makesItemByItem(_ stage: Stage) -> Bool {
        switch stage.kind {
        case .select, .map: return true
        default: return false
        }
    }

    /// - Parameter limit: for `select` and `map`, the items visited at most (the `N` of a
    ///   `take N` right after it: docs/language.md, "Pipeline stages").
    func compileStage(_ stage: Stage, input: Compiled, atMost limit: Int? = nil) -> Compiled {
        let span = stage.span
        let inEval = input.eval
        let itemType = input.type.element
        switch stage.kind {
        case .where(let cond):
            return compileWhere(cond, input: input, span: span)
        case .select(let items):
            let keys = items.map(\.0)
            let evals = withStage(itemType) { items.map { compile($0.1).eval } }
            // Stored texts of a set's items are read from their columns before the loop, in
            // batches whose cache misses overlap (`FastFieldValues.swift`), when nothing in the
            // select can change them meanwhile. Other fields cost no more read one at a time.
            var columnFields: [FieldID?] = []
            if case .nodes(let k) = input.type, items.allSatisfy({ cannotWrite($0.1) }) {
                columnFields = items.map { item in storedField(item.1, of: k).flatMap { Navigation.isText($0) ? $0 : nil } }
            }
            if !columnFields.contains(where: { $0 != nil }) { columnFields = [] }
            return Compiled { rt in
                var seq = try Sequence.of(try inEval(rt), span, stage: "select")
                if let limit { seq = seq.prefix(limit, rt.store) }
                var columns: [[Value]?] = []
                if !columnFields.isEmpty, case .set(let s) = seq {
                    columns = try columnFields.map { f in try f.flatMap { try Compiler.fieldValues(rt, s, $0, span) } }
                }
                var index = 0
                let saved = rt.it
                defer { rt.it = saved }
                var out: [Value] = []
                if case .set(let s) = seq { out.reserveCapacity(s.count(rt.store)) }
                // The depth check of `checkedNesting`, made as the records are built: a record of
                // scalars is depth 1, so only list and record fields are looked into.
                var deepest = 0
                try rt.visiting(seq.count(rt), set: seq.set) { try seq.visit(rt) { item in
                    try rt.tick(span)
                    rt.it = item
                    let values: [Value]
                    if columns.isEmpty {
                        values = try evals.map { try $0(rt) }
                    } else {
                        values = try evals.indices.map { c in try columns[c].map { $0[index] } ?? evals[c](rt) }
                        index &+= 1
                    }
                    for v in values {
                        switch v {
                        case .list, .record: deepest = max(deepest, v.nesting)
                        default: continue
                        }
                    }
                    out.append(.record(Record(keys: keys, values: values)))
                    return true
                } }
                // The list's depth is 2 + `deepest` (list, record, fields); `Value.nesting` stops
                // counting past the limit, so the comparison is the same as `checkedNesting`'s.
                if deepest + 2 > Value.maxNesting {
                    throw WFError.runtime("lists and records nest more than \(Value.maxNesting) deep", span)
                }
                return .list(out)
            }
        case .map(let e):
            let f = withStage(itemType) { compile(e).eval }
            // `map .f` of a stored field over a set reads the column (`FastFieldValues.swift`).
            var field: FieldID?
            if case .nodes(let k) = input.type { field = storedField(e, of: k) }
            return Compiled { rt in
                var seq = try Sequence.of(try inEval(rt), span, stage: "map")
                if let limit { seq = seq.prefix(limit, rt.store) }
                if let field, case .set(let s) = seq, let values = try Compiler.fieldValues(rt, s, field, span) {
                    return try Value.list(values).checkedNesting(span)
                }
                let saved = rt.it
                defer { rt.it = saved }
                var out: [Value] = []
                try rt.visiting(seq.count(rt), set: seq.set) { try seq.visit(rt) { item in
                    try rt.tick(span)
                    rt.it = item
                    out.append(try f(rt))
                    return true
                } }
                return try Value.list(out).checkedNesting(span)
            }
        case .sort(let keys):
            return compileSort(keys, input: input, span: span, limit: nil)
        case .take(let n), .skip(let n):
            let isTake: Bool
            if case .take = stage.kind { isTake = true } else { isTake = false }
            let ne = compile(n).eval
            return Compiled(input.type) { rt in
                guard case .int(let count) = try ne(rt), count >= 0 else {
                    throw WFError.runtime("\(isTake ? "take" : "skip") needs a count of 0 or more", span)
                }
                let c = Int(clamping: count)
                switch try Sequence.of(try inEval(rt), span, stage: isTake ? "take" : "skip") {
                case .set(let s):
                    // The first N of every row of a kind are found without listing them all
                    // (`people | take 5` listed 8 M ids at nation scale).
                    if isTake { return .nodes(NodeSet(kind: s.kind, rows: s.ids(rt.store, limit: c))) }
                    return .nodes(NodeSet(kind: s.kind, rows: ContiguousArray(s.ids(rt.store).dropFirst(c))))
                case .list(let l):
                    return .list(Array(isTake ? l.prefix(c) : l.dropFirst(c)))
                }
            }
        case .distinct:
            return Compiled(input.type) { rt in
                switch try Sequence.of(try inEval(rt), span, stage: "distinct") {
                case .set(let s): return .nodes(s)
                case .list(let l):
                    var seen = Set<ValueKey>()
                    return .list(l.filter { seen.insert($0.key).inserted })
                }
            }
        case .count:
            // After a `where` over a set, its column condition is applied while counting.
            let filterSite = previousStageSite(span)
            let inPlace = input.filteredEdgeRows
            return Compiled(.scalar) { rt in
                // A node's reverse edge, filtered: counted in the index, no set copied.
                if let inPlace, let (_, rows, filter) = try inPlace(rt) {
                    guard !rows.isEmpty else { return .int(0) }
                    try rt.tick(span)
                    return .int(Int64(filter.select(rt, .rows(rows), into: rt.scratch.int32(.selection, rows.count))))
                }
                let (input, filter) = try Compiler.evaluate(inEval, deferringFilterAt: filterSite, rt)
                switch try Sequence.of(input, span, stage: "count") {
                case .set(let s):
                    if let filter { return .int(Int64(try Compiler.countRows(rt, s, filter, span))) }
                    return .int(Int64(s.count(rt.store)))
                case .list(let l): return .int(Int64(l.count))
                }
            }
        case .first, .last:
            let isFirst: Bool
            if case .first = stage.kind { isFirst = true } else { isFirst = false }
            return Compiled(itemType) { rt in
                switch try Sequence.of(try inEval(rt), span, stage: isFirst ? "first" : "last") {
                case .set(let s):
                    // Every row of a kind: the first (last) live one, found without listing them all.
                    let row: Int32?
                    if let rows = s.rows {
                        row = isFirst ? rows.first : rows.last
                    } else {
                        row = isFirst ? s.ids(rt.store, limit: 1).first : Compiler.lastLiveRow(s.kind, rt.store)
                    }
                    guard let r = row else { return .null }
                    return .node(s.kind, r)
                case .list(let l): return (isFirst ? l.first : l.last) ?? .null
                }
            }
        case .reverse:
            return Compiled { rt in .list(try Sequence.of(try inEval(rt), span, stage: "reverse").items(rt.store).reversed()) }
        case .any(let cond), .all(let cond):
            let isAny: Bool
            if case .any = stage.kind { isAny = true } else { isAny = false }
            let test = withStage(itemType) { compile(cond).eval }
            // Over a set, the condition in column form (constants from variables made per run):
            // `any` is "some row passes", `all` is "every row passes", counted on the columns.
            var makers = [PredicateMaker?](repeating: nil, count: Kind.allCases.count)
            let operands = OperandCache()
            switch input.type {
            case .nodes(let k): makers[k.rawValue] = withStage(itemType) { dynamicPredicate(cond, k, operands) }
            case .any: for k in Kind.allCases { makers[k.rawValue] = withStage(itemType) { dynamicPredicate(cond, k, operands) } }
            default: break
            }
            // A reverse edge of one node, tested item by item in place when the condition cannot
            // write to the store (which would free the rows): no set is built per call.
            let inPlace = cannotWrite(cond) ? input.edgeRows : nil
            return Compiled(.scalar) { rt in
                if let inPlace, let (kind, rows) = try inPlace(rt), rows.count < Compiler.columnPassMinimum {
                    let saved = rt.it
                    defer { rt.it = saved }
                    for r in rows {
                        try rt.tick(span)
                        rt.it = .node(kind, r)
                        if try test(rt).truthy == isAny { return .bool(isAny) }
                    }
                    return .bool(!isAny)
                }
                let seq = try Sequence.of(try inEval(rt), span, stage: isAny ? "any" : "all")
                if case .set(let s) = seq, let make = makers[s.kind.rawValue],
                   let answer = try Compiler.anyOrAll(rt, s, make, isAny: isAny, span) {
                    return .bool(answer)
                }
                let saved = rt.it
                defer { rt.it = saved }
                var decided = false
                try seq.visit(rt) { item in
                    try rt.tick(span)
                    rt.it = item
                    let ok = try test(rt).truthy
                    if ok == isAny { decided = true }
                    return !decided
                }
                return .bool(decided ? isAny : !isAny)
            }
        case .aggregate(let name, let arg):
            let f = arg.map { a in withStage(itemType) { compile(a).eval } }
            let onColumns = columnAggregate(name, arg, input.type)
            return Compiled(.scalar) { rt in
                let value = try inEval(rt)
                if let onColumns, case .nodes(let s) = value, let answer = try onColumns(rt, s, span) { return answer }
                let items = try Sequence.of(value, span, stage: name).items(rt.store)
                guard let f else { return try Aggregate.apply(name, items, span) }
                let saved = rt.it
                defer { rt.it = saved }
                var values: [Value] = []
                values.reserveCapacity(items.count)
                for item in items {
                    try rt.tick(span)
                    rt.it = item
                    values.append(try f(rt))
                }
                return try Aggregate.apply(name, values, span)
            }
        case .group(let key, let keyName, let aggs):
            return compileGroup(key, keyName, aggs, input: input, span: span)
        case .apply(let name, let args, let nameSpan):
            return compileApply(name, args, nameSpan, input: input, span: span)
        case .navigate(let name, let nameSpan):
            return compileNavigation(name, nameSpan, input: input)
        }
    }

    /// `sort KEYS`, and `sort KEYS | take N` (N a literal) as one stage that keeps only the first
    /// N in order: a selection in O(n log N) rather than a full sort, with the same result since
    /// ties are broken by position.
    func compileSort(_ keys: [(Expr, Bool)], input: Compiled, span: Span, limit: Int?) -> Compiled {
        let inEval = input.eval
        let itemType = input.type.element
        let evals = withStage(itemType) { keys.map { (compile($0.0).eval, $0.1) } }
        let descending = evals.map(\.1)
        // `sort .f` over records (a `select`'s output): the field's position, found once per
        // shape of record instead of a search by name per item (`RecordFieldSite`).
        let recordSites: [RecordFieldSite?] = keys.map { key in
            if case .field(nil, let name, _) = key.0.kind { return RecordFieldSite(name: name) }
            return nil
        }
        var outType: SType = .any
        if case .nodes(let k) = input.type { outType = .nodeList(k) } else if case .nodeList = input.type { outType = input.type }
        let byCells = cellSortKeys(keys, input.type)
        return Compiled(outType) { rt in
            let value = try inEval(rt)
            if let byCells, case .nodes(let s) = value, let sorted = try Compiler.sortByCells(s, byCells, descending, limit: limit, rt, span) {
                return sorted
            }
            let items = try Sequence.of(value, span, stage: "sort").items(rt.store)
            let saved = rt.it
            defer { rt.it = saved }
            // The keys of item `a` are `keys[a * width ..< (a + 1) * width]`: one flat array,
            // so the comparator reads them without touching an array per item.
            let width = evals.count
            var keys: [Value] = []
            keys.reserveCapacity(items.count * width)
            try rt.visiting(items.count) {
                for item in items {
                    try rt.tick(span)
                    rt.it = item
                    for (i, e) in evals.enumerated() {
                        if let site = recordSites[i], let v = site.read(item) { keys.append(v); continue }
                        keys.append(try e.0(rt))
                    }
                }
            }
            // Key columns whose every value is text that orders by its bytes (`TextOrder`),
            // checked once per key rather than in each of the n log n comparisons.
            var bytewise = [Bool](repeating: true, count: width)
            for (j, v) in keys.enumerated() where bytewise[j % width] {
                switch v {
                case .null: break
                case .string(let s): bytewise[j % width] = TextOrder.isStable(s)
                default: bytewise[j % width] = false
                }
            }
            let numeric = NumericSortKeys(items: items.count, width: width) { a, i in keys[a &* width &+ i] }
            let order = try keys.withUnsafeBufferPointer { k in
                try Compiler.order(items.count, limit: limit, rt, span) { a, b in
                    if let numeric { return numeric.before(a, b, descending: descending) }
                    var i = 0
                    while i < width {
                        let x = k[a &* width &+ i], y = k[b &* width &+ i]
                        let c: Int
                        if bytewise[i], case .string(let p) = x, case .string(let q) = y {
                            c = TextOrder.compareStable(p, q)
                        } else {
                            c = Value.sortOrder(x, y)
                        }
                        if c != 0 { return (descending[i] && !x.isNull && !y.isNull) ? c > 0 : c < 0 }
                        i &+= 1
                    }
                    return a < b
                }
            }
            return .list(order.map { items[$0] })
        }
    }

    /// The fields of a sort's keys when the input is a set and every key is a stored field of its
    /// kind whose cells order as its values do (numbers, dates, yes/no, labels by their order,
    /// references by row): not texts, whose order is Swift's, nor tags.
    func cellSortKeys(_ keys: [(Expr, Bool)], _ inputType: SType) -> [FieldID]? {
        guard case .nodes(let kind) = inputType else { return nil }
        var fields: [FieldID] = []
        for (key, _) in keys {
            guard let f = storedField(key, of: kind) else { return nil }
            switch Navigation.cellTypes[f.kind.rawValue][f.index] {
            case .int, .date, .bool, .enumeration, .ref: fields.append(f)
            case .string, .personal, .tags: return nil
            }
        }
        return fields
    }

    /// `sort` of a set by stored fields, compared on the cells: no item or key is boxed into a
    /// value per row. Nulls come last either way and ties keep row order, as `Value.sortOrder`
    /// and the general sort give (`people | sort .birth_year | take 3` at nation: 418 ms, most
    /// of it boxing 8 M people and their years). Nil when a column has changed (the general
    /// path reads it through the store), or the set is of another kind or names rows past the
    /// table's end (which the general path reads as nulls).
    static func sortByCells(_ set: NodeSet, _ fields: [FieldID], _ descending: [Bool], limit: Int?,
                            _ rt: Runtime, _ span: Span) throws -> Value? {
        guard fields.allSatisfy({ $0.kind == set.kind }), rt.valid(set).rows?.count == set.rows?.count else { return nil }
        var columns: [UnsafePointer<Int32>] = []
        for f in fields {
            guard let cells = rt.columns.cells(rt, f), cells.count == rt.rowCount(f.kind), let base = cells.baseAddress else { return nil }
            columns.append(base)
        }
        let ids = set.ids(rt.store)
        // A cell as a rank that sorts ascending: negated for a descending key, nulls past all.
        @inline(__always) func rank(_ c: Int32, _ desc: Bool) -> Int64 { c == nullCell ? .max : (desc ? -Int64(c) : Int64(c)) }
        let order = try ids.withUnsafeBufferPointer { rows in
            try Compiler.order(rows.count, limit: limit, rt, span) { a, b in
                let x = Int(rows[a]), y = Int(rows[b])
                var k = 0
                while k < columns.count {
                    let p = rank(columns[k][x], descending[k]), q = rank(columns[k][y], descending[k])
                    if p != q { return p < q }
                    k &+= 1
                }
                return a < b
            }
        }
        return .list(order.map { .node(set.kind, ids[$0]) })
    }

    /// The indices of the `k` first of `0..<n` under `before` (a strict total order), in order.
    /// - Complexity: O(n log k) comparisons, O(k) memory: a max-heap of the best k so far.
    static func firstInOrder(_ k: Int, of n: Int, by before: (Int, Int) -> Bool) -> [Int] {
        guard k > 0 else { return [] }
        var heap: [Int] = []
        heap.reserveCapacity(k)
        func siftDown(_ start: Int) {
            var i = start
            while true {
                let l = 2 * i + 1, r = l + 1
                var worst = i
                if l < heap.count, before(heap[worst], heap[l]) { worst = l }
                if r < heap.count, before(heap[worst], heap[r]) { worst = r }
                if worst == i { return }
                heap.swapAt(i, worst)
                i = worst
            }
        }
        for a in 0..<n {
            if heap.count < k {
                heap.append(a)
                var i = heap.count - 1
                while i > 0, before(heap[(i - 1) / 2], heap[i]) {
                    heap.swapAt(i, (i - 1) / 2)
                    i = (i - 1) / 2
                }
            } else if before(a, heap[0]) {
                heap[0] = a
                siftDown(0)
            }
        }
        return heap.sorted(by: before)
    }

    /// `| name(args)`: a user or built-in function of the input, or else navigation (`| children`).
    func compileApply(_ name: String, _ args: [Expr], _ nameSpan: Span, input: Compiled, span: Span) -> Compiled {
        let inEval = input.eval
        if let v = lookup(name) {
            if let arity = v.arity, arity != args.count + 1 {
                return error(.resolve("\(name) takes \(arity) argument\(arity == 1 ? "" : "s"), got \(args.count + 1) (the input and \(args.count))", span))
            }
            return compileUserCall(v, [input] + args.map { compile($0) }, name: name, nameSpan: nameSpan, span: span)
        }
        if let b = Builtins.table[name], b.arity.contains(args.count + 1) {
            let a = args.map { compile($0).eval }
            return Compiled { rt in try b.run(rt, [try inEval(rt)] + (try a.map { try $0(rt) }), span) }
        }
        if let b = Builtins.table[name] {
            return error(.resolve("\(name) takes \(b.arity.lowerBound == b.arity.upperBound ? "\(b.arity.lowerBound)" : "\(b.arity.lowerBound) to \(b.arity.upperBound)") arguments, got \(args.count + 1) (the input and \(args.count))", span, hint: b.doc))
        }
        guard args.isEmpty else {
            return error(.resolve("unknown function '\(name)'", nameSpan, hint: WFError.didYouMean(name, visibleNames + Array(Builtins.table.keys))))
        }
        return compileNavigation(name, nameSpan, input: input)
    }

    /// `| children` or `| .children` over a node, a set, or a list of nodes (taken as a set).
    func compileNavigation(_ name: String, _ nameSpan: Span, input: Compiled) -> Compiled {
        let inEval = input.eval
        var outType: SType = .any
        switch input.type {
        case .node(let k), .nodes(let k), .nodeList(let k):
            guard let acc = Navigation.accessor(k, name) else {
                let stages = ["where", "select", "sort", "take", "skip", "distinct", "group", "count", "first", "last",
                              "reverse", "any", "all", "map", "sum", "avg", "min", "max", "ratio"]
                return error(.resolve("unknown stage or field '\(name)' of \(k.name)", nameSpan,
                                      hint: WFError.didYouMean(name, stages + Navigation.names(k))))
            }
            if let t = Navigation.targetKind(acc, from: k) { outType = .nodes(t) }
        default: break
        }
        let site = FieldSite(name: name)
        return Compiled(outType) { rt in
            let v = try inEval(rt)
            if case .list(let l) = v, l.allSatisfy({ if case .node = $0 { return true } else { return false } }),
               case .node(let k, _)? = l.first {
                let rows = l.compactMap { x -> Int32? in if case .node(_, let r) = x { return r } else { return nil } }
                return try Compiler.field(rt, .nodes(NodeSet(kind: k, rows: ContiguousArray(Set(rows).sorted()))), name, nameSpan, site: site)
            }
            return try Compiler.field(rt, v, name, nameSpan, site: site)
        }
    }
}
