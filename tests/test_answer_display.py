"""How `qa ask` shows an answer (issue 14, items 4-6): the closest passages of a refusal, model
answers rendered as Markdown on a terminal (streamed too) and printed as written when piped or with
NO_COLOR, and every line of a passage indented. The CLI runs for real: CliRunner over the seed store
for piped output, a pseudo-terminal (pexpect) for what a terminal shows."""

from __future__ import annotations

import json
import re
import time

import pytest

from support import Q_JOBS as JOBS_Q
from support.cli import invoke, spawn_qa
from support.scripted import KEY, cli_env

INVESTMENT_Q = "华强广场的总投资是多少亿元?"  # the seed page names the project, never its investment
ANSI = re.compile(r"\x1b\[[0-9;?]*[a-zA-Z]|\x1b\][^\x07\x1b]*(?:\x07|\x1b\\)|\x1b[()][0-9A-Za-z]|\x1b[=>78]")


def ask(store, *args: str, env: dict[str, str] | None = None):
    result = invoke("ask", "--store", store, *args, env=env)
    assert result.exit_code == 0, result.output
    assert "Traceback" not in result.output
    return result


def passage_block(stdout: str, heading: str) -> list[str]:
    """The lines under `heading` (to the end of the output)."""
    lines = stdout.splitlines()
    return lines[lines.index(heading) + 1:]


# -- 4. a refusal shows what came close ---------------------------------------------------------------
def test_a_refusal_shows_why_and_one_line_per_article_that_came_close(seed_store_dir):
    out = ask(seed_store_dir, INVESTMENT_Q).stdout
    lines = out.splitlines()
    assert lines[0] == "文章中没有提到这个问题的答案。"
    # the first reason is the word no passage writes; a check of the value asked may add its own
    # ("; the passages give no sum of 投资": unans, session 18)
    assert lines[2].startswith("why: the passages do not mention 总投资")
    assert lines[1].startswith("(extractive, refused)")
    closest = lines[3:]
    assert closest and all(line.startswith("closest (not cited): ") for line in closest)
    # Two passages of the page on 华强广场 came close: one line says so, not the same line twice.
    assert closest[0] == "closest (not cited): 良好营商环境提升发展韧性 · seeds/000_59cfcece24790523.txt (2 passages)"
    named = [line.removesuffix(" (2 passages)").removesuffix(" (3 passages)") for line in closest]
    assert len(named) == len(set(named))


def test_a_line_of_no_words_over_chinese_articles_is_refused_with_its_reason(seed_store_dir):
    # The embedder rates any line near any sentence: it was quoted at support ~0.55.
    lines = ask(seed_store_dir, "asdf qwer zxcv").stdout.splitlines()
    assert lines[0] == "The articles don't say." and lines[1].startswith("(extractive, refused) support 0.00")
    assert lines[2] == "why: no word of the question can be read in the articles' language: asdf, qwer, zxcv"


def test_a_refusal_with_full_shows_the_closest_passages_under_their_heading(seed_store_dir):
    out = ask(seed_store_dir, "--full", INVESTMENT_Q).stdout
    assert out.startswith("文章中没有提到这个问题的答案。\n(extractive, refused)")
    assert "why: the passages do not mention 总投资" in out
    assert "Sources" not in out  # nothing is cited
    block = passage_block(out, "Closest passages (not cited)")
    headings = [line for line in block if not line.startswith("    ")]
    assert len(headings) == 3
    assert headings[0] == "1. 良好营商环境提升发展韧性 · seeds/000_59cfcece24790523.txt"
    assert [h.split(".")[0] for h in headings] == ["1", "2", "3"]
    # The passage in full, each of its paragraphs indented under its heading.
    assert block[1].startswith("    走进河北石家庄新华区华强广场") and block[2].startswith("    闲置项目被成功盘活,")


def test_a_refusal_in_json_lists_the_closest_passages_and_cites_nothing(seed_store_dir, seed_settings):
    from qa.store import Store

    data = json.loads(ask(seed_store_dir, "--json", INVESTMENT_Q).stdout)
    assert data["refused"] is True and data["citations"] == []
    # `short_answer` (null for a refusal) and `passages` are new; the rest of `qa ask --json` is as it was.
    assert list(data) == ["question", "answer", "refused", "mode", "citations", "timings", "support", "gaps",
                          "note", "model", "usage", "short_answer", "passages"]
    assert data["short_answer"] is None
    passages = data["passages"]
    assert [p["n"] for p in passages] == [1, 2, 3]
    for p in passages:
        assert set(p) == {"n", "source", "title", "chunk_id", "text", "score"}
        [hit] = Store.open(seed_settings).fetch_hits([p["chunk_id"]])
        assert p["text"] == hit.text and p["title"] == hit.title and p["source"] == hit.source
    assert "华强广场" in passages[0]["text"]
    assert passages[0]["score"] >= passages[1]["score"] >= passages[2]["score"] > 0


def test_an_answer_lists_its_citations_and_no_closest_passages(seed_store_dir):
    data = json.loads(ask(seed_store_dir, "--json", JOBS_Q).stdout)
    assert not data["refused"] and data["citations"] and data["passages"] == []
    assert data["short_answer"] == "1000个"
    assert "Closest passages" not in ask(seed_store_dir, JOBS_Q).stdout


def test_an_answer_shows_the_short_answer_first_then_its_quote_and_one_line_per_source(seed_store_dir):
    lines = ask(seed_store_dir, JOBS_Q).stdout.splitlines()
    assert lines[0] == "1000个"
    assert lines[1].endswith("可创造1000个就业岗位。[1]") and lines[2].startswith("(extractive) support")
    assert lines[3:] == ["[1] 良好营商环境提升发展韧性 · seeds/000_59cfcece24790523.txt"]


def test_a_question_refused_before_retrieval_has_no_passages(seed_store_dir):
    data = json.loads(ask(seed_store_dir, "--json", "？？？").stdout)
    assert data["refused"] and data["passages"] == []


# -- 6. every line of a passage indented ----------------------------------------------------------------
def test_every_line_of_a_cited_passage_is_indented_under_its_heading(seed_store_dir):
    out = ask(seed_store_dir, "--full", JOBS_Q).stdout
    block = passage_block(out, "Sources")
    assert block[0] == "[1] 良好营商环境提升发展韧性 · seeds/000_59cfcece24790523.txt"
    passage = block[1:]
    assert len(passage) >= 2  # the cited passage has a second paragraph...
    assert all(line.startswith("    ") for line in passage)  # ...indented like the first
    assert passage[1].startswith("    闲置项目被成功盘活")


def test_passage_text_stays_text(hash_settings):
    """Markup and controls in a passage are shown as written / removed, on every indented line."""
    from qa.ingest.pipeline import ingest

    doc = hash_settings.store.parent / "doc.txt"
    doc.write_text("[bold]标题[/bold] 测试\n\n华强广场项目签约率达98%[red]。\x1b[31m\n\n第二段:[link=x]点击[/link]说明文字足够长。\n",
                   encoding="utf-8")
    ingest([doc], hash_settings)
    env = {"QA_EMBED": "hash", "QA_REFUSAL_THRESHOLD": "0"}
    out = ask(hash_settings.store, "--full", "签约率是多少?", env=env).stdout
    assert "\x1b" not in out
    lines = passage_block(out, "Sources")[1:]
    assert lines and all(line.startswith("    ") for line in lines)
    assert "98%[red]。" in out and "[link=x]点击[/link]" in out


# -- 5. LLM answers as Markdown on a terminal, as written when piped ---------------------------------
MARKDOWN_REPLY = "**华强广场**项目计划明年1月开业。[1]\n\n- 可创造1000个就业岗位 [1]\n- 签约率达98% [1]"


def llm_env(url: str, **extra: str) -> dict[str, str]:
    return {**cli_env(url, QA_LLM_TIMEOUT="10", QA_LLM_MAX_WAIT="20"), **extra}


def spawn_ask(store, env: dict[str, str], *args: str):
    terminal = {"COLUMNS": "100", "LINES": "40", "TERM": "xterm-256color"}
    return spawn_qa("ask", "--store", store, *args, env={**terminal, **env},
                    unset=("NO_COLOR", "FORCE_COLOR", "TTY_COMPATIBLE"))


def finish(child) -> str:
    import pexpect

    # 120 s, not pexpect's 30: a cold `qa ask` took 13 s at load 13-16 (helpers measuring), and a
    # streamed answer's redraws on top of it ran past 30 s (taller_than_the_terminal failed so)
    child.expect(pexpect.EOF, timeout=120)
    child.close()
    assert child.exitstatus == 0, child.before
    assert "Traceback" not in child.before and KEY not in child.before
    return child.before


def final_screen(raw: str) -> str:
    """The text a terminal of `spawn_ask`'s size holds once re-rendering is over (`terminal_lines`)."""
    return "\n".join(terminal_lines(raw, 100, 40))


def terminal_lines(raw: str, columns: int, lines: int) -> list[str]:
    """Every line a terminal of that size holds after `raw` (a VT100 emulator, pyte): the lines
    scrolled off the top, then the screen."""
    import pyte

    screen = pyte.HistoryScreen(columns, lines, history=10_000, ratio=1)
    pyte.Stream(screen).feed(raw)
    rows = list(screen.history.top) + [screen.buffer[y] for y in range(lines)]
    return ["".join(row[x].data for x in range(columns)).rstrip() for row in rows]


@pytest.mark.slow
def test_a_terminal_renders_a_streamed_llm_answer_as_markdown(openai_server, seed_store_dir):
    openai_server.reply(MARKDOWN_REPLY, chunk_chars=6, chunk_delay=0.25)
    child = spawn_ask(seed_store_dir, llm_env(openai_server.url), JOBS_Q)
    child.expect_exact("华强广场")
    first = time.perf_counter()
    child.expect_exact("000_59cfcece24790523.txt")  # the source line, after the answer
    assert time.perf_counter() - first > 1.0  # shown while the other chunks were still coming
    raw = child.before + child.after + finish(child)
    assert openai_server.chat_requests()[0].body["stream"] is True
    screen = final_screen(raw)
    answer = screen[:screen.index("(llm, test-model)")]
    assert "**" not in answer and "华强广场项目计划明年1月开业。[1]" in answer  # bold, markers kept as [n]
    assert re.search(r"• 可创造1000个就业岗位 \[1\]", answer)  # a list item, not "- …"
    assert "checked:" not in screen  # the streamed text was the checked answer: not printed twice
    assert "\x1b[1m" in raw and "\x1b[1;36m[1]" in raw  # bold text, bold cyan markers


THINKING_REPLY = "<think>段落1说可创造1000个岗位, 2 < 3</think>\n\n华强广场项目可创造1000个就业岗位。[1]"
REASONING = "段落1说"


def test_a_terminal_shows_thinking_not_the_reasoning_then_the_answer_once(openai_server, seed_store_dir):
    # Qwen3 or DeepSeek-R1 behind an OpenAI-compatible API streams its reasoning inline first.
    openai_server.reply(THINKING_REPLY, chunk_chars=3, chunk_delay=0.1)
    child = spawn_ask(seed_store_dir, llm_env(openai_server.url), JOBS_Q)
    child.expect_exact("thinking…")
    raw = child.before + child.after + finish(child)
    assert REASONING not in raw and "think>" not in raw  # not in any frame, not even for a moment
    screen = final_screen(raw)
    assert "华强广场项目可创造1000个就业岗位。[1]" in screen and "thinking…" not in screen
    assert "checked:" not in screen  # the reasoning left out, the stream was the answer: printed once


def test_a_plain_terminal_streams_the_answer_without_the_reasoning(openai_server, seed_store_dir):
    # NO_COLOR: pieces are written as they come, so the reasoning is held back piece by piece.
    openai_server.reply(THINKING_REPLY, chunk_chars=2, chunk_delay=0.02)
    out = finish(spawn_ask(seed_store_dir, llm_env(openai_server.url, NO_COLOR="1"), JOBS_Q)).replace("\r", "")
    assert REASONING not in out and "think>" not in out and "checked:" not in out
    assert out.count("华强广场项目可创造1000个就业岗位。[1]") == 1, out


def test_a_reply_cut_off_while_thinking_is_an_empty_answer_not_the_reasoning(openai_server, seed_store_dir):
    openai_server.reply("<think>段落1说可创造1000个岗位, 段落2", chunk_chars=4, finish_reason="length")
    result = invoke("ask", "--store", seed_store_dir, "--mode", "llm", JOBS_Q, env=llm_env(openai_server.url))
    assert result.exit_code != 0 and "QA_LLM_MAX_TOKENS" in result.output
    assert REASONING not in result.output and "Traceback" not in result.output


# 30 paragraphs told apart by letters (a number the passage lacks would make the citation weak).
TAGS = [f"{a}{b}" for a in "pq" for b in "abcdefghijklmno"]
TALL_REPLY = "\n\n".join(f"段落{t}:华强广场项目计划明年1月开业,可创造1000个就业岗位。[1]" for t in TAGS)


def test_a_streamed_answer_taller_than_the_terminal_is_drawn_once(openai_server, seed_store_dir):
    # rich's Live cannot move the cursor above the top of the screen: redrawing a block taller
    # than the terminal leaves copies of it in the scrollback.
    openai_server.reply(TALL_REPLY, chunk_chars=8, chunk_delay=0.01)
    child = spawn_ask(seed_store_dir, llm_env(openai_server.url, COLUMNS="80", LINES="12"), JOBS_Q)
    child.setwinsize(12, 80)
    held = terminal_lines(finish(child), 80, 12)
    counts = {t: sum(1 for line in held if line.startswith(f"段落{t}:")) for t in TAGS}
    assert set(counts.values()) == {1}, (counts, held)
    assert "checked:" not in held


def test_bold_being_streamed_is_never_shown_as_raw_asterisks(openai_server, seed_store_dir):
    # Pieces of 3 characters, 0.05 s apart: the closing "**" comes about 0.6 s after the opening one.
    openai_server.reply("**华强广场项目计划明年1月开业,可创造1000个就业岗位,签约率达98%**。[1]",
                        chunk_chars=3, chunk_delay=0.05)
    raw = finish(spawn_ask(seed_store_dir, llm_env(openai_server.url), JOBS_Q))
    assert "*" not in ANSI.sub("", raw)  # in no frame
    assert "华强广场项目计划明年1月开业,可创造1000个就业岗位,签约率达98%。[1]" in final_screen(raw)


def test_a_terminal_renders_a_whole_llm_answer_as_markdown(openai_server, seed_store_dir):
    openai_server.reply(MARKDOWN_REPLY)
    child = spawn_ask(seed_store_dir, llm_env(openai_server.url), "--no-stream", JOBS_Q)
    screen = ANSI.sub("", finish(child)).replace("\r", "")
    assert "**" not in screen and "• 可创造1000个就业岗位 [1]" in screen and "· seeds/000_59cfcece24790523.txt" in screen


def test_no_color_prints_the_llm_answer_as_written(openai_server, seed_store_dir):
    openai_server.reply(MARKDOWN_REPLY, chunk_chars=6)
    child = spawn_ask(seed_store_dir, llm_env(openai_server.url, NO_COLOR="1"), JOBS_Q)
    out = finish(child).replace("\r", "")
    assert MARKDOWN_REPLY.split("\n")[0] in out and "- 可创造1000个就业岗位 [1]" in out and "\x1b[1A" not in out


def test_piped_output_prints_the_llm_answer_as_written(openai_server, seed_store_dir):
    openai_server.reply(MARKDOWN_REPLY)
    out = ask(seed_store_dir, JOBS_Q, env=llm_env(openai_server.url)).stdout
    assert out.startswith(MARKDOWN_REPLY + "\n(llm, test-model)")


@pytest.mark.parametrize("reply", [
    "[1]: http://evil.example 华强广场\n\n项目可创造1000个就业岗位。[1]",
    "项目可创造1000个就业岗位。[1](http://evil.example) <b>粗体</b> <http://evil.example>",
])
def test_markdown_rendering_makes_no_links_or_html_of_a_reply(openai_server, seed_store_dir, reply):
    openai_server.reply(reply)
    child = spawn_ask(seed_store_dir, llm_env(openai_server.url), "--no-stream", JOBS_Q)
    raw = finish(child)
    screen = ANSI.sub("", raw).replace("\r", "")
    assert "\x1b]8;" not in raw  # no terminal hyperlink
    assert "http://evil.example" in screen and "[1]" in screen  # shown as written, not hidden in a link
    if "<b>" in reply:
        assert "<b>粗体</b>" in screen
