"""What the Latin short-answer picker (`qa.answer.short_latin.latin_span`) lets the cut of a long
English or Spanish sentence drop (`qa.answer.clauses`).

The cut quotes a run of a sentence's phrases and widens it to the budget, or quotes the sentence
whole when no shorter run holds what it matched: ~200 characters for a quarter of the answers on
the wiki development sets. Where the picker places an answer, the phrases after it say something
else and may go, as long as the picker still places the same answer and no question word goes with
them ("Edward had marched north to relieve Stirling Castle, | whose English garrison had agreed to
surrender | unless…" for "Which castle was Edward II trying to relieve?"). Both guards are needed:
on the English and Spanish dev sets, the phrases after a placed answer without the second guard
lost 4 right answers of 31 shortened (the picker placed "600 to 800" and the phrase dropped said
"the roughly 370 Greek triremes"); with it none of 12. Nor is a phrase the picker places another
answer in dropped: the cut quotes a rival reading on purpose (`clauses`). A sentence's finer phrases ("…of copper |
and nickel mining") are not trimmed so: "and" joins a list's items as often as clauses (2 lost).
"""

from __future__ import annotations

from collections.abc import Callable

from qa.answer.short_latin import latin_span

__all__ = ["same_answer", "trimmed"]


def same_answer(question: str, quote: str, shorter: str) -> bool:
    """Does the picker place the same answer to `question` in `shorter` as in `quote`?"""
    a, b = latin_span(question, [quote]), latin_span(question, [shorter])
    return a is not None and b is not None and quote[a[1]:a[2]] == shorter[b[1]:b[2]]


def trimmed(question: str, text: str, quote: tuple[int, int], ends: list[int],
            terms: Callable[[str], int]) -> tuple[int, int]:
    """`quote` (start, end in `text`) ended at the first of `ends` (where the sentence's phrases end)
    after the answer the picker places in it, when the picker places that same answer in the shorter
    quote, it holds the same question terms (`terms`: a text's bit mask of them) and the picker places
    none in what it drops (a rival reading: "…12 kilometres west of Valmar, | and at 48 metres high…"
    for "How far…"); `quote` else."""
    start, end = quote
    placed = latin_span(question, [text[start:end]])
    if placed is None:
        return quote
    held = terms(text[start:end])
    for stop in ends:
        if start + placed[2] <= stop < end:
            stop -= text[stop - 1] in ",:"
            again = latin_span(question, [text[start:stop]])
            if again is not None and again[1:] == placed[1:] and terms(text[start:stop]) == held \
                    and latin_span(question, [text[stop:end]]) is None:
                return start, stop
    return quote
