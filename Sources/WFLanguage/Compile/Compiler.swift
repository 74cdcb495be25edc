import WFStore

/// What the compiler knows statically about a value: enough to check field names of known kinds
/// and enumeration labels before running, and to pick the column fast path for filters.
indirect enum SType {
    case any
    case node(Kind)
    case nodes(Kind)
    /// A list of nodes of one kind (a sorted set).
    case nodeList(Kind)
    case enumeration(Int)
    case scalar

    /// The type of the items a stage sees.
    var element: SType {
        switch self {
        case .nodes(let k), .nodeList(let k): return .node(k)
        default: return .any
        }
    }
}

struct Compiled {
    let eval: Eval
    let type: SType
    /// For a reverse edge of one node (`q.person.trainings`): its rows read in place, when the
    /// store allows (`EdgeCache`); a stage that only reads can visit them without the set `eval`
    /// would copy them into.
    var edgeRows: EdgeRowsReader?
    /// For `where COND` over such a reverse edge, COND all in column form: the edge's rows in
    /// place and the condition, for a stage that filters as it reads (`count`,
    /// `fusedDistinctCount`) instead of taking the set `eval` copies out of the index.
    var filteredEdgeRows: FilteredEdgeRowsReader?
    init(_ type: SType = .any, _ eval: @escaping Eval) {
        self.type = type
        self.eval = eval
    }
}

/// The kind and rows of a reverse edge, valid until the store is next written; nil when the
/// caller must evaluate the set instead.
typealias EdgeRowsReader = (Runtime) throws -> (kind: Kind, rows: UnsafeBufferPointer<Int32>)?

/// The kind and rows of a reverse edge with the condition they must pass; nil when the caller
/// must evaluate the filtered set instead.
typealias FilteredEdgeRowsReader = (Runtime) throws -> (kind: Kind, rows: UnsafeBufferPointer<Int32>, filter: RowPredicate)?

/// The slots of one function (or of the top level). Block scopes inside it share its frame.
final class FunctionScope {
    var size = 0
    let parent: FunctionScope?
    init(parent: FunctionScope?) { self.parent = parent }
}

/// Names visible in one block.
final class Scope {
    struct Binding {
        var slot: Int
        /// The number of parameters when the name was bound by `fn`, for static arity checks.
        var arity: Int?
        /// The `fn` statement that bound the name, for calls compiled for their argument types
        /// (`Compiler+Specialize.swift`). Weak: a definition keeps a copy of the scope it was
        /// compiled in, whose bindings name it; the function values and call sites made from it
        /// keep it alive.
        weak var definition: FunctionDefinition?
        /// The parameter's type inside a body compiled for its argument types.
        var typed: TypedParameter?
    }
    let parent: Scope?
    let function: FunctionScope
    var names: [String: Binding] = [:]

    init(parent: Scope?, function: FunctionScope) {
        self.parent = parent
        self.function = function
    }
}

/// Resolves names to slots and compiles the AST to closures. Nothing walks the tree at run time
/// (style.md habit 6): each node becomes a closure that calls its children's closures directly.
/// Static errors (unknown names and fields, wrong argument counts) are collected, so `wf check`
/// can report them all.
final class Compiler {
    unowned let session: Session
    var scope: Scope
    var errors: [WFError] = []
    /// Item types of the enclosing pipeline stages, innermost last.
    var itTypes: [SType] = []
    /// Depth of `group by … { … }` bodies, where aggregates range over the group.
    var aggregateDepth = 0
    var loopDepth = 0
    var functionDepth = 0
    /// Directory of the file being compiled, for `use "./lib.wf"`.
    var directory: String
    /// Functions whose bodies are being compiled into a call site (`Compiler+Inline.swift`), so
    /// that one calling itself is not inlined without end.
    var inlining = Set<ObjectIdentifier>()
    /// The grouped counts of the stage being compiled, by the edge and column conditions they
    /// share (`GroupedFamily`); each stage starts with none.
    var groupedFamilies: [String: GroupedFamily] = [:]

    init(session: Session, scope: Scope, directory: String) {
        self.session = session
        self.scope = scope
        self.directory = directory
    }

    func error(_ e: WFError) -> Compiled {
        errors.append(e)
        return Compiled { _ in .null }
    }

    // MARK: Scopes

    /// - Parameter typed: for a parameter of a body compiled for its argument types.
    func declare(_ name: String, arity: Int? = nil, definition: FunctionDefinition? = nil, typed: TypedParameter? = nil) -> Int {
        if let existing = scope.names[name] {
            // Binding the name again writes its slot: a typed parameter's type no longer holds.
            existing.typed?.isAssigned = true
            if scope === session.globalScope { session.rebinds += 1 }
            scope.names[name]?.arity = arity
            scope.names[name]?.definition = definition
            return existing.slot
        }
        let slot = scope.function.size
        scope.function.size += 1
        scope.names[name] = Scope.Binding(slot: slot, arity: arity, definition: definition, typed: typed)
        return slot
    }

    /// A visible name: function levels up, slot, and what the compiler knows of it.
    struct Resolved {
        let hops: Int
        let slot: Int
        let arity: Int?
        let definition: FunctionDefinition?
        let typed: TypedParameter?
    }

    func lookup(_ name: String) -> Resolved? {
        var s: Scope? = scope
        var hops = 0
        var fn = scope.function
        while let cur = s {
            if cur.function !== fn { hops += 1; fn = cur.function }
            if let b = cur.names[name] {
                return Resolved(hops: hops, slot: b.slot, arity: b.arity, definition: b.definition, typed: b.typed)
            }
            s = cur.parent
        }
        return nil
    }

    var visibleNames: [String] {
        var out: [String] = []
        var s: Scope? = scope
        while let cur = s { out.append(contentsOf: cur.names.keys); s = cur.parent }
        return out
    }

    func withBlockScope<T>(_ body: () -> T) -> T {
        let saved = scope
        scope = Scope(parent: saved, function: saved.function)
        defer { scope = saved }
        return body()
    }

    func withStage<T>(_ type: SType, _ body: () -> T) -> T {
        itTypes.append(type)
        let enclosingFamilies = groupedFamilies
        groupedFamilies = [:]
        defer {
            itTypes.removeLast()
            groupedFamilies = enclosingFamilies
        }
        return body()
    }

    static func variableReader(hops: Int, slot: Int) -> Eval {
        switch hops {
        case 0: return { rt in rt.frame.slots[slot] }
        case 1: return { rt in (rt.frame.parent ?? rt.frame).slots[slot] }
        default: return { rt in rt.frame(hops).slots[slot] }
        }
    }

    /// Every enumeration label, English and Chinese, for bare identifiers such as `congress`.
    static let allLabels: Set<String> = {
        var s = Set<String>()
        for e in Vocab.all { s.formUnion(e.labels); s.formUnion(e.chinese) }
        return s
    }()
}
