"""A long English or Spanish quote ended before a clause of its own that says nothing asked.

An encyclopedic sentence often joins a second main clause to the one that answers: "A barometer is
a scientific instrument used to measure air pressure, | and changes in its readings have long been
used to forecast…"; «…produce más del 80 % del suministro mundial, | y el metal fue de tal
importancia…». Where the quote `qa.answer.clauses` chose is longer than `tail_chars`, the clause
after ", and" / «, y» (en.toml/es.toml `tail_joiner`, after a comma: "and" without one joins a
list's items as often as clauses) is left out when it and every phrase after it hold no question
term, no answer of the kind asked (`phrase_cues.phrase_cues`, and a cause, condition or means asked:
`phrase_kinds.kind_cues`), the quote before it goes on past the question's words (`_past_words`:
else they lead to the answer in the clause after them), and the Latin short-answer picker places
the same answer without them.
The quote stays a verbatim span of the passage and ends where a clause of its own ends, so it still
reads as a sentence.
"""

from __future__ import annotations

from functools import cache

from qa.answer.phrase_cues import phrase_cues
from qa.answer.phrase_kinds import kind_cues
from qa.answer.phrase_words import NO_TAIL, setting_only, tail, term_masks
from qa.answer.placing import same_answer
from qa.answer.short_latin import latin_span
from qa.answer.windows import Question
from qa.text import lexicon
from qa.text.cjk import fold
from qa.text.sentences import Span, split_clauses

__all__ = ["untailed"]

# Words after a phrase's last question word that still lead to the answer after it (as `clauses._END_WORDS`)
_END_WORDS = 2


@cache
def _joiners() -> frozenset[str]:
    return frozenset(w.lower() for w in lexicon.words("tail_joiner"))


def _joined(text: str, part: Span) -> bool:
    """Does `part` open with a joining word after a comma (", and the metal…")?"""
    words = text[part.start:part.end].split()
    before = text[:part.start].rstrip()
    return bool(words) and words[0].lower() in _joiners() and before.endswith(",")


def untailed(text: str, span: Span, q: Question, out: tuple[int, int], limit: int) -> tuple[int, int]:
    """`out` (a cut of the sentence `span` of `text`) ended before its first trailing clause opened by
    a joining word after a comma, when `out` is longer than `limit` and that clause and the phrases
    after it hold no question term and nothing of the kind asked (`phrase_cues`: which of the
    sentence's phrases hold the wanted type of answer) and the quote before it goes on past the
    question's words (`_past_words`); `out` else."""
    if out[1] - out[0] <= limit:
        return out
    parts = split_clauses(text, span.start, span.end, fine=True)
    inside = [k for k, p in enumerate(parts) if out[0] < p.start < out[1]]  # the phrases that may be left out
    if not any(_joined(text, parts[k]) for k in inside):
        return out
    cues = phrase_cues(text, parts, q)
    _, masks = term_masks(q.text, q.terms, text, span, parts)
    kinds = kind_cues(q.text, [text[p.start:p.end] for p in parts], [0] * len(parts)) or [False] * len(parts)
    quote = text[out[0]:out[1]]
    placed = latin_span(q.text, [quote]) is not None
    for k in inside:
        if not _joined(text, parts[k]) or any(masks[j] or cues[j] or kinds[j] for j in inside if j >= k) \
                or not _past_words(text, parts, masks, q, out[0], k):
            continue
        end = len(text[:parts[k].start].rstrip().rstrip(","))
        if not placed or same_answer(q.text, quote, text[out[0]:end]):
            return out[0], end
    return out


def _past_words(text: str, parts: list[Span], masks: list[int], q: Question, start: int, k: int) -> bool:
    """Does the quote before phrase `k` go on past the question's words in its last phrase holding
    one (not ending at them, nor within `_END_WORDS` function words, figures or names of them: as
    `clauses` reads `Phrase.leads`)? A clause ending at them ("…built by the Romans to guard the river,
    | and it was garrisoned by a legion of archers…" for "Which troops guarded the river for the
    Romans?") leads to the answer after it."""
    held = [j for j in range(k) if masks[j] and parts[j].end > start]
    if not held:
        return False
    j = held[-1]
    words = text[max(parts[j].start, start):parts[j].end].split()
    needed = [t for i, t in enumerate(q.terms) if masks[j] >> i & 1]
    after = tail(fold(" ".join(words)), needed)
    return 0 < after < NO_TAIL and not (after <= _END_WORDS and setting_only(words[len(words) - after:]))
