"""A who-question's short answer cut to the person's name (`qa.answer.short`): of a span holding
one transliterated name, its parts joined by the dot, that name ("葡萄牙的安娜·里贝罗以2:26:05的成绩"
-> 安娜·里贝罗, "巴黎内克尔医院工作的法国医生勒内·雷奈克" -> 勒内·雷奈克). A part runs from the dot
over Chinese characters up to one of `name_stop` (the particles and prepositions around a name, the
last character of a post or a nationality before it) or another mark; the first part at most
`FIRST_PART` characters, the last `LAST_PART`. Translated text (XQuAD-like) writes most foreign
names so; the spans the fence gives carry the name's description before it and its manner after.
The characters are data (zh.toml `name_stop`)."""

from __future__ import annotations

import re

from qa.answer.spans import OPENING, CLOSING, joined_pairs, sentences
from qa.text import lexicon
from qa.text.cjk import CJK, HAN

__all__ = ["dotted_name", "only_dotted"]

FIRST_PART = 5  # 约翰内斯, 弗朗西斯科: the longest a transliterated given name runs
LAST_PART = 6
_STOP = frozenset(lexicon.words("name_stop"))
_TITLE_END = frozenset(lexicon.words("name_title_end"))
_ROLES = lexicon.words("role")
_SOUNDS = frozenset(lexicon.load("zh")["sounds"]["chars"])  # the transliteration tables' characters
# a dotted name, a Latin initial among its parts (威廉·G·摩根)
_PART = f"(?:(?![{''.join(sorted(_STOP))}])[{HAN}])+"  # none across a particle: 汉斯·迈耶|和|…路德维希·普尔切勒
_DOTTED = re.compile(f"{_PART}(?:·(?:{_PART}|[A-Z]\\.?))*·{_PART}")


def dotted_name(text: str, start: int, end: int) -> tuple[int, int]:
    """text[start:end] cut to the one transliterated name it holds, or as it is (no dot, or two names)."""
    dots = [i for i in range(start, end) if text[i] == "·"]
    if not dots or any(b - a > LAST_PART + 1 or not all(map(_part, text[a + 1:b])) for a, b in zip(dots, dots[1:])):
        return start, end  # no dotted name, or two of them (A·B和C·D): the span says them both
    first = dots[0]
    while first > start and dots[0] - first < FIRST_PART and _part(text[first - 1]) and text[first - 1] not in _TITLE_END:
        first -= 1
    last = dots[-1] + 1
    while last < end and last - dots[-1] <= LAST_PART and _part(text[last]):
        last += 1
    last = _unsaid(text, dots[-1] + 1, last)
    if first == dots[0] or last == dots[-1] + 1:
        return start, end
    posts = [text.rfind(r, first, dots[0]) + len(r) for r in _ROLES if text.rfind(r, first, dots[0]) >= 0]
    first = max([first, *posts])  # 市场经理|罗莎·德尔加多: a post right before the name (`role`)
    return (first, last) if first < dots[0] else (start, end)


def _unsaid(text: str, start: int, end: int) -> int:
    """The end of a name's last part text[start:end] without the verb written right after it
    (德尔加多说, 德弗里斯创作, 雷赛布获得): the characters at its end that no transliteration table
    writes, one (说) or more, when two of the table's or more stand before them (古腾堡 stays)."""
    cut = end
    while cut > start and text[cut - 1] not in _SOUNDS:
        cut -= 1
    return cut if cut - start >= 2 and sum(c in _SOUNDS for c in text[start:cut]) >= 2 else end


def _part(char: str) -> bool:
    return bool(CJK.match(char)) and char not in _STOP


def only_dotted(q: str, text: str) -> tuple[int, int] | None:
    """The one transliterated name of the sentence of `text` that says the most of the question's
    character pairs, when the question names no part of it and asks who ("谁是市场经理" over
    "市场经理罗莎·德尔加多说…", "谁研制了…印刷机" over "…是由约翰内斯·古腾堡于1440年左右…发明的"):
    where the question's words place no one, a translated sentence naming one foreign person
    other than the question's names its doer. None when it names two (汉斯·迈耶和路德维希·普尔切勒)
    or none, or the name is inside a title or brackets."""
    asked = joined_pairs(q)
    start, stop = max(sentences(text), key=lambda s: len(asked & joined_pairs(text[s[0]:s[1]])))
    found = set()
    for m in _DOTTED.finditer(text, start, stop):
        first, last = dotted_name(text, m.start(), m.end())
        name = text[first:last]
        if _bracketed(text, first) or any(part in q for part in re.split("[·.]", name) if len(part) >= 2):
            continue
        found.add((first, last))
    return found.pop() if len(found) == 1 else None


def _bracketed(text: str, at: int) -> bool:
    """Is `at` inside a bracket or a title (《哈利·波特》)?"""
    depth = 0
    for c in text[:at]:
        depth += (c in OPENING) - (c in CLOSING)
    return depth > 0
