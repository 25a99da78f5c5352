"""Words around a Chinese question word that frame it without being the thing asked, read before
`qa.answer.slots.focus` takes the word the question word hangs on.

A point a size is measured from (灯塔离陆地有多远, 山顶距海面多高, 两城相距多远): the question asks
the distance (height, depth) from it, which a passage gives as a figure in that dimension's unit ("阿布罗斯外约18
公里处"); the reference point is often worded apart (陆地 / 海岸: a question translated apart from
its passage), and the characters before the question word (塔离陆地) are no word to look for.

A negation before a when-question's verb (女性直到什么时候都不能登上山顶): the question asks how long
a ban held, and a passage says the ban (山顶直到 1872 年一直禁止女性进入), with a verb of its own; the
asked verb (登上) is then no gap when the quote writes a prohibition.

The words are data (zh.toml `measured_from`, `size_dimension`, `negated_modal`, `prohibition`)."""

from __future__ import annotations

from functools import lru_cache

from qa.text import lexicon

__all__ = ["banned", "measured_from"]


@lru_cache(maxsize=1)
def _tables():
    return lexicon.regex("measured_from"), lexicon.glossary("size_dimension"), lexicon.regex("size_span")


def measured_from(before: str, size_word: str) -> str:
    """The dimension asked when `before` (the question up to its size word, 有多远) ends in a point
    measured from (离陆地, 距海面, 到市中心) or two things' span (相距, 之间): 距离 for 远, 高度 for
    高; "" when it does not."""
    from_point, dimensions, span = _tables()
    if not from_point.search(before) or span.search(before):
        return ""  # 从源头到入海口有多长: the thing's own size, named before 从 (slots.focus reads it)
    return dimensions.get(size_word[-1:], "")


def banned(question: str, word: str, quote: str) -> bool:
    """Is the event `word` asked under a negation right before it (都不能|登上) said by a prohibition
    `quote` writes (禁止)?"""
    at = question.find(word)
    return at > 0 and question[:at].endswith(tuple(lexicon.words("negated_modal"))) \
        and any(p in quote for p in lexicon.words("prohibition"))
