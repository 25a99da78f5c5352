"""What the Latin short-answer picker places in a cut of a long English or Spanish sentence
(`qa.answer.clauses` quotes a run of its phrases): whether two cuts place the same answer, and
whether the question asks a kind of span the picker reads by its form, so that a cut placing the
same answer as a longer one holds the answer as well.
"""

from __future__ import annotations

from qa.answer.latin_question import asked as read_question
from qa.answer.phrase_words import stop_words
from qa.answer.short_latin import latin_span
from qa.text.paraphrase import plain

__all__ = ["kind_named", "same_answer"]

# The kinds the picker reads by their form (a name's capitals, a year's or a figure's digits)
_FORMED = ("person", "place", "year", "date", "number")


def same_answer(question: str, quote: str, shorter: str) -> bool:
    """Does the Latin short-answer picker place the same answer in `shorter` as in `quote`?"""
    a, b = latin_span(question, [quote]), latin_span(question, [shorter])
    return a is not None and b is not None and quote[a[1]:a[2]] == shorter[b[1]:b[2]]


def kind_named(question: str) -> bool:
    """Does `question` ask a span of a kind the picker reads by its form (`_FORMED`) or name the kind
    of thing it asks ("Which castle…", «¿Qué río…?»)? Not «¿Por qué se…?», whose "noun" the
    question reader takes to be «se»: a function word names no kind."""
    asked = read_question(question)
    if asked is None:
        return False
    if asked.wants != "which":
        return asked.wants in _FORMED
    return any(plain(w) not in stop_words() for w in asked.noun)
