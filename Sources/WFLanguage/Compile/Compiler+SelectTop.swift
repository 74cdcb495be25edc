import WFStore

/// `select … | where … | sort .a, .b | take N` where the filters and sort keys read fields the
/// select makes: the fields are computed per item into one flat array, the filters test them
/// there, the first N are chosen from what passes, and records are built for those N only. The
/// general path built a record (two arrays) for every item, read the keys back out of each, and
/// freed them all after the `take`: for the 28,000 villages of q4, more than half the work was
/// records nobody would see.
///
/// A field that only reads a stored field of the item (`.name`) and that no filter or key
/// reads is read for the N kept items only, when nothing in the select or the filters can
/// write to the store (so it reads the same then as during the loop): q1 read the names of
/// 48,000 townships at nation scale, 23 ms, to print ten.
///
/// Every other select expression is still evaluated for every item, in the same order, and the
/// filters run stage by stage over all the items, so values and errors are the general path's;
/// ties keep input order, as `sort` does.
extension Compiler {
    /// The fused stages and how many stages they are, or nil when the shape differs (a key or a
    /// filter that reads anything but select fields and variables).
    func selectTop(_ stages: [Stage], at i: Int, input: Compiled) -> (Compiled, stages: Int)? {
        guard case .select(let items) = stages[i].kind else { return nil }
        var j = i + 1
        var conditions: [Expr] = []
        while j < stages.count, case .where(let c) = stages[j].kind {
            conditions.append(c)
            j += 1
        }
        guard j + 1 < stages.count, case .sort(let sortKeys) = stages[j].kind,
              case .take(let n) = stages[j + 1].kind, case .int(let literal) = n.kind, literal >= 0 else { return nil }
        let names = items.map(\.0)
        var keyNames: [String] = []
        for (key, _) in sortKeys {
            guard case .field(nil, let name, _) = key.kind, names.contains(name) else { return nil }
            keyNames.append(name)
        }
        // The filters with select fields read from slots of this frame (`selectFieldsAsNames`).
        var read = Set<String>()
        var rewritten: [Expr] = []
        for c in conditions {
            guard let r = Compiler.selectFieldsAsNames(c, Set(names), &read) else { return nil }
            rewritten.append(r)
        }
        let itemType = input.type.element
        // By column: whether the field may be read for the kept items only.
        let deferrable = items.enumerated().map { (column, item) in
            !keyNames.contains(item.0) && !read.contains(item.0) && names.firstIndex(of: item.0) == column
                && storedFieldOfItem(item.1, itemType)
        }
        let deferredColumns = deferrable.indices.filter { deferrable[$0] }
        // The rewritten filters call nothing (`selectFieldsAsNames` refuses calls and pipelines).
        let mayDefer = !deferredColumns.isEmpty && items.allSatisfy { cannotWrite($0.1) }
        let deferredKind: Kind?
        if mayDefer, case .node(let k) = itemType { deferredKind = k } else { deferredKind = nil }
        let span = stages[i].span, sortSpan = stages[j].span
        let inEval = input.eval
        let evals = withStage(itemType) { items.map { compile($0.1).eval } }
        // Slots for the fields the filters read, in a block of their own.
        let savedScope = scope
        scope = Scope(parent: scope, function: scope.function)
        let slots = read.sorted().map { (column: names.firstIndex(of: $0) ?? 0, slot: declare(Compiler.selectFieldName($0))) }
        let filterEvals = quietly { rewritten.map { compile($0).eval } }
        scope = savedScope
        guard let filterEvals else { return nil }
        let keyColumns = keyNames.map { names.firstIndex(of: $0) ?? 0 }
        let descending = sortKeys.map(\.1)
        let width = evals.count, limit = Int(clamping: literal)
        let filterSpans = stages[(i + 1)..<j].map(\.span)
        let fused = Compiled { rt in
            let seq = try Sequence.of(try inEval(rt), span, stage: "select")
            let saved = rt.it
            defer { rt.it = saved }
            // Deferred this run only when every item is a node of the kind compiled for.
            var late = false
            if let k = deferredKind, case .set(let s) = seq, s.kind == k { late = true }
            // Item `a`'s fields are `values[a * width ..< (a + 1) * width]` (deferred ones null
            // until read), and its item is `kept[a]` when fields are deferred.
            var values: [Value] = []
            var kept: [Value] = []
            if case .set(let s) = seq { values.reserveCapacity(s.count(rt.store) * width) }
            var deepest = 0
            try rt.visiting(seq.count(rt), set: seq.set) { try seq.visit(rt) { item in
                try rt.tick(span)
                rt.it = item
                for column in 0..<width {
                    if late && deferrable[column] {
                        values.append(.null)
                        continue
                    }
                    let v = try evals[column](rt)
                    switch v {
                    case .list, .record: deepest = max(deepest, v.nesting)
                    default: break
                    }
                    values.append(v)
                }
                if late { kept.append(item) }
                return true
            } }
            if deepest + 2 > Value.maxNesting {
                throw WFError.runtime("lists and records nest more than \(Value.maxNesting) deep", span)
            }
            let count = width == 0 ? 0 : values.count / width
            // The items the filters kept, by index; with no filters, all (`rows` is then not read).
            var rows: [Int] = []
            let filtered = !filterEvals.isEmpty
            // Each filter over every item the one before kept, as the stages run.
            if filtered {
                rows = Array(0..<count)
                defer { for s in slots { rt.frame.slots[s.slot] = .null } }
                for (f, test) in filterEvals.enumerated() {
                    var passed: [Int] = []
                    for a in rows {
                        try rt.tick(filterSpans[f])
                        for s in slots { rt.frame.slots[s.slot] = values[a &* width &+ s.column] }
                        if try test(rt).truthy { passed.append(a) }
                    }
                    rows = passed
                }
            }
            let considered = filtered ? rows.count : count
            // Keys that are all numbers (or null) are compared as doubles (`NumericSortKeys`).
            let numeric = NumericSortKeys(items: considered, width: keyColumns.count) { x, k in
                values[(filtered ? rows[x] : x) &* width &+ keyColumns[k]]
            }
            let order = try Compiler.order(considered, limit: limit, rt, sortSpan) { x, y in
                if let numeric { return numeric.before(x, y, descending: descending) }
                let a = filtered ? rows[x] : x, b = filtered ? rows[y] : y
                var k = 0
                while k < keyColumns.count {
                    let l = values[a &* width &+ keyColumns[k]], r = values[b &* width &+ keyColumns[k]]
                    let c = Value.sortOrder(l, r)
                    if c != 0 { return (descending[k] && !l.isNull && !r.isNull) ? c > 0 : c < 0 }
                    k &+= 1
                }
                return a < b
            }
            return .list(try order.map { x in
                let a = filtered ? rows[x] : x
                var fields = Array(values[a * width ..< (a + 1) * width])
                if late {
                    rt.it = kept[a]
                    for column in deferredColumns { fields[column] = try evals[column](rt) }
                }
                return .record(Record(keys: names, values: fields))
            })
        }
        return (fused, j + 2 - i)
    }

    /// Whether `e` reads a stored field of the item (`.name`), which cannot fail or change
    /// anything for an item of the kind `itemType` names.
    private func storedFieldOfItem(_ e: Expr, _ itemType: SType) -> Bool {
        guard case .node(let k) = itemType else { return false }
        return storedField(e, of: k) != nil
    }

    /// The name a select field's slot has while a fused filter reads it: not one a program can write.
    static func selectFieldName(_ field: String) -> String { "." + field }

    /// `e` with each `.f` of the item, for `f` among `fields`, read from a variable instead
    /// (`selectFieldName`), and the fields read added to `read`; nil when `e` reads the item
    /// another way, or calls, or runs a pipeline (whose `.f` would be its own items').
    static func selectFieldsAsNames(_ e: Expr, _ fields: Set<String>, _ read: inout Set<String>) -> Expr? {
        func go(_ e: Expr) -> Expr? {
            var out = e
            switch e.kind {
            case .null, .bool, .int, .decimal, .string, .date, .duration, .name:
                return e
            case .field(nil, let name, _):
                guard fields.contains(name) else { return nil }
                read.insert(name)
                out.kind = .name(selectFieldName(name))
            case .field(let base?, let name, let span):
                guard let b = go(base) else { return nil }
                out.kind = .field(b, name, span)
            case .index(let a, let b):
                guard let x = go(a), let y = go(b) else { return nil }
                out.kind = .index(x, y)
            case .unary(let op, let a):
                guard let x = go(a) else { return nil }
                out.kind = .unary(op, x)
            case .binary(let op, let a, let b):
                guard let x = go(a), let y = go(b) else { return nil }
                out.kind = .binary(op, x, y)
            case .conditional(let a, let b, let c):
                guard let x = go(a), let y = go(b), let z = go(c) else { return nil }
                out.kind = .conditional(x, y, z)
            case .list(let xs):
                var ys: [Expr] = []
                for x in xs { guard let y = go(x) else { return nil }; ys.append(y) }
                out.kind = .list(ys)
            case .record(let fs):
                var ys: [(String, Expr)] = []
                for (n, x) in fs { guard let y = go(x) else { return nil }; ys.append((n, y)) }
                out.kind = .record(ys)
            case .it, .call, .pipe, .lambda, .mutation, .lookup:
                return nil
            }
            return out
        }
        return go(e)
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
