"""The answer named by the kind a question asks for (qa.answer.heads), through the picker
(qa.answer.short.short_answer) as `qa ask` reads it: each row a question, its quote and the short
answer; each word of `not_head`, `not_head_lead` and `name_lead` in zh.toml is used by a row."""

from __future__ import annotations

import pytest

from qa.answer.heads import headed
from qa.answer.short import _ASK, short_answer
from qa.text import lexicon
from qa.text.cjk import fold

HEADED = [
    # (question, quote, short answer): a word ending with the kind (国, 条约)...
    ("乙巳條約是日本與哪一國簽的條約？", "1905年11月17日，大韓帝國被迫與日本簽訂不平等條約《乙巳條約》。", "大韓帝國"),
    ("成為第一個見到吉力馬札羅山的歐洲人是哪一國人?", "1848年，德國人Johannes Rebmann成為第一個見到吉力馬札羅山的歐洲人。", "德國人"),
    ("史特拉斯堡曾經是歐洲最大的哪一個會堂之一?", "史特拉斯堡的大猶太會堂曾是歐洲最大的猶太會堂之一。", "猶太會堂"),
    # ...or with its head, the first character of a two-character kind (制度 -> 盟旗制)
    ("蒙古游牧地区以什么制度进行行政规划?", "清朝时蒙古游牧地区实行盟旗制。", "盟旗制"),
    # a date before the word is no part of it; digits right before the ending are
    ("建立民法典的重要一步是什么法律的通过?", "2007年3月16日物权法的通过是建立民法典的重要一步。", "物权法"),
    ("昆明第一条快速公交线路为哪一路的公车?", "昆明第一条快速公交线路是开通于2009年的236路。", "236路"),
]

NOT_HEADED = [
    # the sentence says too few of the question's words: it is about something else
    ("蒙古游牧地区以什么制度进行行政规划?", "英国实行议会制。"),
    # a head alone ends a name only where the word ends (工人 is no 工作)
    ("文革期间，马飚从事什么工作?", "文化大革命期间，马飚在广西柳州钢铁厂当工人。"),
]


@pytest.mark.parametrize("question, quote, expected", HEADED)
def test_a_word_ending_with_the_kind_asked_is_the_answer(question, quote, expected):
    assert short_answer(question, [quote]) == expected


@pytest.mark.parametrize("question, quote", NOT_HEADED)
def test_no_word_is_taken_where_the_sentence_or_the_word_does_not_fit(question, quote):
    assert short_answer(question, [quote]) is None


def _headed(question: str, quote: str) -> str | None:
    q = fold(question).rstrip("?？")
    span = headed(q, _ASK.search(q), fold(quote))
    return fold(quote)[span[0]:span[1]] if span else None


def test_the_control_row_is_answered():
    # the rows below differ from this one by one word only
    assert _headed("蒙古游牧地区以什么制度进行行政规划?", "清朝时蒙古游牧地区盟旗制。") == "盟旗制"
    assert _headed("蒙古游牧地区以什么制度为行政规划?", "清朝时蒙古游牧地区盟旗制度。") == "盟旗制度"


@pytest.mark.parametrize("word", lexicon.words("name_lead"))
def test_the_verb_before_the_name_is_no_part_of_it(word):
    assert _headed("蒙古游牧地区以什么制度进行行政规划?", f"清朝时蒙古游牧地区{word}盟旗制。") == "盟旗制"


@pytest.mark.parametrize("word", lexicon.words("not_head_lead"))
def test_a_word_that_points_back_or_counts_names_nothing(word):
    assert _headed("蒙古游牧地区以什么制度进行行政规划?", f"清朝时蒙古游牧地区{word}盟旗制。") is None


@pytest.mark.parametrize("word", lexicon.words("not_head"))
def test_a_noun_that_names_no_kind_asks_by_no_ending(word):
    assert _headed(f"蒙古游牧地区以什么{word}为行政规划?", f"清朝时蒙古游牧地区盟旗{word}。") is None
