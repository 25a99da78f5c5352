"""The checks that a quote holds the kind of value asked, added in session 18 (issue 27: unanswerable
questions answered on fresh text), composed once for `qa.answer.slots.gaps` (Chinese questions) and
`qa.answer.latin_slots.worded_gaps` (English and Spanish ones), whose modules are at their size:
  - a sum of money asked of a Chinese quote writing none (`qa.answer.sums`);
  - an event asked when, said only as coming later than the quote's dates (`qa.answer.later`);
and in session 19, for English and Spanish questions (a title read with the quote):
  - a value asked of a sibling of the article's subject that the quote only sets beside it
    (`qa.answer.siblings`: the guacamayo aliverde in "Guacamayo rojo");
  - a count whose every figure stands in a relative clause on another noun
    (`qa.answer.figure_owner.relative_owner`: "the camel, of which about a thousand…" for bears);
  - a count of time asked of a quote whose every span recurs (`qa.answer.recurring`: "every two or
    three years" for how many days).
Not a year a Chinese question names (2027年) that the quote's passage never writes while the quote
writes others (English's `qa.answer.event_dates.other_year`): it refused seed_fresh's near miss on
the goal for 2030, and right answers whose quote dates its year by another (一年後, 第二年: drcd_test
5622-2-3, 5699-4-3 on the hash path) or the chunk before (同年, cmrc_trial TRIAL_11_QUERY_1); the
calibration's one answer lost to an "elsewhere" gap was likely one of these.
"""

from __future__ import annotations

from qa.text.cjk import CJK

__all__ = ["kind_gaps"]


def kind_gaps(question: str, quote: str, title: str = "") -> list[tuple[str, str]]:
    """(gap kind, detail) of each value `question` asks of a kind `quote` (in the article `title`) does not give."""
    from qa.answer.later import later_only

    out = []
    if CJK.search(question):
        from qa.answer.sums import unsummed

        if word := unsummed(question, quote):
            out.append(("value", f"sum of {word}"))  # "the passages give no sum of 奖金"
    if event := later_only(question, quote):
        out.append(("value", f"time of {event}"))  # "the passages give no time of 成为"
    from qa.answer.figure_owner import relative_owner
    from qa.answer.recurring import recurring_only

    from qa.answer.siblings import sibling_elsewhere

    if sibling := sibling_elsewhere(question, quote, title):
        out.append(("elsewhere", sibling))  # «lo distingue del guacamayo aliverde» for its length
    if owner := relative_owner(question, quote):
        out.append(("elsewhere", owner))  # "the camel, of which about a thousand…" for how many bears

    if unit := recurring_only(question, quote):
        out.append(("value", f"number of {unit}"))  # "every two or three years" for how many days
    return out
