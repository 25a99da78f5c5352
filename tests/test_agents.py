"""Who did it (由X/被X before the question's verb), where a thing is (after a verb of place), where
someone is from (X，Y人) and what they do (是一名Y): short answers the question's words do not
fence (qa.answer.agents), each lexicon entry by a row."""

from __future__ import annotations

import pytest

from qa.answer.agents import agent, located, occupation, of_kind, origin
from qa.answer.short import _ASK, short_answer
from qa.text import lexicon

AGENTS = [
    # (question, sentence, who; None: nobody certain)
    ("《鳄鱼泪》同名主题曲的原唱是谁？", "同名主题曲《鳄鱼泪》，由袁丽嫦原唱，并由黄霑作曲及填词。", "袁丽嫦"),
    ("那须盐原车站的经营方是谁？", "那须盐原车站是一位于日本栃木县那须盐原市，由东日本旅客铁道（JR东日本）所经营的铁路车站。",
     "东日本旅客铁道（JR东日本）"),  # an aside in brackets stays in the name
    ("硝酰氟首先被谁制成？", "它首先由莫瓦桑于1905年制得。", "莫瓦桑"),  # 于, then the verb's first character
    ("美术馆是由哪一个人所设计的？", "美术馆由贝聿铭设计，现今收藏来自世界各地的艺术品。", "贝聿铭"),  # 哪一个人: the noun asked by
    ("哪一个人替《义勇军进行曲》作词？", "1935年，该曲由田汉作词、聂耳作曲。", "田汉"),  # the last two characters are the verb
    ("洛厄尔天文台是由哪一个人所建立的？", "它是由波士顿的望族洛厄尔家族的天文学家帕西瓦尔·洛厄尔建立的。", None),  # 的: whose name?
    ("哪一个人曾经被江青等人称之为「灭火队长」？", "他被江青等人称为「灭火队长」。", None),  # the question's own words
    ("王爱爱有什么美誉？", "被誉为晋剧皇后。", None),  # asks no person
    ("谁为中餐厅四海楼初代店主？", "均由著名中餐厅四海楼初代店主陈平顺所创。", None),  # no verb of the question's after X
]


@pytest.mark.parametrize("question, text, expected", AGENTS)
def test_the_agent_stands_between_its_mark_and_the_questions_verb(question, text, expected):
    found = agent(question.rstrip("？"), _ASK.search(question), text, 30)
    assert (text[found[0]:found[1]] if found else None) == expected
    if expected:
        assert short_answer(question, [text]) == expected  # what the picker gives where nothing fenced


PLACES = [
    # (question, sentence, place; None: no place certain)
    ("夏尔在哪里出生的？", "他是尚塔尔的儿子，1963年2月24日生于法国瓦尔省圣拉斐尔。", "法国瓦尔省圣拉斐尔"),  # 生 of 出生
    ("吉斯伯恩大区的首府在哪里？", "吉斯伯恩大区是纽西兰的一个地方行政区。首府位于吉斯伯恩市。", "吉斯伯恩市"),  # 首府 before it
    ("克伦贝格尔的出生地在哪里？", "雅各布·克伦贝格尔，生于1944年。", None),  # a date is no place
    ("自然史博物馆位在哪一个国家内？", "自然史博物馆位于英国伦敦市南肯辛顿博览会路上的一家大型博物馆。", None),  # 的: a clause about it
    ("这种鸟在哪里？", "它被人们发现于1990年以后的调查。", None),  # a date again, and the verb is not the question's
]


@pytest.mark.parametrize("question, text, expected", PLACES)
def test_the_place_follows_a_verb_of_place(question, text, expected):
    found = located(question.rstrip("？"), text, 30)
    assert (text[found[0]:found[1]] if found else None) == expected


def test_a_person_the_sentence_says_n_is_answers_n_is_who():
    question = "J Storm公司目前的社长是谁？"
    assert short_answer(question, ["公司成立另一个品牌。目前社长是藤岛茱莉景子。"]) == "藤岛茱莉景子"
    assert short_answer("牛佬的职业是什么？", ["秘书职业是筑波天文台工作的雨森教授的秘书。"]) is None  # 是什么: two characters are no anchor


@pytest.mark.parametrize("word", lexicon.words("place_verb"))
def test_place_verb_opens_the_place(word):
    assert located("浮龙化石在哪里", f"浮龙化石{word}加州费雷斯诺县。", 30) is not None
    text = f"浮龙化石{word}加州费雷斯诺县。"
    start, end = located("浮龙化石在哪里", text, 30)
    assert text[start:end] == "加州费雷斯诺县"


@pytest.mark.parametrize("word", lexicon.words("not_agent"))
def test_not_agent_words_mark_nobody(word):
    question = "这首歌的原唱是谁"
    assert agent(question, _ASK.search(question), f"这首歌{word}李四原唱。", 30) is None


@pytest.mark.parametrize("word", lexicon.words("agent_end"))
def test_agent_end_closes_the_agent(word):
    question = "那须盐原车站的经营方是谁"
    text = f"车站由东日本铁道{word}1990年经营。" if word == "于" else f"车站由东日本铁道{word}经营。"
    start, end = agent(question, _ASK.search(question), text, 30)
    assert text[start:end] == "东日本铁道"


ORIGINS = [
    ("元皇后祖籍何处？", "元皇后，河南郡洛阳县（今中国河南省洛阳市东）人，魏道武帝拓跋珪的后裔。", "河南郡洛阳县（今中国河南省洛阳市东）"),
    ("潘嘉丽是哪儿的人？", "潘嘉丽（英文名：，），新加坡人，新加坡及台湾歌手。", "新加坡"),
    ("家铉翁是哪里人？", "家铉翁（1213年－？）号则堂，眉山（今属四川）人。", "眉山（今属四川）"),  # not 号则堂, after the aside
    ("他是哪里人？", "他是一个有名的人，1950年出生。", None),  # 是, 的: a clause about him, not where he is from
    ("他是哪里人？", "比赛共有3000人，来自各地。", None),  # a count of people
    ("潘嘉丽的职业是什么？", "潘嘉丽，新加坡人，歌手。", None),  # asks no origin
]


@pytest.mark.parametrize("question, text, expected", ORIGINS)
def test_where_someone_is_from_is_the_phrase_before_ren(question, text, expected):
    found = origin(question, text, 30)
    assert (text[found[0]:found[1]] if found else None) == expected
    if expected:
        assert short_answer(question, [text]) == expected


OCCUPATIONS = [
    ("牛佬的职业是什么？", "牛佬，香港漫画家，原名文启明。", "香港漫画家"),
    ("大卫·克劳斯的职业是什么？", "大卫·克劳斯（，）是一名德国男演员。", "德国男演员"),  # after the article count
    ("毕业后的安雅·罗素法职业是什么？", "2007年，她于瓦伊帕胡高级中学毕业。毕业后，她当了一名售货员。", "售货员"),
    ("杨昊的职业是什么？", "杨昊 (足球运动员)\n杨昊（），中国足球运动员，司职中场。", "中国足球运动员"),  # not the title line
    ("他的职业是什么？", "他的父亲是一位著名的画家。", None),  # 的, 是: a clause about someone else
    ("潘嘉丽是哪儿的人？", "潘嘉丽，新加坡人，歌手。", None),  # asks no occupation
]


@pytest.mark.parametrize("question, text, expected", OCCUPATIONS)
def test_an_occupation_is_a_phrase_that_ends_in_a_word_of_occupation(question, text, expected):
    found = occupation(question, text, 30)
    assert (text[found[0]:found[1]] if found else None) == expected
    if expected:
        assert short_answer(question, [text]) == expected


@pytest.mark.parametrize("word", lexicon.words("origin_q"))
def test_origin_q_asks_where_someone_is_from(word):
    assert origin(f"潘嘉丽{word}", "潘嘉丽，新加坡人，歌手。", 30) is not None


@pytest.mark.parametrize("word", lexicon.words("occupation_q"))
def test_occupation_q_asks_an_occupation(word):
    assert occupation(f"牛佬的{word}", "牛佬，香港漫画家，原名文启明。", 30) == (3, 8)


@pytest.mark.parametrize("char", lexicon.words("occupation_end"))
def test_occupation_end_closes_an_occupation(char):
    text = f"他是一名航海{char}。"
    assert occupation("他的职业是什么", text, 30) == (4, 7)



KINDS = [
    ("蓝线裸顶鲷的身体是什么颜色的？", "本鱼体呈银灰色，有若干不规则污斑。", "银灰色"),  # after the verb 呈
    ("黄独的外皮是什么颜色的？", "叶腋内常生珠芽，外皮黄褐色。", "黄褐色"),  # after the question's own 外皮
    ("牡蒿在什么季节开花？", "头状花序卵形，秋季开花。", "秋季"),
    ("胜利广场是什么形状的？", "胜利广场是巴黎的一个圆形广场。", "圆形"),  # not the article count
    ("黄鳍紫鱼的身体是什么颜色的？", "体色多变。", None),  # 体 is the question's: 体色 is no colour
    ("这种鱼有什么特色？", "本鱼体呈银灰色。", None),  # asks no kind
]


@pytest.mark.parametrize("question, text, expected", KINDS)
def test_a_word_of_the_kind_asked_ends_as_the_kind_does(question, text, expected):
    found = of_kind(question, text)
    assert (text[found[0]:found[1]] if found else None) == expected


@pytest.mark.parametrize("names, ends", lexicon.glossary("kind_end").items())
def test_kind_end_answers_its_kind(names, ends):
    name, end = names.split("|")[0], ends.split("|")[0]
    text = f"它的主体为淡蓝{end}。"
    assert of_kind(f"它是什么{name}的", text) == (5, 7 + len(end))  # 淡蓝 and the ending


@pytest.mark.parametrize("word", lexicon.words("kind_lead"))
def test_kind_lead_is_no_part_of_the_kind(word):
    text = f"外壳{word}淡蓝色。"
    assert of_kind("它是什么颜色的", text) == (2 + len(word), 5 + len(word))


def test_the_anaphora_join_asks_the_picker_without_these_passes():
    # the join (qa.answer.anaphora) was measured before these passes: they must not move its quotes
    from qa.answer.short import pick

    question, text = "《鳄鱼泪》同名主题曲的原唱是谁？", "同名主题曲《鳄鱼泪》，由袁丽嫦原唱，并由黄霑作曲及填词。"
    assert pick(question, [text]).text == "袁丽嫦"
    assert pick(question, [text], constructions=False) is None
