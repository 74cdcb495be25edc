@testable import WFRender

/// Shared sample tables and helpers for the renderer tests.
enum Fixtures {
    /// Township federations with Chinese names, ints, decimals, a bool, a null and a two-line note.
    static let townships = ResultTable(
        columns: ["名称", "women", "ratio", "note"],
        rows: [
            [.text("城关镇妇联"), .int(1234), .decimal(0.5, "0.50"), .text("ok")],
            [.text("东风村妇联"), .int(7), .null, .text("两行\n文字")],
            [.text("Hexi"), .int(-3), .decimal(1, "1.00"), .bool(true)],
        ],
        title: "平安县 — 覆盖率"
    )

    /// `count` rows of (id, name): ids 1…count and names 村1…村count.
    static func numbered(_ count: Int) -> ResultTable {
        ResultTable(columns: ["id", "name"], rows: (1...max(count, 1)).prefix(count).map { [.int($0), .text("村\($0)")] })
    }

    /// The display width of every line of `text` (without the final empty line).
    static func lineWidths(_ text: String) -> [Int] {
        var lines = text.split(separator: "\n", omittingEmptySubsequences: false).map(String.init)
        if lines.last == "" { lines.removeLast() }
        return lines.map(TextWidth.width)
    }
}
