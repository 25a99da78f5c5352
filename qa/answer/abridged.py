"""Is a Chinese question's focus or event word written in the passage as a compound of one of its
characters? Chinese shortens a word inside a compound: a show first broadcast is 首播, not 第一次
播出; and lengthens a noun of one character into a word of two after a modifier (德国船 /
德国轮船). A question translated apart from its passage (zh_xwiki, zh_translated) or written by
another hand (CMRC) says one form, the passage the other; the focus check
(`qa.answer.slots.gaps`) found no word and refused ("电视剧《鳄鱼泪》第一次播出是什么时候？" over
"1978年4月23日首播", "1916年沉没的那艘德国船如今叫什么名字？" over "德国轮船“格拉夫·冯·格岑”号").
The classes are data (zh.toml `first_abridged`, the synonym class `first_time`).

An event not asked as a first one is not said by its first time (何时播出 over 首播 would be right
too, but a question without 第一次 may ask a rerun). Tried and dropped: the head of an institution
as its kind's character and 长 (医院的主任 -> 院长): a hospital's 主任 heads a department, the
project's choice since 6b3eb3f (test_slots), so the one question it served stays refused.
"""

from __future__ import annotations

import re

from qa.text import lexicon
from qa.text.cjk import HAN

_FIRST = lexicon.words("first_abridged")
_FIRST_ASKED = lexicon.glossary("synonym")["first_time"].split("|")


def first_abridged(question: str, word: str, text: str) -> bool:
    """`word` an event (播出) asked as done the first time (第一次, 首次) that `text` writes as the
    first-time prefix and one of its characters (首播)."""
    return any(f in question for f in _FIRST_ASKED) and any(p + c in text for p in _FIRST for c in word)


def head_lengthened(word: str, text: str) -> bool:
    """`word` ends in a noun of one character (德国船) that `text` writes as a word of two after
    the same modifier (德国轮船: 轮船 a CC-CEDICT word ending in 船)."""
    from qa.text.gloss_kin import is_word

    if len(word) < 3:
        return False
    return any(is_word(m.group(1) + word[-1])
               for m in re.finditer(re.escape(word[:-1]) + r"([" + HAN + r"])" + re.escape(word[-1]), text))


def abridged(question: str, word: str, text: str) -> bool:
    """Does `text` say `word` as a compound of one of its characters (`first_abridged`,
    `head_lengthened`)?"""
    return first_abridged(question, word, text) or head_lengthened(word, text)


def agent_verb(word: str) -> str:
    """The verb of an agent noun (创造者 -> 创造: zh.toml `agent_suffix`), whose kin say the noun
    (创作 for 创造者: `qa.answer.slots.said_by_kin`), or ""."""
    return word[-3:-1] if len(word) >= 3 and word[-1] in lexicon.words("agent_suffix") else ""
