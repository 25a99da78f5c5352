"""`qa chat` end to end: the real program in a pseudo-terminal (pexpect), as a person uses it.

Each test asserts what the screen shows (ANSI escapes stripped) and the exit code. The seed store
is copied before a chat writes to it (chat.db and chat_history live in the store folder): one copy
per module where tests do not interfere, a private copy where a test reads back the log or the
history. The scripted OpenAI-compatible server (tests/openai_server.py) stands in for the model.
"""

from __future__ import annotations

import json
import re
import time

import pytest

from support import Q_BEIJING, Q_JOBS, SEED_TEXT
from support.chat import Chat, chat_cli, squash, turns
from support.scripted import cli_env, quote_first_sentences

BCI_TITLE = "脑机接口发展进入快车道"
SOURCE_LINE = re.compile(r"^\[(\d+)\] (.+?) · (seeds/\S+\.txt)\r?$", re.M)


# -- 1. a conversation in extractive mode, and the slash commands ------------------------------------
def test_extractive_conversation_follow_up_and_slash_commands(chat_store, tmp_path, capsys):
    chat = Chat(chat_store, "--mode", "extractive")
    banner = chat.prompt()
    to_prompt = time.perf_counter() - chat.started
    with capsys.disabled():
        print(f"\n[qa chat] spawn to first prompt: {to_prompt * 1000:.0f} ms")
    assert "qa chat · store" in banner and "mode extractive" in banner

    first = chat.run(Q_BEIJING, "· seeds/")
    assert "↳" not in first  # the first question is searched as typed
    assert re.search(r"\S\[1\]", first), first  # the answer cites passage 1
    assert SOURCE_LINE.search(first), first

    follow = chat.run("那上海呢?", "· seeds/")
    rewrite = re.search(r"↳ (\S+)", follow)
    assert rewrite and rewrite.group(1).startswith("上海") and "脑机接口" in rewrite.group(1), follow
    assert re.search(r"\S\[1\]", follow), follow
    sources = SOURCE_LINE.findall(follow)
    assert sources and sources[0][0] == "1", follow

    last = turns(chat_store)[-1]
    assert last["question"] == "那上海呢?" and last["standalone"] == rewrite.group(1)
    cited = last["citations"][0]
    assert sources[0][1:] == (cited["title"], cited["source"])

    # /sources: the full passage of each citation
    shown = chat.run("/sources", cited["title"])
    assert squash(cited["text"]) in squash(shown), shown

    # /open 1: the passage under its title, with the text around it in the article
    opened = chat.run("/open 1", "· seeds/")
    assert re.search(rf"\[1\] {re.escape(cited['title'])} · {re.escape(cited['source'])}", opened), opened
    assert squash(cited["text"]) in squash(opened), opened
    assert len(squash(opened)) > len(squash(cited["text"])) + len(squash(cited["title"])) + 40, \
        "/open shows no text around the passage:\n" + opened
    text_lines = [line for line in opened.splitlines() if squash(line) and squash(line) in squash(cited["text"])]
    assert text_lines and all(line.startswith("    ") for line in text_lines), opened  # indented under the title
    # Each waits for its own words: the "›" of the line editor's redraw of "/open 9" came first
    # once under load, and the message was not yet on screen.
    bad = chat.run("/open 9", "is not one")
    assert "/open 9 is not one" in bad

    # /why: the ranks and scores that chose the passage
    why = chat.run("/why", "support ")
    for header in ("keyword rank", "dense rank", "fused rank", "sentence score"):
        assert header in why, why
    assert f"searched for: {rewrite.group(1)}" in why

    # /save FILE: the transcript as Markdown with footnote citations
    saved = tmp_path / "chat.md"
    out = chat.run(f"/save {saved}", "saved")
    assert f"saved 2 turns to {saved}" in out
    md = saved.read_text(encoding="utf-8")
    assert f"**Q:** {Q_BEIJING}" in md and "**Q:** 那上海呢?" in md and f"*searched: {rewrite.group(1)}*" in md
    assert "[^1]:" in md and re.search(r"\S\[\^1\]", md), md
    # the follow-up's passage is a footnote numbered after the first answer's
    assert re.search(rf"^\[\^\d+\]: {re.escape(cited['title'])} · {re.escape(cited['source'])}: \S", md, re.M), md

    # settings
    assert "3 passages" in chat.run("/k 3", "passages")
    assert "Error: /k takes a whole number" in chat.run("/k zero", "Error")
    assert "mode extractive" in chat.run("/mode extractive", "mode extractive")
    assert "Error: unknown answer mode" in chat.run("/mode poetry", "Error")

    # /filter title=…: only that article is searched; /filter off: all of them again
    assert "filter title=脑机接口" in chat.run("/filter title=脑机接口", "filter title=")
    filtered = chat.run(Q_JOBS, "ms")  # the status line; sources (if any) follow before the prompt
    titles = {t for _, t, _ in SOURCE_LINE.findall(filtered)}
    assert titles <= {BCI_TITLE}, filtered
    assert "filter off" in chat.run("/filter off", "filter off")
    unfiltered = chat.run(Q_JOBS, "· seeds/")
    assert "1000个就业岗位" in unfiltered and "良好营商环境提升发展韧性" in unfiltered, unfiltered
    assert "↳" not in unfiltered  # a self-contained question is not rewritten

    hint = chat.run("/bogus", "lists them")
    hint_lines = [line for line in hint.replace("\r", "").split("\n") if line.strip() and "›" not in line]
    assert hint_lines == ["unknown command /bogus; /help lists them"], hint

    assert chat.quit() == 0

    # /open shows the text around the passage as the article has it: chunks overlap, but the
    # overlap must not be shown twice (checked last, so that a failure here hides nothing above)
    article = squash(SEED_TEXT)
    sentences = [squash(x) for x in re.findall(r"[^。！？]+[。！？]", cited["text"])]
    doubled = [x for x in sentences if squash(opened).count(x) > article.count(x)]
    assert not doubled, f"/open 1 shows these sentences more often than the article has them: {doubled}"


def test_help_lists_the_commands(chat_store):
    chat = Chat(chat_store, "--mode", "extractive")
    chat.prompt()
    # Its own line, spaced as /help prints it: "/quit" alone could match the completion menu that
    # prompt_toolkit shows while "/help" is still being typed (under load, one key at a time).
    out = chat.run("/help", f"  {'/quit':<9} leave")
    for command in ("/sources", "/open", "/why", "/mode", "/k", "/filter", "/reset", "/copy", "/save"):
        assert command in out, out
    # Its own words, not the prompt: "›" also starts the line editor's redraws of "/sources" being
    # typed, which under load came before the notice (CI failed on it).
    early = chat.run("/sources", "needs an answer first")
    assert "/sources needs an answer first" in early
    assert chat.quit() == 0


# -- 2. leaving: Ctrl-D, Ctrl-C ---------------------------------------------------------------------
def test_ctrl_d_on_the_prompt_exits_0(chat_store):
    chat = Chat(chat_store, "--mode", "extractive")
    chat.prompt()
    assert chat.finish("\x04") == 0


def test_ctrl_c_on_an_empty_line_exits_0(chat_store):
    chat = Chat(chat_store, "--mode", "extractive")
    chat.prompt()
    assert chat.finish("\x03") == 0


def test_ctrl_c_with_text_typed_clears_the_line_and_the_chat_stays(chat_store):
    chat = Chat(chat_store, "--mode", "extractive")
    chat.prompt()
    chat.child.send("华强广场")
    chat.expect("华强广场")  # echoed
    chat.child.send("\x03")
    time.sleep(0.3)
    # Had the line not been cleared, this would be the question "华强广场/k 2".
    out = chat.run("/k 2", "passages")
    assert "2 passages" in out and "searching" not in out
    assert chat.child.isalive()
    assert chat.quit() == 0


# -- 3. LLM mode: Ctrl-C stops a streamed answer, the next question is answered -------------------------
SLOW = "全国首个脑机接口集聚区“脑智天地”位于上海闵行区虹桥国际医学中心，由复旦大学附属华山医院提供临床资源。[1]"


def answer_or_condense(body: dict) -> str:
    """A faithful model for the second question; a condense request (the stopped turn wrongly kept in
    the history) gets the follow-up back unchanged, so the answer still comes."""
    user = body["messages"][-1]["content"]
    if "Standalone question" in user or "<conversation>" in user:
        return re.search(r"Follow-up question: (.*)", user).group(1).strip()
    return quote_first_sentences(body)


def test_llm_ctrl_c_stops_a_streamed_answer_and_the_chat_answers_the_next(openai_server, chat_store):
    openai_server.reply(SLOW, chunk_chars=2, chunk_delay=0.3)  # ~30 chunks, ~9 s
    openai_server.reply(answer_or_condense).reply(answer_or_condense)
    chat = Chat(chat_store, "--mode", "llm", env=cli_env(openai_server.url, QA_LLM_TIMEOUT="10"))
    chat.prompt()
    chat.send("上海的脑机接口集聚区叫什么?")
    chat.expect("全国首个")  # the first tokens are on screen
    asked = time.perf_counter()
    chat.child.sendintr()
    chat.expect("(stopped)", timeout=5)  # the stream had ~8 s to go
    took = time.perf_counter() - asked
    chat.prompt()
    assert "虹桥国际医学中心" not in chat.screen, chat.screen  # the rest of the stream was not shown
    assert chat.child.isalive()
    assert took < 5

    second = chat.run(Q_JOBS, "· seeds/")
    assert re.search(r"\S\[1\]", second), second
    assert SOURCE_LINE.search(second), second
    assert "(stopped)" not in second and "Error" not in second
    assert chat.quit() == 0
    answered = [r for r in openai_server.chat_requests() if "Follow-up question" not in r.messages[-1]["content"]]
    assert len(answered) == 2 and answered[0].body["stream"] is True
    last = turns(chat_store)[-1]
    assert last["question"] == Q_JOBS and last["mode"] == "llm"
    # the whole streamed answer reached the screen, not only its first terminal line
    whole = squash(last["answer"]) in squash(second)
    assert whole, f"the screen lacks the end of the answer {last['answer']!r}; it shows:\n{second}"


# -- 4. conversations kept: -c, --list, --cid ----------------------------------------------------------
@pytest.mark.slow
def test_continue_list_and_cid(own_store):
    chat = Chat(own_store, "--mode", "extractive")
    chat.prompt()
    chat.run(Q_BEIJING, "· seeds/")
    chat.run("那上海呢?", "↳")
    assert chat.quit() == 0
    [cid] = {t["cid"] for t in turns(own_store)}

    chat = Chat(own_store, "-c", "--mode", "extractive")
    banner = chat.prompt()
    assert f"continuing {cid} (2 turns)" in banner, banner
    follow = chat.run("那北京呢?", "· seeds/")
    rewrite = re.search(r"↳ (\S+)", follow)
    # rewritten from the earlier turn's question ("上海的脑机接口政策是什么?"), not searched as typed
    assert rewrite and rewrite.group(1).startswith("北京") and "脑机接口政策" in rewrite.group(1), follow
    assert chat.quit() == 0
    assert [t["cid"] for t in turns(own_store)] == [cid] * 3

    # a second conversation, from a script
    piped = chat_cli(own_store, "--mode", "extractive", stdin=Q_JOBS + "\n")
    assert piped.returncode == 0, piped.stderr
    other = turns(own_store)[-1]["cid"]
    assert other != cid

    listed = chat_cli(own_store, "--list")
    assert listed.returncode == 0, listed.stderr
    rows = [line for line in listed.stdout.splitlines() if cid in line or other in line]
    assert len(rows) == 2 and other in rows[0] and cid in rows[1], listed.stdout  # latest first
    assert Q_BEIJING in rows[1] and re.search(r"\b3\b", rows[1]), listed.stdout
    assert Q_JOBS in rows[0] and "\x1b" not in listed.stdout
    data = json.loads(chat_cli(own_store, "--list", "--json").stdout)
    assert [(r["id"], r["turns"], r["first_question"]) for r in data] == [(other, 1, Q_JOBS), (cid, 3, Q_BEIJING)]

    chat = Chat(own_store, "--cid", cid, "--mode", "extractive")
    banner = chat.prompt()
    assert f"continuing {cid} (3 turns)" in banner, banner
    follow = chat.run("那上海呢?", "· seeds/")
    assert re.search(r"↳ 上海\S*脑机接口政策", follow), follow
    assert chat.quit() == 0
    assert turns(own_store)[-1]["cid"] == cid

    missing = chat_cli(own_store, "--cid", "nosuch")
    assert missing.returncode != 0
    assert missing.stdout == ""
    [line] = missing.stderr.strip().splitlines()
    assert line.startswith("Error: ") and "nosuch" in line and "Traceback" not in missing.stderr


def test_continue_with_no_earlier_conversation_is_one_line(own_store):
    result = chat_cli(own_store, "-c")
    assert result.returncode != 0
    [line] = result.stderr.strip().splitlines()
    assert line.startswith("Error: ") and "qa chat" in line


# -- 5. scripts: stdin not a terminal ----------------------------------------------------------------
def test_piped_questions_get_plain_answers(chat_store):
    result = chat_cli(chat_store, "--mode", "extractive", stdin=f"{Q_BEIJING}\n那上海呢?\n")
    assert result.returncode == 0, result.stderr
    out = result.stdout
    assert "\x1b" not in out and "\x1b" not in result.stderr
    assert "›" not in out and "searching" not in out
    assert re.search(r"^\(searched: 上海\S*脑机接口\S*\)$", out, re.M), out
    assert out.count("(searched:") == 1  # the first question is searched as typed
    assert len(SOURCE_LINE.findall(out)) >= 2, out
    assert re.search(r"\S\[1\]", out)


def test_piped_json_lines(chat_store):
    result = chat_cli(chat_store, "--mode", "extractive", "--json", stdin=f"{Q_BEIJING}\n\n那上海呢?\n")
    assert result.returncode == 0, result.stderr
    lines = result.stdout.splitlines()
    assert len(lines) == 2, result.stdout
    first, second = map(json.loads, lines)
    for record in (first, second):
        assert {"question", "standalone", "answer", "citations"} <= set(record)
        assert record["citations"] and record["citations"][0]["n"] == 1
    assert first["question"] == first["standalone"] == Q_BEIJING
    assert second["question"] == "那上海呢?" and second["standalone"].startswith("上海")
    assert "脑机接口" in second["standalone"]


# -- 6. a store that does not exist ----------------------------------------------------------------------
def test_a_missing_store_says_so_per_question_and_the_chat_goes_on(tmp_path):
    missing = tmp_path / "nowhere"
    chat = Chat(missing, "--mode", "extractive")
    chat.prompt()
    out = chat.run(Q_BEIJING, "Error:")
    errors = [line for line in out.replace("\r", "").split("\n") if "Error:" in line]
    assert len(errors) == 1 and f"Error: No store at {missing}" in errors[0], out
    again = chat.run("那上海呢?", "Error:")
    assert "No store at" in again
    assert chat.quit() == 0


# -- 7. history: the store's chat_history, Up to recall --------------------------------------------------
def test_history_is_kept_in_the_store_and_recalled_with_up(own_store):
    chat = Chat(own_store, "--mode", "extractive")
    chat.prompt()
    chat.run(Q_BEIJING, "· seeds/")
    chat.run(Q_JOBS, "· seeds/")
    assert chat.finish("\x04") == 0
    history = own_store / "chat_history"
    assert history.exists()
    entries = [line[1:] for line in history.read_text(encoding="utf-8").splitlines() if line.startswith("+")]
    assert entries == [Q_BEIJING, Q_JOBS], entries

    chat = Chat(own_store, "--mode", "extractive")
    chat.prompt()
    chat.child.send("\x1b[A")
    chat.expect(Q_JOBS, timeout=5)
    chat.child.send("\x1b[A")
    chat.expect(Q_BEIJING, timeout=5)
    out = chat.run("", "· seeds/")  # Enter asks the recalled question
    assert re.search(r"\S\[1\]", out), out
    assert turns(own_store)[-1]["question"] == Q_BEIJING
    assert chat.quit() == 0


# -- 8. a multi-line block ----------------------------------------------------------------------------------
def test_a_triple_quoted_block_is_one_question(own_store):
    chat = Chat(own_store, "--mode", "extractive")
    chat.prompt()
    chat.send('"""')
    chat.expect("…")
    chat.send("华强广场项目")
    chat.expect("…")
    chat.send("可以创造多少个就业岗位?")
    chat.expect("…")
    out = chat.run('"""', "· seeds/")
    assert "1000个就业岗位" in out, out
    assert chat.quit() == 0
    rows = turns(own_store)
    assert [r["question"] for r in rows] == ["华强广场项目\n可以创造多少个就业岗位?"], rows
    assert "1000个就业岗位" in rows[0]["answer"]


def test_a_refusal_in_the_chat_names_the_passages_that_came_close(chat_store):
    result = chat_cli(chat_store, "--mode", "extractive", stdin="华强广场的总投资是多少亿元?\n")
    assert result.returncode == 0, result.stderr
    out = result.stdout
    closest = re.findall(r"^closest \(not cited\): (.+) · (seeds/\S+?)(?: \(\d passages\))?$", out, re.M)
    assert 1 <= len(closest) <= 3, out
    assert not SOURCE_LINE.search(out)  # nothing is cited
    assert "良好营商环境提升发展韧性" in {title for title, _ in closest}, out
