"""Which of two values of the asked kind in one sentence the question names (qa.answer.owned), read
through the short answer (qa.answer.short) as `qa ask` reads it. Each row is a question, its quote
and the short answer; the first four are the seed probe's findings (session 15, findings.md B), the
others the cases a value's own words were cut by (clauses, list marks, one list, the topic)."""

from __future__ import annotations

import pytest

from qa.answer.short import short_answer
from qa.text import lexicon

LAUNCH = "7家企业依次亮相,发布5款侵入式新产品和2款非侵入式新产品,涵盖神经调控等领域。"
FIRMS = "组织参与各类河北省创新型中小企业8家、专精特新中小企业6家。"
GDP = "新华区发展和改革局局长杜小博介绍,今年上半年全区生产总值340.4亿元,增速为5.6%,展现出了强劲的发展韧性。"
VISITORS = "湾里庙商圈日均客流量稳定在30万人次左右,其中省外游客超2万人次。"
TEAM = "参加2008年北京夏季奥林匹克运动会的中国皮划艇队共计40人，其中运动员23人，官员与工作人员17人。"

OWNED = [
    # (question, quote, short answer)
    ("发布会上发布了几款非侵入式新产品？", LAUNCH, "2款"),  # the words after the value: 和 cuts them
    ("发布会上发布了几款侵入式新产品？", LAUNCH, "5款"),
    ("新华区有多少家专精特新中小企业？", FIRMS, "6家"),  # the words before the value: 、 cuts them
    ("新华区有多少家创新型中小企业？", FIRMS, "8家"),
    ("今年上半年新华区生产总值增长了多少？", GDP, "5.6%"),  # a change, said by another change word
    ("今年上半年新华区生产总值是多少？", GDP, "340.4亿元"),
    ("湾里庙商圈每日客流量大約多少人次？", VISITORS, "30万人次"),  # the words before the question word
    ("湾里庙商圈的省外游客有多少人次？", VISITORS, "超2万人次"),  # its lead word kept (widened)
    # the team is the sentence's subject, written once: the noun after 多少 names the value
    ("参加2008年北京奥运会的中国皮划艇队有多少运动员？", TEAM, "23人"),
    # a clause without a value goes on with the one before it
    ("三重在哪一年成为台北县首个县辖市？", "三重于二战前属台北州管辖，1947年4月1日与芦洲分治设三重镇，1962年正式改制为县辖市，"
     "成为台北县首个县辖市。", "1962年"),
    # the clause between two values is both's: 田汉 names neither
    ("田汉在哪一年时由于被抨击为右派而含冤去世？", "在1966年开始的文化大革命中，田汉被打成右派，于1968年含冤去世。", "1968年"),
    # two dates joined by 及 alone are one list: what follows is the first's too
    ("男子100米跑赛事什么时候举行？", "男子100米跑赛事在2008年8月15日及8月16日在北京国家体育馆举行。", "2008年8月15日"),
    # none of the question's words beside its question word belongs to one value alone: the first choice
    ("头部企业最高可以获得多少补贴？", "头部企业和重大平台建设可分别获最高2000万元和5000万元补贴。", "2000万元"),
]


@pytest.mark.parametrize("question, quote, expected", OWNED)
def test_the_value_the_question_names_is_the_short_answer(question, quote, expected):
    assert short_answer(question, [quote]) == expected


@pytest.mark.parametrize("word", lexicon.words("change_word"))
def test_every_change_word_says_the_change_asked(word):
    quote = f"今年上半年全区生产总值340.4亿元,{word}为5.6%。"
    assert short_answer("今年上半年全区生产总值增长了多少？", [quote]) == "5.6%"


@pytest.mark.parametrize("tail", ["时", "的时候", "时候"])
def test_what_closes_a_time_question_word_is_no_word_of_its_clause(tail):
    quote = "1961年初，他迁入自己出资盖的两层楼房，该住处于2016年8月8日登录为历史建筑。"
    assert short_answer(f"他出资盖的两层楼房于哪一年{tail}登录为历史建筑？", [quote]) == "2016年"
