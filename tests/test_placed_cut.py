"""qa.answer.placed_cut: the phrases of a long English or Spanish sentence after the answer the Latin
short-answer picker places are dropped when the picker places the same answer without them and no
question word goes with them."""

from __future__ import annotations

import pytest

from qa.answer.clauses import phrases
from qa.answer.placed_cut import same_answer, trimmed
from qa.answer.windows import analyse
from qa.text.sentences import Span, split_clauses

CASTLE = ("Edward had marched north to relieve Stirling Castle, whose English garrison had agreed to surrender unless "
          "an army came within three miles of it by midsummer.")
FLEET = ("Xerxes' fleet, numbering perhaps 600 to 800 vessels, could not manoeuvre, and the roughly 370 Greek triremes "
         "rammed and boarded its ships as they crowded together in disorder.")
RIO = ("El acueducto se construyó a finales del siglo I para llevar a la ciudad el agua del río Frío, que nace en la "
       "sierra cercana y recorre unos quince kilómetros antes de llegar a las murallas.")


@pytest.mark.parametrize("text, question, title, quote", [
    # the castle is placed in the first phrase: the garrison's terms after it answer nothing asked
    (CASTLE, "Which castle was Edward II trying to relieve?", "Battle of Bannockburn",
     "Edward had marched north to relieve Stirling Castle"),
    (RIO, "¿De qué río procedía el agua que transportaba el acueducto?", "Acueducto de Segovia",
     "El acueducto se construyó a finales del siglo I para llevar a la ciudad el agua del río Frío"),
    # the picker places "600 to 800", but a phrase after it says "triremes" and "Greek": kept
    (FLEET, "About how many triremes did the Greeks have?", "Battle of Salamis",
     "Xerxes' fleet, numbering perhaps 600 to 800 vessels, could not manoeuvre, and the roughly 370 Greek triremes "
     "rammed"),
])
def test_the_phrases_after_a_placed_answer_go_unless_they_hold_a_question_word(text, question, title, quote):
    got = phrases(text, title, Span(0, len(text)), analyse(question, None), 150)
    assert text[slice(*got)] == quote


def _ends(text: str) -> list[int]:
    return [p.end for p in split_clauses(text)]


@pytest.mark.parametrize("terms, cut", [
    (lambda t: 0, True),  # no question word anywhere: cut after the placed castle
    (lambda t: len(t), False),  # every shorter text "holds" other terms: kept whole
])
def test_trimmed_keeps_the_question_terms(terms, cut):
    got = trimmed("Which castle was Edward II trying to relieve?", CASTLE, (0, len(CASTLE)), _ends(CASTLE), terms)
    assert (got == (0, CASTLE.index(","))) is cut
    if not cut:
        assert got == (0, len(CASTLE))


def test_nothing_placed_nothing_trimmed():
    text = "The garrison agreed to surrender, unless an army came within three miles of it by midsummer."
    assert trimmed("On what condition had the garrison promised to give up?", text, (0, len(text)), _ends(text),
                   lambda t: 0) == (0, len(text))


@pytest.mark.parametrize("quote, shorter, same", [
    ("Its leading city was Lübeck, whose law code spread", "Its leading city was Lübeck", True),
    ("Its leading city was Lübeck, whose law code spread", "whose law code spread", False),  # none placed
    ("Its leading city was Lübeck, whose law code spread", "Its leading city was Hamburg", False),
])
def test_same_answer(quote, shorter, same):
    assert same_answer("Which city led the league?", quote, shorter) is same
