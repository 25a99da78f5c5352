"""qa.answer.across: the short answer to an English question from a Chinese quote, taken in the
quote's language: a person by the post written before the name, a place or body by the word its
kind ends with (en.toml's `kind_word`); figures and dates are in tests/test_short_latin.py."""

from __future__ import annotations

import pytest

from qa.answer.short import short_answer
from qa.text import lexicon

ANSWERED = [
    # (question, quote, short answer)
    ("Who is the founder and CEO of Beijing Zhiran Medical Technology?",
     "北京智冉医疗科技有限公司创始人兼CEO宋麒告诉记者,公司成立于2022年。", "宋麒"),  # a verb of saying cut
    ("Who is the director of the laboratory?", "实验室主任欧阳明日表示,产品已出口。", "欧阳明日"),  # director: 主任
    ("Which university led the release of the data platform?",
     "在平台建设方面,由清华大学牵头联合优势单位共同发布数据平台。", "清华大学"),  # cut after 由
    ("In which county of Sichuan is the mountain road?", "拍摄的四川省达州市宣汉县巴山大峡谷景区的盘山公路。", "宣汉县"),
    ("Which city is the logistics centre in?", "走进黑龙江省黑河市的国欧物流仓储中心,一派繁忙有序的景象。", "黑河市"),
    # every administrative suffix (zh.toml's admin_suffix) ends the larger place before: 镇, not only 省市州县
    ("Which village did the delegation visit?", "代表团走访了浙江省湖州市安吉县天荒坪镇横山村。", "横山村"),
    ("Which town did the delegation visit?", "代表团走访了安吉县天荒坪镇。", "天荒坪镇"),
]

NOT_CERTAIN = [
    # (question, quote): no short answer
    ("Who is the founder of the company?", "公司的创始人在会上发言,介绍了新产品。"),  # no name after the post
    ("Which members formed the band?", "乐队解散后，部份成员于1971年组成新乐队。"),  # 成员 ends no name
    ("Who opened the shop?", "这家店由一位老师傅开办。"),  # no post asked
    ("Which university did he attend?", "他毕业后在工厂当工人。"),  # no word ending with 大学
]


@pytest.mark.parametrize("question, quote, expected", ANSWERED)
def test_a_person_or_place_of_an_english_question_is_read_from_the_chinese_quote(question, quote, expected):
    assert short_answer(question, [quote]) == expected


@pytest.mark.parametrize("question, quote", NOT_CERTAIN)
def test_no_person_or_place_where_the_chinese_quote_does_not_say_it(question, quote):
    assert short_answer(question, [quote]) is None


@pytest.mark.parametrize("word, ending", sorted(lexicon.glossary("kind_word").items()))
def test_each_kind_word_finds_the_name_ending_with_it(word, ending):
    first = ending.split("|")[0]
    quote = f"活动在长乐{first}举行，吸引了许多游客。"
    assert short_answer(f"In which {word} was the event held?", [quote]) == f"长乐{first}"
