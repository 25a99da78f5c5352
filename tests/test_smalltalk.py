"""Lines that ask nothing of the articles (qa/text/smalltalk.py, the `small_talk` and `exit_word`
classes of qa/text/lexicon/*.toml): refused with a reason that says what `qa` answers, in `qa ask`
(screen and --json) and through the read path; real questions never taken for small talk. And the
refusal after a --source filter that matched nothing says so (issue 23)."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from support.cli import run_qa
from qa.text import lexicon
from qa.text.smalltalk import FOLLOW_UP, REASONS, SEARCH_WORDS, follows_nothing, leaves_chat, nothing_to_answer

ROOT = Path(__file__).resolve().parents[1]
SMALL_TALK_SET = ROOT / "eval" / "bench" / "data" / "smalltalk.txt"


def entries(*classes: str) -> list[str]:
    return [w for c in classes for w in lexicon.words(c)]


# -- every word of the classes, as typed ------------------------------------------------------------
@pytest.mark.parametrize("word", entries("small_talk", "exit_word"))
@pytest.mark.parametrize("typed", ["{}", "{}!", " {}？ ", "{}..."])
def test_each_word_alone_is_nothing_to_answer(word, typed):
    line = typed.format(word)
    reason = nothing_to_answer(line)
    assert reason == (REASONS["zh"] if any("\u4e00" <= ch <= "\u9fff" for ch in word) else REASONS["en"])


@pytest.mark.parametrize("word", [w for w in entries("small_talk", "exit_word") if w.isascii()])
def test_english_words_match_in_any_case(word):
    assert nothing_to_answer(word.upper()) and nothing_to_answer(word.title())


# Traditional forms that differ from the Simplified words written in the lexicon: folded first.
TRADITIONAL = ["謝謝", "謝謝你", "多謝", "感謝", "測試", "測試一下", "再見", "幫助", "在嗎", "你是誰", "你能做什麼",
               "你們好", "哈囉", "不客氣", "沒事", "沒問題", "對"]


@pytest.mark.parametrize("line", TRADITIONAL)
def test_traditional_forms_are_small_talk_and_answered_in_traditional(line):
    assert nothing_to_answer(line) == REASONS["zh-Hant"]


@pytest.mark.parametrize("line", ["ok, thanks!", "hi there, thank you", "好的，谢谢！", "嗯嗯 好的", "thanks bye"])
def test_several_small_talk_words_in_a_row(line):
    assert nothing_to_answer(line)


# Questions that hold a small-talk word, or are as short: about the articles, never refused for it.
QUESTIONS = ["test results of the plan?", "How many jobs are created", "What is /etc/passwd", "help desk hours?",
             "who are you referring to in the plan?", "华强广场在哪里?", "谢谢是什么意思?", "测试认证的费用是多少?",
             "你好吗是谁唱的?", "黑河", "hint", "Okay Plaza", "再见面是哪一年?", "quit smoking policy"]


@pytest.mark.parametrize("question", QUESTIONS)
def test_a_question_with_a_small_talk_word_is_a_question(question):
    assert nothing_to_answer(question) == ""


# Chinese words spaced apart with no asking word but a question mark: search words, no question
# (qa.text.smalltalk.keyword_list; the seed probe's u092, u096, u098)
KEYWORD_LISTS = [("脑机接口 的 的 的 ？？", True), ("黑河 石家庄 2022 256", True), ("机脑口接 企业 哪 年", True),
                 ("華強廣場 簽約率", True),
                 # a spaced line that asks, spaces around a number or a Latin name, or no space at all
                 ("洛拉·帕尼亚尼 会讲哪些语言？", False), ("《卡美拉 大怪兽空中决战》在哪一年上映的？", False),
                 ("从 1892 年起他在纽约担任了什么职务？", False), ("华强广场的签约率？", False), ("北京的人口", False)]


@pytest.mark.parametrize("line, listed", KEYWORD_LISTS)
def test_a_list_of_search_words_is_nothing_to_answer(line, listed):
    from qa.text.smalltalk import keyword_list

    assert keyword_list(line) is listed
    # told how to ask it, in the script it was typed in
    lang = "zh-Hant" if "華" in line else "zh"
    assert nothing_to_answer(line) == (SEARCH_WORDS[lang] if listed else "")


def gold_questions() -> list[str]:
    out = []
    for path in (ROOT / "eval" / "gold" / "seed.jsonl", ROOT / "eval" / "bench" / "data" / "train30_en.jsonl",
                 ROOT / "eval" / "bench" / "data" / "train30_nearmiss.jsonl"):
        out += [json.loads(line)["question"] for line in path.read_text(encoding="utf-8").splitlines() if line.strip()]
    return out


def test_no_gold_question_is_small_talk():
    questions = gold_questions()
    assert len(questions) > 150
    assert [q for q in questions if nothing_to_answer(q)] == []


@pytest.mark.parametrize("word", entries("exit_word"))
def test_an_exit_word_alone_leaves_the_chat(word):
    assert leaves_chat(word) and leaves_chat(f" {word.upper()}! ")


@pytest.mark.parametrize("line", ["thanks", "clear", "help", "bye thanks", "quit smoking", "exit polls?", "你好"])
def test_other_lines_do_not_leave_the_chat(line):
    assert not leaves_chat(line)


# -- the small-talk set, through the read path ------------------------------------------------------
def small_talk_set() -> list[str]:
    return [line.strip() for line in SMALL_TALK_SET.read_text(encoding="utf-8").splitlines() if line.strip()]


def test_the_small_talk_set_is_large_enough_and_in_both_languages():
    lines = small_talk_set()
    assert len(lines) >= 40
    assert sum(line.isascii() for line in lines) >= 20 and sum(not line.isascii() for line in lines) >= 20


def test_every_line_of_the_small_talk_set_is_refused_with_the_reason(seed_settings):
    from qa.ask import ask
    from qa.types import Mode

    answered = []
    for line in small_talk_set():
        answer = ask(line, seed_settings, mode=Mode.EXTRACTIVE)
        if not (answer.refused and not answer.citations and answer.note in [*REASONS.values(), *SEARCH_WORDS.values()]):
            answered.append((line, answer.answer, answer.note))
    print(f"\nsmall-talk set: {len(small_talk_set()) - len(answered)} of {len(small_talk_set())} refused")
    assert answered == []


# -- the real CLI -----------------------------------------------------------------------------------
@pytest.mark.parametrize("line, reason", [("hello", REASONS["en"]), ("thanks", REASONS["en"]), ("quit", REASONS["en"]),
                                          ("你好", REASONS["zh"]), ("測試", REASONS["zh-Hant"])])
def test_qa_ask_json_refuses_small_talk_with_the_reason(seed_store_dir, line, reason):
    r = run_qa("ask", "--store", seed_store_dir, "--json", line)
    assert r.returncode == 0, r.stderr
    data = json.loads(r.stdout)
    assert data["refused"] is True and data["citations"] == [] and data["note"] == reason


def test_qa_ask_screen_says_what_to_ask(seed_store_dir):
    r = run_qa("ask", "--store", seed_store_dir, "hello")
    assert r.returncode == 0, r.stderr
    assert "refused" in r.stdout and "ask a question about the articles" in r.stdout
    assert "Sources" not in r.stdout


def test_a_filter_that_matches_nothing_is_named_in_the_refusal(seed_store_dir):
    r = run_qa("ask", "--store", seed_store_dir, "--source", "nomatch*", "华强广场在哪里?")
    assert r.returncode == 0, r.stderr
    assert "no article matches --source 'nomatch*'" in r.stdout
    r = run_qa("ask", "--store", seed_store_dir, "--json", "--source", "nomatch*", "--title", "无此标题", "华强广场在哪里?")
    data = json.loads(r.stdout)
    assert data["refused"] is True and "no article matches --source 'nomatch*' and --title '无此标题'" in data["note"]


def test_a_filter_that_matches_is_not_named(seed_store_dir):
    data = json.loads(run_qa("ask", "--store", seed_store_dir, "--json", "--source", "seeds/*", "华强广场在哪里?").stdout)
    assert data["refused"] is False and "no article matches" not in data["note"]


# -- a follow-up with nothing before it ---------------------------------------------------------------
@pytest.mark.parametrize("line, bare", [
    ("那上海呢？", True), ("2027年之后呢?", True), ("华强广场呢", True), ("然后呢？", True), ("華強廣場呢", True),
    ("what about Shanghai?", True), ("How about Beijing?", True), ("and then?", True),
    ("上海的人口呢？", False), ("签约率呢?", False),  # an attribute asked: a question of its own
    ("北京的方案有效期到哪一年呢？", False),  # a question word asking of something named
    ("为什么呢？", True), ("在哪里？", True), ("具体是多少？", True), ("他们是谁?", True), ("那是什么时候呢", True),
    ("哪一年？", True),  # question words, pronouns and particles alone: nothing named to ask of (empty_ask)
    ("这个数字是多少？", False), ("他们什么时候开始的？", False),  # a thing or an act named: left to the answerer
    ("what about the budget?", False), ("And who founded it?", False),  # a thing asked; a question of its own
    ("华强广场在哪里?", False), ("上海", False),
])
def test_a_bare_follow_up_is_told_to_ask_the_whole_question(line, bare):
    assert bool(follows_nothing(line)) is bare


def test_no_gold_question_is_a_bare_follow_up():
    questions = gold_questions()
    assert [q for q in questions if follows_nothing(q)] == []


@pytest.mark.parametrize("line, reason", [("那上海呢？", FOLLOW_UP["zh"]), ("what about Shanghai?", FOLLOW_UP["en"])])
def test_qa_ask_refuses_a_bare_follow_up_with_the_reason(seed_store_dir, line, reason):
    # the nearest sentence about 上海 was quoted at support 1.00 for "那上海呢？"
    r = run_qa("ask", "--store", seed_store_dir, "--json", line)
    assert r.returncode == 0, r.stderr
    data = json.loads(r.stdout)
    assert data["refused"] is True and data["citations"] == [] and data["note"] == reason
