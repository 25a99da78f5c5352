"""A who-question's short answer cut to the person's name (`qa.answer.short`): of a span holding
one transliterated name, its parts joined by the dot, that name ("葡萄牙的安娜·里贝罗以2:26:05的成绩"
-> 安娜·里贝罗, "巴黎内克尔医院工作的法国医生勒内·雷奈克" -> 勒内·雷奈克). A part runs from the dot
over Chinese characters up to one of `name_stop` (the particles and prepositions around a name, the
last character of a post or a nationality before it) or another mark; the first part at most
`FIRST_PART` characters, the last `LAST_PART`. Translated text (XQuAD-like) writes most foreign
names so; the spans the fence gives carry the name's description before it and its manner after.
The characters are data (zh.toml `name_stop`)."""

from __future__ import annotations

from qa.text import lexicon
from qa.text.cjk import CJK

__all__ = ["dotted_name"]

FIRST_PART = 5  # 约翰内斯, 弗朗西斯科: the longest a transliterated given name runs
LAST_PART = 6
_STOP = frozenset(lexicon.words("name_stop"))


def dotted_name(text: str, start: int, end: int) -> tuple[int, int]:
    """text[start:end] cut to the one transliterated name it holds, or as it is (no dot, or two names)."""
    dots = [i for i in range(start, end) if text[i] == "·"]
    if not dots or any(b - a > LAST_PART + 1 or not all(map(_part, text[a + 1:b])) for a, b in zip(dots, dots[1:])):
        return start, end  # no dotted name, or two of them (A·B和C·D): the span says them both
    first = dots[0]
    while first > start and dots[0] - first < FIRST_PART and _part(text[first - 1]):
        first -= 1
    last = dots[-1] + 1
    while last < end and last - dots[-1] <= LAST_PART and _part(text[last]):
        last += 1
    if first == dots[0] or last == dots[-1] + 1:
        return start, end
    return first, last


def _part(char: str) -> bool:
    return bool(CJK.match(char)) and char not in _STOP
