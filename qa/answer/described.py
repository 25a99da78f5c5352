"""Is a short answer only a description of the kind the question asks (`qa.answer.short`)? "哪位作曲家"
asks a composer's name: "捷克" of "一位捷克作曲家" (the word before the asked noun) and
"法国天文学家" (the noun after a nationality or a 的) describe one, name none; "哪座城市" is not
answered by "其主要城市" (the noun after an anaphor). A place or thing written with its kind
("吕贝克市", "北京大学") is a name, so only a person's span is held to the first two tests. The
asked noun is the question's words right after its question word (哪…, 什么), two characters or more."""

from __future__ import annotations

import re

from qa.text import lexicon

__all__ = ["describes_kind"]

_NATION = "国"  # 法国天文学家: a nationality describes a person (中兴大学 for 哪位大学 names a place)
_NOUN_TAKING = ("哪", "什么")  # question words a noun follows (哪位作曲家, 什么人), not 谁 or 多少
_ANAPHOR = tuple(lexicon.words("anaphor")) + ("其",)


def describes_kind(q: str, asked: re.Match | None, text: str, start: int, end: int, wants: str) -> bool:
    if asked is None or not asked.group(0).startswith(_NOUN_TAKING):
        return False  # 谁发现: the words after 谁 are its verb, not a noun it asks
    noun = q[asked.end():]
    span = text[start:end]
    for k in range(len(noun), 1, -1):  # the longest start of the asked noun the quote writes there
        kind = noun[:k]
        if wants == "person" and text.startswith(kind, end):
            return True  # 捷克|作曲家
        if span.endswith(kind) and len(span) > k:
            before = span[:-k]
            return before.startswith(_ANAPHOR) or wants == "person" and (before.endswith(_NATION) or "的" in before)
    return False
