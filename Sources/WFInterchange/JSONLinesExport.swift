import WFRender
import WFStore

/// `wf export --jsonl DIR`: one JSON Lines file per kind, one object per row, values typed
/// (numbers as numbers, booleans, null, tags as arrays, references as ids).
public enum JSONLinesExport {
    @discardableResult
    public static func export(_ store: Store, to directory: String, kinds: [Kind] = Kind.allCases, reveal: Bool = false) throws -> [(file: String, rows: Int)] {
        let dir = directory.hasSuffix("/") ? directory : directory + "/"
        var written: [(String, Int)] = []
        for kind in kinds {
            let path = dir + kind.plural + ".jsonl"
            guard var out = CSVWriter(path: path) else {
                throw CSVExport.Failure(description: "\(path): cannot write: the directory is missing or not writable")
            }
            var rows = 0
            let table = store[kind]
            for row in 0..<Int32(table.count) where table.isLive(row) {
                out.raw(line(store, kind, row, reveal: reveal))
                rows += 1
            }
            if let error = out.close() { throw CSVExport.Failure(description: "\(path): cannot write: \(error)") }
            written.append((path, rows))
        }
        return written
    }

    /// One row as a JSON object.
    public static func line(_ store: Store, _ kind: Kind, _ row: Int32, reveal: Bool) -> String {
        var parts = ["\"id\":\(row)"]
        for (i, field) in kind.fields.enumerated() {
            let id = FieldID(kind, i)
            let c = store.cell(id, row)
            let value: String
            if c == nullCell {
                value = "null"
            } else {
                switch field.type {
                case .int, .ref: value = String(c)
                case .bool: value = c != 0 ? "true" : "false"
                case .tags:
                    let labels = store.describe(id, c).split(separator: "|").map { quote(String($0)) }
                    value = "[" + labels.joined(separator: ",") + "]"
                default: value = quote(store.describe(id, c, reveal: reveal))
                }
            }
            parts.append(quote(field.name) + ":" + value)
        }
        return "{" + parts.joined(separator: ",") + "}\n"
    }

    static func quote(_ s: String) -> String { JSONText.quoted(s) }
}

extension CSVWriter {
    /// Appends text as is (for JSON Lines, which shares the buffered file writer).
    mutating func raw(_ text: String) {
        appendRaw(text)
    }
}
