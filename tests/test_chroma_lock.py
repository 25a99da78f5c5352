"""qa.store.chroma: a database SQLite finds locked is a lock, not damage. Chroma keeps a pool of
SQLite connections, and under load a write on one met the database locked by another ("(code: 5)
database is locked", from `modify` right after opening); `qa doctor --repair` took that for damage,
moved the sound database aside and dropped every document (test_terminal_safety's old store). Here
the locks are real: a second SQLite connection holds the database while the first writes."""

from __future__ import annotations

import sqlite3
import threading
import time
from pathlib import Path

import pytest

from qa.config import load_settings
from qa.errors import StoreError
from qa.store.chroma import Chroma, busy, retry_busy
from qa.store.integrity import DamagedError


@pytest.mark.parametrize("message, is_busy", [
    ("Database error: error returned from database: (code: 5) database is locked", True),  # Chroma's words
    ("database is locked", True),                                                          # SQLite's
    ("database table is locked", True),                                                    # SQLITE_LOCKED
    ("Database error: error returned from database: (code: 26) file is not a database", False),
    ("Error loading hnsw index", False),
    ("no such table: collections", False),
])
def test_what_is_a_lock(message, is_busy):
    assert busy(RuntimeError(message)) is is_busy
    assert busy(StoreError("wrapped")) is False
    try:
        raise StoreError("the call failed") from RuntimeError(message)
    except StoreError as e:
        assert busy(e) is is_busy  # read through the chain: Chroma wraps what it met


def hold(path: Path, seconds: float) -> threading.Thread:
    """A connection holding `path` locked (BEGIN EXCLUSIVE) for `seconds`, from a thread; started
    once the lock is held."""
    locked = threading.Event()

    def run() -> None:
        db = sqlite3.connect(path, isolation_level=None, check_same_thread=False)
        db.execute("BEGIN EXCLUSIVE")
        locked.set()
        time.sleep(seconds)
        db.execute("ROLLBACK")
        db.close()

    thread = threading.Thread(target=run)
    thread.start()
    locked.wait()
    return thread


def write(path: Path) -> None:
    """One write that does not wait for a lock (SQLite's busy timeout 0): a locked database fails it."""
    db = sqlite3.connect(path, timeout=0, isolation_level=None)
    try:
        db.execute("INSERT INTO t VALUES (1)")
    finally:
        db.close()


@pytest.fixture
def database(tmp_path) -> Path:
    path = tmp_path / "db.sqlite3"
    with sqlite3.connect(path) as db:
        db.execute("CREATE TABLE t (x)")
    return path


def test_a_call_that_finds_the_database_locked_is_made_again_once_it_is_free(database):
    holder = hold(database, 0.4)
    with pytest.raises(sqlite3.OperationalError, match="locked"):
        write(database)  # the lock is real
    started = time.monotonic()
    retry_busy(lambda: write(database), wait=5.0)
    assert time.monotonic() - started >= 0.2
    holder.join()
    assert sqlite3.connect(database).execute("SELECT count(*) FROM t").fetchone() == (1,)


def test_a_database_that_stays_locked_is_a_plain_error_not_damage(database, tmp_path):
    holder = hold(database, 1.5)
    try:
        with pytest.raises(sqlite3.OperationalError) as raised:
            retry_busy(lambda: write(database), wait=0.3)
    finally:
        holder.join()
    chroma = Chroma(load_settings({"store": str(tmp_path / "store"), "embed": "hash"}, env={}), tmp_path / "store",
                    writable=True, name=lambda: "qa_chunks")
    error = chroma.explain(raised.value)
    assert isinstance(error, StoreError) and not isinstance(error, DamagedError)
    assert "stayed locked" in str(error) and "database is locked" in str(error), error
    # what `open_or_move_aside` moves aside is a DamagedError: a lock is raised to the user instead
    assert isinstance(chroma.explain(sqlite3.DatabaseError("file is not a database")), DamagedError)
