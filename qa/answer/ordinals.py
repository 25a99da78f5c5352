"""Short answers to a question asking a rank by its noun (第几产业, 第几大的城市): the rank
the sentence writes with that noun ("…第二产业发达，种类繁多，第三产业以金融相关产业…为主" -> 第三产业
for 以金融相关产业为主的是第几产业).

The picker's figures carry a unit or a measure word (第3名, 第二位); a rank written with a noun
(产业, 大城市) is no figure, so it finds none. Here a rank is 第 and a number (`ordinal_span`),
kept with the characters after it that the question writes after 第几 (大的城市 -> 大城市, as the
sentence writes them), and of several the one nearest to the question's words is taken, none the
question says itself. Read only where nothing else placed an answer. The words are data
(`qa/text/lexicon/zh.toml`, "short answers").
"""

from __future__ import annotations

import re

from qa.text import lexicon
from qa.text.questions import question_terms

__all__ = ["ranked"]

_ORDINAL_Q = tuple(lexicon.words("ordinal_q"))
_ORDINAL = lexicon.regex("ordinal_span")
_CLAUSE_END = lexicon.regex("clause_end")


def ranked(q: str, text: str) -> tuple[int, int] | None:
    """The rank with the question's noun nearest to the question's words in `text`, or None."""
    asked = next((q.find(w) + len(w) for w in _ORDINAL_Q if w in q), -1)
    if asked < 0:
        return None
    after = _CLAUSE_END.split(q[asked:])[0]
    found = []
    for m in _ORDINAL.finditer(text):
        end = m.end()
        while end < len(text) and text[end] in after and end - m.end() < len(after):
            end += 1
        if end > m.end() and text[m.start():end] not in q:
            found.append((m.start(), end))
    if not found:
        return None
    anchors = [(m.start(), m.end()) for t in question_terms(q) if len(t) > 1 for m in re.finditer(re.escape(t), text)
               if not any(a <= m.start() < b for a, b in found)]  # the noun each rank writes is no anchor
    if not anchors:
        return found[0] if len(found) == 1 else None
    return min(found, key=lambda s: min(max(s[0] - b, a - s[1], 0) for a, b in anchors))
