#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// Facts about the standard streams, and writing to standard error.
enum Terminal {
    static var stdoutIsTerminal: Bool { isatty(1) == 1 }
    static var stderrIsTerminal: Bool { isatty(2) == 1 }
    static var stdinIsTerminal: Bool { isatty(0) == 1 }

    /// Colour only on a terminal, and never when NO_COLOR is set (https://no-color.org).
    static var colorAllowed: Bool { getenv("NO_COLOR") == nil && stdoutIsTerminal }

    static func error(_ message: String) {
        let text = message.hasPrefix("wf: ") || message.hasPrefix("error") ? message : "wf: " + message
        writeError(text.hasSuffix("\n") ? text : text + "\n")
    }

    static func writeError(_ text: String) {
        var bytes = Array(text.utf8)
        bytes.withUnsafeMutableBytes { raw in
            guard var p = raw.baseAddress else { return }
            var left = raw.count
            while left > 0 {
                let n = write(2, p, left)
                if n <= 0 { if errno == EINTR { continue }; return }
                p += n
                left -= n
            }
        }
    }
}

/// A one-line progress bar on standard error, drawn only when it is a terminal and the work
/// has already taken longer than `delay` seconds, so quick runs stay silent.
final class ProgressBar {
    private let label: String
    private let start = ProgressBar.now()
    private let delay: Double
    private var lastDrawn = -1
    private let enabled = Terminal.stderrIsTerminal

    init(_ label: String, delay: Double = 1.0) {
        self.label = label
        self.delay = delay
    }

    func update(_ fraction: Double) {
        guard enabled, ProgressBar.now() - start >= delay else { return }
        let percent = Int((min(max(fraction, 0), 1) * 100).rounded(.down))
        guard percent != lastDrawn else { return }
        lastDrawn = percent
        let width = 30
        let filled = percent * width / 100
        let bar = String(repeating: "█", count: filled) + String(repeating: "░", count: width - filled)
        Terminal.writeError("\r\(label) \(bar) \(percent)%")
    }

    func finish() {
        if lastDrawn >= 0 { Terminal.writeError("\r\u{1B}[K") }
    }

    static func now() -> Double {
        var ts = timespec()
        clock_gettime(CLOCK_MONOTONIC, &ts)
        return Double(ts.tv_sec) + Double(ts.tv_nsec) / 1e9
    }
}
