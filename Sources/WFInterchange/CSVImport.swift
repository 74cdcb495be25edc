import WFStore
import WFRender

/// `wf import --csv DIR`: reads the layout `CSVExport` writes (one file per kind, header `id` and
/// field names, any column order, missing columns null) into a new store.
///
/// Every cell is parsed by its field's type, then every reference is checked against the ids
/// actually imported. In `stop` mode the first problem ends the import; in `skip` mode bad rows,
/// and rows that point at them, are left out and reported. Nothing is written by this type: the
/// caller saves the result atomically, so a failed import leaves no file behind.
public struct CSVImport {
    public enum Mode { case stop, skip }

    public struct Result {
        public let store: Store
        /// Problems of skipped rows (empty in stop mode, which throws instead).
        public let skipped: [ImportError]
        public let rowsPerKind: [(kind: Kind, rows: Int)]
        /// Files that were absent, so their kinds are empty.
        public let missingFiles: [String]
    }

    /// A parsed row waiting for its references to be checked.
    private struct PendingRow {
        var id: Int32
        var cells: [Int32]
        var line: Int
        var lineStart: Int
        var fieldOffsets: [Int]
    }

    private struct KindFile {
        var path: String
        var bytes: [UInt8]
        var rows: [PendingRow]
        var personalColumns = Set<Int>()
    }

    /// Ids above this are refused before anything is allocated for them.
    public static let maxID = 200_000_000

    public static func run(directory: String, mode: Mode, readFile: (String) -> [UInt8]?) throws -> Result {
        let dir = directory.hasSuffix("/") ? directory : directory + "/"
        var builder = StoreBuilder()
        builder.meta.origin = "csv import"
        builder.meta.name = directory
        var files: [KindFile?] = []
        var missing: [String] = []
        var skipped: [ImportError] = []

        func fail(_ error: ImportError) throws {
            if mode == .stop { throw error }
            skipped.append(error)
        }

        for kind in Kind.allCases {
            let path = dir + CSVExport.fileName(kind)
            guard let bytes = readFile(path) else { missing.append(CSVExport.fileName(kind)); files.append(nil); continue }
            var reader = CSVReader(bytes: bytes)
            var file = KindFile(path: path, bytes: bytes, rows: [])
            func problem(_ p: CSVReader.Problem) -> ImportError {
                switch p {
                case .unterminatedQuote(let offset, let line, let start):
                    return ImportError(file: path, line: line, column: CSVReader.column(bytes, lineStart: start, offset: offset),
                                       message: "unterminated quoted field", lineText: displayLine(bytes, start, []),
                                       hint: "close the field with \" (a quote inside a field is written \"\")")
                case .stray(let offset, let line, let start):
                    return ImportError(file: path, line: line, column: CSVReader.column(bytes, lineStart: start, offset: offset),
                                       message: "text after a closing quote", lineText: displayLine(bytes, start, []),
                                       hint: "a quote inside a quoted field is written \"\"")
                }
            }
            let header: CSVReader.Record
            do {
                guard let h = try reader.next() else { files.append(file); continue }
                header = h
            } catch let p as CSVReader.Problem { throw problem(p) }

            // Map header columns to fields.
            var columnField: [Int?] = []
            var personalColumns = Set<Int>()
            var idColumn: Int?
            let names = kind.fields.map(\.name)
            for (c, f) in header.fields.enumerated() {
                let name = String(decoding: f.bytes, as: UTF8.self).trimmingSpaces()
                if name == "id" { idColumn = c; columnField.append(nil); continue }
                guard let index = kind.fieldIndex(name) else {
                    throw ImportError(file: path, line: 1, column: CSVReader.column(bytes, lineStart: header.lineStart, offset: f.offset),
                                      message: "unknown column '\(name)' for \(kind.plural)", lineText: CSVReader.lineText(bytes, from: header.lineStart),
                                      hint: Suggest.nearest(name, names + ["id"], limit: 1).first.map { "did you mean '\($0)'?" } ?? "columns: id, " + names.joined(separator: ", "))
                }
                columnField.append(index)
                if case .personal = kind.fields[index].type { personalColumns.insert(c) }
            }
            guard let idColumn else {
                throw ImportError(file: path, line: 1, column: 1, message: "no 'id' column", lineText: CSVReader.lineText(bytes, from: header.lineStart),
                                  hint: "the first column should be id")
            }

            var seen = Set<Int32>()
            while true {
                let record: CSVReader.Record
                do {
                    guard let r = try reader.next() else { break }
                    record = r
                } catch let p as CSVReader.Problem {
                    try fail(problem(p))
                    break  // the rest of the file cannot be split reliably
                }
                if record.fields.count == 1 && record.fields[0].bytes.isEmpty { continue }  // blank line
                func cellError(_ column: Int, _ message: String, _ hint: String? = nil) -> ImportError {
                    let offset = column < record.fields.count ? record.fields[column].offset : record.lineStart
                    return ImportError(file: path, line: record.line, column: CSVReader.column(bytes, lineStart: record.lineStart, offset: offset),
                                       message: message, lineText: displayLine(bytes, record.lineStart, personalColumns), hint: hint)
                }
                guard record.fields.count == header.fields.count else {
                    try fail(cellError(min(record.fields.count, header.fields.count) - 1,
                                       "\(record.fields.count) fields where the header has \(header.fields.count)"))
                    continue
                }
                let idText = String(decoding: record.fields[idColumn].bytes, as: UTF8.self)
                guard let id = Int(idText), id >= 0, id < maxID else {
                    try fail(cellError(idColumn, "bad id '\(idText)'", "ids are whole numbers from 0 to \(maxID - 1)"))
                    continue
                }
                guard seen.insert(Int32(id)).inserted else {
                    try fail(cellError(idColumn, "duplicate id \(id)"))
                    continue
                }
                var cells = [Int32](repeating: nullCell, count: kind.fields.count)
                var offsets = [Int](repeating: record.lineStart, count: kind.fields.count)
                var bad = false
                for (c, f) in record.fields.enumerated() {
                    guard let index = columnField[c] else { continue }
                    offsets[index] = f.offset
                    let text = String(decoding: f.bytes, as: UTF8.self)
                    switch CellParser.parse(text, kind.fields[index].type, intern: { builder.intern($0) }) {
                    case .success(let v): cells[index] = v
                    case .failure(let e):
                        try fail(cellError(c, "\(kind.fields[index].name): \(e.message)", e.hint))
                        bad = true
                    }
                    if bad { break }
                }
                if bad { continue }
                file.rows.append(PendingRow(id: Int32(id), cells: cells, line: record.line, lineStart: record.lineStart, fieldOffsets: offsets))
            }
            // Ids may have gaps (deleted rows), but not so many that the table would be mostly
            // empty: a stray huge id must not make the import allocate hundreds of millions of rows.
            let bound = max(1_000_000, file.rows.count * 4)
            var kept: [PendingRow] = []
            for row in file.rows {
                if Int(row.id) < bound { kept.append(row); continue }
                try fail(ImportError(file: path, line: row.line,
                                     column: CSVReader.column(bytes, lineStart: row.lineStart, offset: row.lineStart),
                                     message: "id \(row.id) is far beyond the \(file.rows.count) rows of the file",
                                     lineText: displayLine(bytes, row.lineStart, personalColumns),
                                     hint: "ids number the rows from 0; gaps are allowed up to \(bound - 1)"))
            }
            file.rows = kept
            file.personalColumns = personalColumns
            files.append(file)
        }

        // References: every target id must exist among the imported rows; in skip mode drop
        // rows whose targets were dropped, until nothing changes.
        var liveIDs: [Set<Int32>] = files.map { Set($0?.rows.map(\.id) ?? []) }
        var changed = true
        while changed {
            changed = false
            for kind in Kind.allCases {
                guard var file = files[kind.rawValue] else { continue }
                var kept: [PendingRow] = []
                for row in file.rows {
                    var problem: ImportError?
                    for (i, field) in kind.fields.enumerated() {
                        guard case .ref(let target) = field.type, row.cells[i] != nullCell else { continue }
                        if !liveIDs[target.rawValue].contains(row.cells[i]) {
                            problem = ImportError(file: file.path, line: row.line,
                                                  column: CSVReader.column(file.bytes, lineStart: row.lineStart, offset: row.fieldOffsets[i]),
                                                  message: "\(field.name): no \(target.name) with id \(row.cells[i])",
                                                  lineText: displayLine(file.bytes, row.lineStart, file.personalColumns),
                                                  hint: "ids refer to the id column of \(CSVExport.fileName(target))")
                            break
                        }
                    }
                    if let problem {
                        try fail(problem)
                        liveIDs[kind.rawValue].remove(row.id)
                        changed = true
                    } else {
                        kept.append(row)
                    }
                }
                file.rows = kept
                files[kind.rawValue] = file
            }
        }

        // Build: rows at their ids; gaps become deleted rows so ids are kept.
        var counts: [(Kind, Int)] = []
        var deleted: [Kind: [Int32]] = [:]
        for kind in Kind.allCases {
            let rows = (files[kind.rawValue]?.rows ?? []).sorted { $0.id < $1.id }
            let size = Int((rows.last?.id ?? -1) + 1)
            builder.reserve(kind, size)
            var next = 0
            let empty = [Int32](repeating: nullCell, count: kind.fields.count)
            for id in 0..<size {
                if next < rows.count && Int(rows[next].id) == id {
                    builder.append(kind, rows[next].cells)
                    next += 1
                } else {
                    builder.append(kind, empty)
                    deleted[kind, default: []].append(Int32(id))
                }
            }
            counts.append((kind, rows.count))
        }
        var store = builder.build()
        for (kind, ids) in deleted { for id in ids { store.delete(kind, id) } }
        return Result(store: store, skipped: skipped, rowsPerKind: counts, missingFiles: missing)
    }
}

/// The line starting at `lineStart`, as an error shows it: personal fields (phone, ID number)
/// masked, with the same number of characters so that the caret still points at the right
/// column. A line that cannot be split into fields has every long run of digits masked instead.
func displayLine(_ bytes: [UInt8], _ lineStart: Int, _ personalColumns: Set<Int>) -> String {
    let raw = CSVReader.lineText(bytes, from: lineStart)
    var reader = CSVReader(bytes: Array(raw.utf8))
    guard let record = try? reader.next() else { return Masking.maskDigitRuns(raw) }
    guard !personalColumns.isEmpty else { return Masking.maskDigitRuns(raw) }
    var line = Array(raw.utf8)
    // Replace from the last field backwards so earlier offsets stay valid.
    for c in personalColumns.sorted(by: >) where c < record.fields.count {
        let field = record.fields[c]
        let start = field.offset + (line.indices.contains(field.offset) && line[field.offset] == UInt8(ascii: "\"") ? 1 : 0)
        let end = min(start + field.bytes.count, line.count)
        guard start <= end else { continue }
        let masked = Array(Masking.mask(String(decoding: field.bytes, as: UTF8.self)).utf8)
        line.replaceSubrange(start..<end, with: masked)
    }
    return String(decoding: line, as: UTF8.self)
}

extension String {
    func trimmingSpaces() -> String {
        var s = Substring(self)
        while s.first == " " || s.first == "\t" { s.removeFirst() }
        while s.last == " " || s.last == "\t" { s.removeLast() }
        return String(s)
    }
}
