import WFStore

/// A value inside the evaluator. Small cases (numbers, dates, nodes) carry no allocation; node
/// sets keep row ids as an `Int32` array, never an array of boxed values (style.md habits 7–8).
enum Value {
    case null
    case bool(Bool)
    case int(Int64)
    case decimal(Double)
    case string(String)
    /// Personal data (phone, ID number): compares as its text, prints masked unless revealed.
    case secret(String)
    case date(Day)
    case duration(Duration)
    /// A bare identifier used as an enumeration label, before it meets a typed field.
    case label(String)
    /// A stored enumeration value: index into `Vocab.all`, and the code.
    case enumValue(Int, Int32)
    case list([Value])
    case record(Record)
    case node(Kind, Int32)
    case nodes(NodeSet)
    case function(Closure)

    var typeName: String {
        switch self {
        case .null: return "null"
        case .bool: return "bool"
        case .int: return "int"
        case .decimal: return "decimal"
        case .string, .secret: return "string"
        case .date: return "date"
        case .duration: return "duration"
        case .label: return "label"
        case .enumValue(let t, _): return Vocab.all[t].name
        case .list: return "list"
        case .record: return "record"
        case .node(let k, _): return k.name
        case .nodes(let s): return "set of \(s.kind.plural)"
        case .function: return "function"
        }
    }

    var isNull: Bool { if case .null = self { return true } else { return false } }

    /// How deeply lists and records may nest. Printing, comparing and freeing a value recurse
    /// into it, so a value built by `x = [x]` in a loop must stop long before the stack does.
    static let maxNesting = 64

    /// 0 for scalars, 1 + the deepest element for lists and records; stops counting past `maxNesting`.
    /// - Complexity: O(elements visited), at most the value's size and usually far less.
    var nesting: Int {
        switch self {
        case .list(let items):
            var deepest = 0
            for item in items {
                switch item {
                case .list, .record:
                    deepest = max(deepest, item.nesting)
                    if deepest > Value.maxNesting { return deepest + 1 }
                default: continue
                }
            }
            return deepest + 1
        case .record(let r):
            return Value.list(r.values).nesting
        default:
            return 0
        }
    }

    /// The number of items when this is a list; nil otherwise.
    var listCount: Int? {
        if case .list(let items) = self { return items.count }
        return nil
    }

    /// Adds `items` to this list without copying it when nothing else holds its storage: the
    /// list is taken out of `self` first, so the array is uniquely referenced while it grows.
    /// - Precondition: `self` is a list.
    mutating func appendInPlace(contentsOf items: [Value]) {
        guard case .list(var list) = self else { return }
        self = .null
        list.append(contentsOf: items)
        self = .list(list)
    }

    /// Throws when the value nests deeper than `maxNesting`.
    func checkedNesting(_ span: Span) throws -> Value {
        switch self {
        case .list, .record:
            if nesting > Value.maxNesting {
                throw WFError.runtime("lists and records nest more than \(Value.maxNesting) deep", span)
            }
        default: break
        }
        return self
    }
}

/// An ordered record: keys in the order written, so tables keep the user's column order.
struct Record {
    var keys: [String]
    var values: [Value]

    init(keys: [String] = [], values: [Value] = []) {
        self.keys = keys
        self.values = values
    }

    /// - Complexity: O(keys); records are a handful of columns.
    subscript(key: String) -> Value? {
        guard let i = keys.firstIndex(of: key) else { return nil }
        return values[i]
    }

    mutating func set(_ key: String, _ value: Value) {
        if let i = keys.firstIndex(of: key) { values[i] = value } else { keys.append(key); values.append(value) }
    }
}

/// Rows of one kind: either "every live row" (lazy, so `people | count` never materialises ids)
/// or an ascending array of row ids.
struct NodeSet {
    let kind: Kind
    /// nil: all live rows of `kind`.
    let rows: ContiguousArray<Int32>?

    static func all(_ kind: Kind) -> NodeSet { NodeSet(kind: kind, rows: nil) }

    /// Whether ascending `rows` hold `row`, by binary search: `.org in a` over an area of
    /// thousands of orgs, asked for every position of every holder, scanned the whole area each
    /// time (the commendation shortlist at province scale spent a quarter of its 20 s there).
    /// - Complexity: O(log rows).
    static func contains(_ rows: ContiguousArray<Int32>, _ row: Int32) -> Bool {
        var lo = 0, hi = rows.count
        while lo < hi {
            let mid = Int(UInt(bitPattern: lo &+ hi) >> 1)
            if rows[mid] < row { lo = mid &+ 1 } else { hi = mid }
        }
        return lo < rows.count && rows[lo] == row
    }

    func count(_ store: Store) -> Int { rows?.count ?? store.liveCount(kind) }

    /// The set without ids past the end of the kind's table: a set kept in a variable from inside
    /// a what-if can name rows the real store never had. Column loops index without checks, so
    /// they take sets through here first.
    /// - Complexity: O(1) when every id is valid (ids are ascending), else O(rows).
    func valid(in store: Store) -> NodeSet {
        guard let rows, let last = rows.last, Int(last) >= store.count(kind) else { return self }
        let n = store.count(kind)
        return NodeSet(kind: kind, rows: rows.filter { $0 >= 0 && Int($0) < n })
    }

    /// The first `limit` row ids (all by default), materialising "all" when needed.
    /// - Complexity: O(rows listed), plus the deleted rows passed over.
    func ids(_ store: Store, limit: Int = .max) -> ContiguousArray<Int32> {
        if let rows { return limit >= rows.count ? rows : ContiguousArray(rows.prefix(limit)) }
        let n = store.count(kind)
        var out = ContiguousArray<Int32>()
        out.reserveCapacity(Swift.min(limit, store.liveCount(kind)))
        let table = store[kind]
        if table.deleted.isEmpty {
            for i in 0..<Swift.min(n, limit) { out.append(Int32(i)) }
        } else {
            var i: Int32 = 0
            while Int(i) < n && out.count < limit {
                if table.isLive(i) { out.append(i) }
                i += 1
            }
        }
        return out
    }
}

/// A function value: a named or anonymous function with the frame it was created in.
final class Closure {
    let name: String
    let params: [String]
    let frameSize: Int
    let body: Exec
    let captured: Frame?
    let span: Span
    /// The `fn` statement that made this closure, so a call compiled for its argument types can
    /// tell that the variable still holds this function (`Compiler+Specialize.swift`).
    let definition: FunctionDefinition?

    init(name: String, params: [String], frameSize: Int, body: @escaping Exec, captured: Frame?, span: Span,
         definition: FunctionDefinition? = nil) {
        self.name = name
        self.params = params
        self.frameSize = frameSize
        self.body = body
        self.captured = captured
        self.span = span
        self.definition = definition
    }
}

/// The local variables of one function call (or of the top level), by slot.
///
/// Slots live behind a fixed pointer rather than in an array property: a class's array property
/// pays a dynamic exclusivity check and a uniqueness check on every write, which dominated scalar
/// loops. The compiler sizes every frame, so an index is always in range.
final class Frame {
    private(set) var slots: UnsafeMutablePointer<Value>
    private(set) var capacity: Int
    /// Set again when a recycled frame serves another call (`FramePool.swift`).
    var parent: Frame?

    init(size: Int, parent: Frame?) {
        capacity = max(size, 1)
        slots = .allocate(capacity: capacity)
        slots.initialize(repeating: .null, count: capacity)
        self.parent = parent
    }

    /// Only slots that hold something are destroyed: destroying a null through `Value`'s generic
    /// destroy costs as much as destroying anything else.
    deinit {
        for i in 0..<capacity where !slots[i].isNull { (slots + i).deinitialize(count: 1) }
        slots.deallocate()
    }

    /// Makes room for `size` slots, keeping what the first ones hold. The session's global frame
    /// grows as a session declares more top-level names; a call's frame grows once, before its
    /// body runs, when the body is chosen by its arguments' types at run time. Closures hold the
    /// frame, not its slots, so they see the new slots.
    /// - Complexity: O(size).
    func reserve(_ size: Int) {
        guard size > capacity else { return }
        let grown = UnsafeMutablePointer<Value>.allocate(capacity: size)
        grown.moveInitialize(from: slots, count: capacity)
        (grown + capacity).initialize(repeating: .null, count: size - capacity)
        slots.deallocate()
        slots = grown
        capacity = size
    }

    /// Sets every slot to null, dropping what they hold (to break a function ↔ frame cycle).
    func clear() {
        clear(first: capacity)
    }

    /// Sets the first `count` slots to null (the ones a call used), skipping those already null.
    func clear(first count: Int) {
        for i in 0..<min(count, capacity) where !slots[i].isNull { slots[i] = .null }
    }
}

/// What running a statement did: carry on, or leave a loop or a function.
enum Flow {
    case normal
    case breakLoop
    case continueLoop
    case returned(Value)
}

typealias Eval = (Runtime) throws -> Value
typealias Exec = (Runtime) throws -> Flow
