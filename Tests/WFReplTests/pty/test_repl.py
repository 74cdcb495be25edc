#!/usr/bin/env python3
"""End-to-end tests of the wf REPL in a real pseudo-terminal (pexpect).

Run:  WF_BIN=/path/to/wf python3 test_repl.py [-v] [TestCase.test_name ...]
      WF_ARGS="--no-rc"  extra arguments for every start (shell-split), optional.

Each test starts `wf` with its own HOME (so no ~/.editrc or ~/.wfrc of the user is read), its own
history file, LANG=C.UTF-8, TERM=xterm and a 24x80 screen. libedit redraws with escape codes, so
the tests match distinctive output (results, messages) rather than whole screens.

The tests lean on the REPL's own messages where they can, so that they do not depend on the
language. The few lines of language they need are gathered in LANG below.
"""

import os
import re
import shlex
import shutil
import subprocess
import sys
import tempfile
import termios
import time
import unittest

import pexpect

WF_BIN = os.environ.get("WF_BIN", "")
WF_ARGS = shlex.split(os.environ.get("WF_ARGS", ""))
TIMEOUT = float(os.environ.get("WF_PTY_TIMEOUT", "15"))

PROMPT = "wf> "
CONTINUATION = "...> "

# The language the tests type. Results are matched as whole numbers, so `x` must print 42.
LANG = {
    "define": "let x = 41 + 1",        # defines x = 42, prints nothing that contains "42"
    "show": "x",                        # prints 42
    "endless": "while true { }",        # runs until Ctrl-C
    "block_open": "while true {",       # first line of a multi-line block (unfinished)
    "block_close": "}",
    "paren_open": "let z = (41 +",      # unfinished: an open bracket
    "paren_close": "1)",
    "show_z": "z",                      # prints 42
    "keyword_prefix": "whi",            # Tab completes it to the keyword ...
    "keyword": "while",
    "field_prefix": 'org "城关镇妇联" | .na',  # Tab completes the field after "." ...
    "field": ".name",
    "org_prefix": 'org "城关镇妇',        # Tab completes the Chinese organisation name ...
    "org": "城关镇妇联",
}

LEFT = "\x1b[D"
UP = "\x1b[A"
BACKSPACE = "\x7f"
CTRL_A = "\x01"
CTRL_C = "\x03"
CTRL_D = "\x04"
CTRL_R = "\x12"
CTRL_W = "\x17"
CTRL_Z = "\x1a"
TAB = "\t"
ANSI = re.compile(r"\x1b\[[0-9;?]*[A-Za-z]|\x1b[=>]|[\x01\x07\x08\r]")


def number(n):
    """A regex for n as a whole number in the output (not part of a longer number)."""
    return r"(?<![0-9.])%d(?![0-9.])" % n


class ReplSession:
    """One running wf in a pty, with its own home directory."""

    def __init__(self, home, history, extra_env=None, color=False, args=()):
        env = {
            "PATH": os.environ.get("PATH", "/usr/bin:/bin"),
            "HOME": home,
            "LANG": "C.UTF-8",
            "LC_ALL": "C.UTF-8",
            "TERM": "xterm",
            "WF_HISTORY": history,
        }
        if not color:
            env["NO_COLOR"] = "1"
        env.update(extra_env or {})
        self.child = pexpect.spawn(WF_BIN, WF_ARGS + list(args), env=env, encoding="utf-8",
                                   dimensions=(24, 80), timeout=TIMEOUT)
        self.child.logfile_read = open(os.path.join(home, "screen.log"), "a", encoding="utf-8")

    def prompt(self):
        self.child.expect_exact(PROMPT)

    def send(self, text):
        self.child.send(text)

    def line(self, text):
        """Types a line and presses Enter."""
        self.child.send(text + "\r")

    def expect(self, pattern):
        return self.child.expect(pattern)

    def expect_exact(self, text):
        return self.child.expect_exact(text)

    def close(self):
        if self.child.isalive():
            self.child.terminate(force=True)
        self.child.logfile_read.close()


class ReplInTerminal(unittest.TestCase):
    def setUp(self):
        # No silent skip: without an executable every test fails and says why.
        self.assertTrue(WF_BIN and os.access(WF_BIN, os.X_OK), "set WF_BIN to the wf executable (got %r)" % WF_BIN)
        self.home = tempfile.mkdtemp(prefix="wf-pty-")
        self.history = os.path.join(self.home, "history")
        self.sessions = []

    def tearDown(self):
        for session in self.sessions:
            session.close()
        if self._outcome_ok():
            shutil.rmtree(self.home, ignore_errors=True)
        else:
            sys.stderr.write("\nscreen log kept in %s\n" % self.home)

    def _outcome_ok(self):
        outcome = getattr(self, "_outcome", None)
        if outcome is None:
            return True
        if hasattr(outcome, "errors"):  # Python up to 3.10 collects them on the outcome
            return all(error is None for _, error in outcome.errors)
        result = outcome.result         # 3.11 and later report them to the result at once
        return not any(test is self for test, _ in result.errors + result.failures)

    def start(self, **kwargs):
        session = ReplSession(self.home, self.history, **kwargs)
        self.sessions.append(session)
        session.prompt()
        return session

    def expect_inserted(self, session, text):
        """Waits for `text` to be drawn into the line being edited (not shown in a list of
        candidates, which would start on a new line)."""
        session.expect_exact(text)
        self.assertNotIn("\n", session.child.before, "candidates were listed, not inserted")

    def leave(self, session):
        """Ctrl-D on an empty line; a second one if the session warns about unsaved changes."""
        session.send(CTRL_D)
        if session.expect([pexpect.EOF, "unsaved changes"]) == 1:
            session.send(CTRL_D)
            session.expect(pexpect.EOF)
        session.child.wait()
        return session.child.exitstatus

    # --- the tests -------------------------------------------------------------------------

    def test_edit_and_run_a_line(self):
        s = self.start()
        # Type "let x = 4 + 1", go back four characters and insert the missing "1".
        s.send(LANG["define"].replace("41", "4"))
        s.send(LEFT * 4)
        s.send("1")
        s.send("\r")
        s.prompt()
        # Type "yx", go to the start with Ctrl-A, delete forward with Ctrl-D: "x" is left.
        s.send("y" + LANG["show"] + CTRL_A + CTRL_D + "\r")
        s.expect(number(42))
        s.prompt()
        # Ctrl-W deletes the word before the cursor.
        s.send(LANG["show"] + " 城关镇 garbage" + CTRL_W + CTRL_W + "\r")
        s.expect(number(42))
        s.prompt()

    def test_chinese_input_edited_mid_line(self):
        s = self.start()
        # ":format 甲乙丙": go left over 丙, backspace over 乙, insert 丁. The REPL quotes the
        # name it received, so only a character-wise edit gives '甲丁丙'.
        s.send(":format 甲乙丙")
        s.send(LEFT)
        s.send(BACKSPACE)
        s.send("丁")
        s.send("\r")
        s.expect_exact("unknown format '甲丁丙'")
        s.prompt()
        # Wide and narrow mixed: ":format a城b关c" → left 3 (before b), backspace (城), type 镇.
        s.send(":format a城b关c")
        s.send(LEFT * 3)
        s.send(BACKSPACE)
        s.send("镇")
        s.send("\r")
        s.expect_exact("unknown format 'a镇b关c'")
        s.prompt()

    def test_history_recalled_after_a_restart(self):
        first = self.start()
        first.line(LANG["define"])
        first.prompt()
        first.line(LANG["show"])
        first.expect(number(42))
        first.prompt()
        self.assertEqual(self.leave(first), 0)
        with open(self.history, encoding="utf-8", errors="replace") as f:
            self.assertIn("41", f.read())

        second = self.start()
        second.send(UP + UP)        # the last entry is "x", the one before defines it
        second.expect_exact("41 + 1")
        second.send("\r")
        second.prompt()
        second.line(LANG["show"])
        second.expect(number(42))
        second.prompt()
        # Ctrl-R searches the history backwards: "41" finds the definition, Enter runs it again.
        second.line(LANG["define"].replace("41 + 1", "0"))
        second.prompt()
        second.send(CTRL_R)
        second.send("41")
        second.expect_exact("41 + 1")
        second.send("\r")
        second.prompt()
        second.line(LANG["show"])
        second.expect(number(42))
        second.prompt()

    def test_multi_line_entry_is_one_history_entry(self):
        first = self.start()
        first.line(LANG["paren_open"])
        first.expect_exact(CONTINUATION)
        first.line(LANG["paren_close"])
        first.prompt()
        self.assertEqual(self.leave(first), 0)
        second = self.start()
        second.send(UP + "\r")      # one Up recalls both lines
        second.prompt()
        second.line(LANG["show_z"])
        second.expect(number(42))

    def test_tab_completes_a_keyword(self):
        s = self.start()
        s.send(LANG["keyword_prefix"] + TAB)
        self.expect_inserted(s, LANG["keyword"][len(LANG["keyword_prefix"]):])
        s.send(CTRL_C)
        s.prompt()

    def test_tab_completes_a_field(self):
        s = self.start()
        prefix = LANG["field_prefix"]
        typed_part = prefix[prefix.rindex("."):]
        s.send(prefix + TAB)
        self.expect_inserted(s, LANG["field"][len(typed_part):])
        s.send(CTRL_C)
        s.prompt()

    def test_tab_completes_a_chinese_organisation_name(self):
        s = self.start()
        prefix = LANG["org_prefix"]
        typed_part = prefix[prefix.rindex('"') + 1:]
        s.send(prefix + TAB)
        self.expect_inserted(s, LANG["org"][len(typed_part):])
        s.send(CTRL_C)
        s.prompt()

    def test_tab_completes_commands_and_paths(self):
        s = self.start()
        s.send(":he" + TAB)
        self.expect_inserted(s, "lp")
        s.send(CTRL_C)
        s.prompt()
        os.makedirs(os.path.join(self.home, "snapshots"))
        open(os.path.join(self.home, "snapshots", "县数据.wfs"), "w").close()
        s.send(":load %s/snap%s" % (self.home, TAB))
        self.expect_inserted(s, "shots/")
        s.send(TAB)
        self.expect_inserted(s, "县数据.wfs")
        s.send(CTRL_C)
        s.prompt()
        # Several candidates and nothing to add: Tab lists them.
        open(os.path.join(self.home, "snapshots", "县数据-旧.wfs"), "w").close()
        s.send(":save %s/snapshots/县%s" % (self.home, TAB))
        s.expect_exact("数据")
        s.send(TAB)
        s.expect(r"\n.*县数据-旧\.wfs")
        s.send(CTRL_C)
        s.prompt()

    def test_multi_line_block(self):
        s = self.start()
        s.line(LANG["paren_open"])
        s.expect_exact(CONTINUATION)
        s.line(LANG["paren_close"])
        s.prompt()
        s.line(LANG["show_z"])
        s.expect(number(42))
        s.prompt()
        # A block over two lines runs as one statement: here an endless loop, stopped by Ctrl-C.
        s.line(LANG["block_open"])
        s.expect_exact(CONTINUATION)
        s.line(LANG["block_close"])
        time.sleep(0.5)
        s.send(CTRL_C)
        s.expect_exact("interrupted")
        s.prompt()

    def test_pasted_lines_run_as_they_complete(self):
        s = self.start()
        s.send("%s\r%s\r%s\r" % (LANG["paren_open"], LANG["paren_close"], LANG["show_z"]))
        s.expect(number(42))
        s.prompt()

    def test_ctrl_c_at_a_continuation_prompt_drops_the_entry(self):
        s = self.start()
        s.line(LANG["define"])
        s.prompt()
        s.line(LANG["paren_open"])
        s.expect_exact(CONTINUATION)
        s.send(CTRL_C)
        s.prompt()
        s.line(LANG["show"])     # read as a fresh statement, not as the end of "let z = (41 +"
        s.expect(number(42))
        s.prompt()

    def test_listing_follows_a_resized_window(self):
        s = self.start()
        s.send(":" + TAB)
        s.expect_exact(":help    :schema  :load    :save    :time    :format  :undo    :reset   :quit")
        s.send(CTRL_C)
        s.prompt()
        s.child.setwinsize(24, 30)
        s.send(":" + TAB)
        s.expect_exact(":help    :schema  :load\r\n:save    :time    :format\r\n:undo    :reset   :quit")
        s.send(CTRL_C)
        s.prompt()

    def test_ctrl_c_stops_an_endless_loop_and_keeps_the_session(self):
        s = self.start()
        s.line(LANG["define"])
        s.prompt()
        # While editing, Ctrl-C is a key (isig off); while a statement runs, a signal (isig on).
        self.assertEqual(termios.tcgetattr(s.child.child_fd)[3] & termios.ISIG, 0)
        s.line(LANG["endless"])
        time.sleep(0.5)
        self.assertTrue(s.child.isalive())
        self.assertNotEqual(termios.tcgetattr(s.child.child_fd)[3] & termios.ISIG, 0)
        pressed = time.monotonic()
        s.send(CTRL_C)
        s.expect_exact("interrupted")
        self.assertLess(time.monotonic() - pressed, 1.0, "Ctrl-C took too long to stop the loop")
        s.prompt()
        s.line(LANG["show"])
        s.expect(number(42))
        s.prompt()
        # Ctrl-C at the prompt drops the half-typed line and nothing more.
        s.send("garbage")
        s.send(CTRL_C)
        s.prompt()
        s.line(LANG["show"])
        s.expect(number(42))
        s.prompt()
        self.assertTrue(s.child.isalive())

    def test_ctrl_z_suspends_and_fg_gives_the_line_back(self):
        # Job control needs a shell: a process group without one ignores Ctrl-Z.
        env = {"HOME": self.home, "LANG": "C.UTF-8", "LC_ALL": "C.UTF-8", "TERM": "xterm",
               "WF_HISTORY": self.history, "NO_COLOR": "1", "PS1": "sh$ ",
               "PATH": os.environ.get("PATH", "/usr/bin:/bin")}
        shell = pexpect.spawn("bash", ["--norc", "--noprofile", "-i"], env=env, encoding="utf-8",
                              dimensions=(24, 80), timeout=TIMEOUT)
        try:
            shell.expect_exact("sh$ ")
            shell.send(shlex.join([WF_BIN] + WF_ARGS) + "\r")
            shell.expect_exact(PROMPT)
            shell.send(LANG["define"].replace("41 + 1", "41 + 城"))
            shell.send(CTRL_Z)
            shell.expect_exact("Stopped")
            shell.expect_exact("sh$ ")
            shell.send("fg\r")
            shell.expect_exact(PROMPT + LANG["define"].replace("41 + 1", "41 + 城"))
            shell.send(BACKSPACE + "1\r")
            shell.expect_exact(PROMPT)
            shell.send(LANG["show"] + "\r")
            shell.expect(number(42))
            shell.expect_exact(PROMPT)
            shell.send(CTRL_D)
            shell.expect_exact("sh$ ")
            shell.send("exit\r")
            shell.expect(pexpect.EOF)
        finally:
            if shell.isalive():
                shell.terminate(force=True)

    def test_undo_with_nothing_to_undo(self):
        s = self.start()
        s.line(":undo")
        s.expect_exact("nothing to undo")
        s.prompt()

    def test_unknown_command_suggests_the_near_one(self):
        s = self.start()
        s.line(":sav")
        s.expect_exact("did you mean ':save'")
        s.prompt()

    def test_ctrl_d_leaves(self):
        s = self.start()
        s.line(":time on")
        s.expect_exact("timing on")
        s.prompt()
        self.assertEqual(self.leave(s), 0)

    def test_startup_file_runs_before_the_prompt(self):
        with open(os.path.join(self.home, ".wfrc"), "w", encoding="utf-8") as f:
            f.write(LANG["define"] + "\n")
        s = self.start()
        s.line(LANG["show"])
        s.expect(number(42))

    def test_colour_only_without_no_color(self):
        plain = self.start()
        self.assertNotIn("\x1b[1;32m", plain.child.before + PROMPT)
        plain.line(":undo")
        plain.expect_exact("nothing to undo")
        self.assertNotIn("\x1b[1;32m", plain.child.before)
        coloured = ReplSession(self.home, self.history, color=True)
        self.sessions.append(coloured)
        coloured.expect_exact("\x1b[1;32m")

    def test_piped_input_reads_plain_lines(self):
        env = {"HOME": self.home, "LANG": "C.UTF-8", "WF_HISTORY": self.history,
               "PATH": os.environ.get("PATH", "/usr/bin:/bin")}
        script = "%s\n%s\n" % (LANG["define"], LANG["show"])
        done = subprocess.run([WF_BIN] + WF_ARGS, input=script.encode(), env=env,
                              stdout=subprocess.PIPE, stderr=subprocess.PIPE, timeout=TIMEOUT)
        out = done.stdout.decode("utf-8", "replace")
        self.assertEqual(done.returncode, 0, done.stderr)
        self.assertRegex(out, number(42))
        self.assertNotIn(PROMPT, out)
        self.assertNotIn("\x1b[", out)


if __name__ == "__main__":
    if not WF_BIN:
        sys.stderr.write("WF_BIN is not set: nothing to test\n")
    unittest.main()
