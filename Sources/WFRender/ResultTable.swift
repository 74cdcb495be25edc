/// A result ready to print: named columns and rows of cells. The language turns its values into
/// this; every output format renders from it, so formats never disagree about content.
public struct ResultTable: Equatable, Sendable {
    public var columns: [String]
    public var rows: [[Cell]]
    /// A heading: the line above a text table, the caption of an HTML table.
    public var title: String?

    public init(columns: [String], rows: [[Cell]], title: String? = nil) {
        self.columns = columns
        self.rows = rows
        self.title = title
    }
}

/// One printed value. Typed so that JSON keeps numbers and booleans as such and tables align
/// numbers right.
public enum Cell: Equatable, Sendable {
    case null
    case bool(Bool)
    case int(Int)
    /// A decimal with the text it prints as (the language decides the rounding).
    case decimal(Double, String)
    case text(String)

    /// The cell as plain text (CSV, tables).
    public var text: String {
        switch self {
        case .null: return ""
        case .bool(let b): return b ? "true" : "false"
        case .int(let i): return String(i)
        case .decimal(_, let s): return s
        case .text(let s): return s
        }
    }

    public var isNumeric: Bool {
        switch self {
        case .int, .decimal: return true
        default: return false
        }
    }
}

/// The output formats of `--format` and `:format`.
public enum OutputFormat: String, CaseIterable, Sendable {
    case table, csv, json, md
}

/// How a text table is drawn.
public struct RenderOptions: Sendable {
    /// Colour table headers with ANSI escapes (only on a terminal, never with NO_COLOR).
    public var color: Bool
    /// When set and the table has more rows, print the first and last rows and a count between.
    public var maxRows: Int?
    /// Terminal width; wide cells are truncated with "…" to fit, when set.
    public var maxWidth: Int?

    public init(color: Bool = false, maxRows: Int? = nil, maxWidth: Int? = nil) {
        self.color = color
        self.maxRows = maxRows
        self.maxWidth = maxWidth
    }
}
