"""`qa chat` under hostile use (issue 21): no lost transcript, no hidden answer, no chat ended by
what is typed or piped, the question limit applied before any rewrite, modes that say what they
need, and one error line (secrets masked) wherever a turn or a command fails.

Conversations run on a private copy of the seed store (real Chroma, real local embedder); the
terminal cases run the real program in a pseudo-terminal, the LLM cases the real `openai` client
against the scripted server (tests/openai_server.py).
"""

from __future__ import annotations

import json
import os
import re
import sqlite3
import time
from pathlib import Path

import pexpect
import pytest

from support import Q_BEIJING, Q_JOBS
from support.chat import TERMINAL, Chat, chat_cli, turns
from support.cli import run_qa, spawn_qa
from support.scripted import KEY, cli_env, quote_first_sentences

from qa.chat.log import FILE, ChatLog
from qa.chat.session import ChatSession
from qa.config import load_settings
from qa.errors import ConfigError, InputError


def session_for(store: Path, **options) -> ChatSession:
    return ChatSession.start(load_settings({"store": str(store)}, env={}), mode="extractive", **options)


# -- 1. /save keeps the whole conversation, never overwrites a file it did not write -------------
def test_save_after_continue_holds_every_turn_of_the_conversation(own_store, tmp_path):
    first = session_for(own_store)
    first.ask(Q_BEIJING)
    first.ask(Q_JOBS)
    cid = first.cid
    first.save(tmp_path / "before.md")

    later = session_for(own_store, resume_last=True)
    later.ask("它什么时候开业?")
    path = later.save(tmp_path / f"qa-chat-{cid}.md")
    saved = path.read_text(encoding="utf-8")
    assert [q for q in re.findall(r"^\*\*Q:\*\* (.+)$", saved, re.M)] == [Q_BEIJING, Q_JOBS, "它什么时候开业?"]
    # each passage is one footnote, however many turns cite it; every marker points at one
    notes = re.findall(r"^\[\^(\d+)\]: (.+)$", saved, re.M)
    assert len({text for _, text in notes}) == len(notes) and [int(n) for n, _ in notes] == list(
        range(1, len(notes) + 1)), saved
    used = {int(n) for n in re.findall(r"\[\^(\d+)\](?!:)", saved)}
    assert used and used <= {int(n) for n, _ in notes}
    assert os.stat(path).st_mode & 0o777 == 0o600


def test_save_refuses_to_overwrite_a_file_it_did_not_write(own_store, tmp_path):
    session = session_for(own_store)
    session.ask(Q_JOBS)
    mine = tmp_path / "notes.md"
    mine.write_text("my own notes\n", encoding="utf-8")
    with pytest.raises(InputError, match=r"notes\.md already exists; /save! .*notes\.md replaces it"):
        session.save(mine)
    assert mine.read_text(encoding="utf-8") == "my own notes\n"
    session.save(mine, replace=True)
    assert Q_JOBS in mine.read_text(encoding="utf-8")

    # its own earlier save of this conversation is replaced by the longer one
    default = tmp_path / session.default_save_path().name
    session.save(default)
    session.ask("它什么时候开业?")
    session.save(default)
    assert "它什么时候开业?" in default.read_text(encoding="utf-8")


def test_save_to_a_full_device_names_the_file(own_store):
    if not Path("/dev/full").exists():
        pytest.skip("no /dev/full here")
    session = session_for(own_store)
    session.ask(Q_JOBS)
    with pytest.raises(InputError) as caught:
        session.save(Path("/dev/full"), replace=True)
    assert str(caught.value) == "cannot save the conversation to /dev/full: No space left on device"
    assert Path("/dev/full").is_char_device()  # written in place, never replaced by a file


# -- 5. the log fails mid-chat: the answer is shown, said once, the chat goes on ----------------------
def lock_out(db: Path) -> sqlite3.Connection:
    """Another process's write transaction on the log (what a second `qa chat` committing does)."""
    other = sqlite3.connect(db, isolation_level=None)
    other.execute("BEGIN EXCLUSIVE")
    return other


def test_a_locked_log_costs_the_log_not_the_answer(own_store):
    session = session_for(own_store)
    session.log = ChatLog(own_store / FILE, timeout=0.2)
    session.ask(Q_BEIJING)
    assert session.take_notices() == []
    other = lock_out(own_store / FILE)
    try:
        turn = session.ask(Q_JOBS)
        assert "1000个就业岗位" in turn.answer.answer and not turn.answer.refused
        [notice] = session.take_notices()
        assert notice.startswith("this conversation is no longer being kept: ") and "locked" in notice
        assert session.log is None
        again = session.ask("它什么时候开业?")  # answered, and nothing more said
        assert again.answer.answer and session.take_notices() == []
    finally:
        other.rollback()
        other.close()
    assert [t["question"] for t in turns(own_store)] == [Q_BEIJING]


def test_a_log_deleted_mid_chat_is_said_not_written_into_a_ghost(own_store):
    session = session_for(own_store)
    session.ask(Q_BEIJING)
    (own_store / FILE).unlink()
    turn = session.ask(Q_JOBS)
    assert "1000个就业岗位" in turn.answer.answer
    [notice] = session.take_notices()
    assert "no longer being kept" in notice and "chat.db" in notice


@pytest.mark.slow
def test_a_piped_chat_answers_every_line_when_the_log_is_locked_midway(own_store):
    child = spawn_qa("chat", "--store", own_store, "--mode", "extractive", env=TERMINAL)
    child.setecho(False)
    child.sendline(Q_BEIJING)
    child.expect_exact("· seeds/")
    other = lock_out(own_store / FILE)
    try:
        child.sendline(Q_JOBS)
        child.expect_exact("no longer being kept", timeout=30)  # SQLite waits 5 s for the lock first
        child.sendline("它什么时候开业?")
        child.sendeof()
        # the third answer and the exit: pexpect's 30 s default ran out once in the fresh-clone CI
        # while four benchmark runs shared the 2 cores (43 s for the whole test at load 5, 18 s quiet)
        child.expect(pexpect.EOF, timeout=120)
    finally:
        other.rollback()
        other.close()
    child.close()
    out = child.before
    assert "1000个就业岗位" in out, out
    assert "Traceback" not in out and child.exitstatus == 0


# -- 6. what is typed or piped never ends the chat -----------------------------------------------------
def test_invalid_utf8_piped_is_replaced_said_and_answered(own_store):
    stdin = "华强广场项目可以创造多少个就业岗位".encode() + b"\xff\xfe?\n" + "它什么时候开业?\n".encode()
    result = run_qa("chat", "--store", own_store, "--mode", "extractive", "--json", stdin=stdin, env=TERMINAL,
                    text=False, timeout=120)
    assert result.returncode == 0, result.stderr.decode()
    stderr = result.stderr.decode()
    assert "not UTF-8" in stderr and "Traceback" not in stderr and "unexpected" not in stderr
    records = [json.loads(line) for line in result.stdout.decode().splitlines()]
    assert len(records) == 2 and "1000个就业岗位" in records[0]["answer"]
    assert "\ufffd" in records[0]["question"]
    assert "\ufffd" in turns(own_store)[0]["question"]


def test_odd_keys_in_a_terminal(own_store):
    chat = Chat(own_store, "--mode", "extractive")
    chat.prompt()
    os.write(chat.child.child_fd, "华强广场项目可以创造多少".encode() + b"\xff" + "个就业岗位?\r".encode())
    out = chat.expect("· seeds/") + chat.prompt()
    assert "not UTF-8" in out and "1000个就业岗位" in out, out
    chat.send("/open ²")
    assert "use /open N" in chat.expect("use /open N") + chat.prompt()
    # a NUL (Ctrl-@, Ctrl-Space) inserts nothing; the rest of the line is still asked
    chat.child.send("华强广场\x00项目什么时候开业?\r")
    chat.expect("· seeds/")
    chat.prompt()
    assert chat.quit() == 0
    asked = [t["question"] for t in turns(own_store)]
    assert asked[0] == "华强广场项目可以创造多少\ufffd个就业岗位?"
    assert asked[-1] == "华强广场项目什么时候开业?"


def test_ctrl_c_and_ctrl_d_inside_a_block(own_store):
    # Each control key is sent while a "…" prompt that has just been drawn is reading keys: drawn
    # after its line editor took the terminal out of canonical mode. Sent in the instant between two
    # prompts, the tty would turn ^C into a SIGINT inside prompt_toolkit's start-up (the test used
    # to wait for "…", which the previous line's own echo already showed, and failed once that way).
    chat = Chat(own_store, "--mode", "extractive")
    chat.prompt()
    chat.send('"""北京的脑机接口')
    chat.expect("…")
    chat.child.send("上海")  # typed, not entered: this prompt is reading keys
    chat.expect("上海")
    chat.child.sendintr()  # drops the block, the chat stays
    chat.expect("(the block was dropped)")
    chat.prompt()
    chat.send('"""华强广场项目可以创造多少个就业岗位?')
    chat.expect("…")
    chat.child.sendeof()  # ends the block: asked as typed
    chat.expect("· seeds/")
    chat.prompt()
    assert chat.child.isalive()
    assert chat.quit() == 0
    assert [t["question"] for t in turns(own_store)] == ["华强广场项目可以创造多少个就业岗位?"]


# -- 7. the question limit comes before the rewrite ----------------------------------------------------
def condense_or_quote(body: dict) -> str:
    user = body["messages"][-1]["content"]
    if "Follow-up question" in user:
        return "华强广场项目可以创造多少个就业岗位?"
    return quote_first_sentences(body)


def test_a_huge_follow_up_is_cut_before_it_is_sent_for_a_rewrite(openai_server, own_store):
    openai_server.default_text = condense_or_quote
    huge = "那它呢" + "很" * 200_000 + "?"
    stdin = f"{Q_JOBS}\n{huge}\n它什么时候开业?\n"
    result = chat_cli(own_store, "--mode", "llm", "--json", stdin=stdin,
                      env=cli_env(openai_server.url, QA_MAX_QUESTION_CHARS="2000"))
    assert result.returncode == 0, result.stderr
    sizes = [len(json.dumps(r.body, ensure_ascii=False)) for r in openai_server.chat_requests()]
    assert len(sizes) == 5 and max(sizes) < 20_000, sizes  # 3 answers, 2 rewrites
    records = [json.loads(line) for line in result.stdout.splitlines()]
    assert len(records[1]["question"]) == 2000 and "only the first 2000 were used" in records[1]["note"]


# -- 8. modes say what they need ----------------------------------------------------------------------
def test_llm_mode_without_a_model_is_refused_at_start_and_on_slash_mode(own_store):
    piped = chat_cli(own_store, "--mode", "llm", stdin="q\n")
    assert piped.returncode == 2 and piped.stdout == ""
    [line] = piped.stderr.strip().splitlines()
    assert line.startswith("Error: --mode llm needs a chat model: set QA_LLM_MODEL")

    session = session_for(own_store)
    with pytest.raises(ConfigError, match="needs a chat model"):
        session.set_mode("llm")
    assert session.mode == "extractive"


def test_after_slash_mode_extractive_nothing_goes_to_the_endpoint(openai_server, own_store):
    openai_server.default_text = condense_or_quote
    settings = load_settings({"store": str(own_store)}, env={
        "OPENAI_BASE_URL": openai_server.url, "OPENAI_API_KEY": KEY, "QA_LLM_MODEL": "test-model"})
    session = ChatSession.start(settings, mode="llm")
    session.ask(Q_JOBS)
    sent = len(openai_server.chat_requests())
    assert sent == 1
    for mode in ("extractive", "auto"):
        session.set_mode(mode)
        if mode == "auto":
            settings.llm_model = ""  # auto without a model: extractive too
        turn = session.ask("它什么时候开业?")
        assert turn.answer.mode == "extractive" and "LLM unavailable" not in turn.answer.note
    assert len(openai_server.chat_requests()) == sent


# -- 9. Ctrl-C during a streamed answer shows the partial answer once ------------------------------
def screen_rows(raw: bytes, columns: int, lines: int) -> list[str]:
    import pyte

    screen = pyte.HistoryScreen(columns, lines, history=1000, ratio=1)
    pyte.ByteStream(screen).feed(raw)
    rows = list(screen.history.top) + [screen.buffer[y] for y in range(lines)]
    return ["".join(row[x].data for x in range(columns)).rstrip() for row in rows]


def test_ctrl_c_during_a_streamed_answer_leaves_one_copy_on_screen(openai_server, own_store):
    openai_server.reply("全国首个脑机接口集聚区“脑智天地”位于上海闵行区虹桥国际医学中心。[1]", chunk_chars=2,
                        chunk_delay=0.3)
    env = {**TERMINAL, **cli_env(openai_server.url, QA_LLM_TIMEOUT="10", QA_LLM_MAX_WAIT="30"), "TERM": "xterm",
           "COLUMNS": "100", "LINES": "30"}
    env.pop("NO_COLOR")
    child = spawn_qa("chat", "--store", own_store, "--mode", "llm", env=env, unset=["NO_COLOR"],
                     dimensions=(30, 100), timeout=30, encoding=None)
    raw = b""
    child.expect_exact("›".encode())
    raw += child.before + child.after
    child.send("上海的脑机接口集聚区叫什么?\r".encode())
    child.expect_exact("全国首个".encode())
    raw += child.before + child.after
    time.sleep(1.0)  # a few more pieces on screen
    child.sendintr()
    child.expect_exact(b"(stopped)")
    raw += child.before + child.after
    child.expect_exact("›".encode())
    raw += child.before + child.after
    child.sendeof()
    child.expect(pexpect.EOF)
    raw += child.before
    rows = [r for r in screen_rows(raw, 100, 30) if "全国首个" in r]
    assert len(rows) == 1, "\n".join(screen_rows(raw, 100, 30))


# -- 11. one error line, secrets masked, folded between words ------------------------------------------
def test_a_failing_command_is_one_masked_line_and_the_chat_goes_on(own_store, tmp_path):
    chat = Chat(own_store, "--mode", "extractive", env={"OPENAI_API_KEY": KEY})
    chat.prompt()
    chat.run(Q_JOBS, "· seeds/")
    out = chat.run(f"/save {tmp_path}/no-such-folder/{KEY}.md", "Error:")
    line = " ".join(out[out.index("Error:"):].split())  # folded at 120 columns
    assert "cannot save the conversation to" in line and "No such file or directory" in line, line
    assert KEY not in line and "****" in line  # (the line editor echoes what was typed)
    chat.run(Q_BEIJING, "· seeds/")  # still answering
    chat.child.sendeof()  # not chat.quit(): it checks the screen, where the line editor echoed the key
    chat.child.expect(pexpect.EOF)


def test_a_notice_is_folded_between_words_on_a_narrow_terminal(own_store):
    env = {**TERMINAL, "COLUMNS": "40", "TERM": "xterm"}
    child = spawn_qa("chat", "--store", own_store, "--mode", "extractive", env=env, dimensions=(24, 40), timeout=30,
                     encoding=None)
    child.expect_exact("›".encode())
    raw = child.before + child.after
    child.send(b"/k lots\r")
    child.expect_exact(b"'lots')")
    raw += child.before + child.after
    child.expect_exact("›".encode())  # the line editor is reading again: Ctrl-D reaches it
    raw += child.before + child.after
    child.sendeof()
    child.expect(pexpect.EOF)
    rows = screen_rows(raw + child.before, 40, 24)
    start = next(i for i, r in enumerate(rows) if r.startswith("Error: /k"))
    shown = rows[start:start + 2]
    message = "Error: /k takes a whole number of passages, 1 or more (got 'lots')"
    assert " ".join(shown).split() == message.split(), shown  # no word cut across two rows
    assert all(len(r) <= 40 for r in shown)
