"""qa.answer.phrase_words: which question terms each phrase of a long English or Spanish sentence
holds, as written or said by a value of the asked kind."""

from __future__ import annotations

import pytest

from qa.answer.phrase_words import term_masks
from qa.answer.windows import analyse
from qa.text.sentences import Span, split_clauses


@pytest.mark.parametrize("question, text, phrase", [
    # a value read with its unit as written: folded, "°C" is "°c", which no temperature reads
    ("At what temperature does the alloy become liquid?",
     "The alloy is a soft metal that melts at about 29.8 °C, so that a bar held in the hand turns to liquid.",
     "The alloy is a soft metal that melts at about 29.8 °C,"),
    ("What is the melting temperature of the alloy?",
     "The alloy, used for solder, melts at 62 °F, which is why it is kept in a cold room.",
     "The alloy, used for solder, melts at 62 °F,"),
    ("¿A qué temperatura se funde la aleación?",
     "La aleación es un metal blando que se funde a unos 29,8 grados, de modo que una barra en la mano se vuelve líquida.",
     "La aleación es un metal blando que se funde a unos 29,8 grados,"),
])
def test_a_value_of_the_asked_kind_holds_its_attribute_as_written(question, text, phrase):
    q = analyse(question, None)
    parts = split_clauses(text)
    _, masks = term_masks(q.text, q.terms, text, Span(0, len(text)), parts)
    at = next(k for k, p in enumerate(parts) if text[p.start:p.end] == phrase)
    asked = next(i for i, t in enumerate(q.terms) if t.startswith("temperat"))
    assert masks[at] >> asked & 1
