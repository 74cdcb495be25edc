/// The type of a stored field. Every field is stored as an `Int32` cell; the type says how to
/// read that cell. One cell width for every column keeps the store, the overlay, the snapshot and
/// CSV interchange generic, at the cost of 3 bytes per boolean, which is negligible next to the
/// reference and date columns that dominate the store.
public enum FieldType: Equatable, Sendable {
    /// A signed integer.
    case int
    /// 0 or 1.
    case bool
    /// Days since 1970-01-01 (`Day`).
    case date
    /// An interned string id into the store's `StringPool`.
    case string
    /// An interned string that is personal data (phone, ID number): masked on output unless revealed.
    case personal
    /// A code into a closed list of labels.
    case enumeration(EnumType)
    /// A bit set over a closed list of labels (at most 31).
    case tags(EnumType)
    /// A row id of another kind; `nullCell` means no link.
    case ref(Kind)

    /// The name shown in `:schema` and documentation.
    public var displayName: String {
        switch self {
        case .int: return "int"
        case .bool: return "bool"
        case .date: return "date"
        case .string: return "string"
        case .personal: return "string (personal)"
        case .enumeration(let e): return e.name
        case .tags(let e): return "tags<\(e.name)>"
        case .ref(let k): return k.name
        }
    }
}

/// The cell value that means "no value" in every column.
public let nullCell: Int32 = .min

/// A closed list of labels, such as the forms of an organisation. Codes are positions in `labels`.
public struct EnumType: Equatable, Sendable {
    public let name: String
    /// Stable identifiers, as written in scripts and CSV. Never reorder: codes are stored.
    public let labels: [String]
    /// Chinese display names, parallel to `labels`.
    public let chinese: [String]

    public init(_ name: String, _ pairs: [(String, String)]) {
        self.name = name
        self.labels = pairs.map(\.0)
        self.chinese = pairs.map(\.1)
    }

    public static func == (a: EnumType, b: EnumType) -> Bool { a.name == b.name }

    /// - Complexity: O(labels)
    public func code(of label: String) -> Int32? {
        if let i = labels.firstIndex(of: label) { return Int32(i) }
        if let i = chinese.firstIndex(of: label) { return Int32(i) }
        return nil
    }

    public func label(_ code: Int32) -> String? {
        code >= 0 && Int(code) < labels.count ? labels[Int(code)] : nil
    }
}

/// One field of a kind.
public struct Field: Sendable {
    public let name: String
    public let type: FieldType
    /// For a reference, the name of the reverse edge on the target kind (`org.parent` → `children`).
    public let reverse: String?
    public let doc: String

    public init(_ name: String, _ type: FieldType, reverse: String? = nil, _ doc: String) {
        self.name = name
        self.type = type
        self.reverse = reverse
        self.doc = doc
    }
}
