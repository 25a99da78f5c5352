"""A Chinese how-many question counting a category of things (多少个国家, 几座城市), answered by a quote
whose every figure is a date or a measure: "有多少个国家是世界飞盘总会的成员？" over "这项运动由成立于
1985年的世界飞盘联合会…管理，它于2015年获得国际奥林匹克委员会的承认" (0.64). `qa.answer.values.
missing_count` reads such a quote so for the noun a question counts, but takes none from a category
word (国家, 城市: `qa.answer.slots.focus` names no focus word by one, since the answer names a
country, not the word 国家); a count of countries is still a count, and dates count nothing.

The noun is the two characters after the question word and its measure word (多少个 | 国家: a
measure word that counts things, `counting_measure`; not 多少比例, 多少金额); a count in a unit or of money, a span of time (多少年), or a noun `missing_count` reads already is not read
here. The figures are read as `missing_count` reads them.
"""

from __future__ import annotations

import re

from qa.text import lexicon
from qa.text.cjk import HAN
from qa.text.numeral_words import in_word

__all__ = ["dates_only"]


def dates_only(question: str, quote: str) -> str:
    """The category noun a Chinese how-many question counts (国家) when `quote` holds no figure but
    dates and measures; "" else."""
    from qa.answer.slots import _CATEGORY, _CATEGORY_END
    from qa.answer.values import _cjk_patterns, _counted
    from qa.text.questions import NUMBER_Q, question_type

    wants, measure = question_type(question)
    asked = NUMBER_Q.search(question)
    if wants != "number" or measure or not asked or _counted(question) \
            or question[asked.end() - 1] not in lexicon.words("counting_measure"):
        return ""  # 多少比例, 多少金额: a share, a sum (no measure word counts things)
    m = re.match(f"[{HAN}]{{2}}", question[asked.end():])
    noun = m.group(0) if m else ""
    if not noun or not (_CATEGORY.match(noun) or _CATEGORY_END.search(noun)):
        return ""
    figure, date, measured, _ = _cjk_patterns()
    for f in figure.finditer(quote):
        if f.group(0) in question or f.group(0) == "一":
            continue
        if date.match(quote, f.start()) or measured.match(quote, f.end()) or in_word(quote, f.start(), f.end()):
            continue
        return ""
    return noun
