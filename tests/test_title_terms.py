"""qa.answer.title_terms: the question terms an article's title holds (the windows' topic terms)."""

import pytest

from qa.answer.title_terms import title_terms
from qa.text.cjk import fold
from qa.text.questions import question_terms


def _held(question: str, title: str) -> set[str]:
    terms = tuple(question_terms(fold(question)))
    mask = title_terms(fold(question), terms, 0, fold(title))
    return {t for i, t in enumerate(terms) if mask >> i & 1}


@pytest.mark.parametrize(("question", "title", "held", "not_held"), [
    # a stem the title writes in another form ("irrawaddi" is no substring of "irrawaddy")
    ("What is the name of the biggest river feeding into the Irrawaddy?", "Irrawaddy River",
     {"irrawaddi", "river"}, {"biggest", "feed"}),
    ("When did Sicily become part of the Kingdom of Italy?", "Sicily", {"sicili"}, {"itali", "kingdom"}),
    # as written still
    ("Who first identified osmium?", "Osmium", {"osmium"}, {"identifi"}),
    # a headline holding every term in some form: only what it writes as written, so a focus term is left
    ("¿Adónde se trasladará el mercado?", "El mercado de Robledal se traslada a la antigua estación",
     {"mercado"}, {"trasladará"}),
    ("Why is the bird named after a secretary?", "Secretary bird", {"bird"}, {"secretari"}),
    # Chinese: as written only
    ("本鱼的体色是什么颜色？", "银鲳", set(), {"颜色"}),
])
def test_title_terms(question, title, held, not_held):
    found = _held(question, title)
    assert held <= found
    assert not (not_held & found)
