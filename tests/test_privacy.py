"""Privacy and file safety (issue 21): what qa keeps is readable by its user only, it never writes
through a symbolic link planted in its store, the conversation log keeps the text as displayed,
and JSON output spells every control character as an escape.

Through real parts: the CLI (typer's CliRunner, or a subprocess where stderr must be seen
whole), a real store in tmp_path built with the hash embedder, real SQLite files. Tests run as
root, which ignores permission bits, so modes are read with os.stat rather than tried.
"""

from __future__ import annotations

import json
import os
import re
import sqlite3
import stat
import subprocess
from pathlib import Path

import pytest
from typer.testing import CliRunner

from support.cli import run_qa
from qa.chat.log import FILE, ChatLog
from qa.cli import app
from qa.errors import StoreError

runner = CliRunner()
HASH = {"QA_EMBED": "hash"}
ARTICLE = "青山县新闻\n\n据县教育局今天上午发布的最新消息，青山县今年在城区和各乡镇一共新建学校五所，总投资两亿元。\n"
QUESTION = "青山县今年新建学校几所?"
# Every kind of control the JSON escape must spell out: ESC (a CSI), C1 CSI, OSC and ST, DEL,
# a bidi override and an isolate. All legal in a Linux file name, and ingest keeps the name.
HOSTILE_NAME = "新闻\x1b[2J\x9b31m\x9d0;T\x9c\x7f\u202eevil\u2066.txt"
RAW_CONTROL = re.compile(r"[\x00-\x08\x0b-\x1f\x7f-\x9f\u202a-\u202e\u2066-\u2069]")


def mode(path: Path) -> int:
    return stat.S_IMODE(os.lstat(path).st_mode)


def qa(*args: str, stdin: str = "", umask: int | None = None) -> subprocess.CompletedProcess:
    """The real `qa` in a child process; `umask`: the one it starts with."""
    return run_qa(*args, stdin=stdin, env=HASH, timeout=120,
                  preexec_fn=None if umask is None else (lambda: os.umask(umask)))


@pytest.fixture
def open_umask():
    """umask 0: whatever mode qa asks for is the mode a file gets, so a file it does not make
    private shows up as world-readable (0644 or 0666) rather than by the machine's umask."""
    old = os.umask(0)
    try:
        yield
    finally:
        os.umask(old)


@pytest.fixture
def store(hash_settings, tmp_path) -> Path:
    """An ingested store whose one document has a file name full of control characters."""
    from qa.ingest.pipeline import ingest

    docs = tmp_path / "docs"
    docs.mkdir()
    (docs / HOSTILE_NAME).write_text(ARTICLE, encoding="utf-8")
    report = ingest([docs], hash_settings)
    assert report.ingested == 1, report
    return Path(hash_settings.store)


def session_for(store: Path):
    from qa.chat.session import ChatSession
    from qa.config import load_settings

    return ChatSession.start(load_settings({"store": str(store), "embed": "hash"}, env={}), mode="extractive")


# -- 1. links are never followed -------------------------------------------------------------------
def planted_link(tmp_path: Path, link: Path) -> tuple[Path, int]:
    """A file outside the store that `link` points at; its content and mtime before qa runs."""
    target = tmp_path / "outside.txt"
    target.write_text("precious\n")
    os.utime(target, ns=(1_000_000_000_000_000_000, 1_000_000_000_000_000_000))
    link.parent.mkdir(parents=True, exist_ok=True)
    link.symlink_to(target)
    return target, target.stat().st_mtime_ns


def test_ingest_refuses_a_symlinked_writer_lock_and_leaves_its_target_alone(tmp_path):
    store = tmp_path / "store"
    target, mtime = planted_link(tmp_path, store / "writer.lock")
    docs = tmp_path / "docs"
    docs.mkdir()
    (docs / "a.txt").write_text(ARTICLE, encoding="utf-8")
    done = qa("ingest", "--store", str(store), str(docs))
    assert done.returncode != 0, done.stdout
    assert target.read_text() == "precious\n" and target.stat().st_mtime_ns == mtime
    [line] = done.stderr.strip().splitlines()
    assert "Traceback" not in done.stderr
    assert str(store / "writer.lock") in line and "symbolic link" in line and "rm " in line, line
    assert (store / "writer.lock").is_symlink()


def test_a_symlinked_chat_log_is_refused_and_the_chat_goes_on_unkept(store, tmp_path):
    target, mtime = planted_link(tmp_path, store / FILE)
    with pytest.raises(StoreError, match="symbolic link") as caught:
        ChatLog(store / FILE)
    assert str(store / FILE) in str(caught.value) and "\n" not in str(caught.value)
    done = qa("chat", "--store", str(store), "--mode", "extractive", stdin=QUESTION + "\n")
    assert done.returncode == 0, done.stderr
    assert "will not be kept" in done.stderr and "symbolic link" in done.stderr and "五所" in done.stdout
    assert target.read_text() == "precious\n" and target.stat().st_mtime_ns == mtime


@pytest.mark.parametrize("suffix", ["-wal", "-shm"])
def test_a_symlinked_wal_or_shm_is_refused(tmp_path, suffix):
    ChatLog(tmp_path / FILE).close()
    target, mtime = planted_link(tmp_path, tmp_path / (FILE + suffix))
    with pytest.raises(StoreError, match="symbolic link"):
        ChatLog(tmp_path / FILE)
    assert target.read_text() == "precious\n" and target.stat().st_mtime_ns == mtime


def test_a_symlinked_chat_history_is_not_followed(store, tmp_path):
    from prompt_toolkit.history import InMemoryHistory

    from qa.repl import HISTORY_FILE, _history

    target, mtime = planted_link(tmp_path, store / HISTORY_FILE)
    history = _history(session_for(store))
    assert isinstance(history, InMemoryHistory)
    history.append_string("a private question")
    assert target.read_text() == "precious\n" and target.stat().st_mtime_ns == mtime


def test_eval_refuses_a_symlinked_records_file(store, tmp_path):
    gold = tmp_path / "gold.jsonl"
    gold.write_text(json.dumps({"id": "schools", "question": QUESTION, "answers": ["五所"]}, ensure_ascii=False))
    out = tmp_path / "out" / "report.json"
    target, mtime = planted_link(tmp_path, out.with_name("report.records.jsonl"))
    result = runner.invoke(app, ["eval", str(gold), "--store", str(store), "--out", str(out)], env=HASH)
    assert result.exit_code != 0 and "symbolic link" in result.output, result.output
    assert target.read_text() == "precious\n" and target.stat().st_mtime_ns == mtime


def test_write_atomic_replaces_a_link_instead_of_following_it_and_makes_the_file_private(tmp_path, open_umask):
    # `/save FILE` writes a file the user names with write_atomic(path, text, mode=0o600).
    from qa.files import write_atomic

    target, mtime = planted_link(tmp_path, tmp_path / "transcript.md")
    write_atomic(tmp_path / "transcript.md", "# chat\n", mode=0o600)
    write_atomic(tmp_path / "plain.md", "# chat\n")
    assert not (tmp_path / "transcript.md").is_symlink()
    assert mode(tmp_path / "transcript.md") == mode(tmp_path / "plain.md") == 0o600
    assert target.read_text() == "precious\n" and target.stat().st_mtime_ns == mtime


# -- 2. files 0600, folders 0700 -------------------------------------------------------------------
def test_ingest_makes_an_existing_open_store_folder_private(tmp_path):
    store = tmp_path / "store"
    store.mkdir(mode=0o755)
    store.chmod(0o755)
    docs = tmp_path / "docs"
    docs.mkdir()
    (docs / "a.txt").write_text(ARTICLE, encoding="utf-8")
    done = qa("ingest", "--store", str(store), str(docs), umask=0)
    assert done.returncode == 0, done.stderr
    assert mode(store) == 0o700
    assert mode(store / "manifest.json") == mode(store / "writer.lock") == 0o600


def test_a_new_chat_log_and_its_wal_and_shm_are_private(tmp_path, open_umask):
    folder = tmp_path / "store"
    folder.mkdir(mode=0o755)
    with ChatLog(folder / FILE) as log:
        log.add_turn(log.new_conversation(), "q", "q", "a", False, "extractive", [], {})
        # SQLite gives the WAL and shared-memory files the database file's mode.
        assert {name: mode(folder / name) for name in (FILE, FILE + "-wal", FILE + "-shm")} == dict.fromkeys(
            (FILE, FILE + "-wal", FILE + "-shm"), 0o600)
    assert mode(folder) == 0o700


def test_an_existing_open_chat_log_is_made_private(tmp_path, open_umask):
    ChatLog(tmp_path / FILE).close()
    (tmp_path / FILE).chmod(0o644)
    with ChatLog(tmp_path / FILE) as log:
        log.add_turn(log.new_conversation(), "q", "q", "a", False, "extractive", [], {})
        assert mode(tmp_path / FILE) == mode(tmp_path / (FILE + "-wal")) == 0o600


def test_chat_history_is_private_whether_new_or_old(store, open_umask):
    from qa.repl import HISTORY_FILE, _history

    _history(session_for(store)).store_string("a private question")
    assert mode(store / HISTORY_FILE) == 0o600
    (store / HISTORY_FILE).chmod(0o644)
    history = _history(session_for(store))
    assert mode(store / HISTORY_FILE) == 0o600
    assert "a private question" in list(history.load_history_strings())


def test_eval_records_and_reports_are_private(store, tmp_path, open_umask):
    gold = tmp_path / "gold.jsonl"
    gold.write_text(json.dumps({"id": "schools", "question": QUESTION, "answers": ["五所"]}, ensure_ascii=False))
    out = tmp_path / "reports" / "run.json"
    result = runner.invoke(app, ["eval", str(gold), "--store", str(store), "--out", str(out), "--markdown",
                                 str(tmp_path / "reports" / "run.md")], env=HASH)
    assert result.exit_code == 0, result.output
    assert {p.name: mode(p) for p in out.parent.iterdir()} == {
        "run.json": 0o600, "run.records.jsonl": 0o600, "run.md": 0o600}
    assert mode(out.parent) == 0o700


# -- 3. the log keeps what was displayed ------------------------------------------------------------
HOSTILE_TEXT = ("schools\x1b]52;c;cm0gLXJmIH4=\x07 opened\x1b]0;PWNED\x07 in May\x1b[2J"
                "\x9b31m\x9d0;C1TITLE\x9c\u202eRLO\u202c")
PAYLOADS = [b"\x1b]52;", b"\x1b]0;", b"\x1b[2J", "\x9b31m".encode(), "\x9d0;".encode(), "\u202e".encode(),
            b"cm0gLXJmIH4", b"PWNED", b"C1TITLE"]


def test_the_chat_log_keeps_the_displayed_text_not_the_raw_reply(tmp_path):
    from qa.text.controls import safe

    db = tmp_path / FILE
    citation = {"n": 1, "source": f"docs/{HOSTILE_TEXT}.txt", "title": HOSTILE_TEXT, "chunk_id": "a:1",
                "text": HOSTILE_TEXT, "score": 0.5, "quote": HOSTILE_TEXT, "supported": True}
    with ChatLog(db) as log:
        cid = log.new_conversation()
        log.add_turn(cid, HOSTILE_TEXT, HOSTILE_TEXT, HOSTILE_TEXT, False, "llm", [citation], {"total_ms": 1.0})
        stored = {name: (tmp_path / name).read_bytes() for name in (FILE, FILE + "-wal")}
    stored["after close"] = db.read_bytes()
    found = {name: [p for p in PAYLOADS if p in raw] for name, raw in stored.items()}
    assert not any(found.values()), found
    row = sqlite3.connect(db).execute("SELECT question, standalone, answer, citations FROM turns").fetchone()
    shown = safe(HOSTILE_TEXT)
    assert row[:3] == (shown, shown, shown) and "schools opened in May" in shown
    [kept] = json.loads(row[3])
    assert kept == citation | {"source": f"docs/{shown}.txt", "title": shown, "text": shown, "quote": shown}


# -- 4. JSON output spells every control ----------------------------------------------------------
def assert_escaped(output: str) -> None:
    assert not RAW_CONTROL.findall(output), sorted({repr(c) for c in RAW_CONTROL.findall(output)})


def test_safe_json_escapes_every_control_and_loads_back():
    from qa.text.controls import safe_json

    every = "".join(map(chr, [*range(0x20), 0x7f, *range(0x80, 0xa0), *range(0x202a, 0x202f),
                              *range(0x2066, 0x206a)]))
    data = {"text": every + "中文 ok", every: [every, 1.5, None], "nested": {"k": "\u2028é"}}
    for indent in (None, 2):
        text = safe_json(data, indent=indent)
        assert_escaped(text)
        assert json.loads(text) == data
    assert "中文" in safe_json("中文")  # only controls are escaped, not every non-ASCII character


def test_ask_and_sources_json_escape_the_controls_of_a_file_name(store):
    asked = runner.invoke(app, ["ask", "--store", str(store), "--json", "--mode", "extractive", QUESTION], env=HASH)
    listed = runner.invoke(app, ["sources", "--store", str(store), "--json"], env=HASH)
    assert asked.exit_code == 0 and listed.exit_code == 0, asked.output + listed.output
    for result in (asked, listed):
        assert_escaped(result.stdout)
    answer, sources = json.loads(asked.stdout), json.loads(listed.stdout)
    assert {Path(c["source"]).name for c in answer["citations"] + answer["passages"]} == {HOSTILE_NAME}
    assert [Path(s["source"]).name for s in sources] == [HOSTILE_NAME]


def test_piped_chat_json_lines_escape_the_controls(store):
    done = qa("chat", "--store", str(store), "--mode", "extractive", "--json", stdin=QUESTION + "\n")
    assert done.returncode == 0, done.stderr
    assert_escaped(done.stdout)
    [line] = done.stdout.splitlines()
    turn = json.loads(line)
    assert {Path(c["source"]).name for c in turn["citations"] + turn["passages"]} == {HOSTILE_NAME}


def test_eval_report_and_records_escape_the_controls(store, tmp_path):
    answer = "五所\x9b\u202e"
    gold = tmp_path / "gold.jsonl"
    gold.write_text(json.dumps({"id": "schools", "question": QUESTION, "answers": [answer]}, ensure_ascii=False))
    out = tmp_path / "run.json"
    result = runner.invoke(app, ["eval", str(gold), "--store", str(store), "--out", str(out)], env=HASH)
    assert result.exit_code == 0, result.output
    records = out.with_name("run.records.jsonl")
    for path in (out, records):
        assert_escaped(path.read_text(encoding="utf-8"))
    [item] = json.loads(out.read_text(encoding="utf-8"))["items"]
    assert item["gold"]["answers"] == [answer]
    assert HOSTILE_NAME in {Path(r["source"]).name for r in item["retrieved"]}
    kept = [json.loads(line) for line in records.read_text(encoding="utf-8").splitlines()]
    assert kept[1]["gold"]["answers"] == [answer]
