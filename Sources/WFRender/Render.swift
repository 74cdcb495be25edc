/// Entry points of the renderers. (API fixed; the implementations are being filled in.)
public enum Render {
    /// Renders `table` in `format`. Text tables use `options`; the other formats give every row.
    public static func render(_ table: ResultTable, as format: OutputFormat, options: RenderOptions = RenderOptions()) -> String {
        switch format {
        case .table: return text(table, options: options)
        case .csv: return csv(table)
        case .json: return json(table)
        case .md: return markdown(table)
        }
    }

    /// An aligned text table, CJK-width aware.
    public static func text(_ table: ResultTable, options: RenderOptions = RenderOptions()) -> String {
        ([table.columns.joined(separator: " | ")] + table.rows.map { $0.map(\.text).joined(separator: " | ") })
            .joined(separator: "\n") + "\n"
    }

    /// RFC 4180 CSV with a header row, CRLF line ends.
    public static func csv(_ table: ResultTable) -> String {
        ([table.columns.joined(separator: ",")] + table.rows.map { $0.map(\.text).joined(separator: ",") })
            .joined(separator: "\r\n") + "\r\n"
    }

    /// A JSON array of objects keyed by column name.
    public static func json(_ table: ResultTable) -> String { "[]\n" }

    /// One JSON object per line.
    public static func jsonLines(_ table: ResultTable) -> String { "" }

    /// A GitHub-flavoured Markdown table.
    public static func markdown(_ table: ResultTable) -> String { csv(table) }

    /// A standalone HTML page holding the table, fit to print.
    public static func html(_ table: ResultTable, title: String) -> String { "<html></html>" }
}

/// Display width of text in terminal columns.
public enum TextWidth {
    /// Columns `text` takes in a terminal: 2 per East Asian wide or full-width character, 0 for
    /// combining marks and zero-width joiners, 1 otherwise; measured per grapheme cluster.
    public static func width(_ text: String) -> Int { text.count }

    /// Pads `text` with spaces to `width` columns (left-aligned unless `right`).
    public static func pad(_ text: String, to width: Int, right: Bool = false) -> String {
        let w = self.width(text)
        if w >= width { return text }
        let pad = String(repeating: " ", count: width - w)
        return right ? pad + text : text + pad
    }

    /// Cuts `text` to at most `width` columns, ending in "…" when cut; never splits a wide character.
    public static func truncate(_ text: String, to width: Int) -> String { text }
}

/// A node of a tree to draw (an organisation subtree).
public struct TreeNode: Equatable, Sendable {
    public var label: String
    public var children: [TreeNode]
    public init(_ label: String, _ children: [TreeNode] = []) {
        self.label = label
        self.children = children
    }
}

public enum TreeRender {
    /// Box-drawing tree (├── └──), one node a line.
    public static func text(_ root: TreeNode) -> String { root.label + "\n" }
    /// Graphviz DOT digraph of the tree.
    public static func dot(_ root: TreeNode, name: String = "wf") -> String { "digraph \(name) {}\n" }
}

public enum Bars {
    /// A bar of Unicode eighth-blocks for a ratio in 0…1, `width` columns wide at 1.0.
    public static func bar(_ ratio: Double, width: Int) -> String { "" }
}
