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
