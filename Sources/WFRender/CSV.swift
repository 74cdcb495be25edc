/// RFC 4180 CSV: a header row, CRLF after every record (the last too), and a field quoted
/// exactly when it holds a comma, a double quote, CR or LF, with its quotes doubled. Null is an
/// empty field. Text is kept as it is (UTF-8, Chinese unchanged).
enum CSV {
    /// - Complexity: O(total text length).
    static func render(_ table: ResultTable) -> String {
        if table.columns.isEmpty { return "" }
        var out = ""
        appendRecord(table.columns, to: &out)
        for row in table.rows {
            var fields: [String] = []
            fields.reserveCapacity(table.columns.count)
            for column in table.columns.indices {
                fields.append(column < row.count ? row[column].text : "")
            }
            appendRecord(fields, to: &out)
        }
        return out
    }

    private static func appendRecord(_ fields: [String], to out: inout String) {
        for (index, field) in fields.enumerated() {
            if index > 0 { out += "," }
            appendField(field, to: &out)
        }
        out += "\r\n"
    }

    /// Appends `field`, quoted when RFC 4180 requires it.
    static func appendField(_ field: String, to out: inout String) {
        let needsQuotes = field.utf8.contains { $0 == UInt8(ascii: ",") || $0 == UInt8(ascii: "\"") || $0 == 0x0D || $0 == 0x0A }
        if !needsQuotes {
            out += field
            return
        }
        out += "\""
        for scalar in field.unicodeScalars {
            if scalar == "\"" { out += "\"\"" } else { out.unicodeScalars.append(scalar) }
        }
        out += "\""
    }
}
