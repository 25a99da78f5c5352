"""qa.answer.placing and the cut of qa.answer.clauses that reads it: a long English or Spanish
sentence's cut drops the phrase its question words lead to when the run alone places the same
answer of a kind the short-answer picker reads by its form."""

from __future__ import annotations

import pytest

from qa.answer.clauses import phrases
from qa.answer.placing import kind_named, same_answer
from qa.answer.windows import analyse
from qa.text.sentences import Span


def _cut(text: str, question: str, title: str, widen: bool = True) -> str:
    return text[slice(*phrases(text, title, Span(0, len(text)), analyse(question, None), 150, widen))]


@pytest.mark.parametrize("question, named", [
    ("Which castle was the king trying to relieve?", True),
    ("¿De qué río procedía el agua del acueducto?", True),
    ("Who built the lighthouse?", True),
    ("¿Dónde nace el río?", True),
    ("In which year was the bridge opened?", True),
    ("How many people live in the town?", True),
    # «se» is read as the noun of «qué se»: a function word names no kind
    ("¿Por qué se han secado las lagunas?", False),
    ("¿A qué se refiere la expresión?", False),
    ("How did the colonists regard the metal?", False),
])
def test_kind_named(question, named):
    assert kind_named(question) is named


def test_same_answer():
    question = "Which castle was the king trying to relieve?"
    whole = "The king marched north to relieve Dunmore Castle, whose garrison had agreed to surrender."
    assert same_answer(question, whole, whole[:48])
    assert not same_answer(question, whole, whole[:20])  # nothing placed in the shorter


LEADS = ("The king had marched north with his whole army to relieve Dunmore Castle, whose small garrison had agreed to "
         "surrender unless a relieving army came within three miles of its walls by midsummer.")


@pytest.mark.parametrize("question, led", [
    # the question's word ends the phrase ("…Castle,"), which would lead to the next; the run alone
    # places the castle asked, so the phrase after it is not quoted
    ("Which castle was the king trying to relieve?", False),
    # a question naming no kind the picker reads: the phrase its words lead to stays
    ("What did the king march north with his whole army to relieve?", True),
])
def test_the_phrase_led_to_is_dropped_when_the_run_places_the_answer(question, led):
    got = _cut(LEADS, question, "Dunmore")
    assert got.startswith("The king had marched north with his whole army to relieve Dunmore Castle")
    assert ("whose small garrison" in got) is led


MATCH = ("A match is divided into four periods of eight minutes of playing time each, and because the clock stops "
         "whenever play is halted for an injury or a substitution, a game usually lasts about an hour and a half.")
MILL = ("In 1830 the young weaver Pierre Lamotte patented a loom that wove a double cloth with a single shuttle, but a "
        "crowd of Lyonnais silk workers, who feared for their wages, broke into his mill and burned every loom.")


@pytest.mark.parametrize("text, question, quote", [
    # a figure asked: the cut past the budget ends at the phrase holding the figure the picker places
    (MATCH, "How long does each period of a match last?",
     "A match is divided into four periods of eight minutes of playing time each"),
    # a person asked (the picker reads any capitalised run as one): not trimmed
    (MILL, "Who burned Lamotte's looms?", MILL),
])
def test_a_cut_past_the_budget_ends_after_a_figure_placed_in_it(text, question, quote):
    assert _cut(text, question, "Loom") == quote
