"""Which runner-up windows a refused best window gives way to (`qa.answer.extractive`).

The close ones first: the next `retry_windows` within `retry_margin` of the best's score, since the
scores cannot tell them apart. Then, where the best lacks the very thing a Chinese question asks
about (a `focus` gap: 督学 of "格林维尔学区的督学是谁？"), the next `focus_retry` windows of the same
article, at any score: a question translated apart from its passage names that thing another way
(学监), so the words that rank windows miss it, and the sentence that says it can sit far from the
one sharing most of the question's words ("由首领布尔丘和莱赫尔率领的匈牙利大军" four sentences
after the one naming the army). A runner-up is quoted only if it passes every check the best failed
(its own focus word said), so a near miss whose article never says the thing stays refused.
"""

from __future__ import annotations

import re

from qa.answer.params import DEFAULTS, ExtractiveParams
from qa.answer.windows import Question, Window
from qa.text import lexicon
from qa.text.cjk import CJK, HAN, close_spaces
from qa.text.script import to_simplified
from qa.types import Hit

__all__ = ["retried"]

# the gaps that say the best window lacks the thing asked itself: a focus word, or a named instance
# (哪本书 over a sentence giving no 《title》; "壁球被认为是在哪所学校开始的" four sentences from 哈罗公学)
_ASKED = frozenset({"focus", "instance"})


def retried(question: str, q: Question, best: Window, found: list, ranked: list[Window], hits: list[Hit],
            params: ExtractiveParams = DEFAULTS) -> list[Window]:
    """The windows to check, in turn, after `best` (the first of `ranked`) was refused for `found`."""
    close = []
    for w in ranked[1:1 + params.retry_windows]:
        if w.score < best.score - params.retry_margin:
            break
        close.append(w)
    if not params.focus_retry or not CJK.search(question) or not any(g.kind in _ASKED for g in found):
        return close
    from qa.answer.slots import mentions, said_by_kin

    words = [fold(g.detail) for g in found if g.kind == "focus"]
    # the question's rarest term the collection holds, outside the focus word: what it is most
    # specifically about (伊奇 of 利亚伊奇), which a window far from the best must write itself
    held = [(weight, term) for i, (term, weight) in enumerate(zip(q.terms, q.corpus_w))
            if not q.absent >> i & 1 and not any(term in x for x in words)]
    rarest = max(held)[1] if held else ""
    article = hits[best.hit].article_id
    far = [w for w in ranked[1 + len(close):] if hits[w.hit].article_id == article and w is not best]

    def says(w: Window) -> bool:
        # the thing itself, not a neighbour (whose quote would be the neighbour's neighbour), and every
        # name of the question in the window's own words: far from the words that ranked the best, a
        # sentence may say the thing of another subject (拿积's 转会费 beside 利亚伊奇's transfer)
        text = fold(hits[w.hit].text[w.start:w.end])
        return all(mentions(text, x) or said_by_kin(x, text) for x in words) \
            and (not rarest or rarest in text or pointed_back(question, text))

    return close + [w for w in far[:params.focus_retry] if says(w)]


_OWNER = re.compile("([" + HAN + "]{2,})的")
_POINTER = re.compile("(?:" + "|".join(w for w in lexicon.words("anaphor") if len(w) == 1) + ")([" + HAN + "]{1,3})")


def pointed_back(question: str, text: str) -> bool:
    """Does `text` name the question's thing by an anaphor and the end of its name (该院 for 广东省第二
    人民医院, 该学区 for 格林维尔学区)? A sentence far from the one that names it says "the
    hospital", not its name: "该院院长瞿红鹰介绍" answers 广东省第二人民医院的院长是谁 four sentences
    after the hospital is named, and "学监凯伦·刘表示，该学区…" the superintendent of the district.
    Only a thing named before 的 (the owner of what is asked), whose name ends in the noun."""
    owners = _OWNER.findall(question)  # the thing whose attribute is asked: what the anaphor's noun ends
    return any(o.endswith(m.group(1)[:k]) for m in _POINTER.finditer(text) for k in range(len(m.group(1)), 0, -1)
               for o in owners)


def fold(text: str) -> str:
    return close_spaces(to_simplified(text))
