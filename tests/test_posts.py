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
