"""Short answers a sentence writes before the question's words, as the subject of the clause that
says them ("於1948年併入奧斯陸的城市名為什麼?" over "最終，阿克爾自治市於1948年1月1日併入奧斯陸" ->
阿克爾自治市; "现存中国最早的佛经是哪一部" over "《四十二章经》是现存中国最早的佛经").

A question that closes with its question word after a copula (X为哪一个, X是谁, 名为什么) asks
for the subject of what it says; the sentence that answers says the same words after its subject, so `qa.answer.short`, which looks for the answer after the words
before the question word, finds no fence there. Here the answer is the start of a clause of the
quote, up to the first piece of three or more characters of the question's words, when the rest of
that clause says most of them (`COVER`), the start says none, and it is a name or a noun: short, no
word that says more than a subject (的, 是, 在: `not_subject`) or opens a clause joined to the one
before (同时, 前者: `not_subject_start`), no date, no list. A question's other forms put the question word
inside what is said (共同民主党与什么组织是…) or open with it (哪一场动乱确保了…); the start of a
clause answers them less often (measured on DRCD: one in four, and two in five). Read only where nothing else placed an answer. The words are data
(`qa/text/lexicon/zh.toml`, "short answers").
"""

from __future__ import annotations

import re

from qa.answer.loose import covered
from qa.answer.spans import beside, trim
from qa.text import lexicon

__all__ = ["fronted"]

COVER = 0.6  # share of the question's words the clause must say after its subject
MIN_PIECE = 3  # the subject ends where a piece this long of the question's words starts
FRONTED_CHARS = 12  # a name or a noun, not a clause
_CLAUSE_END = lexicon.regex("clause_end")
_WHICH = "".join(lexicon.words("which_q"))
_WHAT = set(lexicon.words("what_q"))
_NOT_SUBJECT = tuple(lexicon.words("not_subject"))
_OPENER = tuple(lexicon.words("not_subject_start"))
_LIST_MARK = tuple(lexicon.words("list_mark"))
_DATE = lexicon.regex("date_span")
_COPULA = tuple(lexicon.words("naming_copula"))


def fronted(q: str, asked: re.Match, text: str) -> tuple[int, int] | None:
    """The subject of the first clause of `text` that says the question's words after it (see the
    module doc), as offsets into `text`, or None."""
    before, after = beside(q, asked)
    if asked.group(0).startswith("哪") or asked.group(0) in _WHAT:
        after = after.lstrip(_WHICH)
    if after or not before.endswith(_COPULA):
        return None  # the question word does not close the question after a copula (X为哪一个)
    words = [w for w in (before, after) if len(w) >= 2]
    size = sum(map(len, words))
    if size < 4:
        return None
    start = 0
    for m in [*_CLAUSE_END.finditer(text), None]:
        stop = m.start() if m else len(text)
        found = _subject(q, words, size, text, start, stop)
        if found:
            return found
        start = m.end() if m else stop
    return None


def _subject(q: str, words: list[str], size: int, text: str, start: int, stop: int) -> tuple[int, int] | None:
    """The start of the clause text[start:stop] before the question's words, if they follow it."""
    at = _first_piece(words, text, start, stop)
    if at is None or sum(covered(w, text[at:stop]) for w in words) < COVER * size:
        return None
    a, b = trim(text, start, at)
    got = text[a:b]
    if (not 2 <= len(got) <= FRONTED_CHARS or any(w in got for w in _NOT_SUBJECT + _LIST_MARK)
            or got.startswith(_OPENER) or _DATE.search(got) or got.count("》") > got.count("《")):
        return None  # a clause, a list, a date, a word joining the clause to the one before, a title's end
    if any(got[k:k + 2] in q for k in range(len(got) - 1)):
        return None  # the question names it: what the clause says of it is no answer
    return a, b


def _first_piece(words: list[str], text: str, start: int, stop: int) -> int | None:
    """Where in text[start:stop] a piece of `MIN_PIECE` or more characters of `words` first starts
    (after at least two characters: a subject)."""
    for i in range(start + 2, stop - MIN_PIECE + 1):
        if any(text[i:i + MIN_PIECE] in w for w in words):
            return i
    return None

