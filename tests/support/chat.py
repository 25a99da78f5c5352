"""`qa chat` as a person uses it: the real program in a pseudo-terminal (`Chat`), the screen kept
as plain text; and what its log (chat.db) holds afterwards."""

from __future__ import annotations

import json
import re
import shutil
import sqlite3
import time
from collections.abc import Mapping
from pathlib import Path

from support.cli import run_qa, spawn_qa
from support.scripted import KEY

ANSI = re.compile(r"\x1b\[[0-9;?]*[a-zA-Z]|\x1b\][^\x07\x1b]*(?:\x07|\x1b\\)|\x1b[()][0-9A-Za-z]|\x1b[=>78]")
TIMEOUT = 30
# PROMPT_TOOLKIT_NO_CPR: pexpect does not answer prompt_toolkit's cursor-position request the way a
# real terminal does; without it prompt_toolkit prints a CPR warning at exit.
TERMINAL = {"COLUMNS": "120", "LINES": "40", "NO_COLOR": "1", "PROMPT_TOOLKIT_NO_CPR": "1"}


def strip(text: str) -> str:
    """`text` without terminal escapes."""
    return ANSI.sub("", text)


def squash(text: str) -> str:
    """Text without any whitespace: a passage compared with the screen, where lines may wrap."""
    return re.sub(r"\s+", "", text)


class Chat:
    """`qa chat` in a pseudo-terminal (40x120), with everything it has shown kept as plain text."""

    def __init__(self, store: Path, *args: str, env: Mapping[str, str] | None = None):
        import pexpect

        self.started = time.perf_counter()
        self.child: pexpect.spawn = spawn_qa("chat", "--store", store, *args, env={**TERMINAL, **(env or {})},
                                             dimensions=(40, 120), timeout=TIMEOUT)
        self.screen = ""

    def expect(self, text: str, timeout: float | None = None) -> str:
        """Wait for `text`; return (plain) what was shown since the last wait, up to and including it."""
        import pexpect

        try:
            self.child.expect_exact(text, timeout=TIMEOUT if timeout is None else timeout)
        except (pexpect.TIMEOUT, pexpect.EOF) as e:
            pending = strip(self.child.before if isinstance(self.child.before, str) else "")
            raise AssertionError(f"{text!r} never appeared ({type(e).__name__}); screen so far:\n"
                                 f"{self.screen}\n--- then:\n{pending}") from None
        seen = strip(self.child.before + self.child.after)
        self.screen += seen
        return seen

    def prompt(self) -> str:
        return self.expect("›")

    def send(self, line: str) -> None:
        self.child.send(line + "\r")

    def run(self, line: str, until: str, timeout: float | None = None) -> str:
        """Type `line`, wait for `until`, then for the next prompt; return everything shown."""
        self.send(line)
        return self.expect(until, timeout) + self.prompt()

    def finish(self, send: str | None = None) -> int:
        """Send `send` (raw), wait for the program to end, return its exit code."""
        import pexpect

        if send is not None:
            self.child.send(send)
        try:
            self.child.expect(pexpect.EOF, timeout=TIMEOUT)
        except pexpect.TIMEOUT:
            raise AssertionError(f"the chat did not exit; screen:\n{self.screen}\n--- then:\n"
                                 f"{strip(self.child.before)}") from None
        self.screen += strip(self.child.before)
        self.child.close()
        assert "Traceback" not in self.screen, self.screen
        assert KEY not in self.screen
        return self.child.exitstatus

    def quit(self) -> int:
        return self.finish("/quit\r")


def chat_cli(store: Path, *args: str, stdin: str = "", env: Mapping[str, str] | None = None):
    """`qa chat` with a pipe for stdin and stdout (not a terminal)."""
    return run_qa("chat", "--store", store, *args, stdin=stdin, env={**TERMINAL, **(env or {})}, timeout=120)


def copy_store(store: Path, dest: Path) -> Path:
    """A writable copy of `store` at `dest` (a chat writes chat.db and chat_history into its store),
    without its log: `qa ask` logs into the shared seed store, and a copy starts with no conversation."""
    shutil.copytree(store, dest, ignore=shutil.ignore_patterns("chat.db", "chat.db-*"))
    return dest


def turns(store: Path) -> list[dict]:
    """The turns the chat log of `store` holds, oldest first."""
    db = sqlite3.connect(store / "chat.db")
    try:
        rows = db.execute("SELECT cid, question, standalone, answer, mode, citations FROM turns "
                          "ORDER BY id").fetchall()
    finally:
        db.close()
    return [{"cid": c, "question": q, "standalone": s, "answer": a, "mode": m, "citations": json.loads(cit)}
            for c, q, s, a, m, cit in rows]
