"""Short answers to the questions that ask what a term is or what it is short for: "什么是X" (what
a sentence says X is: "X（学名：）是Y" -> Y) and "X是什么的简称" (the clause a sentence writes
before "，简称X"), and the one term a sentence quotes for a 什么 question its words placed nothing
in (`quoted_term`: 以「生活习惯不一样」为由). Their answer is not in the place of a question word among the question's own
words, as `qa.answer.short` finds most answers: the question names only the term, and the
sentence's words around it (是, 指, 简称) say which side of it the answer is on. Offsets are into
the text given; the words are data (`qa/text/lexicon/zh.toml`, "short answers")."""

from __future__ import annotations

import re

from qa.answer.spans import longest_first, trim
from qa.text import lexicon
from qa.text.questions import question_terms

__all__ = ["definition", "full_name", "quoted_term"]

_CLAUSE_END = lexicon.regex("clause_end")
_DEFINING = longest_first(lexicon.words("defining_copula"))
_ASIDE = lexicon.regex("aside")
_QUOTED = lexicon.regex("quoted")


def definition(subject: str, text: str, limit: int) -> tuple[int, int] | None:
    """For "什么是X", what `text` says X is: the words after "X是/指/即" up to the clause's end,
    past an aside after X (五月艾（学名：）是菊科蒿属的植物 -> 菊科蒿属的植物; 乡里制，是…), if at
    most `limit` characters. Nothing when X is not followed by such a word: the sentence then says
    something else of X (约化群可以由根资料分类)."""
    for m in re.finditer(re.escape(subject), text):
        at = m.end()
        while aside := _ASIDE.match(text, at):
            at = aside.end()
        copula = next((w for w in _DEFINING if text.startswith(w, at)), "")
        if not copula:
            continue
        stop = _CLAUSE_END.search(text, at + len(copula))
        start, end = trim(text, at + len(copula), stop.start() if stop else len(text))
        return (start, end) if 1 < end - start <= limit else None
    return None


def full_name(short: str, naming: str, text: str, limit: int) -> tuple[int, int] | None:
    """For "X是什么的简称", the clause right before the naming word and X ("广西壮族自治区南宁市第二
    中学，简称南宁二中" -> 广西壮族自治区南宁市第二中学; "首钢集团有限公司（简称首钢）"), if at most
    `limit` characters."""
    at = text.find(naming + short)
    if at <= 0:
        return None
    end = at - bool(_CLAUSE_END.match(text, at - 1))
    start = max([m.end() for m in _CLAUSE_END.finditer(text, 0, end)], default=0)
    start, end = trim(text, start, end)
    return (start, end) if 1 < end - start <= limit else None


def quoted_term(q: str, text: str) -> tuple[int, int] | None:
    """The one term `text` sets in quotation marks that the question does not say, for a 什么
    question whose words placed no answer: a sentence quotes the name, slogan or term it
    introduces (以「生活习惯不一样」为由). Two or more: which one is not certain."""
    found = [(m.start(g), m.end(g)) for m in _QUOTED.finditer(text)
             for g in range(1, (m.lastindex or 0) + 1) if m.group(g) and m.group(g) not in q]
    if len(found) != 1 or _CLAUSE_END.search(text, *found[0]):
        return None  # none, several, or a quoted utterance (我觉得我更自由了，…)
    start, end = found[0]
    clause = text[max([m.end() for m in _CLAUSE_END.finditer(text, 0, start)], default=0):end + 20]
    return found[0] if any(t in clause for t in question_terms(q) if len(t) > 1) else None
