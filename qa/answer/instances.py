"""A named instance asked (qa.answer.slots' `instance` gap): "哪家医院" / "哪个区" / "哪部电影" wants a
named one; a quote that says only "知名三甲医院" or "在上海", or gives no 《title》, does not name it.
Asked words opening with a category (哪一区域可以, 哪一等级学校) want none."""

from __future__ import annotations

import re

from qa.text import lexicon
from qa.text.cjk import HAN
from qa.text.questions import INSTANCE_Q, WORK_Q

__all__ = ["instance_gap"]

_CATEGORY_START = lexicon.regex("category_start")
# Category -> what names an instance of it (the text before the suffix must be a name, not 知名/一家).
_INSTANCE_SUFFIX = lexicon.glossary("instance")
_GENERIC = lexicon.regex("generic_name")
_INTRO = re.compile(lexicon.alternation("introducer"))
_TITLED = lexicon.regex("titled_work_start")
_TITLE = lexicon.regex("book_title")
_GRADE = re.compile(lexicon.alternation("hospital_grade"))


def instance_gap(question: str, quote: str) -> str:
    """"哪家医院" with a quote that names no hospital: returns the category, else ""."""
    m = INSTANCE_Q.search(question) or WORK_Q.search(question)
    if not m:
        return ""
    if t := _TITLED.match(m.group(1)):
        # a work is named by its title in 《》, and not one the question already names
        return "" if any(x not in question for x in _TITLE.findall(quote)) else t.group(0)
    asked = m.group(1)
    if _CATEGORY_START.match(asked.lstrip("一个")):
        # 哪一个城市, 哪个地区, 哪一区域可以: the answer names a city (开罗) or a place (湾仔), not the
        # word 城市 or 区 (the asked words run on into the question's verb: 区域|可以)
        return ""
    # the category is the longest known one the asked words start with, or end with (哪家三甲医院);
    # asked words made of two (哪一县市) take an instance of either
    by_length = sorted(_INSTANCE_SUFFIX, key=len, reverse=True)
    first = next((c for c in by_length if asked.startswith(c)), "")
    last = next((c for c in by_length if asked.endswith(c)), "")
    second = next((c for c in by_length if first and asked[len(first):].startswith(c)), "")  # 县|市拥有
    category = first or last
    if not category:
        return ""
    suffix = "|".join(dict.fromkeys(_INSTANCE_SUFFIX[c] for c in (first, second, last) if c))
    for found in re.finditer(r"([" + HAN + r"A-Za-z0-9·&]{0,10}?)(?:" + suffix + ")", quote):
        # the words just before the suffix, cut at the verb or particle that introduces them
        name = _INTRO.split(found.group(1))[-1]
        for part in re.findall(r"[" + HAN + r"]{2,}", question):
            name = name.replace(part, "")
        name = _GRADE.sub("", name)
        if re.search(r"[A-Z]{2}", name):  # DC漫画公司
            return ""
        if len(name) >= 2 and not _GENERIC.match(name) and found.group(0) not in question:
            return ""
    return category
