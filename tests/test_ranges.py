"""One end of a date range as the short answer (qa.answer.ranges), through the short answer's
picker: a question asking where a range ends gets that end, one asking for the range the range."""

import pytest

from qa.answer.short import short_answer

BEIJING = "近期,北京市市场监督管理局等4部门印发《北京市以标准赋能科技创新和产业创新融合发展行动方案(2025—2027年)》。"
MEETING = "会议于2025年5月1日至5月3日在北京举行。"

CASES = [
    ("北京的行动方案有效期到哪一年？", BEIJING, "2027年"),
    ("北京的行动方案什么时候结束？", BEIJING, "2027年"),
    ("北京的行動方案有效期到哪一年？", BEIJING, "2027年"),  # Traditional, folded
    ("北京的行动方案是哪几年的？", BEIJING, "2025—2027年"),  # the range asked
    ("北京的行动方案从哪一年开始？", BEIJING, "2025—2027年"),  # "2025" is no date as written: the range
    ("会议什么时候开始？", MEETING, "2025年5月1日"),
    ("会议什么时候结束？", MEETING, "5月3日"),
    ("会议是什么时候举行的？", MEETING, "2025年5月1日至5月3日"),
    ("会议什么时候结束？", "会议于2025年5月3日结束。", "2025年5月3日"),  # no range: as found
]


@pytest.mark.parametrize("question, quote, expected", CASES, ids=[c[0] for c in CASES])
def test_the_end_of_a_range_the_question_asks_for(question, quote, expected):
    assert short_answer(question, [quote]) == expected
