import WFRender

/// A UTF-8 byte range in one source file: how every token, AST node and error points at code.
public struct Span: Equatable, Sendable {
    /// Index of the file in the session's source list.
    public var file: Int32
    public var start: Int32
    public var end: Int32

    public init(file: Int32, start: Int32, end: Int32) {
        self.file = file
        self.start = start
        self.end = end
    }

    /// The span from the start of `self` to the end of `other`.
    func to(_ other: Span) -> Span { Span(file: file, start: start, end: max(end, other.end)) }
}

/// One script or REPL entry: its bytes and a line table built once, so that line and column are
/// computed only when an error is printed (style.md habit 2).
public final class SourceFile {
    public let name: String
    public let bytes: [UInt8]
    /// Byte offset at which each line starts.
    let lineStarts: [Int32]

    public init(name: String, bytes: [UInt8]) {
        self.name = name
        self.bytes = bytes
        var starts: [Int32] = [0]
        for (i, b) in bytes.enumerated() where b == 0x0A { starts.append(Int32(i + 1)) }
        self.lineStarts = starts
    }

    public convenience init(name: String, text: String) { self.init(name: name, bytes: Array(text.utf8)) }

    /// The 1-based line of a byte offset.
    /// - Complexity: O(log lines)
    func line(of offset: Int32) -> Int {
        var lo = 0, hi = lineStarts.count - 1
        while lo < hi {
            let mid = (lo + hi + 1) / 2
            if lineStarts[mid] <= offset { lo = mid } else { hi = mid - 1 }
        }
        return lo + 1
    }

    /// The bytes of a 1-based line, without its line break.
    func lineBytes(_ line: Int) -> ArraySlice<UInt8> {
        let start = Int(lineStarts[line - 1])
        var end = line < lineStarts.count ? Int(lineStarts[line]) - 1 : bytes.count
        if end > start, bytes[end - 1] == 0x0D { end -= 1 }
        return bytes[start..<max(start, end)]
    }

    func text(_ span: Span) -> String {
        let s = max(0, min(Int(span.start), bytes.count)), e = max(s, min(Int(span.end), bytes.count))
        return String(decoding: bytes[s..<e], as: UTF8.self)
    }
}
