"""The longest list a sentence writes (A、B和C), as one short answer: a question asking for several
things (哪些) whose words place nothing in the sentence is answered by it (`qa.answer.short`). The
marks and words that join a list's items are data (`qa/text/lexicon/zh.toml`, "short answers")."""

from __future__ import annotations

import re

from qa.answer.spans import LEAD, longest_first, strip_end, trim
from qa.text import lexicon

__all__ = ["completed", "listed"]

_CLAUSE_END = lexicon.regex("clause_end")
_LIST_MARK = lexicon.words("list_mark")
_LIST_JOIN = tuple(lexicon.words("list_join"))
_LIST_END = tuple(lexicon.words("list_end"))
_REST_Q = tuple(lexicon.words("list_rest_q"))
_OPENER = tuple(sorted(lexicon.words("not_subject_start"), key=lambda w: (-len(w), w)))
_NOT_ITEM = tuple(lexicon.words("not_subject"))  # 的, 是, 了: a clause, not an item
_ITEM_SPLIT = "|".join(map(re.escape, longest_first(_LIST_MARK, _LIST_JOIN)))


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


def completed(q: str, asked: re.Match, text: str) -> tuple[int, int] | None:
    """The one item of a list in `text` the question does not name, for a question that names the
    others and asks for the rest (毛泽东、王若飞以及谁 over "毛泽东、周恩来、王若飞等飞赴重庆" -> 周恩来;
    除了彝族、白族、汉族，还有哪一个民族). The question's words right before its question word end
    with a join (以及, 和) or a word asking for the rest (还有: `list_rest_q`). An item is named when
    the question says it, or it holds an item the question lists (王若飞等飞赴重庆) or is held in one;
    the first item also by its end and the last by its start, which the clause runs into (南华县内有
    彝族). The one left ends at 等, or is cut where the clause runs into it to the longest named part
    (回族四个主体民族 -> 回族). A join inside a word the question says (共和国) splits nothing. None
    unless exactly one item is not named, or when it is a clause (的, 是: `not_subject`) or says the
    question's words."""
    asking = q[:asked.start()]
    if not asking.endswith(_REST_Q) and not strip_end(asking).endswith(_LIST_JOIN + _REST_Q):
        return None
    said = [w for w in (_bare(w) for w in re.split(f"{_ITEM_SPLIT}|{_CLAUSE_END.pattern}", asking)) if len(w) >= 2]
    start = 0
    for stop in [*(m.start() for m in _CLAUSE_END.finditer(text)), len(text)]:
        found = _rest(q, said, text, start, stop)
        if found:
            return found
        start = stop + 1
    return None


def _rest(q: str, said: list[str], text: str, start: int, stop: int) -> tuple[int, int] | None:
    bounds = [(m.start() + start, m.end() + start) for m in re.finditer(_ITEM_SPLIT, text[start:stop])]
    bounds = [(s, e) for s, e in bounds  # a join inside a word the question says (共和国) splits nothing
              if e - s > 1 or text[s] in _LIST_MARK or (text[s - 1:e] not in q and text[s:e + 1] not in q)]
    if not bounds:
        return None
    cuts = [start, *(s for b in bounds for s in b), stop]
    items = [trim(text, cuts[k], cuts[k + 1]) for k in range(0, len(cuts), 2)]
    named = [_named(text[a:b], q, said, k == 0, k == len(items) - 1) for k, (a, b) in enumerate(items)]
    rest = [k for k, n in enumerate(named) if not n]
    if not any(named) or len(rest) != 1:
        return None
    cap = max(named)
    a, b = items[rest[0]]
    if rest[0] == 0:
        a = max(a, b - cap)  # the clause's start runs into the first item
    if rest[0] == len(items) - 1:
        ends = [text.find(w, a, b) for w in _LIST_END if text.find(w, a, b) > a]
        b = min(ends) if ends else min(b, a + cap)  # 王若飞等飞赴重庆: the list ends at 等
    a, b = trim(text, a, b)
    got = text[a:b]
    if len(got) < 2 or any(got[k:k + 2] in q for k in range(len(got) - 1)) or any(w in got for w in _NOT_ITEM):
        return None  # nothing, the question's own words, or a clause (序的大学生, 国是一个存在于1945)
    return (a, b) if got.count("《") == got.count("》") else None


def _named(item: str, q: str, said: list[str], first: bool, last: bool) -> int:
    """How much of `item` names one the question lists (0: none): all of it, a listed item it holds
    (王若飞等飞赴重庆) or is held in, or for the first item its end and the last its start, which the
    clause runs into (南华县内有彝族)."""
    if item in q or any(item in s for s in said):
        return len(item)
    return max([len(s) for s in said if s in item and (not first or item.endswith(s)) and (not last or item.startswith(s))
                or first and item.endswith(s) or last and item.startswith(s)], default=0)


def _bare(words: str) -> str:
    """An item the question lists without the words that join it to the sentence (除了彝族 -> 彝族)."""
    words = strip_end(words)
    lead = next((w for w in _OPENER if words.startswith(w)), "")
    return words[len(lead):]
