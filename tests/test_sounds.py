"""Transliterated names that sound alike (qa/text/sounds.py): a question translated from English
writes a foreign name in other characters than the passage (issue 27). Real pypinyin readings and
zh.toml's sound data; no mocks."""

from __future__ import annotations

import pytest

from qa.text.questions import held_otherwise, question_terms
from qa.text.sounds import alike, sounded, transliterations

# (one transliteration, another, one name?)
PAIRS = [
    ("拉埃内克", "雷奈克", True),  # Laennec: near finals (a/ei, ei/ai), a weak syllable (埃) dropped
    ("格威奇因", "哥威迅", True),  # Gwich'in: qi/xun near (q/x, i/ü-n), 因 dropped
    ("斯特拉尔松", "施特拉尔松德", True),  # Stralsund: a weak 德 added, si/shi near
    ("开普勒", "克普勒", True),  # Kepler: kai/ke near
    ("弗兰克", "弗兰茨", False),  # Frank, Franz: ke and ci are not near, and neither weak enough
    ("安德森", "安德鲁", False),  # Anderson, Andrew
    ("哈里森", "哈里斯", False),  # Harrison, Harris
    ("约翰逊", "约翰森", False),  # xun and sen: x and s are not near
    ("鲁萨尔卡", "水仙女", False),  # Rusalka translated, not transliterated: no sound to match
    ("贝加尔", "安加拉", False),  # two lakes' names: the first syllables differ
    ("伊尔库茨克", "叶尼塞", False),
    ("莫扎伊斯克", "莫斯科", False),  # Mozhaysk, Moscow: two syllables more is another name
    ("拉迪奇", "拉迪契", True),  # Radić, as DRCD writes him twice
]


@pytest.mark.parametrize("a, b, same", PAIRS, ids=[f"{a}-{b}" for a, b, _ in PAIRS])
def test_two_transliterations_are_one_name_when_they_sound_alike(a, b, same):
    assert alike(a, b) is same
    assert alike(b, a) is same


# (text, its transliterations): runs of three or more transliteration characters that are no
# dictionary word; a Chinese name (张伟, 章伟) is none, so two people of one sound are never merged
RUNS = [
    ("是什么促使拉埃内克去寻找另一种听胸部的方法", ("拉埃内克",)),
    ("河名所源自的那个格威奇因语词语是什么意思", ("格威奇因",)),
    ("张伟和章伟是同学", ()),
    ("李明去了北京大学", ()),
    ("乔治·萧起初认为这个标本是什么", ()),  # two characters a part: the dotted name is matched as it is written
]


@pytest.mark.parametrize("text, runs", RUNS, ids=[r[0] for r in RUNS])
def test_the_transliterations_of_a_text(text, runs):
    assert transliterations(text) == runs


# (question, passage, the question's names the passage writes with a like sound)
SOUNDED = [
    ("是什么促使拉埃内克去寻找另一种听胸部的方法", "法国医生勒内·雷奈克发明了听诊器", ("拉埃内克",)),
    ("雷奈克的论文是什么时候出版的", "法国医生勒内·雷奈克发明了听诊器", ()),  # written alike: nothing to hear
    ("是什么促使拉埃内克去寻找另一种听胸部的方法", "法国医生哈里斯发明了听诊器", ()),
    ("张伟的老师是谁", "章伟的老师是王芳", ()),
    # a run the text writes in part is the name as written, and a character of the next word (因为)
    ("兰比尔因为什么而闻名", "小威廉·兰比尔,暱称比尔·兰比尔", ()),
]


@pytest.mark.parametrize("question, text, names", SOUNDED, ids=[s[0][:12] + s[1][:6] for s in SOUNDED])
def test_the_names_a_text_writes_otherwise(question, text, names):
    assert sounded(question, text) == names


def test_a_window_holds_the_terms_of_a_name_it_writes_otherwise():
    question = "是什么促使拉埃内克去寻找另一种听胸部的方法"
    terms = tuple(question_terms(question))
    held = held_otherwise(question, terms, "法国医生勒内·雷奈克发明了听诊器")
    assert {t for i, t in enumerate(terms) if held >> i & 1} == {"拉埃", "埃内", "内克"}
    assert not held_otherwise(question, terms, "法国医生哈里斯发明了听诊器")
