"""qa.answer.fuller: a runner-up covering more of the question by its names alone is no fuller reading."""

from __future__ import annotations

import pytest

from qa.answer.fuller import names_only
from qa.text.questions import question_terms


def gained(question: str, *terms: str) -> int:
    found = question_terms(question)
    return sum(1 << found.index(t) for t in terms)


@pytest.mark.parametrize("question, terms, expected", [
    # the runner-up names whom the question names ("commissioned by … Charles IV"); the best says "its founder"
    ("Since when has the bridge been named after Charles IV?", ("charl", "iv"), True),
    ("Since when has the bridge been named after Charles IV?", ("charl",), True),
    ("Where was she first made to do her work in Berlin?", ("berlin",), True),
    ("¿Qué altura alcanza la cima del Teide?", ("teid",), True),
    # a word of what was asked is gained too: a fuller reading
    ("Since when has the bridge been named after Charles IV?", ("bridg", "charl"), False),
    ("Who was the architect of the Sultan Ahmed Mosque?", ("architect",), False),
    ("When was Laennec's treatise published?", ("treatis", "publish"), False),
    ("¿Qué altura alcanza la cima del Teide?", ("cima",), False),
    # the question's first word is capitalised as every first word is: no name
    ("Which rivers flow into the lake?", ("river",), False),
    ("Which rivers flow into the lake?", (), False),  # nothing gained
])
def test_a_gain_of_names_alone(question, terms, expected):
    assert names_only(question, tuple(question_terms(question)), gained(question, *terms)) is expected
