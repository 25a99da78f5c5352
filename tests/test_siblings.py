"""A value asked of a sibling of the article's subject, which the quote sets beside it (qa.answer.siblings)."""

import pytest

from qa.answer.asked_kinds import kind_gaps
from qa.answer.siblings import sibling_elsewhere

MACAW = "Mide unos 90 centímetros desde el pico hasta la punta de la cola, rasgo que lo distingue del guacamayo aliverde."
CAUCA = ("El Cauca es el segundo río más importante de Colombia y recorre unos 1.350 kilómetros hacia el norte hasta "
         "desembocar en el Magdalena.")

CASES = [
    ("¿Cuánto mide el guacamayo aliverde?", MACAW, "Guacamayo rojo", "aliverde"),
    ("¿Cuántos huevos pone el guacamayo aliverde?", "la hembra pone dos o tres huevos", "Guacamayo rojo", "aliverde"),
    ("¿Cuántos kilómetros recorre el río Magdalena?", CAUCA, "Río Cauca", "Magdalena"),
    ("¿Cuánto mide el guacamayo rojo?", MACAW, "Guacamayo rojo", ""),  # the subject itself
    ("¿Cuánto mide el guacamayo aliverde?", "El guacamayo aliverde mide unos 85 centímetros.", "Guacamayo rojo", ""),
    # asked of it after a preposition too: the quote may say it alike
    ("¿Cuántos km² tiene la cuenca del río Magdalena?", "la cuenca del río Magdalena tiene 257.000 km²", "Río Cauca", ""),
    # an English word before the head names a sibling only capitalised
    ("How long is the Albert lyrebird?", "Males reach 100 centimetres, twice the length of the Albert lyrebird.",
     "Superb lyrebird", "Albert"),
    ("How much can an adult female cassowary weigh?", "Adult females weigh up to 70 kilograms.", "Southern cassowary", ""),
    ("For how long does the mother lyrebird keep her egg warm?", "she incubates it for about fifty days",
     "Superb lyrebird", ""),
    # a title of more than a head and a word names no kind
    ("¿Cuándo declaró la Unesco las Fallas Patrimonio Inmaterial?", "En 2016 la Unesco inscribió las Fallas en la lista "
     "del Patrimonio Cultural Inmaterial.", "Fallas de Valencia", ""),
    # no value asked
    ("¿Dónde vive el guacamayo aliverde?", MACAW, "Guacamayo rojo", ""),
]


@pytest.mark.parametrize("question, quote, title, gap", CASES)
def test_sibling_elsewhere(question, quote, title, gap):
    assert sibling_elsewhere(question, quote, title) == gap


def test_the_kind_checks_read_it():
    assert ("elsewhere", "aliverde") in kind_gaps(CASES[0][0], MACAW, "Guacamayo rojo")
    assert not kind_gaps(CASES[0][0], MACAW)  # no title, no subject to tell it from
