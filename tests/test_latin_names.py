"""The sentence before a quote across chunks (qa.answer.extractive: a chunk's first sentence leans on
the article's sentence before it)."""

import pytest

from qa.answer.extractive import answer_extractive
from qa.types import Hit


def chunk(text: str, start: int, article: str = "valpo", title: str = "Valparaíso", n: int = 0) -> Hit:
    return Hit(chunk_id=f"{article}:{n}", text=text, score=1.0 / (n + 1), source=f"{article}.txt", title=title,
               article_id=article, start=start, end=start + len(text), rank=n + 1, dense=0.8)


LEAD = "Valparaíso es una ciudad y puerto de Chile, a orillas del océano Pacífico."
FOUNDED = "Fue fundada en 1536 por el capitán Juan de Saavedra, miembro de la expedición de Almagro."


def test_a_chunk_leans_on_the_sentence_before_it_in_another_chunk():
    lead, founded = chunk(LEAD, 0), chunk(FOUNDED, len(LEAD) + 1, n=1)
    answer = answer_extractive("¿Quién fundó la ciudad?", [founded, lead], 0.25)
    assert not answer.refused and "Saavedra" in answer.answer


@pytest.mark.parametrize("hits", [
    [chunk(FOUNDED, len(LEAD) + 1, n=1)],                                         # the lead was not retrieved
    [chunk(FOUNDED, len(LEAD) + 1, n=1), chunk(LEAD, 0, article="other", n=0)],   # another article's
    [chunk(FOUNDED, 0, n=1), chunk(LEAD, len(FOUNDED) + 1, n=0)],                 # the sentence after it
])
def test_no_sentence_before_it_no_ciudad(hits):
    assert answer_extractive("¿Quién fundó la ciudad?", hits, 0.25).refused
