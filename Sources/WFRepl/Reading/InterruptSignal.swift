import CLibEdit
import Synchronization

/// Ctrl-C while a statement runs. The SIGINT handler only sets an atomic flag, the one thing
/// that is async-signal-safe; the evaluator polls the flag between steps and stops itself, so a
/// cancelled statement unwinds normally and the session keeps every earlier result.
public enum InterruptSignal {
    /// The flag. Swift initialises globals lazily (behind a once-lock), which a signal handler
    /// must never be first to do: `install()` touches it before the handler can run.
    static let flag = Atomic<Bool>(false)

    nonisolated(unsafe) private static var previousAction = sigaction()
    nonisolated(unsafe) private static var installed = false

    /// Installs the SIGINT handler (without SA_RESTART, so a blocked read returns EINTR).
    /// Idempotent. libedit saves and restores it around each edited line.
    public static func install() {
        guard !installed else { return }
        flag.store(false, ordering: .relaxed)
        if wf_install_sigint({ _ in InterruptSignal.flag.store(true, ordering: .relaxed) }, &previousAction) == 0 {
            installed = true
        }
    }

    /// Puts back the handler that was there before `install()`.
    public static func uninstall() {
        guard installed else { return }
        _ = wf_restore_sigint(&previousAction)
        installed = false
    }

    /// True once Ctrl-C was pressed since the last `clear()`. One relaxed atomic load: cheap
    /// enough to poll on every loop iteration of the evaluator.
    public static var isRequested: Bool { flag.load(ordering: .relaxed) }

    /// Forgets an earlier Ctrl-C (before each statement).
    public static func clear() { flag.store(false, ordering: .relaxed) }

    /// Acts as if Ctrl-C was pressed (tests, and readers that see Ctrl-C as a key).
    public static func request() { flag.store(true, ordering: .relaxed) }
}
