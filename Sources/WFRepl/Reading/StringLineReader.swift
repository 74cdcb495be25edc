/// Reads the lines of a string: the start-up file, and anything else already in memory.
public final class StringLineReader: LineReader {
    private var lines: [String]
    private var next = 0

    public init(_ text: String) {
        // Split the bytes, not the Characters: in Swift "\r\n" is one Character, which a
        // split on "\n" would not see.
        var lines = text.utf8.split(separator: UInt8(ascii: "\n"), omittingEmptySubsequences: false)
        if text.utf8.last == UInt8(ascii: "\n") { lines.removeLast() }
        self.lines = lines.map { line in
            String(decoding: line.last == UInt8(ascii: "\r") ? line.dropLast() : line, as: UTF8.self)
        }
    }

    /// - Complexity: O(length of the line).
    public func readLine(prompt: String, continuation: Bool) -> LineResult {
        guard next < lines.count else { return .endOfInput }
        defer { next += 1 }
        return .line(lines[next])
    }
}
