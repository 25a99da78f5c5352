"""A sum of money a Chinese question asks, against a quote writing none (qa.answer.sums): the near
miss of zh_xwiki21 (the Bordin prize's money) and answerable siblings; every word of zh.toml's
`sum_word`, `money_noun`, `sum_unit` and `sum_sign`."""

import pytest

from qa.answer.slots import gaps
from qa.answer.sums import unsummed
from qa.text import lexicon

BORDIN = "她的研究于1888年获得法国科学院的鲍丁奖，评委们认为这项研究非常出色，以至于提高了奖金，但仅仅两年后，她便去世，终年四十一岁。"

# (question, quote, the money word asked of a quote writing no sum; "" when it may answer)
CASES = [
    ("鲍尔丹奖给了柯瓦列夫斯卡娅多少奖金？", BORDIN, "奖金"),  # years, a span and an age: no sum
    ("这幅画值多少钱？", "这幅画据说是他在1908年画的。", "钱"),
    ("这幅画值多少钱？", "这幅画估价约为3.4百万美元。", ""),
    ("马拉松募集了多少钱？", "此次活动为儿童医院筹集了64万美元。", ""),
    ("医院侧楼项目的费用是多少？", "该项目耗资 48.5 百万美元，其中州政府支付了大约 60%。", ""),
    ("他缴纳了多少罚款？", "法院判处他罚款三千两白银。", ""),
    ("奖金是多少？", "冠军将获得奖金100万。", ""),  # a large figure: the unit dropped
    ("门票的售价是多少？", "门票售价为$25。", ""),
    ("赎金是多少？", "海盗索要赎金，船东拒绝支付。", "赎金"),
    ("他获得了多少奖金？", "他在1990年获得该奖。", "奖金"),
    ("这座桥有多长？", "这座桥建于1990年。", ""),  # no sum asked
]


@pytest.mark.parametrize("question, quote, expected", CASES)
def test_a_sum_asked_is_given_in_a_currency(question, quote, expected):
    assert unsummed(question, quote) == expected
    found = [(g.kind, g.detail) for g in gaps(question, quote, "")]
    assert (("value", f"sum of {expected}") in found) is bool(expected)


@pytest.mark.parametrize("word", lexicon.words("sum_word") + lexicon.words("money_noun"))
def test_each_money_word_asks_a_sum(word):
    assert unsummed(f"他得到了多少{word}？", "他在1990年得到了它。") == word
    assert unsummed(f"他的{word}是多少？", "他在1990年得到了它。")


@pytest.mark.parametrize("unit", lexicon.words("sum_unit"))
def test_each_currency_writes_a_sum(unit):
    assert unsummed("他得到了多少奖金？", f"他得到了三十{unit}。") == ""
    assert unsummed("他得到了多少奖金？", f"他得到了 1,200 {unit}。") == ""


@pytest.mark.parametrize("unit", lexicon.words("currency"))
def test_each_currency_a_short_answer_reads_writes_a_sum_too(unit):
    # one list of currencies for both: a translated page prices in old and foreign ones (约40,000里弗尔:
    # zh_xwiki11 eng06-q1 was refused while `currency` knew the livre and `sum_unit` did not)
    assert unsummed("建造这座教堂花了多少钱？", f"后来建造整座礼拜堂所花费的约40,000{unit}。") == ""


@pytest.mark.parametrize("sign", lexicon.words("sum_sign"))
def test_each_sign_writes_a_sum(sign):
    assert unsummed("他得到了多少奖金？", f"他得到了{sign}300。") == ""

