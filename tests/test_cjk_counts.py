"""A Chinese count of a category of things asked of a quote holding only dates (qa.answer.cjk_counts)."""

import pytest

from qa.answer.cjk_counts import dates_only
from qa.answer.slots import gaps

_WFDF = "这项运动由成立于1985年的世界飞盘联合会管理，它于2015年获得国际奥林匹克委员会的承认。"


@pytest.mark.parametrize("question, quote, expected", [
    ("有多少个国家是世界飞盘总会的成员？", _WFDF, "国家"),
    ("有多少个国家是世界飞盘总会的成员？", "目前共有90多个国家加入。", ""),
    ("该河流经几个国家？", "它流经10个国家。", ""),
    # a share or a sum is no count of things: its figures are measures
    ("东德有多少比例的妇女参与工作？", "到1989年为止大约92%妇女参与了工作。", ""),
    ("可罚多少金额的罚款?", "1983年，私人使用将罚款300美元。", ""),
    # a noun that names no category is missing_count's
    ("爱德华二世带了多少士兵来到班诺克本？", "战斗于1314年6月23日开始。", ""),
])
def test_dates_only(question, quote, expected):
    assert dates_only(question, quote) == expected


def test_the_slot_checks_read_it():
    assert ("value", "number of 国家") in [(g.kind, g.detail) for g in gaps("有多少个国家是世界飞盘总会的成员？", _WFDF, "")]
