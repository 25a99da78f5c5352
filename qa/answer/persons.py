"""A who-question's short answer cut to the person's name (`qa.answer.short`): of a span holding
one transliterated name, its parts joined by the dot, that name ("葡萄牙的安娜·里贝罗以2:26:05的成绩"
-> 安娜·里贝罗, "巴黎内克尔医院工作的法国医生勒内·雷奈克" -> 勒内·雷奈克); and where the question's
words place no one, the one such name of the best sentence, in a clause saying some of the
question (`only_dotted`: 谁是市场经理 over "市场经理罗莎·德尔加多说…"). Translated text (XQuAD-like)
and DRCD write most foreign names so.

A name's first part runs back from the dot over Chinese characters up to a particle (`name_stop`),
the end of a title, post or kin word (`name_title_end`, `role`, `name_title`: 总理曼莫汉·辛格), at
most `FIRST_PART` characters; its last part forward up to a particle or a mark, at most `LAST_PART`,
and before a verb of saying or the question's own words (德尔加多说, 史翠普|提名). Where a verb may be
glued to it (斯卡利格定义的) the name's end is not certain, and `only_dotted` names no one: past its
first three characters a last part must be written in the transliteration tables' characters
(zh.toml `sounds`). The characters are data (zh.toml)."""

from __future__ import annotations

import re

from qa.answer.spans import CLOSING, OPENING, clause_start, joined_pairs, pairs, sentences
from qa.text import lexicon
from qa.text.cjk import CJK, HAN

__all__ = ["dotted_name", "only_dotted"]

FIRST_PART = 5  # 约翰内斯, 弗朗西斯科: the longest a transliterated given name runs
LAST_PART = 8  # 谢苗诺维奇, 加姆萨胡尔季阿: a last part runs longer than a given name
_STOP = frozenset(lexicon.words("name_stop"))
_CLAUSE_END = lexicon.regex("clause_end")
_SAYS = tuple(w for w in lexicon.words("speech_verb") if w != "任")  # 任 stands in names (任达华)
_HYPHENS = "-‐－"
_TITLE_END = frozenset(lexicon.words("name_title_end"))
_TITLES = lexicon.words("role") + lexicon.words("name_title")
_SOUNDS = frozenset(lexicon.load("zh")["sounds"]["chars"])  # the transliteration tables' characters
# a dotted name, a Latin initial among its parts (威廉·G·摩根)
_PART = f"(?:(?![{''.join(sorted(_STOP))}])[{HAN}])+"  # none across a particle: 汉斯·迈耶|和|…路德维希·普尔切勒
_DOTTED = re.compile(f"{_PART}(?:·(?:{_PART}|[A-Z]\\.?))*·{_PART}")


def dotted_name(text: str, start: int, end: int, q: str = "") -> tuple[int, int]:
    """text[start:end] cut to the one transliterated name it holds, or as it is (no dot, two names)."""
    return _dotted(text, start, end, q)[:2]


def _dotted(text: str, start: int, end: int, q: str) -> tuple[int, int, bool]:
    """(start, end) of the name and whether its end is certain: a particle, a mark or the span's end
    after it, or a verb of saying or the question's own words (德尔加多说, 史翠普|提名 for …提名的是谁)."""
    dots = [i for i in range(start, end) if text[i] == "·"]
    if not dots or any(b - a > LAST_PART + 1 or not all(map(_part, text[a + 1:b])) for a, b in zip(dots, dots[1:])):
        return start, end, False  # no dotted name, or two of them (A·B和C·D): the span says them both
    first = dots[0]
    while first > start and dots[0] - first < FIRST_PART and _part(text[first - 1]) and text[first - 1] not in _TITLE_END:
        first -= 1
    posts = [at + len(r) for r in _TITLES if (at := text.rfind(r, max(start, first - len(r)), dots[0])) >= 0]
    first = max([first, *posts])  # 市场经理|罗莎·德尔加多, 教练|赫尔伯特: a post before the name (`role`, `name_title`)
    last = dots[-1] + 1
    while last < end and last - dots[-1] <= LAST_PART and _part(text[last]):
        last += 1
    while last + 1 < end and text[last] in _HYPHENS and _part(text[last + 1]):  # 克伦贝格尔-乔西
        last += 2
        while last < end and _part(text[last]):
            last += 1
    said = _said_after(text, dots[-1] + 1, last, q)
    ended = last >= len(text) or not _part(text[last]) and text[last] not in _HYPHENS
    # a verb glued to the name before a particle (斯卡利格定义的, 爱因斯坦发表论文) is told from the name
    # by the characters the transliteration tables write: past its first three, a last part of theirs
    # only (古腾堡, 勃拉姆斯, 德尔加多; not 霍尔领导, 斯卡利格定义)
    part = text[dots[-1] + 1:last]
    certain = said < last or ended and all(c in _SOUNDS or c in _HYPHENS for c in part[3:])
    last = said
    if first == dots[0] or last <= dots[-1] + 1:
        return start, end, False
    return first, last, certain


def _said_after(text: str, start: int, end: int, q: str) -> int:
    """Where a verb of saying (`speech_verb`: 说, 表示) or two characters the question says (提名,
    认为) start in a name's last part text[start:end] after its second character, else `end`."""
    asked = pairs(q)
    for at in range(start + 2, end):
        if text.startswith(_SAYS, at) or text[at:at + 2] in asked:
            return at
    return end


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
        first, last, certain = _dotted(text, m.start(), m.end(), q)
        if not certain:
            continue  # 德里克·罗勃兹因而: where the name ends is not known
        name = text[first:last]
        if _bracketed(text, first) or any(part in q for part in re.split("[·.]", name) if len(part) >= 2):
            continue
        clause = text[clause_start(text, first, start):_clause_end(text, last, stop)]
        if not asked & joined_pairs(clause.replace(name, "")):
            continue  # "作为迭戈·米利托转会交易的一部分，…被热那亚外借到亚特兰大": the doer is in another clause
        found.add((first, last))
    return found.pop() if len(found) == 1 else None


def _clause_end(text: str, at: int, stop: int) -> int:
    """Where the clause the name ending at `at` stands in ends, past the bracket after the name
    (汤玛斯·霍尔兹（Thomas R. Holtz）正式建立…)."""
    if at < len(text) and text[at] in "（(" and (close := text.find("）" if text[at] == "（" else ")", at)) > 0:
        at = close + 1
    end = _CLAUSE_END.search(text, at, stop)
    return end.start() if end else stop


def _bracketed(text: str, at: int) -> bool:
    """Is `at` inside a bracket or a title (《哈利·波特》)?"""
    depth = 0
    for c in text[:at]:
        depth += (c in OPENING) - (c in CLOSING)
    return depth > 0
