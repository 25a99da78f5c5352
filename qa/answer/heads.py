"""Short answers named by the kind a question asks for: "以什么制度来实施行政规划" over "实行盟旗制"
-> 盟旗制; "保山市的西边接壤着哪一个州" over "西邻德宏州" -> 德宏州; "仰赖什么法律" over "修定《国民
养老保险法》" -> 国民养老保险法.

The noun after 什么 or 哪一 (制度, 州, 法律) names the kind, and a Chinese name of a thing of that
kind usually ends with the noun or with its first character, the head of a two-character noun (盟旗制,
德宏州, 养老保险法, 冷战时期). Where the question's words placed no answer, the first word of the quote
that ends so is the answer: read back from the ending to a joining word, a mark or the question's
own words, more than the ending and at most `HEAD_CHARS` characters, not a word the question says.
`qa.answer.agents.of_kind` does this for the kinds whose ending is another word (什么颜色 -> 银灰色).
The words are data (`qa/text/lexicon/zh.toml`, "short answers").
"""

from __future__ import annotations

import re

from qa.answer.loose import covered
from qa.answer.spans import EDGE, noun, trim
from qa.text import lexicon
from qa.text.questions import question_terms

__all__ = ["headed"]

HEAD_CHARS = 8  # a name of the kind (国民养老保险法), not a clause
HEAD_COVER = 0.3  # share of the question's words the sentence must say around it
_WHICH = "".join(lexicon.words("which_q"))
_WHAT = set(lexicon.words("what_q"))
_NOT_HEAD = set(lexicon.words("not_head"))
_STOP = EDGE | set(lexicon.words("kind_lead"))
_POINTING = tuple(lexicon.words("not_head_lead"))
_SENTENCE_END = lexicon.regex("sentence_stop")
_DATE = lexicon.regex("date_span")
_LIST_Q = tuple(lexicon.words("list_q"))
_JOIN = tuple(sorted(lexicon.words("list_join") + lexicon.words("name_lead"), key=len, reverse=True))


def headed(q: str, asked: re.Match, text: str) -> tuple[int, int] | None:
    """The first word of `text` that ends with the kind the question asks by (see the module doc)."""
    word = asked.group(0)
    if not (word in _WHAT or word.startswith("哪")) or word in _LIST_Q:
        return None
    after = q[asked.end():].lstrip(_WHICH) if word.startswith("哪") else q[asked.end():]
    # the kind's first two characters: what follows is mostly the question's verb (哪一个时代出版的,
    # 哪一个家族统治): DRCD's and CMRC's gold answers end with them ten times as often as with more
    kind = after[:noun(after)].split("之")[0][:2]  # 哪一个会堂之一: the kind is 会堂
    if kind in _NOT_HEAD:
        return None
    endings = [kind] + ([kind[0]] if len(kind) == 2 else [])
    pieces = {q[k:k + 2] for k in range(len(q) - 1)}
    anchors = [m.start() for t in question_terms(q) if len(t) > 1 and t not in kind
               for m in re.finditer(re.escape(t), text)]
    for ending in endings:
        if not ending:
            continue
        found = [w for m in re.finditer(re.escape(ending), text)
                 if (w := _word(q, kind, ending, pieces, text, m)) and _about(q, asked, text, *w)]
        if found:  # the one nearest the question's words: the first where the quote says none
            return min(found, key=lambda w: min((abs(w[0] - a) for a in anchors), default=0))
    return None


def _word(q: str, kind: str, ending: str, pieces: set[str], text: str, m: re.Match) -> tuple[int, int] | None:
    """The word that ends with `ending` at `m`, read back to a joining word, a mark or the
    question's own words; None when it is not a name of the kind."""
    if len(ending) < len(kind) and text.startswith(kind, m.start()):
        return None  # the kind itself (制度), not a name ending with its head
    start = m.start()
    while (start > 0 and text[start - 1].isalnum() and text[start - 1] not in _STOP
           and text[start - 2:start] not in pieces
           and (start == m.start() or _script(text[start - 1]) == _script(text[start]))):
        if m.end() - start >= HEAD_CHARS:
            return None  # no word's start within reach: a clause, not a name
        start -= 1
    dates = [d.end() for d in _DATE.finditer(text, 0, m.start()) if d.end() > start]
    a, b = trim(text, max([start, *dates]), m.end())  # 3月16日物权法: the date is no part of the name
    for w in _JOIN:  # 和鎌倉時代, 实行盟旗制: a list's join, a verb, also where the read stopped inside it (成|立)
        k = next((k for k in range(len(w)) if text.startswith(w, a - k, m.start())), -1)
        if k >= 0:
            a += len(w) - k
            break
    got = text[a:b]
    ends = m.end() == len(text) or not text[m.end()].isalnum() or text[m.end()] in EDGE
    if len(ending) < len(kind) and (not ends or len(got) < 3):
        return None  # a head alone ends a name only where the word ends (盟旗制，), not 当工人, 建国
    if a < m.start() and got not in q and not got.startswith(_POINTING) and any(c not in q for c in text[a:m.start()]):
        return a, b
    return None



def _script(c: str) -> str:
    """A character's kind, which a word keeps (3月16日物权法: the date is no part of the law's name),
    save right before the ending (236路)."""
    return "digit" if c.isdigit() else "latin" if c.isascii() else "han"


def _about(q: str, asked: re.Match, text: str, start: int, end: int) -> bool:
    """Does the sentence around the word say enough of the question's words (`HEAD_COVER`) to be
    about what is asked? A word of the kind in a sentence about something else answers nothing."""
    stops = [m.end() for m in _SENTENCE_END.finditer(text, 0, start)]
    stop = _SENTENCE_END.search(text, end)
    around = text[stops[-1] if stops else 0:start] + "|" + text[end:stop.start() if stop else len(text)]
    before, after = q[:asked.start()], q[asked.end():]
    return covered(before, around) + covered(after, around) >= HEAD_COVER * (len(before) + len(after))
