"""qa.answer.narrow: a two-sentence window in Latin-script text is quoted as the one sentence that
holds what the pair matched; Chinese windows are quoted as they were chosen."""

from __future__ import annotations

import pytest

from qa.answer.extractive import answer_extractive
from qa.answer.narrow import answer_sentence, placed_sentence
from qa.types import Hit


@pytest.mark.parametrize("sentences, keep", [
    # (per sentence: question-term mask, holds the wanted type), the sentence kept (None: both)
    ([(0b011, True), (0b001, False)], 0),  # the first holds every term and the number
    ([(0b000, False), (0b011, True)], 1),  # the first was pulled in by the first-sentence bonus
    ([(0b011, False), (0b011, True)], 1),  # both hold the terms: the one with the wanted type
    ([(0b011, False), (0b011, False)], 0),  # nothing tells them apart: the first
    ([(0b001, True), (0b010, False)], None),  # each holds a term the other lacks: both are needed
    ([(0b011, False), (0b000, True)], None),  # the terms in one, the answer type in the other
    ([(0b011, True)], None),  # one sentence: nothing to narrow
])
def test_answer_sentence(sentences, keep):
    assert answer_sentence(sentences) == keep


def hit(text: str, title: str) -> Hit:
    return Hit(chunk_id="doc-0:0", text=text, score=1.0, source="doc0.txt", title=title, article_id="doc-0",
               rank=1, dense=0.8)


FERRY = hit("Ferry service across the Linden River resumed on Saturday after a three-week shutdown for engine "
            "repairs. The ferry, named the Mary Ellen, carries up to 35 cars and 250 passengers per crossing. "
            "Operator Lakeside Transit Co. said the repairs cost about $310,000.",
            "River ferry service resumes after repairs")
CENTRO = hit("El Ayuntamiento de Villaverde inauguró el lunes un nuevo centro de salud en el barrio de San Roque. "
             "La directora del centro, la Dra. Lucía Ferrer, explicó que atenderá a unos 22.000 vecinos. "
             "El edificio, de tres plantas, costó 6,8 millones de euros.",
             "Villaverde inaugura un nuevo centro de salud")


@pytest.mark.parametrize("question, passage, quote", [
    ("How many cars can the ferry carry?", FERRY,
     "The ferry, named the Mary Ellen, carries up to 35 cars and 250 passengers per crossing."),
    ("¿A cuántos vecinos atenderá el centro?", CENTRO,
     "La directora del centro, la Dra. Lucía Ferrer, explicó que atenderá a unos 22.000 vecinos."),
])
def test_latin_answer_is_the_sentence_that_holds_it(question, passage, quote):
    answer = answer_extractive(question, [passage], threshold=0.0)
    assert [c.quote for c in answer.citations] == [quote]


WING = hit("The Northfield General Hospital opened its new east wing on Monday after two years of construction. "
           "Hospital director Dr. Priya Menon said the wing adds 120 beds and a second emergency department.",
           "Northfield hospital opens new wing")
ALA = hit("El Hospital General de Northfield inauguró el lunes su nueva ala este tras dos años de obras. "
          "La directora, la Dra. Priya Menon, dijo que el ala suma 120 camas y un segundo servicio de urgencias.",
          "El hospital de Northfield inaugura su nueva ala")


@pytest.mark.parametrize("question, passage, quote", [
    # each sentence holds a term the other lacks ("new" / "beds"): the one the short-answer picker
    # places an answer in
    ("How many beds does the new wing add?", WING,
     "Hospital director Dr. Priya Menon said the wing adds 120 beds and a second emergency department."),
    ("¿Cuántas camas suma la nueva ala?", ALA,
     "La directora, la Dra. Priya Menon, dijo que el ala suma 120 camas y un segundo servicio de urgencias."),
])
def test_a_pair_is_narrowed_to_the_sentence_the_short_answer_is_placed_in(question, passage, quote):
    answer = answer_extractive(question, [passage], threshold=0.0)
    assert [c.quote for c in answer.citations] == [quote]


@pytest.mark.parametrize("sentences, keep", [
    (["The hospital opened a new wing on Monday.", "The director said it adds 120 beds."], 1),
    (["It added 40 beds in 2019.", "The director said the wing adds 120 beds."], None),  # placed in both
    (["The hospital opened a new wing.", "The director praised the builders."], None),  # in neither
])
def test_placed_sentence(sentences, keep):
    assert placed_sentence("How many beds does the wing add?", sentences) == keep


def test_chinese_pair_is_quoted_whole():
    # The fitted weights choose this pair for a Chinese question; Chinese windows are not narrowed.
    text = "华强广场位于新华区中心地段。项目建成后可创造1000个就业岗位。"
    answer = answer_extractive("华强广场项目位于哪里，可以创造多少个就业岗位？", [hit(text, "华强广场开业")], threshold=0.0)
    assert answer.citations[0].quote == text
