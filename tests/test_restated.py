"""qa.answer.restated: what an English or Spanish text says of a question's word without writing it."""

from __future__ import annotations

import pytest

from qa.answer.latin_slots import worded_gaps
from qa.answer.restated import adverb_led, light_object, name_written, place_named
from qa.text import lexicon


@pytest.mark.parametrize("question, text, kinds", [
    # the light verb's object a few words on, said as its own verb
    ("Who gave the cinchona genus its name?",
     "It was from her title that the botanist Carl Linnaeus named the genus in 1742.", []),
    ("Who gave the cinchona genus its name?", "The botanist Carl Linnaeus described the genus in 1742.", ["event"]),
    ("Who made the discovery of the tomb?", "The tomb was discovered in 1922 by Howard Carter.", []),
    ("Who made the discovery of the tomb?", "The tomb was opened in 1922 by Howard Carter.", ["event"]),
    # a word WordNet derives from the object ("decision": decided)
    ("Who made the decision to close the mine?", "The owners decided to close the mine in 1920.", []),
    ("¿Quién dio nombre a la ciudad?", "La ciudad fue nombrada así por el virrey Toledo.", []),
    ("¿Quién dio nombre a la ciudad?", "La ciudad fue fundada por el virrey Toledo.", ["event"]),
    # the object said in another form than written counts for the first light verbs too
    ("Who took command of the Swedish army?", "Bernhard commanded the Swedish army after 1632.", []),
    # ... but not an object the verb is not light with
    ("Who gave the museum its paintings?", "The museum was painted white in 1900.", ["event"]),
])
def test_a_light_verbs_object_says_the_event(question, text, kinds):
    assert [g.kind for g in worded_gaps(question, text, "") if g.kind == "event"] == kinds


def test_a_light_verbs_object_is_read_only_a_few_words_on():
    assert light_object("gave", " the cinchona genus its name", "Linnaeus named it", "en")
    assert not light_object("gave", " the big old red cinchona genus a name", "Linnaeus named it", "en")


@pytest.mark.parametrize("question, text, kinds", [
    ("¿Quién fundó la ciudad de Veracruz?", "Veracruz fue fundada en 1519 por Hernán Cortés.", []),
    ("¿Quién fundó la ciudad de Veracruz?", "Xalapa fue fundada en 1519 por Hernán Cortés.", ["focus"]),
    ("Who founded the town of Sitka?", "Sitka was founded in 1799 by Alexander Baranov.", []),
    # a kind that is no place is not said by a name after it
    ("Who founded the museum of Sitka?", "Sitka was founded in 1799 by Alexander Baranov.", ["focus"]),
])
def test_a_place_kind_is_said_by_the_places_name(question, text, kinds):
    assert [g.kind for g in worded_gaps(question, text, "") if g.kind == "focus"] == kinds


@pytest.mark.parametrize("noun", lexicon.words("place_noun"))
def test_every_place_noun_is_said_by_the_name_after_it(noun):
    assert place_named(noun, " of Xanadu?", "Xanadu was built in 1275.", "en")
    assert not place_named(noun, " of Xanadu?", "Shangdu was built in 1275.", "en")
    assert not place_named(noun, " was founded?", "Xanadu was built in 1275.", "en")


@pytest.mark.parametrize("word, written, said", [
    ("Egyptians", "used in the eye paint of ancient Egypt", True),
    ("Chinese", "the border between China and Russia", True),
    ("Swedish", "he sailed from Sweden", True),
    ("Russian", "the tsars of Russia", True),
    ("Koreans", "the kingdoms of Korea", True),
    ("Germans", "the states of Germany", True),
    ("Peruvians", "the coast of Peru", True),
    ("Israelis", "the state of Israel", True),
    ("Pakistani", "the provinces of Pakistan", True),
    ("Mongols", "the steppes of Mongolia", True),
    ("Egyptians", "the Sinai was mined", False),
    ("Austrian", "the colonies of Australia", False),  # runs on four letters: another country
    ("Egyptians", "the ancient egypt", False),  # lower case is no name
    ("French", "the kings of France", True),  # an irregular one: `name_alias`
    ("Soviet", "the Russian physicist", True),
    ("French", "the kings of Spain", False),
    ("México", "los mexicanos", False),  # Spanish: its demonyms are lower case (latin_slots._demonym)
])
def test_a_name_is_written_by_its_people_or_adjective(word, written, said):
    language = "es" if word == "México" else "en"
    assert name_written(word, written, language) is said


@pytest.mark.parametrize("ending", lexicon.words("demonym_ending"))
def test_every_demonym_ending_leads_to_its_country(ending):
    assert name_written(f"Zorbat{ending}".title(), "the hills of Zorbata", "en")
    assert not name_written(f"Zorbat{ending}".title(), "the hills of Quorbata", "en")


@pytest.mark.parametrize("question, text, kinds", [
    ("Who first isolated the metal?", "The metal was not isolated until 1735, when Georg Brandt showed it.", []),
    ("Who later rebuilt the tower?", "The tower was rebuilt in 1850 by Viollet-le-Duc.", []),
    # the adverb said still says it; neither said is a gap
    ("Who first obtained tungsten?", "The first tungsten metal was made by the Elhuyar brothers.", []),
    ("Who first isolated the metal?", "The metal was mined until 1735, when Georg Brandt came.", ["event"]),
])
def test_the_verb_an_adverb_leads_is_the_event(question, text, kinds):
    assert [g.kind for g in worded_gaps(question, text, "") if g.kind == "event"] == kinds


@pytest.mark.parametrize("adverb", lexicon.words("verb_adverb"))
def test_every_verb_adverb_leads_its_verb(adverb):
    assert adverb_led(adverb, " isolated the metal?", "The metal was isolated in 1735.", f"Who {adverb} isolated the metal?")
    assert not adverb_led(adverb, " isolated the metal?", "The metal was mined in 1735.", f"Who {adverb} isolated the metal?")


@pytest.mark.parametrize("question, text, kinds", [
    # the prize called by its name alone is the prize's event, which the text says by its own verb
    ("¿Con quién recibió el Nobel?", "Con Camillo Golgi compartió en 1906 el Premio Nobel de Medicina.", []),
    ("Who shared the Nobel with Lee?", "Yang and Lee were awarded the Nobel Prize in Physics in 1957.", []),
    ("¿Con quién recibió el Nobel?", "Con Camillo Golgi compartió en 1906 la cátedra de Medicina.", ["event"]),
])
def test_the_nobel_alone_is_a_prize(question, text, kinds):
    assert [g.kind for g in worded_gaps(question, text, "") if g.kind == "event"] == kinds
