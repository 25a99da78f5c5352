"""The longest list a sentence writes (A、B和C), as one short answer: a question asking for several
things (哪些) whose words place nothing in the sentence is answered by it (`qa.answer.short`). The
marks and words that join a list's items are data (`qa/text/lexicon/zh.toml`, "short answers")."""

from __future__ import annotations

import re

from qa.answer.spans import LEAD, trim
from qa.text import lexicon

__all__ = ["listed"]

_CLAUSE_END = lexicon.regex("clause_end")
_LIST_MARK = lexicon.words("list_mark")
_LIST_JOIN = lexicon.words("list_join")
_LIST_END = lexicon.words("list_end")


def listed(text: str) -> tuple[int, int] | None:
    """The longest list in `text` (A、B、C和D) as one span, for a question asking for several
    things whose words did not place the answer. What the clause says before the list ends at a
    lead word (包括) in the first item, else that item is cut to the length of the longest inner
    one; the last item is cut so too, unless it joins two (B和C): 她能够流利讲意大利语 -> 意大利语,
    曾之乔主演 -> 曾之乔. Marks inside 《》 split no list."""
    best = None
    start = 0
    for stop in [*(m.start() for m in _CLAUSE_END.finditer(text)), len(text)]:
        depth, cuts = 0, []
        for i in range(start, stop):
            depth += (text[i] == "《") - (text[i] == "》")
            if text[i] in _LIST_MARK and depth <= 0:
                cuts.append(i)
        if cuts and (best is None or len(cuts) > len(best[2])):
            best = (start, stop, cuts)
        start = stop + 1
    if best is None:
        return None
    start, stop, cuts = best
    bounds = [start - 1, *cuts, stop]
    lengths = [bounds[i + 1] - bounds[i] - 1 for i in range(len(bounds) - 1)]
    first_end, last_start = cuts[0], cuts[-1] + 1
    last = re.split("|".join(map(re.escape, _LIST_JOIN)), text[cuts[-1] + 1:stop])  # B与C: two items
    inner = lengths[1:-1] + ([len(w) for w in last[:-1]] if len(last) > 1 and len(lengths) > 2 else [])
    cap = max(inner) if inner else min(lengths)
    leads = [m.end() for w in LEAD for m in re.finditer(re.escape(w), text[start:first_end])]
    begin = start + max(leads) if leads else max(start, first_end - cap)
    if "《" in text[start:begin]:
        begin = text.rindex("《", start, begin)  # a title is not cut
    ends = [text.find(w, last_start, stop) for w in _LIST_END if w in text[last_start:stop]]
    if ends:
        end = min(ends)
    else:
        end = stop if any(w in text[last_start:stop] for w in _LIST_JOIN) else min(stop, last_start + cap)
    return trim(text, begin, end)
