"""English synonyms read from CC-CEDICT through its Chinese words (qa.text.pivot), and what the
answerer makes of them (qa.text.paraphrase)."""

from __future__ import annotations

import pytest

from qa.text import pivot
from qa.text.paraphrase import held
from qa.text.questions import question_terms
from support.cli import ask_json
from support.dictionary import use_dictionary
from support.stores import store_of


@pytest.mark.parametrize("word, synonym", [
    ("firm", "company"),     # 公司, 商行 ...
    ("cease", "stop"),       # 停止, 停息
    ("award", "prize"),
    ("die", "death"),
])
def test_two_words_glossing_the_same_chinese_words_stand_for_each_other(word, synonym):
    assert synonym in pivot.synonyms(word)
    assert word in pivot.synonyms(synonym)


@pytest.mark.parametrize("word", ["the", "which", "Beijing", "xylophonist", ""])
def test_stop_words_names_and_unknown_words_have_no_synonyms(word):
    assert pivot.synonyms(word) == ()


DICTIONARY = """# CC-CEDICT (a few entries written for this test, in its format)
公司 公司 [gong1 si1] /firm/company/
商行 商行 [shang1 hang2] /firm/company/trading company/
停止 停止 [ting2 zhi3] /to stop/to cease/
打 打 [da3] /to hit/to make/
打工 打工 [da3 gong1] /to work/to make/
做工 做工 [zuo4 gong1] /to work; to make; to do; to build; to labor; to toil; to craft/
北京 北京 [Bei3 jing1] /firm/company/
"""


def test_the_index_wants_two_shared_headwords_and_is_kept_in_the_cache_folder(tmp_path, monkeypatch):
    source = use_dictionary(tmp_path, monkeypatch, DICTIONARY)
    index = pivot.build(source)
    assert index["firm"] == "company" and index["company"] == "firm"  # 公司 and 商行; 北京 is a name
    assert "cease" not in index        # one headword (停止) is too little
    assert "work" not in index         # 打工 only: 做工 has more than MAX_GLOSSES glosses, 打 is one character
    pivot._index.cache_clear()
    try:
        assert pivot.synonyms("firm") == ("company",)
        assert list((tmp_path / "cache").rglob("pivot-*.pickle"))
    finally:
        pivot._index.cache_clear()


def test_a_question_word_is_held_by_a_sentence_saying_its_synonym():
    question = "When did the firm cease production?"
    terms = tuple(question_terms(question))
    mask = held(question, terms, "The company stopped making them in 1929.")
    assert {t for i, t in enumerate(terms) if mask >> i & 1} >= {"firm", "ceas"}
    assert not held(question, terms, "The workshop moved to a larger building.") & (1 << terms.index("firm"))


def test_a_spanish_question_reads_no_english_synonyms():
    question = "¿Cuándo dejó de producir la firma?"  # "firma" is no English word to look up
    terms = tuple(question_terms(question))
    assert not held(question, terms, "La compañía dejó de fabricarlos.") & (1 << terms.index("firma"))


# -- through qa ask ---------------------------------------------------------------------------------
PHONOGRAPH = ("Phonograph\n\nThe phonograph was invented by Thomas Edison in 1877 at his laboratory in Menlo Park. "
              "Discs replaced cylinders in the 1920s. Edison's own company stopped making cylinders in 1929.\n")


@pytest.fixture
def phonograph_store(tmp_path):
    return store_of(tmp_path, {"phonograph.txt": PHONOGRAPH})


def test_a_question_wording_its_words_otherwise_is_answered_from_the_sentence_saying_them(phonograph_store):
    # firm / company, cease / stop: without the synonyms the first sentence (Edison, a year) is quoted
    out = ask_json(phonograph_store, "In what year did Edison's firm cease producing cylinders?")
    assert not out["refused"] and "1929" in out["answer"], out


# -- a question's word looked up by its base ----------------------------------------------------------
@pytest.mark.parametrize("word, base", [
    ("carried", "carry"),    # base_ending ied -> y
    ("tourists", "tourist"),  # s
    ("reached", "reach"),    # ed
    ("stopped", "stop"),     # ed after a doubled consonant
    ("stopping", "stop"),    # ing likewise
    ("sent", "send"),        # verb_forms
    ("got", "get"),
])
def test_a_form_of_a_word_is_looked_up_by_its_base(word, base):
    assert pivot.base_forms(word)[:1] == (word,)
    assert base in pivot.base_forms(word)
    assert pivot.synonyms(base)  # the index lists the base


@pytest.mark.parametrize("word", ["news", "species", "thing", "sing"])
def test_a_base_the_index_does_not_hold_is_no_base(word):
    assert all(b == word or pivot.synonyms(b) for b in pivot.base_forms(word))


def test_an_inflected_question_word_is_held_by_its_synonym_in_any_form():
    question = "What did the ships carried?"  # carried -> carry -> transport
    terms = tuple(question_terms(question))
    bit = 1 << terms.index("carri")
    assert held(question, terms, "The ships transported grain.") & bit
    assert not held(question, terms, "The ships sank in the storm.") & bit


def test_a_synonym_is_held_as_a_word_not_as_the_start_of_another():
    # perform / act (CC-CEDICT): "active" is no form of "act"; an Etna sentence answered for Pascal's experiment
    question = "On which mountain was the experiment of 1648 performed?"
    terms = tuple(question_terms(question))
    bit = 1 << terms.index("perform")
    assert not held(question, terms, "Mount Etna is an active stratovolcano.") & bit
    assert held(question, terms, "The students act it out.") & bit
