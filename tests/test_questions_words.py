"""The question words the answerer does not match (qa.text.questions.strip_question, question_terms):
the whole question word goes, with the measure word after 哪/哪一 (哪一個國家, 哪部, 哪一天), in
either script. A measure word left behind made a term (个国, 种气, 天遭) that no passage writes, and
lowered the support of a quote that answers (DRCD's 哪一個 questions, issue 26)."""

from __future__ import annotations

import pytest

from qa.text import lexicon
from qa.text.questions import question_terms, strip_question


@pytest.mark.parametrize("char", lexicon.words("which_measure"))
@pytest.mark.parametrize("which", ["哪", "哪一"])
def test_the_measure_word_after_which_is_part_of_the_question_word(which, char):
    assert strip_question(f"黄独属于{which}{char}植物").split() == ["黄独属于", "植物"]


@pytest.mark.parametrize("question, dropped, kept", [
    ("保山市隸屬於哪一個國家所管轄?", ["个国"], ["国家", "管辖"]),            # Traditional, folded
    ("依照全球氣候分類，巴爾的摩可以被歸類為哪一種氣候?", ["种气"], ["气候"]),
    ("燕王府在哪一天遭到包圍?", ["天遭"], ["遭到", "包围"]),
    ("省政府於何年遷往信陽?", ["何年", "于何"], ["迁往", "信阳"]),                # the literary 何年 too
    ("修水這一地區自古以來有什麼樣的稱號?", ["样"], ["称号"]),                    # 什么样
    ("大理國是何人建立的?", ["何人"], ["建立"]),
    ("在台灣內沒有打烊時段的圖書館位在哪邊？", ["边"], ["图书"]),
    # ... but 样子 (a look) after 什么 is what is asked about, and an unlisted character after 哪 stays
    ("于海的花是什么样子？", [], ["样子"]),
    ("哪一边的球员先发球？", [], ["球员"]),
    # the question words the type reader reads (what_time_q, size_q): 什么时候 left 时候 behind, and
    # 有多大/多深/多久 their characters, terms no passage writes that lowered a right quote's support
    ("这座桥通常在什么时候被关闭？", ["时候", "候被"], ["关闭"]),
    ("那口井最深的地方有多深？", ["多深", "有多", "方有"], ["地方"]),
    ("新建廣場的面積有多大？", ["多大", "有多", "积有"], ["面积", "广场"]),
    ("比赛持续多久？", ["多久", "续多"], ["比赛", "持续"]),
    ("这栋楼有多宽？", ["多宽", "楼有"], ["栋楼"]),
    # English stop words go as the tokenizer stems them too (why -> whi, many -> mani, does -> doe)
    ("Why does the library lend so many books?", ["whi", "doe", "mani", "why", "does", "many"], ["librari", "lend", "book"]),
    # "named after" asks with its preposition, fronted or not (en.toml question_words); "after" that
    # says when stays
    ("What is fluorine named after?", ["after"], ["fluorin"]),
    ("After which place is the sport named?", ["after"], ["place", "sport"]),
    ("Who was the city named after?", ["after"], ["citi"]),
    ("What happened to the palace after the exhibition?", [], ["after", "palac", "exhibit"]),
    ("After which war was the treaty signed?", [], ["after", "war", "treati"]),
])
def test_question_terms_hold_no_part_of_a_question_word(question, dropped, kept):
    terms = question_terms(question)
    assert not [t for t in terms if t in dropped]
    assert all(t in terms for t in kept)
