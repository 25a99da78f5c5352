"""Short answers to a question asking whose (谁的, 哪个人的): the owner the sentence writes before the thing
owned ("是在谁的监督之下所完工" over "是在校长理察·科伯恩·麦克劳林的监督下完工" -> 校长理察·科伯恩·
麦克劳林; "并以天皇的名义征伐" -> 天皇), and a parent or kin the way a biography writes it
("史继偕是谁的儿子" over "湖广右布政使史朝宜之子": 之 and the kin word's short form, glossary `kin`).

The question's words before 谁 rarely stand before the owner as the question says them (在 for
得到, a verb the question drops), so `qa.answer.short` finds no fence; the thing owned, written
right after, places it instead. The owner is read back from "的N" (or "之K" of kin) to the last
word that introduces it (在, 以, 得到: `owner_lead`), the clause's start or another 的; it says
none of the question's words, and the quote says enough of them (`COVER`). Read before the
fence, which would take the lead word with it (并以天皇), and never for the anaphora join. The
words are data (`qa/text/lexicon/zh.toml`, "short answers").
"""

from __future__ import annotations

import re

from qa.answer.loose import covered_words
from qa.answer.spans import beside, clause_start, pairs, trim
from qa.text import lexicon

__all__ = ["OWNER_CHARS", "owner"]

OWNER_CHARS = 12  # a name with its post (湖广右布政使史朝宜), not a clause
COVER = 0.5  # share of the question's words the sentence must say
_CLAUSE_END = lexicon.regex("clause_end")
_LEAD = tuple(lexicon.words("owner_lead"))
_OF = ("的", "之")
_WHICH_NOUN = 4  # 哪位皇帝的: the noun asked by before 的
_KIN = lexicon.glossary("kin")
_EMPTY = set(lexicon.words("empty_span")) | set(lexicon.words("anaphor"))
_PRONOUN = lexicon.regex("pronoun")  # 他们的支持: named in another sentence


def owner(q: str, asked: re.Match, text: str) -> tuple[int, int] | None:
    """Who `text` says owns what the question asks 谁的 (or 哪位K的) of (see the module doc), or None."""
    word = asked.group(0)
    of = q.find(_OF[0], asked.end(), asked.end() + (1 if word == "谁" else _WHICH_NOUN + 1))
    if of < 0 or not (word == "谁" or word.startswith("哪")):
        return None
    after = _CLAUSE_END.split(q[of + 1:])[0]
    owned = after[:2]  # the thing owned, by its first two characters (将领: noun() would stop at 将)
    if len(owned) < 2:
        return None
    words = [w for w in (beside(q, asked)[0], after) if len(w) >= 2]
    size = sum(map(len, words))
    pieces = pairs(*words)
    if covered_words(words, text) < COVER * size:
        return None
    kin = [_OF[1] + k for k in _KIN.get(owned, "").split("|") if k]  # 之子 for 儿子
    for at in [*_owned_at(text, owned), *(text.find(k) for k in kin if k in text)]:
        found = _before(text, at, pieces) if at > 0 else None
        if found:
            return found
    return None


def _owned_at(text: str, owned: str) -> list[int]:
    """Where `text` writes 的 right before `owned`. A gap allowed between them (元恪的第二任皇后,
    韩遂的信任将领: 3 characters) placed two more on cmrc_trial, both with a title or era beside the
    name (F1 0.8, no exact match): left out."""
    return [m.start() - 1 for m in re.finditer(re.escape(owned), text) if text[m.start() - 1:m.start()] == _OF[0]]


def _before(text: str, at: int, pieces: set[str]) -> tuple[int, int] | None:
    """The owner written right before `at`: back to the last lead word, clause start or 的."""
    a = max([clause_start(text, at), text.rfind(_OF[0], 0, at) + 1,
             *(text.rfind(w, 0, at) + len(w) for w in _LEAD if text.rfind(w, 0, at) >= 0)])
    start, end = trim(text, a, at)
    got = text[start:end]
    if not 2 <= len(got) <= OWNER_CHARS or got in _EMPTY or _PRONOUN.match(got) or pairs(got) & pieces:
        return None
    return start, end
