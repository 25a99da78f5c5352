"""A temperature of one change of state asked of a quote saying another (qa.answer.phases), and
the lexicon's `phase_change` classes, the same keys in every language."""

import pytest

from qa.answer.latin_slots import english_gaps, worded_gaps
from qa.answer.phases import other_phase
from qa.answer.slots import gaps
from qa.text import lexicon


@pytest.mark.parametrize("question, quote, expected", [
    ("What is the boiling point of gallium?", "a soft, silvery metal that melts at about 29.8 °C", "boiling point"),
    ("At what temperature does fluorine boil?", "in liquid hydrogen fluoride cooled to about −50 °C", "boiling point"),
    ("At what temperature does gallium melt?", "a soft, silvery metal that melts at about 29.8 °C", ""),
    ("What is the melting point of tin?", "Tin has a melting point of 232 °C", ""),
    ("At what temperature does water freeze?", "Water boils at 100 °C", "freezing point"),
    ("¿Cuál es el punto de fusión del galio?", "un metal blando que se funde a unos 29,8 °C", ""),
    ("¿A qué temperatura hierve el galio?", "un metal blando que se funde a unos 29,8 °C", "boiling point"),
    ("镓的沸点是多少？", "镓是一种柔软的银色金属，熔点约为29.8 °C", "boiling point"),
    ("镓的熔点是多少？", "镓是一种柔软的银色金属，熔点约为29.8 °C", ""),
    ("氟在什么温度下沸腾？", "通过对溶解在冷却至约 −50 °C 的液态氟化氢中的氟氢化钾通电", "boiling point"),
    ("What is the boiling point of gallium?", "镓的沸点约为2400 °C", ""),  # an English question over Chinese text
    ("How hot is the surface of Venus?", "It is about 464 °C", ""),  # no change of state asked
])
def test_other_phase(question, quote, expected):
    assert other_phase(question, quote) == expected


def test_every_slot_check_reads_it():
    assert ("value", "boiling point") in [(g.kind, g.detail) for g in
                                          worded_gaps("What is the boiling point of gallium?", "It melts at 29.8 °C", "")]
    assert ("value", "boiling point") in [(g.kind, g.detail) for g in
                                          english_gaps("What is the boiling point of gallium?", "镓的熔点为29.8 °C", "", "")]
    assert ("value", "boiling point") in [(g.kind, g.detail) for g in gaps("镓的沸点是多少？", "镓的熔点约为29.8 °C", "")]


_SAID = {"en": {"boiling": "it boils", "melting": "it melts", "freezing": "it freezes"},
         "es": {"boiling": "hierve", "melting": "se funde", "freezing": "se congela"},
         "zh": {"boiling": "沸腾", "melting": "熔化", "freezing": "凝固"}}


@pytest.mark.parametrize("language", ["en", "es", "zh"])
def test_phase_change_keys_agree(language):
    assert set(lexicon.glossary("phase_change", language)) == set(_SAID["en"])


@pytest.mark.parametrize("language, key", [(lang, key) for lang in _SAID for key in _SAID[lang]])
def test_each_phase_is_said_by_its_words_only(language, key):
    import re

    classes = lexicon.glossary("phase_change", language)
    assert re.search(classes[key], _SAID[language][key])
    assert not any(re.search(words, _SAID[language][key]) for other, words in classes.items() if other != key)
