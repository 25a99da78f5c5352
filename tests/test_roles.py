"""A role asked of a quote naming someone but never assigning the role (qa.answer.roles)."""

import pytest

from qa.answer.latin_slots import worded_gaps
from qa.answer.roles import unassigned_role
from qa.text import lexicon

CHAPEL = ("The Sainte-Chapelle is a royal chapel in the Gothic style on the Île de la Cité in Paris, built within the "
          "medieval palace of the French kings to house the relics of Christ's Passion acquired by Louis IX.")

CASES = [
    ("Who was the architect of the Sainte-Chapelle?", CHAPEL, "architect"),
    ("Who was the architect of the Sainte-Chapelle?", "The chapel was designed by Pierre de Montreuil.", ""),
    ("¿Quién fue el arquitecto de la catedral?", "La catedral, encargada por el obispo Juan de Zumárraga, se alzó en 1573.",
     "arquitecto"),
    ("¿Quién fue el arquitecto de la catedral?", "La catedral fue proyectada por Claudio de Arciniega.", ""),
    ("¿Quién fue el escultor de la estatua?", "La estatua fue esculpida por Jan Brokoff en 1683.", ""),
    # a kin word is said from the other side («nieto de Luis XIV»), a role not listed by any verb: not read
    ("¿Quién era el abuelo de Felipe V?", "Felipe V, nieto de Luis XIV de Francia, fue reconocido como rey.", ""),
    ("Who was the captain of the Mary Rose?", "Sir George Carew went down with the ship.", ""),
    # no role asked
    ("Who built the Sainte-Chapelle?", CHAPEL, ""),
]


@pytest.mark.parametrize("question, quote, role", CASES)
def test_unassigned_role(question, quote, role):
    assert unassigned_role(question, quote) == role


def test_the_slot_checks_refuse_it():
    gaps = worded_gaps(CASES[0][0], CHAPEL, "", "Sainte-Chapelle", "Sainte-Chapelle\n" + CHAPEL)
    assert ("focus", "architect") in [(g.kind, g.detail) for g in gaps]
    assert not worded_gaps(CASES[0][0], "Its architect, Pierre de Montreuil, built it in 1248.", "", "Sainte-Chapelle")


@pytest.mark.parametrize("language, role, act", [(lang, role, act) for lang in ("en", "es")
                                                 for role, acts in lexicon.glossary("role_act", lang).items()
                                                 for act in acts.split("|")])
def test_every_act_assigns_its_role(language, role, act):
    question = f"Who was the {role} of the work?" if language == "en" else f"¿Quién fue el {role} de la obra?"
    said = act.replace("[óa]", "ó")
    assert unassigned_role(question, f"{said}xx by Anne Smith" if not said.endswith(" ") else f"{said} Anne Smith") == ""
    assert unassigned_role(question, "It stands beside the river, as Anne Smith said.") == role
