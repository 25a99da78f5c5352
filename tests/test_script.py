"""Traditional and Simplified Chinese: the character fold, which script a text is in, and the same
answer whichever script a question is typed in, over a store that holds articles in both."""

from __future__ import annotations

from pathlib import Path

import pytest

from qa.text import lexicon
from qa.text.cjk import fold, reply_language
from qa.text.questions import question_terms, question_type
from qa.text.script import is_traditional, opencc_tables, restore, to_simplified
from qa.text.tokens import normalize_answer, terms, tokenize
from support.cli import ask_json, run_qa

# (Traditional, Simplified): characters, Taiwan variants (著 for 着, 裏/裡), and whole questions.
FOLDS = [
    ("這個崗位", "这个岗位"),
    ("誰", "谁"),
    ("哪個", "哪个"),
    ("隨著臺灣的發展", "随着台湾的发展"),
    ("頭髮", "头发"),
    ("什麼時候", "什么时候"),
    ("裡面", "里面"),
    ("裏面", "里面"),
    ("後來", "后来"),
    ("華強廣場項目可以創造多少個就業崗位？", "华强广场项目可以创造多少个就业岗位？"),
    ("2024年ＡＩ", "2024年ＡＩ"),  # width is cjk.fold's job, not the script fold's
    ("為甚麼", "为什么"),  # Taiwan's spelling of the word (script_words.txt), not only its characters
    ("他甚麼時候到", "他什么时候到"),
    ("甚至", "甚至"),  # 甚 alone is no variant
]


@pytest.mark.parametrize("traditional, simplified", FOLDS)
def test_a_traditional_text_folds_to_its_simplified_form(traditional, simplified):
    assert to_simplified(traditional) == simplified
    assert to_simplified(simplified) == simplified  # idempotent: the Simplified form stays
    assert len(to_simplified(traditional)) == len(traditional)  # offsets carry over to the original


def test_every_character_of_the_table_folds_to_one_that_stays():
    table, _ = opencc_tables()
    for t, s in table.items():
        assert to_simplified(t) == s and to_simplified(s) == s, (t, s)


def test_the_shipped_tables_are_what_opencc_gives():
    """qa/text/lexicon/script_*.txt are generated (`python -m qa.text.script`); regenerate them after
    an OpenCC upgrade changes this."""
    table, simplified = opencc_tables()
    from qa.text import script

    assert {chr(t): chr(s) for t, s in script._translation().items()} == table
    assert script._marks()[1] == frozenset(simplified)


@pytest.mark.parametrize("text, traditional, reply", [
    ("這個崗位是誰負責的？", True, "zh-Hant"),
    ("这个岗位是谁负责的？", False, "zh"),
    ("華強廣場", True, "zh-Hant"),
    ("台北市人口", False, "zh"),  # no character only one script writes: Simplified, the default
    ("How many jobs?", False, "en"),
    ("¿Cuántos empleos creará el proyecto?", False, "es"),
    ("Cuantos empleos? Qué proyecto", False, "es"),  # a question word only Spanish writes
    ("How did the piñata get its name?", False, "en"),  # a Spanish word in an English question: English
    ("這是什么", False, "zh"),  # one of each: a tie is Simplified
])
def test_which_script_a_text_is_in(text, traditional, reply):
    assert is_traditional(text) is traditional
    assert reply_language(text) == reply


@pytest.mark.parametrize("traditional, simplified", [
    ("華強廣場項目哪一年開工？", "华强广场项目哪一年开工？"),
    ("項目可以創造多少個就業崗位？", "项目可以创造多少个就业岗位？"),
    ("該計劃由誰提出？", "该计划由谁提出？"),
    ("醫院在哪裡？", "医院在哪里？"),
    ("為什麼要推動這個項目？", "为什么要推动这个项目？"),
    ("什麼時候發佈的？", "什么时候发布的？"),
])
def test_a_question_is_read_the_same_in_either_script(traditional, simplified):
    assert question_type(traditional) == question_type(simplified)
    assert question_terms(traditional) == question_terms(simplified)
    assert tokenize(traditional, query=True) == tokenize(simplified, query=True)
    assert terms(traditional) == terms(simplified)
    assert normalize_answer(traditional) == normalize_answer(simplified)
    assert fold(traditional) == fold(simplified)


def test_the_lexicon_is_folded_as_it_is_read():
    """Each word is written once: a class holding a word with a Traditional-only character (著 in 著名)
    is read in Simplified, and so matches folded text of either script."""
    assert "着名" in lexicon.words("generic")
    for lang in lexicon.LANGUAGES:
        raw = (Path(lexicon.__file__).parent / f"{lang}.toml").read_text(encoding="utf-8")
        assert all(to_simplified(w) == w for name in lexicon.load(lang).get("words", {})
                   for w in lexicon.words(name)), lang
        assert raw  # the file itself is as written


def test_restore_gives_a_word_back_in_the_script_of_the_text_it_came_from():
    question = "華強廣場的簽約率是多少？"
    assert restore("签约率", to_simplified(question), question) == "簽約率"
    assert restore("不在", to_simplified(question), question) == "不在"


# -- through the CLI, on a store holding both scripts ------------------------------------------------

SIMPLIFIED_ARTICLE = """华强广场项目开工

华强广场项目昨日在福田区开工建设。项目总投资50亿元，建成后可创造1000个就业岗位。
项目预计2027年竣工，将成为片区新地标。
"""

TRADITIONAL_ARTICLE = """臺北市立圖書館新館啟用

臺北市立圖書館新館於本週正式啟用，館內藏書約80萬冊。
新館由建築師陳明德設計，總樓地板面積達3萬平方公尺。
"""


@pytest.fixture(scope="module")
def two_scripts(tmp_path_factory) -> Path:
    docs = tmp_path_factory.mktemp("docs")
    (docs / "huaqiang.txt").write_text(SIMPLIFIED_ARTICLE, encoding="utf-8")
    (docs / "library.txt").write_text(TRADITIONAL_ARTICLE, encoding="utf-8")
    store = tmp_path_factory.mktemp("two-scripts") / "store"
    done = run_qa("ingest", docs, "--store", store, env={"QA_EMBED": "hash"})
    assert done.returncode == 0, done.stderr
    return store




@pytest.mark.parametrize("traditional, simplified, quoted", [
    # a Traditional question over the Simplified article, and its Simplified form
    ("華強廣場項目可以創造多少個就業崗位？", "华强广场项目可以创造多少个就业岗位？", "1000个就业岗位"),
    # a Simplified question over the Traditional article, and its Traditional form
    ("臺北市立圖書館新館由哪位建築師設計？", "台北市立图书馆新馆由哪位建筑师设计？", "建築師陳明德設計"),
])
def test_the_same_question_in_either_script_gets_the_same_cited_answer(two_scripts, traditional, simplified,
                                                                         quoted):
    a, b = ask_json(two_scripts, traditional), ask_json(two_scripts, simplified)
    assert not a["refused"] and not b["refused"]
    assert a["answer"] == b["answer"]
    assert [c["chunk_id"] for c in a["citations"]] == [c["chunk_id"] for c in b["citations"]]
    # quoted as the article writes it, never converted
    assert quoted in a["citations"][0]["quote"]


def test_a_traditional_question_is_refused_in_traditional(two_scripts):
    tw = ask_json(two_scripts, "這座圖書館的館長是誰？館長的年薪是多少？")
    cn = ask_json(two_scripts, "这座图书馆的馆长是谁？馆长的年薪是多少？")
    assert tw["refused"] and cn["refused"]
    assert tw["answer"] == "文章中沒有提到這個問題的答案。"
    assert cn["answer"] == "文章中没有提到这个问题的答案。"


# -- follow-ups in Traditional ------------------------------------------------------------------------

@pytest.mark.parametrize("earlier, follow_up, expected", [
    ("新華區今年上半年全區生產總值是多少？", "該區發展和改革局局長是誰？", "新華區發展和改革局局長是誰？"),
    ("華強廣場項目能創造多少個就業崗位？", "簽約率呢？", "華強廣場項目的簽約率是多少？"),
    ("華強廣場在哪裡？", "它什麼時候開業？", "華強廣場什麼時候開業？"),
    # a Simplified follow-up after a Traditional question: each word as its own turn wrote it
    ("華強廣場在哪裡？", "它什么时候开业？", "華強廣場什么时候开业？"),
])
def test_a_traditional_follow_up_is_rewritten_in_the_users_own_characters(earlier, follow_up, expected):
    from qa.chat.rewrite import Exchange, rewrite_by_rules

    history = [Exchange(question=earlier, answer="", standalone=earlier)]
    assert rewrite_by_rules(follow_up, history) == expected
    # and it is the rewrite the Simplified conversation gets, folded
    simplified = [Exchange(question=to_simplified(earlier), answer="", standalone=to_simplified(earlier))]
    assert to_simplified(rewrite_by_rules(to_simplified(follow_up), simplified)) == to_simplified(expected)
