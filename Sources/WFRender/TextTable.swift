/// The box-drawn text table of the REPL and of `.txt` export, in the style of DuckDB's:
///
///     城关镇妇联 — 执委
///     ┌────────┬──────┬──────┐
///     │ name   │  age │ role │
///     ├────────┼──────┼──────┤
///     │ 王芳   │   42 │ 主席 │
///     │ 李秀英 │ null │ 执委 │
///     └────────┴──────┴──────┘
///
/// Rules:
/// - Widths are display widths (`TextWidth`), computed once per shown cell.
/// - Numeric cells are right-aligned; in a column whose shown values are all numbers (nulls
///   aside) the header and the nulls are right-aligned too.
/// - Null prints as `null` (dimmed when colour is on), so it differs from an empty string.
/// - Line breaks in a cell print as "↵" and control characters as control pictures (`OneLine`),
///   so every row is one line and cell text can send no escape sequences.
/// - `maxRows`: a longer table shows its first and last rows around a line "… N more rows …".
/// - `maxWidth`: the widest columns shrink first, down to 3 columns each, cut with "…"; the
///   title is cut too. A table that cannot fit even then is drawn at that minimum, wider.
/// - Footer: "(0 rows)" for an empty table; "N rows (M shown)" when rows were elided; "N rows"
///   from `footerThreshold` rows on, where counting by eye stops being easy.
/// - `color`: ANSI bold for the title and headers, dim for null; nothing else is coloured.
enum TextTable {
    /// Row counts from which the footer states the count.
    static let footerThreshold = 10
    /// A column never shrinks below this many columns to fit `maxWidth` (room for "x…").
    static let minimumColumnWidth = 3

    private static let bold = "\u{1B}[1m"
    private static let dim = "\u{1B}[2m"
    private static let reset = "\u{1B}[0m"

    /// One cell ready to print: its one-line text and that text's display width.
    private struct Prepared {
        var text: String
        var width: Int
        var rightAligned: Bool
        var isNull: Bool
    }

    /// Everything measured about the shown part of a table, before drawing.
    private struct Layout {
        var headers: [Prepared]
        var body: [[Prepared]]
        /// Content width of each column (without the one-space margins).
        var widths: [Int]
        /// Columns whose shown values are all numbers, nulls aside: header and nulls go right.
        var numericColumn: [Bool]
        /// Body rows drawn before the elision line.
        var headCount: Int
        /// "… N more rows …" when rows are hidden.
        var elision: String?

        /// Width between the outer "│"s: every column with its margins, plus the inner "│"s.
        var innerWidth: Int { widths.reduce(0, +) + 3 * widths.count - 1 }
    }

    /// - Complexity: O(shown cells × cell length); rows hidden by `maxRows` are not measured.
    static func render(_ table: ResultTable, options: RenderOptions) -> String {
        let total = table.rows.count
        var out = ""
        if let title = table.title {
            var line = OneLine.text(title)
            if let maxWidth = options.maxWidth { line = TextWidth.truncate(line, to: maxWidth) }
            out += options.color ? bold + line + reset : line
            out += "\n"
        }
        if table.columns.isEmpty {
            out += total == 0 ? "(0 rows)\n" : "(no columns) \(countText(total))\n"
            return out
        }
        let (shown, head) = shownRows(total: total, maxRows: options.maxRows)
        var layout = measure(table, rows: shown, headCount: head)
        if let maxWidth = options.maxWidth {
            layout.widths = fit(layout.widths, into: maxWidth - 3 * layout.widths.count - 1)
        }
        draw(layout, color: options.color, into: &out)
        let hidden = total - shown.count
        if total == 0 {
            out += "(0 rows)\n"
        } else if hidden > 0 {
            out += "\(countText(total)) (\(shown.count) shown)\n"
        } else if total >= footerThreshold {
            out += countText(total) + "\n"
        }
        return out
    }

    /// The indices of the rows to draw, and how many of them come before the elision line: all
    /// rows, or the first ⌈m/2⌉ and the last ⌊m/2⌋ when there are more than `maxRows` = m.
    private static func shownRows(total: Int, maxRows: Int?) -> (rows: [Int], headCount: Int) {
        guard let maxRows, total > maxRows else { return (Array(0..<total), total) }
        let shown = max(maxRows, 0)
        let head = (shown + 1) / 2
        let tail = shown - head
        return (Array(0..<head) + Array((total - tail)..<total), head)
    }

    /// Prepares and measures the header and the shown rows (short rows are filled with null),
    /// and sizes the columns to their widest cell, widening the last column when the elision
    /// line is wider than the whole table.
    private static func measure(_ table: ResultTable, rows: [Int], headCount: Int) -> Layout {
        let columnCount = table.columns.count
        let headers = table.columns.map { name -> Prepared in
            let text = OneLine.text(name)
            return Prepared(text: text, width: TextWidth.width(text), rightAligned: false, isNull: false)
        }
        var widths = headers.map { max($0.width, 1) }
        var numericCount = [Int](repeating: 0, count: columnCount)
        var otherCount = [Int](repeating: 0, count: columnCount)
        var body: [[Prepared]] = []
        body.reserveCapacity(rows.count)
        for rowIndex in rows {
            let row = table.rows[rowIndex]
            var prepared: [Prepared] = []
            prepared.reserveCapacity(columnCount)
            for column in 0..<columnCount {
                let item = prepare(column < row.count ? row[column] : .null)
                if item.rightAligned {
                    numericCount[column] += 1
                } else if !item.isNull {
                    otherCount[column] += 1
                }
                widths[column] = max(widths[column], item.width)
                prepared.append(item)
            }
            body.append(prepared)
        }
        let hidden = table.rows.count - rows.count
        var layout = Layout(
            headers: headers, body: body, widths: widths,
            numericColumn: (0..<columnCount).map { numericCount[$0] > 0 && otherCount[$0] == 0 },
            headCount: headCount,
            elision: hidden > 0 ? "… \(hidden) more \(hidden == 1 ? "row" : "rows") …" : nil)
        if let elision = layout.elision {
            let shortBy = TextWidth.width(elision) - (layout.innerWidth - 2)
            if shortBy > 0 { layout.widths[columnCount - 1] += shortBy }
        }
        return layout
    }

    /// Draws the box: top border, header, separator, rows with the elision line, bottom border.
    private static func draw(_ layout: Layout, color: Bool, into out: inout String) {
        let widths = layout.widths
        out.reserveCapacity(out.utf8.count + (layout.body.count + 5) * (widths.reduce(0, +) * 2 + 4 * widths.count))
        out += border("┌", "┬", "┐", widths)
        out += "│"
        for (column, header) in layout.headers.enumerated() {
            var header = header
            header.rightAligned = layout.numericColumn[column]
            appendCell(header, width: widths[column], style: color ? bold : nil, to: &out)
        }
        out += "\n"
        if !layout.body.isEmpty || layout.elision != nil { out += border("├", "┼", "┤", widths) }
        for (position, row) in layout.body.enumerated() {
            if position == layout.headCount, let elision = layout.elision {
                appendSpanning(elision, innerWidth: layout.innerWidth, to: &out)
            }
            out += "│"
            for (column, cell) in row.enumerated() {
                var cell = cell
                if cell.isNull { cell.rightAligned = layout.numericColumn[column] }
                appendCell(cell, width: widths[column], style: color && cell.isNull ? dim : nil, to: &out)
            }
            out += "\n"
        }
        if layout.headCount >= layout.body.count, let elision = layout.elision {
            appendSpanning(elision, innerWidth: layout.innerWidth, to: &out)
        }
        out += border("└", "┴", "┘", widths)
    }

    private static func countText(_ n: Int) -> String {
        n == 1 ? "1 row" : "\(n) rows"
    }

    private static func prepare(_ cell: Cell) -> Prepared {
        switch cell {
        case .null:
            return Prepared(text: "null", width: 4, rightAligned: false, isNull: true)
        case .int, .decimal:
            let text = OneLine.text(cell.text)
            return Prepared(text: text, width: TextWidth.width(text), rightAligned: true, isNull: false)
        case .bool, .text:
            let text = OneLine.text(cell.text)
            return Prepared(text: text, width: TextWidth.width(text), rightAligned: false, isNull: false)
        }
    }

    /// Shrinks the widest columns until their sum is at most `budget`: finds the largest cap
    /// that fits, then hands the columns above it any columns left over, one each.
    /// - Complexity: O(c log c) for c columns.
    static func fit(_ widths: [Int], into budget: Int) -> [Int] {
        if widths.reduce(0, +) <= budget { return widths }
        let floors = widths.map { min($0, minimumColumnWidth) }
        if floors.reduce(0, +) >= budget { return floors }
        // Largest cap L with sum(min(w, L)) <= budget; L >= minimumColumnWidth here.
        var low = minimumColumnWidth
        var high = widths.max() ?? minimumColumnWidth
        while low < high {
            let mid = (low + high + 1) / 2
            if widths.reduce(0, { $0 + min($1, mid) }) <= budget { low = mid } else { high = mid - 1 }
        }
        var result = widths.map { min($0, low) }
        var spare = budget - result.reduce(0, +)
        for index in result.indices where spare > 0 && widths[index] > low {
            result[index] += 1
            spare -= 1
        }
        return result
    }

    private static func border(_ left: String, _ middle: String, _ right: String, _ widths: [Int]) -> String {
        var line = left
        for (index, width) in widths.enumerated() {
            if index > 0 { line += middle }
            line += String(repeating: "─", count: width + 2)
        }
        return line + right + "\n"
    }

    /// Appends " text │", the text cut to `width` when longer and padded to it when shorter.
    private static func appendCell(_ cell: Prepared, width: Int, style: String?, to out: inout String) {
        var text = cell.text
        var textWidth = cell.width
        if textWidth > width {
            // Trailing spaces (padded bars, padded labels) go first, so that they are not what
            // the "…" stands for.
            var trimmed = Substring(text)
            while trimmed.last == " " { trimmed.removeLast() }
            let trimmedWidth = textWidth - (text.utf8.count - trimmed.utf8.count)
            text = trimmedWidth <= width ? String(trimmed) : TextWidth.truncate(String(trimmed), to: width)
            textWidth = TextWidth.width(text)
        }
        let padding = width - textWidth
        out += " "
        if cell.rightAligned { Padding.appendSpaces(padding, to: &out) }
        if let style { out += style + text + reset } else { out += text }
        if !cell.rightAligned { Padding.appendSpaces(padding, to: &out) }
        out += " │"
    }

    /// Appends "│ … N more rows … │" centred across the whole table.
    private static func appendSpanning(_ text: String, innerWidth: Int, to out: inout String) {
        var shown = text
        var width = TextWidth.width(text)
        if width > innerWidth {
            shown = TextWidth.truncate(text, to: innerWidth)
            width = TextWidth.width(shown)
        }
        let left = (innerWidth - width) / 2
        out += "│"
        Padding.appendSpaces(left, to: &out)
        out += shown
        Padding.appendSpaces(innerWidth - width - left, to: &out)
        out += "│\n"
    }
}
