"""Is the cause of a death that a question asks said with the death? "What was the cause of Gregor
Mendel's death?" is not answered by "Only in 1900, sixteen years after his death, did three
botanists…": the sentence says the death, whose it is and when, and no cause. The closed class of
deaths (`qa.answer.events`, `qa.answer.zh_events`) asks only that the death be said of the one
named; a cause asked needs more, and a cause is said with the death in few ways (`death_cause` in
en.toml, es.toml, zh.toml): a death word that is its manner ("drowned", «fusilado», 病逝, 遇刺), a
cause after it ("died of tuberculosis", "died after a fall", «murió de tifus», 死于肺炎), or, in
Chinese, before it in its clause (因肾病去世). A quote whose sentences say deaths only without one
gives no cause ("value" gap), nor does one saying no death at all (the closed class's check reads
only a value asked of the death, and "What was the cause…" asks a which-noun, the cause).
"""

from __future__ import annotations

import re
from functools import cache

from qa.text import lexicon
from qa.text.cjk import CJK

__all__ = ["causeless_death"]


@cache
def _words(language: str) -> dict[str, re.Pattern]:
    return {key: re.compile(words, re.I) for key, words in lexicon.glossary("death_cause", language).items()}


def causeless_death(question: str, text: str) -> bool:
    """Does `question` ask the cause of a death that `text` (the quote with its neighbouring
    sentences) says only without one?"""
    if CJK.search(question):
        language = "zh"
    else:
        from qa.text.tokens import latin_language

        language = latin_language(question) or "en"
    words = _words(language)
    if not words["asked"].search(question):
        return False
    deaths = list(words["death"].finditer(text))
    if words["manner"].search(text):
        return False
    if not deaths:
        return True  # no death said at all: no cause of one (a which-question's death is not the event check's)
    before = words.get("before")
    return not any(words["after"].search(text[d.end():]) or (before and before.search(text[:d.start()]))
                   for d in deaths)
