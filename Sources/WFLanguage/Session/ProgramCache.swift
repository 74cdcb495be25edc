/// Entries a session compiled before, by file and text, so that running the same text again
/// (a question asked again in the REPL, a script's `-c` run in a loop, the benchmark's warm
/// runs) skips parsing and compiling: half of a point look-up's instructions. SQLite keeps
/// prepared statements for the same reason.
///
/// A compiled program depends on what the global names meant when it was compiled. It is
/// reused only while they are unchanged: the same global scope (not `:reset`), no name declared
/// and none bound again since. Entries with `use` or `param` are not kept: compiling them has
/// effects of its own (a module is loaded once; parameters are checked against arguments).
struct ProgramCache {
    struct Names: Equatable {
        let scope: ObjectIdentifier
        let count: Int
        let slots: Int
        let rebinds: Int
    }

    struct Program {
        let execs: [Exec]
        let stmts: [Stmt]
        let names: Names
    }

    /// Entries kept at most; past it the cache starts again.
    static let limit = 64
    private var programs: [String: Program] = [:]

    private static func key(_ source: String, _ file: String) -> String { file + "\u{0}" + source }

    func find(_ source: String, file: String, names: Names) -> Program? {
        guard let p = programs[ProgramCache.key(source, file)], p.names == names else { return nil }
        return p
    }

    mutating func keep(_ source: String, file: String, execs: [Exec], stmts: [Stmt], names: Names) {
        // The words alone are enough to leave an entry out (a function body may hold `use`).
        guard !source.contains("use"), !source.contains("param"),
              !stmts.contains(where: ProgramCache.hasEffectsWhenCompiled) else { return }
        if programs.count >= ProgramCache.limit { programs.removeAll() }
        programs[ProgramCache.key(source, file)] = Program(execs: execs, stmts: stmts, names: names)
    }

    /// `use` and `param` at any depth a statement list holds.
    private static func hasEffectsWhenCompiled(_ s: Stmt) -> Bool {
        switch s.kind {
        case .use, .param: return true
        case .fn(_, _, let body), .for(_, _, let body), .while(_, let body), .atomic(let body): return body.contains(where: hasEffectsWhenCompiled)
        case .if(_, let a, let b): return (a + (b ?? [])).contains(where: hasEffectsWhenCompiled)
        case .whatif(let body, _): return body.contains(where: hasEffectsWhenCompiled)
        case .fork: return true
        default: return false
        }
    }
}
