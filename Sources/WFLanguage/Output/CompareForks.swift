import WFStore
import WFRender

/// What the fork statements print and do to the real network: `forks`, `compare … in …`, `apply`.
extension Session {
    /// `forks`: one row per fork, in the order made.
    func emitForkList(_ rt: Runtime) throws {
        if forks.all.isEmpty {
            try write("no forks\n", rt)
            return
        }
        let rows: [[Cell]] = forks.all.map { [.text($0.name), .int($0.changes), .text($0.base)] }
        try emitTable(ResultTable(columns: ["fork", "changes", "base"], rows: rows), rt)
    }

    /// `compare EXPR in A, B, …`: evaluates EXPR on each network named (`base` is the real one)
    /// and prints the table of whatif (WhatIf.compare) for the first against each of the others.
    /// One name alone is compared against `base`.
    /// - Complexity: one evaluation of EXPR per network; switching networks is O(1).
    func compareForks(_ names: [(String, Span)], value: (Runtime) throws -> Value, rt: Runtime) throws {
        var sides: [(name: String, store: Store)] = try names.map { name, span in
            name == "base" ? (name, rt.store) : (name, try forks.require(name, span, allowBase: true).store)
        }
        if sides.count == 1 && sides[0].name != "base" { sides.insert(("base", rt.store), at: 0) }
        let saved = rt.store, savedMutations = rt.mutations
        defer {
            rt.store = saved
            rt.mutations = savedMutations
        }
        let shared = sharedRows(names.map(\.0), rt: rt)
        var values: [Value] = []
        for side in sides {
            rt.store = side.store
            values.append(Session.detachNewNodes(try value(rt), store: side.store, shared: shared, depth: 0))
        }
        if sides.count == 1 {
            try emit(values[0], rt)
            return
        }
        for i in 1..<sides.count {
            // Shown with the later network, which holds any organisation the fork created.
            rt.store = sides[i].store
            var table = WhatIf.compare(values[0], values[i], rt: rt)
            table.columns = table.columns.map { $0 == "before" ? sides[0].name : $0 == "after" ? sides[i].name : $0 }
            if sides.count > 2 { table.title = "\(sides[0].name) → \(sides[i].name)" }
            try emitTable(table, rt)
        }
    }

    /// Per kind, how many rows every network compared has in common: those made before any of
    /// them diverged from the others. Rows from there on were made separately, so the same id may
    /// be a different organisation in each fork.
    /// - Complexity: O(forks named × kinds).
    func sharedRows(_ names: [String], rt: Runtime) -> [Int] {
        var shared = Kind.allCases.map { rt.store.count($0) }
        for name in names {
            guard let fork = forks.find(name) else { continue }
            for k in Kind.allCases { shared[k.rawValue] = min(shared[k.rawValue], fork.origin.count(k)) }
        }
        return shared
    }

    /// `v` with every node made after the networks diverged (row ≥ `shared`) replaced by its name:
    /// two forks that each create a village give both the next id, and rows keyed by node would
    /// otherwise be matched as one. Names match across forks; ids made apart do not.
    /// - Complexity: O(size of `v`), to the nesting limit of values.
    static func detachNewNodes(_ v: Value, store: Store, shared: [Int], depth: Int) -> Value {
        switch v {
        case .node(let kind, let row) where Int(row) >= shared[kind.rawValue]:
            return .string(store.displayName(kind, row))
        case .list(let items) where depth < Value.maxNesting:
            return .list(items.map { detachNewNodes($0, store: store, shared: shared, depth: depth + 1) })
        case .record(var r) where depth < Value.maxNesting:
            r.values = r.values.map { detachNewNodes($0, store: store, shared: shared, depth: depth + 1) }
            return .record(r)
        default:
            return v
        }
    }

    /// `apply NAME`: the real network becomes the fork's. When the real network has not changed
    /// since the fork was made, the fork's store is adopted (O(1)); otherwise the fork's statements
    /// run again on the network as it is now, so every change is checked against the rules again,
    /// and the first that fails leaves the network untouched. Counted as one change, so `undo`
    /// takes the whole apply back.
    /// - Complexity: O(changes in both networks) to compare them, plus the replay when needed.
    func applyFork(_ fork: Fork, rt: Runtime, span: Span) throws {
        if rt.store.hasSameContent(as: fork.origin) {
            rt.store = fork.store
        } else {
            let saved = rt.store, savedFrame = rt.frame, savedOutput = options.output
            options.output = { _ in }
            defer {
                rt.frame = savedFrame
                options.output = savedOutput
            }
            do {
                for step in fork.script {
                    rt.frame = step.frame
                    _ = try step.body(rt)
                }
            } catch var e as WFError {
                rt.store = saved
                e.note = (e.note.map { $0 + "\n" } ?? "")
                    + "while applying fork '\(fork.name)': the network changed since it was made, so its changes were made again and checked; nothing was applied"
                throw e
            } catch {
                rt.store = saved
                throw error
            }
        }
        rt.mutations += 1
    }
}
