"""Respective answers (qa.answer.respective) through the picker (qa.answer.short.short_answer), as
`qa ask` reads them: "A和B分别X和Y" asked of B is answered by Y. Each word of `respective` in zh.toml
is used by a row (分別, Traditional, is folded to it), and cases where no position is certain."""

from __future__ import annotations

import pytest

from qa.answer.respective import respective, unlisted
from qa.answer.short import short_answer
from qa.text import lexicon
from qa.text.cjk import fold
from qa.text.questions import question_type

PAIRED = [
    # (question, quote, short answer)
    # items before 分别, figures after: the second item's figure, not the first figure nor the nearest
    ("闵行区的脑机接口专项政策里，重大平台建设最多能拿到多少补贴？",
     "为培育产业集群,头部企业和重大平台建设可分别获最高2000万元和5000万元补贴。", "5000万元"),
    ("头部企业最多能拿到多少补贴？", "为培育产业集群,头部企业和重大平台建设可分别获最高2000万元和5000万元补贴。", "2000万元"),
    ("对重大平台建设可获得多少补贴？", "对重大平台建设和人才引进分别给予2000万元和500万元补贴。", "2000万元"),
    ("人才引进可获得多少补贴？", "对重大平台建设和人才引进分别给予2000万元和500万元补贴。", "500万元"),
    # dates before 分别, the items after it; the list ends a clause before 分别 when the clause
    # holding it opens with the subject alone (Traditional: 分別, 與)
    ("麻豆溪事件於何年爆發?", "由於苛徵與限制，使得原住民族在1629年與1636年，分別發起麻豆溪事件與蕭壟事件兩次大型反抗。", "1629年"),
    ("蕭壟事件於何年爆發?", "由於苛徵與限制，使得原住民族在1629年與1636年，分別發起麻豆溪事件與蕭壟事件兩次大型反抗。", "1636年"),
    ("十億位元組的動態隨機存取記憶體韓國於何時研發出來？",
     "1994年、1996年和2001年，韓國分別在世界上率先研發出256百萬位元組、1十億位元組和4十億位元組的動態隨機存取記憶體。",
     "1996年"),  # three items: the middle one is named anywhere in it, the first only at its end
    # items apart by commas up to the clause joining the last two, on both sides (a place: the item itself)
    ("土爾扈特王國被哪一國家消滅？", "在2千紀中，也先後出現過蒙古王國，西伯利亞王國和土爾扈特王國，但分別被後金，俄羅斯和清帝國滅。", "清帝國"),
    ("蒙古王國被哪一國家消滅？", "在2千紀中，也先後出現過蒙古王國，西伯利亞王國和土爾扈特王國，但分別被後金，俄羅斯和清帝國滅。", "後金"),
    # a person: the name in the asked position
    ("第二次世界大戰時期歐洲的盟軍統帥是誰?", "艾森豪與蔣中正在第二次世界大戰中分別擔任歐洲及中國戰區的盟軍統帥。", "艾森豪"),
    ("第二次世界大戰時期中國戰區的盟軍統帥是誰?", "艾森豪與蔣中正在第二次世界大戰中分別擔任歐洲及中國戰區的盟軍統帥。", "蔣中正"),
]

UNPAIRED = [
    # (question, quote): no position is certain, the pairing gives nothing
    # the lists differ in length
    ("人才引进可获得多少补贴？", "对重大平台建设、人才引进和创新券分别给予2000万元和500万元补贴。"),
    # the question names no item (补贴 runs on after the last figure: not an item's joining end)
    ("最多能拿到多少补贴？", "头部企业和重大平台建设可分别获最高2000万元和5000万元补贴。"),
    # two items named by words as long: 十亿位元组 is in the second and the third
    ("十亿位元组的存储器何时研发出来？",
     "1994年、1996年、1998年和2001年，韩国分别研发出256百万位元组、1十亿位元组、2十亿位元组和4十亿位元组的存储器。"),
    # commas after 分别 that no joined clause ends: no list
    ("人才引进可获得多少补贴？", "对重大平台建设、人才引进和创新券分别给予资助，资金2000万元，另有500万元。"),
    # no 分别: the items are not paired
    ("人才引进可获得多少补贴？", "对重大平台建设和人才引进给予2000万元和500万元补贴。"),
    # the question names an item of each list: no one position is asked
    ("人才引进的2000万元补贴何时给予？", "对重大平台建设和人才引进分别给予2000万元和500万元补贴。"),
    # the clause before the list's first item holds a list of its own: it is no item (3 answers, 2 items)
    ("哪一个被清帝国所灭？", "蒙古王国和西伯利亚王国，准噶尔汗国和土尔扈特王国，但分别被后金，俄罗斯和清帝国灭。"),
    # a person asked, but the list paired with the named one holds posts, not names
    ("誰是著名的溧陽籍細胞生物學家?", "中國科學院院士和中國工程院院士共有溧陽籍10人，分別為昆蟲學家、教育家蔡邦華，經濟學家狄超白。"),
]


@pytest.mark.parametrize("question, quote, expected", PAIRED)
def test_the_answer_in_the_named_items_position_is_the_short_answer(question, quote, expected):
    assert short_answer(question, [quote]) == expected


def test_a_join_inside_a_word_the_question_says_splits_no_item():
    question, quote = "中华人民共和国的国旗于哪一年确定？", "中华人民共和国和蒙古国的国旗分别于1949年和1992年确定。"
    found = respective(fold(question), fold(quote), question_type(question)[0])
    assert found is not None and quote[found[0]:found[1]] == "1949年"  # 共和国 is not 共 | 国


@pytest.mark.parametrize("question, quote", UNPAIRED)
def test_no_position_is_paired_when_it_is_not_certain(question, quote):
    assert respective(fold(question), fold(quote), question_type(question)[0]) is None


def test_every_respective_word_pairs_two_lists():
    for word in lexicon.words("respective"):
        quote = f"对重大平台建设和人才引进{word}给予2000万元和500万元补贴。"
        assert short_answer("人才引进可获得多少补贴？", [quote]) == "500万元", word


_SUBSIDIES = "为培育产业集群,头部企业和重大平台建设可分别获最高2000万元和5000万元补贴。"


@pytest.mark.parametrize("question, quote, expected", [
    # another member of the items' class, named by the same head word: asked of none of them
    ("闵行区的脑机接口专项政策给初创企业的补贴最高是多少？", _SUBSIDIES, "初创企业"),
    # the item itself, or the head word alone
    ("头部企业的补贴最高是多少？", _SUBSIDIES, ""),
    ("重大平台建设的补贴最高是多少？", _SUBSIDIES, ""),
    ("给企业的补贴最高是多少？", _SUBSIDIES, ""),
    # the question's words before the head are the passage's too (another clause names them)
    ("初创企业的补贴最高是多少？", "初创企业另有奖励。" + _SUBSIDIES, ""),
    # no respective list
    ("初创企业的补贴最高是多少？", "头部企业可获最高2000万元补贴。", ""),
])
def test_unlisted(question, quote, expected):
    assert unlisted(fold(question), fold(quote)) == expected


def test_an_unlisted_member_is_a_focus_gap():
    from qa.answer.slots import gaps

    assert ("focus", "初创企业") in [(g.kind, g.detail) for g in gaps("给初创企业的补贴最高是多少？", _SUBSIDIES, "")]
