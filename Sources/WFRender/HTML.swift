/// A standalone HTML5 page holding one table, for printing or mailing (the disclosure board of
/// §12 is printed and posted). No scripts and no outside resources: one self-contained file.
/// All text is escaped; numeric columns are right-aligned; null is an empty cell; line breaks in
/// a cell become `<br>`.
enum HTML {
    /// - Complexity: O(total text length).
    static func render(_ table: ResultTable, title: String) -> String {
        var out = """
        <!DOCTYPE html>
        <html lang="zh-CN">
        <head>
        <meta charset="utf-8">
        <meta name="viewport" content="width=device-width, initial-scale=1">
        <title>\(escape(OneLine.text(title)))</title>
        <style>
        body { font-family: "Noto Sans CJK SC", "PingFang SC", "Microsoft YaHei", sans-serif; margin: 2em; color: #000; }
        h1 { font-size: 1.4em; }
        table { border-collapse: collapse; }
        caption { text-align: left; font-weight: bold; margin-bottom: 0.5em; }
        th, td { border: 1px solid #444; padding: 0.25em 0.6em; vertical-align: top; }
        th { background: #eee; text-align: left; }
        .num { text-align: right; font-variant-numeric: tabular-nums; }
        .count { color: #444; font-size: 0.9em; }
        @media print {
          body { margin: 0; }
          th { background: none; }
          thead { display: table-header-group; }
          tr { page-break-inside: avoid; }
        }
        </style>
        </head>
        <body>
        <h1>\(escape(title))</h1>

        """
        out += "<table>\n"
        if let caption = table.title, caption != title {
            out += "<caption>\(escape(caption))</caption>\n"
        }
        let numeric = numericColumns(table)
        out += "<thead>\n<tr>"
        for (column, name) in table.columns.enumerated() {
            out += numeric[column] ? "<th class=\"num\">" : "<th>"
            out += escape(name)
            out += "</th>"
        }
        out += "</tr>\n</thead>\n<tbody>\n"
        for row in table.rows {
            out += "<tr>"
            for column in table.columns.indices {
                let cell = column < row.count ? row[column] : .null
                out += cell.isNumeric ? "<td class=\"num\">" : "<td>"
                out += escape(cell.text)
                out += "</td>"
            }
            out += "</tr>\n"
        }
        out += "</tbody>\n</table>\n"
        out += "<p class=\"count\">\(table.rows.count == 1 ? "1 row" : "\(table.rows.count) rows")</p>\n"
        out += "</body>\n</html>\n"
        return out
    }

    /// Columns whose every non-null value is a number (and which have one).
    private static func numericColumns(_ table: ResultTable) -> [Bool] {
        table.columns.indices.map { column in
            var sawNumber = false
            for row in table.rows where column < row.count {
                switch row[column] {
                case .null: continue
                case .int, .decimal: sawNumber = true
                case .bool, .text: return false
                }
            }
            return sawNumber
        }
    }

    /// Escapes `& < > " '` and turns line breaks into `<br>`.
    /// - Complexity: O(n); text with nothing to escape is returned as it is.
    static func escape(_ text: String) -> String {
        let special = text.utf8.contains {
            $0 == UInt8(ascii: "&") || $0 == UInt8(ascii: "<") || $0 == UInt8(ascii: ">")
                || $0 == UInt8(ascii: "\"") || $0 == UInt8(ascii: "'") || $0 < 0x20
        }
        if !special { return text }
        var out = ""
        Escaping.rewrite(text, into: &out, lineBreak: "<br>") { scalar in
            switch scalar {
            case "&": return "&amp;"
            case "<": return "&lt;"
            case ">": return "&gt;"
            case "\"": return "&quot;"
            case "'": return "&#39;"
            case "\t": return nil
            default: return scalar.value < 0x20 ? "" : nil  // not allowed in HTML text
            }
        }
        return out
    }
}
