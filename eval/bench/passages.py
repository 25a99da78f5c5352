"""Where the real read path loses answers (issues 26, 27): which passages reach the answerer, in
which order, and what became of the question.

    python -m eval.bench.passages --corpus NAME DOCS GOLD [--corpus ...] [--vary rerank=10,rrf_k=20 ...]

Each corpus is ingested once with the configured (real) embedder, vectors cached as in
`eval.bench` (`eval.bench.general.open_set`), and every question is asked through `qa.ask.ask`
(hybrid retrieval, re-ranking, extractive answer) under the default settings and under each
`--vary` (settings overrides, comma-separated). Every answerable question that is not answered
with a gold answer falls in one class, by its gold passage (a passage of an evidence doc that
contains a gold answer):
    refused       the answerer refused: `first` when the first passage was a gold passage
    not_in_hits   no gold passage among the `top_k` passages answered from; `deep` when the fused
                  candidates (before the `top_k` cut) held one, `absent` otherwise
    not_first     a gold passage among them, not first after the re-ranking
    wrong_quote   the first passage is a gold passage, the quote is not the answer
Prints, per corpus and variant, contains@1 (ans@1: refusals count 0), refusals of answerable
questions, the classes and (a gold with unanswerable questions) the share of those refused; `--out` writes them as JSON.
"""

from __future__ import annotations

import argparse
import json
import sys
import time
from pathlib import Path

from eval.bench.cache import DEFAULT_CACHE
from eval.bench.run import Item, contains_answer, load_gold, stem

CLASSES = ("refused/first", "refused/other", "not_in_hits/deep", "not_in_hits/absent", "not_first", "wrong_quote")


def gold_rank(item: Item, hits) -> int | None:
    """1-based rank of the first gold passage in `hits`, None without one."""
    ev = set(item.evidence)
    return next((r for r, h in enumerate(hits, start=1) if stem(h.source) in ev and contains_answer(h.text, item.answers)),
                None)


def classify(item: Item, settings, store, embedder) -> str:
    """'right' or one of CLASSES for an answerable `item`."""
    from qa.ask import ask
    from qa.retrieve import candidates

    ans = ask(item.question, settings, store=store, embedder=embedder, mode="extractive")
    if not ans.refused and contains_answer(ans.answer, item.answers):
        return "right"
    rank = gold_rank(item, ans.hits)
    if ans.refused:
        return "refused/first" if rank == 1 else "refused/other"
    if rank is None:
        deep = gold_rank(item, candidates(item.question, settings, store, embedder, settings.top_k))
        return "not_in_hits/deep" if deep else "not_in_hits/absent"
    return "not_first" if rank > 1 else "wrong_quote"


def overrides(spec: str) -> dict[str, str]:
    return dict(kv.split("=", 1) for kv in spec.split(",") if kv)


def measure(items: list[Item], settings, store, embedder) -> dict:
    answerable = [it for it in items if not it.unanswerable]
    counts = dict.fromkeys(("right", *CLASSES), 0)
    for it in answerable:
        counts[classify(it, settings, store, embedder)] += 1
    n = len(answerable)
    refused = counts["refused/first"] + counts["refused/other"]
    row = {"n": n, "ans@1": round(counts["right"] / max(n, 1), 4), "false_ref": round(refused / max(n, 1), 4),
           "classes": counts}
    unanswerable = [it for it in items if it.unanswerable]
    if unanswerable:
        from qa.ask import ask
        row["refuse_r"] = round(sum(ask(it.question, settings, store=store, embedder=embedder, mode="extractive").refused
                                    for it in unanswerable) / len(unanswerable), 4)
    return row


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(prog="python -m eval.bench.passages", description=__doc__,
                                 formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--corpus", nargs=3, action="append", required=True, metavar=("NAME", "DOCS", "GOLD"))
    ap.add_argument("--vary", action="append", default=[], help="settings overrides, e.g. rerank=10,rrf_k=20")
    ap.add_argument("--stores", type=Path, default=DEFAULT_CACHE / "passages", help="where the stores are kept")
    ap.add_argument("--cache", type=Path, default=DEFAULT_CACHE, help="embedding cache")
    ap.add_argument("--out", type=Path, default=None, help="JSON report")
    args = ap.parse_args(argv)

    from eval.bench.general import open_set
    from qa.config import load_settings

    report = []
    for name, docs, gold in args.corpus:
        items = load_gold(Path(gold))
        base, store, embedder = open_set(Path(docs), args.stores, True, args.cache)
        for spec in ["", *args.vary]:
            # Overrides parsed as the settings parse them (types, choices), the store path kept.
            settings = load_settings({"store": str(base.store), **overrides(spec)}, env={})
            t = time.perf_counter()
            row = {"corpus": name, "vary": spec or "defaults", **measure(items, settings, store, embedder),
                   "s": round(time.perf_counter() - t, 1)}
            report.append(row)
            print(json.dumps(row, ensure_ascii=False), flush=True)
    if args.out:
        args.out.write_text(json.dumps(report, ensure_ascii=False, indent=1) + "\n", encoding="utf-8")
    print(f"{'corpus':14} {'vary':28} {'ans@1':>6} {'refused':>7} {'unans':>6} " + " ".join(f"{c:>18}" for c in CLASSES),
          file=sys.stderr)
    for r in report:
        unans = f"{r['refuse_r']:6.3f}" if "refuse_r" in r else " " * 6
        print(f"{r['corpus']:14} {r['vary']:28} {r['ans@1']:6.3f} {r['false_ref']:7.3f} {unans} "
              + " ".join(f"{r['classes'][c]:>18}" for c in CLASSES), file=sys.stderr)
    return 0


if __name__ == "__main__":
    sys.exit(main())
