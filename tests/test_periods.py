"""A time a sentence names by a period rather than a date (qa.answer.periods), through the picker
(qa.answer.short.short_answer) as `qa ask` reads it: each row a question, its quote and the short
answer; each word of `period_end`, `period_close`, `period_lead` in zh.toml places one, each word
of `anaphor` keeps a period named elsewhere from being the answer, and each of `period_not` a clause
about the time."""

from __future__ import annotations

import pytest

from qa.answer.periods import period
from qa.answer.short import short_answer
from qa.text import lexicon
from qa.text.cjk import fold

PERIODS = [
    # (question, quote, short answer)
    ("长宗我部家何时成为丰臣家的从属势力？", "四国征伐后，长宗我部家随即成为丰臣家的从属势力。", "四国征伐后"),  # a clause of its own
    ("岡底斯山脈自什麼時候開始隆起?", "白堊紀中期岡底斯山脈開始隆起，中晚始新世印度板塊與歐亞板塊碰撞。", "白堊紀中期"),  # Traditional
    ("周恩來在什麼時候隨著周昂駿北上淮安並在此定居?", "祖父周駿龍，在清咸豐年間跟隨二哥周昂駿北上淮安，隨館學幕，並在此定居。", "清咸豐年間"),
    ("滿人在什麼時候承認其已與維吾爾人無異?", "到清宣宗時代，滿人承認已與維吾爾人無異。", "清宣宗時代"),  # after its lead word
    ("长宗我部家何时成为丰臣家的从属势力？", "长宗我部家在战乱中在四国征伐时期成为丰臣家的从属势力。", "四国征伐时期"),  # the last lead word
]

NOT_PERIODS = [
    # (question, quote): no period certain
    ("《越南亡国史》在什么时候被写成？", "潘佩珠在该时代写成《越南亡国史》。"),  # named in another sentence
    ("长宗我部家何时成为丰臣家的从属势力？", "四国征伐后，长宗我部家随即被消灭。"),  # the sentence says too few of the question's words
    ("长宗我部家何时成为丰臣家的从属势力？", "此后，长宗我部家随即成为丰臣家的从属势力。"),  # one character: a word, not a period
    ("长宗我部家何时成为丰臣家的从属势力？", "天下统一的时代结束后，长宗我部家随即成为丰臣家的从属势力。"),  # 的: a clause
]


@pytest.mark.parametrize("question, quote, expected", PERIODS)
def test_the_period_the_sentence_names_answers_when(question, quote, expected):
    assert short_answer(question, [quote]) == expected


@pytest.mark.parametrize("question, quote", NOT_PERIODS)
def test_no_period_where_it_is_not_named_there_or_the_sentence_says_something_else(question, quote):
    assert short_answer(question, [quote]) is None


QUESTION = "长宗我部家何时成为丰臣家的从属势力？"


@pytest.mark.parametrize("word", lexicon.words("period_end"))
def test_a_word_of_period_ends_the_period(word):
    assert short_answer(QUESTION, [f"四国征伐{word}长宗我部家随即成为丰臣家的从属势力。"]) == f"四国征伐{word}"


@pytest.mark.parametrize("word", lexicon.words("period_close"))
def test_a_clause_closed_by_its_word_is_the_period(word):
    assert short_answer(QUESTION, [f"四国征伐{word}，长宗我部家随即成为丰臣家的从属势力。"]) == f"四国征伐{word}"
    assert short_answer(QUESTION, [f"四国征伐{word}长宗我部家随即成为丰臣家的从属势力。"]) is None  # inside a word


@pytest.mark.parametrize("word", lexicon.words("period_lead"))
def test_a_period_follows_its_lead_word(word):
    assert short_answer(QUESTION, [f"长宗我部家{word}四国征伐时期随即成为丰臣家的从属势力。"]) == "四国征伐时期"


@pytest.mark.parametrize("word", lexicon.words("anaphor"))
def test_a_period_pointing_back_is_no_answer(word):
    assert short_answer(QUESTION, [f"{word}四国征伐时期，长宗我部家随即成为丰臣家的从属势力。"]) is None


@pytest.mark.parametrize("word", lexicon.words("period_not"))
def test_a_phrase_holding_a_clause_word_is_no_period(word):
    assert short_answer(QUESTION, [f"长宗我部家在四国{word}征伐时期随即成为丰臣家的从属势力。"]) is None


NOT_READ = [
    # (question, quote): what period() itself leaves, where another pass may still answer (a date: 1585年)
    (QUESTION, "1585年四国征伐后，长宗我部家随即成为丰臣家的从属势力。"),  # the sentence writes a date
    (QUESTION, "织田信长发动对四国地区征伐后，长宗我部家随即成为丰臣家的从属势力。"),  # longer than a period's name
    (QUESTION, "丰臣家四国征伐后，长宗我部家随即成为丰臣家的从属势力。"),  # it says the question's words
    (QUESTION, "战后，长宗我部家随即成为丰臣家的从属势力。"),  # one character before 后: a word
    ("何时成立？", "四国征伐后，成立。"),  # the question says too few words to find its sentence
]


@pytest.mark.parametrize("question, quote", NOT_READ)
def test_period_reads_no_date_no_clause_and_no_question_without_words(question, quote):
    q = fold(question).rstrip("？?")
    assert period(q, lexicon.regex("short_ask").search(q), fold(quote)) is None

