import CLibEdit
#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// State read by libedit's C callbacks. A C function pointer cannot capture context, so the
/// callbacks find the editor's state here; there is one line editor per process, and libedit
/// calls back only from inside `el_gets` on the thread that called it.
enum EditLineState {
    /// The prompt being shown, as a C string owned here (the prompt callback must return a
    /// pointer that stays valid).
    nonisolated(unsafe) static var prompt: UnsafeMutablePointer<CChar>? = strdup("")
    /// Set by the Ctrl-C key function; the reader then drops the line.
    nonisolated(unsafe) static var ctrlCPressed = false
    /// The text right of the cursor when Ctrl-C was pressed: written again so that the cursor
    /// ends after the line and "^C" does not cover any of it.
    nonisolated(unsafe) static var textAfterCursor = ""
    /// Set by the Ctrl-Z key function; the reader suspends and then restores the line.
    nonisolated(unsafe) static var suspendPressed = false
    /// Where Tab gets candidates.
    nonisolated(unsafe) static var completer: ((String, Int) -> [String])?
    /// The stream the editor draws on, for listing candidates.
    nonisolated(unsafe) static var screen: UnsafeMutablePointer<FILE>?
    /// The descriptor of `screen`, to ask its width.
    nonisolated(unsafe) static var screenDescriptor: Int32 = 1

    static func setPrompt(_ text: String) {
        free(prompt)
        prompt = strdup(text)
    }
}

/// The C callbacks bound into libedit.
enum EditLineCallbacks {
    static let prompt: wf_prompt_fn = { _ in EditLineState.prompt }

    /// Ctrl-C while editing: end the read as if Enter were pressed, flagged so the line is
    /// dropped. (With `isig` off while editing, Ctrl-C reaches the editor as a key.)
    static let interrupt: wf_key_fn = { editor, _ in
        EditLineState.ctrlCPressed = true
        EditLineState.textAfterCursor = ""
        if let editor, let info = el_line(editor), let buffer = info.pointee.buffer {
            let length = Int(wf_el_line_length(info))
            let cursor = Int(wf_el_cursor_offset(info))
            if cursor >= 0, cursor < length {
                let bytes = UnsafeRawBufferPointer(start: buffer, count: length)
                EditLineState.textAfterCursor = String(decoding: bytes[cursor...], as: UTF8.self)
            }
        }
        return UInt8(CC_NEWLINE)
    }

    /// Ctrl-Z while editing: end the read so that the terminal is restored, flagged so the
    /// reader stops the process and gives the line back on return. (`isig` is off while
    /// editing, so the terminal does not do it.)
    static let suspend: wf_key_fn = { _, _ in
        EditLineState.suspendPressed = true
        return UInt8(CC_NEWLINE)
    }

    /// Tab: insert the candidates' common prefix, or list them when there is nothing to insert.
    static let complete: wf_key_fn = { editor, _ in
        guard let editor, let completer = EditLineState.completer, let info = el_line(editor) else {
            return UInt8(CC_ERROR)
        }
        // libedit gives byte pointers into its multibyte copy of the line; the completer counts
        // Characters.
        let length = Int(wf_el_line_length(info))
        let cursorByte = Int(wf_el_cursor_offset(info))
        guard let buffer = info.pointee.buffer, length >= 0, cursorByte >= 0, cursorByte <= length else {
            return UInt8(CC_ERROR)
        }
        let bytes = UnsafeRawBufferPointer(start: buffer, count: length)
        let line = String(decoding: bytes, as: UTF8.self)
        let typed = String(decoding: bytes[..<cursorByte], as: UTF8.self)
        switch CompletionInsertion.action(typed: typed, candidates: completer(line, typed.count)) {
        case .insert(let text):
            return el_insertstr(editor, text) == 0 ? UInt8(CC_REFRESH) : UInt8(CC_ERROR)
        case .list(let candidates):
            let width = Terminal.columns(fd: EditLineState.screenDescriptor) ?? 80
            if let screen = EditLineState.screen {
                fputs("\n" + CompletionListing.format(candidates, width: width), screen)
                fflush(screen)
            }
            return UInt8(CC_REDISPLAY)
        case .nothing:
            return UInt8(CC_REFRESH_BEEP)
        }
    }
}
