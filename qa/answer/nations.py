"""Short answers to a question asking which country (哪个国家的著名演员, 被哪一国家消灭, 哪国): the
country's name the sentence writes, nearest to the question's words ("阵内智则（1974年2月22日－），
日本喜剧演员及主持" -> 日本; "分别被后金，俄罗斯和清帝国灭" -> 俄罗斯 or 清帝国 by nearness).

A country is named in a biography's appositive (日本喜剧演员), before its people or army (由比利时人
传入), inside a list: the question's words rarely stand around it as the question says them, so
`qa.answer.short` finds no fence. What a country is comes from a well-kept list rather than ours:
the territory names of the Unicode CLDR in Simplified and Traditional Chinese (Babel's locale data,
`zh` and `zh_Hant`, folded as every text here is), read once, on the first such question. Only a
sentence that says enough of the question's words is read (`COVER`), and a country the question
names is never its answer. The question words are data (`qa/text/lexicon/zh.toml`, "short answers").
"""

from __future__ import annotations

import re
from functools import cache

from qa.answer.loose import covered_words
from qa.answer.spans import nearest, sentences
from qa.text import lexicon
from qa.text.cjk import fold

__all__ = ["asks_nation", "country", "nation"]

COVER = 0.5  # share of the question's words the sentence must say
_NATION_Q = lexicon.regex("nation_q")
_CLAUSE_END = lexicon.regex("clause_end")
_LOCALES = ("zh", "zh_Hant")
_PEOPLE = "人"
_STATE_FORM = tuple(sorted(lexicon.words("state_form"), key=len, reverse=True))
_NOT_COUNTRY = {"EU", "EZ", "UN", "QO", "XA", "XB", "ZZ"}  # CLDR's codes of unions and pseudo-regions (联合国, 欧盟)


@cache
def _names() -> re.Pattern:
    """Every country's name in CLDR (not the regions: 南亚 names no country), longest first."""
    from babel import Locale  # lazily: only a question asking which country needs it

    names = {fold(name) for locale in _LOCALES for code, name in Locale.parse(locale).territories.items()
             if code.isalpha() and code not in _NOT_COUNTRY and len(name) >= 2}
    return re.compile("|".join(map(re.escape, sorted(names, key=len, reverse=True))))


def asks_nation(q: str) -> re.Match | None:
    return _NATION_Q.search(q)


def nation(q: str, asked: re.Match, text: str) -> tuple[int, int] | None:
    """The name of a country in the sentence of `text` that says most of the question's words, the
    one nearest to them, none the question names; None where no sentence says enough of them."""
    words = [w for w in re.split(_CLAUSE_END.pattern + "|" + re.escape(asked.group(0)), q) if len(w) >= 2]
    size = sum(map(len, words))
    if size < 3:
        return None
    best = None
    for start, stop in sentences(text):
        said = covered_words(words, text[start:stop])
        if said >= COVER * size and (best is None or said > best[0]):
            best = (said, start, stop)
    if best is None:
        return None
    _, s0, s1 = best
    found = [(m.start(), m.end()) for m in _names().finditer(text, s0, s1) if m.group(0) not in q]
    if not found:
        return None
    got = nearest(q, text, found, s0, s1)
    people = got and q.startswith(_PEOPLE, asked.end()) and text.startswith(_PEOPLE, got[1])
    return (got[0], got[1] + len(_PEOPLE)) if people else got  # 哪一国人 -> 德国人: its people, as the sentence writes them


def country(q: str, text: str, start: int, end: int) -> tuple[int, int] | None:
    """The country's name a span placed by the question's words holds with more words around it
    (哪个国家的赛车手 over "葡萄牙F1赛车手": the fence gives 葡萄牙F1 -> 葡萄牙), with the state form
    written after it (波兰人民共和国, 俄罗斯联邦: `state_form`), or None: a span that is the name, or
    holds none, stays as it is."""
    m = _names().search(text, start, end)
    if m is None or m.group(0) in q or text.endswith(_STATE_FORM, start, m.start()):
        return None  # 中华民国台湾: a state the list does not name holds the one it names
    form = next((f for f in _STATE_FORM if text.startswith(f, m.end(), end)), "")
    return None if (m.start(), m.end() + len(form)) == (start, end) else (m.start(), m.end() + len(form))
