"""Where the question's words stand in the phrases of a long English or Spanish sentence
(`qa.answer.clauses` quotes a run of them): which terms a phrase holds, as written or said another
way, and how many words stand before the first and after the last.
"""

from __future__ import annotations

import re
import unicodedata
from functools import cache

from qa.text import lexicon
from qa.text.cjk import fold
from qa.text.paraphrase import held, plain, same_word, stems
from qa.text.sentences import Span

__all__ = ["NO_TAIL", "head", "held_at", "setting_only", "stop_words", "tail", "term_masks", "word_mask"]

NO_TAIL = 99  # no word of the phrase holds a term
# Letters of a term at most that must be a whole word (with a plural ending) to be held: "Until when
# were women kept off the summit?" read its "off" in "an official season", and quoted that phrase too
_SHORT = 3
# Letters of a term at least that is held too where it closes a word: a compound's head ("What kind
# of stitch…" in "…formed the lockstitch"; en_wiki9 +1, nothing else moved on the en/es dev sets).
# Shorter ones close unrelated words ("house" in "lighthouse"); a negated word ("invisible" for
# "visible") is held too, and only shapes the cut
_CLOSING = 6
_PUNCTUATION = ".,;:!?\"'“”‘’«»()"


def term_masks(question: str, terms: tuple[str, ...], text: str, span: Span, parts: list[Span]) -> tuple[int, list[int]]:
    """(mask over `terms` of those the sentence `span` of `text` holds, the mask of each of its phrases
    `parts`). A phrase holds a term as the window's sentence does: as written, or said another way
    ("was invented" for "created", "2.140 kilómetros" for "longitud": `qa.text.paraphrase`, a value
    beside the terms of its sentence); else the run would be told apart by fewer words than chose
    the sentence. Values are read in the text as written, not folded: folded, "29.8 °C" is "29.8 °c",
    which no temperature's pattern reads ("At what temperature does gallium become liquid?" quoted
    the phrase saying "liquid" alone)."""
    whole = text[span.start:span.end]
    beside = word_mask(fold(whole), terms) | held(question, terms, unicodedata.normalize("NFKC", whole))
    masks = [word_mask(fold(text[p.start:p.end]), terms)
             | held(question, terms, unicodedata.normalize("NFKC", text[p.start:p.end]), beside) for p in parts]
    return beside, masks


def word_mask(folded: str, terms: tuple[str, ...]) -> int:
    """Bit i set: term i (a stem) opens a word of `folded`. The windows' substring match would find
    "dos" in "cuadrados", and a phrase told apart by it is the wrong one."""
    return sum(1 << i for i, t in enumerate(terms) if re.search(_opening(t), folded))


def _opening(term: str) -> str:
    """The pattern of a word `term` opens: any word it starts, but for a term of `_SHORT` letters or
    fewer, which starts unrelated words ("off" in "official", "war" in "warm"), the term itself with
    a plural ending ("años", "leyes"); a term of `_CLOSING` letters or more closes a word too, with a
    plural ending ("lockstitches")."""
    if len(term) <= _SHORT:
        return r"(?<!\w)" + re.escape(term) + r"(?:s|es)?(?!\w)"
    if len(term) >= _CLOSING:
        return r"(?<!\w)" + re.escape(term) + "|" + re.escape(term) + r"(?:s|es)?(?!\w)"
    return r"(?<!\w)" + re.escape(term)


def tail(folded: str, terms: list[str]) -> int:
    """How many words of `folded` follow the last word holding a term of `terms` (99: none holds one)."""
    at = held_at(folded, terms)
    return len(folded.split()) - 1 - at[-1] if at else NO_TAIL


def setting_only(words: list[str]) -> bool:
    """Are `words` (the few after a phrase's last question word) only function words and figures: its
    setting ("…trasladó a Cádiz en 1717,"), not what it says of the question's words ("…a Gwich'in word
    meaning "great river",", "…used to measure air pressure,"), which may be the answer itself?"""
    stop = stop_words()
    return all(plain(w.strip(_PUNCTUATION)) in stop or any(c.isdigit() for c in w) or w.strip(_PUNCTUATION)[:1].isupper()
               for w in words)


@cache
def stop_words() -> frozenset[str]:
    return frozenset(plain(w) for w in lexicon.words("stop_word"))


def head(folded: str, terms: list[str]) -> int:
    """How many words of `folded` stand before the first word holding a term of `terms` (99: none holds one)."""
    at = held_at(folded, terms)
    return at[0] if at else NO_TAIL


def held_at(folded: str, terms: list[str]) -> list[int]:
    """The places of the words of `folded` that a term of `terms` opens (or closes: `_opening`) or
    that are a form of one (`qa.text.paraphrase.same_word`: "company" for the index term "compani"),
    as the phrase's mask reads them."""
    out = []
    for k, word in enumerate(folded.split()):
        stem = stems(word)
        if any(re.search(_opening(t), word) or stem and same_word(plain(t), stem[0]) for t in terms):
            out.append(k)
    return out
