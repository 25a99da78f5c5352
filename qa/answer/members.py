"""Is the figure a quote gives said of the member of a pair the question asks? "How long is a
female superb lyrebird?" over "Males reach up to about 100 centimetres in length, more than half of
which is tail, while the females are smaller and browner": the quote writes both sexes, so the
check of the member alone (`qa.answer.contrasts`: a quote writing only the other one speaks of
something else) passes it, but its only figure stands in the males' clause. A pair's members never
stand for each other (zh.toml `contrast` and `contrast_pair`, en.toml / es.toml `contrast_pair`: the sexes, the
seasons, singles and doubles…), so where every clause of the quote holding a figure writes the
other member and not the asked one, the figures are the other's ("elsewhere" gap). The same for a
Chinese quote ("雄鸟身长可达约100厘米，…，而雌鸟体型较小"), and, for English and Spanish, the quote
writing only the other member (Chinese has `contrasts.other_member` for that).

Only questions asking a figure are read; clauses are cut at commas, semicolons and a clause joiner
("while", «mientras»), as `qa.answer.events` cuts them. A year is no figure here, nor the Chinese 一 alone (一半, 一种).
Where a Chinese question asks a dimension (身长是多少: `qa.answer.figures.dimension_units`), only a
figure in its units is one: the feathers counted in "其两根宽阔的外侧尾羽" stood in a clause without the
males and let "雌性华丽琴鸟的身长是多少？" be answered 0.88 by "雄鸟身长可达约100厘米" (zh_xwiki19's near miss).
"""

from __future__ import annotations

import re
from functools import cache

from qa.text import lexicon
from qa.text.cjk import CJK

__all__ = ["member_elsewhere"]


@cache
def _pairs(chinese: bool) -> tuple[tuple[re.Pattern, re.Pattern, str], ...]:
    """(the asked member, the other, the other's word as shown) of each pair."""
    if chinese:
        pairs = {**lexicon.glossary("contrast", "zh"), **lexicon.glossary("contrast_pair", "zh")}
        return tuple((re.compile(re.escape(a)), re.compile(re.escape(o)), o) for a, o in pairs.items())
    out = []
    for lang in ("en", "es"):
        for a, o in lexicon.glossary("contrast_pair", lang).items():
            out.append((re.compile(rf"(?<!\w)(?:{a})(?!\w)", re.I), re.compile(rf"(?<!\w)(?:{o})(?!\w)", re.I), o))
    return tuple(out)


@cache
def _cuts() -> tuple[re.Pattern, re.Pattern, re.Pattern, re.Pattern]:
    joiner = lexicon.alternation("clause_joiner")
    return (re.compile(r"[;:，；：。]|,(?!\d{3}(?!\d))|\b(?:%s)\b" % joiner, re.I),
            lexicon.regex("latin_figure", re.I), lexicon.regex("latin_year"), lexicon.regex("numeral_mention"))


def _figured(clause: str, chinese: bool, units: str = "") -> bool:
    _, figure, year, numeral = _cuts()
    if chinese:
        unit = re.compile(r"\s*[%s]?\s*(?:%s)" % ("".join(lexicon.words("magnitude")), units)) if units else None
        return any(m.group(0) != "一" and not re.match(r"\s*年", clause[m.end():])
                   and (unit is None or unit.match(clause, m.end())) for m in numeral.finditer(clause))
    return any(not year.fullmatch(m.group(0).strip()) for m in figure.finditer(clause))


def member_elsewhere(question: str, quote: str, asks_figure: bool) -> str:
    """The other member of a pair whose asked member `question` writes (and not the other) when the
    figures of `quote` are all said of the other member: in clauses writing it and not the asked
    one; "" else. `asks_figure`: the question asks a figure (nothing is read otherwise)."""
    if not asks_figure:
        return ""
    from qa.answer.figures import dimension_units

    chinese = bool(CJK.search(question))
    units = dimension_units(question) if chinese else ""
    clauses = [c for c in _cuts()[0].split(quote) if c.strip()]
    valued = [c for c in clauses if _figured(c, chinese, units)]
    for asked, other, word in _pairs(chinese):
        if not asked.search(question) or other.search(question) or not other.search(quote):
            continue
        if not asked.search(quote) and chinese:
            continue  # a Chinese quote writing only the other member is contrasts.other_member's
        if valued and all(other.search(c) and not asked.search(c) for c in valued):
            return word.rstrip("?")
    return ""
