"""The answer fronted as the subject of the clause that says the question's words
(qa.answer.fronted), through the picker (qa.answer.short.short_answer) as `qa ask` reads it: each
row a question, its quote and the short answer; each word of `not_subject` and
`not_subject_start` in zh.toml keeps a clause's start from being the answer."""

from __future__ import annotations

import pytest

from qa.answer.fronted import fronted
from qa.answer.short import _ASK, short_answer
from qa.text import lexicon
from qa.text.cjk import fold

FRONTED = [
    # (question, quote, short answer): the question closes with its question word after a copula
    ("於1948年併入奧斯陸的城市名為什麼?", "最終，阿克爾自治市於1948年1月1日併入奧斯陸，這使得奧斯陸的城市面積增加了108%。",
     "阿克爾自治市"),  # Traditional, through the fold
    ("现存中国最早的佛经是哪一部?", "《四十二章经》是现存中国最早的佛经。", "《四十二章经》"),
    ("第一个拥有路轨运输的国家为哪一个?", "希腊是第一个拥有路轨运输的国家。", "希腊"),
]

NOT_FRONTED = [
    # the question word stands inside what is said: the clause's start rarely answers it
    ("共同民主党与什么组织是韩国的两大政党?", "自由韩国党和共同民主党是韩国的两大政党。"),
    ("哪一场动乱确保了毛泽东在中国的独裁权力?", "文化大革命确保了毛泽东在中国的独裁权力。"),  # ...or opens the question
    # the clause says too few of the question's words after its start
    ("现存中国最早的佛经是哪一部?", "《四十二章经》是一部佛经。"),
    # the start is a date, not a name
    ("现存中国最早的佛经是哪一部?", "公元67年现存中国最早的佛经译成。"),
]


@pytest.mark.parametrize("question, quote, expected", FRONTED)
def test_the_subject_before_the_questions_words_is_the_answer(question, quote, expected):
    assert short_answer(question, [quote]) == expected


@pytest.mark.parametrize("question, quote", NOT_FRONTED)
def test_no_subject_is_taken_where_the_question_or_the_clause_does_not_fit(question, quote):
    assert short_answer(question, [quote]) is None


def _fronted(question: str, quote: str) -> str | None:
    q = fold(question).rstrip("?？")
    span = fronted(q, _ASK.search(q), fold(quote))
    return fold(quote)[span[0]:span[1]] if span else None


def test_the_control_row_is_answered():
    # the rows below differ from this one by one word only
    assert _fronted("现存中国最早的佛经是哪一部?", "四十二章经是现存中国最早的佛经。") == "四十二章经"


@pytest.mark.parametrize("word", lexicon.words("not_subject"))
def test_a_start_that_says_more_than_a_subject_is_no_answer(word):
    assert _fronted("现存中国最早的佛经是哪一部?", f"四十{word}二章经是现存中国最早的佛经。") is None


@pytest.mark.parametrize("word", lexicon.words("not_subject_start"))
def test_a_start_that_joins_the_clause_to_the_one_before_is_no_answer(word):
    assert _fronted("现存中国最早的佛经是哪一部?", f"{word}四十二章经是现存中国最早的佛经。") is None
