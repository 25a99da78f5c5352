"""The one definition of a Chinese character, and the forms text is matched in."""

from __future__ import annotations

import pytest

from qa.text.cjk import close_spaces


@pytest.mark.parametrize("text, closed", [
    ("第 50 届", "第50届"),
    ("在 2008 年的 GPS 定位", "在2008年的GPS定位"),
    ("增长 50 %的人", "增长50%的人"),
    ("纽约 New York 时报", "纽约New York时报"),  # Latin words keep the space between them
    ("洛拉·帕尼亚尼 会讲哪些语言", "洛拉·帕尼亚尼 会讲哪些语言"),  # between two Chinese words: kept
    ("第\u300050\u00a0届", "第50届"),  # ideographic and no-break spaces too
    ("3 5 个", "3 5个"),
    ("no Chinese at all 50 %", "no Chinese at all 50%"),
])
def test_close_spaces_joins_chinese_to_numbers_and_latin(text, closed):
    assert close_spaces(text) == closed
