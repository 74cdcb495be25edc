/// What changed between two versions of a network, row by row. Ids are stable across saves
/// (rows are never renumbered), so rows are matched by id; strings compare by text.
public struct StoreDiff {
    public struct Change {
        public let kind: Kind
        public let row: Int32
        public let name: String
        /// (field, old text, new text) for changed rows; empty for added and removed rows.
        public let fields: [(field: String, old: String, new: String)]
    }

    public struct KindSummary {
        public let kind: Kind
        public var added = 0, removed = 0, changed = 0
    }

    public private(set) var added: [Change] = []
    public private(set) var removed: [Change] = []
    public private(set) var changed: [Change] = []
    public private(set) var summary: [KindSummary] = []

    public var isEmpty: Bool { added.isEmpty && removed.isEmpty && changed.isEmpty }

    /// - Complexity: O(rows of both stores × fields).
    public init(from old: Store, to new: Store) {
        for kind in Kind.allCases {
            var s = KindSummary(kind: kind)
            let n = max(old.count(kind), new.count(kind))
            for r in 0..<Int32(n) {
                let inOld = old.isLive(kind, r), inNew = new.isLive(kind, r)
                switch (inOld, inNew) {
                case (false, true):
                    s.added += 1
                    added.append(Change(kind: kind, row: r, name: new.displayName(kind, r), fields: []))
                case (true, false):
                    s.removed += 1
                    removed.append(Change(kind: kind, row: r, name: old.displayName(kind, r), fields: []))
                case (true, true):
                    var fields: [(String, String, String)] = []
                    for (i, f) in kind.fields.enumerated() {
                        let id = FieldID(kind, i)
                        let a = old.describe(id, old.cell(id, r), reveal: true), b = new.describe(id, new.cell(id, r), reveal: true)
                        if a != b {
                            if case .personal = f.type {
                                fields.append((f.name, Masking.mask(a), Masking.mask(b)))
                            } else {
                                fields.append((f.name, a, b))
                            }
                        }
                    }
                    if !fields.isEmpty {
                        s.changed += 1
                        changed.append(Change(kind: kind, row: r, name: new.displayName(kind, r), fields: fields))
                    }
                case (false, false): break
                }
            }
            summary.append(s)
        }
    }
}
