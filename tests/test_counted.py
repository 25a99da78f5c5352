"""A count asked of a quote whose every figure counts another thing (qa.answer.counted): people
where a thing is asked, a measure where a count is."""

import pytest

from qa.answer.counted import counted_other
from qa.answer.latin_slots import worded_gaps
from qa.text import lexicon


@pytest.mark.parametrize("question, quote, expected", [
    # people counted where countries are asked; a length where tributaries are
    ("How many countries are members of the World Flying Disc Federation?",
     "two teams of seven players try to score points by catching a plastic disc", "countries"),
    ("How many tributaries does the Vistula have?", "flowing for about 1,047 kilometres from its springs", "tributaries"),
    ("How many eggs does the bird lay?", "in liquid hydrogen fluoride cooled to about −50 °C", "eggs"),
    ("¿Cuántos ascensores tiene la ciudad?", "la ciudad cuenta con unos 300.000 habitantes", "ascensores"),
    # a count of the thing asked anywhere in the quote answers it
    ("How many cars can the ferry carry?", "carries up to 35 cars and 250 passengers per crossing", ""),
    # a wider word, another word for the thing: not read as another thing
    ("How many kakapo were left in 1995?", "By 1995 the known population had fallen to just 51 birds", ""),
    ("How many designs were submitted?", "was chosen in 1957 from more than 230 entries", ""),
    # people of any kind answer a count of people or of a body of them
    ("How many people live in the town?", "the town has about 3,100 inhabitants", ""),
    ("How many troops did the king gather?", "could gather no more than about 25,000 men", ""),
    ("¿Cuántas personas fueron evacuadas?", "miles de personas río abajo tuvieron que ser evacuadas", ""),
    # a bare figure, a figure before a joiner, a year, a share: may count anything
    ("How many countries signed the treaty?", "By 1990 the number had reached 42.", ""),
    ("How many countries signed the treaty?", "It was signed in 1987 by 24 of them", ""),
    ("How many countries signed the treaty?", "about 40 per cent of the members signed it", ""),
    # a count of years is not answered by a span of days; by one of months it may be
    ("¿Cuántos años vive un guacamayo rojo?", "la hembra pone dos o tres huevos que incuba durante unos 25 días", "años"),
    ("How many days did it take?", "it took 30 minutes", "days"),
    ("How many years did the war last?", "it lasted about 18 months", ""),
    ("How many years did the war last?", "it lasted 116 years", ""),
    ("How many years did the war last?", "from 1618 to 1648", ""),
    # a measure asked is not a count
    ("How many kilometres long is the river?", "it is 1,047 kilometres long", ""),
    # "how much" asks a mass, said in units
    ("How much gold was found?", "about 300 tonnes of rock were moved", ""),
])
def test_counted_other(question, quote, expected):
    assert counted_other(question, quote) == expected


def test_a_count_of_another_thing_is_a_value_gap():
    gaps = worded_gaps("How many countries are members of the federation?",
                       "The federation was set up by two teams of seven players each.", "")
    assert ("value", "number of countries") in [(g.kind, g.detail) for g in gaps]


@pytest.mark.parametrize("language", ["en", "es"])
def test_the_scale_of_time_holds_every_unit(language):
    """Each unit of time (`time_unit`) has its place on the scale (`time_scale`)."""
    from qa.answer.counted import _rank

    for unit in lexicon.load(language)["words"]["time_unit"]:
        assert _rank(unit) is not None, unit


@pytest.mark.parametrize("word", lexicon.words("people_group"))
def test_every_people_group_counts_people(word):
    """Each body of people is answered by a count of men (none reads as another thing)."""
    question = f"How many {word} were there?" if word.isascii() else f"¿Cuántos {word} había?"
    assert counted_other(question, "there were about 25,000 men and women") == ""


@pytest.mark.parametrize("question, quote, expected", [
    ("¿Cuánta electricidad genera la central de Salto Grande?",
     "inaugurada en 1979, cuya central hidroeléctrica abastece a los dos países", True),
    ("¿Cuánta electricidad genera la central de Salto Grande?", "genera unos 6.700 gigavatios hora al año", False),
    ("How much electricity does the dam generate?", "it generates about 1,890 MW", False),
    ("How much electricity does the dam generate?", "it generates 22.5 billion kWh a year", False),
    ("How much electricity does the dam generate?", "it was opened in 1979 and supplies two countries", True),
    ("How many homes lost electricity in the storm?", "leaving about 18,000 homes without electricity", False),
])
def test_unpowered(question, quote, expected):
    from qa.answer.counted import unpowered

    assert unpowered(question, quote) is expected
