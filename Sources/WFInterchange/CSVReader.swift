/// An RFC 4180 reader over a file's bytes, with the positions errors need.
///
/// Hand-written rather than SwiftCSV/CSV.swift: those build a `String` per field and keep no
/// byte offsets, while an import of tens of millions of ledger rows needs both speed and the
/// line and column of any bad cell.
struct CSVReader {
    struct Field {
        /// The field's bytes, with quotes removed and doubled quotes undone.
        var bytes: ArraySlice<UInt8>
        /// Byte offset of the field's first byte (its opening quote if quoted) in the file.
        var offset: Int
    }

    struct Record {
        var fields: [Field]
        /// 1-based line number where the record starts.
        var line: Int
        /// Byte offset where the record's line starts.
        var lineStart: Int
    }

    enum Problem: Error {
        case unterminatedQuote(offset: Int, line: Int, lineStart: Int)
        case stray(offset: Int, line: Int, lineStart: Int)
    }

    let bytes: [UInt8]
    private var i: Int
    private var line = 1

    init(bytes: [UInt8]) {
        self.bytes = bytes
        // Excel writes a UTF-8 byte-order mark; skip it.
        i = bytes.starts(with: [0xEF, 0xBB, 0xBF]) ? 3 : 0
    }

    /// The next record, nil at end of input.
    mutating func next() throws -> Record? {
        guard i < bytes.count else { return nil }
        let startLine = line, lineStart = i
        var fields: [Field] = []
        while true {
            let fieldStart = i
            if i < bytes.count && bytes[i] == UInt8(ascii: "\"") {
                i += 1
                var content: [UInt8] = []
                var closed = false
                while i < bytes.count {
                    let b = bytes[i]
                    if b == UInt8(ascii: "\"") {
                        if i + 1 < bytes.count && bytes[i + 1] == UInt8(ascii: "\"") {
                            content.append(b)
                            i += 2
                            continue
                        }
                        i += 1
                        closed = true
                        break
                    }
                    if b == 0x0A { line += 1 }
                    content.append(b)
                    i += 1
                }
                guard closed else { throw Problem.unterminatedQuote(offset: fieldStart, line: startLine, lineStart: lineStart) }
                fields.append(Field(bytes: content[...], offset: fieldStart))
                if i < bytes.count && !isDelimiter(bytes[i]) {
                    throw Problem.stray(offset: i, line: line, lineStart: lineStart)
                }
            } else {
                while i < bytes.count && !isDelimiter(bytes[i]) { i += 1 }
                fields.append(Field(bytes: bytes[fieldStart..<i], offset: fieldStart))
            }
            if i >= bytes.count { break }
            let d = bytes[i]
            i += 1
            if d == UInt8(ascii: ",") { continue }
            if d == 0x0D && i < bytes.count && bytes[i] == 0x0A { i += 1 }
            line += 1
            break
        }
        return Record(fields: fields, line: startLine, lineStart: lineStart)
    }

    private func isDelimiter(_ b: UInt8) -> Bool { b == UInt8(ascii: ",") || b == 0x0A || b == 0x0D }

    /// The text of the line starting at `start`, for an error display.
    static func lineText(_ bytes: [UInt8], from start: Int) -> String {
        var end = start
        while end < bytes.count && bytes[end] != 0x0A && bytes[end] != 0x0D { end += 1 }
        return String(decoding: bytes[start..<end], as: UTF8.self)
    }

    /// 1-based column, in characters, of byte `offset` on the line starting at `lineStart`.
    static func column(_ bytes: [UInt8], lineStart: Int, offset: Int) -> Int {
        String(decoding: bytes[lineStart..<min(offset, bytes.count)], as: UTF8.self).count + 1
    }
}
