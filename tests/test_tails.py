"""qa.answer.tails through the cut of qa.answer.clauses that calls it: a long English or Spanish
quote ends before a second main clause, opened by a joining word after a comma, that says nothing
the question asks; a clause holding a question word, the kind of answer asked or a cause asked
stays."""

from __future__ import annotations

import pytest

from qa.answer.clauses import phrases
from qa.answer.windows import analyse
from qa.text import lexicon
from qa.text.sentences import Span


def _quote(text: str, question: str, title: str = "", tail: int | None = None) -> str:
    return text[slice(*phrases(text, title, Span(0, len(text)), analyse(question, None), 150, True, 180, tail))]


BAROMETER = ("A barometer is a scientific instrument used to measure air pressure, and changes in its readings have "
             "long been used to forecast short-term changes in the weather.")
TUSKS = ("In medieval Europe, traders from Scandinavia sold the tusks as the horns of unicorns, and they fetched many "
         "times their weight in gold because they were believed to neutralise poison.")
COBRE = ("Chile produce más de la cuarta parte del cobre del mundo en sus minas del desierto de Atacama, y el metal fue "
         "durante décadas la principal fuente de divisas del país.")
WEAVERS = ("The silk weavers of Lyon, fearing for their jobs, are said to have burned some of the first machines in "
           "public, but by 1812 around 11,000 of them were in use in France.")


@pytest.mark.parametrize("text, question, end", [
    # the second clause holds no question word: the quote ends with the first
    (BAROMETER, "What does a barometer measure?", "used to measure air pressure"),
    (COBRE, "¿Dónde están las minas de cobre de Chile?", "en sus minas del desierto de Atacama"),
    # a cause asked: the clause saying "because" stays
    (TUSKS, "Why were the tusks so valuable in the Middle Ages?", "believed to neutralise poison."),
    # the second clause holds a question word ("1812"): it stays
    (WEAVERS, "How many of the machines were in use by 1812?", "in use in France."),
    # the second clause holds the kind of answer asked (a figure): it stays
    (WEAVERS, "How many looms were in use in France?", "in use in France."),
])
def test_a_trailing_clause_saying_nothing_asked_is_left_out(text, question, end):
    assert _quote(text, question).endswith(end)


SHORT = "A barometer is an instrument used to measure air pressure, and it is used to forecast the weather."


@pytest.mark.parametrize("tail, quote", [(len(SHORT), SHORT), (len(SHORT) - 1, SHORT[:SHORT.index(", and")])])
def test_a_quote_within_the_tail_length_is_quoted_whole(tail, quote):
    assert _quote(SHORT, "What does a barometer measure?", tail=tail) == quote


@pytest.mark.parametrize("word", lexicon.words("tail_joiner"))
def test_each_joining_word_ends_the_quote_before_its_clause(word):
    text = (f"The old lighthouse on the northern cape was rebuilt in granite by the harbour engineers of the town, {word} "
            "the keepers moved into a cottage beside the road to the village for the rest of the century.")
    assert _quote(text, "Who rebuilt the old lighthouse on the northern cape?") == text[:text.index(f", {word} ")]


def test_and_without_a_comma_joins_a_list_not_a_clause():
    text = ("The old lighthouse on the northern cape was rebuilt in granite by the harbour engineers and the masons of "
            "the town and the keepers moved into a cottage beside the road to the village for the rest of the century.")
    assert _quote(text, "Who rebuilt the old lighthouse on the northern cape?") == text


FORT = ("The fort on the hill above the ford was built by the Romans to guard the river, and it was garrisoned by a "
        "legion of archers from Syria for three centuries.")


def test_a_clause_after_the_question_s_last_words_stays():
    # the first clause ends at the question's words ("…to guard the river,"): they lead to the answer
    # after them, though that clause holds none of them
    assert _quote(FORT, "Which troops guarded the river for the Romans?").endswith("for three centuries.")
