"""qa.answer.phrase_words: which question terms each phrase of a long English or Spanish sentence
holds, as written or said by a value of the asked kind."""

from __future__ import annotations

import pytest

from qa.answer.extractive import answer_extractive
from qa.answer.phrase_words import held_at, term_masks, word_mask
from qa.answer.windows import analyse
from qa.text import lexicon
from qa.text.sentences import Span, split_clauses
from tests.test_clauses import hit


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


# the noun phrase each appositive word opens in the Spanish row below, and the question's article
_ES_APPOSITIVE = {"el": ("el afluente más caudaloso", "el afluente"), "la": ("la corriente más caudalosa", "la corriente"),
                  "los": ("los afluentes más caudalosos", "los afluentes"),
                  "las": ("las corrientes más caudalosas", "las corrientes"),
                  "su": ("su afluente más caudaloso", "el afluente"), "sus": ("sus afluentes más caudalosos", "los afluentes")}


@pytest.mark.parametrize("word", lexicon.load("es")["words"]["appositive_word"])
def test_a_spanish_appositive_is_quoted_with_the_name_it_speaks_of(word):
    # «…las aguas del Tormes, | su afluente más caudaloso»: the name is in the phrase before, which
    # the appositive speaks of (es_wiki11: «su principal afluente» quoted without «del Mundo»)
    said, asked = _ES_APPOSITIVE[word]
    text = ("En su curso alto atraviesa la provincia de Albacete y las sierras del sur, donde recibe las aguas del "
            f"Tormes, {said}, y luego cruza la llanura de la Vega Baja hasta desembocar en el mar cerca de Guardamar.")
    answer = answer_extractive(f"¿Cuál es {asked} más caudaloso del Segura?", [hit(text, "Segura")], threshold=0.0)
    assert "Tormes" in answer.citations[0].quote


@pytest.mark.parametrize("text, term, held", [
    ("during an official season", "off", False),   # a short term starts an unrelated word
    ("the summit was kept off limits", "off", True),
    ("durante muchos años", "año", True),           # ... but holds its plural
    ("las leyes del reino", "ley", True),
    ("the companies of the city", "compani", True),  # a longer stem opens its forms
    ("los cuadrados", "dos", False),                # never inside a word
    ("formed the lockstitch still used today", "stitch", True),  # a long term closes a compound
    ("the lockstitches of the machine", "stitch", True),
    ("a lighthouse keeper", "house", False),        # ... not a term under six letters
])
def test_a_short_term_is_held_only_as_a_whole_word(text, term, held):
    assert bool(word_mask(text, (term,))) is held
    assert bool(held_at(text, [term])) is held
