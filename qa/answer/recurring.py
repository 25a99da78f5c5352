"""Is a span of time a quote gives the one asked, or the period of something that recurs? "How many
days do leatherback eggs take to hatch?" was answered by "The females come ashore every two or three
years to lay clutches of about 80 to 100 eggs…": a count of a unit of time asks for a span of that
time (`qa.answer.values.missing_value` takes any span of time), and "two or three years" is one, but
said after "every" it is how often the females come ashore, not how long anything lasts. A span
led by a word of recurrence (`recurrence_lead`: every, each; cada), with at most a figure and "or" /
"to" between («cada dos o tres años»), answers only a question asking how often (`rate_asked`,
`q_often`); a quote whose every span of time is so led has a value gap.

Checked by `qa.answer.asked_kinds.kind_gaps` for English and Spanish questions over text in their
language.
"""

from __future__ import annotations

import re
from functools import cache

from qa.text import lexicon
from qa.text.cjk import CJK

__all__ = ["recurring_only"]


@cache
def _patterns() -> tuple[re.Pattern, re.Pattern, re.Pattern, re.Pattern]:
    unit = lexicon.alternation("time_unit")
    figure = lexicon.regex("latin_figure", re.I)
    span = re.compile(r"\s*(?:%s)\b" % unit, re.I)
    # the lead right before a figure, with a first figure and "or" / "to" between ("every two or three")
    lead = re.compile(r"\b(?:%s)\s+(?:[\w,.-]+\s+(?:%s)\s+)?$" % (lexicon.alternation("recurrence_lead"),
                                                                  lexicon.alternation("figure_joiner")), re.I)
    asked = re.compile(r"\b(?:%s)\s+(%s)\b" % (lexicon.alternation("count_lead"), unit), re.I)
    return figure, span, lead, asked


def recurring_only(question: str, quote: str) -> str:
    """The unit of time `question` counts ("days" of "How many days…?") when every span of time
    `quote` gives is led by a word of recurrence ("every two or three years") and the question asks
    no rate; "" else."""
    if CJK.search(question) or CJK.search(quote):
        return ""
    figure, span, lead, asked = _patterns()
    if not (m := asked.search(question)) or lexicon.regex("rate_asked", re.I).search(question) \
            or lexicon.regex("q_often", re.I).search(question):
        return ""
    spans = [f for f in figure.finditer(quote) if span.match(quote, f.end())]
    if spans and all(lead.search(quote[:f.start()]) for f in spans):
        return m.group(1).lower()
    return ""
