"""Does a Chinese quote give a sum of money where the question asks one?

A sum asked (多少奖金, 赎金是多少, 花了多少钱: zh.toml `sum_asked`, a money word before or after 多少)
is written as a figure in a currency (4.1 亿美元, 三千两: `sum_unit`), a large figure whose unit
is dropped (奖金100万) or a currency's sign; a quote holding none gives no sum, whatever else it
counts. "鲍尔丹奖给了柯瓦列夫斯卡娅多少奖金？" was answered 0.49 by the sentence saying the judges
raised the prize, which holds years (1888年), a span (两年后) and an age (四十一岁): figures, so the
answer-type cue passed it, and no sum. The answer-type cue reads a currency only after 多少钱
(`dimension_asked`) and only lowers support; this is the gap a sum's absence is. (English and
Spanish read their sums by `qa.answer.latin_question.asked`'s money unit.)
"""

from __future__ import annotations

from qa.text import lexicon

__all__ = ["unsummed"]


def unsummed(question: str, quote: str) -> str:
    """The money word a Chinese question asks a sum of (奖金) when `quote` writes no sum; "" else."""
    asked = lexicon.regex("sum_asked").search(question)
    if not asked or lexicon.regex("sum_said").search(quote):
        return ""
    return asked.group(1) or asked.group(2)
