"""The API key never leaves `qa` in a reply (issue 21).

A server that echoes the request's `Authorization` header (a careless proxy, or a model told to by
an article) puts the key in the reply's text, streamed or not, and in its `model` field. Each test
below sends one such reply through one place a reply goes, with the real CLI and the real `openai`
client over HTTP to the scripted server, and searches the raw bytes that place holds for the key:
the screen (streamed and not), `--json`, piped `qa chat --json`, chat.db, `/save`, the eval report
and its records, and the reply cache. The key is not shaped like `sk-...`, so only knowing the key
masks it where it stands alone (the `model` field); `Bearer <key>` in the text is masked by shape too.
"""

from __future__ import annotations

import json
import re
import time
from pathlib import Path

import pytest
from typer.testing import CliRunner

from openai_server import echo_key
from support import Q_JOBS as QUESTION
from support.chat import TERMINAL
from support.cli import spawn_qa
from support.scripted import cli_env
from qa.cli import app
from qa.llm import ChatLLM
from qa.redact import redact

runner = CliRunner()
KEY = "proxy-KEY-7Hq2Zp9xW4"


def bare_key(body: dict, headers: dict[str, str]) -> str:
    return headers.get("authorization", "").removeprefix("Bearer ")


def echoing(server, times: int = 1, **kw) -> None:
    """The next `times` replies echo the key in their text and in their `model` field."""
    for _ in range(times):
        server.reply(echo_key, model=bare_key, **kw)


def env(server, store: Path, **extra: str) -> dict[str, str]:
    return {**cli_env(server.url, OPENAI_API_KEY=KEY, QA_LLM_RETRIES="0", QA_LLM_TIMEOUT="10", QA_LLM_MAX_WAIT="20"),
            "QA_EMBED": "hash", "QA_STORE": str(store), **extra}


def holding_the_key(*places: Path) -> list[str]:
    """Every file under `places` whose bytes hold the key."""
    files = [p for place in places for p in ([place] if place.is_file() else sorted(place.rglob("*")))]
    return [str(p) for p in files if p.is_file() and KEY.encode() in p.read_bytes()]


ANSI = re.compile(r"\x1b\[[0-9;?]*[a-zA-Z]|\x1b\][^\x07\x1b]*(?:\x07|\x1b\\)|\x1b[()][0-9A-Za-z]|\x1b[=>78]")


def shown(text: str) -> str:
    """What a screen or a pipe holds, without escapes and whitespace: a key split by a line wrap or a
    redraw is still found."""
    return re.sub(r"\s+", "", ANSI.sub("", text))


# -- the streaming redactor -------------------------------------------------------------------------
TEXTS = [
    f"Your request said Bearer {KEY}; the key is {KEY}.",
    f"密钥{KEY}泄露了，sk-abcdefghijklmnop 也是。",
    f"<think>the header is Bearer {KEY}</think>答案是{KEY}[1]",
    "Bearer\n  token-abcdefgh.ij and Bearer short, sk-1234567 (too short) sk-12345678",
    f"x{KEY}{KEY[:6]}",  # the key twice, the second cut off: the end is not a key after all
    "abcsk-aaaaaaaaBearer qwertyuiop!",
    "no secret here, only words and 1000个就业岗位。",
]


def emitted(text: str, cuts: list[int], secrets: list[str]) -> str:
    from qa.redact import StreamRedactor

    masker = StreamRedactor(secrets)
    bounds = [0, *cuts, len(text)]
    return "".join(masker.feed(text[a:b]) for a, b in zip(bounds, bounds[1:])) + masker.close()


@pytest.mark.parametrize("text", TEXTS)
def test_the_stream_redactor_agrees_with_redact_at_every_split(text):
    whole = redact(text, [KEY])
    assert KEY not in whole
    n = len(text)
    splits = [[i] for i in range(n + 1)] + [[i, j] for i in range(n + 1) for j in range(i, n + 1, 3)]
    splits.append(list(range(1, n)))  # a character at a time
    for cuts in splits:
        assert emitted(text, cuts, [KEY]) == whole, cuts
    # Without the key, only what is shaped like one is masked, in the same way.
    assert emitted(text, list(range(1, n)), []) == redact(text)


# -- the model, over HTTP ---------------------------------------------------------------------------
def make_llm(server) -> ChatLLM:
    return ChatLLM(model="test-model", base_url=server.url, api_key=KEY, timeout=5, retries=0, max_wait=10)


@pytest.mark.parametrize("chunk_chars", [1, 3, 7])
def test_a_key_split_across_stream_chunks_is_never_passed_on(openai_server, chunk_chars):
    echoing(openai_server, chunk_chars=chunk_chars)
    pieces: list[str] = []
    reply = make_llm(openai_server).complete([{"role": "user", "content": "hi"}], on_token=pieces.append)
    raw = echo_key({}, {"authorization": f"Bearer {KEY}"})
    assert "".join(pieces) == reply.text == redact(raw, [KEY])
    assert KEY not in reply.text and reply.model == "****"
    assert all(KEY[:8] not in "".join(pieces[:i]) for i in range(len(pieces) + 1))


def test_a_non_streamed_reply_is_masked(openai_server):
    echoing(openai_server)
    reply = make_llm(openai_server).complete([{"role": "user", "content": "hi"}])
    assert KEY not in reply.text and "****" in reply.text and reply.model == "****"


def test_a_reply_cached_before_masking_is_masked_when_served(openai_server, tmp_path):
    from qa.cache import CachedChat, ReplyCache

    llm, cache = make_llm(openai_server), ReplyCache(tmp_path / "cache")
    chat = CachedChat(llm, cache)
    messages = [{"role": "user", "content": "hi"}]
    cache.put(chat.key(messages), {"text": f"said {KEY}", "model": KEY, "usage": None, "finish_reason": "stop"})
    pieces: list[str] = []
    reply = chat.complete(messages, on_token=pieces.append)
    assert (reply.text, reply.model, "".join(pieces)) == ("said ****", "****", "said ****")
    assert openai_server.chat_requests() == []


# -- every place a reply goes -------------------------------------------------------------------------
def test_ask_plain_output(openai_server, hash_store):
    echoing(openai_server)
    result = runner.invoke(app, ["ask", "--mode", "llm", QUESTION], env=env(openai_server, hash_store))
    assert result.exit_code == 0, result.output
    assert "****" in result.stdout and KEY not in shown(result.stdout + result.stderr)
    assert holding_the_key(hash_store) == []


def test_ask_json(openai_server, hash_store):
    echoing(openai_server)
    result = runner.invoke(app, ["ask", "--mode", "llm", "--json", QUESTION], env=env(openai_server, hash_store))
    assert result.exit_code == 0, result.output
    data = json.loads(result.stdout)
    assert data["model"] == "****" and KEY not in result.stdout + result.stderr


def test_ask_streamed_on_a_terminal(openai_server, hash_store):
    import pexpect

    echoing(openai_server, chunk_chars=3, chunk_delay=0.01)
    child = spawn_qa("ask", "--mode", "llm", QUESTION,
                     env={**env(openai_server, hash_store), "COLUMNS": "200", "NO_COLOR": "1"})
    child.expect(pexpect.EOF)
    child.close()
    screen = child.before
    assert child.exitstatus == 0, screen
    assert openai_server.chat_requests()[0].body["stream"] is True
    assert "Your request said" in screen and KEY not in shown(screen)


def test_chat_screen_streamed_on_a_terminal(openai_server, hash_store):
    import pexpect

    echoing(openai_server, chunk_chars=3, chunk_delay=0.01)
    child = spawn_qa("chat", "--mode", "llm", env={**env(openai_server, hash_store), **TERMINAL}, dimensions=(40, 120))
    screen = ""
    for send, until in (("", "›"), (QUESTION, "nothing else"), ("", "›"), ("/quit", pexpect.EOF)):
        if send:
            child.send(send + "\r")
        child.expect_exact(until) if isinstance(until, str) else child.expect(until)
        screen += child.before + (child.after if isinstance(child.after, str) else "")
    child.close()
    assert openai_server.chat_requests()[0].body["stream"] is True
    assert KEY not in shown(screen)
    assert holding_the_key(hash_store) == []


def test_piped_chat_json_and_chat_db(openai_server, hash_store):
    echoing(openai_server, times=2)
    result = runner.invoke(app, ["chat", "--mode", "llm", "--json"], input=f"{QUESTION}\n",
                           env=env(openai_server, hash_store))
    assert result.exit_code == 0, result.output
    record = json.loads(result.stdout.splitlines()[0])
    assert "****" in record["answer"] and KEY not in result.stdout + result.stderr
    assert (hash_store / "chat.db").exists()
    assert holding_the_key(hash_store) == []


def test_chat_save(openai_server, hash_store):
    from qa.chat.session import ChatSession
    from qa.config import load_settings

    echoing(openai_server)
    settings = load_settings({"store": str(hash_store)}, env=env(openai_server, hash_store))
    session = ChatSession.start(settings, mode="llm")
    session.ask(QUESTION)
    transcript = session.transcript()
    assert "Your request said" in transcript and KEY not in transcript


def test_eval_report_records_and_reply_cache(openai_server, hash_store, tmp_path):
    gold = tmp_path / "gold.jsonl"
    gold.write_text(json.dumps({"id": "jobs", "question": QUESTION, "answers": ["1000个"]}, ensure_ascii=False) + "\n",
                    encoding="utf-8")
    echoing(openai_server)
    out_dir = tmp_path / "out"
    out_dir.mkdir()
    result = runner.invoke(app, ["eval", str(gold), "--mode", "llm", "--out", str(out_dir / "R.json")],
                           env=env(openai_server, hash_store))
    assert result.exit_code in (0, 1), result.output
    assert (out_dir / "R.json").exists() and (out_dir / "R.records.jsonl").exists()
    assert "Your request said" in (out_dir / "R.records.jsonl").read_text(encoding="utf-8")
    cached = list((hash_store / "cache" / "llm").rglob("*.json"))
    assert cached and KEY not in result.output
    assert holding_the_key(out_dir, hash_store / "cache" / "llm") == []
    assert holding_the_key(hash_store) == []
