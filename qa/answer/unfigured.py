"""Does a Chinese quote give a figure for the quantity a question asks by its attribute noun
(镓的密度是多少, 第二诊所的产妇死亡率是多少)? A translated article names an attribute it gives no value
for as often as one it does: "预先描述了它的密度和其他性质" (Mendeleev foretold the density),
"那里产妇的死亡率比…第二诊所高出好几倍" (a rate compared, not given). The focus check reads the noun
as said, and the quote's other sentences' figures (its atomic number, a melting point) satisfy the
answer-type cue, so such a quote was answered at 1.00. A sentence giving the attribute holds a
figure; where every sentence of the quote writing the attribute noun (zh.toml `quantity_attribute`:
率, 度, 量, 面积, 人口…) holds none but dates and ranks (第二诊所), it gives no value ("value" gap).
The figure need not stand beside the noun: "起跑时的气温为11.5摄氏度，跑者们称之为理想温度" gives the
temperature by another word (tried: a figure within 12 characters after the noun or 6 before it
refused that right answer of zh_translated). A quote not writing the noun at all is the focus check's.
"""

from __future__ import annotations

from qa.text import lexicon
from qa.text.numeral_words import in_word

__all__ = ["unfigured_attribute"]


def _figured(sentence: str) -> bool:
    """Does `sentence` hold a figure other than a date, a rank (第二) or the article 一?"""
    date = lexicon.regex("one_date")
    return any(not date.match(sentence, m.start()) and not in_word(sentence, m.start(), m.end()) and m.group(0) != "一"
               and sentence[max(0, m.start() - 1):m.start()] not in lexicon.words("ordinal_prefix")
               for m in lexicon.regex("numeral_mention").finditer(sentence))


def unfigured_attribute(question: str, quote: str) -> str:
    """The attribute noun (its last two characters: 密度, 亡率) of a Chinese how-much question that
    `quote` writes only in sentences holding no figure; "" else."""
    from qa.answer.slots import focus
    from qa.text.questions import question_type

    word, kind = focus(question)
    if kind != "focus" or not word or question_type(question)[0] != "number" \
            or not lexicon.regex("quantity_attribute").search(word):
        return ""
    core = word[-2:]
    said = [s for s in lexicon.regex("sentence_stop").split(quote) if core in s]
    return core if said and not any(map(_figured, said)) else ""
