"""Respective answers: "A和B分别X和Y" pairs each item of one list with the answer in the same
position of the other, so asked of B the answer is Y, not the first figure the sentence writes
(头部企业和重大平台建设可分别获最高2000万元和5000万元补贴: 重大平台建设 -> 5000万元).

The lists stand on either side of 分别 (`respective` in zh.toml; the Traditional 分別 is folded to
it), within a clause each: the items (A和B) before it and the answers after it, or the answers
before it and the items after it (在1629年与1636年,分别发起麻豆溪事件与萧垄事件: 麻豆溪事件 ->
1629年). The list before 分别 may end a clause earlier when the clause holding 分别 opens with its
subject alone (1994年、1996年和2001年,韩国分别…). Items are split where the sentence's lists are
(`list_mark`, `list_join`: 、和与及以及), not at a join inside a word the question says (共和国); the
lists must have as many items, at least two.

The question names one item when it says words of it (two characters or more): an item inside the
list anywhere, the first and the last of a list only at the end that joins them to the others,
since their other end runs into the clause (擔任歐洲 | 中國戰區的盟軍統帥: 歐洲 names the first,
的盟軍統帥 names nothing). The one item named by the longest words is the asked position; none when
two tie, or when both lists have a named item (then the question names no one position).

What is returned is the other list's item at that position, as offsets into the sentence: the
picker (`qa.answer.short`) takes the span of the asked kind inside it (a figure of the asked unit,
a date), or the item itself for a person or a place.
"""

from __future__ import annotations

import re

from qa.answer.spans import longest_first, trim
from qa.text import lexicon
from qa.text.cjk import HAN
from qa.text.questions import QUESTION_WORDS, STOP_CHARS

__all__ = ["WHOLE", "respective", "unlisted"]

_RESPECTIVE = re.compile(lexicon.alternation("respective"))
_CLAUSE_END = lexicon.regex("clause_end")
_COMMA = lexicon.regex("clause_comma")
_MAX_COMMA_ITEMS = 3  # items a list writes apart by commas before the clause that joins its last two
_MARK = lexicon.words("list_mark")
_JOIN = _MARK + lexicon.words("list_join")
_ITEM_SPLIT = re.compile("|".join(map(re.escape, longest_first(_JOIN))))
_NAME = re.compile(f"[{HAN}]{{2,4}}|[{HAN}]{{1,6}}(?:·[{HAN}]{{1,6}})+")
WHOLE = ("person", "place")  # what is asked is the item itself, not a span of a kind inside it
MIN_NAMED = 2  # one character the question shares with an item (的, 年) names nothing


def respective(q: str, text: str, wants: str = "") -> tuple[int, int] | None:
    """(start, end) in `text` of the answer paired with the item question `q` names, or None. For a
    person or a place asked (`wants`) the answer is the item itself, so a first or last one, whose
    other end runs into the clause, is cut to the length of the longest other item (蔣中正在第二次
    世界大戰中 -> 蔣中正, as `qa.answer.lists` cuts a list's ends); a person is only a name (2 to 4
    characters, or a transliterated one: 艾森豪, 約瑟夫·史達林), not a post or a body a list of
    another shape was paired with (中國科學院院士 | 為昆蟲學家)."""
    for before, after in _lists(q, text):
        named = [_named_position(q, text, before), _named_position(q, text, after)]
        if (named[0] is None) == (named[1] is None):
            continue  # neither list is named, or both are: no one position is asked
        position, answers = (named[0], after) if named[0] is not None else (named[1], before)
        start, end = trim(text, *answers[position])
        if wants in WHOLE:
            start, end = _cut(text, [trim(text, *a) for a in answers], position, start, end)
        if end > start and text[start:end] not in q and (wants != "person" or _NAME.fullmatch(text[start:end])):
            return start, end
    return None


def _lists(q: str, text: str):
    """(the items before 分别, the answers after it) of each pair of lists of `text` as long as
    each other, two items at least: (start, end) each."""
    if not _RESPECTIVE.search(text):
        return
    ends = [m.start() for m in _CLAUSE_END.finditer(text)]
    for m in _RESPECTIVE.finditer(text):
        opened = max((e + 1 for e in ends if e < m.start()), default=0)
        stop = min((e for e in ends if e >= m.end()), default=len(text))
        before = _items(q, text, opened, m.start())
        if len(before) < 2 and opened:  # 1994年、1996年和2001年,韩国分别…: the subject alone before 分别
            before = _items(q, text, max((e + 1 for e in ends if e < opened - 1), default=0), opened - 1)
        after = _items(q, text, m.end(), stop)
        if len(after) < 2:  # 分别被后金，俄罗斯和清帝国灭: items apart by commas up to the clause with the join
            after = _on_past_commas(q, text, after, ends)
        while 2 <= len(before) < len(after) and _COMMA.fullmatch(text[before[0][0] - 1:before[0][0]]):
            earlier = max((e + 1 for e in ends if e < before[0][0] - 1), default=0)  # 蒙古王国，西伯利亚王国和土尔扈特王国
            if len(_items(q, text, earlier, before[0][0] - 1)) > 1:
                break
            before = [(earlier, before[0][0] - 1), *before]
        if len(before) >= 2 and len(before) == len(after):
            yield before, after


def unlisted(q: str, text: str) -> str:
    """The words the question names an item by where they differ from the item's: the item it names
    by its last words only, "企业" of "头部企业", the question writing other words right before them
    ("初创企业"); "" else. A respective list names each member of a class apart, so a question
    naming another member of the class by the same head word asks of none of them: "闵行区的脑机接口
    专项政策给初创企业的补贴最高是多少？" over "头部企业和重大平台建设可分别获最高2000万元和5000万元补贴"
    (the seed's, answered at 0.90 with the leading firms' subsidy). Two characters before the shared
    words on each side, none of them written by the other, are read as differing; an item whose
    words before the shared ones are fewer (a list's first item runs into its clause) differs in
    nothing read."""
    for before, after in _lists(q, text):
        for items in (before, after):
            position = _named_position(q, text, items)
            if position is None:
                continue
            start, end = trim(text, *items[position])
            item = text[start:end]
            size = _named(q, text, start, end, first=position == 0, last=position == len(items) - 1)
            words = next((item[a:a + size] for a in range(len(item) - size + 1) if item[a:a + size] in q), "")
            at, own = q.find(words), item.find(words)
            asked_lead, item_lead = q[max(0, at - 2):at], item[max(0, own - 2):own]
            # content words only: no particle (的, 之) and no question word (有多大的: 大的 is no item's)
            plain = not (set(asked_lead + words + item_lead) & STOP_CHARS) \
                and not QUESTION_WORDS.search(q, max(0, at - 2), at + len(words))
            if len(asked_lead) == len(item_lead) == 2 and re.fullmatch(f"[{HAN}]{{4}}", asked_lead + item_lead) \
                    and plain and not set(asked_lead) & set(item_lead) and asked_lead not in text:
                return asked_lead + words
    return ""


def _on_past_commas(q: str, text: str, items: list[tuple[int, int]], ends: list[int]) -> list[tuple[int, int]]:
    """A list after 分别 whose first items stand in clauses of their own, apart by commas, up to the
    clause that joins the last two (被后金，俄罗斯和清帝国灭); the items as they were when no clause joins any."""
    out = list(items)
    for _ in range(_MAX_COMMA_ITEMS):
        stop = out[-1][1]
        if not _COMMA.fullmatch(text[stop:stop + 1]):
            break
        following = min((e for e in ends if e > stop), default=len(text))
        more = _items(q, text, stop + 1, following)
        out += more
        if len(more) > 1:
            return out
    return items


def _cut(text: str, items: list[tuple[int, int]], position: int, start: int, end: int) -> tuple[int, int]:
    """A first or last item cut at the end that runs into the clause to the longest other item's length."""
    cap = max(b - a for k, (a, b) in enumerate(items) if k != position)
    if position == 0:
        return trim(text, max(start, end - cap), end)
    if position == len(items) - 1:
        return trim(text, start, min(end, start + cap))
    return start, end


def _items(q: str, text: str, start: int, stop: int) -> list[tuple[int, int]]:
    """The items of the list `text[start:stop]` as (start, end), split at each join that is not
    inside a word the question says (共和国); one item when there is no join."""
    cuts = [(j.start(), j.end()) for j in _ITEM_SPLIT.finditer(text, start, stop)
            if j.end() - j.start() > 1 or text[j.start()] in _MARK
            or (text[j.start() - 1:j.end()] not in q and text[j.start():j.end() + 1] not in q)]
    bounds = [start, *(b for cut in cuts for b in cut), stop]
    return [(bounds[k], bounds[k + 1]) for k in range(0, len(bounds), 2)]


def _named_position(q: str, text: str, items: list[tuple[int, int]]) -> int | None:
    """The position of the one item the question names by the longest words, or None."""
    lengths = [_named(q, text, *trim(text, a, b), first=k == 0, last=k == len(items) - 1)
               for k, (a, b) in enumerate(items)]
    best = max(lengths)
    return lengths.index(best) if best >= MIN_NAMED and lengths.count(best) == 1 else None


def _named(q: str, text: str, start: int, end: int, first: bool, last: bool) -> int:
    """The length of the longest words of the item `text[start:end]` the question says: the first
    item's only at its end, the last item's only at its start (their other end runs into the clause)."""
    item = text[start:end]
    if first:
        return next((len(item) - a for a in range(len(item)) if item[a:] in q), 0)
    if last:
        return next((b for b in range(len(item), 0, -1) if item[:b] in q), 0)
    return max((b - a for a in range(len(item)) for b in range(a + 1, len(item) + 1) if item[a:b] in q), default=0)
