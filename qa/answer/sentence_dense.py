"""A second opinion on which sentence answers: the embedder's.

The window score (`qa.answer.windows`) counts the question's words in each sentence, and an
article's lead sentence names the article's subject, so where a question rewords what it asks
("Which river carries water out of the lake?" for "…but only one, the Angara, drains it") the lead
sentence, holding the subject's words and `first`'s weight, outscores the sentence that answers.
The embedder (e5, trained on question-passage pairs) reads the paraphrase: among the best few
windows by today's score, each is embedded as the store embeds a chunk (its article's title, then
the text: a sentence saying "It" of the subject reads as about it, so the lead sentence no longer
wins for naming it) and its cosine to the question, times `dense_weight`, is added to its score,
relative to the most similar of them. The windows outside the best few are scored as the least
similar of those (they are below them already and stay in their own order).

Where the embedder judges, `dense_lead` of the score's lead-sentence prior (`first`: the article's
first sentence, fitted on CMRC, where the lead often answers) is taken back from every window: the embedder already
reads what the lead is about (it sees the title in every window), and the prior, added on top of the
subject's name, which only the lead writes out (later sentences say "she"), put the lead first where
the answer was two sentences on, worded otherwise ("hometown" / "Born in the town of", "support
himself" / "earned his living"). On the best 3 windows of 641 English and Spanish development
questions the first holds gold for 601 with the prior, 606 with half of it, 609 without; the
passage's retrieval rank, also taken back, gave 610 (613 among the best 5): not worth another rule
(session 13: the rank behind earlier passages of the window's own article taken back, real path
+3 / -7 and a near miss answered). All of it is taken back since the value check refuses the one
unanswerable question it let through (params.py).

Cost: each window is embedded at query time (~30-40 ms on two quiet cores, ~100 ms loaded), so
only the best `dense_windows`: on the English and Spanish development sets the gold window is
among the best 3 for 505 of 511 questions, and reranking more moved at most one first window
(params.py, `eval.bench.dense_windows`). Without an embedder (`similarity` None) windows keep
their scores. Chinese questions are reranked at a weight of their own (`dense_cjk`, chosen on CMRC,
DRCD and the translated sets; params.py).

Where the first window after that holds none of the question's focus terms (an English or Spanish
question worded apart from every sentence: "hometown" for "Born in the town of Liuhe"), nothing of
what was asked chose it, only where it stands: the lead's prior, the retrieval rank (the lead, which
writes the subject's name where later sentences say "she", is retrieved first) and the subject's
name. Then the embedder orders it and the next `dense_priors` windows by score that say as much of
the question (`_unheld`); those beyond the best three are embedded only then (~2% of English and
Spanish questions). Where the first holds a focus term the words keep the say: extended to every
window tied with others on the words, the embedder's choice was a coin toss (window replay of the
781 answerable English and Spanish dev questions: one more right, two more wrong). Chinese questions
go through it whatever their first holds (`dense_held_cjk`): their terms are character pairs, and a
first holding "在" or half a name is no more chosen by what was asked; there the embedder's order
gained on every Chinese set (params.py), and it changes which sentence is quoted, never whether one
is (`qa.answer.extractive`). For a Latin-script question the embedder compares those windows with
the question without the words of their article's title (`_unsubjected`): with the subject's name
it too reads the lead, which writes the name out and says what the subject is, as closest to any
question naming it.
"""

from __future__ import annotations

import re
from dataclasses import replace

from qa.answer.cross_script import Similarity
from qa.answer.params import DEFAULTS, FEATURES, ExtractiveParams
from qa.answer.windows import Window
from qa.text.cjk import CJK
from qa.text.questions import question_terms
from qa.types import Hit, embed_view


def reranked(windows: list[Window], hits: list[Hit], similarity: Similarity,
             params: ExtractiveParams = DEFAULTS, weight: float | None = None, lead: float | None = None,
             priors: int | None = None, held: float = 0.0, both: bool = False):
    """`windows` with `weight` (`dense_weight` unless given) × (cosine to the question − the best
    cosine of the best `dense_windows`) added to each score and `lead` (`dense_lead` unless given)
    of the lead-sentence prior taken back (see the module doc); `windows` themselves when the
    weight or the count is 0. Where the first of them holds none of the question's focus terms,
    the embedder orders it and the next `priors` (`dense_priors` unless given) that say as much of
    the question (`_unheld`); a first holding no more than `held` of the focus terms' weight counts
    as holding none. `both`: (the windows without that step, with it)."""
    weight = params.dense_weight if weight is None else weight
    if weight <= 0 or params.dense_windows <= 0 or len(windows) < 2:
        return (windows, windows) if both else windows
    key = lambda w: (w.score, -(w.end - w.start))  # noqa: E731
    best = sorted(windows, key=key, reverse=True)[:params.dense_windows]
    sims = _cosines(best, hits, similarity, {})
    cos = {id(w): sims[_view(w, hits)] for w in best}
    top, low = max(cos.values()), min(cos.values())
    lead = (params.dense_lead if lead is None else lead) * params.weights.first
    out = [replace(w, score=w.score - lead * _first(w) + weight * (cos.get(id(w), low) - top))
           for w in windows]
    picked = _unheld(windows, out, hits, similarity, params, weight, sims,
                     params.dense_priors if priors is None else priors, held)
    if picked is out:
        picked = _past_lead(out, hits, similarity, params, weight)
    return (out, picked) if both else picked


def _view(w: Window, hits: list[Hit]) -> str:
    return embed_view(hits[w.hit].title, hits[w.hit].text[w.start:w.end])


def _cosines(windows: list[Window], hits: list[Hit], similarity: Similarity, known: dict[str, float]) -> dict[str, float]:
    """view -> cosine to the question of `windows` (`known` and more: one sentence in two
    overlapping chunks is embedded once)."""
    views = [v for v in dict.fromkeys(_view(w, hits) for w in windows) if v not in known]
    return known | dict(zip(views, similarity(views))) if views else dict(known)


_FOCUS = FEATURES.index("focus_corpus")
# What a window says of the question (its words, the type of answer), as against where it stands
# (the title's words, the passage's retrieval rank and similarity, the lead, the length)
_SAYS = tuple(FEATURES.index(f) for f in ("focus_corpus", "focus_local", "focus_chars", "focus_near", "cue",
                                          "cue_missing", "define"))


def _says(w: Window, weights) -> float:
    return sum(weights[i] * w.values[i] for i in _SAYS)


def _unheld(windows: list[Window], out: list[Window], hits: list[Hit], similarity: Similarity,
            params: ExtractiveParams, weight: float, cos: dict[str, float], count: int, held: float = 0.0) -> list[Window]:
    """`out` (the reranked `windows`, in their order) with the embedder's order among the first
    and the windows that say as much of the question as it, when the first holds none of the
    question's focus terms: nothing of what it asks told it apart, only where it stands (the
    article's lead, the first passage retrieved, the subject's name it writes out). "What is Wu's
    hometown?" quoted "Chien-Shiung Wu (1912–1997) was a Chinese-American experimental physicist…",
    the fifth passage "Born in the town of Liuhe, …" (its similarity the highest) below the best
    three reranked for its rank alone. The first keeps its score, the others of them are placed
    `weight` × their cosine below the most similar's; `out` itself when the first holds a focus
    term or is the most similar."""
    order = sorted(range(len(out)), key=lambda i: (out[i].score, -(out[i].end - out[i].start)), reverse=True)
    first = out[order[0]]
    if count <= 0 or not first.values or first.values[_FOCUS] > held:
        return out
    floor = _says(first, params.weights) - 1e-9
    ranked = sorted(range(len(windows)), key=lambda i: (windows[i].score, -(windows[i].end - windows[i].start)), reverse=True)
    tied = [i for i in ranked if i != order[0] and windows[i].values and _says(windows[i], params.weights) >= floor][:count]
    if not tied:
        return out
    tied.append(order[0])
    asking = getattr(similarity, "asking", None)
    if params.dense_unsubject and asking is not None and not CJK.search(similarity.question):
        sim = _unsubjected([windows[i] for i in tied], hits, similarity.question, asking)
        sim = dict(zip(tied, sim))
    else:
        cos = _cosines([windows[i] for i in tied], hits, similarity, cos)
        sim = {i: cos[_view(windows[i], hits)] for i in tied}
    top = max(sim.values())
    if sim[order[0]] >= top:
        return out
    out = list(out)
    for i in tied:
        out[i] = replace(out[i], score=first.score + weight * (sim[i] - top))
    return out


_WORD = re.compile(r"[^\W_]+(?:['’][^\W_]+)*")


def without_subject(question: str, title: str) -> str:
    """`question` without the words of `title` (its article's subject, a possessive's "'s" off:
    "What did Semmelweis's father do for a living?" over "Ignaz Semmelweis" -> "What did father do
    for a living?"); `question` itself when that leaves no word."""
    named = {w.lower() for w in _WORD.findall(title)}

    def kept(m: re.Match) -> str:
        word = m.group(0).lower()
        return "" if word in named or re.sub(r"['’]s$", "", word) in named else m.group(0)

    rest = " ".join(_WORD.sub(kept, question).split())
    return rest if _WORD.search(rest) else question


def _unsubjected(windows: list[Window], hits: list[Hit], question: str, asking) -> list[float]:
    """Each window's cosine to the question without its article's subject (`without_subject`), where
    nothing of what was asked chose the first window (`_unheld`): the embedder, too, reads the
    subject's name, and the lead, which writes it out and says what the subject is, reads closest
    to any question naming it ("How did Leeuwenhoek support himself?" 0.857 against 0.822 for "He
    …earned his living as a draper"); without the name the windows compete on the rest of the
    question (0.799 against 0.801 there)."""
    by_title: dict[str, list[int]] = {}
    for n, w in enumerate(windows):
        by_title.setdefault(hits[w.hit].title, []).append(n)
    out = [0.0] * len(windows)
    for title, ns in by_title.items():
        rest = without_subject(question, title)
        # one word left ("What is hometown?") reads as next to nothing: the question as asked
        sims = asking(rest if len(question_terms(rest)) >= 2 else question)([_view(windows[n], hits) for n in ns])
        for n, value in zip(ns, sims):
            out[n] = value
    return out


def _past_lead(out: list[Window], hits: list[Hit], similarity: Similarity, params: ExtractiveParams,
               weight: float) -> list[Window]:
    """`out` with the first window given way to one of the next `dense_lead_rivals` of its article
    (by score) where the first is the article's lead sentence and the embedder reads a rival closer
    to the question without the article's subject (`_unsubjected`) by `dense_lead_margin`: the
    lead writes the subject's name and says what the subject is, so its words ("The Palacio Real is
    the residence of the kings": rey, palacio) and the embedder both favour it for any question
    naming the subject, while a later sentence says what was asked of it in other words ("Carlos III
    was the first monarch to live in it" for "Which king was the first to live in the palace?").
    Latin-script questions only (Chinese ones have `dense_held_cjk`); `out` itself otherwise."""
    asking = getattr(similarity, "asking", None)
    if params.dense_lead_rivals <= 0 or asking is None or CJK.search(similarity.question):
        return out
    order = sorted(range(len(out)), key=lambda i: (out[i].score, -(out[i].end - out[i].start)), reverse=True)
    first = out[order[0]]
    if not _first(first) or CJK.search(hits[first.hit].text):
        return out
    article = hits[first.hit].article_id
    # a rival holds the type of answer asked when the lead does ("Why…": the lead's "because" stays)
    rivals = [i for i in order[1:] if out[i].values and hits[out[i].hit].article_id == article][:params.dense_lead_rivals]
    rivals = [i for i in rivals if out[i].values[_CUE] >= first.values[_CUE]]
    if not rivals:
        return out
    tied = [order[0], *rivals]
    sim = dict(zip(tied, _unsubjected([out[i] for i in tied], hits, similarity.question, asking)))
    sim[order[0]] += params.dense_lead_margin  # the lead keeps its place unless a rival reads clearly closer
    top = max(sim.values())
    pick = max(tied, key=lambda i: sim[i])
    if pick == order[0] or _fuller_lead(first, out[pick], params):
        return out
    out = list(out)
    for i in tied:
        out[i] = replace(out[i], score=first.score + weight * (sim[i] - top))
    return out


def _fuller_lead(lead: Window, rival: Window, params: ExtractiveParams) -> bool:
    """Would `qa.answer.extractive._fuller` take `lead` back from `rival` (it covers `fuller_gain`
    more of the question and lacks no type of answer asked)? Then the lead stays first. Given way
    all the same, it came back as the answer with the rival quoted after it (a longer answer), and
    where it was refused, the rival's quote answered in its place: real path, every en/es dev set,
    +5 / -3 against +2 / -0 with the lead kept (docs/benchmarks.md, the sixteenth session)."""
    return not lead.values[_CUE_MISSING] and lead.support >= rival.support + params.fuller_gain


_FIRST = FEATURES.index("first")
_CUE, _CUE_MISSING = FEATURES.index("cue"), FEATURES.index("cue_missing")


def _first(window: Window) -> float:
    """The window's `first` feature (1 for an article's first sentence), 0 for one without features."""
    return window.values[_FIRST] if window.values else 0.0
