"""Latin words in the keyword index (qa.text.tokens): stemmed in their text's language (English or
Spanish, `latin_language`), without accents in the index, with them where the answerer looks for
them in sentences; Chinese terms exactly as before (issue 27: Spanish passages missed Spanish
questions because every Latin word was stemmed as English)."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from qa.store.keyword import FORMAT, KeywordIndex
from qa.text import lexicon
from qa.text.paraphrase import plain
from qa.text.questions import index_terms, question_terms
from qa.text.tokens import latin_language, tokenize


def no_fetch(ids):
    raise AssertionError(f"nothing should be fetched, asked for {ids}")


# -- which language ---------------------------------------------------------------------------
@pytest.mark.parametrize("word", lexicon.words("spanish_word"))
def test_each_spanish_function_word_tells_spanish(word):
    assert latin_language(f"Cotopaxi {word} Quito") == "es"
    assert latin_language(f"Cotopaxi {plain(word)} Quito") == "es"  # typed without its accent


@pytest.mark.parametrize("word", lexicon.words("english_word"))
def test_each_english_function_word_tells_english(word):
    assert latin_language(f"Cotopaxi {word} Quito") == "en"


def test_no_function_word_is_both_languages():
    assert not set(map(plain, lexicon.words("spanish_word"))) & set(map(plain, lexicon.words("english_word")))


@pytest.mark.parametrize("text, language", [
    ("El volcán se encuentra a 50 kilómetros de Quito, según los estudios.", "es"),
    ("¿Quiénes fueron los primeros en llegar a la cima?", "es"),
    ("Cuantos pisos tiene", "es"),  # typed without accents or ¿
    ("¡Vamos!", "es"),
    ("The volcano lies 50 kilometres south of Quito.", "en"),
    ("Who composed El amor brujo?", "en"),  # an English question naming a Spanish work
    ("La orquesta estrenó The Rite of Spring en París y la obra fue un escándalo.", "es"),  # and the reverse
    ("Cotopaxi altura", None),  # names and nouns only: nothing tells
    ("拉斯维加斯（Las Vegas）是美国内华达州最大的城市", "en"),  # Latin names in Chinese text: as always
    ("第 50 届 de la Mancha 电影节", "en"),
])
def test_the_language_of_a_text(text, language):
    assert latin_language(text) == language


# -- stems ------------------------------------------------------------------------------------
@pytest.mark.parametrize("passage, question, shared", [
    ("Lo visitan más de un millón de personas.", "¿Cuántos visitantes recibe?", {"visit"}),
    ("según los kilómetros recorridos", "segun el kilometro", {"segun", "kilometr"}),  # accents or none
    ("las alas extendidas del cóndor", "¿Qué tamaño alcanza su ala extendida?", {"extend"}),
    ("La producción de maíz creció.", "¿Quién produce más maiz?", {"maiz"}),
    ("Manchester United ganó la liga por primera vez en 1908.", "¿Cuándo ganó la liga el Manchester United?", {"manchest", "unit", "gan", "lig"}),
])
def test_a_spanish_question_shares_stems_with_the_spanish_passage(passage, question, shared):
    asked = tokenize(question, query=True, language=latin_language(question))
    assert shared <= set(tokenize(passage)) & set(asked)


@pytest.mark.parametrize("question, held", [
    # a Spanish question's terms (English stems, as the answerer finds them in sentences) are
    # weighed as its Spanish passages are held
    ("¿Cuántas personas visitan el volcán a 50 kilómetros?",
     {"50": "50", "persona": "person", "visitan": "visit", "volcán": "volcan", "kilómetro": "kilometr"}),
    ("¿Cuándo se marchó a vivir a París?", {"marchó": "march", "vivir": "viv", "parí": "paris"}),
    # an English or Chinese one as it stands, without accents
    ("When did the café in Bogotá open?", {"café": "cafe", "bogotá": "bogota", "open": "open"}),
    ("法國在哪一年爆發了二月革命？", {"法国": "法国", "爆发": "爆发", "革命": "革命"}),
])
def test_the_answerers_terms_as_the_index_holds_them(question, held):
    terms = question_terms(question)
    assert {t: h for t, h in zip(terms, index_terms(question, terms)) if t in held} == held


@pytest.mark.parametrize("word, stem", [
    ("París", "paris"),  # not "par", the stem of "para"
    ("pero", "pero"),  # a function word itself too
    ("comió", "comio"),  # not "com" (como)
    ("Perú", "peru"),
    ("nació", "nac"),
])
def test_a_spanish_word_is_never_held_as_a_function_words_stem(word, stem):
    assert tokenize(f"La ciudad de {word} es la que", "bigram")[3] == stem


def test_english_text_is_stemmed_as_before():
    assert tokenize("Creating JOBS quickly in the cities") == ["creat", "job", "quick", "in", "the", "citi"]
    assert tokenize("the piñata", "bigram", as_written=True) == ["the", "piñata"]
    assert tokenize("the piñata", "bigram") == ["the", "pinata"]


def test_a_query_of_unknown_language_is_stemmed_both_ways():
    assert tokenize("Cotopaxi altura", "bigram", query=True) == ["cotopaxi", "altura", "altur"]
    assert tokenize("Cotopaxi altura", "bigram") == ["cotopaxi", "altura"]  # a passage: English, as before


# Terms of Chinese text, pinned as the tokenizer gave them before Latin words had a language
# (HEAD 91f951c): Latin words in Chinese text stay English stems; only accents go (Pokémon).
CHINESE = [
    ("华强广场项目总投资约20亿元，可创造1000个就业岗位。",
     ["华强", "强广", "广场", "场项", "项目", "目总", "总投", "投资", "资约", "20", "亿元", "可创", "创造", "1000",
      "个就", "就业", "业岗", "岗位"]),
    ("使用 GPS 定位的 iPhone 在 2008 年发布", ["使用", "定位", "位的", "在", "2008", "年发", "发布", "gps", "iphon"]),
    ("《El amor brujo》是法雅的芭蕾舞剧，首演于1915年",
     ["是法", "法雅", "雅的", "的芭", "芭蕾", "蕾舞", "舞剧", "首演", "演于", "1915", "年", "el", "amor", "brujo"]),
    ("拉斯维加斯（Las Vegas）是美国内华达州最大的城市",
     ["拉斯", "斯维", "维加", "加斯", "是美", "美国", "国内", "内华", "华达", "达州", "州最", "最大", "大的", "的城",
      "城市", "las", "vega"]),
    ("法國在哪一年爆發了二月革命？", ["法国", "国在", "在哪", "哪一", "一年", "年爆", "爆发", "发了", "了二", "二月", "月革", "革命"]),
    ("第 50 届 de la Mancha 电影节", ["第", "50", "届", "电影", "影节", "de", "la", "mancha"]),
    ("Pokémon的游戏", ["的游", "游戏", "pokemon"]),
]


@pytest.mark.parametrize("text, terms", CHINESE)
@pytest.mark.parametrize("query", [False, True])
def test_chinese_terms_are_unchanged(text, terms, query):
    assert tokenize(text, "bigram", query=query) == terms


# -- the index ----------------------------------------------------------------------------------
SPANISH = {
    "v:0": "El Cotopaxi es un volcán activo situado a 50 kilómetros al sur de Quito.",
    "v:1": "Los primeros en alcanzar la cumbre fueron Wilhelm Reiss y Ángel Escobar en 1872.",
    "m:0": "Machu Picchu recibe cada año a más de un millón de visitantes.",
    "e:0": "The castle receives a million visitors every year.",
}


def test_spanish_questions_find_spanish_passages(tmp_path):
    index = KeywordIndex.open(tmp_path / "kw", set(), no_fetch)
    index.add([{"id": k, "text": v} for k, v in SPANISH.items()], live=set(SPANISH))
    for question, want in [("¿Cuántas personas visitan Machu Picchu?", "m:0"),
                           ("¿Quiénes alcanzaron primero la cumbre?", "v:1"),
                           ("segun los kilometros del volcan", "v:0")]:
        assert index.search(question, k=1, language=latin_language(question))[0][0] == want
    # the answerer's terms (English stems with accents) are counted as the index holds them
    question = "¿Cuántas personas visitan el volcán a 50 kilómetros?"
    n, df = index.document_frequency(index_terms(question, question_terms(question)))
    assert list(df) == [1, 0, 1, 1, 1]
    assert list(index.document_frequency(["visitor", "castl", "nowher"])[1]) == [1, 1, 0]
    assert index.search("visitors castle", k=1)[0][0] == "e:0"


def test_an_index_of_the_previous_format_is_rebuilt_with_spanish_stems(hash_settings, tmp_path):
    """An index written before Spanish stems (format 5) holds "visitantes" as "visitant": the first
    reader after the upgrade rebuilds it from Chroma, and a Spanish question's "visitan" finds it."""
    from qa.ask import find_passages
    from qa.config import load_settings
    from qa.ingest.pipeline import ingest
    from qa.store import Store

    folder = tmp_path / "docs"
    folder.mkdir()
    (folder / "machu.txt").write_text("Machu Picchu\n\n" + SPANISH["m:0"], encoding="utf-8")
    ingest([folder], hash_settings)
    meta_path = Path(hash_settings.store) / "keyword" / "index.json"
    meta = json.loads(meta_path.read_text(encoding="utf-8"))
    assert meta["format"] == FORMAT
    meta["format"] = FORMAT - 1
    meta_path.write_text(json.dumps(meta), encoding="utf-8")
    question = "¿Cuántas personas visitan Machu Picchu cada año?"
    settings = load_settings({"store": str(hash_settings.store), "embed": "hash", "retrieval": "keyword"}, env={})
    hits = find_passages(question, settings, store=Store.open(settings))
    assert json.loads(meta_path.read_text(encoding="utf-8"))["format"] == FORMAT
    assert Store.open(settings).keyword.document_frequency(["visit"])[1][0] == 1
    assert hits and "millón de visitantes" in hits[0].text
