"""Is the quote about the other member of a pair the question tells its thing apart by? "恒河鳄的
成年雌性体长可达多少？" was answered 0.84 with "成年雄性的体长可达约6米": every other word of the
question is there, and the one that says which (雌性, the female) is said the other way (雄性). The
pairs are data (zh.toml `contrast`: the sexes, a river's reaches and banks, the halves of a year,
the seasons, upper and lower, highest and lowest): their members never stand for each other, so a
quote writing only the other member speaks of something else. A quote writing both (雄性…，雌性…)
or neither is left to the other checks. The English counterpart reads a question's qualifiers by
their grounding (`qa.answer.latin_slots`)."""

from __future__ import annotations

from qa.text import lexicon

__all__ = ["other_member"]


def other_member(question: str, quote: str) -> str:
    """The member of a `contrast` pair the Chinese `quote` writes where `question` asks the other
    and the quote never writes the asked one, or ""."""
    for asked, other in lexicon.glossary("contrast", "zh").items():
        if asked in question and other not in question and asked not in quote and other in quote:
            return other
    return ""
