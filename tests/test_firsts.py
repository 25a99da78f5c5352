"""An ordinal a question binds to its thing (qa.answer.firsts): where the quote says the ordinal,
what the question asks of it must be said in the ordinal's clause, not only in another clause."""

import pytest

from qa.answer.firsts import cjk_unbound_ordinal, unbound_ordinal
from qa.answer.slots import gaps
from qa.text import lexicon

BANDY = ("An international federation was founded in 1955 and held the first world championship two years later in "
         "Helsinki, and since then almost every title has been won either by the Soviet Union and its successor Russia "
         "or by Sweden.")
HURLING = ("The All-Ireland Senior Hurling Championship, first held in 1887, ends each summer with a final at Croke Park "
           "in Dublin that draws crowds of more than 80,000, and Kilkenny has won the title more often than any other "
           "county.")

# (question, quote, the article title, the gap: "" when nothing is unbound)
CASES = [
    ("Which country won the first bandy world championship?", BANDY, "Bandy",
     "'won' of the first bandy world championship"),
    ("Which county won the first All-Ireland hurling championship?", HURLING, "Hurling",
     "'won' of the first All-Ireland hurling championship"),
    # what is asked is said in the ordinal's clause
    ("Where was the first world championship held?", BANDY, "Bandy", ""),
    ("When was the first All-Ireland hurling championship held?", HURLING, "Hurling", ""),
    ("Who won the first Tour de France?", "The first Tour de France was won by Maurice Garin in 1903.", "", ""),
    ("Who made the first recorded climb to the summit?", "The first recorded ascent to the summit was made in 1889 by "
     "Hans Meyer and Ludwig Purtscheller, and the mountain has been climbed by thousands since.", "", ""),
    # the adverb binds no thing ("who first climbed"), and a quote without the ordinal is not read
    ("Who first isolated the metal?", "The metal was isolated in 1735, and Brandt named it cobalt.", "", ""),
    ("Which country won the first bandy world championship?", "Sweden won the title in 1957 in Helsinki.", "", ""),
    # Spanish
    ("¿Qué equipo ganó la primera edición del torneo?",
     "La primera edición se celebró en 1930 en Montevideo, y desde entonces casi siempre ganó un equipo europeo.", "",
     "'ganó' of the primera edición"),
    ("¿Qué equipo ganó la primera edición del torneo?", "La primera edición la ganó Uruguay en 1930.", "", ""),
]


@pytest.mark.parametrize("question, quote, title, gap", CASES)
def test_unbound_ordinal(question, quote, title, gap):
    assert unbound_ordinal(question, quote) == gap
    found = gaps(question, quote, "", f"{title}\n{quote}")
    assert any(g.kind == "value" and g.detail == gap for g in found) == bool(gap)


CJK_CASES = [
    ("首届班迪世界锦标赛的冠军是哪个国家？", "一个国际联合会于1955年成立，并于两年后在赫尔辛基举办了第一届世界锦标赛，从那以后，"
     "几乎每一届冠军都由苏联及其继承者俄罗斯或瑞典获得。", "冠军（首届）"),
    ("首届班迪世界锦标赛的冠军是哪个国家？", "1957年在赫尔辛基举办的首届世界锦标赛冠军是苏联。", ""),
    ("第一届比赛是哪个队赢得的？", "第一届比赛于1930年举行，此后历届比赛多由巴西队赢得。", "赢得（第一届）"),
    # a clause after a comma goes on with the same subject: its words are the edition's
    ("第一届比赛是哪个队赢得的？", "第一届比赛于1930年举行，最终乌拉圭队赢得冠军。", ""),
    ("第十三届欧洲国家杯在哪一年举行？", "2008年欧洲足球锦标赛是第十三届欧洲国家杯，于2008年6月7日至29日在奥地利及瑞士举行。", ""),
    ("1387年第五次北伐的目标是？", "1387年冯胜、傅友德、蓝玉等人发动第五次北伐，目标是攻占纳哈出的金山。", ""),
    ("第一届比赛是哪个队赢得的？", "第一届比赛由乌拉圭队赢得。", ""),
    ("首届比赛在哪里举行？", "首届比赛于2008年12月11日至22日在南京市举行。", ""),  # nothing read but an attribute or a closing verb
    ("谁完成了有记载的首次登顶？", "有记录的首次登顶是在1889年，由汉斯·迈耶完成的。", ""),  # no edition bound by 届/次 + 的…是
]


@pytest.mark.parametrize("question, quote, gap", CJK_CASES)
def test_cjk_unbound_ordinal(question, quote, gap):
    assert cjk_unbound_ordinal(question, quote) == gap


def test_the_slot_checks_refuse_it():
    found = gaps(CASES[0][0], BANDY, "", "Bandy\n" + BANDY)
    assert any(g.kind == "value" and "first" in g.detail for g in found)
    found = gaps(CJK_CASES[0][0], CJK_CASES[0][1], "")
    assert any(g.kind == "value" and "首届" in g.detail for g in found)


@pytest.mark.parametrize("language", ["en", "es"])
def test_every_rank_has_forms(language):
    ranks = lexicon.glossary("ordinal_rank", language)
    assert {"first", "second", "third"} <= set(ranks) and all(ranks.values())
