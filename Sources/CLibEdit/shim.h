// The C side of wf's line editor: libedit's native API (histedit.h) plus the few POSIX calls
// Swift cannot make directly.
//
// Why this header exists: `el_set`, `el_get`, `history` and `ioctl` are C variadic functions,
// which Swift cannot call, and `sigaction`'s handler is a union that is awkward from Swift.
// Each wrapper below is one fixed use of such a call. They are `static inline`, so the clang
// importer compiles them into the importing Swift module and no separate C target is needed.
#ifndef WF_CLIBEDIT_SHIM_H
#define WF_CLIBEDIT_SHIM_H

#include <stdio.h>
#include <locale.h>
#include <signal.h>
#include <string.h>
#include <errno.h>
#include <unistd.h>
#include <sys/ioctl.h>
#include <histedit.h>

// MARK: - Editor

/// A prompt callback: returns a NUL-terminated string that must stay valid until the next call.
typedef char *(*wf_prompt_fn)(EditLine *);
/// A key function bound by `wf_el_add_function`: returns one of the CC_* codes.
typedef unsigned char (*wf_key_fn)(EditLine *, int);

/// Sets the prompt callback. Characters between two `escape` bytes in the prompt are printed
/// but take no columns (ANSI colour codes); pass 0 for none.
static inline int wf_el_set_prompt(EditLine *el, wf_prompt_fn fn, char escape) {
    return el_set(el, EL_PROMPT_ESC, fn, escape);
}

/// Chooses the key map: "emacs" or "vi".
static inline int wf_el_set_editor(EditLine *el, const char *mode) {
    return el_set(el, EL_EDITOR, mode);
}

/// With `on`, libedit catches SIGINT, SIGWINCH, ... while it reads, restores the terminal,
/// and re-raises them to the handlers that were installed before `el_gets`.
static inline int wf_el_set_signal(EditLine *el, int on) {
    return el_set(el, EL_SIGNAL, on);
}

/// Turns the terminal's `isig` off while editing only (tty setting `-d -isig`), so Ctrl-C
/// arrives as a key that `wf_el_bind` can bind instead of as a signal.
static inline int wf_el_edit_mode_without_isig(EditLine *el) {
    return el_set(el, EL_SETTY, "-d", "-isig", (const char *)NULL);
}

/// Adds a named key function.
static inline int wf_el_add_function(EditLine *el, const char *name, const char *help, wf_key_fn fn) {
    return el_set(el, EL_ADDFN, name, help, fn);
}

/// Binds `key` (in `bind` notation, e.g. "^I") to the function or built-in command `name`.
static inline int wf_el_bind(EditLine *el, const char *key, const char *name) {
    return el_set(el, EL_BIND, key, name, (const char *)NULL);
}

/// Attaches a history so that up/down and searches walk it.
static inline int wf_el_set_history(EditLine *el, History *h) {
    return el_set(el, EL_HIST, history, h);
}

/// The byte offset of the cursor in the line being edited (multibyte, UTF-8 under a UTF-8 locale).
static inline int wf_el_cursor_offset(const LineInfo *li) {
    return (int)(li->cursor - li->buffer);
}

/// The byte length of the line being edited.
static inline int wf_el_line_length(const LineInfo *li) {
    return (int)(li->lastchar - li->buffer);
}

/// Puts `text` back into the editor's input, to be read as if typed (the line restored after
/// a suspend).
static inline void wf_el_push(EditLine *el, const char *text) {
    el_push(el, text);
}

/// Stops the process group, as Ctrl-Z does in a shell (the terminal must be cooked already).
static inline int wf_suspend_process_group(void) {
    return kill(0, SIGTSTP);
}

// MARK: - History

/// Keeps at most `size` entries.
static inline int wf_history_set_size(History *h, int size) {
    HistEvent ev;
    return history(h, &ev, H_SETSIZE, size);
}

/// With `on`, an entry equal to the previous one is not added again.
static inline int wf_history_set_unique(History *h, int on) {
    HistEvent ev;
    return history(h, &ev, H_SETUNIQUE, on);
}

/// Appends an entry (newlines included: libedit stores them encoded, as one entry).
static inline int wf_history_enter(History *h, const char *line) {
    HistEvent ev;
    return history(h, &ev, H_ENTER, line);
}

/// Reads entries from `path`; returns the count or -1.
static inline int wf_history_load(History *h, const char *path) {
    HistEvent ev;
    return history(h, &ev, H_LOAD, path);
}

/// Writes every entry to `path` (mode 0600); returns the count or -1.
static inline int wf_history_save(History *h, const char *path) {
    HistEvent ev;
    return history(h, &ev, H_SAVE, path);
}

// MARK: - Standard streams and the terminal

static inline FILE *wf_stdin(void) { return stdin; }
static inline FILE *wf_stdout(void) { return stdout; }
static inline FILE *wf_stderr(void) { return stderr; }

/// Columns of the terminal on `fd`, or 0 when `fd` is not a terminal or reports no size.
static inline int wf_terminal_columns(int fd) {
    struct winsize ws;
    if (ioctl(fd, TIOCGWINSZ, &ws) != 0) return 0;
    return (int)ws.ws_col;
}

/// Rows of the terminal on `fd`, or 0 when `fd` is not a terminal or reports no size.
static inline int wf_terminal_rows(int fd) {
    struct winsize ws;
    if (ioctl(fd, TIOCGWINSZ, &ws) != 0) return 0;
    return (int)ws.ws_row;
}

// MARK: - SIGINT

/// Installs `handler` for SIGINT without SA_RESTART, so a blocking read returns EINTR instead of
/// waiting on; saves the previous action in `previous` (may be NULL). Returns 0 or -1.
static inline int wf_install_sigint(void (*handler)(int), struct sigaction *previous) {
    struct sigaction action;
    memset(&action, 0, sizeof action);
    action.sa_handler = handler;
    sigemptyset(&action.sa_mask);
    action.sa_flags = 0;
    return sigaction(SIGINT, &action, previous);
}

/// Puts back an action saved by `wf_install_sigint`.
static inline int wf_restore_sigint(const struct sigaction *previous) {
    return sigaction(SIGINT, previous, NULL);
}

/// `errno` of the calling thread (a macro in C, so Swift cannot always see it as a variable).
static inline int wf_errno(void) { return errno; }

#endif
