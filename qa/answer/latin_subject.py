"""The answer to an English or Spanish question asking for a subject ("Which composer helped him find
a publisher?", "Who founded the city?", "¿Qué dos países se reparten el lago?"): the name the quote
writes right before the question's verb ("…Johannes Brahms, who helped him find a publisher"), or
after it with by/por ("…was founded by Pedro de Heredia"); names listed together ("Perú y Bolivia",
"France and England") are answered together.

A question asks for its subject when its question word (with the noun it names) is followed by a
verb, not an auxiliary ("Which sea does the canal link…" asks an object: `qa.answer.short_latin`
reads it). The verb is found in the quote as the stemmer writes it, or as another form of it
(`qa.text.paraphrase.same_word`); between the name and the verb only a comma, a relative word
(`relative_word`) and up to `_BETWEEN` lower-case words ("never", "later") may stand, so a name
further off is not taken for the subject. The words are data (en.toml, es.toml: `auxiliary`,
`stop_word`, `relative_word`, `agent_lead`, `list_and`, `reflexive`, `verb_adverb`).
"""

from __future__ import annotations

import re

from qa.answer.latin_question import Asked, lowered, said
from qa.text import lexicon
from qa.text.paraphrase import same_word, stems

__all__ = ["listed", "subject"]

_BETWEEN = 2  # lower-case words between a subject and its verb ("France and England never accepted")
_AFTER = 40  # characters from the verb to the name after by/por ("was founded in 1533 by Pedro de Heredia")
_WORD = re.compile(r"[^\W\d_]+(?:['’][^\W\d_]+)?", re.UNICODE)
_ASKING = ("which", "what", "who", "qué", "quién", "quiénes")
_SKIPPED = lowered(lexicon.words("reflexive") + lexicon.words("verb_adverb"))
_NOT_VERB = lowered(lexicon.words("auxiliary") + lexicon.words("stop_word"))
_RELATIVE = lowered(lexicon.words("relative_word"))


def subject(asked: Asked, text: str, runs: list[tuple[int, int]]) -> tuple[int, int] | None:
    """(start, end) in `text` of the name (or names listed together) that `asked` asks as the subject
    of its verb, from `runs` (the quote's names, as `short_latin` reads them); None when the question
    asks no subject or no name stands next to its verb."""
    verb = _verb(asked)
    if not verb:
        return None
    free = [r for r in runs if not said(asked, text[r[0]:r[1]])]
    for m in _WORD.finditer(text):
        said_stem = stems(m.group(0))
        if not said_stem or not same_word(verb, said_stem[0]):
            continue
        before = _before(text, m.start(), free)
        if before is not None:
            return listed(text, before, free)
        after = _after(text, m.end(), free)
        if after is not None:
            return listed(text, after, free)
    return None


def _verb(asked: Asked) -> str:
    """The stem of the verb after the question word and its noun, or "" when an auxiliary or
    nothing follows them (the question then asks no subject)."""
    words = _WORD.findall(asked.question)
    at = next((i for i, w in enumerate(words) if w in _ASKING), -1)
    if at < 0:
        return ""
    rest = words[at + 1:]
    noun = list(asked.noun)
    while rest and noun and rest[0] == noun[0]:
        rest, noun = rest[1:], noun[1:]
    while rest and rest[0] in _SKIPPED:
        rest = rest[1:]  # "qué dos países se reparten", "which mission first landed": the verb is after them
    if not rest or rest[0] in _NOT_VERB:
        return ""
    found = stems(rest[0])
    return found[0] if found and len(found[0]) >= 3 else ""


def _before(text: str, verb: int, runs: list[tuple[int, int]]) -> tuple[int, int] | None:
    """The name ending right before the verb at `verb`, with only a comma, a relative word and a
    few lower-case words between."""
    run = next((r for r in reversed(runs) if r[1] <= verb), None)
    if run is None:
        return None
    gap = text[run[1]:verb]
    if re.search(r"[.;:()\"“”]", gap):
        return None
    words = _WORD.findall(gap)
    kept = [w for w in words if w.lower() not in _RELATIVE]
    if any(w[0].isupper() for w in words) or len(kept) > _BETWEEN:
        return None
    return run


def _after(text: str, verb: int, runs: list[tuple[int, int]]) -> tuple[int, int] | None:
    """The name after by/por following the verb ("fue fundada en 1533 por Pedro de Heredia")."""
    lead = re.compile(r"\b(?:%s)\s+$" % lexicon.alternation("agent_lead"), re.IGNORECASE)
    for run in runs:
        if verb <= run[0] <= verb + _AFTER and lead.search(text[verb:run[0]]) and not re.search(r"[.;:]", text[verb:run[0]]):
            return run
    return None


def listed(text: str, run: tuple[int, int], runs: list[tuple[int, int]]) -> tuple[int, int]:
    """`run` with the names listed with it ("Vienna, Bratislava, Budapest and Belgrade", "Perú y
    Bolivia"), when the list ends with and/y."""
    ending = r",?\s+(?:%s)\s+(?:(?:%s)\s+)?$" % (lexicon.alternation("list_and"), lexicon.alternation("latin_article"))
    join = re.compile(ending + r"|,\s*$", re.IGNORECASE)  # "Crown of Portugal and the Crown of Castile"
    last = re.compile(ending, re.IGNORECASE)
    ordered = sorted(runs)
    start_i = ordered.index(run)
    lo = start_i
    while lo > 0 and join.fullmatch(text[ordered[lo - 1][1]:ordered[lo][0]]):
        lo -= 1
    hi = start_i
    while hi + 1 < len(ordered) and join.fullmatch(text[ordered[hi][1]:ordered[hi + 1][0]]):
        hi += 1
    if lo == hi:
        return run
    if not last.fullmatch(text[ordered[hi - 1][1]:ordered[hi][0]]):
        return run  # "Vienna, Bratislava": a list ends with and/y, or it is not one
    return ordered[lo][0], ordered[hi][1]
