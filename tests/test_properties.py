"""A two-word property asked of a quote writing its modifier beside another noun (qa.answer.properties)."""

import pytest

from qa.answer.latin_slots import worded_gaps
from qa.answer.properties import other_property

OSMIUM = ("Osmium is a hard, brittle, bluish-white metal of the platinum group, with the atomic number 76, which is "
          "usually counted as the densest of all naturally occurring elements, a cube of it 10 centimetres on a side "
          "weighing about 22.6 kilograms.")

CASES = [
    ("What is the atomic mass of osmium?", OSMIUM, "atomic mass"),
    ("What is the atomic number of osmium?", OSMIUM, ""),
    ("What is the atomic mass of osmium?", "Its standard atomic mass is 190.23.", ""),
    ("¿Cuál es la masa atómica del osmio?", "El osmio, de número atómico 76, es el más denso.", "masa atómica"),
    ("¿Cuál es la masa atómica del osmio?", "Su masa atómica es 190,23.", ""),
    # the modifier never written: said some other way ("Panthera leo" for the scientific name), not read
    ("What is the scientific name of the lion?", "The lion (Panthera leo) is a large cat.", ""),
    ("¿Cuál es la ciudad natal de Sorolla?", "Sorolla nació en Valencia en 1863.", ""),
    # the modifier not written: another check's (qa.answer.phases reads a melting point for a boiling one)
    ("What is the boiling point of osmium?", "Its melting point is 3,033 °C.", ""),
]


@pytest.mark.parametrize("question, quote, gap", CASES)
def test_other_property(question, quote, gap):
    assert other_property(question, quote) == gap


def test_the_slot_checks_refuse_it():
    gaps = worded_gaps(CASES[0][0], OSMIUM, "", "Osmium")
    assert ("focus", "atomic mass") in [(g.kind, g.detail) for g in gaps]
