"""The checks that a quote holds the kind of value asked, added in session 18 (issue 27: unanswerable
questions answered on fresh text), composed once for `qa.answer.slots.gaps` (Chinese questions) and
`qa.answer.latin_slots.worded_gaps` (English and Spanish ones), whose modules are at their size:
  - a sum of money asked of a Chinese quote writing none (`qa.answer.sums`);
  - a year a Chinese question names (2027年) that the quote's whole passage never writes while the
    quote writes others (`qa.answer.event_dates.other_year`, English's rule read with a Chinese
    question's digits; over the passage and not the quote's neighbours only: a Chinese biography
    dates a post once and goes on, and "杨朝祥在2011年被聘为什么职务？" was refused when only the
    neighbours were read), unless the quote is dated by the sentence before (同年7月: `time_anaphor`,
    cmrc_trial's "1992年7月，日本政府授予长谷川町子什么奖项？" whose chunk opens on 同年);
  - an event asked when, said only as coming later than the quote's dates (`qa.answer.later`).
"""

from __future__ import annotations

from qa.text import lexicon
from qa.text.cjk import CJK

__all__ = ["kind_gaps"]


def kind_gaps(question: str, quote: str, passage: str = "") -> list[tuple[str, str]]:
    """(gap kind, detail) of each value `question` asks of a kind `quote` does not give; `passage` is
    the quoted passage (its title, its text and the quote's neighbours)."""
    from qa.answer.later import later_only

    out = []
    if CJK.search(question):
        from qa.answer.event_dates import other_year
        from qa.answer.sums import unsummed

        if word := unsummed(question, quote):
            out.append(("value", f"sum of {word}"))  # "the passages give no sum of 奖金"
        if not any(w in quote for w in lexicon.words("time_anaphor")) and (years := other_year(question, quote, passage)):
            out.append(("elsewhere", years))
    if event := later_only(question, quote):
        out.append(("value", f"time of {event}"))  # "the passages give no time of 成为"
    return out
