"""Lists in short answers (qa.answer.lists): the item of a sentence's list a question does not
name, for a question that names the others and asks for the rest, through the picker
(qa.answer.short.short_answer) as `qa ask` reads it; each word of `list_rest_q` in zh.toml is
used by a row, and cases it must not fire on."""

from __future__ import annotations

import pytest

from qa.answer.short import short_answer
from qa.text import lexicon

COMPLETED = [
    # (question, quote, short answer)
    ("1945年國民政府談判的對象包括毛澤東、王若飛以及誰?",
     "1945年8月-10月，毛澤東、周恩來、王若飛等飛赴重慶與國民政府談判。", "周恩來"),  # Traditional; the list ends at 等
    ("舟山港口的建立是包括葡萄牙人以及谁?", "其后，浙江海商及葡萄牙人，建立港口。", "浙江海商"),  # the first item
    ("南华县内四个主体民族，除了彝族、白族、汉族，还有哪一个民族?", "南华县内有彝族、白族、汉族、回族四个主体民族。",
     "回族"),  # the clause runs into the first and the last item: named by their ends, cut to a named one's length
    ("长沙、桂阳、零陵以及哪里为刘备所攻下的地方?", "刘备攻下长沙、桂阳、零陵、武陵四郡。", "武陵"),
]

NOT_COMPLETED = [
    # two items the question does not name: which one is not certain
    ("1945年国民政府谈判的对象包括毛泽东以及谁?", "1945年，毛泽东、周恩来、王若飞等飞赴重庆与国民政府谈判。"),
    # the rest is a clause, not an item (的)
    ("太阳花学运和哪一个协议的审查程序有关?", "太阳花学运是反对服贸协议审查程序的大学生与公民团体发起的运动。"),
    # the question names no list: 和 is not right before the question word
    ("毛泽东和周恩来在哪一年飞赴重庆?", "1945年，毛泽东、周恩来、王若飞等飞赴重庆与国民政府谈判。"),
]


@pytest.mark.parametrize("question, quote, expected", COMPLETED)
def test_the_item_the_question_does_not_name_is_the_answer(question, quote, expected):
    assert short_answer(question, [quote]) == expected


@pytest.mark.parametrize("question, quote", NOT_COMPLETED)
def test_no_item_is_taken_when_it_is_not_certain(question, quote):
    assert short_answer(question, [quote]) not in ("周恩来", "王若飞", "大学生", "序的大学生")


@pytest.mark.parametrize("word", lexicon.words("list_rest_q"))
def test_a_question_asking_for_the_rest_of_a_list(word):
    question = f"南华县内四个主体民族，除了彝族、白族、汉族，{word}哪一个民族?"
    assert short_answer(question, ["南华县内有彝族、白族、汉族、回族四个主体民族。"]) == "回族"
