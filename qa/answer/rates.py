"""Is a figure asked per period given as one? A count or amount asked "each year", "a day",
«cada año» (`rate_asked` in en.toml / es.toml) is a rate, and a quote whose sentences say no rate
(`rate_said`: "a year", "annually", "per day", «al año», «diarios») gives a one-off figure of the
same noun instead: "How many books does the Ashford library lend each year?" over "The money will
pay for … 15,000 new books" (bought once), «¿Cuántos visitantes recibe cada año la Sagrada
Familia?» over «las entradas de los visitantes». The question's other words are all there; only
the period is not, and coverage cannot see it.

A rate is said by a few words, so unlike the question's verb (lend / bought, recibe / atrae, whose
paraphrases are endless) its absence can be read: the words that say one are listed. Checked by
`qa.answer.latin_slots.worded_gaps` for an English or Spanish count or amount over text in its own
language, as a "period" gap (the figure is of another period than the one asked); for a Chinese
one by `qa.answer.slots.gaps` (`cjk_rate_asked`: 每年, 日均; `cjk_rate_said`: 每, 年均, 年接待, /天),
where a quote naming another period was a gap already and one naming none was not ("阿什福德图书馆
每年借出多少本书？" over "…以及 15,000 本新书")."""

from __future__ import annotations

import re

from qa.text import lexicon

__all__ = ["cjk_rate_gap", "rate_gap"]

_ASKED = lexicon.regex("rate_asked", re.I)
_SAID = lexicon.regex("rate_said", re.I)
_CJK_ASKED = lexicon.regex("cjk_rate_asked")
_CJK_SAID = lexicon.regex("cjk_rate_said")


def rate_gap(question: str, quote: str) -> str:
    """The rate `question` asks ("each year") when `quote` says none; "" else (no rate asked, or
    one said). Only the quote is read: a neighbour's "a year" makes no figure of the quote a rate."""
    from qa.answer.latin_question import wanted

    if not (m := _ASKED.search(question)) or wanted(question) != "number" or _SAID.search(quote):
        return ""
    return m.group(0)


def cjk_rate_gap(question: str, quote: str) -> str:
    """The rate a Chinese figure question asks (每年) when `quote` says none; "" else. The caller
    reads only figure questions (`qa.answer.slots.wants_figure`); only the quote is read, as above."""
    if not (m := _CJK_ASKED.search(question)) or _CJK_SAID.search(quote):
        return ""
    return m.group(0)
