import WFStore

/// A named fork of the network: a copy of the store (O(1): `Store` is a value whose columns are
/// copy-on-write, docs/architecture.md) plus what is needed to apply it to the real network later.
struct Fork {
    let name: String
    /// The network as the fork's changes left it.
    var store: Store
    /// The fork it was built on, or "base" for the real network.
    let base: String
    /// The real network when the chain of forks began: if the real network still has this content
    /// at `apply`, the fork's store is adopted as is; otherwise its script is replayed.
    let origin: Store
    /// Changes (mutations) made in this fork and in the forks it is built on.
    var changes: Int
    /// The compiled statements that made the changes, oldest first, each with the frame its
    /// variables live in, so `apply` can run them again on a network that changed meanwhile.
    var script: [(body: Exec, frame: Frame)]
}

/// The session's forks, in the order they were made. A session holds a handful, so a list
/// searched by name is simpler than a dictionary plus an order, and as fast.
struct ForkTable {
    private(set) var all: [Fork] = []

    var names: [String] { all.map(\.name) }

    /// - Complexity: O(forks).
    func find(_ name: String) -> Fork? { all.first { $0.name == name } }

    /// The fork called `name`, or an error that names the nearest forks.
    func require(_ name: String, _ span: Span, allowBase: Bool = false) throws -> Fork {
        if let f = find(name) { return f }
        let candidates = names + (allowBase ? ["base"] : [])
        let hint = WFError.didYouMean(name, candidates)
            ?? (all.isEmpty ? "there are no forks yet: make one with fork \(name) { … }" : "the forks are: " + names.joined(separator: ", "))
        throw WFError.runtime("unknown fork '\(name)'", span, hint: hint)
    }

    /// Adds `fork`, or replaces the fork of the same name.
    mutating func put(_ fork: Fork) {
        if let i = all.firstIndex(where: { $0.name == fork.name }) { all[i] = fork } else { all.append(fork) }
    }

    mutating func remove(_ name: String) { all.removeAll { $0.name == name } }
}

extension Store {
    /// True when `other` holds the same network as this store, for two stores grown from the same
    /// base (a session's real network and its forks). Compares only the overlays of changes: base
    /// arrays shared by both compare by identity.
    /// - Complexity: O(changes in both stores), plus O(base) only if the bases are distinct arrays.
    func hasSameContent(as other: Store) -> Bool {
        guard strings.base === other.strings.base, strings.count == other.strings.count, tables.count == other.tables.count else { return false }
        let baseStrings = strings.base.count
        for id in baseStrings..<strings.count where strings.string(Int32(id)) != other.strings.string(Int32(id)) { return false }
        for (a, b) in zip(tables, other.tables) {
            guard a.deleted == b.deleted, a.columns.count == b.columns.count else { return false }
            for (x, y) in zip(a.columns, b.columns) {
                guard x.tail == y.tail, x.patch == y.patch, x.sharesBase(with: y) || x.base == y.base else { return false }
            }
        }
        return true
    }
}
