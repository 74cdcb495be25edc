import Foundation
import WFStore
import WFRender
import WFSnapshot

/// One interpreter over one network: what the command line and the REPL drive.
///
/// Variables and functions persist across `run` calls (REPL entries). The store is a value: the
/// undo history is a stack of earlier stores, each sharing all unchanged columns.
public final class Session {
    public private(set) var store: Store
    public var options: SessionOptions
    /// True when a mutation ran since the session started, was reset, or saved.
    public var hasUnsavedChanges = false

    let initialStore: Store
    var sources: [SourceFile] = []
    var globalFunction = FunctionScope(parent: nil)
    var globalScope: Scope
    var globalFrame = Frame(size: Session.initialGlobalSlots, parent: nil)
    var history: [Store] = []
    var arguments: [String: String] = [:]
    var loadedModules = Set<String>()
    /// Named forks of the network (`fork NAME { … }`), in the order made.
    var forks = ForkTable()
    /// How many fork or whatif bodies are running: `undo` there would pop the real network's history.
    var forkDepth = 0
    let today: Day
    /// Entries compiled before, run again without parsing or compiling (`ProgramCache`).
    var programs = ProgramCache()
    /// Bumped whenever a top-level name is bound again (`Compiler.declare`), for `ProgramCache`.
    var rebinds = 0

    /// What the global names are now, as far as a compiled program depends on them.
    var globalNames: ProgramCache.Names {
        ProgramCache.Names(scope: ObjectIdentifier(globalScope), count: globalScope.names.count,
                           slots: globalFunction.size, rebinds: rebinds)
    }

    /// Top-level names a session may declare (the global frame grows to this as needed).
    static let globalSlots = 16_384
    /// The global frame's first size. It grows as names are declared: a frame of 16,384 slots
    /// made, cleared and freed per session was two thirds of a point look-up's instructions
    /// (callgrind: 440 K of 657 K).
    static let initialGlobalSlots = 64
    /// Function bodies compiled for their arguments' types so far (`Compiler+Specialize.swift`),
    /// by function name, for tests to see that a call took that path.
    var specializedBodies: [String] = []
    /// Calls compiled into their call sites (`Compiler+Inline.swift`), by function name.
    var inlinedCalls: [String] = []
    /// Sites of grouped sub-queries compiled so far (`GroupedEdgeCount.swift`): each has its
    /// own counts in a run.
    var groupedSites = 0
    /// Passes made for grouped sub-queries, for tests to see that a query took that path.
    var groupedPasses = 0
    /// Calls tested on the cells (`CorrelatedExists.swift`), by function name.
    var cellTestedCalls: [String] = []
    /// Calls in `where` conditions written out (`Compiler+InlineConditions.swift`), by function name.
    var expandedConditions: [String] = []
    /// Steps (`Runtime.tick`) the last run counted: loop iterations, calls and items stepped
    /// through one at a time. Tests check a column path by it (a pass over a million rows
    /// counts a step per block, the per-item path one per row), which a timing could not do
    /// reliably on a shared machine.
    var lastRunSteps = 0
    /// Undo keeps this many earlier states.
    static let historyLimit = 100

    public init(store: Store, options: SessionOptions) {
        self.store = store
        self.initialStore = store
        self.options = options
        self.globalScope = Scope(parent: nil, function: globalFunction)
        self.today = store.meta.asOf ?? options.today ?? Session.systemToday()
    }

    static func systemToday() -> Day {
        let days = Int32(Date().timeIntervalSince1970 / 86_400)
        return Day(raw: days)
    }

    func addSource(_ s: SourceFile) -> Int32 {
        sources.append(s)
        return Int32(sources.count - 1)
    }

    func render(_ e: WFError) -> String { ErrorRenderer.render(e, sources: sources, color: options.color) }

    static func status(_ e: WFError) -> RunStatus {
        switch e.phase {
        case .syntax, .resolve, .usage: return .syntaxError
        case .runtime, .rule, .interrupted: return .runtimeError
        }
    }

    /// Parses and compiles `source` against the global scope. On failure the scope is restored,
    /// so a REPL entry with a typo leaves no half-declared names behind.
    struct CompileFailure: Error { let errors: [WFError] }

    func compile(_ source: String, file: String) -> Result<(Compiler, [Exec], [Stmt]), CompileFailure> {
        let id = addSource(SourceFile(name: file, text: source))
        let stmts: [Stmt]
        switch Parser.parse(sources[Int(id)], file: id) {
        case .failure(let e): return .failure(CompileFailure(errors: [e]))
        case .success(let s): stmts = s
        }
        let savedNames = globalScope.names, savedSize = globalFunction.size, savedModules = loadedModules
        let compiler = Compiler(session: self, scope: globalScope, directory: Paths.directory(file))
        let (prologue, body) = compiler.compileStatements(stmts, topLevel: true)
        if globalFunction.size > Session.globalSlots {
            compiler.errors.append(WFError(.resolve, "too many top-level variables (more than \(Session.globalSlots))", span: nil,
                                           hint: "put the work in functions, or :reset the session"))
        }
        if !compiler.errors.isEmpty {
            globalScope.names = savedNames
            globalFunction.size = savedSize
            loadedModules = savedModules
            return .failure(CompileFailure(errors: compiler.errors))
        }
        return .success((compiler, prologue + body, stmts))
    }

    /// Runs a whole script or one REPL entry. Prints via `options.output` / `errorOutput` and stops
    /// at the first error; what was printed before it stays printed, and the network returns to
    /// what it was before the run (a script's changes are all-or-nothing, like an atomic block).
    /// - Parameters:
    ///   - file: the name errors show (a path for scripts, so `use "./lib.wf"` resolves beside it).
    ///   - arguments: script parameter values as text, by name without the leading `--`.
    public func run(_ source: String, file: String, arguments: [String: String] = [:]) -> RunStatus {
        let execs: [Exec], stmts: [Stmt]
        if let cached = programs.find(source, file: file, names: globalNames) {
            (execs, stmts) = (cached.execs, cached.stmts)
        } else {
            switch compile(source, file: file) {
            case .failure(let f):
                options.errorOutput(render(f.errors[0]))
                return Session.status(f.errors[0])
            case .success(let r):
                execs = r.1
                stmts = r.2
                programs.keep(source, file: file, execs: execs, stmts: stmts, names: globalNames)
            }
        }
        let declared = Set(stmts.compactMap { s -> String? in if case .param(let d) = s.kind { return d.name } else { return nil } })
        for name in arguments.keys.sorted() where !declared.contains(name) {
            let near = Suggest.nearest(name, Array(declared))
            let hint = near.isEmpty ? nil : "did you mean " + near.map { "--\($0)" }.joined(separator: " or ") + "?"
            options.errorOutput(render(WFError(.usage, "unknown parameter --\(name)", span: nil,
                                               hint: hint ?? (declared.isEmpty ? "this script takes no parameters" : "see --help"))))
            return .syntaxError
        }
        self.arguments = arguments
        if globalFunction.size > globalFrame.capacity {
            globalFrame.reserve(min(Session.globalSlots, max(globalFunction.size, 2 * globalFrame.capacity)))
        }
        let rt = Runtime(store: store, frame: globalFrame, today: today, session: self)
        defer { lastRunSteps = rt.steps }
        // A run that stops with an error leaves the network as it was before the run: failed
        // work leaves no trace, whether or not it was inside an atomic block.
        let runStart = store, historyStart = history, unsavedStart = hasUnsavedChanges
        func rollBack() {
            store = runStart
            history = historyStart
            hasUnsavedChanges = unsavedStart
        }
        for exec in execs {
            let before = rt.store
            let mutations = rt.mutations
            do {
                _ = try exec(rt)
                try checkHealth(rt)
            } catch let e as WFError {
                rollBack()
                options.errorOutput(render(e))
                return Session.status(e)
            } catch {
                rollBack()
                options.errorOutput(render(WFError(.runtime, "\(error)", span: nil)))
                return .runtimeError
            }
            if rt.mutations != mutations {
                history.append(before)
                if history.count > Session.historyLimit { history.removeFirst() }
                hasUnsavedChanges = true
            }
            store = rt.store
        }
        return .ok
    }

    /// Every static error in `source` (syntax, unknown names and fields, argument counts), rendered;
    /// empty when clean. Runs nothing and leaves the session as it was.
    public func check(_ source: String, file: String) -> [String] {
        let savedModules = loadedModules
        let savedScope = globalScope, savedFunction = globalFunction
        globalFunction = FunctionScope(parent: nil)
        globalScope = Scope(parent: nil, function: globalFunction)
        defer {
            globalScope = savedScope
            globalFunction = savedFunction
            loadedModules = savedModules
        }
        switch compile(source, file: file) {
        case .failure(let f): return f.errors.map(render)
        case .success: return []
        }
    }

    /// The parameters a script declares, for `wf SCRIPT --help`; a syntax error otherwise.
    public func parameters(_ source: String, file: String) -> Result<[ParameterInfo], WFError> {
        let id = addSource(SourceFile(name: file, text: source))
        switch Parser.parse(sources[Int(id)], file: id) {
        case .failure(let e): return .failure(e)
        case .success(let stmts):
            return .success(stmts.compactMap { s in
                guard case .param(let d) = s.kind else { return nil }
                return ParameterInfo(name: d.name, type: d.type, defaultText: d.defaultValue.map { sources[Int(id)].text($0.span) }, doc: d.doc)
            })
        }
    }

    /// Renders an error value as the session prints it (for callers that report their own errors).
    public func renderError(_ e: WFError) -> String { render(e) }

    /// Undoes the last top-level statement that changed the store.
    /// - Returns: false when there is nothing to undo.
    @discardableResult
    public func undo() -> Bool {
        guard let last = history.popLast() else { return false }
        store = last
        hasUnsavedChanges = !history.isEmpty
        return true
    }

    func popHistory(_ rt: Runtime) -> Bool {
        guard let last = history.popLast() else { return false }
        rt.store = last
        hasUnsavedChanges = !history.isEmpty
        return true
    }

    /// Back to the store the session started with, with no variables.
    public func reset() {
        store = initialStore
        history = []
        forks = ForkTable()
        hasUnsavedChanges = false
        globalFunction = FunctionScope(parent: nil)
        globalScope = Scope(parent: nil, function: globalFunction)
        // A top-level function's closure holds the global frame that holds it: empty the old
        // frame so that the cycle breaks and both are freed.
        globalFrame.clear()
        globalFrame = Frame(size: Session.initialGlobalSlots, parent: nil)
        loadedModules = []
    }

    deinit { globalFrame.clear() }

    func save(_ s: Store, to path: String, span: Span) throws {
        do {
            if let handler = options.saveHandler { try handler(s, path) } else { try Snapshot.save(s, to: path) }
            hasUnsavedChanges = false
        } catch {
            throw WFError.runtime("\(error)", span)
        }
    }

    // MARK: Output

    /// Refuses to go on once the network's snapshot was found damaged (`LoadHealth`): a lazily
    /// opened snapshot checks each part when a question first reads it, and a damaged part reads
    /// as nulls, so no result computed from then on may be shown, written or kept.
    func checkHealth(_ rt: Runtime) throws {
        guard let problem = rt.store.health?.problems.first else { return }
        throw WFError(.runtime, "the snapshot is damaged: \(problem)", span: nil,
                      hint: "nothing was printed or changed; `wf info FILE` checks the whole file; load a good copy")
    }

    /// Prints `text` unless the network turned out damaged while computing it.
    func write(_ text: String, _ rt: Runtime) throws {
        try checkHealth(rt)
        options.output(text)
    }

    func emit(_ v: Value, _ rt: Runtime, asTable: Bool = false) throws {
        let reveal = options.revealPersonal
        let limit = options.format == .table ? options.maxTableRows : nil
        if let table = Display.table(v, rt: rt, reveal: reveal, limit: limit) {
            if let limit, table.rows.count == limit + 1 && table.title != nil {
                // Already cut to the screen, with its marker row: print as is.
                try write(Render.render(table, as: .table, options: RenderOptions(color: options.color)), rt)
                return
            }
            try emitTable(table, rt)
        } else if asTable {
            try emitTable(ResultTable(columns: ["value"], rows: [[Display.cell(v, reveal: reveal, store: rt.store)]]), rt)
        } else if case .list = v {
            try write("[]\n", rt)
        } else if options.format == .json {
            try write(Display.json(v, reveal: reveal, store: rt.store) + "\n", rt)
        } else {
            var text = Display.inline(v, reveal: reveal, store: rt.store)
            if !text.hasSuffix("\n") { text += "\n" }
            try write(text, rt)
        }
    }

    func emitTable(_ table: ResultTable, _ rt: Runtime) throws {
        try write(Render.render(table, as: options.format, options: RenderOptions(color: options.color, maxRows: options.maxTableRows)), rt)
    }
}
