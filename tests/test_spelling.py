"""British and American spellings of one English word (qa.text.spelling), and what the answerer
makes of them (qa.text.paraphrase.held, qa.text.pivot.base_forms): every entry of en.toml's
`spelling_word`, `spelling_ending` and `spelling_kept`."""

from __future__ import annotations

import pytest

from qa.text import lexicon, pivot
from qa.text.paraphrase import held
from qa.text.questions import question_terms
from qa.text.spelling import american, respelled


@pytest.mark.parametrize("british, us", list(lexicon.glossary("spelling_word").items()))
def test_a_listed_british_word_reads_as_its_american_spelling(british, us):
    assert american(british) == us
    assert american(us) == us


@pytest.mark.parametrize("ending, us_ending", list(lexicon.glossary("spelling_ending").items()))
def test_a_british_ending_reads_as_the_american_one(ending, us_ending):
    assert american("form" + ending) == "form" + us_ending
    assert american("fo" + ending) == "fo" + us_ending  # two letters kept before it suffice
    assert american("f" + ending) == "f" + ending       # one does not: four, hour, rise


@pytest.mark.parametrize("word", lexicon.words("spelling_kept"))
def test_a_word_a_rule_would_make_another_is_kept(word):
    assert american(word) == word


@pytest.mark.parametrize("british, us", [
    ("colour", "color"), ("favourite", "favorite"), ("honourable", "honorable"),
    ("organised", "organized"), ("organisation", "organization"), ("analyse", "analyze"),
    ("centre", "center"), ("centred", "centered"), ("theatres", "theaters"),
    ("travelled", "traveled"), ("travelling", "traveling"), ("fuelled", "fueled"),
    ("counsellor", "counselor"), ("cancelled", "canceled"), ("modelling", "modeling"),
    ("defence", "defense"), ("programme", "program"), ("jewellery", "jewelry"), ("catalogue", "catalog"),
])
def test_british_spellings_of_the_open_classes(british, us):
    assert american(british) == us


# the doubled l of a stressed syllable, words no rule may change, and words that are no other's
@pytest.mark.parametrize("word", ["filled", "called", "rolled", "stalled", "willing", "four", "hour", "your", "tour",
                                  "rise", "wise", "color", "center", "the", "prise", "timbre"])
def test_words_with_one_spelling_stay(word):
    assert american(word) == word


@pytest.mark.parametrize("question, sentence, term", [
    ("What colour is the flag of the province?", "The province's flag is a red color.", "colour"),
    ("What color is the flag of the province?", "The province's flag is a red colour.", "color"),
    ("Where is the research centre?", "The research center stands in Leeds.", "centr"),
    ("Where is the research center?", "The research centre stands in Leeds.", "center"),
    ("When was the defence pact signed?", "The defense pact was signed in 1949.", "defenc"),
    ("When did the programme start?", "The program started in 1962.", "programm"),
    ("Which fuel fuelled the engines?", "Kerosene fueled the engines.", "fuell"),
])
def test_a_question_word_is_held_by_a_sentence_spelling_it_otherwise(question, sentence, term):
    terms = tuple(question_terms(question))
    assert held(question, terms, sentence) >> terms.index(term) & 1


@pytest.mark.parametrize("question, sentence, term", [
    ("What colour is the flag?", "The flag has four stars.", "colour"),
    ("How many hours did it take?", "It took four days.", "hour"),
    ("Who filled the post?", "He filed a report.", "fill"),
])
def test_a_word_is_not_held_by_another_word(question, sentence, term):
    terms = tuple(question_terms(question))
    assert not held(question, terms, sentence) >> terms.index(term) & 1


def test_a_british_question_word_is_looked_up_in_american_spelling():
    # CC-CEDICT glosses "recognize", not "recognise"
    assert "recognize" in pivot.base_forms("recognised")
    assert pivot.synonyms("recognize")


# -- through qa ask ---------------------------------------------------------------------------------
HARBOR = ("Harbor Arts Center\n\nThe Harbor Arts Center is a museum on the waterfront of Portland. "
          "Its gray stone building was designed by Anna Ruiz and opened in 1931. "
          "The center added a theater in 1962, where its own company staged six plays a year. "
          "The neighborhood around it was rebuilt in the 1990s.\n")


@pytest.fixture
def harbor_store(tmp_path):
    from support.stores import store_of

    return store_of(tmp_path, {"harbor.txt": HARBOR})


def test_a_british_question_over_an_american_article_is_answered_in_full(harbor_store):
    from support.cli import ask_json

    # without the spellings "centre", "theatre" and "neighbourhood" counted as missing: support 0.59 and 0.17
    for question, answer in (("In what year did the centre add a theatre?", "1962"),
                             ("When was the neighbourhood rebuilt?", "1990s")):
        out = ask_json(harbor_store, question)
        assert not out["refused"] and answer in out["answer"] and out["support"] >= 0.9, out


@pytest.mark.parametrize("question, searched", [
    ("In what year did the centre add a theatre?", ["center", "theater"]),
    ("When was the neighbourhood rebuilt?", ["neighborhood"]),
    ("In what year did the center add a theater?", []),
    ("¿Cuál es el nombre del río entre los dos países?", []),  # Spanish: no "nomber", "enter"
])
def test_a_british_question_is_searched_in_american_spelling_too(question, searched):
    assert respelled(question) == searched
