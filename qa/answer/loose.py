"""The short answer's second look: where a sentence says the question's words in its own way
around the answer ("怡良配合谁开展禁烟运动" over "怡良积极配合两广总督邓廷桢和林则徐的禁烟运动").

`qa.answer.short` places a question word's answer between the longest end of the words before it
and the longest start of the words after it, found as they stand. A paraphrase breaks that: a word
inserted (积极), a parenthesis between (兆康苑总站（英文：…）位于), a verb the sentence drops. Here
the words before the question word are matched piece by piece: the common substrings of two or
more characters of the question's words and the sentence (character level, on folded text), and
the answer's start is where the last piece ends, if the pieces cover enough of the question's words
and the last one reaches the question word. Its end is where the sentence next writes a piece of
the words after the question word, or the clause's end when the question ends there. The caller
(`loose_span`, called by `qa.answer.short.pick` when nothing else placed an answer) trims the span
and takes it only when it is short and mostly not the question's words. A question "X是什么" is
also answered by a sentence saying "Y是X" (`inverted`), and a place asked "哪国的政治家" by the
clause the sentence ends with those words (`_clause_before`: 法国政治家). Our own few lines rather
than difflib: its SequenceMatcher gives the matching blocks of two strings, not the coverage of the
question's words before a given point that these tests need.
"""

from __future__ import annotations

import re

from qa.answer.spans import (
    PERSON_LEAD,
    PLACE_LEAD,
    after_place_word,
    beside,
    clause_start,
    noun,
    sentences,
    trim,
)
from qa.text import lexicon

__all__ = ["LOOSE_CHARS", "covered", "covered_words", "inverted", "loose_span", "paraphrased"]

LOOSE_CHARS = 12  # a span placed by a paraphrase is taken only when it is a name or term, not a clause
_CLAUSE_END = lexicon.regex("clause_end")
_FIGURE = lexicon.regex("figure_span")
_EMPTY = set(lexicon.words("empty_span"))
_WHAT = set(lexicon.words("what_q"))
_WHICH = lexicon.words("which_q")
_LOOSE_CUT = lexicon.words("loose_cut")
_COPULA = lexicon.words("naming_copula")
_OPENING = ("《", "「", "“", "『")
_CLOSING = ("」", "”", "』")
_JOIN = lexicon.words("after_join")
_SENTENCE_END = lexicon.regex("sentence_stop")
COVER = 0.6  # share of the words before the question word the sentence must say before the answer
REACH = 1  # the last piece may end this many characters before the question word (担任什么 over 任)
MIN_PIECE = 2


def paraphrased(before: str, after: str, text: str, right: bool = False) -> tuple[int, int, int] | None:
    """The (start, end) in `text` of what takes the question word's place, the question saying
    `before` and `after` around it in its clause, and where in `after` the words the sentence
    writes at `end` start (-1: the clause ended); or None."""
    if len(before) < 2:
        return None
    best = None
    for start, stop in sentences(text):
        found = _in_sentence(before, after, text, start, stop)
        if found and (best is None or found[0] > best[0]):
            best = found
    if best is None and right:
        for start, stop in sentences(text):
            found = _clause_before(before, after, text, start, stop)
            if found:
                return found
    return best[1] if best else None


def _clause_before(before: str, after: str, text: str, s0: int, s1: int) -> tuple[int, int, int] | None:
    """The clause that ends where the sentence writes the words after the question word, when the
    sentence said the words before it earlier (让-皮埃尔·巴利冈是哪国的政治家 over "让-皮埃尔·巴利冈
    （…），法国政治家": 法国)."""
    # what follows a 的 among the first words after it (哪国的政治家 -> 政治家), all of it
    tails = [after[k + 1:] for k in range(min(4, len(after))) if after[k] in _JOIN]
    for tail in tails:
        at = text.find(tail, s0, s1) if len(tail) > MIN_PIECE else -1  # all of them, more than a noun (城市)
        if at < 0:
            continue
        starts = [m.end() for m in _CLAUSE_END.finditer(text, s0, at)]
        if not starts or at - starts[-1] > LOOSE_CHARS:
            return None
        if covered(before, text[s0:starts[-1]]) < max(3, COVER * len(before)):
            return None
        return starts[-1], at, 0
    return None


def _in_sentence(before: str, after: str, text: str, s0: int, s1: int):
    sentence = text[s0:s1]
    best = None
    for j in range(len(before), max(len(before) - REACH, 0) - 1, -1):
        for i in range(j - MIN_PIECE + 1):  # the longest piece first
            piece = before[i:j]
            if piece not in sentence:
                continue
            for m in re.finditer(re.escape(piece), sentence):
                a = s0 + m.end()
                if _CLAUSE_END.match(text, a):
                    continue  # an aside or a new clause follows the words: not the question word's place
                said = covered(before[:i], text[s0:s0 + m.start()]) + (j - i)
                if said < max(3, COVER * len(before)):
                    continue
                b, got, at = _end(after, text, a, s1)
                if b is None:
                    continue
                score = (said + got, -(b - a))
                if best is None or score > best[0]:
                    best = (score, (a, b, at))
            break  # the longest piece ending at j decides where it is
        if best is not None:
            return best  # the words right before the question word place it; a shorter reach does not
    return best


def covered(words: str, window: str) -> int:
    """How many characters of `words` are in pieces of two or more that `window` holds, each piece
    before the next (greedy from the end: the words nearest the question word first)."""
    n, j, limit = 0, len(words), len(window)
    while j >= MIN_PIECE:
        for i in range(j - MIN_PIECE + 1):
            at = window.rfind(words[i:j], 0, limit)
            if at >= 0:
                n += j - i
                limit, j = at, i
                break
        else:
            j -= 1
    return n


def covered_words(words: list[str], window: str) -> int:
    """How many characters of the question's `words` `window` says (`covered`, word by word)."""
    return sum(covered(w, window) for w in words)


def _end(after: str, text: str, a: int, s1: int) -> tuple[int | None, int, int]:
    """Where the answer starting at `a` ends: before the first piece of `after` the sentence writes
    after it within its clause, or at the clause's end when the question said nothing after."""
    stop = _CLAUSE_END.search(text, a + 1, s1)
    limit = stop.start() if stop else s1
    if len(after) < MIN_PIECE:
        return limit, 0, -1
    hits = []
    for i in range(min(len(after) - MIN_PIECE, 2) + 1):
        for j in range(len(after), i + MIN_PIECE - 1, -1):
            at = text.find(after[i:j], a + 1, limit + j - i)
            if at >= 0:
                hits.append((at, -(j - i), i))
                break
    if not hits:
        return None, 0, -1
    at, neg, i = min(hits)
    return at, -neg, i


def inverted(subject: str, copula: str, text: str) -> tuple[int, int, int] | None:
    """For a question "X是什么", the Y of a sentence that says "Y是X" ("威斯康辛州州立公路13号是瓦士本市的
    主街道" for 瓦士本市的主街道是什么): the clause before a `copula` whose following words say
    `subject`'s pieces as `paraphrased` asks of the words before a question word."""
    if len(subject) < 2:
        return None
    for m in re.finditer(re.escape(copula), text):
        stop = _SENTENCE_END.search(text, m.end())
        window = text[m.end():min(stop.start() if stop else len(text), m.end() + len(subject) + 8)]
        if covered(subject, window) < max(3, COVER * len(subject)) or not window.startswith(subject[:MIN_PIECE]):
            continue
        start = clause_start(text, m.start())
        if "》" in text[start:m.start()] and "《" not in text[start:m.start()]:
            start = max(text.rfind("《", 0, start), 0)  # a title's own ！ or ， ends no clause
        return start, m.start(), -1
    return None


def loose_span(q: str, asked: re.Match, text: str, wants: str) -> tuple[int, int] | None:
    """The span a sentence that says the question's words its own way puts in the question word's
    place (`paraphrased`, `inverted`), if short and saying none of the question's words."""
    before, after = beside(q, asked)  # before unstripped: 位于 is a piece, 位 is not
    found = paraphrased(before, after, text, right=wants == "place")
    copula = next((w for w in _COPULA if before.endswith(w)), "") if not after else ""
    if found is None and copula:
        found = inverted(before[:-len(copula)], copula, text)  # X是什么 over "Y是X"
    if found is None:
        return None
    start, end = trim(text, found[0], found[1])
    cut = max((text.rfind(w, start, end) + len(w) for w in _LOOSE_CUT if w in text[start:end]), default=start)
    opened = [text.rfind(m, cut, end) for m in _OPENING if m in text[cut:end]]
    start, end = trim(text, max(opened) if opened else cut, end)  # 建立了法国 -> 法国, 蒋的「革命外交 -> 革命外交
    if text[end - 2:end] in q:
        return None  # the question's words resume inside it: the span runs past the answer (委托方向商业银行)
    at = found[2] if found[2] == 0 or (found[2] == 1 and after[0] in _WHICH) else -1  # 哪一种字母: 种 is skipped
    asked_noun = after[at:at + min(noun(after[at:]), 2)] if at >= 0 else ""
    which = asked.group(0).startswith("哪") or asked.group(0) in _WHAT
    if asked_noun and which and text.startswith(asked_noun, found[1]):
        end = found[1] + len(asked_noun)  # 哪一种字母 -> 拉丁字母: the noun asked is part of the answer
    end += text.startswith("》", end) and "《" in text[start:end]
    closed = [text.find(m, start + 1, end) for m in _CLOSING if m in text[start + 1:end]]
    end = min(closed) if closed else end  # 特殊党员」之身份 -> 特殊党员
    if wants in ("place", "person"):
        start, end = after_place_word(text, start, end, PLACE_LEAD if wants == "place" else PERSON_LEAD)
    span = text[start:end]
    said = {k + d for k in range(len(span) - 1) if span[k:k + 2] in q for d in (0, 1)}
    if not 2 <= len(span) <= LOOSE_CHARS or span in _EMPTY or "的" in span or _FIGURE.fullmatch(span):
        return None  # a clause, nothing, two things a 的 joins (which one answers?), or a figure
    if len(said) * 3 > len(span) * 2:
        return None  # mostly the question's own words (香港屯门兆康路兆康苑内 of 兆康苑总站 is not)
    return start, end
