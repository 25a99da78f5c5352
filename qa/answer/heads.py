"""Short answers named by the kind a question asks for: "以什么制度来实施行政规划" over "实行盟旗制"
-> 盟旗制; "乙巳条约是日本与哪一国签的条约" over "大韩帝国被迫与日本签订…" -> 大韩帝国; "哪一个电视台为…"
over "「北京电视台」成立" -> 北京电视台.

The noun after 什么 or 哪一 (制度, 国, 电视台) names the kind, and a Chinese name of a thing of that
kind usually ends with the noun's first two characters (DRCD's and CMRC's gold answers end with
them ten times as often as with a longer noun read: what follows is mostly the question's verb,
哪一个时代出版的) or with its first character, the head of a two-character noun (盟旗制, 养老保险法).
Where nothing else placed an answer, a word of the quote that ends so is the answer: read back
from the ending to a joining word, a mark, a date, a change of script or the question's words right
before its question word; more than the ending, at most `HEAD_CHARS` characters, not a word the
question says, not opening with a word that points back or counts (这, 两: `not_head_lead`), and
without a verb or join it opens with (实行, 和: `name_lead`). It must stand in a sentence that says
`HEAD_COVER` of the question's words; of several, the one with the question's words beside it as
they stand beside the question word, else the nearest to them. A read back that runs into other
words of the question is no name: where it starts is not certain (关岛|组织法).
A name's legal form before the kind is read as part of the ending (有限公司: `name_form`).
`qa.answer.agents.of_kind` does this for the kinds whose ending is another word (什么颜色 -> 银灰色).
The words are data (`qa/text/lexicon/zh.toml`, "short answers").
"""

from __future__ import annotations

import re

from qa.answer.loose import covered
from qa.answer.spans import EDGE, noun, pairs, strip_end, trim
from qa.text import lexicon
from qa.text.questions import question_terms

__all__ = ["headed"]

HEAD_CHARS = 8  # a name of the kind (国民养老保险法), not a clause
HEAD_COVER = 0.3  # share of the question's words the sentence must say around it
_WHICH = "".join(lexicon.words("which_q"))
_WHAT = set(lexicon.words("what_q"))
_LIST_Q = tuple(lexicon.words("list_q"))
_NOT_HEAD = set(lexicon.words("not_head"))
_STOP = EDGE | set(lexicon.words("kind_lead"))
_EDGES = "".join(EDGE)
_POINTING = tuple(lexicon.words("not_head_lead"))
_LEAD = tuple(sorted({*lexicon.words("list_join"), *lexicon.words("name_lead"), *lexicon.words("not_subject_start")},
                     key=lambda w: (-len(w), w)))
_SENTENCE_END = lexicon.regex("sentence_stop")
_DATE = lexicon.regex("date_span")
_ORDINAL = tuple(w[0] for w in lexicon.words("ordinal_q"))  # 第几 -> 第
_FORM = lexicon.words("name_form")


def headed(q: str, asked: re.Match, text: str) -> tuple[int, int] | None:
    """A word of `text` that ends with the kind the question asks by (see the module doc)."""
    word = asked.group(0)
    if not (word in _WHAT or word.startswith("哪")) or word in _LIST_Q:
        return None
    after = q[asked.end():].lstrip(_WHICH) if word.startswith("哪") else q[asked.end():]
    full = after[:noun(after)].split("之")[0]  # 哪一个会堂之一: the kind is 会堂
    kind = full[:2]
    if not kind or kind in _NOT_HEAD:
        return None
    # the question's words right before and after its question word and kind (吸收了|哪派|的风格)
    beside = (strip_end(q[:asked.start()])[-2:], after[len(full):].lstrip(_EDGES)[:2])
    pieces = pairs(q)
    anchors = [m.start() for t in question_terms(q) if len(t) > 1 and t not in kind
               for m in re.finditer(re.escape(t), text)]
    for ending in [kind] + ([kind[0]] if len(kind) == 2 else []):
        found = [w for m in re.finditer(re.escape(ending), text)
                 if (w := _word(q, kind, pieces, beside, text, m)) and _said(q, asked, text, *w) >= HEAD_COVER]
        if found:
            start, end = min(found, key=lambda w: (-_beside(beside, text, *w),
                                                   min((abs(w[0] - a) for a in anchors), default=0)))
            rest = next((full[2:j] for j in range(len(full), 2, -1) if text.startswith(full[2:j], end)), "")
            if rest and _ends(text, end + len(rest)):
                end += len(rest)  # 北京电视台」: the whole kind, where the word ends after it
            return start, end
    return None


def _word(q: str, kind: str, pieces: set[str], beside: tuple[str, str], text: str,
          m: re.Match) -> tuple[int, int] | None:
    """The word that ends with the ending at `m` (see the module doc), or None."""
    if m.end() - m.start() < len(kind) and text.startswith(kind, m.start()):
        return None  # the kind itself (制度), not a name ending with its head
    form = next((len(f) for f in _FORM if text.endswith(f, 0, m.start())), 0)  # 有限|公司: one ending
    start = m.start() - form
    while (start > 0 and text[start - 1].isalnum() and text[start - 1] not in _STOP
           and (start == m.start() - form or _script(text[start - 1]) == _script(text[start]))):
        if m.end() - form - start >= HEAD_CHARS:
            return None  # no word's start within reach: a clause, not a name
        if text[start - 2:start] in pieces:
            if text.endswith(beside[0], 0, start):
                break  # 吸收|牛派: the question's words before its question word end where the word starts
            return None  # the name runs on into the question's words (关岛|组织法): where it starts is not certain
        start -= 1
    start -= text.startswith(_ORDINAL, start - 1) and text[start:start + 1].isdigit()  # 第34集 keeps its 第
    dates = [d.end() for d in _DATE.finditer(text, 0, m.start()) if d.end() > start]
    a, b = trim(text, max([start, *dates]), m.end())  # 3月16日物权法: the date is no part of the name
    for w in _LEAD:  # 和镰仓时代, 实行盟旗制: a join, a verb, also where the read stopped inside it (成|立)
        k = next((k for k in range(len(w)) if text.startswith(w, a - k, m.start())), -1)
        if k >= 0:
            a += len(w) - k
            break
    got = text[a:b]
    ends = _ends(text, m.end()) or (len(beside[1]) == 2 and text.startswith(beside[1], m.end()))
    if m.end() - m.start() < len(kind) and (not ends or len(got) < 3):
        return None  # a head alone ends a name only where the word ends (盟旗制，), not 当工人, 建国
    if a < m.start() and got not in q and not got.startswith(_POINTING) and any(c not in q for c in text[a:m.start()]):
        return a, b
    return None


def _ends(text: str, at: int) -> bool:
    return at == len(text) or not text[at].isalnum() or text[at] in EDGE


def _script(c: str) -> str:
    """A character's kind, which a word keeps (3月16日物权法: the date is no part of the law's name),
    save right before the ending (236路)."""
    return "digit" if c.isdigit() else "latin" if c.isascii() else "han"


def _said(q: str, asked: re.Match, text: str, start: int, end: int) -> float:
    """The share of the question's words the sentence around the word says: under `HEAD_COVER` it
    is about something else, and a word of the kind there answers nothing."""
    stops = [m.end() for m in _SENTENCE_END.finditer(text, 0, start)]
    stop = _SENTENCE_END.search(text, end)
    around = text[stops[-1] if stops else 0:start] + "|" + text[end:stop.start() if stop else len(text)]
    before, after = q[:asked.start()], q[asked.end():]
    return (covered(before, around) + covered(after, around)) / max(1, len(before) + len(after))


def _beside(beside: tuple[str, str], text: str, start: int, end: int) -> int:
    """On how many sides of the word the question's words stand as they stand beside its question
    word (吸收牛派 for 吸收了哪派; 哈萨克语音译 for 哪一种语言的音译), past joining words."""
    while start > 0 and text[start - 1] in EDGE:
        start -= 1
    while end < len(text) and text[end] in EDGE:
        end += 1
    before, after = beside
    return (len(before) == 2 and text.endswith(before, 0, start)) + (len(after) == 2 and text.startswith(after, end))
