/// GitHub-flavoured Markdown tables, padded to display width so the source lines up too:
///
///     | name   | age |
///     | ------ | --: |
///     | 王芳   |  42 |
///
/// Numeric columns (every non-null value a number) are right-aligned with `---:`. In cells, `\`
/// and `|` are backslash-escaped and line breaks become `<br>` (GFM cells are one line). Null is
/// an empty cell. A table with no rows still prints its header and delimiter rows.
enum Markdown {
    /// - Complexity: O(total text length); each cell is measured once.
    static func render(_ table: ResultTable) -> String {
        let columnCount = table.columns.count
        if columnCount == 0 { return "" }
        let header = table.columns.map(escape)
        var cells: [[String]] = []
        cells.reserveCapacity(table.rows.count)
        var numeric = [Bool](repeating: true, count: columnCount)
        var anyValue = [Bool](repeating: false, count: columnCount)
        for row in table.rows {
            var line: [String] = []
            line.reserveCapacity(columnCount)
            for column in 0..<columnCount {
                let cell = column < row.count ? row[column] : .null
                if cell != .null {
                    anyValue[column] = true
                    if !cell.isNumeric { numeric[column] = false }
                }
                line.append(escape(cell.text))
            }
            cells.append(line)
        }
        let right = (0..<columnCount).map { numeric[$0] && anyValue[$0] }
        var widths = header.map { max(TextWidth.width($0), 3) }
        var cellWidths: [[Int]] = []
        cellWidths.reserveCapacity(cells.count)
        for line in cells {
            let measured = line.map(TextWidth.width)
            for column in 0..<columnCount where measured[column] > widths[column] { widths[column] = measured[column] }
            cellWidths.append(measured)
        }

        var out = ""
        appendRow(header, header.map(TextWidth.width), widths: widths, right: right, to: &out)
        out += "|"
        for column in 0..<columnCount {
            out += " "
            out += right[column] ? String(repeating: "-", count: widths[column] - 1) + ":" : String(repeating: "-", count: widths[column])
            out += " |"
        }
        out += "\n"
        for (line, measured) in zip(cells, cellWidths) {
            appendRow(line, measured, widths: widths, right: right, to: &out)
        }
        return out
    }

    private static func appendRow(_ cells: [String], _ measured: [Int], widths: [Int], right: [Bool], to out: inout String) {
        out += "|"
        for column in cells.indices {
            let padding = widths[column] - measured[column]
            out += " "
            if right[column] { Padding.appendSpaces(padding, to: &out) }
            out += cells[column]
            if !right[column] { Padding.appendSpaces(padding, to: &out) }
            out += " |"
        }
        out += "\n"
    }

    /// Escapes text for one GFM table cell.
    /// - Complexity: O(n); text with nothing to escape is returned as it is.
    static func escape(_ text: String) -> String {
        let special = text.utf8.contains { $0 == UInt8(ascii: "|") || $0 == UInt8(ascii: "\\") || $0 < 0x20 }
        if !special { return text }
        var out = ""
        Escaping.rewrite(text, into: &out, lineBreak: "<br>") { scalar in
            switch scalar {
            case "|": return "\\|"
            case "\\": return "\\\\"
            case "\t": return " "
            default: return scalar.value < 0x20 ? "" : nil  // other controls have no place in Markdown
            }
        }
        return out
    }
}
