import Foundation
import WFStore

extension Compiler {
    /// Compiles the statements of a block into one closure, in the current scope. `fn`
    /// declarations are hoisted: bound before the block's other statements run, so functions
    /// may call each other in any order.
    func compileBlockBody(_ stmts: [Stmt]) -> Exec {
        let (prologue, body) = compileStatements(stmts, topLevel: false)
        let all = prologue + body
        return all.count == 1 ? all[0] : Compiler.sequence(all)
    }

    /// Runs statements in order, stopping at the first that breaks, continues or returns.
    static func sequence(_ all: [Exec]) -> Exec {
        { rt in
            for s in all {
                let flow = try s(rt)
                if case .normal = flow { continue }
                return flow
            }
            return .normal
        }
    }

    func compileBlock(_ stmts: [Stmt]) -> Exec { withBlockScope { compileBlockBody(stmts) } }

    /// (hoisted function definitions, the other statements in order).
    func compileStatements(_ stmts: [Stmt], topLevel: Bool) -> ([Exec], [Exec]) {
        var definitions: [Int: FunctionDefinition] = [:]
        for (i, s) in stmts.enumerated() {
            if case .fn(let n, let params, let body) = s.kind {
                let definition = FunctionDefinition(name: n, params: params, body: body)
                definitions[i] = definition
                _ = declare(n, arity: params.count, definition: definition)
            }
        }
        var prologue: [Exec] = []
        var body: [Exec] = []
        for (i, s) in stmts.enumerated() {
            let e = compileStatement(s, topLevel: topLevel, definition: definitions[i])
            if case .fn = s.kind { prologue.append(e) } else { body.append(e) }
        }
        return (prologue, body)
    }

    /// `definition`: for a `fn` statement, the definition its block hoisted.
    func compileStatement(_ s: Stmt, topLevel: Bool, definition: FunctionDefinition? = nil) -> Exec {
        let span = s.span
        switch s.kind {
        case .let(let n, let e):
            let value = compile(e).eval
            let slot = declare(n)
            return { rt in rt.frame.slots[slot] = try value(rt); return .normal }
        case .assign(let n, let e):
            if let v = lookup(n), let inPlace = appendInPlace(n, e, v) {
                v.typed?.isAssigned = true
                return inPlace
            }
            let value = compile(e).eval
            guard let v = lookup(n) else {
                _ = error(.resolve("unknown variable '\(n)'", span, hint: "declare it first: let \(n) = …"))
                return { _ in .normal }
            }
            v.typed?.isAssigned = true
            let hops = v.hops, slot = v.slot
            if hops == 0 { return { rt in rt.frame.slots[slot] = try value(rt); return .normal } }
            return { rt in rt.frame(hops).slots[slot] = try value(rt); return .normal }
        case .fn(let n, let params, let body):
            let definition = definition ?? FunctionDefinition(name: n, params: params, body: body)
            let slot = declare(n, arity: params.count, definition: definition)
            let f = compileFunction(name: n, params: params, body: body, span: span, definition: definition).eval
            return { rt in rt.frame.slots[slot] = try f(rt); return .normal }
        case .if(let c, let a, let b):
            let cond = compile(c).eval
            let then = compileBlock(a)
            let otherwise = b.map { compileBlock($0) }
            return { rt in
                if try cond(rt).truthy { return try then(rt) }
                return try otherwise?(rt) ?? .normal
            }
        case .for(let n, let seqExpr, let body):
            let seq = compile(seqExpr)
            return withBlockScope {
                let slot = declare(n)
                loopDepth += 1
                let b = withBlockScope { compileBlockBody(body) }
                loopDepth -= 1
                let seqEval = seq.eval
                return { rt in
                    let v = try seqEval(rt)
                    let items: [Value]
                    switch v {
                    case .record(let r): items = r.keys.map { .string($0) }
                    default:
                        guard let i = v.items(rt.store) else {
                            throw WFError.runtime("for needs a list, a set or a record, not \(v.typeName)", seqExpr.span)
                        }
                        items = i
                    }
                    for item in items {
                        try rt.tick(span)
                        rt.frame.slots[slot] = item
                        switch try b(rt) {
                        case .breakLoop: return .normal
                        case .returned(let r): return .returned(r)
                        default: continue
                        }
                    }
                    return .normal
                }
            }
        case .while(let c, let body):
            let cond = compile(c).eval
            loopDepth += 1
            let b = compileBlock(body)
            loopDepth -= 1
            return { rt in
                while try cond(rt).truthy {
                    try rt.tick(span)
                    switch try b(rt) {
                    case .breakLoop: return .normal
                    case .returned(let r): return .returned(r)
                    default: continue
                    }
                }
                return .normal
            }
        case .return(let e):
            if functionDepth == 0 { _ = error(.resolve("return outside a function", span)) }
            let value = e.map { compile($0).eval }
            return { rt in .returned(try value?(rt) ?? .null) }
        case .break, .continue:
            let isBreak: Bool
            if case .break = s.kind { isBreak = true } else { isBreak = false }
            if loopDepth == 0 { _ = error(.resolve("\(isBreak ? "break" : "continue") outside a loop", span)) }
            return { _ in isBreak ? .breakLoop : .continueLoop }
        case .print(let items):
            let evals = items.map { compile($0).eval }
            return { rt in
                let values = try evals.map { try $0(rt) }
                if values.count == 1 { try rt.session.emit(values[0], rt) } else {
                    let reveal = rt.session.options.revealPersonal
                    try rt.session.write(values.map { Display.inline($0, reveal: reveal, store: rt.store) }.joined(separator: " ") + "\n", rt)
                }
                return .normal
            }
        case .show(let e):
            let value = compile(e).eval
            return { rt in try rt.session.emit(try value(rt), rt, asTable: true); return .normal }
        case .expr(let e):
            let value = compile(e).eval
            if topLevel {
                return { rt in
                    let v = try value(rt)
                    if !v.isNull { try rt.session.emit(v, rt) }
                    return .normal
                }
            }
            return { rt in _ = try value(rt); return .normal }
        case .use(let name, let isPath):
            return compileUse(name, isPath: isPath, span: span)
        case .param(let decl):
            return compileParam(decl, span: span)
        case .atomic(let body):
            let b = compileBlock(body)
            return { rt in
                let saved = rt.store
                do { return try b(rt) } catch {
                    rt.store = saved
                    throw error
                }
            }
        case .undo:
            return { rt in
                if rt.session.forkDepth > 0 { throw WFError.runtime("undo inside a fork or a whatif", span, hint: "undo takes back changes of the real network; run it outside the block") }
                guard rt.session.popHistory(rt) else {
                    throw WFError.runtime("nothing to undo", span)
                }
                return .normal
            }
        case .whatif(let body, let compare):
            let b = compileBlock(body)
            let c = compile(compare).eval
            return { rt in
                let before = try c(rt)
                let saved = rt.store, savedMutations = rt.mutations
                defer {
                    rt.store = saved
                    rt.mutations = savedMutations
                }
                rt.session.forkDepth += 1
                defer { rt.session.forkDepth -= 1 }
                _ = try b(rt)
                let after = try c(rt)
                try rt.session.emitTable(WhatIf.compare(before, after, rt: rt), rt)
                return .normal
            }
        case .fork(let f):
            return compileFork(f, span: span)
        case .save(let e):
            let path = compile(e).eval
            return { rt in
                guard case .string(let p) = try path(rt) else { throw WFError.runtime("save needs a file name (a string)", span) }
                try rt.session.save(rt.store, to: p, span: span)
                return .normal
            }
        case .export(let e, let to):
            let value = compile(e).eval, path = compile(to).eval
            return { rt in
                guard case .string(let p) = try path(rt) else { throw WFError.runtime("export needs a file name (a string)", span) }
                try Export.write(try value(rt), to: p, rt: rt, span: span)
                return .normal
            }
        case .create, .set, .delete, .link, .unlink, .appoint, .end, .convert, .record:
            let m = compileMutation(s)
            return { rt in _ = try m(rt); return .normal }
        }
    }

    func compileParam(_ decl: ParamDecl, span: Span) -> Exec {
        let def = decl.defaultValue.map { compile($0).eval }
        let slot = declare(decl.name)
        let name = decl.name, type = decl.type
        return { rt in
            var value: Value
            if let text = rt.session.arguments[name] {
                value = try Parameters.parse(text, type: type, rt: rt, name: name, span: span)
            } else if let def {
                value = try def(rt)
                if case .string(let s) = value, type == "org" || type == "person" {
                    value = try Parameters.parse(s, type: type, rt: rt, name: name, span: span)
                }
            } else {
                throw WFError(.usage, "missing parameter --\(name) (\(type))", span: span, hint: "run the script with --\(name) VALUE")
            }
            rt.frame.slots[slot] = value
            return .normal
        }
    }

    func compileUse(_ name: String, isPath: Bool, span: Span) -> Exec {
        let path: String
        if isPath {
            path = Paths.join(directory, name)
        } else {
            guard let found = session.options.stdlibPaths.map({ Paths.join($0, name + ".wf") })
                .first(where: { FileManager.default.fileExists(atPath: $0) }) else {
                _ = error(.resolve("no module '\(name)'", span, hint: "looked in: " + session.options.stdlibPaths.joined(separator: ", ")))
                return { _ in .normal }
            }
            path = found
        }
        let key = Paths.normalized(path)
        if session.loadedModules.contains(key) { return { _ in .normal } }
        guard let data = FileManager.default.contents(atPath: key) else {
            _ = error(.resolve("cannot read module '\(name)'", span, hint: "no file at \(key)"))
            return { _ in .normal }
        }
        session.loadedModules.insert(key)
        let file = session.addSource(SourceFile(name: name.hasSuffix(".wf") ? name : name + ".wf", bytes: Array(data)))
        switch Parser.parse(session.sources[Int(file)], file: file) {
        case .failure(let e):
            errors.append(e)
            return { _ in .normal }
        case .success(let stmts):
            let savedDir = directory
            directory = Paths.directory(key)
            defer { directory = savedDir }
            let (prologue, body) = compileStatements(stmts, topLevel: false)
            let all = prologue + body
            return { rt in
                for s in all { _ = try s(rt) }
                return .normal
            }
        }
    }
}
