import WFStore
import WFRender

/// Compiles the fork statements (AST+Forks.swift). Forks are looked up by name when the statement
/// runs, not when it compiles: they are made by earlier statements, possibly in earlier REPL entries.
extension Compiler {
    func compileFork(_ f: ForkStmt, span: Span) -> Exec {
        switch f {
        case .create(let name, let nameSpan, let from, let body):
            return compileForkCreate(name, nameSpan, from: from, body: compileForkBody(body))
        case .list:
            if lookup("forks") != nil { return compileStatement(Stmt(kind: .expr(Expr(kind: .name("forks"), span: span)), span: span), topLevel: true) }
            return { rt in
                try rt.session.emitForkList(rt)
                return .normal
            }
        case .run(let name, let nameSpan, let body):
            let b = compileForkBody(body)
            return { rt in
                let session = rt.session
                if name == "base" { return try b(rt) }
                var fork = try session.forks.require(name, nameSpan)
                let (store, changes) = try rt.onFork(fork.store, b)
                if changes > 0 {
                    fork.store = store
                    fork.changes += changes
                    fork.script.append((b, rt.frame))
                    session.forks.put(fork)
                }
                return .normal
            }
        case .compare(let e, let names):
            let value = compile(e).eval
            return { rt in
                try rt.session.compareForks(names, value: value, rt: rt)
                return .normal
            }
        case .apply(let name, let nameSpan):
            return { rt in
                try rt.session.applyFork(rt.session.forks.require(name, nameSpan), rt: rt, span: span)
                return .normal
            }
        case .drop(let name, let nameSpan):
            return { rt in
                _ = try rt.session.forks.require(name, nameSpan)
                rt.session.forks.remove(name)
                return .normal
            }
        }
    }

    /// A fork's statements in a scope of their own; values of expression statements are printed,
    /// as at the top level (`in plan_a { coverage(x) }` is a question asked of the fork).
    func compileForkBody(_ body: [Stmt]) -> Exec {
        let all = withBlockScope { () -> [Exec] in
            let (prologue, rest) = compileStatements(body, topLevel: true)
            return prologue + rest
        }
        return Compiler.sequence(all)
    }

    func compileForkCreate(_ name: String, _ nameSpan: Span, from: (String, Span)?, body: @escaping Exec) -> Exec {
        { rt in
            let session = rt.session
            if name == "base" { throw WFError.runtime("'base' names the real network; a fork needs another name", nameSpan) }
            if session.forks.find(name) != nil {
                throw WFError.runtime("there is already a fork '\(name)'", nameSpan,
                                      hint: "add to it with in \(name) { … }, or drop \(name) first")
            }
            let parent = try from.map { try session.forks.require($0.0, $0.1) }
            let (store, changes) = try rt.onFork(parent?.store ?? rt.store, body)
            session.forks.put(Fork(name: name, store: store, base: parent?.name ?? "base", origin: parent?.origin ?? rt.store,
                                   changes: (parent?.changes ?? 0) + changes,
                                   script: (parent?.script ?? []) + (changes > 0 ? [(body, rt.frame)] : [])))
            return .normal
        }
    }
}

extension Runtime {
    /// Runs `body` with `store` as the network and gives back the store it leaves and the number
    /// of changes made; the runtime's own network and change count are as before afterwards, also
    /// when the body fails.
    /// - Complexity: O(1) beyond the body: the store is swapped, not copied.
    func onFork(_ store: Store, _ body: Exec) throws -> (Store, Int) {
        let saved = self.store, savedMutations = mutations
        session.forkDepth += 1
        defer {
            self.store = saved
            mutations = savedMutations
            session.forkDepth -= 1
        }
        self.store = store
        _ = try body(self)
        return (self.store, mutations - savedMutations)
    }
}
