"""Transliterated names that sound alike (issue 27). A question translated from English writes a
foreign name in characters of its own choosing, the passage in others: 拉埃内克 where the passage
says 雷奈克 (Laennec), 格威奇因语 for 哥威迅语 (Gwich'in). No character pair is shared, so the name
counts against the window's support and may be read as a name the passages never mention.

A *transliteration* is a run of `min_run` or more characters of zh.toml's `[sounds] chars` (the
characters transliteration tables use) that is no dictionary word. Two transliterations are one
name when their pinyin syllables align (`cost`: an edit distance over syllables, where a near
initial or final costs `near`, a weak syllable a translation adds or drops costs `weak_gap`, any
other `gap`) within `tolerance` per syllable of the longer, and their first syllables agree.
Chinese names are two or three characters mostly outside that set, so 张伟 and 章伟, two people
with one sound, are never merged; only runs the question and the text write differently are
compared, so a question whose names the passage writes as it does pays nothing but one regex.
A run of two is read only before a place generic (zh.toml `short_before`: 罗纳河 for 罗讷河, Rhône),
against the two characters, of any kind, that the text writes before the same generic.

The readings are pypinyin's per-character table (`qa.text.pinyin.char_sounds`), every reading of
a character tried (长: chang, zhang).

A passage translated from English also gives a name's English once, in brackets after its own
Chinese name (鸮鹦鹉（kakapo）), which the question may transliterate instead (卡卡波): a
transliteration is *spelled* by a Latin word of four letters or more when its pinyin (kakabo) is
within `latin_tolerance` edits per letter of it, a near letter (`near_letters`: b/p, l/r) costing
half, first letters alike or near (`spelled_names`). Kept strict (Harris is not 哈里森): a name
missed costs a refusal, a name taken for another a confident wrong answer.
"""

from __future__ import annotations

import re
from functools import lru_cache

from qa.text.cjk import HAN
from qa.text.pinyin import char_sounds

__all__ = ["alike", "cost", "sounded", "spelled", "spelled_names", "transliterations"]

_INITIALS = ("zh", "ch", "sh", "b", "p", "m", "f", "d", "t", "n", "l", "g", "k", "h", "j", "q", "x", "r",
             "z", "c", "s", "y", "w")


@lru_cache(maxsize=1)
def _data() -> dict:
    from qa.text import lexicon

    d = lexicon.load("zh")["sounds"]

    def groups(name: str) -> frozenset[tuple[str, str]]:  # a sound may be near those of several groups
        return frozenset((a, b) for line in d[name] for a in line.split() for b in line.split())

    return {"run": re.compile(f"[{d['chars']}]{{{d['min_run']},}}"), "min_run": d["min_run"],
            "short": re.compile(f"(?<![{d['chars']}])[{d['chars']}]{{2}}(?=[{d['short_before']}])"),
            "before": re.compile(f"([{HAN}]{{2}})(?=([{d['short_before']}]))"),
            "initials": groups("near_initials"), "finals": groups("near_finals"), "weak": frozenset(d["weak"]),
            "letters": frozenset((a, b) for group in d["near_letters"] for a in group for b in group),
            "length_gap": d["length_gap"], "latin_tolerance": d["latin_tolerance"], "near": d["near"],
            "weak_gap": d["weak_gap"], "gap": d["gap"], "tolerance": d["tolerance"]}


def _split(syllable: str) -> tuple[str, str]:
    initial = next((i for i in _INITIALS if syllable.startswith(i) and len(syllable) > len(i)), "")
    return initial, syllable[len(initial):]


def _close(a: str, b: str, pairs: frozenset[tuple[str, str]]) -> bool:
    return a == b or (a, b) in pairs


@lru_cache(maxsize=4096)
def _pair(a: str, b: str) -> float:
    """What aligning syllable `a` with `b` costs: 0 alike, `near` for a near initial or final
    (or both), else never (inf): two syllables that differ more are one dropped and one added, so
    that Frank / Franz (弗兰克 / 弗兰茨: ke, ci) and Anderson / Andrew are other names."""
    d = _data()
    if a == b:
        return 0.0
    (ia, fa), (ib, fb) = _split(a), _split(b)
    return d["near"] if _close(ia, ib, d["initials"]) and _close(fa, fb, d["finals"]) else float("inf")


def _drop(readings: frozenset[str]) -> float:
    d = _data()
    return d["weak_gap"] if readings & d["weak"] else d["gap"]


def _readings(run: str) -> list[frozenset[str]] | None:
    out = [char_sounds(c) for c in run]
    return None if any(r is None for r in out) else out  # type: ignore[return-value]


def cost(a: str, b: str) -> float:
    """The cheapest alignment of the syllables of `a` and `b` (see the module doc); inf when a
    character has no reading."""
    ra, rb = _readings(a), _readings(b)
    if ra is None or rb is None:
        return float("inf")
    sub = [[min(_pair(x, y) for x in sa for y in sb) for sb in rb] for sa in ra]
    prev = [0.0]
    for j in range(len(rb)):
        prev.append(prev[-1] + _drop(rb[j]))
    for i in range(len(ra)):
        row = [prev[0] + _drop(ra[i])]
        for j in range(len(rb)):
            row.append(min(prev[j] + sub[i][j], prev[j + 1] + _drop(ra[i]), row[j] + _drop(rb[j])))
        prev = row
    return prev[-1]


def alike(a: str, b: str) -> bool:
    """Are transliterations `a` and `b` one name: first syllables alike or near, and the whole
    within `tolerance` per syllable of the longer?"""
    d = _data()
    if a == b:
        return True
    if abs(len(a) - len(b)) > d["length_gap"]:
        return False  # 莫扎伊斯克 / 莫斯科 (Mozhaysk, Moscow): two syllables dropped make another name
    ra, rb = _readings(a[:1]), _readings(b[:1])
    if not ra or not rb or min(_pair(x, y) for x in ra[0] for y in rb[0]) > d["near"]:
        return False
    return cost(a, b) <= d["tolerance"] * max(len(a), len(b))


@lru_cache(maxsize=256)
def transliterations(text: str) -> tuple[str, ...]:
    """The transliterations of `text` (folded to Simplified): runs of transliteration characters
    that are no dictionary word (`qa.text.gloss_kin.is_word`: 意大利 is a word, 雷奈克 is not)."""
    from qa.text.gloss_kin import is_word

    return tuple(dict.fromkeys(m.group(0) for m in _data()["run"].finditer(text) if not is_word(m.group(0))))


def sounded(question: str, text: str) -> tuple[str, ...]:
    """The transliterations of `question` that `text` does not write, not even `min_run` characters
    of, but writes one alike of (拉埃内克 in a text saying 雷奈克); both folded."""
    n = _data()["min_run"]
    # a run the text writes in part is a name written as it is, plus a character of the next word
    # (兰比尔因为: 兰比尔因 is no name the text lacks)
    mine = [t for t in transliterations(question) if not any(t[i:i + n] in text for i in range(len(t) - n + 1))]
    theirs = [m.group(0) for m in _data()["run"].finditer(text)] if mine else []
    found = [t for t in mine if any(alike(t, o) for o in theirs)]
    return tuple(found + _short_sounded(question, text))


def _short_sounded(question: str, text: str) -> list[str]:
    """The two-character transliterations of `question` before a place generic (罗纳河) that `text`
    writes in two other characters of a like sound before the same generic (罗讷河)."""
    d = _data()
    mine = [(m.group(0), question[m.end()]) for m in d["short"].finditer(question) if m.group(0) not in text]
    if not mine:
        return []
    theirs = {(m.group(1), m.group(2)) for i in range(len(text) - 2) if (m := d["before"].match(text, i))}
    return [t for t, generic in mine if any(g == generic and alike(t, o) for o, g in theirs)]


def spelled_names(question: str, text: str) -> tuple[str, ...]:
    """The transliterations of `question` that `text` does not write but spells in Latin letters
    (卡卡波 in a passage saying 鸮鹦鹉（kakapo）): a passage translated from English gives a name's
    English once, in brackets after its own Chinese name, which a question translated apart may
    transliterate instead. The name is then the passage's, though only one sentence spells it."""
    n = _data()["min_run"]
    mine = [t for t in transliterations(question) if not any(t[i:i + n] in text for i in range(len(t) - n + 1))]
    if not mine:
        return ()
    latin = tuple(dict.fromkeys(w.lower() for w in _LATIN.findall(text)))
    return tuple(t for t in mine if any(spelled(t, w) for w in latin))


_LATIN = re.compile(r"[A-Za-z]{4,}")


@lru_cache(maxsize=4096)
def spelled(run: str, word: str) -> bool:
    """Is `word` (a Latin word of the text, lower case: the English a translated passage gives in
    brackets, 鸮鹦鹉（kakapo）) spelled as the pinyin of the transliteration `run` reads (卡卡波:
    kakabo), first letters alike or near and the rest within `_data()["latin_tolerance"]` edits per
    letter of the longer, a near letter costing half?"""
    readings = _readings(run)
    if not readings or len(word) < 4:
        return False
    tolerance = _data()["latin_tolerance"]
    for spelling in _spellings(tuple(readings)):
        if spelling[0] == word[0] or (spelling[0], word[0]) in _data()["letters"]:
            if _letters_cost(spelling, word) <= tolerance * max(len(spelling), len(word)):
                return True
    return False


def _spellings(readings: tuple[frozenset[str], ...]) -> list[str]:
    """The pinyin spellings of a run (each character's readings tried), at most 16."""
    out = [""]
    for r in readings:
        out = [s + x for s in out for x in sorted(r)][:16]
    return out


def _letters_cost(a: str, b: str) -> float:
    """Edits from `a` to `b`, a letter swapped for a near one (zh.toml `near_letters`) costing half."""
    near = _data()["letters"]
    prev = [float(j) for j in range(len(b) + 1)]
    for i, x in enumerate(a, 1):
        row = [float(i)]
        for j, y in enumerate(b, 1):
            sub = 0.0 if x == y else 0.5 if (x, y) in near else 1.0
            row.append(min(prev[j - 1] + sub, prev[j] + 1, row[j - 1] + 1))
        prev = row
    return prev[-1]
