/// Entry points of the renderers. Every format renders from the same `ResultTable`, so formats
/// never disagree about content; each format lives in its own file.
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

    /// An aligned box-drawn text table, CJK-width aware (see `TextTable` for the layout rules).
    /// - Complexity: O(cells shown × cell length).
    public static func text(_ table: ResultTable, options: RenderOptions = RenderOptions()) -> String {
        TextTable.render(table, options: options)
    }

    /// RFC 4180 CSV with a header row, CRLF line ends.
    /// - Complexity: O(total text length).
    public static func csv(_ table: ResultTable) -> String { CSV.render(table) }

    /// A JSON array of objects keyed by column name.
    /// - Complexity: O(total text length).
    public static func json(_ table: ResultTable) -> String { JSON.array(table) }

    /// One JSON object per line.
    /// - Complexity: O(total text length).
    public static func jsonLines(_ table: ResultTable) -> String { JSON.lines(table) }

    /// A GitHub-flavoured Markdown table.
    /// - Complexity: O(total text length).
    public static func markdown(_ table: ResultTable) -> String { Markdown.render(table) }

    /// A standalone HTML page holding the table, fit to print.
    /// - Complexity: O(total text length).
    public static func html(_ table: ResultTable, title: String) -> String { HTML.render(table, title: title) }
}
