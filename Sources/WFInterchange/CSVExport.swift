import WFStore

/// `wf export --csv DIR`: one CSV file per kind (`orgs.csv`, `people.csv`, …), header `id` then
/// the kind's fields in schema order (docs/data-model.md). References are ids; dates ISO;
/// enumerations and tags by label. Personal fields are masked unless `reveal` is set.
public enum CSVExport {
    public struct Failure: Error, CustomStringConvertible {
        public let description: String
    }

    /// - Returns: the files written with their row counts.
    /// - Complexity: O(store size), streamed.
    @discardableResult
    public static func export(_ store: Store, to directory: String, reveal: Bool = false) throws -> [(file: String, rows: Int)] {
        var written: [(String, Int)] = []
        let dir = directory.hasSuffix("/") ? directory : directory + "/"
        for kind in Kind.allCases {
            let path = dir + fileName(kind)
            guard var out = CSVWriter(path: path) else {
                throw Failure(description: "\(path): cannot write: the directory is missing or not writable")
            }
            out.row(["id"] + kind.fields.map(\.name))
            let table = store[kind]
            var rows = 0
            var cells = [String](repeating: "", count: kind.fields.count + 1)
            for row in 0..<Int32(table.count) where table.isLive(row) {
                cells[0] = String(row)
                for (i, field) in kind.fields.enumerated() {
                    let c = table.columns[i][row]
                    if case .ref = field.type {
                        cells[i + 1] = c == nullCell ? "" : String(c)
                    } else {
                        cells[i + 1] = store.describe(FieldID(kind, i), c, reveal: reveal)
                    }
                }
                out.row(cells)
                rows += 1
            }
            if let error = out.close() { throw Failure(description: "\(path): cannot write: \(error)") }
            written.append((path, rows))
        }
        return written
    }

    public static func fileName(_ kind: Kind) -> String { kind.plural + ".csv" }
}
