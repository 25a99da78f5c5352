"""The conversation log (qa/chat/log.py) on real SQLite files: turns round-trip, two chats share
one file, a chat killed with SIGKILL keeps every committed turn, and a damaged, locked or
read-only log is a one-line StoreError."""

from __future__ import annotations

import os
import sqlite3
import subprocess
import sys
import textwrap
import time
from datetime import datetime

import pytest

from qa.chat.log import FILE, SCHEMA, ChatLog
from qa.errors import QAError, StoreError


@pytest.fixture
def db(tmp_path):
    return tmp_path / FILE


def add(log: ChatLog, cid: str, question: str, **fields) -> None:
    turn = {"standalone": question, "answer": f"answer to {question}", "refused": False, "mode": "extractive",
            "citations": [], "timings": {}} | fields
    log.add_turn(cid, question, **turn)


def questions(log: ChatLog, cid: str) -> list[str]:
    return [t["question"] for t in log.turns(cid)]


def test_turns_round_trip_through_the_file(db):
    citations = [{"n": 1, "source": "seeds/页面.txt", "title": "脑机接口发展进入快车道", "chunk_id": "a:3",
                  "text": "工信部等7部门联合印发", "score": 0.21, "quote": "工信部等7部门", "supported": None}]
    with ChatLog(db) as log:
        cid = log.new_conversation()
        log.add_turn(cid, "北京的脑机接口政策是什么?", "北京的脑机接口政策是什么?", "到2030年… [1]", False,
                     "extractive", citations, {"retrieve_ms": 21.5, "total_ms": 30.0})
        log.add_turn(cid, "那上海呢?", "上海的脑机接口政策是什么?", "The passages do not say.", True, "llm", [], {})
    with ChatLog(db) as again:
        first, second = again.turns(cid)
    assert first["citations"] == citations and first["timings"] == {"retrieve_ms": 21.5, "total_ms": 30.0}
    assert (first["refused"], second["refused"]) == (False, True)
    assert second == second | {"question": "那上海呢?", "standalone": "上海的脑机接口政策是什么?",
                               "answer": "The passages do not say.", "mode": "llm", "citations": []}
    assert datetime.fromisoformat(first["at"]) <= datetime.fromisoformat(second["at"])
    assert sqlite3.connect(db).execute("PRAGMA user_version").fetchone()[0] == SCHEMA


def test_the_file_is_in_wal_mode_and_queryable(db):
    with ChatLog(db) as log:
        cid = log.new_conversation()
        add(log, cid, "q", timings={"total_ms": 12.5})
    con = sqlite3.connect(db)
    assert con.execute("PRAGMA journal_mode").fetchone()[0] == "wal"
    assert con.execute("SELECT json_extract(timings, '$.total_ms') FROM turns").fetchone()[0] == 12.5


def test_two_chats_on_one_file_interleave_their_turns(db):
    a, b = ChatLog(db), ChatLog(db)
    ca, cb = a.new_conversation(), b.new_conversation()
    for i in range(3):
        add(a, ca, f"a{i}")
        add(b, cb, f"b{i}")
    assert questions(a, ca) == questions(b, ca) == ["a0", "a1", "a2"]
    assert questions(a, cb) == questions(b, cb) == ["b0", "b1", "b2"]
    assert a.last_id() == b.last_id() == cb
    a.close(), b.close()


def test_two_processes_append_at_once(db):
    script = textwrap.dedent("""
        import sys
        from qa.chat.log import ChatLog
        log = ChatLog(sys.argv[1])
        cid = log.new_conversation()
        for i in range(30):
            log.add_turn(cid, f"{sys.argv[2]}{i}", "", "", False, "extractive", [], {})
        print(cid)
    """)
    ChatLog(db).close()  # created first, so the two only race for turns
    procs = [subprocess.Popen([sys.executable, "-c", script, str(db), tag], stdout=subprocess.PIPE, text=True)
             for tag in ("x", "y")]
    cids = [p.communicate(timeout=60)[0].strip() for p in procs]
    assert [p.returncode for p in procs] == [0, 0]
    with ChatLog(db) as log:
        assert questions(log, cids[0]) == [f"x{i}" for i in range(30)]
        assert questions(log, cids[1]) == [f"y{i}" for i in range(30)]


def test_a_chat_killed_with_sigkill_keeps_its_committed_turns(db):
    # The fourth turn is killed inside its transaction, as SQLite is told to COMMIT it: the
    # trace callback runs before the statement does.
    script = textwrap.dedent("""
        import os, sys
        from qa.chat.log import ChatLog
        log = ChatLog(sys.argv[1])
        cid = log.new_conversation()
        for i in range(3):
            log.add_turn(cid, f"q{i}", f"q{i}", f"a{i}", False, "extractive", [{"n": 1}], {"total_ms": 1.0})
        print(cid, flush=True)
        log._db.set_trace_callback(lambda sql: sql == "COMMIT" and os.kill(os.getpid(), 9))
        log.add_turn(cid, "q3", "q3", "a3", False, "extractive", [], {})
        print("not killed", flush=True)
    """)
    run = subprocess.run([sys.executable, "-c", script, str(db)], capture_output=True, text=True, timeout=60)
    assert run.returncode == -9, run.stderr
    cid = run.stdout.split()[0]
    assert "not killed" not in run.stdout
    with ChatLog(db) as log:
        assert questions(log, cid) == ["q0", "q1", "q2"]
        assert log.last_id() == cid
        add(log, cid, "q3")  # the killed writer left no lock behind
        assert questions(log, cid) == ["q0", "q1", "q2", "q3"]
    assert sqlite3.connect(db).execute("PRAGMA integrity_check").fetchone()[0] == "ok"


def test_last_id_and_conversations_list_the_latest_spoken_in_first(db):
    with ChatLog(db) as log:
        assert log.last_id() is None and log.conversations() == []
        first = log.new_conversation()
        time.sleep(0.002)
        second = log.new_conversation()
        empty = log.new_conversation()
        assert first < second  # ids sort by start time
        add(log, first, "第一个问题")
        add(log, second, "second question")
        add(log, second, "follow-up")
        assert log.last_id() == second
        add(log, first, "back to the first")
        assert log.last_id() == first
        listed = log.conversations()
        assert [c["id"] for c in listed] == [first, second]
        assert {k: listed[0][k] for k in ("id", "first_question", "turns")} == {
            "id": first, "first_question": "第一个问题", "turns": 2}
        assert listed[1]["first_question"] == "second question" and listed[1]["turns"] == 2
        assert listed[0]["started"] <= listed[1]["started"]
        assert [c["id"] for c in log.conversations(limit=1)] == [first]
        # A conversation that never had a turn was never written.
        assert log.exists(first) and not log.exists(empty) and not log.exists("nope")
        assert log.turns("nope") == []


def test_a_damaged_log_names_the_file_and_the_way_out(db):
    db.write_bytes(os.urandom(8192))
    with pytest.raises(StoreError) as caught:
        ChatLog(db)
    message = str(caught.value)
    assert str(db) in message and "damaged" in message and "move it aside" in message
    assert "\n" not in message


def test_a_log_from_a_newer_qa_is_refused(db):
    with sqlite3.connect(db) as con:
        con.execute(f"PRAGMA user_version = {SCHEMA + 1}")
    with pytest.raises(StoreError, match="newer qa"):
        ChatLog(db)


def test_a_locked_log_is_a_one_line_error(db):
    ChatLog(db).close()
    holder = sqlite3.connect(db, isolation_level=None)
    holder.execute("BEGIN EXCLUSIVE")
    try:
        log = ChatLog(db, timeout=0.1)
        with pytest.raises(StoreError, match="locked") as caught:
            add(log, log.new_conversation(), "q")
        assert str(db) in str(caught.value)
    finally:
        holder.execute("ROLLBACK")
    add(log, log.new_conversation(), "q")  # and works once the other writer is done
    log.close()


@pytest.mark.skipif(os.geteuid() == 0, reason="root writes to read-only folders")
def test_a_read_only_store_is_named(tmp_path):
    store = tmp_path / "store"
    store.mkdir()
    ChatLog(store / FILE).close()
    store.chmod(0o500)
    (store / FILE).chmod(0o400)
    try:
        with pytest.raises(StoreError, match="read-only"):
            log = ChatLog(store / FILE)
            add(log, log.new_conversation(), "q")
    finally:
        store.chmod(0o700)


@pytest.mark.parametrize("text, expected", [
    ("attempt to write a readonly database", "read-only"),
    ("database or disk is full", "no space left"),
])
def test_the_environment_is_named_by_qa_errors(db, text, expected):
    # Filling a disk or making a folder read-only for root cannot be done in a test; SQLite's own
    # words for them are passed through the translation instead.
    with ChatLog(db) as log:
        error = log._explain(sqlite3.OperationalError(text), "write to")
    assert isinstance(error, QAError) and expected in str(error)


def test_a_closed_log_says_so(db):
    log = ChatLog(db)
    log.close()
    log.close()
    with pytest.raises(StoreError, match="closed"):
        log.turns("x")
