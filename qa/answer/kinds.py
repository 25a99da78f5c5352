"""The kind a Chinese question asks for, as the word after its question word names it (什么|地方,
哪条|河): which of the question's terms a quote that answers it need not write.

The answer is a thing of that kind, and a sentence names the thing, seldom its kind: "蛇鹫把窝搭在
什么地方" is answered by "在多刺的金合欢树顶上", which writes no 地方. Counted as a term a window
must hold, the kind word is among the heaviest (no passage of a translated set writes 地方 or 后果)
and a quote saying the answer in full fell under the refusal threshold (issue 27, s18 helper
zhlow). `qa.answer.windows` counts these terms as held by a window that lacks them
(`ExtractiveParams.kind_credit`) where the slot checks find nothing missing and the window holds a
thing of the type asked, if the question wants one, so a quote that misses what was asked is still
judged by its words.

The question word is zh.toml's `asked_kind_before` (grounding reads the same words as the kind, not
a name: `qa.answer.grounding`), and the kind the dictionary word right after it
(`qa.text.gloss_kin.word_starts`; a measure word read with the question word must be a word of
its own: in 谁台北, 台 is 台北's): a plain word (no name: 什么|地方, 什么|后果), or one character
(哪条|河) with the bigram it opens (河把 of 河把湖水), where the kind ends the phrase (the question's
end or a function character follows, but no aspect particle: zh.toml `aspect_particle`, which
follows a verb, 是什么|阻止|了): in 哪位|美国|总统 the first word is a constraint the quote must meet,
and no word class here tells a noun from a verb after it.

Only a kind no passage of the collection writes: there the question's translator chose a word the
passages' did not, and its absence from a quote says nothing of the quote; a kind the collection
writes (城市) is held like any other term. Crediting those too answered a near miss, "IJSO的总部设在
哪个城市？" over a sentence on IJSO naming no city (train30_nearmiss, support 0.25 -> 0.50).

Not Spanish (tried, s18): «qué premio», «de qué manera», «con qué ingredientes» read the same way
answered 7 refused questions of the Spanish development sets, 2 right and 5 with a wrong sentence,
and moved one right answer to a wrong one: a Spanish question gets no answer type to hold the
window to, and there low support was flagging the wrong sentence the ranking had chosen.
"""

from __future__ import annotations

import re
from functools import lru_cache

from qa.text import lexicon
from qa.text.cjk import CJK, CJK_RUN

__all__ = ["kind_terms"]

@lru_cache(maxsize=1)
def _classes() -> tuple[frozenset[str], frozenset[str]]:
    """(aspect particles, measure words), read on the first Chinese question: importing this module
    (on the path of every `qa ask`) must not read the lexicon files."""
    return frozenset(lexicon.words("aspect_particle")), frozenset(lexicon.words("measure"))


@lru_cache(maxsize=1)
def _forward() -> re.Pattern:
    # grounding's pattern reads the text before the kind ($-anchored); this one finds the question word
    return re.compile(lexicon.pattern("asked_kind_before").removesuffix("$"))


def kind_terms(question: str, terms: tuple[str, ...], absent: int) -> int:
    """Mask over `terms` (the question's index terms) of those the asked kind is written with that
    no passage of the collection holds (`absent`, a mask over `terms`); `question` folded to
    Simplified characters. 0 for a question without Chinese characters."""
    if not CJK.search(question):
        return 0
    from qa.text.gloss_kin import is_plain, word_starts
    from qa.text.questions import STOP_CHARS

    aspect, measure = _classes()
    bits = 0
    for m in _forward().finditer(question):
        run = CJK_RUN.match(question, m.end())
        if not run:
            continue
        if m.group(0)[-1] in measure and 1 not in word_starts(question[m.end() - 1:run.end()]):
            continue  # the measure word starts a word: a name's (谁|台北, not 谁台|北)
        text = run.group(0)
        end = min(word_starts(text) - {0}, default=len(text))
        word = text[:end]
        after = text[end:end + 1]
        if after not in STOP_CHARS | {""} or after in aspect:
            continue  # a modifier of the kind (哪位|美国|总统: a constraint), or a verb (是什么|阻止|了): no kind
        if len(word) > 1 and is_plain(word):
            bits |= sum(1 << i for i, t in enumerate(terms) if len(t) > 1 and t in word)
        elif len(word) == 1 and word not in STOP_CHARS:
            bits |= sum(1 << i for i, t in enumerate(terms) if t in (word, text[:2]))
    return bits & absent

