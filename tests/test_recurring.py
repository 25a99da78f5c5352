"""A count of time asked of a quote whose spans recur ("every two or three years": qa.answer.recurring)."""

import pytest

from qa.answer.asked_kinds import kind_gaps
from qa.answer.recurring import recurring_only
from qa.text import lexicon

TURTLE = ("The females come ashore every two or three years to lay clutches of about 80 to 100 eggs on tropical beaches, "
          "and the sex of the hatchlings depends on the temperature of the sand.")

CASES = [
    ("How many days do leatherback eggs take to hatch?", TURTLE, "days"),
    ("How many days do leatherback eggs take to hatch?", "The eggs hatch after about 60 days; females nest every two "
     "years.", ""),
    ("¿Cuántos días tardan los huevos en eclosionar?", "Las hembras desovan cada dos o tres años.", "días"),
    ("¿Cuántos días tardan los huevos en eclosionar?", "Eclosionan a los 60 días.", ""),
    # a rate asked: a recurring span answers it
    ("How many years pass between nestings, how often?", TURTLE, ""),
    ("How often do the females come ashore?", TURTLE, ""),
    # no count of time asked
    ("How many eggs does a leatherback lay?", TURTLE, ""),
]


@pytest.mark.parametrize("question, quote, unit", CASES)
def test_recurring_only(question, quote, unit):
    assert recurring_only(question, quote) == unit


def test_the_kind_checks_read_it():
    assert ("value", "number of days") in kind_gaps(CASES[0][0], TURTLE)


@pytest.mark.parametrize("lead", lexicon.words("recurrence_lead"))
def test_every_recurrence_lead_makes_a_span_recur(lead):
    spanish = lead in lexicon.load("es")["words"]["recurrence_lead"]
    question = "¿Cuántos días dura?" if spanish else "How many days does it last?"
    quote = f"Ocurre {lead} tres años." if spanish else f"It happens {lead} three years."
    assert recurring_only(question, quote) != ""


@pytest.mark.parametrize("joiner", lexicon.words("figure_joiner"))
def test_every_figure_joiner_joins_two_figures_after_the_lead(joiner):
    spanish = joiner in lexicon.load("es")["words"]["figure_joiner"]
    question = "¿Cuántos días dura?" if spanish else "How many days does it last?"
    quote = f"Ocurre cada dos {joiner} tres años." if spanish else f"It happens every two {joiner} three years."
    assert recurring_only(question, quote) != ""
