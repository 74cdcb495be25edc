import WFStore

/// `where COND`: the general per-item test, plus the column form of as much of the condition as
/// the column predicates can express.
extension Compiler {
    /// The operands of a chain of `and`s, left to right.
    func conjuncts(_ e: Expr) -> [Expr] {
        if case .binary(.and, let l, let r) = e.kind { return conjuncts(l) + conjuncts(r) }
        return [e]
    }

    func compileWhere(_ cond: Expr, input: Compiled, span: Span) -> Compiled {
        // Calls of named conditions written out, tested as written if a function was replaced
        // (`Compiler+InlineConditions.swift`).
        let general = compilePlannedWhere(cond, input: input, span: span)
        // The written-out form is a second compilation: the condition as written reports any
        // mistake, once.
        guard let (expanded, assumed) = inliningConditionCalls(cond),
              let fast = quietly({ compilePlannedWhere(expanded, input: input, span: span) }) else { return general }
        let (fastEval, generalEval) = (fast.eval, general.eval)
        var result = Compiled(fast.type) { rt in
            try (InlinedCondition.allHold(assumed, rt) ? fastEval : generalEval)(rt)
        }
        if let inPlace = fast.filteredEdgeRows {
            result.filteredEdgeRows = { rt in InlinedCondition.allHold(assumed, rt) ? try inPlace(rt) : nil }
        }
        return result
    }

    private func compilePlannedWhere(_ cond: Expr, input: Compiled, span: Span) -> Compiled {
        let inEval = input.eval
        let itemType = input.type.element
        // Each conjunct is compiled once; the general test is their short-circuit `and`.
        let parts = conjuncts(cond)
        var compiled = withStage(itemType) { parts.map { compile($0).eval } }
        let generalOf = compiled
        // A correlated EXISTS (`trained(it)`) over items of a known kind, tested on the cells
        // (`CorrelatedExists.swift`), the compiled test deciding when that cannot.
        // For a set whose kind is known only at run time (one in a variable), for every kind,
        // tested together on large sets (`batchFiltered`).
        let kinds: [Kind]
        switch input.type {
        case .nodes(let k): kinds = [k]
        case .any: kinds = Kind.allCases
        default: kinds = []
        }
        var natives = [[Int: CorrelatedTest]](repeating: [:], count: Kind.allCases.count)
        for k in kinds {
            for (i, part) in parts.enumerated() {
                guard case .call = part.kind, let native = withStage(itemType, { correlatedExists(part, k) }) else { continue }
                natives[k.rawValue][i] = native
                guard case .nodes = input.type else { continue }
                let general = compiled[i]
                compiled[i] = { rt in
                    if case .node(let kk, let r) = rt.it, kk == k, let answer = native.holds(rt, r) { return .bool(answer) }
                    return try general(rt)
                }
            }
        }
        let tests = compiled
        let test: Eval = tests.count == 1 ? tests[0] : { rt in
            for t in tests where !(try t(rt)).truthy { return .bool(false) }
            return .bool(true)
        }
        // For every kind the input might turn out to be (known statically for `orgs | where …`,
        // found at run time for a set in a variable): the conjuncts with a column form, joined,
        // those whose constants come from variables (`FastFilterDynamic.swift`), made per run,
        // and the tests of the others, which then run only on the rows the columns let through.
        // By kind, in an array: a dictionary look-up hashed the kind for every item navigated.
        var planOf = [WherePlan?](repeating: nil, count: Kind.allCases.count)
        let operands = OperandCache()
        for k in kinds {
            var fast: RowPredicate?
            var made: [PredicateMaker] = []
            var slow: [Eval] = []
            var batch: [CorrelatedTest] = [], batchGeneral: [Eval] = []
            for (i, part) in parts.enumerated() {
                if let p = rowPredicate(part, k) {
                    fast = fast.map { RowPredicate.both($0, p) } ?? p
                } else if let maker = withStage(itemType, { dynamicPredicate(part, k, operands) }) {
                    made.append(maker)
                } else if let native = natives[k.rawValue][i] {
                    batch.append(native)
                    batchGeneral.append(generalOf[i])
                } else {
                    slow.append(tests[i])
                }
            }
            guard fast != nil || !made.isEmpty || !batch.isEmpty else { continue }
            planOf[k.rawValue] = WherePlan(fast: fast, made: made, batch: batch, rest: Compiler.allOf(slow),
                                           restWithBatch: Compiler.allOf(batchGeneral + slow))
        }
        let outType: SType
        switch input.type { case .nodes, .nodeList: outType = input.type; default: outType = .any }
        let site = StageSite(file: span.file, end: span.end)
        var result = Compiled(outType) { rt in
            let deferRequested = Compiler.takeDeferRequest(rt, site)
            switch try Sequence.of(try inEval(rt), span, stage: "where") {
            case .set(let s):
                var candidates = s
                var remaining: Eval? = test
                if let plan = planOf[s.kind.rawValue], let columns = plan.columns(rt, rows: s.rows?.count) {
                    // The stage after this one applies the condition in its own pass.
                    if deferRequested && plan.rest == nil && plan.batch.isEmpty, let fast = columns {
                        rt.deferredFilter = (site, fast)
                        return .nodes(s)
                    }
                    if let fast = columns { candidates = try Compiler.fastFilter(rt, s, fast, span) }
                    remaining = plan.rest
                    if !plan.batch.isEmpty {
                        if let kept = try Compiler.batchFiltered(rt, candidates, plan.batch, span) {
                            candidates = kept
                        } else {
                            remaining = plan.restWithBatch
                        }
                    }
                }
                guard let remaining else { return .nodes(candidates) }
                var out = ContiguousArray<Int32>()
                let saved = rt.it
                defer { rt.it = saved }
                let ids = candidates.ids(rt.store)
                try rt.visiting(ids.count, set: NodeSet(kind: s.kind, rows: ids)) {
                    for r in ids {
                        try rt.tick(span)
                        rt.it = .node(s.kind, r)
                        if try remaining(rt).truthy { out.append(r) }
                    }
                }
                return .nodes(NodeSet(kind: s.kind, rows: out))
            case .list(let l):
                var out: [Value] = []
                let saved = rt.it
                defer { rt.it = saved }
                try rt.visiting(l.count) {
                    for v in l {
                        try rt.tick(span)
                        rt.it = v
                        if try test(rt).truthy { out.append(v) }
                    }
                }
                return .list(out)
            }
        }
        // Over a node's reverse edge with the whole condition in column form, the rows can be
        // read in the index and filtered by whoever reads them.
        if let edgeRows = input.edgeRows, case .nodes(let k) = input.type, let plan = planOf[k.rawValue], plan.rest == nil,
           plan.batch.isEmpty {
            result.filteredEdgeRows = { rt in
                guard let (kind, rows) = try edgeRows(rt), kind == k, let filter = plan.predicate(rt, rows: nil) else { return nil }
                return (kind, rows, filter)
            }
        }
        return result
    }
}

/// How a `where` filters one kind's set: the column condition (fixed, plus the parts made per
/// run), the correlated tests run on the rows it lets through, and the general test of the
/// other conjuncts.
struct WherePlan {
    let fast: RowPredicate?
    let made: [PredicateMaker]
    /// Tested together on the rows the columns let through (`Compiler.batchFiltered`).
    let batch: [CorrelatedTest]
    let rest: Eval?
    /// `rest` with the batch's conjuncts tested one item at a time, when they cannot be batched.
    let restWithBatch: Eval?

    /// The column condition for this run (`.some(nil)`: there is none, only the batch); nil
    /// when a made part has no column form this time: then the general test decides every item.
    func columns(_ rt: Runtime, rows: Int?) -> RowPredicate?? {
        if fast == nil && made.isEmpty { return .some(nil) }
        return predicate(rt, rows: rows).map { .some($0) }
    }

    /// The whole column condition for this run, or nil when a made part has no column form
    /// this time: then the general test decides every item.
    /// A set of a few `rows` takes the general test when the condition would have to be made.
    func predicate(_ rt: Runtime, rows: Int?) -> RowPredicate? {
        guard !made.isEmpty else { return fast }
        if let rows, rows < Compiler.columnPassMinimum { return nil }
        guard let dynamic = Compiler.instantiate(made, rt) else { return nil }
        return fast.map { RowPredicate.both($0, dynamic) } ?? dynamic
    }
}

extension Compiler {
    /// The conjunction of `tests`, nil for none.
    static func allOf(_ tests: [Eval]) -> Eval? {
        if tests.isEmpty { return nil }
        return { rt in
            for t in tests where !(try t(rt)).truthy { return .bool(false) }
            return .bool(true)
        }
    }

    /// Sets of fewer rows are tested one item at a time: the batch reads its columns whole.
    static let batchTestMinimum = 256

    /// The rows of `set` that pass every correlated test, tested together in row order
    /// (`BatchCorrelatedTest`); nil when the set is small or a test cannot be made on the cells,
    /// and the items are then tested one at a time. `positions | where .role == exec and
    /// trained(it)` at nation scale tests 6.6 M execs: about 77 ns each one at a time.
    static func batchFiltered(_ rt: Runtime, _ set: NodeSet, _ tests: [CorrelatedTest], _ span: Span) throws -> NodeSet? {
        let valid = rt.valid(set)
        guard valid.count(rt.store) >= batchTestMinimum else { return nil }
        var prepared: [BatchCorrelatedTest] = []
        for t in tests {
            guard let b = t.prepared(rt, items: set.kind) else { return nil }
            prepared.append(b)
        }
        var rows = valid.ids(rt.store)
        let kept = try rows.withUnsafeMutableBufferPointer { buffer -> Int in
            guard let base = buffer.baseAddress else { return 0 }
            // In chunks, so that Ctrl-C is noticed; each chunk's survivors move down.
            var kept = 0, start = 0
            while start < buffer.count {
                let end = Swift.min(buffer.count, start + 1 << 16)
                var n = end - start
                for t in prepared { n = t.filter(base + start, n) }
                if kept != start { for j in 0..<n { base[kept + j] = base[start + j] } }
                kept += n
                try rt.tick(span)
                try rt.pollCancel(span)
                start = end
            }
            return kept
        }
        rows.removeLast(rows.count - kept)
        return NodeSet(kind: set.kind, rows: rows)
    }
}
