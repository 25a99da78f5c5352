"""The kind of span an English or Spanish short answer must be (qa.answer.short_latin): a place
holds a name, an event is no place nor person, an attribute word modifying another noun asks no
value, a name written after the asked noun is the one asked, a thing's name keeps "of the", a
measure of the asked noun counts it. Each row is a question, a quote and the short answer it must
give (None: none); the word classes read (`event_name`, `determiner`) are each run through one."""

from __future__ import annotations

import pytest

from qa.answer.short import short_answer
from qa.text import lexicon

ANSWERED = [
    # a place holds a capitalised word: «Desde 2013» names no place
    ("¿Dónde puede verse hoy el submarino?", "Desde 2013 el submarino, ya restaurado, se exhibe en el Museo Naval de Cartagena.",
     "Museo Naval de Cartagena"),
    # the name after the asked noun, not the adjective run before it
    ("Which astronomer named the element?", "In 1868 the English astronomer Norman Lockyer named it after Helios.",
     "Norman Lockyer"),
    # a thing's name keeps "of the"
    ("Which country mines most of the world's cobalt?",
     "Most cobalt is a by-product of copper mining, and the Democratic Republic of the Congo supplies around 70 per "
     "cent of the world's output.",
     "Democratic Republic of the Congo"),
    # a measure of the asked noun ("electronvolts of energy") counts it; "in two" counts nothing asked
    ("How much energy was freed when the nucleus split?",
     "The nucleus had split in two, releasing about 200 million electronvolts of energy.", "200 million electronvolts"),
    # a capitalised adjective between a figure and its noun
    ("How many triremes did the Greeks have?", "Some 600 to 800 vessels could not manoeuvre, and the 370 Greek triremes rammed them.",
     "370 Greek triremes"),
    # an attribute noun followed by a verb still asks its value
    ("¿Qué tamaño alcanzan sus alas extendidas?", "Sus alas extendidas alcanzan 3 metros.", "3 metros"),
]

UNANSWERED = [
    # "deep" modifies "winter dives": the question asks a prey, not a depth
    ("What prey do narwhals pursue on their deep winter dives?",
     "Narwhals regularly descend to 1,500 metres in winter to hunt beneath the dense pack ice."),
    # an event is no person
    ("¿Quiénes prendieron fuego a la cripta?", "Durante la Guerra Civil, en 1936, unos anarquistas incendiaron la cripta."),
]


@pytest.mark.parametrize(("question", "quote", "short"), ANSWERED)
def test_the_span_of_the_kind_asked(question, quote, short):
    assert short_answer(question, [quote]) == short


@pytest.mark.parametrize(("question", "quote"), UNANSWERED)
def test_no_span_of_another_kind(question, quote):
    assert short_answer(question, [quote]) is None


@pytest.mark.parametrize("word", lexicon.words("event_name"))
def test_an_event_is_no_place_nor_person(word):
    name = f"Great {word.capitalize()}"
    assert short_answer("Where did they meet?", [f"They met in the {name} of 1870."]) is None
    assert short_answer("Who burned the crypt?", [f"{name} Smith burned the crypt."]) is None
    assert short_answer("Where did they meet?", [f"They met in Lisbon during the {name}."]) == "Lisbon"


@pytest.mark.parametrize("word", lexicon.words("determiner"))
def test_an_attribute_word_after_a_determiner_modifying_a_noun_asks_no_value(word):
    quote = "The whales descend to 1,500 metres in winter to hunt halibut."
    assert short_answer(f"What prey do whales hunt on {word} deep winter dives?", [quote]) is None
    assert short_answer(f"What is {word} depth of the dives?", [quote]) == "1,500 metres"


@pytest.mark.parametrize("word", lexicon.words("kin_word"))
def test_a_name_after_another_relation_is_not_the_one_asked(word):
    other = "cousin" if word != "cousin" else "uncle"
    said = "Ada lived with her {} Anne Isabella Milbanke."
    assert short_answer(f"Who was Ada's {word}?", [said.format(other)]) is None
    assert short_answer(f"Who was Ada's {word}?", [said.format(word)]) == "Anne Isabella Milbanke"
