"""A country asked (哪个国家, 哪一国, 哪国) is the country's name the sentence that says the
question's words writes (qa.answer.nations), through the picker (qa.answer.short.short_answer) as
`qa ask` reads it; `nation_q` in zh.toml by a row each of what it reads and what it leaves."""

from __future__ import annotations

import pytest

from qa.answer.nations import asks_nation, nation
from qa.answer.short import short_answer
from qa.text.cjk import fold

NATIONS = [
    # (question, quote, short answer)
    ("阵内智则是哪个国家的著名演员？", "阵内智则（1974年2月22日－），日本喜剧演员及主持。", "日本"),  # a biography's appositive
    ("《捉鬼男》是哪个国家的电视剧？", "《捉鬼男》（）美国一部由Tara Butters和Michele Fazekas创作的电视剧。", "美国"),
    ("爆破反應裝甲是由哪國的科學家所研發出來的?", "爆破反應裝甲，由以色列的德籍科學家所研發出來，採用高爆炸藥。", "以色列"),  # Traditional
    ("自1937年至1941年，日本一和哪個國家的作戰陷入膠著因而急需大量資源?",
     "自1937年至1941年，日本已陷入中國戰場的泥沼當中，4年來耗費大量資源。", "中國"),  # 日本: the question's own
    ("在哪個國家的餐館用餐時必須要附加消費稅?",
     "世界各地收取小費的數目不盡相同，在泰國，在餐館用餐必須附加消費稅，在日本的餐館不收取小費。", "泰國"),  # the nearest
    ("成為第一個見到吉力馬札羅山的歐洲人是哪一國人?", "1848年，德國人Johannes Rebmann成為第一個見到吉力馬札羅山的歐洲人。",
     "德國人"),  # its people, asked by 哪一国人
    # a span the question's words place, with more than the country around it, is cut to the country
    ("蒂亚戈·蒙泰罗是哪个国家的赛车手？", "蒂亚戈·蒙泰罗（1976年7月24日－），葡萄牙F1赛车手。", "葡萄牙"),
    ("岸本早未是哪个国家的歌手？", "岸本早未是前日本女歌手。", "日本"),
    # ...keeping the state form written after the name, or before it with a name of its own
    ("布卢斯罗·贝鲁特的政府是哪国的政府？", "贝鲁特的政府令华沙成为了波兰人民共和国的政府。", "波兰人民共和国"),
    ("亚洲地区经历开发体制的韩国及哪个国家走向民主化？", "亚洲地区经历开发体制的韩国及中华民国台湾走向民主化。", "中华民国台湾"),
]

NOT_NATIONS = [
    # (question, quote): no country certain
    ("阵内智则是哪个国家的著名演员？", "日本的喜剧界在1990年代兴盛。"),  # the sentence says none of the question's words
    ("阵内智则是哪个国家的著名演员？", "阵内智则（1974年2月22日－），喜剧演员及主持。"),  # no country named
    ("这部剧集在哪一个国家播出？", "这部剧集在联合国总部播出。"),  # a union is no country
]


@pytest.mark.parametrize("question, quote, expected", NATIONS)
def test_the_country_the_sentence_names_answers_which_country(question, quote, expected):
    assert short_answer(question, [quote]) == expected


@pytest.mark.parametrize("question, quote", NOT_NATIONS)
def test_no_country_where_the_sentence_names_none_or_says_something_else(question, quote):
    assert short_answer(question, [quote]) is None


@pytest.mark.parametrize("question, asks", [
    ("哪个国家", True), ("哪一个国家", True), ("哪一国", True), ("哪国", True), ("哪個國家", True),
    ("哪个国王", False), ("哪国籍", False), ("哪一个国际组织", False), ("哪个国君", False), ("哪国的国旗", True),
])
def test_nation_q_reads_a_question_asking_which_country(question, asks):
    assert bool(asks_nation(fold(question))) is asks


def _nation(question: str, quote: str):
    q = fold(question).rstrip("？?")
    found = nation(q, asks_nation(q), fold(quote))
    return quote[found[0]:found[1]] if found else None


NOT_READ = [
    # (question, quote): what nation() itself leaves, where the fence may still place a word
    ("阵内智则是哪个国家的著名演员？", "阵内智则是欧洲的著名演员。"),  # CLDR's regions (numeric codes) name no country
    ("是哪国的？", "日本喜剧演员。"),  # the question says too few words to find its sentence
]


@pytest.mark.parametrize("question, quote", NOT_READ)
def test_nation_reads_no_region_and_no_question_without_words(question, quote):
    assert _nation(question, quote) is None


def test_nation_reads_the_sentence_saying_most_of_the_question():
    assert _nation("阵内智则是哪个国家的著名演员？", "阵内智则是演员，在美国演出。阵内智则是日本的著名演员。") == "日本"

