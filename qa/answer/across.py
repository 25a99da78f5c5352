"""The short answer to an English or Spanish question from a Chinese quote (the articles are
Chinese; `qa.answer.latin_question` reads the question, `qa.answer.short_latin` calls this for a
Chinese quote): the span is taken in the quote's language.
  - a figure or date of the Chinese picker's patterns (zh.toml's `figure_span`, `date_span`) of the
    asked unit, or of the thing counted written beside it (athletes -> 运动员16人, CC-CEDICT's words:
    `qa.text.cedict`), nearest to the Chinese words of the question's;
  - a person asked by a post ("Who is the founder and CEO of …"): the name of two to four
    characters written right after the post, as the dictionary renders it or as the question writes
    it (创始人兼CEO宋麒告诉记者 -> 宋麒; `role` in zh.toml, a verb of saying after the name cut);
  - which X, or a place asked with its kind ("which university", "in which county"), when X is a
    kind whose names end with its word (en.toml's `kind_word`: county -> 县, university -> 大学; not
    "which members", whose 成员 ends no name): the word the quote writes ending with it (由清华大学牵头
    -> 清华大学, 四川省达州市宣汉县 -> 宣汉县), cut after a joining word (由, 在) or a larger place
    (省, 市, 镇: zh.toml's `admin_suffix`), nearest to the question's words.
Other persons and places are left to the quote: without the question word's place in a Chinese
sentence, a name is a guess.
"""

from __future__ import annotations

import re

from qa.answer.latin_question import Asked, closest, said
from qa.answer.latin_slots import english_focus
from qa.answer.spans import SPEECH
from qa.text import lexicon
from qa.text.cjk import CJK, fold
from qa.text.glossary import chinese_words, literals

__all__ = ["chinese_span"]

_CALENDAR = lexicon.regex("quote_calendar")  # what a date in a Chinese quote holds (zh.toml)
NAME_CHARS = (2, 4)  # a Chinese person's name, without the post before it


def chinese_span(asked: Asked, quote: str) -> tuple[int, int] | None:
    """(start, end) of the short answer in a Chinese `quote`, or None."""
    if asked.wants in ("number", "year", "date"):
        return _figure(asked, quote)
    if asked.wants == "person":
        return _by_post(asked, quote)
    if asked.wants in ("which", "place") and asked.noun:
        return _of_kind(asked, quote)
    return None


def _matched(quote: str) -> str:
    folded = fold(quote)
    return folded if len(folded) == len(quote) else quote


def _renderings(words: str) -> list[str]:
    # lazily: its index loads in ~0.04 s, only for an English question over Chinese
    from qa.text.cedict import renderings

    return [w for found in renderings(words) for w in found]


def _by_post(asked: Asked, quote: str) -> tuple[int, int] | None:
    text = _matched(quote)
    posts = [w for w in _renderings(asked.raw) if w in _ROLES] + [w for w in asked.words if w in _ROLES]
    names = []
    for post in dict.fromkeys(posts):
        for m in re.finditer(re.escape(post), text):
            run = _NAME_RUN.match(text, m.end())
            if run is None:
                continue
            name = SPEECH.split(run.group(0))[0]
            if NAME_CHARS[0] <= len(name) <= NAME_CHARS[1] and not said(asked, name):
                names.append((m.end(), m.end() + len(name)))
    return closest(names, _anchors(asked, text), text) if names else None


def _of_kind(asked: Asked, quote: str) -> tuple[int, int] | None:
    text = _matched(quote)
    kinds = [k for w in asked.noun for k in _KIND_WORD.get(w, "").split("|") if k]
    spans = []
    for kind in dict.fromkeys(kinds):
        for m in re.finditer(re.escape(kind), text):
            start = m.start()
            while start > 0 and m.start() - start < 8 and CJK.match(text[start - 1]) and text[start - 1] not in _CUT:
                start -= 1
            if m.start() - start >= 2 and not said(asked, text[start:m.end()]):
                spans.append((start, m.end()))
    return closest(spans, _anchors(asked, text), text) if spans else None


_CUT = "".join(lexicon.words("span_edge") + lexicon.words("admin_suffix"))  # a joining word, or a larger place, ends the word before
_NAME_RUN = lexicon.regex("post_name_run")  # the name after a post (zh.toml)
_ROLES = frozenset(lexicon.words("role")) | {r.lower() for r in lexicon.words("role")}  # matched folded: CEO as ceo
_KIND_WORD = lexicon.glossary("kind_word")  # county -> 县, university -> 大学: kinds whose names end with them


def _counted(asked: Asked) -> tuple[str, ...]:
    """The Chinese words CC-CEDICT gives for what an English count question counts (athletes ->
    运动员, 选手; campuses -> 校区), `qa.text.cedict`."""
    if not asked.noun_last:
        return ()
    # lazily: its index loads in ~0.1 s, only for an English question over Chinese
    from qa.text.cedict import renderings

    return tuple(w for found in renderings(" ".join(asked.noun)) for w in found)


# -- Chinese quotes ----------------------------------------------------------------------------

def _figure(asked: Asked, quote: str) -> tuple[int, int] | None:
    """A figure or date of the Chinese picker's patterns in a Chinese quote, for an English or
    Spanish question; nearest to the Chinese words of the question's (or the only one)."""
    text = _matched(quote)
    dates = lexicon.regex("date_span")
    spans = []
    pattern = lexicon.regex("figure_span") if asked.wants == "number" else dates
    for m in pattern.finditer(text):
        got = m.group(0).rstrip()
        if not got.strip() or said(asked, got):
            continue
        if asked.wants == "number" and dates.fullmatch(got):
            continue  # 2003年 is no count
        start = m.start() + len(got) - len(got.lstrip())
        if asked.wants == "year":
            head = lexicon.regex("year_head").match(got.lstrip())
            if not head or "年代" in got:
                continue
            spans.append((start, start + len(head.group(0))))
        else:
            spans.append((start, m.start() + len(got)))
    if asked.wants == "number":  # of the asked unit, or of the thing counted written beside it (运动员16人), or none
        focus = english_focus(asked.raw)[1]
        unit = asked.unit or (re.compile(focus) if focus else None)
        counted = _counted(asked)
        spans = [(s, e) for s, e in spans if unit is not None and unit.search(text[s:e])
                 or any(text[max(0, s - len(w) - 1):s].find(w) >= 0 or text[e:e + len(w) + 1].find(w) >= 0 for w in counted)]
    else:  # a date, not a span of years (寿命约3-5年)
        spans = [(s, e) for s, e in spans if _CALENDAR.search(text[s:e])]
    return closest(spans, _anchors(asked, text), text)


def _anchors(asked: Asked, text: str) -> list[tuple[int, int]]:
    """Where the question's words stand in a Chinese quote: their glossary and dictionary words,
    its numbers and months, the Latin words the quote writes too (Windows, NGC)."""
    anchors = [m.span() for w in chinese_words(asked.question) for m in re.finditer(re.escape(w), text)]
    anchors += [m.span() for p in literals(asked.raw) for m in p.finditer(text)]
    low = text.lower()
    anchors += [m.span() for t in asked.terms if len(t) > 2 for m in re.finditer(r"(?<![a-z])" + re.escape(t), low)]
    return anchors
