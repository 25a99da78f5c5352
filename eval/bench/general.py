"""Leave-one-corpus-out benchmark of the extractive answerer (issue 27): do the parameters in
qa/answer/params.py (window weights, gap factors) and the refusal threshold carry to a corpus
they were not fitted on?

    python -m eval.bench.general                 # all visible sets, hash-embedder keyword stores
    python -m eval.bench.general --real          # the real embedder and hybrid retrieval (vectors cached)
    python -m eval.bench.general --corpus NAME DOCS GOLD ... [--always NAME DOCS GOLD]

Sets (default): cmrc_trial, cmrc_train30, drcd_test (Traditional), the seed gold set, en_news,
es_news, en_wiki, es_wiki, en_wiki2, es_wiki2, en_wiki3, es_wiki3, en_wiki4 and es_wiki4
(encyclopedic paragraphs, paraphrased questions), zh_translated (en_news translated into Chinese by
hand), zh_xwiki, zh_xwiki3 and zh_xwiki4 (en_wiki, en_wiki3 and en_wiki4 translated literally);
en_wiki2, es_wiki2 and zh_xwiki were check sets until 2026-12-06's seventh session, en_wiki3,
es_wiki3 and zh_xwiki3 until its eighth and en_wiki4, es_wiki4 and zh_xwiki4 until its ninth,
whose engineers worked from their misses, so they are development sets and in the fit since;
en_wiki7, es_wiki7 and zh_xwiki7 (calibration sets written at the start of its tenth session,
after 213d953, on which only scalars are chosen, never words) are development sets too, and so are
en_wiki9, es_wiki9 and zh_xwiki9 (calibration sets written at the start of its eleventh session,
2026-12-07, after 748c260) and en_wiki11, es_wiki11 and zh_xwiki11 (calibration sets written at
the start of its twelfth, 2026-12-07, after 100f40a) and en_wiki13, es_wiki13 and zh_xwiki13
(calibration sets written at the start of its thirteenth, 2026-12-07, after 9bab954) and en_wiki15,
es_wiki15 and zh_xwiki15 (calibration sets written at the start of its fourteenth, 2026-12-07,
after 7c0c02b) and en_wiki17, es_wiki17 and zh_xwiki17 (calibration sets written at the start of
its fifteenth, 2026-12-07, after a37ca56) and en_wiki19, es_wiki19 and zh_xwiki19 (calibration
sets written at the start of its sixteenth, 2026-12-07, after a3097c7) and en_wiki21, es_wiki21 and
zh_xwiki21 (calibration sets written in its seventeenth, 2026-12-07, after 49cb6e1) and en_wiki23,
es_wiki23 and zh_xwiki23 (calibration sets written in its eighteenth, 2026-12-07, after 689eeb2) and
en_wiki25, es_wiki25 and zh_xwiki25 (calibration sets written in its nineteenth, 2026-12-07, after
cb79a99). The
check sets en_wiki5, es_wiki5 and zh_xwiki5 (written after 86e7f8e) and en_wiki6, es_wiki6 and
zh_xwiki6 (written after 16db968) and en_wiki8, es_wiki8 and zh_xwiki8 (written at the end of its
tenth session, after 07c8250) and en_wiki10, es_wiki10 and zh_xwiki10 (written at the end of the
eleventh, 2026-12-07, after 748c260) and en_wiki12, es_wiki12 and zh_xwiki12 (written in the twelfth,
2026-12-07, after 100f40a) and en_wiki14, es_wiki14 and zh_xwiki14 (written in the thirteenth,
2026-12-07, after 9bab954) and en_wiki16, es_wiki16 and zh_xwiki16 (written in the fourteenth,
2026-12-07, after 7c0c02b) and en_wiki18, es_wiki18 and zh_xwiki18 (written in the fifteenth,
2026-12-07, after a37ca56) and en_wiki20, es_wiki20 and zh_xwiki20 (written in the sixteenth,
2026-12-07, after a3097c7) and en_wiki22, es_wiki22 and zh_xwiki22 (written in the seventeenth,
2026-12-07, after 49cb6e1) and en_wiki24, es_wiki24 and zh_xwiki24 (written in the eighteenth,
2026-12-07, after 689eeb2) and en_wiki26, es_wiki26 and zh_xwiki26 (written in the nineteenth,
2026-12-07, after cb79a99), before qa answered them and never tuned on, are in no fit,
reported under DEFAULTS and under the fit on every other set, as a test set is. The near misses over cmrc_train30 (`train30_nearmiss.jsonl`, all unanswerable), over
en_news, es_news and the English and Spanish wiki development sets (`nearmiss.jsonl`) and the entity swaps of cmrc_trial and drcd_test
(`swap_set`) are in every fit and never left out, since they are what measures refusals.

For each corpus C, the parameters are fitted on all the others and reported on C:
  1. weights (`tune_answer.fit` on the candidate windows of every answerable question, collected once
     per set by `tune_answer.window_rows`; `pair` and `log_chars` held, as in the original fit, so
     quotes stay short), fitted twice: questions pooled, and every corpus weighing the same. Of
     those two and today's weights, the one with the best worst-set window accuracy is kept;
  2. every question of every set is answered through `qa.ask.ask` with those weights, at threshold
     0 with the gap factors at 1 (`tune_answer.answer_rows`: one pass per weight vector, kept),
     so that refusing under any factors and threshold is arithmetic;
  3. gap factors and threshold by `tune_answer.refusal_search`, maximising `fit_objective`.
"Worst" is exact: a set's score is its accuracy (answerable questions answered with a gold
answer, a refusal counting as a miss, and unanswerable ones refused, over all its questions) minus
FR_PENALTY x the false refusals above FR_ALLOWED; the fit maximises the lowest score over its sets
minus RECALL_PENALTY x the shortfall of each set's refusal recall (its unanswerable questions)
below what DEFAULTS refuse of the same questions (pooled over every set, the ~1,300 Chinese swaps
and near misses let a fit answer the seed's and the English near misses for a few answers
elsewhere): a fit may not buy answers with refusals, nor is it made to refuse more than today (a
fixed floor of 0.80 drove the threshold to 0.35 when the seed was left out). The protocol's parameters are the same fit on every set; they
replace DEFAULTS only if the lowest left-out score beats DEFAULTS' lowest score on the same sets.

Stores are built once per set in ~/.cache/qa-bench/general (hash embedder, keyword retrieval:
seconds, and deterministic, as in eval/bench/snapshot.py), except the seed's: real embedder and
hybrid retrieval always (`Corpus.real`), as its English questions need the dense similarity. Prints the table and writes
eval/bench/results/general.json.
"""

from __future__ import annotations

import argparse
import dataclasses
import json
import platform
import sys
import time
from dataclasses import dataclass
from pathlib import Path

import numpy as np

from eval.bench.cache import DEFAULT_CACHE, CachedEmbedding
from eval.bench.run import load_gold
from eval.bench.tune_answer import (
    Answered,
    accuracy,
    answer_rows,
    fit,
    refusal_search,
    window_rows,
)

ROOT = Path(__file__).resolve().parents[2]
FR_ALLOWED = 0.05  # false refusals up to this share cost nothing (the issue's goal: <= 5%)
FR_PENALTY = 2.0  # ... above it, each point costs two points of ans@1
RECALL_PENALTY = 10.0  # a fit's pooled refusal recall below DEFAULTS': a near-hard floor
HELD = ("pair", "log_chars")  # weights held at DEFAULTS' values (short quotes)


@dataclass(frozen=True)
class Corpus:
    name: str
    docs: Path
    gold: Path
    held_out: bool = True  # False: in every fit, never left out (the near misses)
    # True: always the real embedder and hybrid retrieval. The seed's 14 English questions over its
    # Chinese page are answered by dense similarity, which the hash embedder cannot give: on a
    # hash store they are all refused, the seed is every fold's worst set for that alone, and
    # "chosen by the worst left-out set" then says nothing. One page: embedded once, cached.
    real: bool = False
    # True: a check set, written before qa answered it and never tuned on: in no fit and no fold,
    # reported under DEFAULTS and under the parameters fitted on every other set
    check: bool = False


def default_sets(bench: Path, work: Path, swaps: bool = True) -> list[Corpus]:
    """Every visible set of the protocol; `swaps` False leaves out the entity swaps (built into
    `work` on the fly), for a tool that answers sets by name (`eval.bench.snapshot --set`)."""
    data = ROOT / "eval" / "bench" / "data"
    return [*(Corpus(n, bench / n / "docs", bench / n / "gold.jsonl") for n in ("cmrc_trial", "cmrc_train30", "drcd_test")),
            Corpus("seed", ROOT / "seeds", ROOT / "eval" / "gold" / "seed.jsonl", real=True),
            *(Corpus(n, data / n / "docs", data / n / "gold.jsonl")
              for n in ("en_news", "es_news", "en_wiki", "es_wiki", "en_wiki2", "es_wiki2", "zh_translated", "zh_xwiki",
                        "en_wiki3", "es_wiki3", "zh_xwiki3", "en_wiki4", "es_wiki4", "zh_xwiki4",
                        "en_wiki7", "es_wiki7", "zh_xwiki7",
                        "en_wiki9", "es_wiki9", "zh_xwiki9",
                        "en_wiki11", "es_wiki11", "zh_xwiki11",
                        "en_wiki13", "es_wiki13", "zh_xwiki13",
                        "en_wiki15", "es_wiki15", "zh_xwiki15",
                        "en_wiki17", "es_wiki17", "zh_xwiki17",
                        "en_wiki19", "es_wiki19", "zh_xwiki19",
                        "en_wiki21", "es_wiki21", "zh_xwiki21",
                        "en_wiki23", "es_wiki23", "zh_xwiki23",
                        "en_wiki25", "es_wiki25", "zh_xwiki25")),
            *(Corpus(n, data / n / "docs", data / n / "gold.jsonl", check=True)
              for n in ("en_wiki5", "es_wiki5", "zh_xwiki5", "en_wiki6", "es_wiki6", "zh_xwiki6",
                        "en_wiki8", "es_wiki8", "zh_xwiki8", "en_wiki10", "es_wiki10", "zh_xwiki10",
                        "en_wiki12", "es_wiki12", "zh_xwiki12", "en_wiki14", "es_wiki14", "zh_xwiki14",
                        "en_wiki16", "es_wiki16", "zh_xwiki16", "en_wiki18", "es_wiki18", "zh_xwiki18",
                        "en_wiki20", "es_wiki20", "zh_xwiki20", "en_wiki22", "es_wiki22", "zh_xwiki22",
                        "en_wiki24", "es_wiki24", "zh_xwiki24", "en_wiki26", "es_wiki26", "zh_xwiki26")),
            Corpus("train30_nearmiss", bench / "cmrc_train30" / "docs", data / "train30_nearmiss.jsonl", held_out=False),
            *(Corpus(f"{n}_nearmiss", data / n / "docs", data / n / "nearmiss.jsonl", held_out=False)
              for n in ("en_news", "es_news", "en_wiki", "en_wiki2", "en_wiki3", "en_wiki4",
                        "es_wiki", "es_wiki2", "es_wiki3", "es_wiki4", "zh_xwiki", "zh_xwiki3", "zh_xwiki4",
                        "en_wiki19", "es_wiki19", "zh_xwiki19")),
            *(swap_set(bench / n, work) for n in ("cmrc_trial", "drcd_test") if swaps)]


def swap_set(bench: Path, work: Path) -> Corpus:
    """The entity swaps of `bench` (`eval.bench.swaps`: a question naming its article's title, with
    another article's title in its place) as a set of unanswerable questions, in every fit and
    never left out, like the near misses: a fit may not answer more of them than DEFAULTS do. An
    answer cited from the swapped-in title's own article would be honest, and counts as not
    refused here: a floor measured the same way for every fit."""
    from eval.bench.swaps import build

    path = work / f"swaps-{bench.name}.jsonl"
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text("".join(json.dumps({"id": s["id"], "question": s["question"], "answers": [], "unanswerable": True,
                                        "evidence": []}, ensure_ascii=False) + "\n" for s in build(bench)),
                    encoding="utf-8")
    return Corpus(f"{bench.name}_swaps", bench / "docs", path, held_out=False)


class Scored:
    """One set's answered rows as arrays, so any factors and threshold are scored in numpy."""

    def __init__(self, rows: list[Answered], kinds: list[str]) -> None:
        self.kinds = kinds
        self.support = np.array([r.support for r in rows], dtype=float)
        self.counts = np.array([[r.gaps.count(k) for k in kinds] for r in rows], dtype=float).reshape(len(rows), len(kinds))
        self.answerable = np.array([r.answerable for r in rows], dtype=bool)
        self.ok = np.array([r.ok for r in rows], dtype=bool)
        self.chars = np.array([r.chars for r in rows], dtype=float)

    def refused(self, factors: dict[str, float], threshold: float) -> np.ndarray:
        f = np.array([factors[k] for k in self.kinds])
        return self.support * np.prod(np.power(f, self.counts), axis=1) < threshold

    def figures(self, factors: dict[str, float], threshold: float) -> dict:
        refused = self.refused(factors, threshold)
        a, u = self.answerable, ~self.answerable
        out = {"questions": len(a), "answerable": int(a.sum()), "unanswerable": int(u.sum()),
               "ans@1": float(np.mean(self.ok[a] & ~refused[a])) if a.any() else None,
               "false_refusals": float(np.mean(refused[a])) if a.any() else None,
               "refusal_recall": float(np.mean(refused[u])) if u.any() else None,
               "chars": float(np.mean(self.chars[~refused])) if (~refused).any() else 0.0}
        # Right answers and right refusals over every item (qa eval's accuracy): a set's unanswerable
        # questions count in its score, so a fit that answers them pays where it is left out too.
        right = float(np.mean(np.where(a, self.ok & ~refused, refused))) if len(a) else 0.0
        out["score"] = None if out["ans@1"] is None else right - FR_PENALTY * max(0.0, out["false_refusals"] - FR_ALLOWED)
        return out


def pooled_recall(scored: dict[str, Scored], names: list[str], factors: dict[str, float], threshold: float) -> float:
    refused = np.concatenate([scored[n].refused(factors, threshold)[~scored[n].answerable] for n in names])
    return float(np.mean(refused)) if len(refused) else 1.0


def fit_objective(scored: dict[str, Scored], names: list[str], floors: dict[tuple[str, ...], float]):
    """(factors, threshold) -> the lowest score over `names` minus the shortfall of each group's pooled
    recall below its floor (`floors`: the names of a group -> the recall DEFAULTS give them)."""
    answering = [n for n in names if scored[n].answerable.any()]

    def objective(factors: dict[str, float], threshold: float) -> float:
        worst = min(scored[n].figures(factors, threshold)["score"] for n in answering)
        return worst - RECALL_PENALTY * sum(max(0.0, floor - pooled_recall(scored, list(group), factors, threshold))
                                            for group, floor in floors.items())
    return objective


class Protocol:
    """The sets opened once, their candidate windows collected once, and one answering pass per weight vector."""

    def __init__(self, sets: list[Corpus], stores: Path, real: bool, cache: Path, limit: int, steps: int) -> None:
        from qa.answer.params import DEFAULTS
        from qa.config import Settings

        self.sets, self.steps = sets, steps
        self.threshold = Settings().refusal_threshold
        self.kinds = list(DEFAULTS.gap_factors)
        readers: dict[tuple[Path, bool], tuple] = {}
        self.items, self.readers = {}, {}
        for c in sets:
            key = (c.docs, real or c.real)
            if key not in readers:
                readers[key] = open_set(c.docs, stores, key[1], cache)
            items = load_gold(c.gold)
            step = max(1, -(-len(items) // limit)) if limit else 1  # every k-th: at most `limit`, spread out
            self.items[c.name], self.readers[c.name] = items[::step], readers[key]
            if key[1]:
                readers[key][2].get_query_embeddings([it.question for it in self.items[c.name]])
        self.windows = {c.name: window_rows([it for it in self.items[c.name] if not it.unanswerable],
                                            *self.readers[c.name]) for c in sets}
        self.passes: dict[tuple, dict[str, Scored]] = {}

    def answered(self, weights) -> dict[str, Scored]:
        from qa.answer.params import DEFAULTS

        key = tuple(np.round(np.asarray(weights, dtype=float), 6))
        if key not in self.passes:
            params = dataclasses.replace(DEFAULTS, weights=tuple(float(w) for w in weights))
            self.passes[key] = {c.name: Scored(answer_rows(self.items[c.name], *self.readers[c.name], params=params),
                                               self.kinds) for c in self.sets}
        return self.passes[key]

    def fit(self, names: list[str]) -> dict:
        """Weights, then gap factors and threshold, on the sets `names` (steps 1-3 of the module doc)."""
        from qa.answer.params import DEFAULTS, FEATURES

        start = np.array(DEFAULTS.weights, dtype=float)
        frozen = np.array([f in HELD for f in FEATURES])
        rows = [r for n in names for r in self.windows[n]]
        per_set = [1.0 / len(self.windows[n]) for n in names for _ in self.windows[n]]
        candidates = {"defaults": start,
                      "pooled": fit(rows, start, steps=self.steps, frozen=frozen),
                      "per corpus": fit(rows, start, steps=self.steps, frozen=frozen, row_weights=per_set)}
        answering = [n for n in names if self.windows[n]]
        window_acc = {k: {n: round(accuracy(self.windows[n], w)[0], 4) for n in answering} for k, w in candidates.items()}
        label = max(candidates, key=lambda k: min(window_acc[k].values()))  # first on ties: DEFAULTS'
        # A recall floor per set: pooled, the ~1,300 Chinese swaps and near misses drown the seed's 18
        # unanswerable questions and the English and Spanish ones (~30), so a fit could answer those
        # for a few more answers elsewhere (threshold 0.10 refused 0.78 of the seed's, not 0.94).
        defaults = self.answered(start)
        floors = {(n,): pooled_recall(defaults, [n], dict(DEFAULTS.gap_factors), self.threshold)
                  for n in names if (~defaults[n].answerable).any()}
        scored = self.answered(candidates[label])
        factors, threshold, objective = refusal_search(fit_objective(scored, names, floors),
                                                       dict(DEFAULTS.gap_factors), self.threshold)
        floor = {g[0]: round(f, 4) for g, f in floors.items()}
        return {"weights_from": label, "window_accuracy": window_acc, "recall_floor": floor, "weights": [round(float(w), 3) for w in candidates[label]],
                "gap_factors": factors, "threshold": threshold, "objective": objective, "scored": scored}


def open_set(docs: Path, stores: Path, real: bool, cache: Path):
    """(settings, store, embedder) of a store holding `docs`, built once and reused while `docs` and
    the chunker are unchanged (`snapshot.store_digest`)."""
    from qa.ask import open_reader

    if not real:
        from eval.bench.snapshot import _store
        settings = _store(docs, stores)
        return (settings, *open_reader(settings))
    from eval.bench.snapshot import store_digest
    from qa.config import load_settings
    from qa.embed import make_embedder
    from qa.ingest.pipeline import ingest

    digest = store_digest(docs)
    settings = load_settings({"store": str(stores / f"real-{digest}")}, env={})
    embedder = CachedEmbedding(make_embedder(settings), cache)
    ingest([docs], settings, embedder=embedder)
    store, _ = open_reader(settings, embedder=embedder)
    return settings, store, embedder


def run(sets: list[Corpus], stores: Path, real: bool = False, cache: Path = DEFAULT_CACHE, limit: int = 0,
        steps: int = 400) -> dict:
    from qa.answer.params import DEFAULTS

    t0 = time.perf_counter()
    proto = Protocol(sets, stores, real, cache, limit, steps)
    before = proto.answered(DEFAULTS.weights)
    folds = []
    fitted = [s.name for s in sets if not s.check]
    for c in (c for c in sets if c.held_out and not c.check):
        chosen = proto.fit([n for n in fitted if n != c.name])
        folds.append({"left_out": c.name, **{k: v for k, v in chosen.items() if k != "scored"},
                      "before": before[c.name].figures(dict(DEFAULTS.gap_factors), proto.threshold),
                      "after": chosen["scored"][c.name].figures(chosen["gap_factors"], chosen["threshold"])})
    final = proto.fit(fitted)
    checks = [{"set": c.name, "before": before[c.name].figures(dict(DEFAULTS.gap_factors), proto.threshold),
               "after": final["scored"][c.name].figures(final["gap_factors"], final["threshold"])} for c in sets if c.check]
    worst_before = min(f["before"]["score"] for f in folds)
    worst_after = min(f["after"]["score"] for f in folds)
    return {"machine": f"{platform.machine()}, {__import__('os').cpu_count()} cores, Python {platform.python_version()}",
            "stores": "real embedder, hybrid retrieval" if real else "hash embedder, keyword retrieval (the seed: real, hybrid)",
            "limit": limit, "folds": folds, "worst_before": worst_before, "worst_after": worst_after,
            "adopt": worst_after > worst_before, "checks": checks,
            "fitted_on_all": {k: v for k, v in final.items() if k != "scored"},
            "in_sample": {c.name: final["scored"][c.name].figures(final["gap_factors"], final["threshold"])
                          for c in sets if not c.check},
            "seconds": round(time.perf_counter() - t0, 1)}


def table(report: dict) -> str:
    def cell(fig: dict, key: str, fmt: str) -> str:
        return "—" if fig[key] is None else format(fig[key], fmt)

    lines = [("| left out | questions | ans@1 before → after | false refusals | refusal recall | mean chars "
              "| score | weights |"), "|---|---|---|---|---|---|---|---|"]
    for f in report["folds"]:
        b, a = f["before"], f["after"]
        lines.append(f"| {f['left_out']} | {a['answerable']} + {a['unanswerable']} unans. "
                     f"| {cell(b, 'ans@1', '.3f')} → {cell(a, 'ans@1', '.3f')} "
                     f"| {cell(b, 'false_refusals', '.1%')} → {cell(a, 'false_refusals', '.1%')} "
                     f"| {cell(b, 'refusal_recall', '.2f')} → {cell(a, 'refusal_recall', '.2f')} "
                     f"| {b['chars']:.0f} → {a['chars']:.0f} | {cell(b, 'score', '.3f')} → {cell(a, 'score', '.3f')} "
                     f"| {f['weights_from']}, t {f['threshold']:.2f} |")
    lines.append(f"| **worst** | | | | | | **{report['worst_before']:.3f} → {report['worst_after']:.3f}** | |")
    for c in report.get("checks", []):  # never fitted on: DEFAULTS, then the fit on every other set
        b, a = c["before"], c["after"]
        lines.append(f"| {c['set']} (check, never fitted on) | {a['answerable']} + {a['unanswerable']} unans. "
                     f"| {cell(b, 'ans@1', '.3f')} → {cell(a, 'ans@1', '.3f')} "
                     f"| {cell(b, 'false_refusals', '.1%')} → {cell(a, 'false_refusals', '.1%')} "
                     f"| {cell(b, 'refusal_recall', '.2f')} → {cell(a, 'refusal_recall', '.2f')} "
                     f"| {b['chars']:.0f} → {a['chars']:.0f} | {cell(b, 'score', '.3f')} → {cell(a, 'score', '.3f')} "
                     f"| fitted on all |")
    return "\n".join(lines)


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(prog="python -m eval.bench.general", description=__doc__,
                                 formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--bench", type=Path, default=ROOT.parent / "shared" / "bench", help="folder of the CMRC/DRCD sets")
    ap.add_argument("--corpus", nargs=3, action="append", default=[], metavar=("NAME", "DOCS", "GOLD"),
                    help="a set to leave out in turn (instead of the default sets)")
    ap.add_argument("--always", nargs=3, action="append", default=[], metavar=("NAME", "DOCS", "GOLD"),
                    help="a set in every fit, never left out (with --corpus)")
    ap.add_argument("--real", action="store_true", help="the configured real embedder and hybrid retrieval")
    ap.add_argument("--stores", type=Path, default=DEFAULT_CACHE / "general")
    ap.add_argument("--cache", type=Path, default=DEFAULT_CACHE, help="embedding cache (with --real)")
    ap.add_argument("--limit", type=int, default=0, help="at most N questions a set (every k-th), for a quick run")
    ap.add_argument("--steps", type=int, default=400, help="gradient steps of each weight fit")
    ap.add_argument("--out", type=Path, default=ROOT / "eval" / "bench" / "results" / "general.json")
    args = ap.parse_args(argv)
    sets = ([Corpus(n, Path(d), Path(g)) for n, d, g in args.corpus]
            + [Corpus(n, Path(d), Path(g), held_out=False) for n, d, g in args.always]) or default_sets(args.bench, args.stores)
    missing = [str(p) for c in sets for p in (c.docs, c.gold) if not p.exists()]
    if missing:
        ap.error(f"no such set file or folder: {', '.join(missing)}; pass --bench DIR or --corpus NAME DOCS GOLD")
    report = run(sets, args.stores, real=args.real, cache=args.cache, limit=args.limit, steps=args.steps)
    print(f"Leave-one-corpus-out ({report['stores']}; {report['machine']}; {report['seconds']} s)\n")
    print(table(report))
    print("\nworst fit-set window accuracy (the best window holds a gold answer) of each weight candidate:")
    for f in [*report["folds"], {"left_out": "(none)", **report["fitted_on_all"]}]:
        print(f"  without {f['left_out']}: " + ", ".join(
            f"{k} {min(acc.values()):.3f} ({min(acc, key=acc.get)})" for k, acc in f["window_accuracy"].items()))
    final = report["fitted_on_all"]
    print(f"\nfitted on every set ({final['weights_from']} weights): threshold {final['threshold']:.2f}, "
          f"gap factors {final['gap_factors']}\n  weights {final['weights']}")
    print("adopt: the worst left-out score beats DEFAULTS'" if report["adopt"] else
          "keep DEFAULTS: the fitted parameters do no better on the worst left-out set")
    args.out.parent.mkdir(parents=True, exist_ok=True)
    args.out.write_text(json.dumps(report, ensure_ascii=False, indent=1), encoding="utf-8")
    return 0


if __name__ == "__main__":
    sys.exit(main())
