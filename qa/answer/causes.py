"""The short answer to a why question: the cause its sentence gives with a connective.

A why question (为什么X, X的原因是什么) has no question word whose place a span can take, so the
fence of `qa.answer.short` places nothing. But a sentence that answers it mostly says X in one
clause and the cause in the clause next to it, marked: "由于肃宗年幼，所以金氏得以影响朝政" (the
cause opens with 由于), "…列车老化问题严重，故日本国铁设计了211系" (the clause saying X opens
with an effect word, and what comes before it in the sentence is the cause). Without such a
connective the cause is a guess (the clause next to X is as often a date or an aside): no answer,
and the quote stands alone, as before.

The clause saying X is the one sharing the most character pairs with the question (at least
`_SAID_PAIRS`): a character-pair overlap needs no segmenter and holds across scripts on folded
text. The connectives are data (`qa/text/lexicon/zh.toml`: `cause_lead`, `effect_lead`).
"""

from __future__ import annotations

from qa.text import lexicon
from qa.text.cjk import CJK

__all__ = ["cause"]

_CAUSE = tuple(sorted(lexicon.words("cause_lead"), key=len, reverse=True))
_EFFECT = tuple(sorted(lexicon.words("effect_lead"), key=len, reverse=True))
_LEADS = tuple(sorted(_CAUSE + _EFFECT + lexicon.words("cause_join"), key=len, reverse=True))
_JOINS = lexicon.words("cause_join")
_STOP = lexicon.regex("clause_stop")
_IN_CLAUSE = lexicon.regex("cause_inside")
_SENTENCE = lexicon.regex("sentence_stop")
_ASKING = lexicon.regex("q_reason")
_SAID_PAIRS = 2  # one shared pair (两个, 时期) says nothing of the question


def cause(q: str, text: str, max_chars: int) -> tuple[int, int] | None:
    """Offsets of the cause in `text` (folded) that answers the why question `q` (folded), or None."""
    why = _ASKING.search(q)
    asked = _pairs(_ASKING.sub(" ", q))
    event = _pairs(q[why.end():]) if why else set()  # 华强广场过去为什么|长期闲置: what happened, told apart
    clauses = _clauses(text)  # from where it happened when a clause names only the place
    shared = [(len(_pairs(text[a:b]) & asked), len(_pairs(text[a:b]) & event)) for a, b in clauses]
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
                lead = _opens(text, clauses[i], _CAUSE)
                if lead:
                    span = _bare(text, clauses[i][0] + len(lead), clauses[i][1])
                    break
    if span is None:
        span = _inside(text, clauses[said], asked)
    if span is None or not 2 <= span[1] - span[0] <= max_chars:
        return None
    return span


def _inside(text: str, clause: tuple[int, int], asked: set[str]) -> tuple[int, int] | None:
    """A cause inside the clause that says the question's words: from a connective to where those
    words start again ("该项目曾因产权分散长期闲置" -> 产权分散 for 为什么长期闲置): the first
    place after it where two pairs in a row are the question's."""
    start, end = clause
    for m in _IN_CLAUSE.finditer(text, start, end):
        for j in range(m.end(), end - 2):
            if text[j:j + 2] in asked and text[j + 1:j + 3] in asked:
                while j > m.end() and (join := next((w for w in _JOINS if text.endswith(w, m.end(), j)), "")):
                    j -= len(join)  # …等人的战死而|战力受到重大打击
                return _bare(text, m.end(), j) if j > m.end() else None
        return None
    return None


def _bare(text: str, start: int, end: int) -> tuple[int, int]:
    """The clause without the spaces and marks at its ends: a cause is a clause as written, so no
    particle is cut (`qa.answer.spans.trim` cuts 有, 在, 了 off a noun's span)."""
    while start < end and not text[start].isalnum() and text[start] not in "《「“(（":
        start += 1
    while end > start and not text[end - 1].isalnum() and text[end - 1] not in "》」”)）%％":
        end -= 1
    return start, end


def _pairs(text: str) -> set[str]:
    return {text[i:i + 2] for i in range(len(text) - 1) if _word(text[i]) and _word(text[i + 1])}


def _word(char: str) -> bool:
    return bool(CJK.match(char)) or char.isalnum()


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
