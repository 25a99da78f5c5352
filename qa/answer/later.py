"""Is the event a when-question asks dated by its quote, or said to come later than the quote's dates?

"乔尔·西尔弗是哪一年成为好莱坞制片人的？" was answered 1.0 by the sentence on Ultimate's invention in
1968 by students "其中包括后来成为好莱坞制片人的乔尔·西尔弗", and "When did Joel Silver become a
Hollywood producer?" by "…among them Joel Silver, who later became a Hollywood producer, and its
first intercollegiate match was played in 1972": the event is said, and the sentence holds years,
but a word of later time (zh.toml / en.toml / es.toml `later_mark`: 后来, later, más tarde) puts
the event after them; with no date in its own clause, the quote gives no time of it. Where every
clause of the quote saying the asked event is so, the time asked is missing ("value" gap).

The event is the question's (`qa.answer.slots.focus` for Chinese: 成为; `when_event` / `year_event`
for English and Spanish: "become", «convirtió»), said in some form (`qa.text.paraphrase.says`).
Clauses are cut at commas, semicolons and colons; a Chinese event's clause runs from the clause
mark before it to the one after, and its later word must stand before it in that clause.
"""

from __future__ import annotations

import re

from qa.text import lexicon
from qa.text.cjk import CJK

__all__ = ["later_only"]

_LATIN_CLAUSE = re.compile(r"[,;:]")


def later_only(question: str, quote: str) -> str:
    """The event a when- or which-year `question` asks when `quote` says it only in clauses that put
    it later (`later_mark`) and give no date of their own; "" else."""
    marks = lexicon.words("later_mark")
    if CJK.search(question):
        return _cjk(question, quote, [m for m in marks if CJK.search(m)])
    return _latin(question, quote, [m for m in marks if not CJK.search(m)])


def _cjk(question: str, quote: str, marks: list[str]) -> str:
    from qa.answer.slots import focus
    from qa.text.questions import question_type

    if question_type(question)[0] not in ("year", "month", "day", "time"):
        return ""
    word, kind = focus(question)
    if kind != "event" or not word or word not in quote:
        return ""
    stop, date = lexicon.regex("clause_stop"), lexicon.regex("time_mention")
    for m in re.finditer(re.escape(word), quote):
        before = stop.split(quote[:m.start()])[-1]
        after = stop.split(quote[m.end():])[0]
        if not any(w in before for w in marks) or date.search(before + word + after):
            return ""
    return word


def _latin(question: str, quote: str, marks: list[str]) -> str:
    from qa.answer.latin_question import asked
    from qa.text.paraphrase import says

    a = asked(question)
    verb = lexicon.regex("when_event").search(question) or lexicon.regex("year_event").search(question)
    if a is None or a.wants not in ("year", "date") or verb is None:
        return ""
    word = next(g for g in verb.groups() if g)
    later = re.compile(r"\b(?:%s)\b" % "|".join(map(re.escape, marks)), re.I)
    dated = re.compile(lexicon.pattern("latin_year") + "|" + lexicon.pattern("latin_date"), re.I)
    saying = [c for c in _LATIN_CLAUSE.split(quote) if says(c, word, question)]
    if not saying or any(not later.search(c) or dated.search(c) for c in saying):
        return ""
    return word
