"""The post a question asks someone held (qa.answer.posts): after the verb of taking it, to the
clause's end, without a trailing 一职/等职; nothing for another time's sentence."""

from __future__ import annotations

import pytest

from qa.answer.posts import asks_post, post
from qa.answer.short import short_answer
from qa.text import lexicon

POSTS = [
    # (question, sentence, post; None: no post for it)
    ("1998年6月至2000年4月，蒋巨峰担任什么职务？", "1998年6月至2000年4月任中共温州市委书记。", "中共温州市委书记"),
    ("李日华进士及第后担任什么官职？", "万历二十年中三甲二十二名进士，任九江推官、西华知县。", "九江推官、西华知县"),  # a list is one answer
    ("林则徐被撤职后，怡良担任过什么职位？", "林则徐被撤职后，怡良曾短暂署理两广总督一职。", "两广总督"),
    ("太平兴国初年，楚昭辅位居何职？", "宋太宗太平兴国初年（976年），官升为枢密使。", "枢密使"),
    ("巴利冈一直担任什么职务？", "自1981年起至2012年6月，一直连任国民议会议员，始终在波旁宫参与法案。", "国民议会议员"),
    ("严长寿现今担任哪些职务？", "严长寿现任基金会董事长、饭店总裁等职。", "基金会董事长、饭店总裁"),
    ("2017年4月，罗保铭担任什么职务？", "2017年4月1日，卸任中共海南省委书记。", None),  # 卸任 leaves a post
    ("1982年，杨朝祥担任什么职务？", "卸任后，杨朝祥担任中国国民党中央常务委员。", None),  # not the year asked
    ("现任总裁还兼任什么职位？", "现任总裁兼首席执行长是胡元豹。", None),  # the question's own post
    ("他在任期内担任什么职务？", "他的任务是管理户籍。", None),  # 任务 takes no post
]


@pytest.mark.parametrize("question, text, expected", POSTS)
def test_the_post_follows_the_verb_of_taking_it(question, text, expected):
    assert asks_post(question)
    found = post(question, text, 30)
    assert (text[found[0]:found[1]] if found else None) == expected
    assert short_answer(question, [text]) == expected  # the picker asks this module first


@pytest.mark.parametrize("question", ["蒋巨峰是何时辞去四川省长职务的？", "阵内智则目前担任什么节目的主持人？"])
def test_a_question_about_a_post_that_does_not_ask_one(question):
    assert not asks_post(question)


@pytest.mark.parametrize("tail", lexicon.words("post_tail"))
def test_post_tail_is_no_part_of_the_post(tail):
    assert short_answer("怡良担任过什么职位？", [f"怡良曾短暂署理两广总督{tail}。"]) == "两广总督"


# A who-question asking a post of text that writes it only as a deputy's (qa.answer.posts.deputy_only):
# (question, the post asked, text, whether only the deputy is written)
DEPUTIES = [
    ("黑河自贸片区管委会主任是谁？", "主任", "黑河片区党工委委员、管委会副主任张其军介绍", True),
    ("该院院长是谁？", "院长", "常务副院长李明介绍", True),
    # the deputy asked, or the post itself written beside a deputy's
    ("海淀区委副书记是谁？", "书记", "海淀区委副书记、区人民政府党组书记许心超", False),
    ("研究中心主任是谁？", "主任", "实验室常务副主任、脑机智能研究中心主任李远清", False),
    ("管委会主任是谁？", "主任", "管委会主任王五介绍", False),
    # the post never written: not this check's to say
    ("管委会主任是谁？", "主任", "张其军介绍", False),
]


@pytest.mark.parametrize("question, word, text, expected", DEPUTIES)
def test_deputy_only(question, word, text, expected):
    from qa.answer.posts import deputy_only

    assert deputy_only(question, word, text) is expected


def test_deputy_gap_reaches_the_slot_checks():
    from qa.answer.slots import gaps

    found = gaps("黑河自贸片区管委会主任是谁？", "黑河片区党工委委员、管委会副主任张其军介绍,片区引入了电商平台。", "")
    assert ("focus", "主任") in [(g.kind, g.detail) for g in found]
    assert not [g for g in gaps("黑河自贸片区管委会主任是谁？", "管委会主任张其军介绍,片区引入了电商平台。", "") if g.kind == "focus"]


# A deputy asked (副局长) of text naming only the post itself (qa.answer.posts.deputy_unsaid):
# (question, the post read as the focus, text, whether the deputy is unsaid)
DEPUTY_ASKED = [
    ("新华区发展和改革局副局长是谁？", "局长", "新华区发展和改革局局长杜小博介绍,今年上半年全区生产总值340.4亿元。", True),
    ("管委会副主任是谁？", "主任", "管委会主任王五介绍,片区引入了电商平台。", True),
    # the deputy written (beside the post itself, or as 常务副), or the post itself asked
    ("管委会副主任是谁？", "主任", "管委会主任王五、副主任张其军介绍", False),
    ("实验室副主任是谁？", "主任", "实验室常务副主任李远清介绍", False),
    ("新华区发展和改革局局长是谁？", "局长", "新华区发展和改革局局长杜小博介绍", False),
    ("管委会副主任是谁？", "主任", "张其军介绍", False),  # the post never written: `mentions`' to say
]


@pytest.mark.parametrize("question, word, text, expected", DEPUTY_ASKED)
def test_deputy_unsaid(question, word, text, expected):
    from qa.answer.posts import deputy_unsaid
    from qa.answer.slots import gaps

    assert deputy_unsaid(question, word, text) is expected
    if word in text:  # through the slot checks: the post's focus gap exactly when the deputy is unsaid
        assert (("focus", word) in [(g.kind, g.detail) for g in gaps(question, text, "")]) is expected


# A post written only right before a verb of speaking: its holder unnamed (qa.answer.posts.unnamed_holder)
UNNAMED = [
    ("向记者介绍《办法》的那位金融监管总局司局负责人叫什么名字？", "负责人", "金融监管总局有关司局负责人介绍,《办法》明确了规则。", True),
    ("相关负责人是谁？", "负责人", "相关负责人表示,将加快建设。", True),
    ("黑河国欧物流有限公司的人事负责人是谁？", "负责人", "黑河国欧物流有限公司人事负责人刘琳深有感触地说", False),
    ("负责人是谁？", "负责人", "有关负责人介绍,项目负责人王五已到任。", False),  # named once
    ("公司的负责人在哪里？", "负责人", "有关负责人介绍,项目进展顺利。", False),  # no who-question
]


@pytest.mark.parametrize("question, word, text, expected", UNNAMED)
def test_unnamed_holder(question, word, text, expected):
    from qa.answer.posts import unnamed_holder
    from qa.answer.slots import gaps

    assert unnamed_holder(question, word, text) is expected
    assert (("focus", word) in [(g.kind, g.detail) for g in gaps(question, text, "")]) is expected
