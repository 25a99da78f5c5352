"""What the extractive answerer (qa/answer/extractive.py) is tuned by, in one frozen dataclass.

`DEFAULTS` holds the chosen values and is what every answerer function takes unless given
another, so a tool tries other values with `dataclasses.replace(DEFAULTS, ...)` and passes them in
(`qa.ask.ask(..., params=...)`) instead of changing module state that concurrent questions share.
The window features are named (`Features`), and the weights are a `Features` too.

Provenance: the weights were fitted on cmrc_trial (eval/bench/tune_answer.py) and the gap factors
with the refusal threshold (`refusal_threshold` in qa/config.py) on CMRC development sets; the
leave-one-corpus-out protocol (eval/bench/general.py, `make bench-general`; docs/benchmarks.md,
"Generalisation") then fitted all three on every visible set but one, for each set, and chose by
the worst left-out set: its fits did no better there than these values, so they were kept.
Since the nineteenth session (2026-12-07) a fold leaves out a corpus family as a whole (cmrc_trial,
cmrc_train30, drcd_test, the seed, English, Spanish, translated Chinese: the protocol's
`FAMILIES`), not a set while its siblings by the same writer stay in the fit; "worst" is the
worst left-out family. Values change here only when that protocol's worst left-out score beats theirs. The support terms
`seam_credit` and `apart_credit` (issue 27 point 2) were chosen by measuring every visible set with
the near misses held refused (docs/benchmarks.md, "Support that means the same on every corpus"),
with `event` 0.4 -> 0.35 for those near misses; the protocol, rerun on them, kept every value.
`joint_credit` (issue 27, 2026-12-06's eighth session) is seam_credit's value, and `plain_credit`
apart_credit's, not fitted: measured on every development set on the real path (joints: zh_xwiki3
29 -> 32 right, zh_xwiki 51 -> 53; with plain words: zh_xwiki3 33, zh_xwiki 57, cmrc 852; no
unanswerable answered, no right answer lost; cmrc_trial and drcd_test swaps as wrong as before).
`join_anaphora` and `join_close` (qa.answer.anaphora) were chosen on drcd_test against cmrc_trial,
cmrc_train30 and the seed; the protocol, rerun with them (worst left-out set 0.837), again kept
every fitted value. Rerun with en_wiki, es_wiki and zh_translated among the sets and a refusal floor
per set (eval/bench/results/general.json, at d52df1c): worst left-out set es_wiki, 0.368, which no
fit raised without answering some set's unanswerable questions; every value kept. Rerun at 8f82841
with the check sets en_wiki2, es_wiki2, zh_xwiki reported but in no fit: worst left-out set es_wiki,
0.605; no fit did better, every value kept. Rerun at 891ab3d with en_wiki2, es_wiki2 and zh_xwiki
in the fit (development sets since 2026-12-06's seventh session) and en_wiki3, es_wiki3, zh_xwiki3
the check sets: worst left-out set zh_xwiki, 0.290 (27.1% of its answerable questions refused, 11
of 19 by support under the threshold: 0.57 at threshold 0.15), which no fit raised without
answering other sets' unanswerable questions; every value kept. Rerun at 1fd6560 with en_wiki3,
es_wiki3 and zh_xwiki3 in the fit too (development sets since 2026-12-06's eighth session) and
en_wiki4, es_wiki4, zh_xwiki4 the check sets: worst left-out set zh_xwiki3, 0.271 (27.5% of its
answerable questions refused); no fit did better, every value kept. Rerun at 45def55 (with
joint_credit, plain_credit and the fuller_* pair below; stores built afresh): worst left-out set
es_wiki3, 0.294 (zh_xwiki3 0.614); no fit did better, every value kept. Rerun at 71307b9 with
en_wiki4, es_wiki4 and zh_xwiki4 in the fit (development sets since 2026-12-06's ninth session),
the English and Spanish wiki near misses in every fit, and en_wiki5, es_wiki5, zh_xwiki5, en_wiki6,
es_wiki6, zh_xwiki6 the check sets: worst left-out set zh_xwiki4, 0.594; no fit did better, every
value kept. Rerun at bf6c6d9 (2026-12-06's tenth session) with the fresh en_wiki7, es_wiki7 and
zh_xwiki7 in the fit: worst left-out set zh_xwiki4, 0.594; every value kept. Rerun at the end
of the eleventh session (2026-12-07) with the fresh calibration sets en_wiki9, es_wiki9 and
zh_xwiki9 in the fit and the Chinese near misses over the translated articles in every fit: worst
left-out set es_wiki9, 0.193 under these values and 0.122 under the fit without it (the fitted
window weights won at window level in every fold but one, and lost on the answers); every value
kept. Rerun in the twelfth session (2026-12-07) at eb3693e with the fresh en_wiki11, es_wiki11 and
zh_xwiki11 in the fit and en_wiki10, es_wiki10, zh_xwiki10 among the checks, the "value" gap (factor
0) among the factors: worst left-out set es_wiki9, 0.159 under these values and under the fit
without it; every value kept. Rerun in the thirteenth session (2026-12-07) at 1fa2160 (`dense_cjk`,
`dense_lead` 1.0 and the session's first round in; 4,288 s under load) with en_wiki13, es_wiki13,
zh_xwiki13 in the fit and en_wiki12, es_wiki12, zh_xwiki12 among the checks: worst left-out set
es_wiki9, 0.230 under these values and under the fit without it; every value kept. Rerun in the
nineteenth session (2026-12-07) at 13d905f (the answerer of cb79a99) with a fold per corpus family
and en_wiki25, es_wiki25, zh_xwiki25 in the fit: every fold chose these weights, gap factors and
threshold; worst left-out corpus Spanish, 0.611; every value kept (eval/bench/results/general.json). `dense_lead`, `dense_cjk` and `dense_lead_cjk` (below) are not
fitted by it. `latin_plain_share`
and `cjk_plain_share` are not fitted by the protocol (it answers once at threshold 0 and refuses by
arithmetic on the support the answerer reports, shares included): each is the lowest share at
which no near miss of the development sets is answered, read off every set answered at threshold
0 (`python -m eval.bench.snapshot --threshold 0`). Window weights of their own for Latin-script
text were fitted by the same leave-one-corpus-out among the ten English and Spanish sets that
session: at window level they beat these (worst left-out 0.865 -> 0.913, `first` 1.31 -> 0.26),
on the real path each set answered with the weights fitted without it lost 3 of 435 right answers
and answered two en_wiki2 unanswerables, so there is one weight vector. `clause_chars`
(qa.answer.clauses) is not fitted: it is issue 27's goal for an English or Spanish answer's length.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass, field
from types import MappingProxyType
from typing import NamedTuple


class Features(NamedTuple):
    """A window's features, the inputs of its score (see the module doc). A tuple in this order
    (`FEATURES`), so a list of them is a matrix; the weights are a `Features` too."""
    topic_in: float  # share of the title's question terms in the window
    focus_corpus: float  # share of the other (focus) terms, by collection IDF
    focus_local: float  # ... by IDF among the candidate sentences
    focus_chars: float  # share of the focus characters, by IDF among the candidate sentences
    focus_near: float  # focus terms only in the neighbouring sentences
    cue: float  # holds the wanted type of answer
    cue_missing: float  # the question wants a type the window lacks
    define: float  # opens with the X of 什么是X
    rank: float  # the passage's retrieval rank, from 0
    dense_delta: float  # the passage's dense similarity minus the best passage's
    pair: float  # two sentences
    log_chars: float
    first: float  # the article's first sentence
    title: float  # share of the question the article's title names


FEATURES = Features._fields


def weigh(features: Features, weights: Features) -> float:
    """The weighted sum, added left to right in `FEATURES` order: every fitted and checked result
    was computed in this order, and float addition is not associative (`sum()` compensates on 3.12)."""
    total = 0.0
    for w, f in zip(weights, features):
        total += w * f
    return total


# Support is multiplied by these when the quote misses what the question asks about (qa.answer.slots):
# 0 refuses outright (a missing attribute, another period, no named instance); verbs and guessed
# noun boundaries are paraphrased or mis-cut more often, so they only weaken support.
# event 0.35 (was 0.4) since seams (qa.answer.windows) raised support: at 0.4 two near misses over
# cmrc_train30 that only the event gap refuses (华阳路街道办事处成立于哪一年) passed at support 0.27-0.28.
_GAP_FACTORS = MappingProxyType(
    {"focus": 0.0, "loose": 1.0, "event": 0.35, "period": 0.0, "instance": 0.0, "english": 0.2, "name": 0.2,
     "entity": 0.0, "elsewhere": 0.0, "value": 0.0})  # entity, elsewhere: qa.answer.grounding
# value (qa.answer.values, twelfth session): refused outright, like focus: on the English and Spanish
# dev sets no right answer's quote lacked the value asked (577 checked), 4 answered unanswerables did


@dataclass(frozen=True)
class ExtractiveParams:
    """What the extractive answerer is tuned by (the module doc says how each is used). Frozen all
    the way down; another set is `dataclasses.replace(DEFAULTS, ...)`, and `weights` and
    `gap_factors` may be given as plain dicts (all names required, unknown ones rejected)."""

    # Fitted by eval/bench/tune_answer.py on cmrc_trial (see docs/benchmarks.md, "Retrieval"); kept
    # by the leave-one-corpus-out protocol (eval/bench/general.py; module doc).
    weights: Features = Features(
        topic_in=0.55, focus_corpus=3.29, focus_local=2.29, focus_chars=4.27, focus_near=-1.72, cue=0.88,
        cue_missing=-0.88, define=2.26, rank=-0.86, dense_delta=1.36, pair=-1.0, log_chars=0.0, first=1.31,
        title=6.16)
    gap_factors: Mapping[str, float] = field(default_factory=lambda: _GAP_FACTORS)  # gap kind -> factor
    context_credit: float = 0.5  # support: a question term found only in a neighbouring sentence counts this much
    apart_credit: float = 0.5  # support: a Chinese term the quote holds only as separate characters counts this much
    seam_credit: float = 1.0  # support: a seam (a bigram across a word boundary no passage holds) is covered this much with its neighbours
    joint_credit: float = 1.0  # support: a joint (an absent bigram across the dictionary's cut, `qa.answer.seams`) likewise, where no gap is found
    plain_credit: float = 0.5  # support: an absent plain word's term, times the share of the other terms held, where no gap is found
    # support: a Chinese term of the kind asked no passage writes (什么|地方: qa.answer.kinds) that the window
    # lacks counts this much, where no gap is found and the window holds the type asked (0: as any other
    # term); and an absent bigram across words of one character (来|孵: qa.answer.seams.letter_terms) this
    # much times the weight of those characters the window writes (孵卵) among the candidate sentences.
    # Not fitted: 1.0 each, measured on every Chinese development set on the real path (eighteenth
    # session, helper zhlow: zh_xwiki21 +3, zh_xwiki +2, zh_xwiki19 +1, zh_xwiki17 +1, one refusal now a
    # wrong sentence; characters unweighted, 1.0: +8 / 2 wrong, 0.5: +6 / 1 wrong; every zh near miss and
    # train30_nearmiss held either way;
    # calibration zh_xwiki23 34 -> 35 right, 6/6 unanswerables refused).
    kind_credit: float = 1.0
    letter_credit: float = 1.0
    # Support of an English or Spanish quote over text in its own language with no gap found is
    # divided by this (capped at 1): plain coverage means less there, since those questions reword
    # the text (a synonym for the verb, another order) where CMRC's reuse its words. Read off the
    # calibration of every answer at threshold 0 (eval.bench.snapshot --threshold 0; docs/benchmarks.md,
    # "The tenth session of 2026-12-06"): at the default threshold 0.25, gap-free English and Spanish
    # quotes refused at 0.18 (0.72 x 0.25) answer no more near miss of the English and Spanish dev
    # sets than at 0.25 (8 of 52, 7 of 34 answered), where 0.15 answered one more English one.
    latin_plain_share: float = 0.72
    # ... and of a Chinese quote for a Chinese question: 0.88 (refused under 0.22), the lowest share
    # at which no near miss of the development sets (train30_nearmiss, the seed's, zh_translated's
    # and the zh_xwiki sets') is answered: at 0.8 "墨西哥土拨鼠的尾巴有多长？" (0.200) is. On the fresh
    # calibration set zh_xwiki7, answered before this was chosen: 40 -> 42 of 50 right, 4 of 8
    # unanswerable refused as at 1.0.
    cjk_plain_share: float = 0.88
    # ... and of one asking a reason or a manner (为什么, 如何: `qa.answer.causes.asks_open`): it holds no
    # figure, date or name a quote must give, and words the cause or means apart from the passage.
    # Sixteenth session (helper zhrefuse), real path: at 0.88 / 0.5 / 0.3, zh dev sets (zh_translated,
    # zh_xwiki 3 4 7 9 11 13 15 17) +0 / +2 / +2 (enw12-q2 如何 0.24 -> 0.43, ene01-q2 为什么 0.16 -> 0.28),
    # cmrc_trial, cmrc_train30, drcd_test, seed, seed_fresh, the seed probe's 221, every zh near
    # miss and train30_nearmiss unchanged at each. No unanswerable of those sets asks a reason or a
    # manner without a gap; 0.5, the middle of the range that moves the same.
    cjk_open_share: float = 0.5
    cue_missing: float = 0.75  # support is multiplied by this when the question wants a type the quote lacks
    cue_missing_exact: float = 0.2  # ... a precise type (多少张 wants "N张", 哪一年 a year), which rarely misfires
    role_missing: float = 0.5  # ... and this when it asks who holds a role the quote and its neighbours never name
    # Cross-script support: similarity mapped onto 0..1 from dense_floor to dense_full; chosen from
    # the calibration of train30_en with the real embedder (eval/bench/cross_calibration.py,
    # docs/benchmarks.md): right and wrong quotes separate at similarity 0.755-0.78, so 0.25 sits at
    # 0.755 (0.72 + 0.25 x 0.14), the highest cut that moves none of the seed's English answers.
    # Recalibrated with the literal and name evidence counted in (cross_literal, cross_name): kept,
    # since a lower cut buys right answers with wrong ones (train30_en at 0.755: 20 right, 5 wrong of
    # 34; at 0.73: 24 right, 7 wrong), and the seed's English answers do not move between 0.72 and 0.765.
    dense_floor: float = 0.72
    dense_full: float = 0.86
    # Cross-script sentences: 3 passages, not 2 (train30_en: English words of the question match
    # Latin-heavy Chinese pages in keyword search, and those push the answer's passage to third in 7
    # of 34), at most 16 sentences (at 12 most of the third passage was left out).
    cross_passages: int = 3  # cross-script: sentences of this many passages are embedded at query time
    cross_sentences: int = 16  # ... and at most this many (~19 ms each)
    cross_min_chars: int = 4  # ... none with fewer characters of the text's script (a fragment: "S.")
    # Similarity bonus (and support, see qa.answer.cross_script.cross_script_windows) per number or month
    # of the question the sentence holds, and per pinyin name it writes in characters: the embedder
    # puts sentences of one article within 0.01-0.03 of each other. Chosen on train30_en by replaying
    # every candidate's similarity: literal 0.01-0.05 and name 0.01-0.02 gave the same right count
    # (name 0.05 lost one); the seed's English answers do not move.
    cross_literal: float = 0.02
    cross_name: float = 0.01
    # ... and per word of the question one of whose CC-CEDICT words the sentence holds (campuses:
    # 校区; qa.text.cedict). Chosen on train30_en with the real embedder, answers re-run on cached
    # retrieval: 0.005 / 0.01 / 0.02 / 0.03 / 0.05 -> 22 / 22 / 24 / 22 / 22 right of 34 (19 with
    # none); 0.03 answered one more of train30's near misses (44 of 50 refused, not 45). Not tuned
    # on trial_en: 16 -> 20 right of 32 at 0.02. The seed's English answers: 5 moved, none right or wrong.
    cross_word: float = 0.02
    cross_cue: float = 0.02  # cross-script: similarity bonus for a sentence of the wanted answer type
    # ... and for one that says the English question's attribute (jobs: 岗位): one that does not has
    # an "english" gap however similar it reads, so it ranks after every one that does
    cross_focus: float = 1.0
    cross_margin: float = 0.01  # cross-script: runner-up sentences this close in similarity are quoted too
    # The embedder's second opinion (qa.answer.sentence_dense): the best `dense_windows` windows by
    # score each gain `dense_weight` x their cosine to the question (relative to the best of them).
    # Chosen on every English and Spanish development set at once (2026-12-07, session 11, helper
    # dense; `python -m eval.bench.dense_windows --set en_wiki ... --set es_news`, today's best
    # windows on the real path): the window holding the gold answer is first for 475 of 511
    # questions by the score alone, 472 by the cosine alone, 479 / 480 / 481 / 484 / 483 / 484 with
    # weight 20 / 30 / 50 / 70 / 100 / 150 among the best 3 (the gold window is among them for 505;
    # the best 4-8 gave the same to within one, the best 2 483 of 499 in reach); 3, since each is embedded at query time (~100 ms a
    # window on these loaded 2 cores, ~30-40 ms quiet). On the real path, those sets at weight 50:
    # +4 / -3 answers, at 70: +5 / -3 (es_wiki4 +1 more); es_wiki7 (calibration, aggregate) 30 -> 31
    # of 40 at both; no unanswerable question or near miss answered.
    # Chinese questions (`dense_cjk`), sessions 11-12: at weight 50, cmrc_trial 0.851 -> 0.861,
    # zh_xwiki4 36 -> 39 of 40, zh_xwiki, zh_xwiki3, zh_translated and the seed no net change; at 70,
    # cmrc_train30 107 -> 110 of 122, zh_xwiki4 +2, zh_translated, zh_xwiki and the seed -1 each,
    # zh_xwiki7 (calibration) 0.840 unchanged, train30's near misses 46 of 50 refused unchanged;
    # drcd_test not measured in time. Chinese may want a weight of its own. Session 12 (helper
    # zhfocus), at 50 / 70: cmrc_trial 0.851 -> 0.860 / 0.860, zh_xwiki4 0.900 -> 0.975 / 0.950, but the
    # seed 0.912 -> 0.901 and zh_xwiki 0.886 -> 0.871 at both; drcd_test again unfinished: still off.
    # Session 13 (helper zhref): Chinese at a weight of its own, `dense_cjk`, with the words' best
    # quoted where the embedder's pick is refused (qa.answer.extractive). drcd_test (3,493) 0.900 ->
    # 0.905 at 70 (+45 / -29), 0.906 at 50 (+40 / -18); at 30 / 50 / 70 every other Chinese set
    # (seed, seed_fresh, cmrc_trial, cmrc_train30, zh_translated, zh_xwiki 3 4 7 9 11) +17/-5,
    # +19/-4, +23/-7 (cmrc_trial +10/-3, +11/-2, +14/-3); no unanswerable or near miss answered at
    # any. 50: the best on drcd_test, the fewest lost elsewhere (the seed's 国欧 question, a zh_xwiki
    # quote right by its runner-up). Gating it to windows within 0.5 / 1 of the words' best kept the
    # losses and lost the gains (+2/-3, +15/-3).
    # Session 12 (helper lead): where the embedder judges, this share of the score's `first` prior
    # is taken back (qa.answer.sentence_dense). Window replay, best 3 of 641 en/es dev questions,
    # gold window first: 601 / 606 / 609 taking back 0 / 0.5 / 1 of it (weight 50 / 100 at 1: 608 /
    # 610, so 70 and 3 stay). Real path, every en/es dev set and near-miss set: at 1, +5 / -1 and a
    # near miss refused, but es_wiki11 (calibration, aggregate) answered one more unanswerable
    # (3/4 -> 2/4); at 0.5 es_wiki11 kept 3/4 (see the commit for the dev figures). Session 13 (helper
    # enpara): that unanswerable ("¿Cuántos años vive un lince…?" over "2.000 individuos") is refused by
    # the value it lacks (qa.answer.values: a count of years needs a span of years), so all of it: real
    # path, the 16 en/es dev sets, their near misses and the seed, +2 / -1 (en_wiki), nothing
    # unanswerable answered, en_wiki4_nearmiss 3/4 -> 4/4 refused; en_wiki13 / es_wiki13 (calibration,
    # aggregate) 0.950 / 0.867 at both.
    dense_weight: float = 70.0
    dense_windows: int = 3
    dense_lead: float = 1.0
    # Session 14 (helper enpick): where the first window holds none of the question's focus terms
    # (only the subject's name, the lead's place, the retrieval rank chose it), the embedder orders it
    # and the next `dense_priors` by score that say as much of the question (qa.answer.sentence_dense;
    # Latin-script questions only). Window replay of the 781 answerable en/es dev questions, the best
    # 10 windows each: +3 / -0 (ene04-q0, enx03-q0, enc02-q1), 15 questions reach it. Real path, the
    # 18 en/es dev sets, their near misses and the seed: at 3, nothing moved (Wu's hometown is the
    # fifth window); at 5 / 8 / 16, en_wiki9 ene04-q0 wrong -> right, en_wiki2 enx03-q0 to the
    # gold sentence (cut wrong until `clauses.subject_run` read its pronoun), nothing else; 5
    # embeds fewest (~2% of Latin questions embed up to 5 more windows).
    dense_priors: int = 5
    # Session 15 (helper enlead): among those windows the embedder compares each with the question
    # without the words of the window's article title, where two or more of its terms are left
    # (qa.answer.sentence_dense._unsubjected; Latin-script questions). Real path, the 18 en/es dev
    # sets, en_news, es_news, their near misses and the seed: +2 / -0 (enc04-q0, eng04-q1: the lead
    # quoted for a reworded answer); Chinese sets, seed_fresh, train30_en, trial_en unchanged.
    # Stripping the subject for every window the embedder reranks: +4 / -6 and a near miss answered
    # ("When did the Battle of Talas take place?" leaves "When did the take place?"); half and half
    # with the full question +1 / -4. The two-term floor: "What is hometown?" (Wu's, one term left)
    # put the lead with its neighbour first by 0.001 over one passage holding the whole article.
    dense_unsubject: bool = True
    # Session 16 (helper enpara): where the first window is its article's lead sentence, it gives way
    # to one of the next `dense_lead_rivals` of its article the embedder reads closer to the question
    # without the subject's words by `dense_lead_margin` (qa.answer.sentence_dense._past_lead).
    # Window replay of 80 lead-quoted answers of en/es wiki 11-17 (best 5 windows, unsubjected
    # cosines): margin 0 / 0.005 / 0.01 / 0.02 with 3 rivals: +2 / -7, +2 / -4, +2 / -0, +2 / -0.
    # Real path at 3 and 0.01, the 22 en/es dev sets: +2 / -0 (enz06-q2, esg06-q3), 6 answers changed.
    dense_lead_rivals: int = 3
    dense_lead_margin: float = 0.01
    dense_cjk: float = 50.0  # ... the weight for Chinese questions (0: not reranked; see above)
    # ... and the share of the lead prior taken back for them: zhref measured 50 with half of it;
    # all of it, +6 / -7 on the Chinese sets and zh_xwiki3's unanswerable-1 answered
    dense_lead_cjk: float = 0.5
    # Session 14 (helper zhpick): the same for Chinese questions, whatever focus the first holds
    # (`dense_held_cjk` 1: a first holding up to all of the focus terms' weight counts as holding
    # none). Chinese terms are character pairs, so a first nearly always holds one ("在", a pair of a
    # name): at 0, +1 / -1 on the zh dev sets and cmrc_trial 0.863 -> 0.870. The gold window of the
    # refused and wrong zh dev questions had the best cosine of the ten best, with a focus share of
    # 0 to 0.65 (no threshold parts the gains from the losses: window replay +16 / -4). Its pick
    # changes a quote, never whether one is given (qa.answer.extractive: the order without it is
    # answered first): without that, zh_xwiki3's unanswerable-1 was answered. Real path against
    # c1f94cd: drcd_test 0.903 -> 0.911 (+37 / -11), cmrc_trial 0.863 -> 0.877 (+19 / -5), zh dev
    # sets +5 / -1, seed 0.901 -> 0.912, seed_fresh 0.889 -> 0.911, zh_xwiki15 (calibration)
    # 0.775 -> 0.800; not one refusal changed on any set. Chinese answers grow 7-26 characters
    # (more pairs of sentences); leaving out the first with a neighbour added kept them as long as
    # before and lost most of the gains (cmrc_trial 0.872, zh_xwiki9 and the seed nothing).
    dense_priors_cjk: int = 5
    dense_held_cjk: float = 1.0
    extra_margin: float = 0.5  # a runner-up window is quoted too when its score is within this of the best
    max_quotes: int = 3
    # A Latin-script sentence longer than this is quoted as the run of its phrases that holds what it
    # matched, widened up to this length (qa.answer.clauses; the issue 27 goal for English and Spanish)
    clause_chars: int = 150
    # A run of phrases the next one does not fit beside within `clause_chars` takes it up to this
    # length when no phrase holds the wanted type of answer (qa.answer.clauses._widened; 0: never).
    # Session 15 (real path, every en/es dev set): 180 answered 4 more (en_wiki9, en_wiki11,
    # en_wiki13, es_wiki11), lost none, and made answers 1-10 characters longer a set (3-4 on
    # most); 200 the same 4 at 2-9. Calibration en_wiki17 0.850 -> 0.875 at 124 -> 131 characters,
    # es_wiki17 the same at 148 -> 151. Taken (the lead, on the dev and calibration figures, not
    # the checks): wrong:cut is the biggest English miss on fresh text, and 3-4 characters a mean
    # answer cost less than an answer cut away.
    clause_reach: int = 180
    # A quote longer than this ends before a trailing clause of its own, opened by "and"/«y» after a
    # comma, that says nothing asked (qa.answer.tails; at most `clause_chars`). Session 16, real path
    # (every en/es dev set, near misses, en_news/es_news, train30_en, trial_en): 18 answers 18-96
    # characters shorter, none lost, nothing else moved. Without `tails._past_words`: at 150
    # (quotes past the budget only) 13, at 120 26, at 80 30 shorter, none lost on dev, but the
    # calibration set en_wiki19 lost one at 150 and at 80 (0.625 -> 0.600, wrong:cut 5 -> 6); with
    # it 0.625. The same clause opened by a relative word (which, where; que, donde) held the
    # answer in 10 of 23 dev quotes: not cut.
    tail_chars: int = 80
    # When the best window is refused, the next `retry_windows` within `retry_margin` of its score
    # are checked in turn, and the first that passes is quoted instead.
    retry_windows: int = 4
    retry_margin: float = 0.5
    # ... and where the best lacks a Chinese question's focus word or named instance, the next
    # `focus_retry` windows of its article at any score that say it and the question's rarest term
    # (qa.answer.refocus; 0: none). Chosen on the zh dev sets, their near misses, train30_nearmiss and
    # the seed (fifteenth session): 4, 8 and 16 answer the same 4 more right and no near miss.
    focus_retry: int = 4
    # A passing best window in Latin-script text gives way to a runner-up within `fuller_margin` of
    # its score that covers `fuller_gain` more of the question (extractive._fuller, where they were
    # chosen; 0 margin: never)
    fuller_margin: float = 2.5
    fuller_gain: float = 0.1
    # The best window, when one sentence, is quoted with its neighbour when an anaphor ties them
    # (qa.answer.anaphora; measured on drcd_test, cmrc_trial, cmrc_train30 and the seed: its module doc).
    join_anaphora: bool = True
    # ... and with the next sentence when it places no answer and the pair scores within this of it
    # (chosen on drcd_test against cmrc_trial, cmrc_train30 and the seed: qa.answer.anaphora's doc)
    join_close: float = 0.8
    # When no quote places an answer (qa.answer.short.pick), the best window within this of the best
    # that places one and passes the same checks is quoted too (extractive._placing). Chosen on the
    # hash+keyword stores, answers re-run on cached retrieval: 2.0 adds such a quote to 2% of
    # cmrc_trial's answers (6 of 20 then hold the gold answer: 0.839 -> 0.845), drcd_test 0.8798 ->
    # 0.8809, train30 0.877 -> 0.885, seed, near misses, en_news, es_news unchanged, +0.5-2 characters
    # a mean answer; 3.0 gained one more on each set for twice the additions.
    placing_margin: float = 2.0

    def __post_init__(self) -> None:
        weights = Features(**self.weights) if isinstance(self.weights, Mapping) else Features(*self.weights)
        object.__setattr__(self, "weights", weights)
        factors = dict(self.gap_factors)  # a copy: the caller's dict may change later
        if set(factors) != set(_GAP_FACTORS):
            raise ValueError(f"gap_factors needs exactly the gap kinds {list(_GAP_FACTORS)}, got {list(factors)}")
        object.__setattr__(self, "gap_factors", MappingProxyType(factors))


DEFAULTS = ExtractiveParams()
