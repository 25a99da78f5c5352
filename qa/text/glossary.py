"""The Chinese words a passage uses for an English question's words (en.toml's `focus` and
`count` glossaries: jobs -> 岗位, 就业; population -> 人口).

An English question over Chinese articles shares no words with them: keyword search finds
nothing and dense similarity alone, with a small multilingual embedder, hardly tells one Chinese
passage from another ("How many jobs are created" ranked the page that says 可创造1000个就业岗位
eleventh of the seed's 33 chunks). The glossaries written for the answerer's gap checks
(`qa.answer.latin_slots.english_focus`) already hold how Chinese text says the common attribute words;
their plain words are what keyword search can look for. Only plain words (two or more Chinese
characters, no pattern syntax) are taken: a glossary value is a pattern, and "个" or "{money}"
would find every page.

`literals` serves the answerer instead: what an English question says that a Chinese sentence
writes the same way or as its dates do (1994, NGC 6231's 6231; "March" as 3月, en.toml's `month`
glossary), so that of two sentences that read alike to the embedder the one holding the
question's date or figure wins (`qa.answer.cross_script.cross_script_windows`).
"""

from __future__ import annotations

import re
from functools import cache

from qa.text import lexicon
from qa.text.cjk import CJK, HAN

_PLAIN = re.compile(f"[{HAN}]{{2,}}")
_WORD = re.compile(r"[A-Za-z]+")
_NUMBER = re.compile(r"\d+(?:\.\d+)?")
_MONTH = re.compile(r"\b[A-Z][a-z]+\b")  # a month is capitalised: "March 1994", not "to march"
GLOSSARIES = ("focus", "count")  # en.toml's glossaries from English words to Chinese wordings


@cache
def _table() -> dict[str, tuple[str, ...]]:
    """English word -> the plain Chinese words of its glossary entries, in order, once each."""
    out: dict[str, list[str]] = {}
    for name in GLOSSARIES:
        # As written, before placeholders are filled: {money}'s alternatives (欧元) are a unit
        # after a number, not words of their own.
        for word, wordings in lexicon.load("en")["glossaries"][name].items():
            plain = [w for w in wordings.split("|") if _PLAIN.fullmatch(w)]
            out.setdefault(word, []).extend(plain)
    return {word: tuple(dict.fromkeys(plain)) for word, plain in out.items() if plain}


def chinese_words(question: str) -> list[str]:
    """The Chinese words for the glossary words of an English question (none for a question with
    Chinese in it: it is searched by its own words)."""
    if CJK.search(question):
        return []
    table = _table()
    out: list[str] = []
    for word in _WORD.findall(question.lower()):
        out.extend(table.get(word, ()))
    return list(dict.fromkeys(out))


@cache
def literals(question: str) -> tuple[re.Pattern, ...]:
    """Patterns of what an English question names that Chinese text writes alike: each whole
    number (1994 in 1994年, not in 21994 or 1994.5) and each month (March -> 3月 or 三月); none for a
    question with Chinese in it."""
    if CJK.search(question):
        return ()
    out = [re.compile(rf"(?<![\d.]){re.escape(n)}(?![\d]|\.\d)") for n in dict.fromkeys(_NUMBER.findall(question))]
    months = lexicon.glossary("month")
    out += [re.compile(months[w.lower()]) for w in dict.fromkeys(_MONTH.findall(question)) if w.lower() in months]
    return tuple(out)


__all__ = ["chinese_words", "literals"]
