import WFStore

/// `.children | where COND | count` (or `| any C`, `| all C`, `| sum .f`), evaluated for many
/// items, answered for all of them in one pass over the child table: the children that pass
/// COND are counted by the row their edge points at, and each item then reads its count. This
/// is how a database plans a correlated sub-query (DuckDB decorrelates it into a grouped join). Per item, the sub-query looked the
/// item's children up in the reverse index and filtered them: at nation scale the 48,000
/// townships of q1 cost about 450 ns each, mostly cache misses, where one pass reads the 5.5 M
/// org rows in order (q1: 62 ms before, 19 ms with the pass).
///
/// It applies when the sub-query is a reverse edge of the item or of a variable, then `where`
/// stages that cannot write, then `count`, `any`, `all` or `sum` of an integer field, and every
/// condition has a column form (constants that are literals or values the same for every item:
/// `DynamicPredicate`). The counts are kept for
/// the run while the store is unchanged and the operands keep their values; any other time the
/// sub-query runs as written, and it gives the same answer.
///
/// A count with no condition makes no pass: it is the length of the item's slice of the edge's
/// reverse index.
///
/// The pass is made only when it is expected to cost less than the look-ups it replaces: the
/// stage loop running the sub-query tells how many items it visits (`Runtime.stageItems`), and
/// calls are counted for loops that cannot tell (a `while`), so a repeated sub-query switches
/// once its look-ups have cost as much as one pass.
extension Compiler {
    /// The grouped form of the pipeline `head | stages`, falling back to `general`; nil when the
    /// shape differs.
    func groupedEdgeCount(_ head: Expr, _ stages: [Stage], span: Span, general: Compiled) -> Compiled? {
        guard let last = stages.last, case .field(let base, let name, _) = head.kind else { return nil }
        // What the last stage makes of the count of children that pass: `any C` counts those
        // that pass C too, `all C` those that fail it.
        var conditions: [Expr] = []
        var negated = false
        var answer: (Int32) -> Value = { .int(Int64($0)) }
        var summedName: String?
        switch last.kind {
        case .count: break
        case .any(let c):
            conditions = conjuncts(c)
            answer = { .bool($0 > 0) }
        case .all(let c) where cannotWrite(c):
            conditions = [Expr(kind: .unary(.not, c), span: c.span)]
            answer = { .bool($0 == 0) }
            // Its condition's text is C's, not `not C`'s: no family may take it for C.
            negated = true
        case .aggregate("sum", let arg?):
            // `sum .f` of an integer field: the sum of the non-null cells, 0 for none.
            guard case .field(nil, let f, _) = arg.kind else { return nil }
            summedName = f
        default:
            return nil
        }
        for stage in stages.dropLast() {
            guard case .where(let c) = stage.kind else { return nil }
            conditions += conjuncts(c)
        }
        // Named conditions written out, as a `where` does (`Compiler+InlineConditions.swift`):
        // `.positions | where held_on(it, day) | count` is counted in the pass; if a variable is
        // given another function, the sub-query runs as written.
        var assumed: [InlinedCondition] = []
        if let (expanded, inlined) = inliningConditionCalls(conjuncts: conditions) {
            conditions = expanded
            assumed = inlined
        }
        // The node whose edge is read: the item, or a variable.
        let baseType: SType, baseEval: Eval
        switch base?.kind ?? .it {
        case .it:
            baseType = itTypes.last ?? .any
            baseEval = { rt in rt.it }
        case .name(let n) where lookup(n) != nil:
            guard let b = base, let compiled = quietly({ compile(b) }) else { return nil }
            (baseType, baseEval) = (compiled.type, compiled.eval)
        default:
            return nil
        }
        guard case .node(let outer) = baseType, case .reverse(let edge)? = Navigation.accessor(outer, name) else { return nil }
        // A count with no condition reads no rows: it is the length of the item's slice of the
        // edge's reverse index, which the store builds once look-ups repeat (`Store.prefersScan`).
        // A pass would read every row of the edge's table; the general path makes each item's
        // set of rows (48,000 townships' children at nation scale: 37 ms with the pass).
        if conditions.isEmpty, case .count = last.kind {
            let generalEval = general.eval
            return Compiled(.scalar) { rt in
                guard case .node(let k, let row) = try baseEval(rt), k == outer, row >= 0 else { return try generalEval(rt) }
                return .int(Int64(rt.edges.rows(rt, edge, row)?.count ?? rt.store.reverseCount(edge, row)))
            }
        }
        var summed: FieldID?
        if let summedName {
            guard let index = edge.kind.fieldIndex(summedName), case .int = Navigation.cellTypes[edge.kind.rawValue][index] else { return nil }
            summed = FieldID(edge.kind, index)
        }
        // Each condition cannot write and has a column form, or is a correlated EXISTS
        // (`trained(it)`, which only reads), tested on the rows the columns let through.
        let operands = OperandCache()
        var rowTests: [CorrelatedTest] = []
        var partTexts: [String] = []
        guard let parts = quietly({ () -> [DynamicPredicate]? in
            withStage(.node(edge.kind)) { () -> [DynamicPredicate]? in
                var parts: [DynamicPredicate] = []
                for c in conditions {
                    if cannotWrite(c), let p = dynamicParts(c, edge.kind, operands) {
                        parts.append(p)
                        partTexts.append(sourceText(c.span))
                    } else if let t = correlatedExists(c, edge.kind) {
                        rowTests.append(t)
                    } else {
                        return nil
                    }
                }
                return parts
            }
        }) else { return nil }
        let condition = GroupedCondition(parts, rowTests)
        let site = session.groupedSites
        session.groupedSites += 1
        let grouped = Grouped(outer: outer, edge: edge, base: baseEval, condition: condition, general: general.eval)
        if let field = summed {
            let summedUp = grouped.compiled(entry: { rt in rt.groupedSums(site) }, answer: { .int($0) }) { rt, targets, predicate, rowFilter in
                try Compiler.sumsByTarget(rt, edge, field, targets: targets, predicate, rowFilter, span)
            }
            return Compiler.assuming(assumed, summedUp, else: general)
        }
        // Counts of the item's edge in one stage under the same column conditions are made in
        // one pass (`GroupedFamily`). Members are told apart by their conditions' source text,
        // so written-out conditions (whose text is the function's) and `all C` (whose
        // condition is `not C` under C's text) take passes of their own.
        var family: GroupedFamily?
        if case .it = base?.kind ?? .it, assumed.isEmpty, !negated, !partTexts.contains("") {
            let key = "\(outer.rawValue) \(edge.kind.rawValue).\(edge.index) " + partTexts.joined(separator: "\u{0}")
            family = groupedFamilies[key] ?? GroupedFamily(outer: outer, edge: edge)
            groupedFamilies[key] = family
            family?.add(site: site, condition)
        }
        let counted = grouped.compiled(entry: { rt in rt.groupedCounts(site) }, answer: answer) { rt, targets, predicate, rowFilter in
            if let family { return try family.counts(rt, site: site, targets: targets, predicate, rowFilter, span) }
            return try Compiler.countsByTarget(rt, edge, targets: targets, predicate, rowFilter, span)
        }
        return Compiler.assuming(assumed, counted, else: general)
    }

    /// `compiled`, while every written-out condition's variable holds its function; else `general`.
    static func assuming(_ assumed: [InlinedCondition], _ compiled: Compiled, else general: Compiled) -> Compiled {
        guard !assumed.isEmpty else { return compiled }
        let (fast, slow) = (compiled.eval, general.eval)
        return Compiled(compiled.type) { rt in try (InlinedCondition.allHold(assumed, rt) ? fast : slow)(rt) }
    }

    /// The source text of `span`, for telling conditions written alike apart from others.
    func sourceText(_ span: Span) -> String {
        let file = Int(span.file)
        return file >= 0 && file < session.sources.count ? session.sources[file].text(span) : ""
    }

    /// Whether one pass over `rows` child rows is expected to cost less than `items` look-ups.
    /// A look-up and its filter cost as much as passing over about 150 rows while the edge's
    /// index and columns fit in the caches, and about 400 once they do not (every look-up then
    /// misses): measured at province and nation scale (docs/performance.md, "Sub-queries per
    /// item"). With a correlated test among the conditions (`tested`), a look-up costs five
    /// times as much: it tests its rows one call at a time, where the pass tests them together
    /// (q2's trained execs per township at province scale: 2.9 µs a township looked up, 5.9 ms
    /// for 2,032 of them, against 2.0 ms for the pass over 493,000 positions).
    @inline(__always) static func passPays(items: Int, rows: Int, tested: Bool = false) -> Bool {
        items &* (rows >= 1 << 20 ? 400 : 150) &* (tested ? 5 : 1) >= rows
    }

    /// For each row of `edge`'s target kind (`targets` of them), how many live rows of
    /// `edge.kind` passing `predicate` point at it through `edge`: what `.edge | where … | count`
    /// gives for that row. When the row filter keeps only the rows pointing at a few targets (its
    /// `wanted` mask), the counts are those targets' only, by slot (`TargetMask.slot`): 48,000
    /// townships' counters at nation scale take 190 KB that stay in the cache, where one per org
    /// took 22 MB to zero, to count into, and to read back.
    /// - Complexity: O(rows of `edge.kind`) column reads, in blocks; O(targets) memory, or
    ///   O(wanted targets).
    static func countsByTarget(_ rt: Runtime, _ edge: FieldID, targets: Int, _ predicate: RowPredicate?,
                               _ rowFilter: GroupedRowFilter?, _ span: Span) throws -> ContiguousArray<Int32> {
        if let counts = try countsInOneLoop(rt, edge, targets: targets, predicate, [rowFilter], span)?.first { return counts }
        let slots = TargetSlots(rowFilter?.wanted, targets: targets)
        var counts = ContiguousArray<Int32>(repeating: 0, count: slots.count + 1)
        try counts.withUnsafeMutableBufferPointer { c in
            try forEachPassingBlock(rt, edge.kind, predicate, rowFilter, span) { selected in
                // A null or dangling reference counts in the last slot, which is dropped.
                ColumnGroup.forEachCell(rt, edge, selected) { _, target in c[slots.of(target)] &+= 1 }
            }
        }
        counts.removeLast()
        return counts
    }

    /// For each row of `edge`'s target kind, the sum of the non-null cells of `field` (an
    /// integer field of `edge.kind`) over the live rows passing `predicate` that point at it:
    /// what `.edge | where … | sum .field` gives for that row (0 when none). By slot when the row
    /// filter has a mask, as `countsByTarget`.
    /// - Complexity: O(rows of `edge.kind`) column reads, in blocks; O(targets) memory, or
    ///   O(wanted targets).
    static func sumsByTarget(_ rt: Runtime, _ edge: FieldID, _ field: FieldID, targets: Int, _ predicate: RowPredicate?,
                             _ rowFilter: GroupedRowFilter?, _ span: Span) throws -> ContiguousArray<Int64> {
        let slots = TargetSlots(rowFilter?.wanted, targets: targets)
        var sums = ContiguousArray<Int64>(repeating: 0, count: slots.count + 1)
        var pointed = ContiguousArray<Int32>(repeating: 0, count: ColumnGroup.blockRows)
        try sums.withUnsafeMutableBufferPointer { sum in
            try pointed.withUnsafeMutableBufferPointer { target in
                try forEachPassingBlock(rt, edge.kind, predicate, rowFilter, span) { selected in
                    ColumnGroup.forEachCell(rt, edge, selected) { i, t in target[i] = t }
                    // A null cell adds nothing; a null or dangling reference adds to the last
                    // slot, which is dropped.
                    ColumnGroup.forEachCell(rt, field, selected) { i, v in
                        if v != nullCell { sum[slots.of(target[i])] &+= Int64(v) }
                    }
                }
            }
        }
        sums.removeLast()
        return sums
    }

    /// The live rows of `kind` passing `predicate` and then `rowFilter`, a block at a time.
    private static func forEachPassingBlock(_ rt: Runtime, _ kind: Kind, _ predicate: RowPredicate?, _ rowFilter: GroupedRowFilter?,
                                            _ span: Span, _ body: (UnsafeBufferPointer<Int32>) throws -> Void) throws {
        guard let rowFilter else { return try ColumnGroup.forEachBlock(rt, .all(kind), predicate, span, body) }
        var passing = ContiguousArray<Int32>(repeating: 0, count: ColumnGroup.blockRows)
        try passing.withUnsafeMutableBufferPointer { buffer in
            guard let sel = buffer.baseAddress else { return }
            try ColumnGroup.forEachBlock(rt, .all(kind), predicate, span) { selected in
                var kept = selected.count
                for (j, row) in selected.enumerated() { sel[j] = row }
                kept = rowFilter.filter(sel, kept)
                try body(UnsafeBufferPointer(start: sel, count: kept))
            }
        }
    }
}

extension Compiler {
    /// `countsByTarget` in one pass over the columns, when the condition is at most three ranges
    /// of unchanged columns and no row is deleted. Block by block, the most selective test picks
    /// rows without a branch; the other tests are and-ed on those and each is added to its
    /// target's counter, so nothing else is written per row. The block path wrote a selection
    /// per comparison and read the edge through a closure per row: about three times the work
    /// (q2's positions at nation scale: 40 ms against 13 ms).
    ///
    /// The first test may be the row filter's mask of the items the stage visits, read off the
    /// edge's own cells: when those items are a few of the targets, most rows point elsewhere,
    /// and the other columns are then read only for the rows that point at them (q2's 48,000
    /// townships at nation scale: 1.2 M of the 11.7 M positions). Tests are judged on rows
    /// spread over the table, since tables are made in order (the first rows of `orgs` are
    /// provinces and cities).
    ///
    /// Given several row filters (`GroupedFamily`: counts that differ only in their correlated
    /// tests, all with the same mask), the rows the ranges and the mask let through are counted
    /// for each, after that filter's tests: one pass for all of them, in their order. With a
    /// mask, the counts are by slot (`countsByTarget`).
    /// Nil when the block path must run.
    /// - Complexity: O(rows) reads of the first test's column, O(rows it passes) of the others.
    static func countsInOneLoop(_ rt: Runtime, _ edge: FieldID, targets: Int, _ predicate: RowPredicate?, _ rowFilters: [GroupedRowFilter?],
                                _ span: Span) throws -> [ContiguousArray<Int32>]? {
        guard let rowFilter = rowFilters.first else { return [] }
        let kind = edge.kind, n = rt.rowCount(kind)
        guard rt.liveCount(kind) == n, targets < Int(UInt32.max), let ranges = ColumnGroup.ranges(predicate, atMost: 3),
              let edgeCells = rt.columns.cells(rt, edge), edgeCells.count == n, let edgeBase = edgeCells.baseAddress else { return nil }
        let mask = rowFilter?.wanted
        // Every filter counts by the first one's slots: made from the same set, their masks agree.
        guard rowFilters.allSatisfy({ $0?.wanted?.count == mask?.count }) else { return nil }
        let slots = TargetSlots(mask, targets: targets)
        typealias Test = (cells: UnsafePointer<Int32>, lo: Int32, width: UInt32)
        var tests: [Test] = []
        for r in ranges {
            guard r.lo <= r.hi else { return rowFilters.map { _ in ContiguousArray(repeating: 0, count: slots.count) } }
            guard let cells = rt.columns.cells(rt, r.field), cells.count == n, let base = cells.baseAddress else { return nil }
            tests.append((base, r.lo, UInt32(bitPattern: r.hi &- r.lo)))
        }
        @inline(__always) func passes(_ t: Test, _ i: Int) -> Int { RowPredicate.one(UInt32(bitPattern: t.cells[i] &- t.lo) <= t.width) }
        let stride = Swift.max(n / 512, 1)
        let sampled = Swift.stride(from: 0, to: n, by: stride)
        var passed = tests.map { t in sampled.reduce(0) { $0 + passes(t, $1) } }
        tests = zip(tests, passed).sorted { $0.1 < $1.1 }.map(\.0)
        passed.sort()
        // A first test few rows pass (in the sample) is read sixteen cells at a time; with no
        // test at all, every row passes the filler test below.
        let sparseFirst = passed.first.map { $0 &* 32 < (n + stride - 1) / stride } ?? false
        let maskFirst = mask.map { m in
            m.bytes <= GroupedRowFilter.cachedMaskBytes && sampled.reduce(0) { $0 + (m.contains(edgeBase[$1]) ? 1 : 0) } < (passed.first ?? Int.max)
        } ?? false
        // Missing tests read the edge column and pass every cell.
        while tests.count < 3 { tests.append((edgeBase, 0, UInt32.max)) }
        // After the mask, every range is a later test; after a range, the other two are.
        let first = tests[0], later = maskFirst ? tests : Array(tests[1...]) + [(edgeBase, 0, UInt32.max)]
        let (second, third, fourth) = (later[0], later[1], later[2])
        // The last slot takes the rows whose edge is null, points past the table or at a target
        // not wanted.
        var counts = rowFilters.map { _ in ContiguousArray<Int32>(repeating: 0, count: slots.count + 1) }
        var selection = ContiguousArray<Int32>(repeating: 0, count: Swift.min(n, ColumnGroup.blockRows))
        // The rows of a filter with tests when a later one needs them as they were.
        var spare = ContiguousArray<Int32>(repeating: 0, count: rowFilters.count > 1 ? selection.count : 0)
        let bound = UInt32(targets)
        try withCounters(&counts) { tallies in
            try selection.withUnsafeMutableBufferPointer { picked in
                guard let sel = picked.baseAddress else { return }
                let out = tallies[0]
                var start = 0
                while start < n {
                    let end = Swift.min(n, start + ColumnGroup.blockRows)
                    var k = 0
                    if let mask, maskFirst {
                        for i in start..<end {
                            sel[k] = Int32(truncatingIfNeeded: i)
                            k &+= mask.contains(edgeBase[i]) ? 1 : 0
                        }
                    } else if sparseFirst {
                        k = RowPredicate.appendSparse(first.cells, start..<end, into: sel, at: 0) { UInt32(bitPattern: $0 &- first.lo) <= first.width }
                    } else {
                        for i in start..<end {
                            sel[k] = Int32(truncatingIfNeeded: i)
                            k &+= passes(first, i)
                        }
                    }
                    if rowFilters.count > 1 || rowFilter != nil {
                        // The rows the ranges let through, then the mask, then each row filter's
                        // tests on those, in row order (a filter may be nil: every row counts).
                        var kept = 0
                        for j in 0..<k {
                            let i = Int(sel[j])
                            sel[kept] = sel[j]
                            kept &+= passes(second, i) & passes(third, i) & passes(fourth, i)
                        }
                        if let wanted = rowFilter?.wanted, !maskFirst { kept = GroupedRowFilter.keep(sel, kept, pointingAt: wanted, edgeBase) }
                        spare.withUnsafeMutableBufferPointer { spareRows in
                            for (v, filter) in rowFilters.enumerated() {
                                var rows = sel, count = kept
                                if let tests = filter?.tests, !tests.isEmpty {
                                    // The last filter may narrow the rows in place; another works on a copy.
                                    if v < rowFilters.count - 1, let copy = spareRows.baseAddress {
                                        copy.update(from: sel, count: kept)
                                        rows = copy
                                    }
                                    for t in tests { count = t.filter(rows, count) }
                                }
                                let tally = tallies[v]
                                for j in 0..<count { tally[slots.of(edgeBase[Int(rows[j])])] &+= 1 }
                            }
                        }
                    } else {
                        for j in 0..<k {
                            let i = Int(sel[j])
                            let target = UInt32(bitPattern: edgeBase[i])
                            out[Int(target < bound ? target : bound)] &+= Int32(truncatingIfNeeded: passes(second, i) & passes(third, i) & passes(fourth, i))
                        }
                    }
                    try rt.tick(span)
                    if start & 0xF_FFFF == 0 { try rt.pollCancel(span) }
                    start = end
                }
            }
        }
        for v in counts.indices { counts[v].removeLast() }
        return counts
    }

    /// Calls `body` with the address of each array's cells, each array held uniquely meanwhile.
    private static func withCounters<R>(_ arrays: inout [ContiguousArray<Int32>], from i: Int = 0,
                                        _ addresses: [UnsafeMutablePointer<Int32>] = [],
                                        _ body: ([UnsafeMutablePointer<Int32>]) throws -> R) rethrows -> R {
        guard i < arrays.count else { return try body(addresses) }
        var mine = ContiguousArray<Int32>()
        swap(&mine, &arrays[i])
        defer { swap(&mine, &arrays[i]) }
        return try mine.withUnsafeMutableBufferPointer { cells in
            // Never empty: each holds a slot per target and one more.
            guard let base = cells.baseAddress else { return try body(addresses) }
            return try withCounters(&arrays, from: i + 1, addresses + [base], body)
        }
    }
}

/// What a grouped sub-query's code needs at run time, whatever it keeps per target.
struct Grouped {
    let outer: Kind
    let edge: FieldID
    let base: Eval
    let condition: GroupedCondition
    let general: Eval

    /// The sub-query's code: the kept value of the item's row when there is one, else a pass
    /// (`pass`, given the target count and the condition) when it pays, else the general path.
    func compiled<Element>(entry: @escaping (Runtime) -> GroupedValues<Element>, answer: @escaping (Element) -> Value,
                           pass: @escaping (Runtime, Int, RowPredicate?, GroupedRowFilter?) throws -> ContiguousArray<Element>) -> Compiled {
        let (outer, edge, base, condition, generalEval) = (self.outer, self.edge, self.base, self.condition, self.general)
        return Compiled(.scalar) { rt in
            guard case .node(let k, let row) = try base(rt), k == outer, row >= 0 else { return try generalEval(rt) }
            let kept = entry(rt)
            // Kept values are read while the store and the operands are as they were, checked
            // without an array of the operands per item; they are made again when not.
            var values: [Value] = []
            if kept.values == nil || !kept.isCurrent(rt, condition.operands) {
                // An operand that fails is left to the general path, which reports it only if it
                // evaluates it (there may be no children to test).
                guard let current = try? condition.operands.map({ try $0(rt) }) else { return try generalEval(rt) }
                values = current
                kept.check(generation: rt.storeGeneration, operands: values)
            }
            if kept.values != nil {
                if let v = kept.value(of: row) { return answer(v) }
                return try generalEval(rt)
            }
            kept.calls += 1
            guard !kept.unplannable, Compiler.passPays(items: max(rt.stageItems, kept.calls), rows: rt.liveCount(edge.kind),
                                                                   tested: !condition.rowTests.isEmpty) else {
                return try generalEval(rt)
            }
            // Until the store or the operands change, the same values have no cell form, or the
            // same columns cannot be read in place.
            guard let predicate = condition.make(values), let tests = condition.prepared(rt, edge.kind) else {
                kept.unplannable = true
                return try generalEval(rt)
            }
            let targets = rt.rowCount(outer)
            let rowFilter = GroupedRowFilter(rt, tests, edge: edge, visiting: rt.stageSet, of: outer, targets: targets)
            // The tests read the edge's cells in place; once the edge has changed, the pass
            // would count without them.
            guard tests.isEmpty || rowFilter != nil else {
                kept.unplannable = true
                return try generalEval(rt)
            }
            kept.keep(try pass(rt, targets, predicate, rowFilter), visiting: rt.stageSet, of: outer, wanted: rowFilter?.wanted)
            rt.session.groupedPasses += 1
            if let v = kept.value(of: row) { return answer(v) }
            return try generalEval(rt)
        }
    }
}

/// The `where` conditions of a grouped sub-query, joined with `and`: their operands in order,
/// the column condition made from the operands' values, and the correlated tests run on the rows
/// it lets through.
struct GroupedCondition {
    let parts: [DynamicPredicate]
    let rowTests: [CorrelatedTest]
    /// The parts' operands, then the tests' functions and arguments, so that kept values are
    /// made again when a variable is given another function or value.
    let operands: [Eval]

    init(_ parts: [DynamicPredicate], _ rowTests: [CorrelatedTest]) {
        self.parts = parts
        self.rowTests = rowTests
        operands = parts.flatMap(\.operands) + rowTests.flatMap(\.operands)
    }

    /// The correlated tests for rows of `kind`, nil when one cannot be made on the cells.
    func prepared(_ rt: Runtime, _ kind: Kind) -> [BatchCorrelatedTest]? {
        var tests: [BatchCorrelatedTest] = []
        for t in rowTests {
            guard let batch = t.prepared(rt, items: kind) else { return nil }
            tests.append(batch)
        }
        return tests
    }

    /// The condition, `.some(nil)` when there is none; nil when a value has no cell form.
    func make(_ values: [Value]) -> RowPredicate?? {
        var joined: RowPredicate?
        var next = 0
        for part in parts {
            let mine = values[next ..< next + part.operands.count]
            next += part.operands.count
            guard let p = part.build(mine) else { return nil }
            joined = joined.map { RowPredicate.both($0, p) } ?? p
        }
        return .some(joined)
    }
}

/// One grouped sub-query's values by target (counts, or sums) in one run
/// (`Runtime.groupedCounts`, `groupedSums`), kept while the store and the operands are as they
/// were when they were made.
final class GroupedValues<Element: FixedWidthInteger> {
    private var generation = -1
    private var operands: [ValueKey] = []
    /// By row of the target kind, or by slot in `wanted` when the pass counted a few targets.
    private(set) var values: ContiguousArray<Element>?
    /// The rows of the set the stage visits, and their values in the same order (`Element.min`
    /// for a row that is not a target, which no count or sum of cells reaches): a stage that
    /// visits its items in order reads these one after the other, where reading `values` by row
    /// missed the cache once per item (q1's 48,000 townships are scattered over 5.5 M rows).
    private var visited: ContiguousArray<Int32> = []
    private var visitedValues: ContiguousArray<Element> = []
    private var cursor = 0
    /// The targets `values` holds values for, when the pass left out the others; nil for all.
    private var wanted: TargetMask?
    /// Calls since the store or the operands last changed, for loops that cannot tell their length.
    var calls = 0
    /// An operand value has no cell form: the sub-query runs as written until they change.
    var unplannable = false

    /// Forgets the values when the store or the operands changed.
    @inline(__always) func check(generation now: Int, operands current: [Value]) {
        if now == generation && current.count == operands.count
            && zip(current, operands).allSatisfy({ $0.0.key == $0.1 }) { return }
        generation = now
        operands = current.map(\.key)
        values = nil
        wanted = nil
        visited = []
        visitedValues = []
        cursor = 0
        calls = 0
        unplannable = false
    }

    /// Whether the values kept were made for the store as it is and for the values `operands`
    /// have now; false when one fails.
    @inline(__always) func isCurrent(_ rt: Runtime, _ current: [Eval]) -> Bool {
        guard rt.storeGeneration == generation, current.count == operands.count else { return false }
        for i in current.indices {
            guard let v = try? current[i](rt), v.key == operands[i] else { return false }
        }
        return true
    }

    /// Keeps `all` (by row, or by slot in `wanted` when the pass counted a few targets only),
    /// and the values of `set`'s rows gathered in one loop (when the stage visits a set of `kind`
    /// with rows of its own).
    func keep(_ all: ContiguousArray<Element>, visiting set: NodeSet?, of kind: Kind, wanted: TargetMask? = nil) {
        values = all
        self.wanted = wanted
        guard let set, set.kind == kind, let rows = set.rows else { return }
        visited = rows
        visitedValues = ContiguousArray(rows.lazy.map { r in self.kept(r, all) ?? Element.min })
        cursor = 0
    }

    /// The value `all` holds for `row`, nil when it holds none.
    @inline(__always) private func kept(_ row: Int32, _ all: ContiguousArray<Element>) -> Element? {
        let i: Int
        if let wanted {
            i = wanted.slot(row)
            guard i < wanted.count else { return nil }
        } else {
            i = Int(row)
        }
        return UInt(bitPattern: i) < UInt(all.count) ? all[i] : nil
    }

    /// The value of `row`, nil when none was kept for it.
    @inline(__always) func value(of row: Int32) -> Element? {
        if cursor < visited.count, visited[cursor] == row || visited[0] == row {
            if visited[cursor] != row { cursor = 0 }
            let v = visitedValues[cursor]
            cursor += 1
            return v == Element.min ? nil : v
        }
        guard let values else { return nil }
        return kept(row, values)
    }
}

/// Where a grouped pass counts a target: at its row, or at its slot among the few targets a
/// mask wants. One slot past the end takes every row not counted (a null or dangling edge, a
/// target not wanted), so the loops that count need no branch.
struct TargetSlots {
    let mask: TargetMask?
    let count: Int

    init(_ mask: TargetMask?, targets: Int) {
        self.mask = mask
        count = mask?.count ?? targets
    }

    @inline(__always) func of(_ target: Int32) -> Int {
        if let mask { return mask.slot(target) }
        let t = UInt32(bitPattern: target)
        return Int(t < UInt32(truncatingIfNeeded: count) ? t : UInt32(truncatingIfNeeded: count))
    }
}

/// What a grouped pass does to the rows its columns let through before it counts them: the
/// correlated tests, and a test that the row points at one of the items the stage visits, when
/// those are few of their kind. A test reads a few cache lines of another table, so the rows no
/// item will ask about are left out first (q2's 48,000 townships hold 1.2 M of the 11.7 M
/// positions at nation scale, and 1.0 M of the 6.6 M current execs); the one-loop count can
/// also read the other columns only for those rows (`countsInOneLoop`).
struct GroupedRowFilter {
    let tests: [BatchCorrelatedTest]
    /// The targets counted; nil for all.
    let wanted: TargetMask?
    /// The edge's cells, one per row of the pass's table.
    let edge: UnsafePointer<Int32>

    /// Visited items that are more than this share of their kind are not worth a mask.
    static let fewItems = 4
    /// A mask is tested before the columns only while it stays in the cache: at nation scale
    /// (5.5 M orgs, 690 KB) a test of it missed more than it saved, 36 ms against 30 for q2's
    /// execs per township; at province scale (29 KB) q2 took 3.6 ms with it first and 4.8 without.
    static let cachedMaskBytes = 256 << 10

    /// Nil when there is nothing to do (every row passing the columns counts).
    init?(_ rt: Runtime, _ tests: [BatchCorrelatedTest], edge: FieldID, visiting set: NodeSet?, of kind: Kind, targets: Int) {
        var wanted: TargetMask?
        if let set, set.kind == kind, let rows = set.rows, rows.count &* GroupedRowFilter.fewItems <= targets {
            wanted = TargetMask(rows, targets: targets)
        }
        guard !tests.isEmpty || wanted != nil, let cells = rt.columns.cells(rt, edge), cells.count == rt.rowCount(edge.kind),
              let base = cells.baseAddress else { return nil }
        self.tests = tests
        self.wanted = wanted
        self.edge = base
    }

    /// Keeps the rows of `sel[0..<count]` that pass, in order; returns how many.
    func filter(_ sel: UnsafeMutablePointer<Int32>, _ count: Int) -> Int {
        var kept = count
        if let wanted { kept = GroupedRowFilter.keep(sel, count, pointingAt: wanted, edge) }
        for t in tests { kept = t.filter(sel, kept) }
        return kept
    }

    /// Keeps the rows of `sel[0..<count]` whose `edge` cell is in `wanted`, in order; returns how many.
    static func keep(_ sel: UnsafeMutablePointer<Int32>, _ count: Int, pointingAt wanted: TargetMask, _ edge: UnsafePointer<Int32>) -> Int {
        var kept = 0
        for j in 0..<count {
            sel[kept] = sel[j]
            kept &+= wanted.contains(edge[Int(sel[j])]) ? 1 : 0
        }
        return kept
    }
}
