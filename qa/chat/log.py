"""The conversation log: every turn of `qa chat`, and every `qa ask` (a conversation of one turn),
kept in `chat.db` in the store directory and shown by `qa logs`. `log = false` (QA_LOG=0) keeps none.

Why SQLite (the standard library's `sqlite3`), as simonw/llm keeps its `logs.db`, rather than a
JSON file per conversation written with `qa.files.write_atomic`:
- two chats may run at once on one store; SQLite's locking (WAL: readers never wait, writers take
  turns within `timeout`) lets both append without one rewriting the other's file;
- each turn is one transaction, committed before `add_turn` returns, so a chat killed with SIGKILL
  (or a power cut: synchronous=FULL) loses at most the turn in progress, without the cost of
  rewriting the whole conversation on every turn;
- it can be queried: `sqlite3 .qa/chat.db "select question, answer from turns"`, and the
  citations and timings are JSON columns for `json_extract`.

Schema (PRAGMA user_version = SCHEMA):
    conversations(id, started)                        id: time-ordered hex, e.g. 0197a3c1f2e4b81c9d
    turns(id, cid, question, standalone, answer, refused, mode, citations, timings, at)
A conversation is written with its first turn, so a chat left without asking leaves no trace.
Times are ISO 8601 in UTC.

What is kept is what was displayed: `qa.text.controls.safe` is applied to every text field, so that
the query above cannot replay a model's OSC 52 clipboard write or a screen clear. The log holds every
question asked, so `chat.db` is created 0600 before SQLite opens it (SQLite gives its -wal and -shm
files the database file's mode), an older one is made 0600, and the store folder 0700; a symbolic
link in the place of any of the three is refused (`qa.files.open_private`), not written through.

Failures become one-line errors: the environment (read-only or full device) through
`qa.errors.environment_error`; a damaged file as a StoreError naming it and saying to move it aside.
"""

from __future__ import annotations

import json
import os
import secrets
import sqlite3
import threading
import time
from contextlib import contextmanager
from dataclasses import asdict
from datetime import datetime, timezone
from pathlib import Path
from typing import Any, Iterator

from qa.errors import InputError, StoreError, environment_error
from qa.files import open_private, private_dir
from qa.text.controls import safe, safe_json
from qa.types import Answer

FILE = "chat.db"
SCHEMA = 1

_CREATE = """
CREATE TABLE IF NOT EXISTS conversations (
    id TEXT PRIMARY KEY,
    started TEXT NOT NULL
);
CREATE TABLE IF NOT EXISTS turns (
    id INTEGER PRIMARY KEY,
    cid TEXT NOT NULL REFERENCES conversations(id),
    question TEXT NOT NULL,
    standalone TEXT NOT NULL,
    answer TEXT NOT NULL,
    refused INTEGER NOT NULL,
    mode TEXT NOT NULL,
    citations TEXT NOT NULL,
    timings TEXT NOT NULL,
    at TEXT NOT NULL
);
CREATE INDEX IF NOT EXISTS turns_cid ON turns(cid, id);
"""
# The citation fields that hold text from the articles or the model (`qa.types.Citation`).
_CITED_TEXT = ("title", "source", "text", "quote")
# What SQLite says when the file's bytes are not a database it can read.
_DAMAGED = ("file is not a database", "malformed", "database corrupt", "unsupported file format")


class ChatLog:
    """The turns of every conversation in one SQLite file. Safe to share between threads (a chat
    answers in a worker thread) and between processes (two chats on one store)."""

    def __init__(self, path: Path | str, timeout: float = 5.0):
        self.path = Path(path)
        self._lock = threading.Lock()
        self._started: dict[str, str] = {}
        self._db: sqlite3.Connection | None = None
        self._identity: tuple[int, int] | None = None
        try:
            with self._guard("open"):
                self._make_private()
                # isolation_level=None: transactions are the explicit BEGIN/COMMIT below, one per turn.
                self._db = sqlite3.connect(self.path, timeout=timeout, isolation_level=None,
                                           check_same_thread=False)
                # SQLite reads the file only now: a damaged one fails here, not in the middle of a chat.
                self._db.execute("PRAGMA journal_mode=WAL")
                self._db.execute("PRAGMA synchronous=FULL")
                self._migrate()
                self._identity = _identity(self.path)
        except BaseException:
            self.close()
            raise

    def _make_private(self) -> None:
        """The folder 0700, the log 0600 (created so, before SQLite creates it 0644), and a WAL or
        shared-memory file left by an earlier chat 0600; a link in the place of any is a StoreError."""
        private_dir(self.path.parent)
        os.close(open_private(self.path))
        for companion in ("-wal", "-shm"):
            try:
                os.close(open_private(f"{self.path}{companion}", os.O_RDONLY, create=False))
            except FileNotFoundError:
                pass

    def _migrate(self) -> None:
        db = self._connection()
        version = db.execute("PRAGMA user_version").fetchone()[0]
        if version == SCHEMA:
            return
        if version > SCHEMA:
            raise StoreError(f"{self.path} was written by a newer qa (log schema {version}, this qa knows "
                             f"{SCHEMA}); upgrade qa, or move the file aside to start a new log")
        # IMMEDIATE: two chats opening a new log at once must not both create it.
        db.execute("BEGIN IMMEDIATE")
        try:
            if db.execute("PRAGMA user_version").fetchone()[0] == 0:
                for statement in filter(str.strip, _CREATE.split(";")):
                    db.execute(statement)
                db.execute(f"PRAGMA user_version = {SCHEMA}")
            db.execute("COMMIT")
        except BaseException:
            if db.in_transaction:
                db.execute("ROLLBACK")
            raise

    # -- writing ----------------------------------------------------------------------------------
    def new_conversation(self) -> str:
        """A new conversation's id: milliseconds since the epoch then random bits, in hex, so ids
        sort by start time and two chats starting in the same millisecond still differ."""
        cid = f"{time.time_ns() // 1_000_000:012x}{secrets.token_hex(3)}"
        self._started[cid] = _now()
        return cid

    def add_turn(self, cid: str, question: str, standalone: str, answer: str, refused: bool, mode: str,
                 citations: list[dict], timings: dict) -> None:
        """Append a turn to conversation `cid`; it is on disk when this returns."""
        cited = [{**c, **{k: safe(c[k]) for k in _CITED_TEXT if isinstance(c.get(k), str)}} for c in citations]
        row = (cid, safe(question), safe(standalone), safe(answer), int(bool(refused)), mode,
               safe_json(cited, default=str), safe_json(timings, default=str), _now())
        with self._guard("write to"):
            db = self._connection()
            self._check_identity()
            db.execute("BEGIN IMMEDIATE")
            try:
                db.execute("INSERT OR IGNORE INTO conversations (id, started) VALUES (?, ?)",
                           (cid, self._started.get(cid, row[-1])))
                db.execute("INSERT INTO turns (cid, question, standalone, answer, refused, mode, citations, "
                           "timings, at) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)", row)
                db.execute("COMMIT")
            except BaseException:
                if db.in_transaction:
                    db.execute("ROLLBACK")
                raise

    def add_answer(self, cid: str, question: str, standalone: str, answer: Answer) -> None:
        """`add_turn` for an `Answer` record, as `qa ask` and the chat both keep it."""
        self.add_turn(cid, question, standalone, answer.answer, answer.refused, answer.mode,
                      [asdict(c) for c in answer.citations], answer.timings)

    # -- reading ----------------------------------------------------------------------------------
    def entries(self, count: int = 0, cid: str | None = None) -> list[dict[str, Any]]:
        """The last `count` turns (0: all), of conversation `cid` or of every one, oldest first, as
        {id, cid, at, question, standalone, answer, refused, mode, citations, timings} (`qa logs`)."""
        where, args = ("WHERE cid = ?", [cid]) if cid else ("", [])
        limit = "LIMIT ?" if count > 0 else ""
        with self._guard("read"):
            rows = self._connection().execute(
                f"SELECT id, cid, at, question, standalone, answer, refused, mode, citations, timings FROM turns "
                f"{where} ORDER BY id DESC {limit}", args + ([count] if count > 0 else [])).fetchall()
        return [{"id": i, "cid": c, "at": at, "question": q, "standalone": s, "answer": a, "refused": bool(r),
                 "mode": m, "citations": json.loads(cit), "timings": json.loads(t)}
                for i, c, at, q, s, a, r, m, cit, t in reversed(rows)]

    def turns(self, cid: str) -> list[dict[str, Any]]:
        """The turns of `cid` in the order they were asked (empty for an unknown id)."""
        with self._guard("read"):
            rows = self._connection().execute(
                "SELECT question, standalone, answer, refused, mode, citations, timings, at FROM turns "
                "WHERE cid = ? ORDER BY id", (cid,)).fetchall()
            return [{"question": q, "standalone": s, "answer": a, "refused": bool(r), "mode": m,
                     "citations": json.loads(c), "timings": json.loads(t), "at": at}
                    for q, s, a, r, m, c, t, at in rows]

    def last_id(self) -> str | None:
        """The conversation with the latest turn (what `qa chat -c` continues), or None."""
        with self._guard("read"):
            row = self._connection().execute("SELECT cid FROM turns ORDER BY id DESC LIMIT 1").fetchone()
            return row[0] if row else None

    def exists(self, cid: str) -> bool:
        with self._guard("read"):
            return self._connection().execute(
                "SELECT 1 FROM turns WHERE cid = ? LIMIT 1", (cid,)).fetchone() is not None

    def conversations(self, limit: int = 50) -> list[dict[str, Any]]:
        """Conversations as {id, started, first_question, turns}, the latest spoken in first (the
        first one is what `-c` continues)."""
        with self._guard("read"):
            rows = self._connection().execute(
                "SELECT c.id, c.started, (SELECT question FROM turns WHERE cid = c.id ORDER BY id LIMIT 1), "
                "COUNT(t.id) FROM conversations c JOIN turns t ON t.cid = c.id "
                "GROUP BY c.id ORDER BY MAX(t.id) DESC LIMIT ?", (limit,)).fetchall()
            return [{"id": i, "started": s, "first_question": q, "turns": n} for i, s, q, n in rows]

    def close(self) -> None:
        with self._lock:
            if self._db is not None:
                self._db.close()
                self._db = None

    def __enter__(self) -> "ChatLog":
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()

    # -- errors -----------------------------------------------------------------------------------
    def _check_identity(self) -> None:
        """The open connection still writes the file at `path`. SQLite keeps writing a log that was
        deleted or replaced while the chat ran (into the unlinked file), so the turns would vanish
        when the chat ends without a word."""
        if _identity(self.path) != self._identity:
            raise StoreError(f"the conversation log {self.path} was deleted or replaced while the chat ran")

    def _connection(self) -> sqlite3.Connection:
        if self._db is None:
            raise StoreError(f"the conversation log {self.path} is closed")
        return self._db

    @contextmanager
    def _guard(self, action: str) -> Iterator[None]:
        """One connection, one statement sequence at a time; SQLite's errors as one-line StoreErrors."""
        with self._lock:
            try:
                yield
            except (sqlite3.Error, OSError) as e:
                raise self._explain(e, action) from e

    def _explain(self, error: BaseException, action: str) -> StoreError:
        known = environment_error(error, self.path.parent)
        if known is not None:
            return known
        text = str(error)
        if any(phrase in text.lower() for phrase in _DAMAGED):
            return StoreError(f"the conversation log {self.path} is damaged ({text}); move it aside "
                              f"(mv {self.path} {self.path}.damaged) and qa chat starts a new one")
        if "locked" in text.lower() or "busy" in text.lower():
            return StoreError(f"the conversation log {self.path} is locked by another process ({text}); "
                              f"close the other qa chat, or try again")
        return StoreError(f"cannot {action} the conversation log {self.path}: {text}")


def log_answer(store: Path | str, question: str, answer: Answer) -> str:
    """Keep one `qa ask` as a conversation of one turn in `store`'s log; "" when kept, else the one
    notice to show. Like the chat (`qa.chat.session.ChatSession._keep`), a log that cannot be written
    (a read-only store, a damaged or locked file) costs the log entry, never the answer."""
    try:
        with ChatLog(Path(store) / FILE, timeout=1.0) as log:  # a long wait for a lock would slow `qa ask`
            log.add_answer(log.new_conversation(), question, question, answer)
    except StoreError as e:
        return f"this question was not logged: {e} (QA_LOG=0 turns the log off)"
    return ""


def read_entries(store: Path | str, count: int = 0, cid: str | None = None) -> list[dict[str, Any]]:
    """`ChatLog.entries` of `store`'s log; none when there is no log yet (nothing is created), an
    InputError when conversation `cid` is not in it."""
    path = Path(store) / FILE
    entries = []
    if path.exists():
        with ChatLog(path) as log:
            entries = log.entries(count, cid)
    if cid and not entries:
        raise InputError(f"no conversation {cid} in the log {path}; list them with: qa chat --list")
    return entries


def _identity(path: Path) -> tuple[int, int] | None:
    """(device, inode) of the file at `path`, None when there is none."""
    try:
        st = os.stat(path)
    except FileNotFoundError:
        return None
    return st.st_dev, st.st_ino


def _now() -> str:
    return datetime.now(timezone.utc).isoformat(timespec="milliseconds")


__all__ = ["FILE", "SCHEMA", "ChatLog", "log_answer", "read_entries"]
