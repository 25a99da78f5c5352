"""Parameter search for retrieval, on the tuning sets only (cmrc_trial, cmrc_train30).

python -m eval.bench.tune --set-dir ../shared/bench/cmrc_trial --set-dir ../shared/bench/cmrc_train30

For every question the dense ranking and the keyword ranking (per tokenisation scheme) are
computed once; fusion settings are then scored offline, so the grid takes seconds. Prints, per
data set, keyword-only and hybrid chunk@1 / chunk@5 for each setting, and the settings ranked by
their mean over the data sets. docs/benchmarks.md ("Retrieval") records the outcome.
"""

from __future__ import annotations

import argparse
import itertools
import shutil
import sys
import tempfile
from pathlib import Path

from eval.bench.cache import DEFAULT_CACHE, CachedEmbedding
from eval.bench.run import contains_answer, load_gold, stem

DEPTH = 40


def chunk_hits(ranked: list[str], item, records) -> tuple[bool, bool]:
    def good(cid):
        r = records[cid]
        return stem(r["source"]) in item.evidence and contains_answer(r["text"], item.answers)
    return bool(ranked[:1]) and good(ranked[0]), any(good(c) for c in ranked[:5])


def prepare(set_dir: Path, cache: Path, schemes: list[str], strip_questions: bool):
    from qa.config import load_settings
    from qa.embed import make_embedder
    from qa.ingest.pipeline import ingest
    from qa.store.keyword import KeywordIndex
    from qa.text.questions import keyword_query
    from qa.store import Store

    tmp = Path(tempfile.mkdtemp(prefix="qa-tune-"))
    settings = load_settings({"store": str(tmp / "store")}, env={})
    embedder = CachedEmbedding(make_embedder(settings), cache)
    ingest([set_dir / "docs"], settings, embedder=embedder)
    store = Store.open(settings)
    items = [it for it in load_gold(set_dir / "gold.jsonl") if not it.unanswerable]
    live = store.live_chunk_ids()
    records = store.keyword.records(sorted(live))
    indexes = {}
    for scheme in schemes:
        idx = KeywordIndex(tmp / f"kw-{scheme}", scheme)
        idx.add(list(records.values()), live=live, persist=False)
        indexes[scheme] = idx
    vectors = embedder.get_query_embeddings([it.question for it in items])
    dense, lexical = [], {s: [] for s in schemes}
    for it, vec in zip(items, vectors):
        dense.append([cid for cid, _ in store.dense_search(vec, DEPTH)])
        q = keyword_query(it.question) if strip_questions else it.question
        for s in schemes:
            lexical[s].append([cid for cid, _ in indexes[s].search(q, DEPTH)])
    shutil.rmtree(tmp, ignore_errors=True)
    return items, records, dense, lexical


def main(argv: list[str] | None = None) -> int:
    from qa.text.tokens import SCHEMES
    from qa.retrieve import fuse

    ap = argparse.ArgumentParser(prog="python -m eval.bench.tune", description=__doc__,
                                 formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--set-dir", type=Path, action="append", required=True, help="folder with docs/ and gold.jsonl")
    ap.add_argument("--cache", type=Path, default=DEFAULT_CACHE)
    ap.add_argument("--keep-question-words", action="store_true", help="do not strip 什么/多少/... from keyword queries")
    args = ap.parse_args(argv)

    grid = list(itertools.product(SCHEMES, (10, 20, 40), (5, 10, 20, 40, 60), (1.0, 1.5, 2.0, 3.0)))
    totals: dict[tuple, list[float]] = {g: [] for g in grid}
    for set_dir in args.set_dir:
        items, records, dense, lexical = prepare(set_dir, args.cache, list(SCHEMES), not args.keep_question_words)
        n = len(items)
        print(f"\n{set_dir.name}: {n} answerable questions")
        d1, d5 = zip(*(chunk_hits(r, it, records) for r, it in zip(dense, items)))
        print(f"  dense only          chunk@1 {sum(d1) / n:.3f} chunk@5 {sum(d5) / n:.3f}")
        for scheme in SCHEMES:
            k1, k5 = zip(*(chunk_hits(r, it, records) for r, it in zip(lexical[scheme], items)))
            print(f"  keyword {scheme:<12} chunk@1 {sum(k1) / n:.3f} chunk@5 {sum(k5) / n:.3f}")
        for g in grid:
            scheme, depth, rrf_k, kw_weight = g
            hits = [chunk_hits([c for c, _ in fuse([d[:depth], lx[:depth]], [1.0, kw_weight], rrf_k)], it, records)
                    for d, lx, it in zip(dense, lexical[scheme], items)]
            h1, h5 = sum(h[0] for h in hits) / n, sum(h[1] for h in hits) / n
            totals[g].append((h1, h5))
    print("\nbest hybrid settings (mean over the sets of chunk@1 + chunk@5):")
    print("  scheme        depth rrf_k kw_w   " + "  ".join(f"{d.name[:14]:>14}" for d in args.set_dir))
    ranked = sorted(grid, key=lambda g: -sum(a + b for a, b in totals[g]))
    for g in ranked[:25]:
        cells = "  ".join(f"{a:.3f}/{b:.3f}".rjust(14) for a, b in totals[g])
        print(f"  {g[0]:<13} {g[1]:>5} {g[2]:>5} {g[3]:>4}   {cells}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
