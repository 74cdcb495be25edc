import WFStore
import WFDomain

/// The state a running program reads and changes: the store, the current frame and item, and
/// the limits (call depth, cancellation) that keep hostile programs from crashing the host.
final class Runtime {
    /// Every write bumps `storeGeneration` (a `didSet` that does not read the old value keeps
    /// in-place mutation in place, SE-0268), so `columns` knows when its pointers went stale.
    var store: Store { didSet { storeGeneration &+= 1 } }
    private(set) var storeGeneration = 0
    /// Direct pointers to unchanged columns, for reading one cell without copying the store.
    let columns = ColumnCache()
    /// Reverse edges read in place while the store is unchanged.
    let edges = EdgeCache()
    /// Buffers reused by column passes (`Scratch`).
    let scratch = Scratch()
    private let rowCounts = RowCountCache()
    /// The string pool's base, for text cells read without copying the store.
    let pool = PoolCache()
    /// `Navigation.cellTypes`, held here: a static `let` is read through `swift_once` on every
    /// access, and navigation reads it once per field read.
    let cellTypes = Navigation.cellTypes
    /// Frames of finished calls, kept for the next call, chained through `parent`
    /// (`FramePool.swift`).
    var spareFrames: Frame?
    var spareFrameCount = 0
    /// How many items the innermost stage loop visits, for a sub-query run per item to judge
    /// whether answering for every item in one pass pays (`GroupedEdgeCount.swift`), and the
    /// set it visits, when it is one.
    var stageItems = 0
    var stageSet: NodeSet?
    /// The base strings found to contain each text searched (`PoolMatches`), so that a filter
    /// run a block at a time, or once per item, tests each string once, not once per block.
    var poolMatches: [String: PoolMatches] = [:]
    /// Grouped sub-queries' counts and sums by site, for this run only (freed with the runtime).
    private var groupedCountsBySite: [GroupedValues<Int32>?] = []
    private var groupedSumsBySite: [GroupedValues<Int64>?] = []

    /// The counts kept for grouped sub-query `site` (made empty on first use).
    @inline(__always) func groupedCounts(_ site: Int) -> GroupedValues<Int32> { Runtime.entry(site, in: &groupedCountsBySite) }

    /// The sums kept for grouped sub-query `site` (made empty on first use).
    @inline(__always) func groupedSums(_ site: Int) -> GroupedValues<Int64> { Runtime.entry(site, in: &groupedSumsBySite) }

    @inline(__always) private static func entry<E>(_ site: Int, in table: inout [GroupedValues<E>?]) -> GroupedValues<E> {
        if site < table.count, let entry = table[site] { return entry }
        if site >= table.count { table += Array(repeating: nil, count: site + 1 - table.count) }
        let entry = GroupedValues<E>()
        table[site] = entry
        return entry
    }

    /// Runs `body` as a stage loop over `items` items (`stageItems`), the rows of `set` when
    /// it visits a set.
    @inline(__always) func visiting<T>(_ items: Int, set: NodeSet? = nil, _ body: () throws -> T) rethrows -> T {
        let saved = (stageItems, stageSet)
        (stageItems, stageSet) = (items, set)
        defer { (stageItems, stageSet) = saved }
        return try body()
    }

    /// `store.count(kind)` without copying the store.
    /// - Complexity: O(1).
    @inline(__always) func rowCount(_ kind: Kind) -> Int { rowCounts.count(self, kind) }

    /// `store.liveCount(kind)` without copying the store.
    /// - Complexity: O(1).
    @inline(__always) func liveCount(_ kind: Kind) -> Int { rowCounts.liveCount(self, kind) }

    /// `set.valid(in: store)` without copying the store.
    /// - Complexity: O(1) when every id is valid, else O(rows).
    func valid(_ set: NodeSet) -> NodeSet {
        guard let rows = set.rows, let last = rows.last, Int(last) >= rowCount(set.kind) else { return set }
        let n = rowCount(set.kind)
        return NodeSet(kind: set.kind, rows: rows.filter { $0 >= 0 && Int($0) < n })
    }
    var frame: Frame
    /// The current item of the innermost pipeline stage.
    var it: Value = .null
    /// The items of the current group, inside `group by … { … }` aggregates.
    var group: [Value] = []
    /// The hand-off between a `where` and the `group by` right after it (`FusedFilterGroup.swift`):
    /// the group asks the `where` at `deferFilterAt` for its rows unfiltered, and the `where`
    /// leaves its column condition in `deferredFilter` for the group to apply in its own pass.
    var deferFilterAt: StageSite?
    var deferredFilter: (site: StageSite, predicate: RowPredicate)?
    var callDepth = 0
    var steps = 0
    /// Counts mutations, so the session knows which statements changed the store (for undo).
    var mutations = 0
    let today: Day
    unowned let session: Session
    /// Deep recursion is an error long before the host stack runs out.
    static let maxCallDepth = 200
    /// Stack bytes a run may use below where it started. Fits the smallest thread stacks a host is
    /// likely to run us on (512 KiB); debug builds, with bigger frames, hit it before `maxCallDepth`.
    static let stackBudget: UInt = 384 * 1024
    /// Address of the stack when the run started.
    let stackBase: UInt = Runtime.stackAddress()

    /// An address in the current stack frame.
    @inline(never) static func stackAddress() -> UInt {
        var marker: UInt8 = 0
        return withUnsafeMutablePointer(to: &marker) { UInt(bitPattern: $0) }
    }

    init(store: Store, frame: Frame, today: Day, session: Session) {
        self.store = store
        self.frame = frame
        self.today = today
        self.session = session
    }

    var domain: Domain { Domain(today: today) }

    /// Counts a step of a loop or call and polls for cancellation every 4096 steps.
    @inline(__always) func tick(_ span: Span) throws {
        steps &+= 1
        if steps & 4095 == 0 { try pollCancel(span) }
    }

    func pollCancel(_ span: Span?) throws {
        if session.options.isCancelled() { throw WFError(.interrupted, "interrupted", span: span) }
    }

    /// The frame `hops` function levels up.
    @inline(__always) func frame(_ hops: Int) -> Frame {
        var f = frame
        var h = hops
        while h > 0, let p = f.parent { f = p; h -= 1 }
        return f
    }

    /// Calls a function value with `count` arguments, which `fill` evaluates in the caller's
    /// frame straight into the callee's slots (no argument array per call); through the body
    /// compiled for the arguments' types (`Compiler+Specialize.swift`) when there is one and
    /// the arguments have those types, else through the function's own body.
    func invoke(_ f: Closure, arguments count: Int, filling fill: ArgumentFiller, specialized: Specialization?, _ span: Span) throws -> Value {
        guard count == f.params.count else {
            throw WFError.runtime("\(f.name) takes \(f.params.count) argument\(f.params.count == 1 ? "" : "s"), got \(count)", span)
        }
        let size = specialized.map { max(f.frameSize, $0.frameSize) } ?? f.frameSize
        var newFrame = takeFrame(size: size, parent: f.captured)
        defer { recycle(&newFrame, used: size) }
        try fill(self, newFrame)
        if let specialized, let body = specialized.body, specialized.accepts(newFrame, count: count) {
            return try enter(f, body, newFrame, span)
        }
        return try enter(f, f.body, newFrame, span)
    }

    /// `invoke` with the body chosen once the arguments are in the frame (`RunTimeSpecializer`),
    /// the frame grown to the chosen body's size.
    func invoke(_ f: Closure, arguments count: Int, filling fill: ArgumentFiller,
                choosing choose: (Frame, Int) -> Specialization?, _ span: Span) throws -> Value {
        guard count == f.params.count else {
            throw WFError.runtime("\(f.name) takes \(f.params.count) argument\(f.params.count == 1 ? "" : "s"), got \(count)", span)
        }
        var used = f.frameSize
        var newFrame = takeFrame(size: used, parent: f.captured)
        defer { recycle(&newFrame, used: used) }
        try fill(self, newFrame)
        if let chosen = choose(newFrame, count), let body = chosen.body, chosen.accepts(newFrame, count: count) {
            used = max(used, chosen.frameSize)
            newFrame.reserve(used)
            return try enter(f, body, newFrame, span)
        }
        return try enter(f, f.body, newFrame, span)
    }

    /// Runs `body` (`f`'s, or one compiled for the arguments' types) in `newFrame`.
    @inline(__always) private func enter(_ f: Closure, _ body: Exec, _ newFrame: Frame, _ span: Span) throws -> Value {
        let here = Runtime.stackAddress()
        if callDepth >= Runtime.maxCallDepth || (here < stackBase && stackBase - here > Runtime.stackBudget) {
            throw WFError.runtime("recursion too deep", span,
                                  hint: "check that \(f.name) reaches a case that does not call itself (at most \(Runtime.maxCallDepth) nested calls)")
        }
        try tick(span)
        callDepth += 1
        let savedFrame = frame, savedIt = it
        frame = newFrame
        defer {
            frame = savedFrame
            it = savedIt
            callDepth -= 1
        }
        if case .returned(let v) = try body(self) { return v }
        return .null
    }

    /// Runs `body` with `it` bound to `item`.
    @inline(__always) func with<T>(it item: Value, _ body: () throws -> T) rethrows -> T {
        let saved = it
        it = item
        defer { it = saved }
        return try body()
    }
}

/// Evaluates a call's arguments into the callee's frame, in order.
typealias ArgumentFiller = (Runtime, Frame) throws -> Void

extension Runtime {
    /// The filler for `args`: one closure call for the usual one or two arguments, where a loop
    /// over an array of closures paid a reabstraction thunk per argument.
    static func filler(_ args: [Eval]) -> ArgumentFiller {
        switch args.count {
        case 0: return { _, _ in }
        case 1:
            let a = args[0]
            return { rt, frame in frame.slots[0] = try a(rt) }
        case 2:
            let a = args[0], b = args[1]
            return { rt, frame in
                frame.slots[0] = try a(rt)
                frame.slots[1] = try b(rt)
            }
        default:
            return { rt, frame in for i in args.indices { frame.slots[i] = try args[i](rt) } }
        }
    }
}

extension Value {
    /// The items of a collection value, for stages over lists and sets alike.
    func items(_ store: Store) -> [Value]? {
        switch self {
        case .list(let l): return l
        case .nodes(let s): return s.ids(store).map { .node(s.kind, $0) }
        case .null: return []
        default: return nil
        }
    }
}
