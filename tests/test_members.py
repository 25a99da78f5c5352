"""A figure said of the other member of a pair the question asks one of (qa.answer.members), and
the lexicon's `contrast_pair` classes."""

import re

import pytest

from qa.answer.latin_slots import worded_gaps
from qa.answer.members import member_elsewhere
from qa.answer.slots import gaps
from qa.text import lexicon

_LYREBIRD = ("Males reach up to about 100 centimetres in length, more than half of which is tail, while the females are "
             "smaller and browner, with shorter and plainer tails.")
_QINNIAO = "雄鸟身长可达约100厘米，其中一半以上是尾巴，而雌鸟体型较小、颜色更偏褐色，尾羽也更短、更朴素。"


@pytest.mark.parametrize("question, quote, expected", [
    ("How long is a female superb lyrebird?", _LYREBIRD, "males"),
    ("How long is a male superb lyrebird?", _LYREBIRD, ""),
    ("How long are the females?", "Males reach 100 centimetres, and females reach 75 centimetres.", ""),
    ("How long is a female lyrebird?", "Males reach up to about 100 centimetres in length.", "males"),  # only the other
    ("How heavy is the lyrebird?", _LYREBIRD, ""),  # no member asked
    ("¿Cuánto mide la hembra?", "Los machos miden unos 90 centímetros, mientras que las hembras son menores.", "machos"),
    ("雌性华丽琴鸟的身长是多少？", _QINNIAO, "雄"),
    ("雄性华丽琴鸟的身长是多少？", _QINNIAO, ""),
    ("雌鸟一次产几枚卵？", "雌鸟只产一枚卵，并独自孵卵约五十天。", ""),
    # a length asked: a count of feathers is no figure of it (zh_xwiki19's near miss, its whole quote)
    ("雌性华丽琴鸟的身长是多少？", "华丽琴鸟因雄鸟华丽的尾羽而得名，其两根宽阔的外侧尾羽弯曲得就像里拉琴的两臂。" + _QINNIAO, "雄"),
    ("雌性华丽琴鸟的身长是多少？", "雌鸟身长约80厘米，有两根尾羽，雄鸟身长可达约100厘米。", ""),
])
def test_member_elsewhere(question, quote, expected):
    assert member_elsewhere(question, quote, True) == expected


def test_only_a_figure_asked_is_read():
    assert member_elsewhere("Which colour is the female?", _LYREBIRD, False) == ""


def test_the_slot_checks_read_it():
    assert ("elsewhere", "males") in [(g.kind, g.detail) for g in worded_gaps("How long is a female lyrebird?", _LYREBIRD, "")]
    assert ("elsewhere", "雄") in [(g.kind, g.detail) for g in gaps("雌性华丽琴鸟的身长是多少？", _QINNIAO, "")]


@pytest.mark.parametrize("language", ["en", "es", "zh"])
def test_every_pair_is_symmetric(language):
    pairs = lexicon.glossary("contrast_pair", language)
    for asked, other in pairs.items():
        assert pairs[other] == asked


@pytest.mark.parametrize("language", ["en", "es"])
def test_no_member_says_its_other(language):
    """Word patterns: "females" is no "males" (the pattern is bounded by the words around it)."""
    for asked, other in lexicon.glossary("contrast_pair", language).items():
        sample = re.sub(r"\[(.)[^\]]*\]", r"\1", re.sub(r"(\w)\?", r"\1", asked))  # the longest form as written
        assert not re.search(rf"(?<!\w)(?:{other})(?!\w)", sample, re.I), (asked, other)
