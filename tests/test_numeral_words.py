"""Words that begin with a numeral and count nothing (qa.text.numeral_words): the shipped list is
what CC-CEDICT gives, and a figure read at the start of one is inside a word."""

from __future__ import annotations

import gzip

import pytest

from qa.text import numeral_words
from qa.text.cedict import dictionary_file


def test_the_shipped_list_is_what_the_dictionary_gives():
    """qa/text/lexicon/numeral_words_zh.txt is generated (`python -m qa.text.numeral_words`)."""
    with gzip.open(dictionary_file(), "rt", encoding="utf-8") as f:
        assert numeral_words.words() == frozenset(numeral_words.from_dictionary(f))


GLOSSES = [
    # (a CC-CEDICT line, the headwords it lists)
    ("三位一體 三位一体 [san1 wei4 yi1 ti3] /Holy Trinity/trinity/", ["三位一体", "三位一體"]),
    ("千方百計 千方百计 [qian1 fang1 bai3 ji4] /lit. thousand ways, a hundred plans (idiom); by every possible means/",
     ["千方百计", "千方百計"]),  # an idiom, though its gloss names numbers
    ("五分之一 五分之一 [wu3 fen1 zhi1 yi1] /one fifth/", []),  # a number: a figure
    ("六十年代 六十年代 [liu4 shi2 nian2 dai4] /the sixties/the 1960s/", []),
    ("三國 三国 [San1 guo2] /Three Kingdoms period/", []),  # two characters: too short to be sure
    ("百貨公司 百货公司 [bai3 huo4 gong1 si1] /department store/", ["百货公司", "百貨公司"]),
]


@pytest.mark.parametrize("line, expected", GLOSSES)
def test_headwords_that_count_nothing(line, expected):
    assert numeral_words.from_dictionary([line]) == sorted(expected)


SPANS = [
    # (text, figure start, figure end, inside a word)
    ("构建起三位一体的多式联运体系", 3, 5, True),
    ("约三位一体", 0, 3, True),  # the figure's numeral, after 约
    ("邀请三位专家", 2, 4, False),  # a count of experts
    ("运往四面八方", 2, 3, True),
    ("第五分之一", 1, 3, False),
]


@pytest.mark.parametrize("text, start, end, expected", SPANS)
def test_in_word(text, start, end, expected):
    assert numeral_words.in_word(text, start, end) is expected
