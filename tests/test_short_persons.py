"""A Chinese who-question's short answer cut to the person's name, a description of the asked kind
given as none, a date a translation writes apart taken whole (qa.answer.persons, qa.answer.described,
qa.answer.figures through qa.answer.short). Each row: a question, a quote, the short answer it must
give (None: none); every character of `name_stop` is run through one name."""

from __future__ import annotations

import pytest

from qa.answer.persons import dotted_name
from qa.answer.short import short_answer
from qa.text import lexicon

ANSWERED = [
    # the dotted name out of its description before and its manner after
    ("谁赢得了女子比赛？", "葡萄牙的安娜·里贝罗以2:26:05的成绩赢得女子组比赛，创造了新的赛道纪录。", "安娜·里贝罗"),
    ("第一个听诊器是谁发明的？", "听诊器于 1816 年由在巴黎内克尔医院工作的法国医生勒内·雷奈克发明。", "勒内·雷奈克"),
    # where the question's words place no one, the one foreign name of the sentence saying the most of it
    ("谁是市场经理？", "市场经理罗莎·德尔加多说，第一次集市将于5月4日开放。", "罗莎·德尔加多"),
    ("谁研制了使用活动金属字模的印刷机？", "活字金属印刷机是由约翰内斯·古腾堡于1440年左右在德国美因茨发明的。", "约翰内斯·古腾堡"),
    ("哪位作曲家帮他找到了出版商？", "约翰内斯·勃拉姆斯帮他找到了一家出版商。", "约翰内斯·勃拉姆斯"),
    ("屋大維的養父是誰?", "屋大維鑒於其養父朱利烏斯·凱撒的失敗，十分清楚精英階層的反感。", "朱利烏斯·凱撒"),  # DRCD's gold
    # a Chinese name is left as the fence gives it
    ("是谁牵头搭建平台的？", "在湾里庙步行街管委会牵头搭建平台、逐户沟通后,签约率达98%。", "湾里庙步行街管委会"),
    # a date written apart, whole
    ("这项条约是何时签订的？", "于 1494 年 6 月 7 日在托尔德西里亚斯镇签署的《托尔德西里亚斯条约》划分了新大陆。", "1494 年 6 月 7 日"),
    ("这场战役发生在哪一天？", "勒班陀战役是 1571 年 10 月 7 日在帕特雷湾进行的一场海战。", "1571 年 10 月 7 日"),
    ("萨拉米斯战役是什么时候发生的？", "萨拉米斯海战是公元前 480 年 9 月在狭窄海峡中进行的一场海战。", "公元前 480 年 9 月"),
    ("新的开放时间从什么时候开始？", "新的开放时间将于 3 月 1 日开始。", "3 月 1 日"),
    # ...but a which-year question still takes the year alone
    ("这项条约是哪一年签订的？", "于 1494 年 6 月 7 日在托尔德西里亚斯镇签署的《托尔德西里亚斯条约》划分了新大陆。", "1494 年"),
]

UNANSWERED = [
    # the word before the asked noun, or the noun with a describer, names no one
    ("哪位作曲家创作了这首曲子？", "这首曲子由一位捷克作曲家创作。"),
    ("哪位天文学家发现了这颗彗星？", "这颗彗星由法国天文学家发现。"),
    # two foreign names, or only the one the question says: no one is certain
    ("谁完成了有记载的首次登顶？",
     "有记录的首次登顶是在 1889 年，由德国地理学家汉斯·迈耶和奥地利登山家路德维希·普尔切勒在一名当地向导的帮助下完成的。"),
    ("开普勒的助手是谁？", "约翰内斯·开普勒是一位德国天文学家。"),
    # the one name stands in another clause than the question's words
    ("谁会在09-10赛季被借到亚特兰大？", "作为迭戈·米利托转会交易的一部分，阿夸弗雷斯卡在09-10赛季会先被外借到亚特兰大。"),
    # where the name ends is not certain: a verb glued to it before a particle
    ("谁画了《黎明的港湾》？", "这幅作品是荷兰画家威廉·德弗里斯创作的《黎明时的港口》。"),
    ("这一周期是由谁决定的？", "这一周期由约瑟夫·斯卡利格定义的。"),
    # a name inside a title is the title's
    ("谁翻译了这本书？", "这本书就是《哈利·波特》。"),
    # an anaphor with the asked noun names nothing
    ("哪座城市领导着该联盟？", "该联盟长期由其主要城市领导着。"),
]


@pytest.mark.parametrize(("question", "quote", "short"), ANSWERED)
def test_the_name_or_the_date_whole(question, quote, short):
    assert short_answer(question, [quote]) == short


@pytest.mark.parametrize(("question", "quote"), UNANSWERED)
def test_a_description_of_the_kind_is_no_answer(question, quote):
    assert short_answer(question, [quote]) is None


@pytest.mark.parametrize("char", lexicon.words("name_title_end"))
def test_a_dotted_name_starts_after_a_title_and_ends_before_a_verb(char):
    text = f"英{char}安娜·里贝罗表示"
    assert text[slice(*dotted_name(text, 0, len(text)))] == "安娜·里贝罗"


@pytest.mark.parametrize("char", lexicon.words("name_stop"))
def test_a_dotted_name_stops_at_the_characters_around_names(char):
    text = f"罗马{char}安娜·里贝罗{char}成绩"
    assert text[slice(*dotted_name(text, 0, len(text)))] == "安娜·里贝罗"


def test_a_name_of_three_parts_is_one():
    text = "作家米格尔·德·塞万提斯写了这部小说"
    assert text[slice(*dotted_name(text, 0, 12))] == "米格尔·德·塞万提斯"


def test_two_dotted_names_are_left_together():
    text = "葡萄牙的安娜·里贝罗和肯尼亚的彼得·基普拉加特"
    assert dotted_name(text, 0, len(text)) == (0, len(text))


@pytest.mark.parametrize("word", lexicon.words("name_title"))
def test_a_title_before_a_dotted_name_is_no_part_of_it(word):
    text = f"由{word}安娜·里贝罗说"
    assert text[slice(*dotted_name(text, 0, len(text)))] == "安娜·里贝罗"
