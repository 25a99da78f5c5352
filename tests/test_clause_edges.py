"""Where a cut English or Spanish sentence's quote starts and ends (`qa.answer.clauses`,
`qa.text.sentences.split_clauses`): the right sentence quoted, its answer cut away, was the second
biggest English miss of session 16's checks. A subordinate clause the sentence opens with is said of
the clause after it; a joining word alone before a comma opens a clause an aside interrupts; a run
of the article's subject alone takes the next phrase within the reach a run of question terms takes."""

from __future__ import annotations

import pytest

from qa.answer.clauses import Phrase, clause_run, phrases, subject_run
from qa.answer.windows import analyse
from qa.text import lexicon
from qa.text.sentences import Span, split_clauses
from tests.test_clauses import p

# single words of the lexicon joining a clause to the one before ("and", "which", «y», «donde»)
JOINERS = sorted({w for w in lexicon.words("fine_clause_opener") + lexicon.words("relative_word") if " " not in w})


@pytest.mark.parametrize("word", JOINERS)
def test_a_joining_word_alone_before_a_comma_joins_the_aside_to_its_clause(word):
    text = (f"The old mill stood beside the river for two centuries, {word}, after the great flood of that year, "
            "the town rebuilt it in stone.")
    assert [text[s.start:s.end] for s in split_clauses(text)] == [
        "The old mill stood beside the river for two centuries,",
        f"{word}, after the great flood of that year, the town rebuilt it in stone."]


@pytest.mark.parametrize("text, parts", [
    # an adverb alone before a comma opens no interrupted clause: its phrase ends at the aside's comma
    ("The old mill stood beside the river for two centuries, however, after the great flood of that year, "
     "the town rebuilt it in stone.",
     ["The old mill stood beside the river for two centuries,", "however, after the great flood of that year,",
      "the town rebuilt it in stone."]),
    # a joining word with words of its own before the comma is a phrase as before
    ("The cassowary lives in the forests of New Guinea, and after the ostrich and the emu, it is ranked as the "
     "third-tallest living bird.",
     ["The cassowary lives in the forests of New Guinea,", "and after the ostrich and the emu,",
      "it is ranked as the third-tallest living bird."]),
])
def test_other_phrases_are_cut_as_before(text, parts):
    assert [text[s.start:s.end] for s in split_clauses(text)] == parts


def fronted(size: int, cue: bool = True) -> Phrase:
    return p(size, cue=cue)._replace(fronted=True)


@pytest.mark.parametrize("parts, run", [
    # the cue of the subordinate clause the sentence opens with is at the terms: the shorter run holds it
    ([fronted(27), p(103, 0b01, tail=10), p(28), p(101, cue=True)], (0, 1)),
    # not opening the sentence's clause ("In 1998, | …"), a cue before the terms is passed over for one after
    ([p(27, cue=True), p(103, 0b01, tail=10), p(28), p(101, cue=True)], (1, 3)),
    # a fronted clause with no cue changes nothing
    ([fronted(27, cue=False), p(103, 0b01, tail=10), p(28), p(101, cue=True)], (1, 3)),
])
def test_a_fronted_subordinate_clause_is_said_of_the_clause_after_it(parts, run):
    assert clause_run(parts, 0b01, 0) == run


LITHIUM = ("Because it is so reactive, lithium never occurs free in nature and is extracted either from hard-rock "
           "minerals such as spodumene, mined chiefly in Australia, or from salty brines left to evaporate in vast "
           "ponds in the so-called lithium triangle of Argentina, Bolivia and Chile.")


def test_a_why_question_is_answered_by_the_because_clause_before_its_words():
    q = analyse("Why is lithium never found in nature as a free metal?", None)
    quote = LITHIUM[slice(*phrases(LITHIUM, "Lithium", Span(0, len(LITHIUM)), q, 150, True, 180))]
    assert quote.startswith("Because it is so reactive, lithium never occurs free in nature")


@pytest.mark.parametrize("parts, reach, run", [
    # the next phrase past the budget is taken within the reach when no phrase holds the wanted type
    ([p(105, 0b01), p(72), p(22)], 180, (0, 1)),
    ([p(105, 0b01), p(72), p(22)], 0, (0, 0)),
    ([p(105, 0b01), p(80), p(22)], 180, (0, 0)),
    # a phrase holding the wanted type: no reach
    ([p(105, 0b01), p(72), p(22, cue=True), p(90)], 180, (0, 2)),
])
def test_subject_run_takes_the_next_phrase_within_reach(parts, reach, run):
    assert subject_run(parts, 0b01, 150, reach=reach) == run


AJOLOTE = ("El ajolote (Ambystoma mexicanum) es un anfibio urodelo endémico del sistema de lagos del valle de México, "
           "cuyo único hábitat natural que sobrevive son los canales de Xochimilco, al sur de la capital.")


def test_a_sentence_matched_by_its_subject_alone_is_quoted_within_reach():
    q = analyse("¿En qué lugar vive todavía el ajolote en libertad?", None)
    assert "Xochimilco" in AJOLOTE[slice(*phrases(AJOLOTE, "Ajolote", Span(0, len(AJOLOTE)), q, 150, True, 180))]
    assert "Xochimilco" not in AJOLOTE[slice(*phrases(AJOLOTE, "Ajolote", Span(0, len(AJOLOTE)), q, 150, True, 0))]


@pytest.mark.parametrize("question, phrase, opens", [
    # the question's word after "what", said another way (en.toml word class), opening the phrase as a verb
    ("What lets devils consume even the bones of a carcass?", "allow them to eat almost every part of a carcass,", True),
    ("What causes earthquakes near the coast?", "cause the ground to shake,", True),
    # a question the reader reads as asking a subject already ("What gives…" + "the": `asks_subject`)
    ("What gives the mountain its pyramid shape?", "give it the shape of a pyramid.", False),
    # another word, a function word, or a question asking no which/what
    ("What lets devils consume even the bones of a carcass?", "including the bones and fur.", False),
    ("What lets devils consume even the bones of a carcass?", "the bones and fur are eaten too.", False),
    ("Which river flows through the city?", "flows through the old town,", False),
    ("Who built the old bridge?", "built it in stone in 1850,", False),
])
def test_a_phrase_opening_with_the_verb_asked(question, phrase, opens):
    from qa.answer.phrase_kinds import opens_asked_verb

    assert opens_asked_verb(question, phrase) is opens


DEVILS = ("Devils are chiefly scavengers, and their jaws, which are among the strongest relative to body size of any "
          "living mammal, allow them to eat almost every part of a carcass, including the bones and fur.")


def test_a_what_question_asking_the_subject_of_its_verb_is_quoted_from_the_subject():
    q = analyse("What lets devils consume even the bones of a carcass?", None)
    quote = DEVILS[slice(*phrases(DEVILS, "Tasmanian devil", Span(0, len(DEVILS)), q, 150, True, 180))]
    assert "their jaws" in quote and quote.endswith("including the bones and fur.")


def named(size: int, mask: int = 0, tail: int = 99) -> Phrase:
    """A phrase naming something the question does not (`Phrase.named`)."""
    return p(size, mask, tail=tail)._replace(named=True)


@pytest.mark.parametrize("parts, run", [
    # a question naming the kind it asks: a run naming nothing takes the phrases after it through
    # the first that names something, not past the budget's widening alone
    ([p(60, 0b01, tail=5), p(50), named(60), p(90)], (0, 2)),
    ([p(60, 0b01, tail=5), named(50), p(60), p(90)], (0, 1)),
    # ...not when the run names something already, nor when nothing after it does
    ([named(60, 0b01, tail=5), p(50), named(60), p(90)], (0, 1)),
    ([named(60), p(60, 0b01, tail=5), p(60), p(90)], (1, 2)),
])
def test_a_run_naming_nothing_takes_the_phrase_naming_something(parts, run):
    assert clause_run(parts, 0b01, 150) == run


LAMPS = ("After the old gas lamps, once common in the streets and squares of the town, were found in the 1890s to "
         "poison the air, their use was stopped under the Harbour Act of 1901.")
TORRE = ("Terminada en 1931, con sus 90 metros de altura fue durante unos años el edificio más alto de la región, "
         "hasta que en 1936 la superó la Torre Marina de Valmar, obra del mismo arquitecto y de estilo muy parecido.")


@pytest.mark.parametrize("question, title, text, quote", [
    ("What law banned the gas lamps?", "Valmar", LAMPS, LAMPS),
    ("¿Qué edificio le quitó el récord de altura en la región?", "Torre Norte", TORRE,
     TORRE[:TORRE.index(", obra")]),
])
def test_a_question_naming_its_kind_is_quoted_through_a_name(question, title, text, quote):
    q = analyse(question, None)
    assert text[slice(*phrases(text, title, Span(0, len(text)), q, 150, True, 180, 80))] == quote


@pytest.mark.parametrize("question, text, named, kinds", [
    # the kind named: a capitalised word that is not the sentence's first, a question word or the
    # title's; and the kind's noun said
    ("What law banned the gas lamps?", LAMPS, [False, False, False, True], [False] * 4),
    ("¿Qué país produce más maíz?", "Hoy es el cereal con mayor producción del mundo, y Estados Unidos, su primer "
     "productor, lo destina al ganado.", [False, True], [False, False]),
    ("What law banned the gas lamps?", "The lamps, the first in the town, were banned by a law of the harbour board.",
     [False, False], [False, True]),
    # no kind named ("When…"): none
    ("When were the gas lamps banned?", LAMPS, [False] * 4, [False] * 4),
    # the question's own words and the title's are no name of something else ("Act" is the kind said)
    ("Which Act of Valmar banned the lamps of the Harbour?", LAMPS, [False] * 4, [False, False, False, True]),
])
def test_name_cues(question, text, named, kinds):
    from qa.answer.phrase_cues import name_cues

    q = analyse(question, None)
    assert name_cues(text, split_clauses(text), q, "Valmar") == (named, kinds)


def test_a_run_saying_the_kind_asked_keeps_its_cut():
    # "a line closed…" says what the question's "line" is: no name sought after it
    text = ("Since 1998, when the rebuilt harbour railway reopened a line closed in the last century, day trippers "
            "have been able to travel from Dunmore to the old quay at Kilbride.")
    q = analyse("Which line did the rebuilt railway reopen?", None)
    assert text[slice(*phrases(text, "Harbour railway", Span(0, len(text)), q, 150))] == text[:text.index(", day")]
