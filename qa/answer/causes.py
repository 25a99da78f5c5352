"""The short answer to a why or how question: the cause or means its sentence gives with a connective.

A why question (为什么X, X的原因是什么) has no question word whose place a span can take, so the
fence of `qa.answer.short` places nothing. But a sentence that answers it mostly says X in one
clause and the cause in the clause next to it, marked: "由于肃宗年幼，所以金氏得以影响朝政" (the
cause opens with 由于), "…列车老化问题严重，故日本国铁设计了211系" (the clause saying X opens
with an effect word, and what comes before it in the sentence is the cause). Without such a
connective the cause is a guess (the clause next to X is as often a date or an aside): no answer,
and the quote stands alone, as before. A how question (怎样得来的, 如何表达) is answered the same
way by a means or a cause: "以楔形文字表达" -> 楔形文字, "因花蕾的形状…，故而得名" -> 花蕾的形状….

The clause saying X is the one sharing the most character pairs with the question (at least
`_SAID_PAIRS`): a character-pair overlap needs no segmenter and holds across scripts on folded
text. The connectives are data (`qa/text/lexicon/zh.toml`: `cause_lead`, `effect_lead`, `means_verb`, `means_lead`).
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from qa.answer.spans import CLOSING, OPENING, joined_pairs, longest_first
from qa.text import lexicon

__all__ = ["asks_how", "asks_open", "cause"]


@dataclass(frozen=True)
class _Marks:
    """The words a question asks with and the connectives that mark its answer in a sentence."""
    asking: re.Pattern
    lead: tuple[str, ...]  # opening the answer's clause
    inside: re.Pattern  # before the answer inside the clause that says the question's words


_CAUSE = lexicon.words("cause_lead")
_EFFECT = longest_first(lexicon.words("effect_lead"))
_JOINS = lexicon.words("cause_join")
_THEN = lexicon.words("cause_then")
_MEANS = lexicon.words("means_verb") + lexicon.words("means_lead")
_LEADS = longest_first(_CAUSE, _EFFECT, _JOINS, _MEANS)
_WHY = _Marks(lexicon.regex("q_reason"), longest_first(_CAUSE), lexicon.regex("cause_inside"))
_HOW = _Marks(re.compile(lexicon.alternation("how_q")), longest_first(_CAUSE, _MEANS),
              lexicon.regex("means_inside"))
_STOP = lexicon.regex("clause_stop")
_SENTENCE = lexicon.regex("sentence_stop")
_SAID_PAIRS = 2  # one shared pair (两个, 时期) says nothing of the question


def asks_how(q: str) -> bool:
    return bool(_HOW.asking.search(q))


def asks_open(q: str, wants: str) -> bool:
    """Does the Chinese question `q` (folded; `wants`: its answer type, `question_type`'s) ask a
    reason or a manner (为什么X, X是如何Y的) and no figure, date, name or place? Its quote can hold
    no such thing to check, and it words the cause or the means apart from the passage's."""
    return wants == "reason" or (not wants and asks_how(q))


def cause(q: str, text: str, max_chars: int, how: bool = False) -> tuple[int, int] | None:
    """Offsets of the cause in `text` (folded) that answers the why question `q` (folded), or of
    the means or cause that answers a how question (`how`); None when no connective marks one."""
    marks = _HOW if how else _WHY
    why = marks.asking.search(q)
    asked = joined_pairs(marks.asking.sub(" ", q))
    event = joined_pairs(q[why.end():]) if why else set()  # 华强广场过去为什么|长期闲置: what happened, told apart
    clauses = _clauses(text)  # from where it happened when a clause names only the place
    shared = [(len(joined_pairs(text[a:b]) & asked), len(joined_pairs(text[a:b]) & event)) for a, b in clauses]
    if not shared or max(shared)[0] < _SAID_PAIRS:
        return None
    said = shared.index(max(shared))
    first, last = _sentence(text, clauses, said)
    if said > first and _opens(text, clauses[said], _EFFECT):
        start = clauses[first][0]
        if clauses[said - 1][1] - start > max_chars:
            start = clauses[said - 1][0]  # a long sentence: the clause right before the effect
        while lead := _opens(text, (start, clauses[said - 1][1]), _LEADS):
            start += len(lead)  # 而由于…, 所以…: the connective is no part of the cause
        span = _bare(text, start, clauses[said - 1][1])
    else:
        span = None
        for i in (said - 1, said + 1):
            if first <= i <= last and not _opens(text, clauses[i], _EFFECT):
                lead = _opens(text, clauses[i], marks.lead)
                if lead:
                    span = _bare(text, clauses[i][0] + len(lead), clauses[i][1])
                    break
    if span is None:
        span = _inside(text, clauses[said], asked, marks.inside)
    if span is not None and (cut := _joined_tail(text, *span, asked)) is not None:
        span = _bare(text, span[0], cut)
    if span is None or not 2 <= span[1] - span[0] <= max_chars:
        return None
    return span


def _inside(text: str, clause: tuple[int, int], asked: set[str], inside: re.Pattern) -> tuple[int, int] | None:
    """A cause inside the clause that says the question's words: from a connective to where those
    words start again ("该项目曾因产权分散长期闲置" -> 产权分散 for 为什么长期闲置): the first
    place after it where two pairs in a row are the question's, or one that ends the clause
    ("先祖以盐商起家" -> 盐商 for 怎样起家的)."""
    start, end = clause
    for m in inside.finditer(text, start, end):
        for j in range(m.end(), end - 1):
            if text[j:j + 2] in asked and (text[j + 1:j + 3] in asked or j + 2 == end):
                return _bare(text, m.end(), j) if j > m.end() else None
        return None
    return None


def _joined_tail(text: str, start: int, end: int, asked: set[str]) -> int | None:
    """Where a cause ends that runs on into the question's words after a word leading to its effect
    ("由于量子物理学的进展而得以成功" -> …进展 for 如何被成功解释): the last such word whose
    clause goes on to share a pair with the question."""
    cuts = [text.rfind(w, start + 1, end) for w in _THEN]
    at = max(cuts, default=-1)
    stop = _STOP.search(text, at) if at > start else None
    return at if at > start and joined_pairs(text[at:stop.start() if stop else len(text)]) & asked else None


def _bare(text: str, start: int, end: int) -> tuple[int, int]:
    """The clause without the spaces and marks at its ends: a cause is a clause as written, so no
    particle is cut (`qa.answer.spans.trim` cuts 有, 在, 了 off a noun's span)."""
    while start < end and not text[start].isalnum() and text[start] not in OPENING:
        start += 1
    while end > start and not text[end - 1].isalnum() and text[end - 1] not in CLOSING + "%％":
        end -= 1
    return start, end


def _clauses(text: str) -> list[tuple[int, int]]:
    """Each clause as (start, end), its leading spaces left out; empty ones dropped."""
    out, start = [], 0
    for m in _STOP.finditer(text):
        out.append((start, m.start()))
        start = m.end()
    out.append((start, len(text)))
    spans = [(a + len(text[a:b]) - len(text[a:b].lstrip()), b) for a, b in out]
    return [(a, b) for a, b in spans if b > a]


def _sentence(text: str, clauses: list[tuple[int, int]], i: int) -> tuple[int, int]:
    """The first and last clause of the sentence clause `i` stands in."""
    first = i
    while first > 0 and not _SENTENCE.search(text, clauses[first - 1][1], clauses[first][0]):
        first -= 1
    last = i
    while last < len(clauses) - 1 and not _SENTENCE.search(text, clauses[last][1], clauses[last + 1][0]):
        last += 1
    return first, last


def _opens(text: str, clause: tuple[int, int], words: tuple[str, ...]) -> str:
    """The connective of `words` the clause opens with (the longest), or ""."""
    return next((w for w in words if text.startswith(w, clause[0], clause[1])), "")
