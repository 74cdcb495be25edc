import CLibEdit
#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// A one-line progress report for long loads ("loading province.wfs  45%"), redrawn in place on
/// a terminal and silent elsewhere, so that piped output and logs stay clean.
public final class ProgressLine {
    private let label: String
    private let write: ((String) -> Void)?
    private let clock: () -> UInt64
    private let interval: UInt64
    private var lastDrawn: UInt64?
    private var lastPercent = -1
    private var drewSomething = false

    /// - Parameters:
    ///   - label: what is in progress.
    ///   - write: where to draw; nil draws nothing. `ProgressLine.standardError(label:)` gives
    ///     standard error when it is a terminal.
    ///   - interval: least time between redraws, in nanoseconds (redrawing costs a system call).
    public init(label: String, write: ((String) -> Void)?, interval: UInt64 = 100_000_000,
                clock: @escaping () -> UInt64 = ReplLoop.monotonicNanoseconds) {
        self.label = label
        self.write = write
        self.interval = interval
        self.clock = clock
    }

    /// Progress on standard error, drawn only when it is a terminal.
    public static func standardError(label: String) -> ProgressLine {
        let draw: ((String) -> Void)? = Terminal.isTerminal(2) ? { text in
            fputs(text, wf_stderr())
            fflush(wf_stderr())
        } : nil
        return ProgressLine(label: label, write: draw)
    }

    /// Reports `fraction` (0…1) done. Cheap to call often: it redraws at most once per interval
    /// and only when the whole percentage changed.
    /// - Complexity: O(1).
    public func update(_ fraction: Double) {
        guard let write else { return }
        let percent = fraction.isFinite ? max(0, min(100, Int(fraction * 100))) : 0
        let now = clock()
        if percent == lastPercent { return }
        if let lastDrawn, now &- lastDrawn < interval, percent < 100 { return }
        lastDrawn = now
        lastPercent = percent
        drewSomething = true
        write("\r\(label) \(percent < 10 ? "  " : percent < 100 ? " " : "")\(percent)%")
    }

    /// Clears the line, if anything was drawn, so that the next output starts clean.
    public func finish() {
        guard let write, drewSomething else { return }
        write("\r\u{1B}[K")
        drewSomething = false
    }
}
