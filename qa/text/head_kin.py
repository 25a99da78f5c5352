"""Chinese words of one head that CC-CEDICT glosses by the same single English word (圆顶 and 穹顶:
"dome"; 獠牙 and 长牙: "tusk"), for a focus word a translated question names another way than its
passage (issue 27: "蓝色清真寺的中央圆顶有多高？" over "中央穹顶直径约23.5米，高43米").

`qa.text.gloss_kin` pairs words by glosses of two to four English words only: one English word is
too often two senses ("area", "major", "head"), and 主任 / 首长 / 脑袋 would all be "head". Two
words that also end in the same character (the head of a Chinese compound: 顶, 牙) and are glossed
by that word share the sense the head carries, not just the spelling of an English word: among
the dictionary's 7,400 such pairs, 假面具 / 面具 (mask), 拐角 / 转角 (corner), 勋章 / 奖章 (medal).
A compound sharing a head is no synonym by itself (幼虫期 / 成虫期, 熔点 / 沸点 share no gloss), and
a gloss shared by more than `MAX_HEADS` headwords vouches for none of them. Only a word's first
two senses, no names (capitalised pinyin).

Read only where a focus gap would be found (`qa.answer.slots.said_by_kin`), so the index, built
from the dictionary in ~1 s and kept as a pickle in the user cache folder beside gloss_kin's, is
not loaded by a question whose quote names what it asks.
"""

from __future__ import annotations

import re
from functools import cache
from pathlib import Path

from qa.text.script import to_simplified

__all__ = ["MAX_HEADS", "head_kin"]

MAX_HEADS = 15  # headwords a one-word gloss may have and still vouch for each other (as gloss_kin.MAX_FOCUS_KIN)
_SENSES = 2
_READING = 1  # how `build` reads the dictionary: a new number rebuilds the cached index
_WORD = re.compile(r"[a-z]+(?:['-][a-z]+)*")


def head_kin(word: str) -> tuple[str, ...]:
    """The dictionary words ending in `word`'s last character that share a one-word gloss with it
    (`word` two to four characters, folded to Simplified); () when none or no dictionary."""
    return tuple(k for k in _index().get(to_simplified(word), "").split("|") if k)


def said_by_head(word: str, quote: str) -> bool:
    """Does the quote write the asked `word` with its last dictionary word replaced by one of the
    same head and a shared one-word gloss (`head_kin`: 中央圆顶 as 中央穹顶, "dome"), the
    words before it written too? A translation picks its own compound for the passage's thing."""
    from qa.text.gloss_kin import word_starts, writes

    for start in sorted(word_starts(word)):
        rest, head = word[:start], word[start:]
        if len(head) >= 2 and (not rest or rest in quote) and any(writes(quote, k) for k in head_kin(head)):
            return True
    return False


def _key(gloss: str) -> str:
    """A one-word gloss as compared (lower case, parentheses and an article out), or ""."""
    from qa.text.gloss_kin import _ARTICLE, _PARENS

    key = _ARTICLE.sub("", " ".join(_PARENS.sub("", gloss).lower().split()))
    return key if _WORD.fullmatch(key) else ""


@cache
def _index() -> dict[str, str]:
    from qa.text.cedict import dictionary_file
    from qa.text.index_cache import cached, index_path

    source = dictionary_file()
    if source is None:
        return {}
    # named by what reads the dictionary and by the dictionary's text (qa.text.index_cache), so a
    # reinstall builds nothing and a stale copy is removed
    reading = repr((_SENSES, MAX_HEADS, _READING))
    return cached(index_path("head-kin", reading, source, "pickle"), lambda: build(source))


def build(source: Path) -> dict[str, str]:
    """Each headword (two to four characters, no name) -> its head kin joined by "|"."""
    from qa.text.cedict import WORD_HEADWORD, entries, is_name, senses

    by_gloss: dict[str, set[str]] = {}
    for head, rest in entries(source, WORD_HEADWORD):
        if is_name(rest):
            continue
        for sense in senses(rest)[:_SENSES]:
            for part in sense.split(";"):
                if key := _key(part):
                    by_gloss.setdefault(key, set()).add(head)
    kin: dict[str, set[str]] = {}
    for words in by_gloss.values():
        if len(words) > MAX_HEADS:
            continue
        for a in words:
            for b in words:
                if a != b and a[-1] == b[-1]:
                    kin.setdefault(a, set()).add(b)
    return {w: "|".join(sorted(others)) for w, others in kin.items()}
