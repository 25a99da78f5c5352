"""What an English or Spanish question asks, read once for the short-answer pickers of both kinds of
quote (`qa.answer.short_latin` for Latin-script quotes, `qa.answer.across` for Chinese ones): the kind
of span it wants (a year, a date, a figure, a person, a place, a name, the thing a which-question
names: `short_q_*` in en.toml and es.toml, first match wins), the unit a figure must carry (`short_unit`),
the words it counts or names, its words and index terms. Both pickers also share what "already said"
and "nearest to the question's words" mean here (`said`, `closest`).
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import cache

from qa.text import lexicon
from qa.text.questions import question_terms

__all__ = ["CLAUSE_CHARS", "Asked", "asked", "closest", "lowered", "said", "stem", "subject_asked", "wanted"]

CLAUSE_CHARS = 30  # a clause mark between a span and a question word counts as this many characters
_DIGITS = re.compile(r"\d+(?:[.,]\d+)*")
_CLAUSE_MARK = re.compile(r"[,;:，；：]")


@cache
def _asks() -> tuple[tuple[str, re.Pattern], ...]:
    return (("year", lexicon.regex("short_q_year", re.IGNORECASE)), ("date", lexicon.regex("short_q_date", re.IGNORECASE)),
            ("number", lexicon.regex("short_q_number", re.IGNORECASE)), ("person", lexicon.regex("short_q_person", re.IGNORECASE)),
            ("place", lexicon.regex("short_q_place", re.IGNORECASE)), ("name", lexicon.regex("short_q_name", re.IGNORECASE)),
            ("which", lexicon.regex("short_q_which", re.IGNORECASE)))


@dataclass(frozen=True)
class Asked:
    wants: str
    question: str  # lower-cased
    words: frozenset[str]  # the question's words, lower-cased
    terms: tuple[str, ...]  # its index terms (qa.text.questions.question_terms): where the answer stands near
    noun: tuple[str, ...]  # the words it counts ("new books") or names ("utility company")
    noun_last: bool  # ... ending at their plural noun, as English writes a count (see `asked`)
    unit: re.Pattern | None  # the unit a figure must carry ("how far": miles)
    money: bool  # ... a sum of money ("how much did it cost")
    raw: str  # the question as asked


def wanted(question: str) -> str:
    """The kind of span an English or Spanish question asks for ("" for none): of its question words
    the first ("How old was he when he died": a figure), and of two at one place the more specific
    ("in which city": a place, not a which-question)."""
    found = [(m.start(), k, kind) for k, (kind, pattern) in enumerate(_asks()) if (m := pattern.search(question))]
    return min(found)[2] if found else ""


def asked(question: str) -> Asked | None:
    """What `question` asks, or None when it asks for no kind of span."""
    wants = wanted(question)
    if not wants:
        return None
    q = question.lower()
    noun: tuple[str, ...] = ()
    noun_last = False
    if wants == "number" and (m := lexicon.regex("short_asked_phrase", re.IGNORECASE).search(q)):
        # English (group 1) writes a count's adjectives before its noun, so its words end at their
        # plural noun ("how many runners took part": runners); Spanish (group 2) after it (autobuses diésel)
        noun, noun_last = tuple((m.group(1) or m.group(2)).split()), bool(m.group(1))
    elif wants in ("name", "which", "place") and (m := lexicon.regex("short_q_which", re.IGNORECASE).search(q)):
        groups = [k for k in range(1, m.re.groups + 1) if m.group(k)]
        if wants == "which" and _verb(question, m.end(groups[0])):
            return None  # "What made Laennec…", "What replaced the tube": the question asks a subject, names no kind
        if len(groups) > 1 and (m.group(groups[1]) in lowered(lexicon.words("verb_adverb")) or _verb(question, m.end(groups[1]))):
            groups = groups[:1]  # "which river flows through", "which countries never accepted": the kind is one word
        noun = tuple(m.group(k) for k in groups)
    words = [w.strip("¿?¡!.,;:'’\"") for w in q.split()]
    units = lexicon.glossary("short_unit")
    # a count's unit is said in what it counts ("how many people live in the area": people, not an area)
    key = next((w for w in (noun if noun else words) if w in units), "") if wants == "number" else ""
    unit = re.compile(units[key], re.IGNORECASE) if key else None
    money = bool(key) and units[key] == lexicon.fill("{money_unit}")
    return Asked(wants, q, frozenset(words), tuple(question_terms(question)), noun, noun_last, unit, money, question)


def subject_asked(question: str) -> bool:
    """Does a which/what-question ask the subject of its verb ("What made Laennec…", "What replaced
    the tube"), naming no kind of thing?"""
    m = lexicon.regex("short_q_which", re.IGNORECASE).search(question.lower())
    groups = [k for k in range(1, m.re.groups + 1) if m.group(k)] if m else []
    # the word after the question word is a verb when an object follows it, or when it is an
    # irregular past ("What made kabaddi…": `verb_forms`); not when a name follows it, which may be
    # its subject («¿Qué demostró Cajal…?»)
    if not groups:
        return False
    after = question[m.end(groups[0]):].split(maxsplit=1)
    word = after[0].strip("¿?¡!.,;:'’\"").lower() if after else ""
    return word in lowered(lexicon.words("object_lead")) or m.group(groups[0]) in _irregular_past()


@cache
def _irregular_past() -> frozenset[str]:
    return frozenset(form for forms in lexicon.glossary("verb_forms").values() for form in forms.split("|"))


def _verb(question: str, end: int) -> bool:
    """Is the word of the question ending at `end` a verb, not (part of) the kind asked? It is when
    an object follows it (an article, a possessive, a preposition: `object_lead`) or a name ("What
    made Laennec…")."""
    after = question[end:].split(maxsplit=1)
    word = after[0].strip("¿?¡!.,;:'’\"") if after else ""
    return bool(word) and (word.lower() in lowered(lexicon.words("object_lead")) or word[0].isupper())


@cache
def lowered(words: tuple[str, ...]) -> frozenset[str]:
    """A word class of the lexicon in lower case, as a set (cached: the pickers read them per word)."""
    return frozenset(w.lower() for w in words)


def said(asked: Asked, span: str) -> bool:
    """Does the question already say `span` (its figure, or all its words, in any form: "Crown"
    for "which crowns")?"""
    figure = _DIGITS.search(span)
    if figure and figure.group(0) in asked.question:
        return True
    words = [w.lower() for w in re.findall(r"\w+", span)]
    stems = {stem(w) for w in asked.words}
    return bool(words) and all(w in asked.words or stem(w) in stems for w in words)


def stem(word: str) -> str:
    """The word without a plural ending: enough to tell a count's noun and a said word ("crowns", "Crown")."""
    word = word.lower()
    return word[:-2] if word.endswith("es") and len(word) > 4 else word[:-1] if word.endswith("s") and len(word) > 3 else word


def closest(spans: list[tuple[int, int]], anchors: list[tuple[int, int]], text: str) -> tuple[int, int] | None:
    """The span with the least text between it and a question word, a clause mark counting as
    `CLAUSE_CHARS` ("About 40 percent of the budget went to schools, 25 percent to roads": 40);
    the only span when no question word is there."""
    if not spans or not anchors:
        return spans[0] if len(spans) == 1 else None

    def apart(span: tuple[int, int], anchor: tuple[int, int]) -> int:
        lo, hi = (anchor[1], span[0]) if anchor[1] <= span[0] else (span[1], anchor[0])
        return max(0, hi - lo) + CLAUSE_CHARS * len(_CLAUSE_MARK.findall(text, lo, max(lo, hi)))

    return min(spans, key=lambda s: min(apart(s, a) for a in anchors))
