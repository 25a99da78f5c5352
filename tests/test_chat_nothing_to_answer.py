"""`qa chat` and what is not a question (issue 23): exit words typed alone leave like /quit, small
talk is refused with the reason and never rewritten or built on, a piped line that starts with /
is a slash command (or one line naming it unknown) and never searched, a follow-up keeps its words
(the rewrite shown as what was searched), and a filter that matched nothing is named in the refusal.
The real program: in a pseudo-terminal (support.chat.Chat) or with piped stdin (chat_cli)."""

from __future__ import annotations

import json

import pytest

from support.chat import Chat, chat_cli

BEIJING_PLAN = "北京市以标准赋能科技创新的行动方案是哪几个部门印发的?"
SHANGHAI = "上海以标准赋能科技创新的行动方案是哪几个部门印发的?"
REASON = "nothing to answer: ask a question about the articles"


@pytest.mark.parametrize("word", ["exit", "quit", "bye", "再见"])
def test_an_exit_word_alone_leaves_the_chat_in_a_terminal(chat_store, word):
    chat = Chat(chat_store, "--mode", "extractive")
    chat.prompt()
    assert chat.finish(word + "\r") == 0
    assert "refused" not in chat.screen


@pytest.mark.slow
def test_a_follow_up_is_rewritten_whole_and_small_talk_is_refused_between(chat_store):
    chat = Chat(chat_store, "--mode", "extractive")
    chat.prompt()
    chat.run(BEIJING_PLAN, "support")
    shown = chat.run("thanks", REASON)
    assert "↳" not in shown and "[1]" not in shown
    # "thanks" was no turn: the follow-up builds on the question before it, every word of it kept.
    shown = chat.run("那上海呢?", "support")
    assert f"↳ {SHANGHAI}" in shown
    assert chat.quit() == 0


@pytest.mark.slow
def test_piped_slash_lines_are_commands_never_questions(chat_store, tmp_path):
    saved = tmp_path / "x.md"
    r = chat_cli(chat_store, "--mode", "extractive",
                 stdin=f"华强广场在哪里?\n/save {saved}\n/nosuch thing\nhello\nquit\n华强广场在哪里?\n")
    assert r.returncode == 0, r.stderr
    assert saved.exists() and "华强广场在哪里?" in saved.read_text(encoding="utf-8")
    assert f"saved 1 turns to {saved}" in r.stderr
    assert [line for line in r.stderr.splitlines() if "/nosuch" in line] == ["unknown command /nosuch; /help lists them"]
    # One answer with quotes (the first question), the refusal of "hello", and nothing after "quit".
    answers = [block for block in r.stdout.strip().split("\n\n") if block.strip()]
    assert len(answers) == 2, r.stdout
    assert "[1]" in answers[0] and f"note: {REASON}" in answers[1] and "[1]" not in answers[1]


def test_piped_json_small_talk_is_refused_without_citations(chat_store):
    r = chat_cli(chat_store, "--mode", "extractive", "--json", stdin="你好\n测试\n")
    records = [json.loads(line) for line in r.stdout.splitlines() if line.strip()]
    assert [(d["refused"], d["citations"], d["standalone"]) for d in records] == [(True, [], "你好"), (True, [], "测试")]
    assert all(d["note"].startswith("没有要回答的问题") for d in records)


@pytest.mark.slow
def test_a_chat_filter_that_matches_nothing_is_named(chat_store):
    r = chat_cli(chat_store, "--mode", "extractive", "--json", stdin="/filter source=nomatch*\n华强广场在哪里?\n")
    [record] = [json.loads(line) for line in r.stdout.splitlines() if line.strip()]
    assert record["refused"] is True and "no article matches --source 'nomatch*'" in record["note"]
    r = chat_cli(chat_store, "--mode", "extractive", "--source", "nomatch*", stdin="华强广场在哪里?\n")
    assert "note: no article matches --source 'nomatch*'" in r.stdout


def test_a_bare_follow_up_first_is_told_to_ask_the_whole_question_then_completed(chat_store):
    # Asked first, "那上海呢?" completes nothing: refused with the reason (the nearest sentence about
    # 上海 was quoted at support 1.00); after a question it is that question about 上海.
    from qa.text.smalltalk import FOLLOW_UP

    r = chat_cli(chat_store, "--mode", "extractive", stdin=f"那上海呢?\n{BEIJING_PLAN}\n那上海呢?\n")
    assert r.returncode == 0, r.stderr
    turns = [t for t in r.stdout.split("\n\n") if t.strip()]
    assert FOLLOW_UP["zh"] in turns[0] and "[1]" not in turns[0]
    assert f"(searched: {SHANGHAI})" in turns[2] and FOLLOW_UP["zh"] not in turns[2]
