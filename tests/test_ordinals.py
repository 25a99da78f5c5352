"""A rank asked by its noun (第几产业) is the rank the sentence writes with that noun, nearest to the
question's words (qa.answer.ordinals), through the picker (qa.answer.short.short_answer) as `qa ask`
reads it; `ordinal_span` in zh.toml by a row each of the numbers it reads."""

from __future__ import annotations

import pytest

from qa.answer.ordinals import ranked
from qa.answer.short import short_answer

RANKS = [
    # (question, quote, short answer)
    ("以金融相關產業為主的是第幾產業?", "史特拉斯堡的第二產業發達，種類繁多，第三產業以金融相關產業與商業研究為主。", "第三產業"),
    ("德國第幾大的城市為美茵河畔法蘭克福?", "法蘭克福是黑森邦的第一大城市，也是德國的第五大城市。", "第五大城市"),  # 大的城市 -> 大城市
    ("以金融相关产业为主的是第几产业?", "第二产业发达，第三产业业务以金融相关产业为主。", "第三产业"),  # no more than the noun's length
]

NOT_RANKS = [
    # (question, quote): no rank certain
    ("以金融相关产业为主的是第几产业?", "第二产业和第三产业都很发达。"),  # two, and none near the question's words
    ("第三产业以外的是第几产业?", "第三产业发达。"),  # the question's own
    ("以金融相关产业为主的是第几产业?", "金融相关产业为主。"),  # no rank
]


@pytest.mark.parametrize("question, quote, expected", RANKS)
def test_the_rank_with_the_questions_noun_answers_which_rank(question, quote, expected):
    assert short_answer(question, [quote]) == expected


@pytest.mark.parametrize("question, quote", NOT_RANKS)
def test_no_rank_where_none_is_certain(question, quote):
    assert short_answer(question, [quote]) is None


@pytest.mark.parametrize("number", ["3", "12", "三", "十二"])
def test_ordinal_span_reads_digits_and_numerals(number):
    text = f"该市第2产业发达，第{number}产业以金融相关产业为主。"
    found = ranked("以金融相关产业为主的是第几产业", text)
    assert text[found[0]:found[1]] == f"第{number}产业"
