"""British and American spellings of one English word: colour / color, centre / center, organised /
organized, defence / defense, programme / program, fuelled / fueled.

A question and its passage may each write either, and nothing else joins them: the Snowball stemmer
keeps "colour" and "color", "centr" and "center" apart, and CC-CEDICT, which the English synonyms
are built from (`qa.text.pivot`), glosses in American spelling only ("organize", "color"). Each
word is read in its American spelling (`american`): by en.toml's `spelling_word` pairs, else by
its `spelling_ending` rules (British ending -> American, the longest that ends the word, at least
two letters kept before it) and the doubled l of `british_double_l`; `spelling_kept` lists the
words a rule would turn into another word ("prise" is no "prize").

Both sides are read the same way, so a rule that rewrites a word with one spelling only (promise ->
"promize") still joins nothing that was apart; what it must not do is make two words one, which
is what the exceptions and the two-letter floor are for ("four" / "for", "hour" / "hor").
The keyword index holds each article's words as it writes them, so a British question's words are
searched in American spelling too (`respelled`, read by `qa.retrieve`); an American question over a
British article has no such help (the rules read one way only), and dense search is what finds it.
A few rules and a list rather than a word list of both spellings (such as the VarCon tables): the
endings cover the open classes, and no file is loaded at question time.
"""

from __future__ import annotations

import re
from functools import cache, lru_cache

from qa.text import lexicon

__all__ = ["american", "respelled"]

_LETTERS = re.compile(r"[a-z]+")
_KEPT_BEFORE = 2  # letters a word keeps before a British ending: "four", "hour", "rise" have fewer


@cache
def _rules() -> tuple[dict[str, str], tuple[tuple[str, str], ...], frozenset[str]]:
    """(British word -> American, the endings longest first, the words kept as written)."""
    endings = lexicon.glossary("spelling_ending")
    ordered = tuple(sorted(endings.items(), key=lambda kv: -len(kv[0])))
    return lexicon.glossary("spelling_word"), ordered, frozenset(lexicon.words("spelling_kept"))


@lru_cache(maxsize=4096)
def american(word: str) -> str:
    """`word` (lower case) in its American spelling, or as written when it has none or is one."""
    words, endings, kept = _rules()
    if word in words:
        return words[word]
    if word in kept or not word.isalpha():
        return word
    for ending, replacement in endings:
        if word.endswith(ending) and len(word) - len(ending) >= _KEPT_BEFORE:
            return word[:-len(ending)] + replacement
    return lexicon.regex("british_double_l").sub(r"\1\2", word)


def respelled(question: str) -> list[str]:
    """The American spellings of `question`'s words that it writes otherwise ("centre" -> "center"),
    each once: searched beside the question's own words. None for a Spanish question, whose words
    the rules would misread ("entre", "nombre")."""
    from qa.text.tokens import latin_language

    if latin_language(question) == "es":
        return []
    return list(dict.fromkeys(a for w in _LETTERS.findall(question.lower()) if (a := american(w)) != w))
