"""A cause of death asked of a quote saying the death without one (qa.answer.death_causes), and the
lexicon's `death_cause` glossaries, the same keys in every language."""

import pytest

from qa.answer.death_causes import causeless_death
from qa.answer.latin_slots import worded_gaps
from qa.answer.slots import gaps
from qa.text import lexicon

_MENDEL = "Only in 1900, sixteen years after his death, did three botanists independently arrive at the same laws."


@pytest.mark.parametrize("question, text, expected", [
    ("What was the cause of Gregor Mendel's death?", _MENDEL, True),
    ("What was the cause of Gregor Mendel's death?", "He died of kidney disease in 1884.", False),
    ("What was the cause of Gregor Mendel's death?", "He died on 6 January 1884 of kidney disease.", False),
    ("What killed Mendel?", "Mendel died after a long illness.", False),
    ("How did Louis II die?", "Louis II drowned in a swollen stream while fleeing from the field.", False),
    ("How did Louis II die?", "Louis II died in 1526.", False),  # a story answers how: not read
    ("刘七是怎么死的？", "最后刘七中箭落水死，齐彦名中枪身亡。", False),
    ("What was the cause of Gregor Mendel's death?", "He was elected abbot in 1868.", True),  # no death at all
    ("What was the cause of Gregor Mendel's death?", "He succumbed to pneumonia after he was poisoned.", False),
    ("When did Mendel die?", _MENDEL, False),  # no cause asked
    ("¿De qué murió Favaloro?", "Se quitó la vida en Buenos Aires el 29 de julio de 2000.", False),
    ("¿Cuál fue la causa de la muerte de Favaloro?", "Murió en Buenos Aires en 2000.", True),
    ("¿Cuál fue la causa de la muerte de Favaloro?", "Murió de un infarto en Buenos Aires.", False),
    ("格里高尔·孟德尔的死因是什么？", "直到1900年，即他去世十六年之后，三位植物学家才各自独立地得出了同样的定律。", True),
    ("格里高尔·孟德尔的死因是什么？", "他于1884年因肾病去世。", False),
    ("格里高尔·孟德尔的死因是什么？", "他死于肾炎。", False),
    ("格里高尔·孟德尔的死因是什么？", "他于1884年病逝。", False),
])
def test_causeless_death(question, text, expected):
    assert causeless_death(question, text) is expected


def test_the_slot_checks_read_it():
    assert ("value", "cause of death") in [(g.kind, g.detail) for g in
                                           worded_gaps("What was the cause of Gregor Mendel's death?", _MENDEL, "")]
    assert ("value", "cause of death") in [(g.kind, g.detail) for g in
                                           gaps("孟德尔的死因是什么？", "直到1900年，即他去世十六年之后，三位植物学家才得出了同样的定律。", "")]


def test_the_keys_agree():
    keys = {"asked", "death", "manner", "after"}
    for language in ("en", "es", "zh"):
        assert keys <= set(lexicon.glossary("death_cause", language)) <= keys | {"before"}
