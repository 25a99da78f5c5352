"""What a term is and what it is short for (qa.answer.terms), read from one sentence: the offsets
returned cut the answer from the text as given."""

from __future__ import annotations

import pytest

from qa.answer.terms import definition, full_name

DEFINED = [
    # (term, sentence, what the sentence says it is; None: it does not say)
    ("五月艾", "五月艾（学名：）是菊科蒿属的植物。", "菊科蒿属的植物"),
    ("乡里制", "乡里制，是中国古代农村社会基层组织体系，即县下有乡。", "中国古代农村社会基层组织体系"),
    ("百老汇剧院", "百老汇剧院（）是指美国纽约的剧院所演出的戏剧。", "美国纽约的剧院所演出的戏剧"),
    ("约化群", "约化群可以由根资料分类。", None),  # no defining word after the term
    ("JAXR", "JAXR是" + "很长" * 20 + "。", None),  # longer than a short answer
]


@pytest.mark.parametrize("term, text, expected", DEFINED)
def test_definition_is_what_follows_the_term_and_its_defining_word(term, text, expected):
    found = definition(term, text, 30)
    assert (text[found[0]:found[1]] if found else None) == expected


NAMED = [
    # (short name, naming word, sentence, full name)
    ("南宁二中", "简称", "广西壮族自治区南宁市第二中学，简称南宁二中。", "广西壮族自治区南宁市第二中学"),
    ("首钢", "简称", "首钢集团有限公司（简称首钢）是国有独资公司。", "首钢集团有限公司"),
    ("DQ", "简称", "简称DQ的连锁店。", None),  # nothing before it
    ("北大", "简称", "北京大学是一所大学。", None),  # the sentence gives no short name
]


@pytest.mark.parametrize("short, naming, text, expected", NAMED)
def test_full_name_is_the_clause_before_the_short_one(short, naming, text, expected):
    found = full_name(short, naming, text, 30)
    assert (text[found[0]:found[1]] if found else None) == expected
