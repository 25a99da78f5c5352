"""The short answer to a question asking what something is called ("雄性蜜蜂叫什么?", "释放氧气的小孔
叫什么?") in a sentence that names it with a calling verb: "被称为雄蜂的雄性蜜蜂…" (the name before
的 and the thing it names), "地表以下的熔融岩石被称为岩浆" (the thing, then the verb and the name).
Translated text writes names so; the fence of `qa.answer.short` then finds only the question's
thing ("雄性蜜蜂") and takes what the sentence goes on to say of it ("不采集食物") for its name.

The thing is the clause before the verb (the name then runs to the clause's end), or the words
after a 的 that follows the name (the name then ends there: "被称为大学生的城市" names no 城市 unless
the question asks of one); it must share a pair of characters with the question's words before its
question word (`pairs`: 小孔, 岩石, 蜜蜂), and of several readings, the one sharing most names. A
name has at most `NAME_CHARS` characters; where none is found, the other passes of the picker read
the question. The verbs are data (`qa/text/lexicon/zh.toml`: `calling_verb`).
"""

from __future__ import annotations

import re

from qa.answer.spans import CLOSING, OPENING, clause_start, longest_first, pairs, trim
from qa.text import lexicon

__all__ = ["NAME_CHARS", "called", "calls"]

NAME_CHARS = 10  # a name, not a clause
_SHARED = 2  # pairs the thing named must share with the question (one, 两个 or 棱柱, says little of it)
_NEAR = 15  # characters before the verb where the thing it names is written
_VERBS = longest_first(lexicon.words("calling_verb"))
_ASK = lexicon.regex("called_q")
_CLAUSE_END = lexicon.regex("clause_end")


def calls(text: str) -> bool:
    """Does `text` name something with a calling verb?"""
    return any(v in text for v in _VERBS)


def called(q: str, text: str) -> tuple[int, int] | None:
    """Offsets in `text` of the name it gives the thing `q` asks the name of, or None."""
    asked = _ASK.search(q)
    if asked is None:
        return None
    thing = pairs(q[:asked.start()])
    best, score = None, 0
    for m in re.finditer("|".join(map(re.escape, _VERBS)), text):
        before = text[max(clause_start(text, m.start()), m.start() - _NEAR):m.start()]
        mark = text[m.end():m.end() + 1]
        close = CLOSING[OPENING.index(mark)] if mark and mark in OPENING else ""
        if close and (end := text.find(close, m.end() + 1)) > 0:  # 被称为「大学生的城市」之京都市区: the marks hold it
            stop = _CLAUSE_END.search(text, end)
            name = (m.end(), end + 1) if mark == "《" else (m.end() + 1, end)  # a title keeps its marks: 《红楼梦》
            readings = [(name, before + text[end + 1:stop.start() if stop else len(text)])]
        else:
            stop = _CLAUSE_END.search(text, m.end())
            limit = stop.start() if stop else len(text)
            of = text.find("的", m.end(), limit)
            readings = [(trim(text, m.end(), limit), before)]  # 熔融岩石被称为岩浆
            if of > m.end():
                readings.append((trim(text, m.end(), of), text[of + 1:limit]))  # 被称为雄蜂的雄性蜜蜂
        for name, named in readings:
            shared = len(thing & pairs(named))
            if shared >= _SHARED and shared > score and 0 < name[1] - name[0] <= NAME_CHARS \
                    and text[name[0]:name[1]] not in q:
                best, score = name, shared
    return best
