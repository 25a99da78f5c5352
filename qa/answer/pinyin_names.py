"""Chinese names in English questions. An English question over Chinese passages shares no words
with them, except that it writes Chinese people and places in pinyin (Heihe, Fan Tingsong,
Duyou) where the passages write characters (黑河, 范廷颂, 督邮). `names` finds such names in a
question; `mentioned` tells whether a Chinese text holds one, reading every character with each
of its pronunciations (pypinyin's dictionary, so 长 is both chang and zhang).

A question about an article the store does not have names someone the passages never mention;
that is the strongest sign an English question gets that it cannot be answered.
"""

from __future__ import annotations

import re
import unicodedata
from functools import lru_cache

# Capitalised English words that happen to spell pinyin but name things in English.
_EXONYMS = {"china", "chinese", "mexican", "hong", "kong", "macau", "macao", "tibet", "tibetan", "yangtze", "canton", "peking",
            "manchu", "manchuria", "taipei"}
# English words that follow a Chinese name without being part of it (Xuanhan County, Huaqiang Plaza).
_KINDS = {"county", "district", "province", "city", "town", "village", "township", "subdistrict", "street", "road",
          "avenue", "plaza", "square", "park", "lake", "river", "mountain", "mountains", "island", "bay", "port",
          "bridge", "temple", "palace", "gate", "station", "airport", "zone", "area", "region", "prefecture",
          "group", "company", "co", "ltd", "corporation", "bank", "university", "college", "school", "hospital",
          "medical", "technology", "logistics", "institute", "academy", "museum", "dynasty", "emperor", "team",
          "club", "party", "committee", "center", "centre", "market", "industrial", "new", "free", "trade"}
_WORD = re.compile(r"[A-Za-z]+")
_CJK = re.compile(r"[\u3400-\u4dbf\u4e00-\u9fff]")


@lru_cache(maxsize=1)
def _syllables() -> frozenset[str]:
    """Every toneless pinyin syllable (about 400), from pypinyin's character dictionary."""
    from pypinyin.pinyin_dict import pinyin_dict

    out = set()
    for readings in pinyin_dict.values():
        for r in readings.split(","):
            plain = "".join(c for c in unicodedata.normalize("NFD", r) if not unicodedata.combining(c))
            out.add(plain.replace("ü", "u").lower())
    return frozenset(s for s in out if s.isalpha())


def split_syllables(word: str) -> list[list[str]]:
    """Every way to read `word` as pinyin syllables (Xian: xian, xi-an); [] when there is none."""
    word = word.lower()
    syllables = _syllables()
    ways: list[list[list[str]]] = [[] for _ in range(len(word) + 1)]
    ways[0] = [[]]
    for end in range(1, len(word) + 1):
        for start in range(max(0, end - 6), end):
            if ways[start] and word[start:end] in syllables:
                ways[end].extend(w + [word[start:end]] for w in ways[start][:8])
    return ways[len(word)]


def names(question: str) -> list[tuple[str, list[list[str]]]]:
    """The pinyin names of an English question, each as its possible syllable readings: runs of
    capitalised words (not the first word) that all read as pinyin and are not English exonyms,
    two syllables at least. A run with any other word (Sami Kishimoto) is a foreign name: skipped.
    Returns (the name as written, its readings)."""
    words = [(m.start(), m.group(0)) for m in _WORD.finditer(question)]
    runs, run = [], []
    for i, (_, w) in enumerate(words):
        if i > 0 and w[0].isupper() and not w.isupper() and w.lower() not in _KINDS:  # CEO, GDP: acronyms
            run.append(w)
            continue
        if run:
            runs.append(run)
        run = []
    if run:
        runs.append(run)
    out = []
    for run in runs:
        if any(w.lower() in _EXONYMS for w in run):
            continue
        readings = [split_syllables(w) for w in run]
        if not all(readings):
            continue
        combined = [[]]
        for r in readings:
            combined = [a + b for a in combined for b in r][:16]
        if min(len(c) for c in combined) >= 2:
            out.append((" ".join(run), combined))
    return out


def mentioned(readings: list[list[str]], text: str) -> bool:
    """Does Chinese `text` hold a name (one of its syllable `readings`) in consecutive characters?"""
    from pypinyin import Style, pinyin

    chars = [c for c in text if _CJK.match(c)]
    if not chars:
        return False
    sounds = [{s.replace("ü", "u").replace("v", "u") for s in r} for r in pinyin(chars, style=Style.NORMAL,
                                                                                    heteronym=True, errors="ignore")]
    for reading in readings:
        n = len(reading)
        for i in range(len(sounds) - n + 1):
            if all(reading[j] in sounds[i + j] for j in range(n)):
                return True
    return False
