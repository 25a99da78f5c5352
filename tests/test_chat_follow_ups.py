"""`qa chat` follow-ups that lean on the last turn are answered from the article it cited first
(issue 23 point 3): two articles about two districts named 新华区 both say who heads the district's
发展和改革局; asked of the whole store, the rewritten follow-up "新华区发展和改革局局长是谁?" finds
the other district's article (it says the words more often), but the conversation was about the
one the last answer cited. The real program, piped (`chat_cli`) and in a pseudo-terminal (`Chat`),
over a real store in a temp dir (hash embedder), the LLM mode against the scripted server."""

from __future__ import annotations

import json
import re
from pathlib import Path

import pytest

from support.chat import Chat, chat_cli
from support.cli import run_qa
from support.scripted import PASSAGE, cli_env

SHIJIAZHUANG = ("石家庄新华区经济稳中向好\n\n今年上半年,石家庄市新华区全区生产总值达到312亿元,同比增长6.1%。"
                "新华区发展和改革局局长张明介绍,全区新开工项目42个,营商环境持续改善。\n")
CANGZHOU = ("沧州新华区推进项目建设\n\n沧州市新华区发展和改革局局长李华表示,新华区发展和改革局将继续推进重点项目建设。"
            "今年,新华区计划完成固定资产投资80亿元。\n")
CITED_LAST = "石家庄新华区经济稳中向好"
FIRST = "新华区今年上半年全区生产总值是多少?"
FOLLOW_UP = "该区发展和改革局局长是谁?"
STANDALONE = "新华区发展和改革局局长是谁?"
HASH = {"QA_EMBED": "hash"}


@pytest.fixture(scope="module")
def districts(tmp_path_factory) -> Path:
    from qa.config import load_settings
    from qa.ingest.pipeline import ingest

    folder = tmp_path_factory.mktemp("districts")
    (folder / "docs").mkdir()
    (folder / "docs" / "shijiazhuang.txt").write_text(SHIJIAZHUANG, encoding="utf-8")
    (folder / "docs" / "cangzhou.txt").write_text(CANGZHOU, encoding="utf-8")
    report = ingest([folder / "docs"], load_settings({"store": str(folder / "store"), "embed": "hash"}, env={}))
    assert report.ingested == 2 and not report.failed
    return folder / "store"


def test_the_whole_store_alone_answers_the_follow_up_from_the_other_district(districts):
    """The case is real: asked on its own, the rewritten follow-up is answered from 沧州."""
    r = run_qa("ask", "--store", districts, "--mode", "extractive", "--json", STANDALONE, env=HASH)
    answer = json.loads(r.stdout)
    assert "李华" in answer["answer"] and "cangzhou" in answer["citations"][0]["source"]


def test_piped_json_follow_up_is_answered_from_the_article_cited_last(districts):
    r = chat_cli(districts, "--mode", "extractive", "--json", stdin=f"{FIRST}\n{FOLLOW_UP}\n", env=HASH)
    assert r.returncode == 0, r.stderr
    first, follow = [json.loads(line) for line in r.stdout.splitlines() if line.strip()]
    assert first["searched_first"] == [] and "shijiazhuang" in first["citations"][0]["source"]
    assert follow["standalone"] == STANDALONE
    assert [a["title"] for a in follow["searched_first"]] == [CITED_LAST]
    assert follow["answered_first"] is True
    assert "张明" in follow["answer"] and "李华" not in follow["answer"]
    assert {Path(c["source"]).name for c in follow["citations"]} == {"shijiazhuang.txt"}


def test_a_follow_up_the_cited_article_cannot_answer_is_asked_of_the_whole_store(districts):
    r = chat_cli(districts, "--mode", "extractive", "--json", stdin=f"{FIRST}\n该区计划完成多少固定资产投资?\n", env=HASH)
    follow = [json.loads(line) for line in r.stdout.splitlines() if line.strip()][1]
    assert [a["title"] for a in follow["searched_first"]] == [CITED_LAST]
    assert follow["answered_first"] is False and not follow["refused"]
    assert "80亿元" in follow["answer"] and "cangzhou" in follow["citations"][0]["source"]


def test_a_question_that_stands_alone_is_not_searched_first_in_the_last_article(districts):
    r = chat_cli(districts, "--mode", "extractive", "--json", stdin=f"{FIRST}\n沧州市新华区发展和改革局局长是谁?\n",
                 env=HASH)
    follow = [json.loads(line) for line in r.stdout.splitlines() if line.strip()][1]
    assert follow["searched_first"] == [] and "李华" in follow["answer"]


def test_piped_text_says_what_was_searched_first(districts):
    r = chat_cli(districts, "--mode", "extractive", stdin=f"{FIRST}\n{FOLLOW_UP}\n", env=HASH)
    second = r.stdout.strip().split("\n\n")[1]
    assert f"(searched: {STANDALONE})" in second
    assert f"(searched first in the article cited last: {CITED_LAST})" in second
    assert "张明" in second and "李华" not in second


@pytest.mark.slow
def test_the_terminal_shows_the_article_searched_first_and_why_says_it_answered(districts, tmp_path):
    from support.chat import copy_store

    store = copy_store(districts, tmp_path / "store")
    chat = Chat(store, "--mode", "extractive", env=HASH)
    chat.prompt()
    chat.run(FIRST, "support")
    shown = chat.run(FOLLOW_UP, "support")
    assert f"↳ {STANDALONE}" in shown
    assert f"↳ searched first in the article cited last: {CITED_LAST}" in shown
    assert "张明" in shown and "李华" not in shown
    why = chat.run("/why", "support")
    assert "answered from it" in why
    assert chat.quit() == 0


def first_passage(body: dict) -> str:
    """A model that rewrites a follow-up as the rules would, and answers with passage 1's first sentence."""
    user = body["messages"][-1]["content"]
    if "Follow-up question" in user:
        return STANDALONE
    n, _, _, text = PASSAGE.findall(user)[0]
    return re.split(r"(?<=[。！？])", text)[0] + f"[{n}]"


def test_llm_mode_shows_the_model_the_article_cited_last_with_no_extra_call(districts, openai_server):
    openai_server.reply(first_passage).reply(first_passage).reply(first_passage)
    r = chat_cli(districts, "--mode", "llm", "--json", stdin=f"{FIRST}\n{FOLLOW_UP}\n",
                 env={**HASH, **cli_env(openai_server.url)})
    assert r.returncode == 0, r.stderr
    follow = [json.loads(line) for line in r.stdout.splitlines() if line.strip()][1]
    assert follow["standalone"] == STANDALONE
    assert [a["title"] for a in follow["searched_first"]] == [CITED_LAST] and follow["answered_first"] is True
    requests = openai_server.chat_requests()
    assert len(requests) == 3  # the first answer, the rewrite, the follow-up's answer
    shown = requests[-1].messages[-1]["content"]
    assert "张明" in shown and "李华" not in shown


ECOSYSTEM = ("By which year does the national implementation opinion on the brain-computer interface industry aim to "
             "build an internationally competitive industrial ecosystem?")


@pytest.mark.parametrize("question, leans", [
    ("什么时候开业?", True),  # no subject: the plaza just asked about
    ("开业时间是什么时候?", True),
    ("能创造多少就业岗位?", True),
    ("How many jobs are created?", True),
    ("华强广场项目什么时候开业?", False),  # names its subject
    ("沧州市新华区发展和改革局局长是谁?", False),
    ("What is the budget of Heihe?", False),
    ("在美国热销的那款脑机接口冥想系统，除了监测和干预精神疾病，还能用来做什么?", False),  # long: says what it is about
    (ECOSYSTEM, False),
])
def test_which_questions_lean_on_the_last_turn(question, leans):
    from qa.chat.rewrite import leans_on_last

    assert leans_on_last(question) is leans


@pytest.mark.slow
def test_a_long_english_question_is_not_answered_from_the_last_article(chat_store):
    """Its nearest sentence in the plaza's article reads similar enough to be quoted (support 0.35):
    asked first there, it was answered with the plaza's occupancy rate."""
    r = chat_cli(chat_store, "--mode", "extractive", "--json",
                 stdin=f"What is the occupancy rate of Huaqiang Plaza?\n{ECOSYSTEM}\n")
    follow = [json.loads(line) for line in r.stdout.splitlines() if line.strip()][1]
    assert follow["searched_first"] == [] and "签约率" not in follow["answer"]
