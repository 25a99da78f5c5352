"""One end of a date range, when the question asks for that end: "北京的行动方案有效期到哪一年?"
is answered 2027年, not the 2025—2027年 the quote writes, and "从哪一年开始" its start when the
start is a date of its own (2025年5月 of 2025年5月至2027年; "2025" of 2025—2027年 is no date
written, so the whole range stays). The question's cues and the range's split are data
(zh.toml: `range_end_q`, `range_start_q`, `range_split`)."""

from __future__ import annotations

from qa.text import lexicon

_END = lexicon.regex("range_end_q")
_START = lexicon.regex("range_start_q")
_SPLIT = lexicon.regex("range_split")
_DATE_END = tuple("年月日号")


def endpoint(question: str, text: str, start: int, end: int) -> tuple[int, int] | None:
    """The part of the date range `text[start:end]` that `question` (folded) asks for, as offsets
    into `text`; None when the span is no range or the question asks for neither end (or both)."""
    wants_end, wants_start = bool(_END.search(question)), bool(_START.search(question))
    if wants_end == wants_start:
        return None
    split = _SPLIT.search(text, start, end)
    if split is None:
        return None
    if wants_end:
        return split.end(), end
    return (start, split.start()) if text[start:split.start()].endswith(_DATE_END) else None


__all__ = ["endpoint"]
