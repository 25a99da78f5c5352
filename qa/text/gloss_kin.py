"""Chinese words that CC-CEDICT glosses alike (坐落 and 位于: "to be located"; 制造 and 生产: "to
manufacture"), for a question translated apart from its passage, which words its verb or noun another
way than the sentence that answers it (issue 27).

The hand-written `synonym` glossary of zh.toml cannot hold that vocabulary; the dictionary
`qa.text.cedict` already reads can, read the other way: two headwords sharing a specific English
gloss stand for each other in most contexts. Specific means among a word's first two senses,
of two to four English words (one word is too often two senses: "area", "major"), shared by at
most `MAX_KIN` headwords ("to establish" has more, too many to vouch for one another), not of
stop words only ("to be", "to have"), and none of zh.toml's `vague_gloss` ("to make", "to
take"). Glosses are compared with their parentheses, articles and a trailing preposition dropped
("to be located at" is "to be located"), "to" kept: the verb "to sign" is no noun "sign". Names
(capitalised pinyin) have no kin. `MAX_KIN` was fitted on the worst of the dev sets' near misses
and entity swaps (eval/bench/swaps.py), not the average: up to 5 nothing moves on them; from 6,
"to merge" (6 headwords) lets one more drcd_test swap through (并入 held by 合并 in the right
article lifts a window naming the swapped entity), while the dev sets' answers gain nothing more
("to sign" 8, "to pass through" 9 and "to found" 7 are left out with it).

At question time the question is cut into the dictionary's words, longest first (forward
maximum matching: 巴拿马运河 is one word and no 马运), and each word with kin is given with them;
a sentence writes a kin word when cutting it from its end gives that word (`writes`: 该区位于
holds 位于, not 区位).

The index (every headword of two to four characters, kin for those that have any) is built
from the same dictionary file in ~1 s and kept as a pickle in the user cache folder beside
cedict's (`qa.text.index_cache`), rebuilt when the dictionary or what reads it changes; loading it adds ~20 ms to a cold
`qa ask` with a Chinese question (measured after the rest of the read path is imported, on a
loaded 2-core machine; 70 ms as 100,000 strings, hence `pack`), under the ~50 ms that would
call for loading it only for refusals.
"""

from __future__ import annotations

import re
from functools import cache, lru_cache
from pathlib import Path

from qa.text import lexicon
from qa.text.script import to_simplified

__all__ = ["MAX_KIN", "is_plain", "is_word", "kin_words", "word_starts", "writes"]

MAX_KIN = 5  # headwords a gloss may have and still vouch for each of them (fitted: module docstring)
# ... for the word a question asks about, said by the quote itself (`slots.said_by_kin`), where a
# missing word refuses. Measured at 8 and 20 on the zh dev sets and their near misses, train30's
# near misses, seed, cmrc_trial and drcd_test: 8 lets 率领 say 指挥 ("to command", zh_xwiki9), 20
# also 撤出 say 退出 ("to withdraw", 14 headwords: cmrc_trial +1); no near miss answered, no right
# answer lost at either. 15: the smallest that holds both (kin only grow with the limit)
MAX_FOCUS_KIN = 15
_LONGEST = 4
_READING = 5  # how `build` reads the dictionary: a new number rebuilds the cached index
_SENSES = 2  # a word's first senses only: 位于's third gloss, "to lie", would make it kin of 说谎
_MIN_WORDS = 2  # "to found", "to be located", "research vessel": one English word is too often two ("area", "major")
_PARENS = re.compile(r"\([^)]*\)")
_ARTICLE = re.compile(r"^(?:a|an|the) ")
_WORD = re.compile(r"[a-z]+(?:['-][a-z]+)*")
_TRAILING = ("at", "in", "on", "to", "of", "with", "from", "by", "for", "as", "into")


def kin_words(question: str, most: int = MAX_KIN) -> tuple[tuple[str, tuple[str, ...]], ...]:
    """(word, its kin) for each dictionary word of `question` (folded to Simplified characters)
    that has any, in the order written, kin through glosses of at most `most` headwords; () when
    the dictionary is not installed."""
    return _kin_words(to_simplified(question), most)


@lru_cache(maxsize=64)
def _kin_words(question: str, most: int) -> tuple[tuple[str, tuple[str, ...]], ...]:
    heads, kin, _ = _index(most)
    return tuple((word, tuple(kin[word].split("|"))) for word in _words(question, heads) if word in kin)


def writes(text: str, word: str) -> bool:
    """Does `text` (folded to Simplified characters) write `word` as a word of its own, the text
    cut from its end (backward maximum matching, which errs less often in Chinese than from the
    start): 该区位于 is 该|区|位于, and holds 区位 ("location") only across two words."""
    if word not in text:
        return False
    return word in _words(text, _index(MAX_KIN)[0], backward=True)


def word_starts(text: str) -> frozenset[int]:
    """Offsets where `text` (a run of Chinese characters folded to Simplified) starts a word when
    cut into the dictionary's words, longest first from the start, a character left alone being a
    word of its own; frozenset() when the dictionary is not installed."""
    heads = _index(MAX_KIN)[0]
    if not heads:
        return frozenset()
    starts, i = set(), 0
    while i < len(text):
        starts.add(i)
        i += next((n for n in range(_LONGEST, 1, -1)
                   if len(text[i:i + n]) == n and f"|{text[i:i + n]}|" in heads.get(text[i], "")), 1)
    return frozenset(starts)


def is_word(word: str) -> bool:
    """Is `word` (two to four characters, Simplified) a headword of the dictionary, name or not (火星,
    月球, 东京)? False without the dictionary."""
    return f"|{word}|" in _index(MAX_KIN)[0].get(word[:1], "")


def is_plain(word: str) -> bool:
    """Is `word` (two to four characters, Simplified) a dictionary word that is no name (its entries
    have lower-case pinyin: 市场, 来源; not 墨西哥, nor 火星, a spark but also Mars)? False without
    the dictionary."""
    return f"|{word}|" in _index(MAX_KIN)[2].get(word[:1], "")


def _words(text: str, heads: dict[str, str], backward: bool = False) -> list[str]:
    """`text` cut into the dictionary's words of two to four characters, the longest that fits
    taken first, from the start or from the end; the characters between are left out."""
    out = []
    if backward:
        text = text[::-1]
    i = 0
    while i < len(text):
        for n in range(_LONGEST, 1, -1):
            word = text[i:i + n][::-1] if backward else text[i:i + n]
            if len(word) == n and f"|{word}|" in heads.get(word[0], ""):
                out.append(word)
                i += n
                break
        else:
            i += 1
    return out


def gloss_key(gloss: str) -> str:
    """A gloss as it is compared: parentheses, a leading article and a trailing preposition out,
    lower case, "to" kept; "" when it is no plain phrase of one to four words."""
    gloss = _ARTICLE.sub("", " ".join(_PARENS.sub("", gloss).lower().split()))
    words = gloss.split()
    if len(words) > 1 and words[-1] in _TRAILING:
        words = words[:-1]
    if not _MIN_WORDS <= len(words) <= 4 or not all(_WORD.fullmatch(w) for w in words):
        return ""
    return " ".join(words)


def is_specific(key: str) -> bool:
    """Can a gloss vouch for the words sharing it: not one of `vague_gloss`, not stop words only?"""
    if key in _vague():
        return False
    stop = _stop_words()
    return any(w not in stop for w in key.split())


@cache
def _vague() -> frozenset[str]:
    return frozenset(lexicon.words("vague_gloss"))


@cache
def _stop_words() -> frozenset[str]:
    return frozenset(lexicon.words("stop_word"))


@cache
def _index(most: int) -> tuple[dict[str, str], dict[str, str], dict[str, str]]:
    """`build`'s index packed as few strings, which unpickle ~4x faster than 100,000 ones: the
    headwords by first character ("|位于|位居|"), each word's kin joined by "|", the plain words
    (`is_plain`) by first character."""
    from qa.text.cedict import dictionary_file
    from qa.text.index_cache import cached, index_path

    source = dictionary_file()
    if source is None:
        return {}, {}, {}
    # rebuilt when the dictionary or what reads it changes (the vague glosses, the stop words); one
    # kind per `most`: both limits are read in one process, and neither is the other's stale copy
    reading = repr((sorted(_vague()), sorted(_stop_words()), _SENSES, _MIN_WORDS, most, _READING))
    return cached(index_path(f"gloss-kin-{most}", reading, source, "pickle"), lambda: pack(*build(source, most)))


def pack(heads: frozenset[str], kin: dict[str, tuple[str, ...]],
         plain: frozenset[str]) -> tuple[dict[str, str], dict[str, str], dict[str, str]]:
    return _by_first(heads), {word: "|".join(others) for word, others in kin.items()}, _by_first(plain)


def _by_first(words: frozenset[str]) -> dict[str, str]:
    by_first: dict[str, list[str]] = {}
    for word in sorted(words):
        by_first.setdefault(word[0], []).append(word)
    return {first: f"|{'|'.join(group)}|" for first, group in by_first.items()}


def build(source: Path, most: int) -> tuple[frozenset[str], dict[str, tuple[str, ...]], frozenset[str]]:
    """(every headword of two to four characters, kin of each word that has any, the headwords
    with an entry that is no name) from the dictionary file `source` (CC-CEDICT's format, gzip)."""
    from qa.text.cedict import WORD_HEADWORD, entries, is_name, senses

    heads: set[str] = set()
    plain: set[str] = set()
    names: set[str] = set()
    by_gloss: dict[str, list[str]] = {}
    for head, rest in entries(source, WORD_HEADWORD):
        heads.add(head)
        if is_name(rest):  # 北京, 山东
            names.add(head)
            continue
        plain.add(head)
        for sense in senses(rest)[:_SENSES]:
            # a sense's wordings ("to produce; to manufacture") count when its first one is
            # specific: 设有 "to have; to incorporate" says nothing specific, and is no 并入
            keys = [gloss_key(part) for part in sense.split(";")]
            if keys[0] and is_specific(keys[0]):
                for key in keys:
                    if key and is_specific(key):
                        by_gloss.setdefault(key, []).append(head)
    kin: dict[str, dict[str, None]] = {}
    for words in by_gloss.values():
        words = list(dict.fromkeys(words))
        if 2 <= len(words) <= most:
            for w in words:
                kin.setdefault(w, {}).update(dict.fromkeys(o for o in words if o != w))
    # a word that is also a name is no plain word: 火星 is a spark and Mars, and a question about Mars
    # over pages that never name it must keep missing it
    return frozenset(heads), {w: tuple(others) for w, others in kin.items()}, frozenset(plain - names)
