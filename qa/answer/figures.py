"""The figures and dates a count or date question asks for, as `qa.answer.short` reads them from a
quote (`typed_spans`), and their edges (`widened`): a figure carries the asked measure word or the
unit of the dimension asked (体重是多少 -> 8公斤, 多长时间 -> 36个小时, 价值多少 -> 120万美元), a count
is never a date (2003年 is no answer to 多少), part of a work's 《title》 nor of a word that begins
with a numeral (三位一体: `qa.text.numeral_words`), 哪一年 takes the year
alone, and a figure keeps the word that makes it approximate (约50公里) or says which year it is in
(明年1月). The words and units are data (`qa/text/lexicon/zh.toml`, "short answers"; `dimension`
and `asked_unit`)."""

from __future__ import annotations

import re

from qa.answer.spans import longest_first, strip_end
from qa.text import lexicon
from qa.text.numeral_words import in_word
from qa.text.questions import asked_measure

__all__ = ["dimension_units", "typed_spans", "widened"]

_ASK = lexicon.regex("short_ask")
_DATE = lexicon.regex("date_span")
_ORDINAL = lexicon.words("ordinal_q")
_YEAR_HEAD = lexicon.regex("year_head")
_RANGE = lexicon.words("range_word")
_ARTICLE = lexicon.regex("article_count")
_UNIT_OF = {"year": "年", "month": "月"}
_DIMENSIONS = {**lexicon.glossary("dimension"), **lexicon.glossary("asked_unit")}
_DIMENSION_ASKED = lexicon.regex("dimension_asked")
_APPROXIMATE = longest_first(lexicon.words("approximate"), lexicon.words("copula"))
_COUNTED = set(lexicon.words("counted_measure"))
_BARE = lexicon.regex("number_span")  # a number without a unit
_DATED = ("year", "month", "day", "time")
_TITLE = lexicon.regex("book_title")
_APPROXIMATE_LEAD = longest_first(lexicon.words("approximate_lead"))
_RELATIVE = longest_first(lexicon.words("relative_time"))
_SPACED_BEFORE = lexicon.regex("spaced_date_before")
_SPACED_AFTER = lexicon.regex("spaced_date_after")
_HEDGED = (*_APPROXIMATE_LEAD, *lexicon.words("approximate"))  # a question asking 约多少 takes the figure alone


def typed_spans(q: str, text: str, pattern: re.Pattern, measure: str, wants: str) -> list[tuple[int, int]]:
    """Spans of `pattern`'s kind in `text`: not one the question says, carrying the asked measure
    word, and for a count not a date (2003年 is no answer to 多少)."""
    out = []
    units = dimension_units(q) if wants == "number" and not measure else ""
    # a figure inside a work's 《title》 names it (《行动计划(2026—2028)》): no count of anything
    titled = [t.span() for t in _TITLE.finditer(text)] if wants == "number" else []
    for m in pattern.finditer(text):
        if any(a < m.start() and m.end() < b for a, b in titled):
            continue
        if wants == "number" and in_word(text, m.start(), m.end()):
            continue  # 三位一体, 四面八方: a word that begins with a numeral counts nothing
        got = m.group(0).strip()
        if not got or got in q or (measure and measure not in got and asked_measure(measure, q, text)):
            continue
        if wants == "number" and not measure and (_DATE.fullmatch(got) or _ARTICLE.match(got)):
            continue
        if wants == "number" and any(w in q for w in _ORDINAL) and text[m.start() - 1:m.start()] != "第":
            continue  # 第几 wants a rank the sentence writes with 第
        if _UNIT_OF.get(wants, got[-1:]) not in got:
            continue  # 哪个月 wants a month: 今年9月, not 三年
        start, end = m.start(), m.start() + len(m.group(0).rstrip())
        if units and (unit := re.match(f"\\s?(?:{units})", text[end:])) and len(unit.group(0).strip()) >= 2:
            end += unit.end()  # 36个 + 小时 for 多长时间: the figure with the unit of the dimension asked
            # (a unit word; not 比 or 重, which say the dimension after a whole figure: 2比1, 8公斤重)
        if units and (got[-1] in _COUNTED or _BARE.fullmatch(got)) and not re.search(units, text[start:end + 1]):
            continue  # 体重是多少 wants a weight (8公斤重), not a count of things (三个亚种) or a bare number
        if wants == "year" and "年代" not in q:
            start, end = _year(q, text, start, got)
        out.append((start, end))
    if units and any(re.search(units, text[s:e + 1]) for s, e in out):
        out = [(s, e) for s, e in out if re.search(units, text[s:e + 1])]  # 主跑道有多长: 1,980米, not 08
    return out


def dimension_units(q: str) -> str:
    """The units of the dimension a count question asks right before its question word, with it or
    right after it (体重大约是多少, 有多长, 多长时间 -> 公斤|千克|…, 米|公里|…, 年|天|小时|…, as the
    answerer's glossary writes them), or ""."""
    asked = _ASK.search(q)
    before = q[:asked.start()] if asked else ""
    while True:
        cut = next((w for w in _APPROXIMATE if before.endswith(w)), "")
        if not cut:
            break
        before = before[:-len(cut)]
    before = strip_end(before)
    # 有多长: the question word names the dimension; 多长时间 the noun after it (a duration), not 长
    said = asked.group(0)[-1:] if asked and _DIMENSION_ASKED.match(q, asked.end() - 1) else ""
    after = q[asked.end():].removeprefix("的") if asked else ""
    return next((units for names, units in _DIMENSIONS.items()
                 if re.search(f"(?:{names})$", before) or re.fullmatch(names, said) or re.match(f"(?:{names})", after)), "")


def _year(q: str, text: str, start: int, got: str) -> tuple[int, int]:
    """哪一年 wants the year: 建炎二年, not 建炎二年七月 or 1867年末; of a range, the year the
    question does not say (自1682年到哪一年: 1789年 of 1682年至1789年)."""
    head = _YEAR_HEAD.match(got).group(0)
    if head.strip() in q:
        cut = max(got.rfind(w) + len(w) for w in _RANGE)
        if cut > len(head):
            start += cut
            got = got[cut:].lstrip()
            start += len(text[start:]) - len(text[start:].lstrip())
            head = _YEAR_HEAD.match(got).group(0)
    end = start + len(head)
    return start, end + (text[end:end + 1] in ")）")


def widened(q: str, text: str, span: tuple[int, int], wants: str) -> tuple[int, int]:
    """A rank asked with 第几 keeps the 第 the quote writes (第3名, not 3名). The noun a count asks
    for (多少名观众) is left out: gold answers give it about as often as not (6,476名观众, 三条).
    A figure keeps the word before it that makes it approximate (约50公里, 超过1800个:
    `approximate_lead`: the figure as the quote states it) unless the question hedges too (长近多少倍,
    大约有多少: 40倍, as annotators write it); a date the word that
    says which year or month it is in (明年1月, 今年9月: `relative_time`)."""
    start, end = span
    if any(w in q for w in _ORDINAL) and start and text[start - 1] == "第":
        start -= 1
    words = _APPROXIMATE_LEAD if wants == "number" and not any(w in q for w in _HEDGED) else \
        _RELATIVE if wants in _DATED else ()
    if wants in ("day", "time"):
        start, end = _spaced(text, start, end)
    lead = next((w for w in words if text.endswith(w, 0, start)), "")
    return start - len(lead), end


def _spaced(text: str, start: int, end: int) -> tuple[int, int]:
    """A date with the parts a translation writes apart next to it ("1494 年 6 月 7 日" for 何时,
    not 7 日: `spaced_date_before`, `spaced_date_after`)."""
    while (m := _SPACED_BEFORE.search(text, max(0, start - 16), start)) and m.end() == start:
        start = m.start()
    if text[end - 1:end] in "年月" and (m := _SPACED_AFTER.match(text[end:])):
        end += m.end()
    return start, end
