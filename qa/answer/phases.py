"""Is the change of state a question asks a temperature of said by the quote? "What is the boiling
point of gallium?" was answered by "a soft, silvery metal that melts at about 29.8 °C", and "At
what temperature does fluorine boil?" by "liquid hydrogen fluoride cooled to about −50 °C": the
quote gives a temperature, and the value checks ask no more (the asked "point" is said by any
figure in degrees, `qa.text.paraphrase`). Boiling, melting and freezing are a closed class, each
said by a few words (`phase_change` in en.toml, es.toml, zh.toml, one key each in all three), so a
quote that writes none of the asked one's words gives no temperature of it: a "value" gap.

The question is read with its own language's words, the quote with its script's (an English
question over Chinese text: "boiling" by 沸). A question writing the change and a word
asking its temperature (`phase_value`: temperature, point, 温度, 沸点's 点) is read, whatever it asks
("How hot must water get before it boils?"): what answers it says the change too. Not 沸流国 (a
kingdom's name): the Chinese changes are their two-character words (沸点, 沸腾).
"""

from __future__ import annotations

import re
from functools import cache

from qa.text import lexicon
from qa.text.cjk import CJK

__all__ = ["other_phase"]


@cache
def _phases(language: str) -> dict[str, re.Pattern]:
    return {key: re.compile(words, re.I) for key, words in lexicon.glossary("phase_change", language).items()}


@cache
def _value() -> re.Pattern:
    """A question's word asking a temperature (`phase_value`: temperature, 温度, 点 of 沸点)."""
    return re.compile(r"(?<![a-z])(?:%s)(?![a-z])" % lexicon.alternation("phase_value"), re.I)


def _language(question: str) -> str:
    if CJK.search(question):
        return "zh"
    from qa.text.tokens import latin_language

    return latin_language(question) or "en"


def other_phase(question: str, quote: str) -> str:
    """The change of state `question` names ("boiling") when `quote` writes no word of it; "" else.
    A Latin quote is read with the English and the Spanish words, a Chinese one with the Chinese
    and the English (its terms in brackets: "熔点（melting point）")."""
    if not _value().search(question):
        return ""
    asked = [key for key, words in _phases(_language(question)).items() if words.search(question)]
    said = ("zh", "en") if CJK.search(quote) else ("en", "es")
    return next((f"{key} point" for key in asked if not any(_phases(lang)[key].search(quote) for lang in said)), "")
