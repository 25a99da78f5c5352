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
language, as a "period" gap (the figure is of another period than the one asked)."""

from __future__ import annotations

import re

from qa.text import lexicon

__all__ = ["rate_gap"]

_ASKED = lexicon.regex("rate_asked", re.I)
_SAID = lexicon.regex("rate_said", re.I)


def rate_gap(question: str, quote: str) -> str:
    """The rate `question` asks ("each year") when `quote` says none; "" else (no rate asked, or
    one said). Only the quote is read: a neighbour's "a year" makes no figure of the quote a rate."""
    from qa.answer.latin_question import wanted

    if not (m := _ASKED.search(question)) or wanted(question) != "number" or _SAID.search(quote):
        return ""
    return m.group(0)
