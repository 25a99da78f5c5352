"""English questions over Chinese articles (issue 23 point 4): the glossary's Chinese words are
searched, a sentence that says the question's attribute is the one quoted, and the support of a
cross-script answer means something."""

from __future__ import annotations

import re

import pytest

from qa.answer.citations import cross_overlap, verify
from qa.text import lexicon
from qa.text.glossary import GLOSSARIES, chinese_words
from qa.types import Hit


@pytest.mark.parametrize("question, words", [
    ("How many jobs are created", ["岗位", "就业"]),
    ("How many jobs will the Huaqiang Plaza project create", ["岗位", "就业"]),
    ("What is the population of Heihe?", ["人口"]),
    ("What was the GDP in the first half?", ["生产总值"]),
    ("When was the company founded?", ["成立", "创立", "创办", "创建", "设立"]),
    ("How many beds does the ward have?", ["床位", "张床"]),
    ("What is /etc/passwd", []),
    ("华强广场 jobs", []),  # a question with Chinese in it is searched by its own words
    ("", []),
])
def test_chinese_words_of_an_english_question(question, words):
    assert chinese_words(question) == words


@pytest.mark.parametrize("name", GLOSSARIES)
def test_every_glossary_entry_is_searched_by_words_its_pattern_matches(name):
    # Each entry's plain words are searched for its English word, and its filled pattern matches
    # each of them (a word searched but never matched would find passages the gap check refuses).
    for word, wordings in lexicon.glossary(name).items():
        found = chinese_words(f"tell me the {word}")
        assert found or not re.search(r"[\u4e00-\u9fff]{2}", wordings), (name, word)
        for plain in found:
            assert any(re.search(p, plain) for g in GLOSSARIES if (p := lexicon.glossary(g).get(word))), \
                (name, word, plain)


def test_the_readme_example_is_answered_from_the_page_that_gives_the_jobs(seed_settings):
    from qa.ask import ask

    answer = ask("How many jobs are created", seed_settings, mode="extractive")
    assert not answer.refused, answer.gaps
    assert "1000个就业岗位" in answer.citations[0].quote
    assert answer.support >= seed_settings.refusal_threshold


PAGE = "华强广场项目总投资50亿元，可创造1000个就业岗位。1963年，范廷颂被任命为主教。NGC 6231是一个疏散星团。"


@pytest.mark.parametrize("sentence, share", [
    ("The project creates 1000 jobs.", 1.0),  # a number and a glossary word
    ("Fan Tingsong was appointed bishop in 1963.", 1.0),  # a pinyin name and a year
    ("NGC 6231 is an open cluster.", 1.0),  # a Latin word and a number the passage writes
    ("The project creates 3000 jobs.", 0.5),  # the number is wrong
    ("Li Wei was appointed bishop in 1970.", 0.0),  # another person, another year
    ("The moon is made of cheese.", None),  # nothing to compare
])
def test_cross_overlap_counts_the_anchors_a_passage_gives(sentence, share):
    assert cross_overlap(sentence + "[1]", PAGE) == share


def test_a_correct_english_llm_answer_over_a_chinese_passage_is_not_scored_like_nonsense():
    hits = [Hit("c1", PAGE, 1.0, "page.txt", "page", "a1", rank=1)]
    right = verify("Fan Tingsong was appointed bishop in 1963 [1].", hits)
    wrong = verify("Li Wei was appointed bishop in 1970 [1].", hits)
    nonsense = verify("The moon is made of cheese [1].", hits)
    assert right.support == 1.0 and right.citations[0].supported is True
    assert wrong.support == 0.0 and wrong.citations[0].supported is False
    assert nonsense.support == 0.0


@pytest.mark.parametrize("question, literals", [
    ("What is /etc/passwd", ["/etc/passwd"]),
    ("什么是/etc/passwd?", ["/etc/passwd"]),
    ("What are the coordinates of NGC 6231?", ["NGC", "6231"]),
    ("How do I call os.path.join", ["os.path.join"]),
    ("Write to a@b.com", ["a@b.com"]),
    ("How many jobs are created", []),
    ("What does the brain-computer interface policy say?", []),  # a hyphen is a word's
])
def test_literal_tokens_are_what_any_script_writes_verbatim(question, literals):
    assert lexicon.regex("literal_token").findall(question) == literals


@pytest.mark.parametrize("question, refused", [
    ("What is /etc/passwd", True),  # its words occur nowhere: was a quote at support 0.84
    ("什么是/etc/passwd?", True),
    ("What happened in 1850 at /usr/bin?", True),
    ("How many jobs are created", False),  # no literal token: left to the answerer
    ("How many jobs will be created by 2030?", False),  # 2030 and 岗位 are in the articles
])
def test_a_question_whose_words_occur_nowhere_is_refused(seed_settings, question, refused):
    from qa.ask import NOT_FOUND, ask

    answer = ask(question, seed_settings, mode="extractive")
    assert (answer.note == NOT_FOUND) is refused
    if refused:
        assert answer.refused and answer.citations == []


# -- which sentence an English question quotes (qa.answer.cross_script.cross_script_windows) -------
MONTHS = ["january", "february", "march", "april", "may", "june", "july", "august", "september", "october",
          "november", "december"]
CHINESE_MONTHS = ["一", "二", "三", "四", "五", "六", "七", "八", "九", "十", "十一", "十二"]


@pytest.mark.parametrize("n, word", list(enumerate(MONTHS, start=1)))
def test_each_month_is_found_as_a_chinese_date_writes_it_and_no_other_month_is(n, word):
    months = lexicon.glossary("month")
    assert set(months) == set(MONTHS)
    for date in (f"1994年{n}月23日", f"{CHINESE_MONTHS[n - 1]}月", f"{n} 月"):
        assert [w for w, p in months.items() if re.search(p, date)] == [word], date
    assert not re.search(months[word], f"2{n}月"), "inside another number"


@pytest.mark.parametrize("question, text, found", [
    ("What position did Fan Tingsong take in March 1994?", "1994年3月23日，范廷颂", 2),
    ("What position did Fan Tingsong take in March 1994?", "1994年被擢升为总主教", 1),
    ("What position did Fan Tingsong take in March 1994?", "11994年13月", 0),  # inside other numbers
    ("What are the coordinates of NGC 6231?", "NGC 6231是一个疏散星团", 1),
    ("What was the GDP growth rate, 5.6 or 5?", "增长5.6%", 1),  # 5 is not the 5 of 5.6
    ("What may happen in May?", "5月", 1),  # a month is capitalised; the verb "may" is none
    ("1994年3月发生了什么", "1994年3月", 0),  # a Chinese question has its own words
])
def test_literals_of_an_english_question_found_in_chinese_text(question, text, found):
    from qa.text.glossary import literals

    assert sum(p.search(text) is not None for p in literals(question)) == found


def _hits(*texts: str) -> list[Hit]:
    return [Hit(f"c{i}", t, 1.0, "page.txt", "范廷颂", "a1", rank=i) for i, t in enumerate(texts, start=1)]


def test_of_sentences_that_read_alike_the_one_holding_the_question_date_and_name_is_quoted():
    from qa.answer.extractive import answer_extractive

    hits = _hits("1994年被擢升为总主教，同年年底被擢升为枢机；1994年3月23日，范廷颂被擢升为天主教河内总教区总主教。")
    answer = answer_extractive("What position did Fan Tingsong take in March 1994?", hits, 0.25,
                               similarity=lambda texts: [0.8] * len(texts))  # the embedder tells them apart no better
    assert [c.quote for c in answer.citations] == ["1994年3月23日，范廷颂被擢升为天主教河内总教区总主教。"]


def test_each_sentence_is_embedded_once_fragments_never_and_one_holding_a_date_even_past_the_cap():
    from dataclasses import replace

    from qa.answer.extractive import answer_extractive
    from qa.answer.params import DEFAULTS

    embedded: list[str] = []

    def similarity(texts: list[str]) -> list[float]:
        embedded.extend(texts)
        return [0.8] * len(texts)

    hits = _hits("范廷颂是越南天主教枢机。他出生于宁平省。S.", "他出生于宁平省。他曾在河内求学。",
                 "他热爱音乐与诗歌。1963年被任为主教。")
    answer_extractive("When was Fan Tingsong appointed bishop in 1963?", hits, 0.25, similarity=similarity,
                      params=replace(DEFAULTS, cross_sentences=4))
    assert len(embedded) == len(set(embedded)) == 4
    assert "S." not in embedded and "1963年被任为主教。" in embedded


@pytest.mark.parametrize("passage, refused", [
    ("1994年3月23日，范廷颂被擢升为天主教河内总教区总主教。", False),  # the name, the year and the month
    ("范廷颂后来被擢升为天主教河内总教区总主教。", True),  # the name alone: as similar as the embedder says
])
def test_the_question_date_and_name_in_the_sentence_count_in_its_support(passage, refused):
    from qa.answer.extractive import answer_extractive

    answer = answer_extractive("What position did Fan Tingsong take in March 1994?", _hits(passage), 0.25,
                               similarity=lambda texts: [0.74] * len(texts))  # below the cut (0.755) alone
    assert answer.refused is refused, answer.support


def test_of_sentences_that_read_alike_the_one_saying_the_question_words_in_chinese_is_quoted():
    """campuses -> 校区 (qa.text.cedict): the sentence that says it is quoted when the embedder
    tells the sentences apart no better; without the dictionary's words (cross_word 0), the first."""
    from dataclasses import replace

    from qa.answer.extractive import answer_extractive
    from qa.answer.params import DEFAULTS

    hits = _hits("山东女子学院现有两个图书馆，藏书81.6万册。山东女子学院现有两个校区，总占地面积1133.87亩。")
    question = "How many campuses does Shandong Women's University have?"
    quotes = lambda params: [c.quote for c in answer_extractive(  # noqa: E731
        question, hits, 0.25, similarity=lambda texts: [0.8] * len(texts), params=params).citations]
    assert quotes(DEFAULTS) == ["山东女子学院现有两个校区，总占地面积1133.87亩。"]
    assert quotes(replace(DEFAULTS, cross_word=0.0))[0] == "山东女子学院现有两个图书馆，藏书81.6万册。"


@pytest.mark.parametrize("question, unread_words", [
    ("asdf qwer zxcv", ["asdf", "qwer", "zxcv"]),  # keyboard mashing
    ("lorem ipsum dolor sit amet", ["lorem", "ipsum", "dolor", "sit", "amet"]),
    ("How many jobs will the project create?", []),  # dictionary words
    ("Who is Fan Tingsong?", []),  # a pinyin name
    ("What happened in 2027 asdf?", []),  # a year the text may write
    ("zxcv 华强广场", []),  # Chinese in it: read by its own words
    ("the of and", []),  # stop words only: nothing to judge
    ("서울의 인구는 얼마입니까?", ["서울의", "인구는", "얼마입니까"]),  # letters of neither script (the seed probe's u101)
    ("Сколько людей живёт в Хэйхэ?", ["Сколько", "людей", "живёт", "в", "Хэйхэ"]),
    ("서울의 2022년 인구?", []),  # a year the text may write
])
def test_a_question_nothing_of_which_can_be_read_in_chinese(question, unread_words):
    from qa.answer.cross_script import unread

    assert unread(question) == unread_words


def test_without_the_dictionary_no_question_is_called_unreadable(monkeypatch):
    from qa.answer.cross_script import unread
    from qa.text import cedict

    monkeypatch.setattr(cedict, "dictionary_file", lambda: None)
    cedict._index.cache_clear()
    try:
        assert unread("asdf qwer zxcv") == []
    finally:
        cedict._index.cache_clear()


# An English question over Chinese passages that write nothing it says (qa.answer.cross_script.unfound):
# (question, passages, the words reported; [] when something of it is written)
UNFOUND = [
    ("What's the weather like today?", ["脑机接口技术正加速渗透至各领域，应用场景持续拓展。"], ["what's", "weather", "like", "today"]),
    ("How many jobs will the project create?", ["该项目将创造2000个就业岗位。"], []),  # 岗位 renders "jobs"
    ("What happened in 2027?", ["到2027年，脑机接口关键技术取得突破。"], []),  # the year is written
    ("Who is Fan Tingsong?", ["范廷颂是越南罗马天主教枢机。"], []),  # the pinyin name is written
    ("Who is Fan Tingsong?", ["脑机接口技术正加速渗透至各领域。"], ["fan", "tingsong"]),
]


@pytest.mark.parametrize("question, passages, expected", UNFOUND)
def test_a_question_the_passages_write_nothing_of(question, passages, expected):
    from qa.answer.cross_script import unfound
    from qa.types import Hit

    hits = [Hit(f"c{i}", t, 1.0, "a.txt", "a", "a1", rank=i) for i, t in enumerate(passages, start=1)]
    assert unfound(question, hits) == expected


def test_without_the_dictionary_nothing_is_unfound(monkeypatch):
    from qa.answer.cross_script import unfound
    from qa.text import cedict
    from qa.types import Hit

    monkeypatch.setattr(cedict, "dictionary_file", lambda: None)
    hits = [Hit("c1", "脑机接口技术正加速渗透至各领域。", 1.0, "a.txt", "a", "a1", rank=1)]
    assert unfound("What's the weather like today?", hits) == []
