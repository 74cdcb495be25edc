import WFStore

/// `select … | sort .a, .b | take N` where the sort keys are fields the select makes: the
/// fields are computed per item into one flat array, the first N are chosen from it, and
/// records are built for those N only. The general path built a record (two arrays) for every
/// item, read the keys back out of each, and freed them all after the `take`: for the 28,000
/// villages of q4, more than half the work was records nobody would see.
///
/// Every select expression is still evaluated for every item, in the same order, so values and
/// errors are the general path's; ties keep input order, as `sort` does.
extension Compiler {
    /// The fused stages, or nil when the shape differs (a key that is not a select field).
    func selectTop(_ stages: [Stage], at i: Int, input: Compiled) -> Compiled? {
        guard i + 2 < stages.count, case .select(let items) = stages[i].kind,
              case .sort(let sortKeys) = stages[i + 1].kind,
              case .take(let n) = stages[i + 2].kind, case .int(let literal) = n.kind, literal >= 0 else { return nil }
        let names = items.map(\.0)
        var keyColumns: [Int] = []
        for (key, _) in sortKeys {
            guard case .field(nil, let name, _) = key.kind, let column = names.firstIndex(of: name) else { return nil }
            keyColumns.append(column)
        }
        let descending = sortKeys.map(\.1)
        let span = stages[i].span, sortSpan = stages[i + 1].span
        let inEval = input.eval
        let evals = withStage(input.type.element) { items.map { compile($0.1).eval } }
        let width = evals.count, limit = Int(clamping: literal)
        return Compiled { rt in
            let seq = try Sequence.of(try inEval(rt), span, stage: "select")
            let saved = rt.it
            defer { rt.it = saved }
            // Item `a`'s fields are `values[a * width ..< (a + 1) * width]`.
            var values: [Value] = []
            if case .set(let s) = seq { values.reserveCapacity(s.count(rt.store) * width) }
            var deepest = 0
            try seq.visit(rt) { item in
                try rt.tick(span)
                rt.it = item
                for e in evals {
                    let v = try e(rt)
                    switch v {
                    case .list, .record: deepest = max(deepest, v.nesting)
                    default: break
                    }
                    values.append(v)
                }
                return true
            }
            if deepest + 2 > Value.maxNesting {
                throw WFError.runtime("lists and records nest more than \(Value.maxNesting) deep", span)
            }
            let count = width == 0 ? 0 : values.count / width
            let order = try Compiler.order(count, limit: limit, rt, sortSpan) { a, b in
                var k = 0
                while k < keyColumns.count {
                    let x = values[a &* width &+ keyColumns[k]], y = values[b &* width &+ keyColumns[k]]
                    let c = Value.sortOrder(x, y)
                    if c != 0 { return (descending[k] && !x.isNull && !y.isNull) ? c > 0 : c < 0 }
                    k &+= 1
                }
                return a < b
            }
            return .list(order.map { a in .record(Record(keys: names, values: Array(values[a * width ..< (a + 1) * width]))) })
        }
    }

    /// The first `limit` of `0..<count` under `before` (ties by position), polling for Ctrl-C
    /// while comparing as `sort` does: the comparator cannot throw, so once cancelled it lets the
    /// selection finish at once and the interruption is raised after it.
    static func order(_ count: Int, limit: Int?, _ rt: Runtime, _ span: Span, by before: (Int, Int) -> Bool) throws -> [Int] {
        var comparisons = 0
        var cancelled = false
        let polled = { (a: Int, b: Int) -> Bool in
            if cancelled { return a < b }
            comparisons &+= 1
            if comparisons & 4095 == 0, (try? rt.pollCancel(span)) == nil { cancelled = true; return a < b }
            return before(a, b)
        }
        let order = (limit.map { $0 < count } ?? false) ? Compiler.firstInOrder(limit ?? 0, of: count, by: polled)
                                                         : Array(0..<count).sorted(by: polled)
        if cancelled { throw WFError(.interrupted, "interrupted", span: span) }
        return order
    }
}
