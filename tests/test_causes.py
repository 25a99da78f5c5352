"""The short answer to a why question (qa.answer.causes): the cause a connective marks next to
the clause that says the question's words, or none. Each row is a question, its quote and the
answer; every connective of the lexicon is used by a row below."""

from __future__ import annotations

import pytest

from qa.answer.short import pick, short_answer
from qa.text import lexicon
from tests.test_short import SEED_QUOTE

ANSWERED = [
    # (question, quote, short answer)
    ("为什么西班牙及葡萄牙等地都喜欢烹煮挪威海螯虾？",
     "由于挪威海螯虾价格比一般的欧洲龙虾廉宜，所以在西班牙及葡萄牙等地，每逢重大节日都会烹煮挪威海螯虾。",
     "挪威海螯虾价格比一般的欧洲龙虾廉宜"),  # the cause opens the clause before
    ("为什么埃欧的大气层主要被限制在赤道？", "埃欧的大气层主要被限制在赤道，因为该处是最温暖的。", "该处是最温暖的"),  # ...or after
    ("日本国铁设计211系的原因是什么？", "111系一直服务至1980年代，列车老化问题严重，故日本国铁设计了211系。",
     "111系一直服务至1980年代，列车老化问题严重"),  # an effect word: the cause is what comes before
    ("为什么64DD从上市就充满困难？", "而由于延迟上市，市场已经被攻占，因此64DD从上市就充满困难。",
     "延迟上市，市场已经被攻占"),  # the connectives before the cause are no part of it
    ("华强广场过去为什么长期闲置？", SEED_QUOTE, "产权分散"),  # inside the clause, up to the question's words
    ("芦名氏的战力为什么受到重大打击？", "芦名氏的战力因家臣金上盛备等人的战死而受到重大打击。", "家臣金上盛备等人的战死"),
    ("為何中華民國政府自1980年起不再實施日光節約時間？", "中華民國政府自1980年起不再實施日光節約時間，是因為民間反應不佳。",
     "民間反應不佳"),  # Traditional, matched folded and cut as written
    # a how question: a means, or a cause
    ("放线菌酮是怎样阻碍转译过程的？", "它通过干扰蛋白质合成过程中的易位步骤而阻碍转译过程。", "干扰蛋白质合成过程中的易位步骤"),
    ("教堂凹凸的外观是怎么设计的？", "教堂凹凸的外观以非古典的方式设计。", "非古典的方式"),  # the question's words close the clause
    ("恒星光谱是如何被成功解释的？", "直到20世纪，由于量子物理学的进展而得以成功解释。", "量子物理学的进展"),  # the effect after 而 is left
    ("日本国铁设计211系的原因是什么？",
     ("111系一直服务至1980年代而且在全国各地的很多条路线上每天都载着大量的乘客往返于各个大城市和它们的郊区之间，"
      "列车老化问题严重，故日本国铁设计了211系。"), "列车老化问题严重"),  # too long from the sentence's start: the clause before
    ("为什么这部电影很有名？", "由于《红楼梦》的改编很成功，所以这部电影很有名。", "《红楼梦》的改编很成功"),  # a title's mark is kept
]


@pytest.mark.parametrize("question, quote, expected", ANSWERED)
def test_a_why_question_is_answered_by_the_marked_cause(question, quote, expected):
    found = pick(question, [quote])
    assert found is not None and found.text == expected
    assert quote[found.start:found.end] == expected


NOT_ANSWERED = [
    # (question, quote): no connective next to the clause saying the question's words, or no such clause
    ("为什么要建设新园区？", "原有园区已经饱和。今年要建设新园区。"),
    ("为什么要建设新园区？", "新园区位于城东，占地一百亩。"),  # the neighbour clause is no cause
    ("为什么要建设新园区？", "由于天气很好，建设很慢。"),  # one pair (建设) says nothing of the question
    ("为什么要建设新园区？", "由于天气很好。要建设新园区，已有规划。"),  # the cause of another sentence
    ("为什么要建设新园区？", "因为天气很好，游客很多。"),  # nothing of the question is said
    ("为什么要建设新园区？", "由于" + "原有园区已经饱和" * 10 + "，所以要建设新园区。"),  # longer than a clause answer
    ("为什么大米会生虫？", "原因很多，大米会生虫。"),  # 原因 spells no connective
    ("新园区是为什么？", "新园区是为了疏解老城区的功能。"),  # 是为什么 asks why: no connective
    ("刘七是怎么死的？", "最后刘七中箭落水死，齐彦名中枪身亡。"),  # how, told without a means
    ("数字是如何表达的？", "数字可以表达为十进制。"),  # 可以 spells 以: no means
]


@pytest.mark.parametrize("question, quote", NOT_ANSWERED)
def test_no_cause_without_a_connective_beside_the_question_words(question, quote):
    assert short_answer(question, [quote]) is None


# each word of a lexicon class, in the place its class says: (class, question, quote with {word})
PLACED = [
    ("cause_lead", "为什么要建设新园区？", "{word}原有园区已经饱和，要建设新园区。"),  # opens the cause
    ("effect_lead", "为什么要建设新园区？", "原有园区已经饱和，{word}要建设新园区。"),  # closes it
    ("cause_join", "为什么要建设新园区？", "{word}由于原有园区已经饱和，所以要建设新园区。"),  # is left out before it
    ("cause_then", "为什么要建设新园区？", "今年由于原有园区已经饱和{word}要建设新园区。"),  # ends it inside a clause
]


@pytest.mark.parametrize("word_class, question, quote", PLACED)
def test_every_connective_marks_the_cause(word_class, question, quote):
    for word in lexicon.words(word_class):
        found = pick(question, [quote.format(word=word)])
        assert found is not None and found.text == "原有园区已经饱和", word


def test_the_anaphora_join_gets_no_cause():
    # pick(..., constructions=False) is measured without this pass (qa.answer.anaphora)
    assert pick("为什么要建设新园区？", ["因为原有园区已经饱和，所以要建设新园区。"], constructions=False) is None


@pytest.mark.parametrize("word", lexicon.words("means_verb") + lexicon.words("means_lead"))
def test_every_means_word_opens_a_means(word):
    found = pick("新园区是怎样建成的？", [f"{word}社会资本，新园区建成了。"])
    assert found is not None and found.text == "社会资本"


@pytest.mark.parametrize("word", lexicon.words("means_verb"))
def test_a_means_verb_inside_the_clause_opens_a_means(word):
    found = pick("新园区是怎样建成的？", [f"新园区{word}社会资本建成。"])
    assert found is not None and found.text == "社会资本"


@pytest.mark.parametrize("question, open_", [
    ("为什么夏天河里会出现沙洲？", True),  # a reason
    ("这些鸟如何应对极端的寒冷？", True),  # a manner
    ("怎样才能赢得一局？", True),
    ("日本国铁设计211系的原因是什么？", True),
    ("華強廣場為何長期閒置？", True),  # Traditional: its type is read folded (为何)
    ("华强广场是如何在三年里创造1000个就业岗位的？", True),
    ("华强广场如何创造了多少个就业岗位？", False),  # a figure asked: its quote must hold one
    ("华强广场是哪一年怎样开业的？", False),  # a year asked
    ("华强广场的总经理是谁？", False),
    ("今天华强广场有什么活动？", False),  # a what question: no reason or manner asked
])
def test_a_question_asking_a_reason_or_a_manner_is_open(question, open_):
    from qa.answer.causes import asks_open
    from qa.text.questions import question_type

    assert asks_open(question, question_type(question)[0]) is open_
