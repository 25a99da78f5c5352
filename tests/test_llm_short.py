"""The short answer in LLM mode (issue 24): the model is asked for the answer's words alone on the
first line (prompts/answer.txt rule 6), then the cited explanation; `short_answer` is that line,
the answer the rest, and a reply that ignores the format has no short answer. Through the real CLI
against the scripted OpenAI-compatible server, piped, as JSON and streamed to a pseudo-terminal."""

from __future__ import annotations

import json

import pytest

from qa.answer.llm import SHORT_MAX, split_short
from qa.prompts import refusal_phrase
from support import Q_JOBS as JOBS_Q
from support.cli import invoke
from support.scripted import KEY, cli_env
from test_answer_display import finish, final_screen, llm_env, spawn_ask

EXPLAINED = "华强广场项目可创造1000个就业岗位。[1]"
SHORT_REPLY = f"1000个\n\n{EXPLAINED}"

SPLITS = [
    # (reply, short answer, the rest)
    (SHORT_REPLY, "1000个", EXPLAINED),
    (f"**1000个**\n\n{EXPLAINED}", "1000个", EXPLAINED),  # Markdown around the line is no part of it
    (f"1000个\n{EXPLAINED}", "1000个", EXPLAINED),  # no blank line: still its own line
    (EXPLAINED, None, EXPLAINED),  # one line: the format was ignored
    (f"{EXPLAINED}\n\n签约率达98%。[1]", None, f"{EXPLAINED}\n\n签约率达98%。[1]"),  # the first line cites
    ("很" * (SHORT_MAX + 1) + f"\n\n{EXPLAINED}", None, "很" * (SHORT_MAX + 1) + f"\n\n{EXPLAINED}"),  # a sentence
    (f"{refusal_phrase('zh')}\n\n{EXPLAINED}", None, f"{refusal_phrase('zh')}\n\n{EXPLAINED}"),  # a refusal
]


@pytest.mark.parametrize("reply, short, rest", SPLITS)
def test_the_short_answer_is_the_first_line_when_the_reply_keeps_the_format(reply, short, rest):
    assert split_short(reply) == (short, rest)


def ask_json(store, url: str) -> dict:
    result = invoke("ask", "--store", store, "--mode", "llm", "--json", JOBS_Q, env=cli_env(url))
    assert result.exit_code == 0, result.output
    assert "Traceback" not in result.output and KEY not in result.output
    return json.loads(result.stdout)


def test_json_gives_the_first_line_as_the_short_answer_and_checks_the_explanation(openai_server, seed_store_dir):
    openai_server.reply(SHORT_REPLY)
    data = ask_json(seed_store_dir, openai_server.url)
    assert data["short_answer"] == "1000个" and data["answer"] == EXPLAINED and not data["refused"]
    assert [(c["n"], c["supported"]) for c in data["citations"]] == [(1, True)] and data["note"] == ""
    [req] = openai_server.chat_requests()
    system, user = (m["content"] for m in req.body["messages"])
    assert "short answer alone on the first line" in system and "rules 3 and 4" in system
    assert "Start with the short answer on its own line" in user


def test_a_reply_without_the_short_line_has_no_short_answer(openai_server, seed_store_dir):
    openai_server.reply(EXPLAINED)
    data = ask_json(seed_store_dir, openai_server.url)
    assert data["short_answer"] is None and data["answer"] == EXPLAINED
    assert [(c["n"], c["supported"]) for c in data["citations"]] == [(1, True)]


def test_a_refusal_has_no_short_answer(openai_server, seed_store_dir):
    openai_server.reply(refusal_phrase("zh"))
    data = ask_json(seed_store_dir, openai_server.url)
    assert data["refused"] is True and data["short_answer"] is None


def test_piped_output_shows_the_short_answer_first_then_the_explanation(openai_server, seed_store_dir):
    openai_server.reply(SHORT_REPLY)
    result = invoke("ask", "--store", seed_store_dir, "--mode", "llm", JOBS_Q, env=llm_env(openai_server.url))
    assert result.exit_code == 0, result.output
    assert result.stdout.splitlines()[:2] == ["1000个", EXPLAINED]


@pytest.mark.slow
@pytest.mark.parametrize("plain", [False, True], ids=["markdown", "no-color"])
def test_a_streamed_reply_shows_the_short_line_once_above_the_explanation(openai_server, seed_store_dir, plain):
    openai_server.reply(SHORT_REPLY, chunk_chars=3, chunk_delay=0.05)
    env = llm_env(openai_server.url, **({"NO_COLOR": "1"} if plain else {}))
    raw = finish(spawn_ask(seed_store_dir, env, "--mode", "llm", JOBS_Q))
    lines = [line for line in final_screen(raw).splitlines() if line.strip()]
    at = lines.index("1000个")
    assert lines[at + 1] == EXPLAINED and lines.count("1000个") == 1  # streamed once, not printed again
    assert "checked:" not in "\n".join(lines) and "(llm, test-model)" in lines[at + 2]
