import Foundation
import WFStore
import WFRender

/// `export EXPR to "file.csv"`: the format comes from the extension.
enum Export {
    static func write(_ v: Value, to path: String, rt: Runtime, span: Span) throws {
        let reveal = rt.session.options.revealPersonal
        let table = Display.table(v, rt: rt, reveal: reveal)
            ?? ResultTable(columns: ["value"], rows: [[Display.cell(v, reveal: reveal, store: rt.store)]])
        let ext = Paths.fileExtension(path)
        let text: String
        switch ext {
        case "csv": text = Render.csv(table)
        case "json": text = Render.json(table)
        case "jsonl": text = Render.jsonLines(table)
        case "md": text = Render.markdown(table)
        case "html", "htm": text = Render.html(table, title: Paths.lastComponent(path))
        case "txt": text = Render.text(table)
        default:
            throw WFError.runtime("cannot tell the format of '\(path)'", span, hint: "end the name in .csv, .json, .jsonl, .md, .html or .txt")
        }
        try rt.session.checkHealth(rt)
        do { try text.write(toFile: path, atomically: true, encoding: .utf8) } catch {
            throw WFError.runtime("cannot write '\(path)': \(error.localizedDescription)", span)
        }
    }
}
