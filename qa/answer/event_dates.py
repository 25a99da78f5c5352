"""Is the date a Chinese quote gives the date of what a when-question asks, at the unit it asks?

"北京智冉医疗科技有限公司成立于哪个月？" was answered 1.00 with "今年10月,一家成立于2022年的年轻企业
——北京智冉医疗科技有限公司联合…完成…临床植人": the sentence says the founding and holds a month, but
the month dates the implant; the founding is dated 2022年, a year. A date written right after the
verb (成立于2022年, 建于1998年) is the verb's own, and so is the last date before it in its clause
(1998年建成); a month asked (哪个月, 几月) of a verb whose own dates give no month, or a day asked of
one whose own dates give no day, is not answered by another date of the sentence. Where the verb
has no date of its own in its clause, the sentence's may be its, and nothing is said.

A year an English or Spanish question names, that the quote and its neighbours never write while
writing others, dates another thing than the one asked about: "How many invasive products were
launched at the 2024 conference?" was answered 0.46 with the sentence on 2025脑机接口大会 (`other_year`;
a Chinese question's years are `qa.answer.values.other_year`'s and `other_number`'s).

The coarse dates of a which-year question (19世纪, 数年前) are `qa.answer.values.coarse_year`'s.
"""

from __future__ import annotations

import re

from qa.text import lexicon

__all__ = ["finer_unit", "other_year"]

# a year written in digits in Chinese text, where punctuation or a character may touch it (近期,2025脑机接口大会)
_DIGIT_YEAR = re.compile(r"(?<![\d.])(1[0-9]{3}|20[0-9]{2})(?![\d.])")

# the unit a question type asks and what gives it (zh.toml: 10月, 年底; 3日, 七月初四)
_UNITS = {"month": "month_mention", "day": "day_mention"}
_REACH = 4  # characters after a date read with it: the old calendar's day (七月|初四) follows its month


def _own_dates(word: str, quote: str) -> list[str] | None:
    """The dates of each place `quote` writes the event `word` (each with the `_REACH` characters
    after it): the one right after it (成立于2022年, after `when_copula` at most) or else the last one
    before it in its clause; None when one of them has neither (the sentence's date may be its)."""
    date, stop = lexicon.regex("one_date"), lexicon.regex("clause_stop")
    lead = "|".join(map(re.escape, sorted(lexicon.words("when_copula"), key=len, reverse=True)))
    out = []
    for m in re.finditer(re.escape(word), quote):
        after = re.match(rf"\s*(?:{lead})?\s*", quote[m.end():])
        if (d := date.match(quote, m.end() + after.end())) is None:
            clause = len(stop.split(quote[:m.start()])[-1])
            d = next(reversed(list(date.finditer(quote, m.start() - clause, m.start()))), None)
        if d is None:
            return None
        out.append(quote[d.start():d.end() + _REACH])
    return out


def finer_unit(question: str, quote: str) -> str:
    """"month of 成立" when a which-month (which-day) `question` asks an event the Chinese `quote`
    writes and dates, every place it does, with dates of no month (day); "" else."""
    from qa.answer.slots import focus
    from qa.text.questions import question_type

    unit = _UNITS.get(question_type(question)[0])
    word = focus(question)[0] if unit else ""
    if not word or word not in quote:
        return ""
    dates = _own_dates(word, quote)
    if not dates or any(lexicon.regex(unit).search(d) for d in dates):
        return ""
    return f"{question_type(question)[0]} of {word}"


def other_year(question: str, quote: str, context: str = "") -> str:
    """The years `quote` (with `context`: its neighbours and title) writes when the English or Spanish
    `question` names one they never write, or "". On the dev sets' English and Spanish right
    answers naming a year (37), the quote held it in every one."""
    from qa.text.cjk import CJK

    latin = lexicon.regex("latin_year")
    asked = set(latin.findall(question))
    if not asked:
        return ""
    text = f"{quote} {context}"
    said = set((_DIGIT_YEAR if CJK.search(text) else latin).findall(text))
    return "" if not said or asked & said else ", ".join(sorted(said))
