"""Asked elsewhere: the quote names the entity but says next to nothing of what is asked, while
another article says it: a gap of kind "elsewhere" ("the passages say this of 尤金袋鼠"). The names a
question is about that the quote lacks are `qa.answer.grounding`'s."""

from __future__ import annotations

from qa.answer.grounding import _titles
from qa.text.cjk import fold
from qa.types import Hit

__all__ = ["asked_elsewhere"]


# Asked elsewhere: the quote covers less than this share (by collection IDF) of the question's words
# outside its names, another article's window at least `ELSEWHERE_LEAD` more, with two such words or
# more (one word, 别名 against 别称, is a paraphrase as often). Chosen on the cmrc_trial swaps
# (eval/bench/swaps.py) against cmrc_trial's answers: 85 of 272 swapped answers refused, 5 of 817
# right answers lost.
ELSEWHERE_COVERS = 0.2
ELSEWHERE_LEAD = 0.4
ELSEWHERE_WORDS = 2


def asked_elsewhere(question, windows: list, best, hits: list[Hit]) -> str:
    """The title of another article that says what `question` asks, when the best window says
    next to none of it: a question naming one subject (泡泡战士) but asking what only another
    article says (why 尤金袋鼠 is deemed a pest) is answered from the first by its name alone.
    `question` is the answerer's analysed question (terms, corpus_w), `windows` its candidate
    windows (hit, support_parts with inside/near masks), `best` the chosen one; "" when none."""
    folded = fold(question.text)
    names = [t for t in _titles(hits) if t in folded]
    rest = [i for i, t in enumerate(question.terms) if not any(t in n for n in names)]
    total = sum(question.corpus_w[i] for i in rest)
    if len(rest) < ELSEWHERE_WORDS or not total:
        return ""

    def said(window) -> list[int]:
        parts = window.support_parts
        mask = parts.inside | parts.near
        return [i for i in rest if mask >> i & 1]

    def cover(window) -> float:
        return sum(question.corpus_w[i] for i in said(window)) / total

    mine = cover(best)
    if mine >= ELSEWHERE_COVERS:
        return ""
    article = hits[best.hit].article_id
    other = max((w for w in windows if hits[w.hit].article_id != article and len(said(w)) >= ELSEWHERE_WORDS),
                key=cover, default=None)
    if other is None or cover(other) - mine < ELSEWHERE_LEAD:
        return ""
    return hits[other.hit].title or hits[other.hit].source
