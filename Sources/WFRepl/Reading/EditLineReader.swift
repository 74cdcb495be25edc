import CLibEdit
#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// Line editing on a terminal through libedit (BSD's editline, Debian's `libedit-dev`): emacs
/// keys, Chinese text edited by character, persistent history with Ctrl-R search, Tab
/// completion, and Ctrl-C that clears the line instead of ending the program.
public final class EditLineReader: LineReader {
    private var editor: OpaquePointer?
    private var history: OpaquePointer?
    private let historyFile: String?
    private let color: Bool

    public var isInteractive: Bool { true }

    /// Opens the editor on standard input.
    /// - Parameters:
    ///   - historyFile: where history persists; nil keeps it for this session only.
    ///   - color: colour the prompt.
    ///   - historySize: entries kept.
    ///   Returns nil when libedit cannot start on this terminal.
    public init?(historyFile: String?, color: Bool, historySize: Int32 = 2000) {
        self.historyFile = historyFile
        self.color = color
        // Without a UTF-8 LC_CTYPE libedit treats input as bytes and drops multibyte characters.
        setlocale(LC_CTYPE, "")
        // Draw on standard output when it is the terminal, else on standard error, so that
        // `wf | less`-style redirection gets results only.
        let drawOnStdout = isatty(1) != 0
        let screen = drawOnStdout ? wf_stdout() : wf_stderr()
        EditLineState.screen = screen
        EditLineState.screenDescriptor = drawOnStdout ? 1 : 2
        guard let editor = el_init("wf", wf_stdin(), screen, wf_stderr()) else { return nil }
        self.editor = editor
        _ = wf_el_set_editor(editor, "emacs")
        _ = wf_el_set_signal(editor, 1)
        _ = wf_el_edit_mode_without_isig(editor)
        _ = wf_el_set_prompt(editor, EditLineCallbacks.prompt, 1)
        _ = wf_el_add_function(editor, "wf-complete", "complete the word at the cursor", EditLineCallbacks.complete)
        _ = wf_el_bind(editor, "^I", "wf-complete")
        _ = wf_el_add_function(editor, "wf-interrupt", "drop the line being edited", EditLineCallbacks.interrupt)
        _ = wf_el_bind(editor, "^C", "wf-interrupt")
        _ = wf_el_add_function(editor, "wf-suspend", "suspend wf, keeping the line", EditLineCallbacks.suspend)
        _ = wf_el_bind(editor, "^Z", "wf-suspend")
        _ = wf_el_bind(editor, "^R", "em-inc-search-prev")
        // Ctrl-W deletes the word before the cursor, as in shells (libedit's emacs map kills a region).
        _ = wf_el_bind(editor, "^W", "ed-delete-prev-word")
        history = history_init()
        if let history {
            _ = wf_history_set_size(history, historySize)
            _ = wf_history_set_unique(history, 1)
            if let historyFile { _ = wf_history_load(history, historyFile) }
            _ = wf_el_set_history(editor, history)
        }
        // The user's ~/.editrc last, so personal key bindings win.
        _ = el_source(editor, nil)
    }

    deinit { close() }

    public func readLine(prompt: String, continuation: Bool) -> LineResult {
        guard let editor else { return .endOfInput }
        EditLineState.setPrompt(decorate(prompt, continuation: continuation))
        EditLineState.ctrlCPressed = false
        EditLineState.suspendPressed = false
        var count: Int32 = 0
        var text = el_gets(editor, &count)
        while EditLineState.suspendPressed, let typed = text {
            EditLineState.suspendPressed = false
            suspend(restoring: String(cString: typed))
            text = el_gets(editor, &count)
        }
        if EditLineState.ctrlCPressed {
            // libedit ends the read without moving to a new line: show the key and leave the
            // dropped text visible above the next prompt, as shells do.
            EditLineState.ctrlCPressed = false
            if let screen = EditLineState.screen {
                fputs(EditLineState.textAfterCursor + "^C\n", screen)
                fflush(screen)
            }
            return .interrupted
        }
        guard let text, count > 0 else {
            // Ctrl-D, or a SIGINT sent from outside (which ends the read with EINTR), leaves the
            // cursor after the prompt: end the line so that what follows starts on its own.
            if let screen = EditLineState.screen {
                fputs("\n", screen)
                fflush(screen)
            }
            if InterruptSignal.isRequested {
                InterruptSignal.clear()
                return .interrupted
            }
            return .endOfInput
        }
        var line = String(cString: text)
        if line.hasSuffix("\n") { line.removeLast() }
        return .line(line)
    }

    /// Ctrl-Z: stops the process (el_gets has returned, so the terminal is cooked); when the
    /// shell resumes it, the typed text is put back for the next read. Control characters are
    /// not put back: they would be read as keys.
    private func suspend(restoring typed: String) {
        guard let editor else { return }
        var line = typed
        if line.hasSuffix("\n") { line.removeLast() }
        if let screen = EditLineState.screen {
            fputs("\n", screen)
            fflush(screen)
        }
        _ = wf_suspend_process_group()
        if !line.isEmpty, !line.unicodeScalars.contains(where: { $0.value < 0x20 || $0.value == 0x7F }) {
            wf_el_push(editor, line)
        }
    }

    /// Adds the entry and writes the history file at once, so a session that is killed keeps
    /// what it typed.
    /// - Complexity: O(history size) for the rewrite of the file.
    public func remember(_ entry: String) {
        guard let history else { return }
        _ = wf_history_enter(history, entry)
        saveHistory()
    }

    public func setCompleter(_ completer: @escaping (String, Int) -> [String]) {
        EditLineState.completer = completer
    }

    /// Saves the history and restores the terminal. Idempotent.
    public func close() {
        saveHistory()
        if let editor { el_end(editor) }
        if let history { history_end(history) }
        editor = nil
        history = nil
        EditLineState.completer = nil
    }

    private func saveHistory() {
        guard let history, let historyFile else { return }
        HistoryLocation.createParentDirectory(of: historyFile)
        _ = wf_history_save(history, historyFile)
    }

    /// The prompt with colour codes fenced by \u{1}, libedit's marker for bytes that take no
    /// columns (set with EL_PROMPT_ESC), so the cursor column stays right.
    private func decorate(_ prompt: String, continuation: Bool) -> String {
        guard color else { return prompt }
        let code = continuation ? "2" : "1;32"
        let visible = prompt.trimmingBlanks()
        let trailing = String(prompt.dropFirst(visible.count))
        return "\u{1}\u{1B}[\(code)m\u{1}" + visible + "\u{1}\u{1B}[0m\u{1}" + trailing
    }
}
