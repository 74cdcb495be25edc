import WFRepl
#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// Messages to standard error, written unbuffered so that they interleave correctly with the
/// flushed standard output. Terminal facts (isatty, size, colour) come from `WFRepl.Terminal`.
enum StandardError {
    /// A one-line message, prefixed with "wf: " unless it is already a rendered error.
    static func report(_ message: String) {
        let text = message.hasPrefix("wf: ") || message.hasPrefix("error") ? message : "wf: " + message
        write(text.hasSuffix("\n") ? text : text + "\n")
    }

    static func write(_ text: String) {
        var bytes = Array(text.utf8)
        bytes.withUnsafeMutableBytes { raw in
            guard var p = raw.baseAddress else { return }
            var left = raw.count
            while left > 0 {
                let n = Glibc_write(2, p, left)
                if n <= 0 { if errno == EINTR { continue }; return }
                p += n
                left -= n
            }
        }
    }
}

@inline(__always) private func Glibc_write(_ fd: Int32, _ p: UnsafeRawPointer, _ n: Int) -> Int { write(fd, p, n) }

/// Progress on standard error for work that may be long (generating, loading), shown only once
/// the work has taken longer than `delay` seconds, so quick runs stay silent. Drawing is
/// `WFRepl.ProgressLine`'s.
final class ProgressBar {
    private let line: ProgressLine
    private let start = ReplLoop.monotonicNanoseconds()
    private let delay: UInt64

    init(_ label: String, delay: Double = 1.0) {
        line = ProgressLine.standardError(label: label)
        self.delay = UInt64(delay * 1e9)
    }

    func update(_ fraction: Double) {
        guard ReplLoop.monotonicNanoseconds() &- start >= delay else { return }
        line.update(fraction)
    }

    func finish() { line.finish() }
}
