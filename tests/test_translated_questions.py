"""Questions translated apart from their passage (issue 27): words a question uses for what its
passage says otherwise (zh.toml's `synonym` glossary, qa.text.questions.said_otherwise /
held_otherwise), every entry by table; the slot reader's measure words; a dimension or price asked
without a unit (dimension_asked, dimension_unit); then through `qa ask` on a real hash-embedder
store, where a question translated apart from its passage is answered and a near miss beside it
still refused."""

from __future__ import annotations

from itertools import combinations

import pytest

from qa.answer import slots
from qa.text import lexicon
from qa.text.questions import has_answer_type, held_otherwise, question_terms, question_type, said_otherwise
from support.cli import ask_json
from support.stores import store_of

CLASSES = {name: value.split("|") for name, value in lexicon.glossary("synonym").items()}
PAIRS = [(a, b) for words in CLASSES.values() for a, b in combinations(words, 2)]


@pytest.mark.parametrize("asked, written", PAIRS + [(b, a) for a, b in PAIRS])
def test_a_word_is_said_by_another_of_its_class(asked, written):
    text = f"据报道，{written}的情况已经公布。"
    assert said_otherwise(text, asked)
    assert slots.mentions(text, asked)


@pytest.mark.parametrize("word", [w for words in CLASSES.values() for w in words])
def test_a_word_is_not_said_by_text_without_its_class(word):
    assert not said_otherwise("市政府周二公布了明年的预算。", word)


def test_every_word_is_in_one_class_and_has_two_characters():
    words = [w for ws in CLASSES.values() for w in ws]
    assert len(words) == len(set(words))
    assert all(len(w) >= 2 for w in words)


@pytest.mark.parametrize("asked, text, said", [
    ("饲养主管", "首席饲养员艾伦·布鲁克斯博士说", True),      # the compound's rest (饲养) is there too
    ("饲养主管", "首席执行官丹尼尔·奥卡福表示", False),        # ... or it is not
    ("柴油公交车", "用电动校车替换30辆柴油校车", True),
    # English "cost" is translated 成本 or 价格 alike (zh_translated en14-q1's gold answer is this price;
    # zh.toml `cost`, fourteenth session: no near miss of the development sets answered)
    ("成本", "每辆校车的价格约为37.5万美元", True),
    ("成本", "每辆校车的重量约为12吨", False),                   # ... and a weight is none
])
def test_a_compound_is_said_when_its_other_part_is_said_too(asked, text, said):
    assert said_otherwise(text, asked) is said


@pytest.mark.parametrize("text, word, said", [
    ("该运河坐落在巴拿马地峡。", "位于", True),       # kin in CC-CEDICT ("to be located"): the slot check reads it
    ("这家工厂生产汽车零件。", "制造", True),
    ("该运河坐落在巴拿马地峡。", "制造", False),
    ("该运河坐落在巴拿马地峡。", "签订", False),       # "to sign" has too many headwords to vouch
])
def test_a_word_is_mentioned_by_its_dictionary_kin(text, word, said):
    assert slots.mentions(text, word) is said


def test_terms_inside_a_word_are_held_by_another_word_of_its_class():
    question = "这所大学的研究船叫什么名字？"
    terms = tuple(question_terms(question))
    mask = held_otherwise(question, terms, "为其新的科考船下水")
    assert {t for i, t in enumerate(terms) if mask >> i & 1} == {"研究", "究船"}
    assert held_otherwise(question, terms, "这艘船长68米") == 0


@pytest.mark.parametrize("question, terms", [
    ("这些鸟如何应对极端的寒冷？", ["鸟", "应对", "对极", "极端", "寒冷"]),   # 这些 points back, names nothing
    ("为什么这块石头如此重要？", ["石头", "头如", "如此", "此重", "重要"]),  # nor 这块
    ("这艘研究船有多长？", ["研究", "究船"]),
])
def test_a_demonstrative_gives_no_term(question, terms):
    assert question_terms(question) == terms


@pytest.mark.parametrize("question, word", [
    ("这艘渡船能运载多少辆车？", "车"),        # 辆 counts 车, one character ending the question (was 辆车)
    ("一只蜂后一天能产多少个卵？", "卵"),      # was 个卵
    ("火星上有多少人口?", "人口"),              # 人 begins the noun (measure_noun_start)
    ("这艘研究船有多长？", "研究船"),           # the demonstrative and its measure word are no part of it
    ("那辆车有多重？", ""),                    # 车 alone: nothing to look for (was 辆车)
])
def test_a_measure_word_is_no_part_of_the_focus_word(question, word):
    assert slots.focus(question)[0] == word


FERRY = ("林登河渡轮恢复运行\n\n林登河上的渡轮服务在因发动机维修而停运三周后，于周六恢复。"
         "这艘名为“玛丽·艾伦”号的渡轮每次渡河最多可搭载 35 辆汽车和 250 名乘客。"
         "运营商湖畔运输公司表示，维修费用约为 31 万美元。\n")
LIBRARY = "图书馆预算获批\n\n阿什福德市议会周二批准了公共图书馆的预算。这笔资金将用于延长开放时间。\n"


@pytest.fixture
def ferry_store(tmp_path):
    return store_of(tmp_path, {"ferry.txt": FERRY, "library.txt": LIBRARY})


def test_a_question_naming_the_ferry_otherwise_is_answered(ferry_store):
    # 渡船 / 渡轮, 运载 / 搭载: before the glossary, support 0.18 and a refusal
    out = ask_json(ferry_store, "这艘渡船能运载多少辆车？")
    assert not out["refused"]
    assert "35 辆汽车" in out["answer"]


def test_a_near_miss_beside_it_is_still_refused(ferry_store):
    out = ask_json(ferry_store, "这艘渡船的票价是多少？")
    assert out["refused"]


# -- a dimension or a price asked without a unit (dimension_asked, dimension_unit) ------------------
def units(written: str) -> list[str]:
    """A dimension_unit value as written: its units, or the word class it names ({currency})."""
    return list(lexicon.words(written.strip("{}"))) if written.startswith("{") else written.split("|")


@pytest.mark.parametrize("asked, unit", [(a, u) for k, v in lexicon.load("zh")["glossaries"]["dimension_unit"].items()
                                         for a in k.split("|") for u in units(v)])
def test_a_dimension_asked_wants_a_figure_in_its_unit(asked, unit):
    question = f"那座桥有多{asked}？" if asked != "钱" else "那座桥花了多少钱？"
    assert question_type(question) == ("number", "")  # the short-answer picker's reading: no measure word
    wants, measure = question_type(question, dimension=True)
    assert (wants, measure) == ("number", asked)
    assert has_answer_type(f"全长约12{unit}。", wants, measure, question)
    assert not has_answer_type("共有1,100多条支流。", wants, measure, question)


@pytest.mark.parametrize("question, terms", [
    ("亚马逊河有多长？", ["亚马", "马逊", "逊河"]),       # 有多长 asks, as 多少 does: no term (河有 matched 亚马逊河有1,100多条)
    ("这艘渡船叫什么名字？", ["渡船"]),                   # 这艘 points back: no term (it matched 这艘船耗资)
    ("这条路多长时间能走完？", ["路多", "多长", "长时", "时间", "间能", "能走", "走完"]),  # a duration: 多长 stays
])
def test_question_words_and_demonstratives_are_no_terms(question, terms):
    assert question_terms(question) == terms


@pytest.mark.parametrize("adjective", lexicon.words("modifier_start"))
def test_a_noun_after_an_adjective_is_said_by_the_noun_alone(adjective):
    assert slots.mentions("这条跑道将长2,800米。", f"{adjective}跑道")
    assert not slots.mentions("这座航站楼将于明年启用。", f"{adjective}跑道")


@pytest.mark.parametrize("question, text, held", [
    ("城堡是什么时候开始兴建的？", "城堡于1869年在遗址上奠基。", {"开始", "始兴", "兴建"}),  # began to be built / 奠基
    ("地质学家为什么不接受他的观点？", "他的著作遭到地质学家的普遍拒绝。", {"不接", "接受"}),  # did not accept / 拒绝
    ("城堡是什么时候开始兴建的？", "城堡于1886年对外开放。", set()),
])
def test_a_verb_phrase_is_held_by_the_passages_one_word(question, text, held):
    terms = tuple(question_terms(question))
    mask = held_otherwise(question, terms, text)
    assert {t for i, t in enumerate(terms) if mask >> i & 1} == held


ALIKE = [v.split("|") for v in lexicon.glossary("counted_alike").values()]


@pytest.mark.parametrize("asked, written", [(a, b) for alike in ALIKE for a in alike for b in alike if a != b])
def test_a_counted_noun_of_one_character_is_said_by_its_translation_alike(asked, written):
    # "一只雌性长吻鳄会下多少个蛋？" over "产下20至95枚卵" (zh_xwiki15 enk02-q3)
    assert all(len(w) == 1 for w in (asked, written))
    assert slots.mentions(f"雌性产下20至95枚{written}。", asked)
    assert not slots.mentions("雌性产下20至95枚幼崽。", asked)


@pytest.mark.parametrize("question, text, held", [
    ("共有多少份设计方案参加了这次竞赛？", "国际竞赛的230多份参赛作品中选出", True),  # "more than 230"
    ("瓦萨号沉没时已经驶出了多远？", "仅航行了1,300余米便沉没了", True),            # "some 1,300 metres"
    ("项目投资了多少万元？", "项目投资3000多万元", True),                            # before the magnitude
    ("共有多少份设计方案参加了这次竞赛？", "国际竞赛的多份参赛作品中选出", False),      # no figure
])
def test_a_figure_more_than_or_about_carries_its_measure_word(question, text, held):
    wants, measure = question_type(question, dimension=True)
    assert has_answer_type(text, wants, measure, question) is held


@pytest.mark.parametrize("question, text, held", [
    ("燕王府在哪一天遭到包围?", "七月初四带兵包围了燕王府", True),      # a day by the old calendar's count
    ("燕军在哪一天攻破居庸关?", "七月十一，攻破居庸关", True),
    ("燕军在哪一天攻破居庸关?", "七月，攻破居庸关", False),              # a month alone is no day
    ("锦地罗的全长是多少厘米？", "全长通常只有2cm（0.79英尺）", True),  # the unit's Latin symbol
    ("锦地罗的全长是多少厘米？", "全长通常只有2英尺", False),
])
def test_a_wanted_type_is_read_as_an_encyclopedia_writes_it(question, text, held):
    wants, measure = question_type(question, dimension=True)
    assert has_answer_type(text, wants, measure, question) is held
