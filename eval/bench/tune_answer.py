"""Fit the extractive answerer's window-ranking weights (`ExtractiveParams.weights` in qa/answer/params.py).

python -m eval.bench.tune_answer --fit ../shared/bench/cmrc_trial --check ../shared/bench/cmrc_train30

Each `--fit`/`--check` folder is ingested (cached vectors), its questions are retrieved with the
current settings, and every candidate window of the top passages is labelled by whether it holds
a gold answer. The weights maximise the likelihood that a softmax over each question's windows
puts its mass on the labelled ones (plain gradient descent with a little L2, numpy only). The
script prints the fitted weights and answer-contains@1 on every set with the current and the
fitted weights; copying the weights into extractive.py is a deliberate, reviewed step.

--refusal prints refusal precision/recall per threshold (half-corpus stores, near misses);
--gaps grids the slot-check factors (`ExtractiveParams.gap_factors`) and the threshold together;
its best rows are likewise copied by hand. Other values are tried by passing a
`dataclasses.replace` of `qa.answer.params.DEFAULTS` down the read path (`ask(..., params=...)`), never
by changing the module. The pieces (`window_rows`, `fit`, `answer_rows`, `refusal_search`) also
serve the leave-one-corpus-out protocol, `eval/bench/general.py`, which fits on several corpora.
"""

from __future__ import annotations

import argparse
import dataclasses
import shutil
import sys
import tempfile
from pathlib import Path
from typing import NamedTuple

import numpy as np

from eval.bench.cache import DEFAULT_CACHE, CachedEmbedding
from eval.bench.run import contains_answer, load_gold


def margin_report(rows, w: np.ndarray) -> None:
    """Diagnostics: add the second-best non-overlapping window when within `margin` of the best."""
    out = []
    for margin in (0.0, 0.25, 0.5, 0.75, 1.0, 1.5):
        ok, chars = 0, 0.0
        for x, y, lengths, spans in rows:
            if not len(x):
                continue
            s = x @ w
            order = sorted(range(len(s)), key=lambda i: (-s[i], lengths[i]))
            best = order[0]
            picked = [best]
            for i in order[1:]:
                if s[i] < s[best] - margin:
                    break
                if all(not _overlap(spans[i], spans[j]) for j in picked):
                    picked.append(i)
                    break
            ok += bool(y[picked].any())
            chars += sum(lengths[i] for i in picked)
        out.append(f"{margin}: {ok / len(rows):.3f}/{chars / len(rows):.0f}")
    print("    second window within margin: " + "  ".join(out))


def _overlap(a, b) -> bool:
    return a[0] == b[0] and a[1] < b[2] and b[1] < a[2]


def collect(set_dir: Path, cache: Path, overrides: dict, params=None):
    """`window_rows` of the answerable questions of `set_dir` (ingested into a temporary store, cached vectors)."""
    from qa.config import load_settings
    from qa.embed import make_embedder
    from qa.ingest.pipeline import ingest
    from qa.store import Store

    tmp = Path(tempfile.mkdtemp(prefix="qa-tune-"))
    try:
        settings = load_settings({"store": str(tmp / "store"), **overrides}, env={})
        embedder = CachedEmbedding(make_embedder(settings), cache)
        ingest([set_dir / "docs"], settings, embedder=embedder)
        items = [it for it in load_gold(set_dir / "gold.jsonl") if not it.unanswerable]
        embedder.get_query_embeddings([it.question for it in items])
        return window_rows(items, settings, Store.open(settings), embedder, params)
    finally:
        shutil.rmtree(tmp, ignore_errors=True)


def window_rows(items, settings, store, embedder, params=None):
    """[(windows' feature matrix, labels, window lengths, spans)] per item: the candidate windows of
    its passages, found once (re-ranked with `params`, default `DEFAULTS`), so that any number of
    weight vectors are then tried on the matrices alone. The matrix has a column per feature in
    `FEATURES` order; a label says whether the window holds a gold answer."""
    from qa.answer import windows as ex  # the candidates, their features and the DEFAULTS they are scored with
    from qa.ask import find_passages

    params = params or ex.DEFAULTS
    rows = []
    for it in items:
        hits = find_passages(it.question, settings, store, embedder, params=params)
        q = ex.analyse(it.question, store.keyword.idf)
        windows = ex.candidate_windows(q, hits, params)
        if not windows:
            rows.append((np.zeros((0, len(ex.FEATURES))), np.zeros(0, dtype=bool), np.zeros(0), []))
            continue
        x = np.array([w.values for w in windows])  # each an ex.Features: a row in FEATURES order
        y = np.array([contains_answer(hits[w.hit].text[w.start:w.end], it.answers) for w in windows])
        rows.append((x, y, np.array([w.end - w.start for w in windows]), [(w.hit, w.start, w.end) for w in windows]))
    return rows


def accuracy(rows, w: np.ndarray) -> tuple[float, float]:
    ok, chars = 0, 0.0
    for x, y, lengths, _ in rows:
        if not len(x):
            continue
        s = x @ w
        best = max(range(len(s)), key=lambda i: (s[i], -lengths[i]))
        ok += bool(y[best])
        chars += lengths[best]
    return ok / len(rows), chars / len(rows)


def fit(rows, w0: np.ndarray, steps: int = 3000, lr: float = 0.05, l2: float = 1e-3,
        frozen: np.ndarray | None = None, row_weights=None) -> np.ndarray:
    """Adam on the mean over questions of -log(softmax mass on the labelled windows) + L2; questions
    whose windows are all or none labelled teach nothing and are left out. `row_weights` (one per
    row of `rows`; default 1) weigh questions, e.g. so that every corpus counts the same. All
    windows are stacked in one matrix, so a step is a few numpy calls whatever the question count."""
    row_weights = np.ones(len(rows)) if row_weights is None else np.asarray(row_weights, dtype=float)
    keep = [i for i, (x, y, _, _) in enumerate(rows) if len(x) and y.any() and not y.all()]
    if not keep:
        return w0.copy()
    x = np.concatenate([rows[i][0] for i in keep])
    y = np.concatenate([rows[i][1] for i in keep]).astype(float)
    starts = np.cumsum([0] + [len(rows[i][0]) for i in keep])[:-1]
    seg = np.repeat(np.arange(len(keep)), [len(rows[i][0]) for i in keep])
    qw = row_weights[keep] / row_weights[keep].sum()
    w = w0.copy()
    m = np.zeros_like(w)
    v = np.zeros_like(w)
    for step in range(1, steps + 1):
        s = x @ w
        p = np.exp(s - np.maximum.reduceat(s, starts)[seg])
        p /= np.add.reduceat(p, starts)[seg]
        q = p * y / np.add.reduceat(p * y, starts)[seg]
        grad = l2 * w + x.T @ ((p - q) * qw[seg])  # d/dw of -log sum_{y} softmax
        m = 0.9 * m + 0.1 * grad
        v = 0.999 * v + 0.001 * grad ** 2
        step_w = lr * (m / (1 - 0.9 ** step)) / (np.sqrt(v / (1 - 0.999 ** step)) + 1e-8)
        w -= step_w if frozen is None else np.where(frozen, 0.0, step_w)
    return w


def top2_report(rows, w: np.ndarray) -> None:
    """Diagnostics: oracle (any window right), and the best two windows together."""
    oracle = sum(bool(len(y) and y.any()) for _, y, _, _ in rows) / len(rows)
    ok2 = 0
    for x, y, lengths, _ in rows:
        if len(x):
            order = np.argsort(-(x @ w))
            ok2 += bool(y[order[:2]].any())
    print(f"    oracle {oracle:.3f}  best-2 windows {ok2 / len(rows):.3f}")



def refusal_supports(set_dir: Path, cache: Path, overrides: dict, extra_gold: list[Path], half: bool = True):
    """Support of every question (the set's gold plus `extra_gold`). With `half`, the store holds
    every other doc of the set (sorted by name) and questions about the other half are
    unanswerable (the collection does not have them); else the store holds every doc and only
    items marked `unanswerable` are. Returns {"zh"|"en": [(support, answerable, quote ok)]}."""
    from qa.ask import ask
    from qa.config import load_settings
    from qa.embed import make_embedder
    from qa.ingest.pipeline import ingest
    from qa.store import Store
    from qa.text.cjk import language

    docs = sorted((set_dir / "docs").glob("*.txt"))
    kept = {p.stem for p in (docs[::2] if half else docs)}
    tmp = Path(tempfile.mkdtemp(prefix="qa-refusal-"))
    try:
        settings = load_settings({"store": str(tmp / "store"), **overrides, "refusal_threshold": 0}, env={})
        embedder = CachedEmbedding(make_embedder(settings), cache)
        ingest([p for p in docs if p.stem in kept], settings, embedder=embedder)
        store = Store.open(settings)
        items = [it for g in [set_dir / "gold.jsonl", *extra_gold] for it in load_gold(g)]
        embedder.get_query_embeddings([it.question for it in items])
        out: dict[str, list] = {"zh": [], "en": []}
        for it in items:
            a = ask(it.question, settings, store=store, embedder=embedder, mode="extractive")
            answerable = not it.unanswerable and bool(set(it.evidence) & kept)
            # An answerable item counts only if the quote holds a gold answer (else it is noise).
            ok = not answerable or contains_answer(a.answer, it.answers)
            out[language(it.question)].append((a.support, answerable, ok))
        return out
    finally:
        shutil.rmtree(tmp, ignore_errors=True)


def refusal_table(rows, label: str) -> None:
    pos = [s for s, answerable, _ in rows if not answerable]
    neg = [s for s, answerable, _ in rows if answerable]
    print(f"  {label}: {len(neg)} answerable, {len(pos)} unanswerable")
    for t in np.arange(0.0, 1.0001, 0.05):
        refused_u = sum(s < t for s in pos)
        refused_a = sum(s < t for s in neg)
        p = refused_u / (refused_u + refused_a) if refused_u + refused_a else float("nan")
        print(f"    threshold {t:.2f}: refusal precision {p:.3f} recall {refused_u / max(len(pos), 1):.3f}"
              f"  false refusals {refused_a / max(len(neg), 1):.3f}")


class Answered(NamedTuple):
    """One question answered with the slot checks listed but not applied and no threshold: whether
    to refuse it under other factors and thresholds is then arithmetic (support x factors < threshold)."""
    answerable: bool
    support: float  # before the gap factors
    gaps: list  # gap kinds of the best window
    ok: bool  # the answer holds a gold answer
    chars: int  # the quoted text without [n] markers


def answer_rows(items, settings, store, embedder, params=None, kept: set | None = None) -> list[Answered]:
    """Every item through the real read path (`qa.ask.ask`, with `params`' weights) at threshold 0
    and every gap factor 1. An item is answerable when not marked so and (with `kept`, the doc
    stems in the store) its evidence is in the store."""
    from qa.answer import windows as ex  # the candidates, their features and the DEFAULTS they are scored with
    from qa.ask import ask

    params = dataclasses.replace(params or ex.DEFAULTS, gap_factors=dict.fromkeys(ex.DEFAULTS.gap_factors, 1.0))
    settings = dataclasses.replace(settings, refusal_threshold=0.0)
    rows = []
    for it in items:
        a = ask(it.question, settings, store=store, embedder=embedder, mode="extractive", params=params)
        answerable = not it.unanswerable and (kept is None or bool(set(it.evidence) & kept))
        text = "" if a.refused else " ".join(c.quote for c in a.citations)
        rows.append(Answered(answerable, a.support, [g["kind"] for g in a.gaps],
                             not a.refused and contains_answer(a.answer, it.answers), len(text)))
    return rows


def gap_rows(set_dir: Path, cache: Path, overrides: dict, extra_gold: list[Path], half: bool = False):
    """(answerable, support before the slot checks, gap kinds) of every question of `set_dir`
    (plus `extra_gold`). The whole set is in the store and unanswerable = marked so (near misses);
    with `half`, every other doc is, and questions about the others are unanswerable."""
    from qa.config import load_settings
    from qa.embed import make_embedder
    from qa.ingest.pipeline import ingest
    from qa.store import Store

    tmp = Path(tempfile.mkdtemp(prefix="qa-gaps-"))
    try:
        settings = load_settings({"store": str(tmp / "store"), **overrides}, env={})
        embedder = CachedEmbedding(make_embedder(settings), cache)
        docs = sorted((set_dir / "docs").glob("*.txt"))
        kept = {p.stem for p in (docs[::2] if half else docs)}
        ingest([p for p in docs if p.stem in kept], settings, embedder=embedder)
        items = [it for g in [set_dir / "gold.jsonl", *extra_gold] for it in load_gold(g)]
        embedder.get_query_embeddings([it.question for it in items])
        rows = answer_rows(items, settings, Store.open(settings), embedder, kept=kept)
        return [(r.answerable, r.support, r.gaps) for r in rows]
    finally:
        shutil.rmtree(tmp, ignore_errors=True)


def refusal_search(objective, factors: dict[str, float], threshold: float,
                   values=(0.0, 0.2, 0.4, 0.6, 1.0), thresholds=(0.1, 0.15, 0.2, 0.25, 0.3, 0.35, 0.4),
                   rounds: int = 2):
    """Coordinate ascent on `objective(factors, threshold)` from the given values: each gap factor in
    turn over `values` (with every threshold), twice. The grid of `gap_grid` (5^7 x 5 points) is too
    many for a score taken over several corpora; a value moves only on a strict gain, so ties keep
    the values started from. Returns (factors, threshold, objective)."""
    best = (objective(factors, threshold), dict(factors), threshold)
    for _ in range(rounds):
        for kind in factors:
            for value in values:
                for t in thresholds:
                    trial = {**best[1], kind: value}
                    score = objective(trial, float(t))
                    if score > best[0] + 1e-12:
                        best = (score, trial, float(t))
    return best[1], best[2], best[0]


def gap_grid(dev, away, answerable_only, top: int = 15) -> None:
    """Every combination of gap factors and thresholds on `dev` (answerable and near-miss
    questions), `away` (half-corpus stores: questions whose article is not there) and
    `answerable_only` (false refusals only). Prints the best by the mean of near-miss and
    not-in-store recall, penalised by false refusals over 5% on dev + away and over 3% on the
    answerable-only set."""
    import itertools

    from qa.answer import windows as ex  # the candidates, their features and the DEFAULTS they are scored with

    current = ex.DEFAULTS.gap_factors
    kinds = list(current)

    def matrix(rows):
        counts = np.array([[ks.count(k) for k in kinds] for _, _, ks in rows], dtype=float).reshape(len(rows), len(kinds))
        return (np.array([s for _, s, _ in rows]), counts, np.array([a for a, _, _ in rows]))

    (ds, dc, da), (ws, wc, wa), (ts, tc, _) = matrix(dev), matrix(away), matrix(answerable_only)
    # A kind no row has cannot move a score: held at its value (each kind multiplies the grid by 5).
    seen = {k for rows in (dev, away, answerable_only) for _, _, ks in rows for k in ks}
    choices = {k: (0.0, 0.2, 0.4, 0.6, 1.0) if k in seen else (current[k],) for k in kinds}
    results = []
    for values in itertools.product(*(choices[k] for k in kinds)):
        f = np.array(values)
        dev_s = ds * np.prod(np.power(f, dc), axis=1)
        away_s = ws * np.prod(np.power(f, wc), axis=1)
        all_s = ts * np.prod(np.power(f, tc), axis=1)
        for t in (0.1, 0.15, 0.2, 0.25, 0.3):
            refused_answerable = np.concatenate([dev_s[da], away_s[wa]]) < t
            dev_fr = float(np.mean(refused_answerable)) if len(refused_answerable) else 0.0
            recall = float(np.mean(dev_s[~da] < t)) if (~da).any() else 0.0
            away_recall = float(np.mean(away_s[~wa] < t)) if (~wa).any() else 0.0
            fr = float(np.mean(all_s < t)) if len(all_s) else 0.0
            score = (recall + away_recall) / 2 - 10 * max(0.0, dev_fr - 0.05) - 10 * max(0.0, fr - 0.03)
            results.append((score, values, t, recall, away_recall, dev_fr, fr))
    results.sort(key=lambda r: (-r[0], r[6], -r[2]))  # ties: fewer false refusals, then the higher threshold
    print(f"  gap factors ({', '.join(kinds)}) and threshold; current: "
          f"{', '.join(f'{current[k]:g}' for k in kinds)}")
    for score, values, t, recall, away_recall, dev_fr, fr in results[:top]:
        print(f"    {' '.join(f'{v:.1f}' for v in values)}  threshold {t:.2f}: recall near misses {recall:.3f}, "
              f"not in store {away_recall:.3f}; false refusals {dev_fr:.3f} (dev), {fr:.3f} (answerable-only)")


def main(argv: list[str] | None = None) -> int:
    from qa.answer import windows as ex  # the candidates, their features and the DEFAULTS they are scored with

    ap = argparse.ArgumentParser(prog="python -m eval.bench.tune_answer", description=__doc__,
                                 formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--fit", type=Path, action="append", required=True, help="set folder to fit on")
    ap.add_argument("--check", type=Path, action="append", default=[], help="set folder to check on")
    ap.add_argument("--cache", type=Path, default=DEFAULT_CACHE)
    ap.add_argument("--set", action="append", default=[], metavar="KEY=VALUE", help="override a qa setting")
    ap.add_argument("--steps", type=int, default=400)
    ap.add_argument("--fix", action="append", default=[], metavar="FEATURE=WEIGHT",
                    help="hold a weight fixed (e.g. pair=-1, to keep quotes short)")
    ap.add_argument("--refusal", action="store_true",
                    help="instead: support of answerable vs. unanswerable questions (half-corpus stores)")
    ap.add_argument("--extra-gold", type=Path, action="append", default=[],
                    help="more questions for --refusal about the first --fit set (e.g. eval/bench/data/train30_en.jsonl)")
    ap.add_argument("--full-gold", type=Path, action="append", default=[],
                    help="for --refusal: questions asked of the whole first --fit set (e.g. its near misses)")
    ap.add_argument("--gaps", action="store_true",
                    help="instead: grid over the slot-check factors (gap_factors) and the threshold; the first "
                         "--fit set with --extra-gold/--full-gold is the dev set, --check sets count false refusals")
    args = ap.parse_args(argv)
    overrides = dict(kv.split("=", 1) for kv in args.set)
    fixed = {k: float(v) for k, v in (kv.split("=", 1) for kv in args.fix)}
    if set(fixed) - set(ex.FEATURES):
        ap.error(f"--fix: no feature {', '.join(sorted(set(fixed) - set(ex.FEATURES)))}; "
                 f"the features are {', '.join(ex.FEATURES)}")
    if args.gaps:
        dev = gap_rows(args.fit[0], args.cache, overrides, args.extra_gold + args.full_gold)
        away = [r for d in args.fit + args.check for r in gap_rows(d, args.cache, overrides, [], half=True)]
        answerable = [r for d in args.check for r in gap_rows(d, args.cache, overrides, []) if r[0]]
        gap_grid(dev, away, answerable)
        return 0
    if args.refusal:
        pooled: dict[str, list] = {"zh": [], "en": []}
        for i, d in enumerate(args.fit + args.check):
            for lang, rows in refusal_supports(d, args.cache, overrides, args.extra_gold if i == 0 else []).items():
                pooled[lang].extend(rows)
        for lang, rows in pooled.items():
            if rows:
                refusal_table(rows, f"{lang} questions, unanswerable = article not in the store")
        if args.full_gold:
            full = refusal_supports(args.fit[0], args.cache, overrides, args.extra_gold + args.full_gold, half=False)
            for lang, rows in full.items():
                if rows:
                    refusal_table(rows, f"{lang} questions, unanswerable = near misses ({args.fit[0].name}, whole)")
        return 0

    sets = {d.name: collect(d, args.cache, overrides) for d in args.fit + args.check}
    weights = ex.DEFAULTS.weights  # an ex.Features: a vector in FEATURES order
    current = np.array(weights)
    start = np.array(weights._replace(**fixed))
    frozen = np.array([f in fixed for f in ex.FEATURES])
    fitted = fit([r for d in args.fit for r in sets[d.name]], start, steps=args.steps, frozen=frozen)
    print("fitted weights (ExtractiveParams.weights):")
    print("  Features(" + ", ".join(f"{f}={v:.3f}" for f, v in zip(ex.FEATURES, fitted)) + ")")
    for name, rows in sets.items():
        role = "fit" if any(d.name == name for d in args.fit) else "check"
        a0, c0 = accuracy(rows, current)
        a1, c1 = accuracy(rows, fitted)
        print(f"  {name} ({role}, {len(rows)} q): current ans@1 {a0:.3f} ({c0:.0f} chars)  fitted {a1:.3f} ({c1:.0f} chars)")
        top2_report(rows, fitted)
        margin_report(rows, fitted)
    return 0


if __name__ == "__main__":
    sys.exit(main())
