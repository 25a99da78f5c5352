"""Transliterated names that sound alike (qa/text/sounds.py): a question translated from English
writes a foreign name in other characters than the passage (issue 27). Real pypinyin readings and
zh.toml's sound data; no mocks."""

from __future__ import annotations

import pytest

from qa.text.questions import held_otherwise, question_terms
from qa.answer.windows import analyse, candidate_windows
from qa.text.sounds import alike, sounded, spelled, spelled_names, transliterations
from qa.types import Hit

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
    # two characters are read before a place generic only, against the text's two before the same one
    ("罗纳河在入海之前流经多远", "罗讷河（Rhône）是西欧的一条主要河流", ("罗纳",)),
    ("罗纳湖在哪里", "罗讷河（Rhône）是西欧的一条主要河流", ()),       # another generic: another place
    ("罗纳是谁", "罗讷河（Rhône）是西欧的一条主要河流", ()),           # no generic: two characters alone
    ("罗纳河在入海之前流经多远", "罗马河是一条河流", ()),              # no like sound (ma, na)
    ("张伟河在哪里", "章伟河是一条河流", ()),                          # no transliteration's characters
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


# (a transliteration, a Latin word of the text, is the word its spelling?)
SPELLED = [
    ("卡卡波", "kakapo", True),  # ka ka bo: b/p near
    ("安德森", "anderson", True),
    ("鲁萨尔卡", "rusalka", True),
    ("瓦萨", "vasa", True),
    ("安德森", "andrew", False),
    ("卡卡波", "kaka", False),  # a word two letters short is another
    ("卡卡波", "habroptilus", False),
    ("哈里斯", "harrison", False),
    ("莫斯科", "moscow", False),  # kept strict: a name missed costs less than another taken for it
]


@pytest.mark.parametrize("run, word, same", SPELLED, ids=[f"{r}-{w}" for r, w, _ in SPELLED])
def test_a_transliteration_spelled_in_latin_letters(run, word, same):
    assert spelled(run, word) is same


LEAD = "鸮鹦鹉(kakapo,学名Strigops habroptilus),是一种仅分布于新西兰的大型鹦鹉。"
LATER = "它们每两到四年才繁殖一次,而且只在陆均松等树木大量结果的季节繁殖。"


@pytest.mark.parametrize("question, text, names", [
    ("卡卡波在什么条件下才会繁殖", LEAD, ("卡卡波",)),
    ("卡卡波在什么条件下才会繁殖", LATER, ()),  # the chunk that spells no English
    ("卡卡波在什么条件下才会繁殖", "卡卡波(kakapo)是一种鹦鹉。", ()),  # written as asked: nothing to spell
    ("安德鲁在什么条件下才会繁殖", LEAD, ()),
])
def test_the_names_a_text_spells_in_latin_letters(question, text, names):
    assert spelled_names(question, text) == names


def test_every_chunk_of_an_article_holds_a_name_one_chunk_spells():
    """The English is given once, in the article's first chunk: the later chunk that answers holds
    the name too (as a title's words), or the lead would win for naming it."""
    q = analyse("卡卡波在什么条件下才会繁殖？", None)
    hits = [Hit(chunk_id=f"c{i}", text=t, score=1.0, source="a.txt", title="鸮鹦鹉", article_id=a)
            for i, (t, a) in enumerate([(LEAD, "a"), (LATER, "a"), (LATER, "b")])]
    name = sum(1 << i for i, t in enumerate(q.terms) if t in "卡卡波")
    held = {w.hit: w.mask & name for w in candidate_windows(q, hits)}
    assert held == {0: name, 1: name, 2: 0}  # another article's chunk holds nothing of it
