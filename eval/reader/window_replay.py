"""Would a reader choose better among the answerer's own windows? For every question of the named
sets, the best `--windows` windows by today's window score (real path: `qa ask`'s retrieval over
the set's cached store, `eval.bench.dense_windows`' way), scored by a reader (`eval.reader.rank_eval`
scorers: `bi_head`, `cosine`, or `module:factory`), against the answerer's own choice.

    python -m eval.reader.window_replay --scorer bi_head --set en_wiki27 --set es_wiki27 [--windows 8]

Per set, answerable questions whose first window holds a gold answer: by the window score plus the
embedder's cosine at `dense_weight` (`dense_cjk` for a Chinese question: the answerer's rerank
without its lead and subject steps, so an approximation of its choice), by the reader alone among
the best 3, and by the two added (the reader's score standardised within the question, times each
`--lambda`). Then how well each question's best reader score tells answerable from unanswerable
(AUC), against the answerer's support in that set's snapshot records (`--records DIR`, a refusal
counted as support 0) where given. Window level only: the answerer then cuts and checks the window,
so contains@1 on the real path (`eval.bench.snapshot --real`) is the figure to report once a reader
joins the answerer; this replay says whether it is worth joining. Sets read in aggregate only (the
calibration sets): it prints counts, never a question.
"""

from __future__ import annotations

import argparse
import json
import sys
from pathlib import Path

import numpy as np

from eval.reader.rank_eval import auc

LAMBDAS = (0.0, 5.0, 10.0, 20.0, 40.0)


def collect(names: list[str], bench: Path, stores: Path, windows: int, scorer) -> dict[str, list[dict]]:
    """set -> per question: {id, unanswerable, score, cos, weight, gold, reader} over its best
    `windows` windows (`empty` where it has none)."""
    from eval.bench.dense_windows import best_windows
    from qa.answer.params import DEFAULTS
    from qa.evaluate.metrics import contains_answer
    from qa.text.cjk import CJK
    from qa.types import embed_view

    out: dict[str, list[dict]] = {name: [] for name in names}
    for name, item, hits, best, embedder in best_windows(names, bench, stores, windows, answerable_only=False):
        question, row = item["question"], {"id": item.get("id"), "unanswerable": bool(item.get("unanswerable"))}
        if not best:
            out[name].append(row | {"empty": True})
            continue
        texts = [hits[w.hit].text[w.start:w.end] for w in best]
        qv = np.asarray(embedder.get_query_embedding(question), dtype=np.float32)
        vecs = np.asarray(embedder.get_text_embedding_batch(
            [embed_view(hits[w.hit].title, t) for w, t in zip(best, texts)]), dtype=np.float32)
        cos = (vecs @ qv) / (np.linalg.norm(vecs, axis=1) * np.linalg.norm(qv))
        out[name].append(row | {
            "score": [w.score for w in best], "cos": cos.tolist(),
            "weight": DEFAULTS.dense_cjk if CJK.search(question) else DEFAULTS.dense_weight,
            "gold": [bool(item.get("answers")) and contains_answer(t, item["answers"]) for t in texts],
            "reader": list(scorer(question, texts))})
    for name in names:
        print(f"{name}: {len(out[name])} questions", file=sys.stderr, flush=True)
    return out


def first(row: dict, how: str, lam: float = 0.0, count: int = 3) -> bool:
    """Whether the first of the best `count` windows by `how` holds gold: "answerer" (score +
    weight x cosine, the dense rerank over the best 3), "reader", or "both" (answerer + lam x the
    reader standardised within the question)."""
    n = min(count, len(row["score"]))
    base = [row["score"][i] + row["weight"] * row["cos"][i] for i in range(n)]
    r = np.asarray(row["reader"][:n], dtype=float)
    z = (r - r.mean()) / (r.std() + 1e-9) if n > 1 else np.zeros(n)
    key = {"answerer": base, "reader": list(r), "both": [b + lam * v for b, v in zip(base, z)]}[how]
    return bool(row["gold"][int(np.argmax(key))])


def _rounded(value: float | None) -> float | None:
    return None if value is None else round(value, 3)


def report(data: dict[str, list[dict]], records: Path | None, lambdas=LAMBDAS) -> dict:
    out = {}
    for name, rows in data.items():
        ans = [r for r in rows if not r["unanswerable"] and not r.get("empty")]
        figs = {"answerable": len(ans), "ceiling@3": sum(any(r["gold"][:3]) for r in ans),
                "answerer": sum(first(r, "answerer") for r in ans), "reader": sum(first(r, "reader") for r in ans)}
        figs.update({f"both@{lam:g}": sum(first(r, "both", lam) for r in ans) for lam in lambdas if lam})
        best = {r["id"]: max(r["reader"][:3]) for r in rows if not r.get("empty")}
        pos = [best[r["id"]] for r in ans]
        neg = [best[r["id"]] for r in rows if r["unanswerable"] and not r.get("empty")]
        figs["reader_auc"] = _rounded(auc(pos, neg))
        rec = records / f"{name}.json" if records else None
        if rec and rec.exists():
            support = {k: (0.0 if v.get("refused") else v.get("support", 0.0)) for k, v in json.loads(rec.read_text()).items()}
            figs["support_auc"] = _rounded(auc([support[r["id"]] for r in ans if r["id"] in support],
                                                [support[r["id"]] for r in rows if r["unanswerable"] and r["id"] in support]))
        out[name] = figs
    return out


def main(argv: list[str] | None = None) -> int:
    from eval.reader.rank_eval import scorer_factory

    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--set", action="append", required=True, metavar="NAME")
    parser.add_argument("--scorer", default="bi_head")
    parser.add_argument("--bench", type=Path, default=Path(__file__).resolve().parents[3] / "shared" / "bench")
    parser.add_argument("--stores", type=Path, default=Path.home() / ".cache" / "qa-bench")
    parser.add_argument("--windows", type=int, default=8)
    parser.add_argument("--records", type=Path, help="snapshot records of the same sets (the answerer's support)")
    parser.add_argument("--out", type=Path)
    args = parser.parse_args(argv)
    figs = report(collect(args.set, args.bench, args.stores, args.windows, scorer_factory(args.scorer)()), args.records)
    total = {k: sum(f.get(k) or 0 for f in figs.values()) for k in next(iter(figs.values())) if "auc" not in k}
    for name, f in {**figs, "total": total}.items():
        print(name, json.dumps(f))
    if args.out:
        args.out.write_text(json.dumps({"scorer": args.scorer, "sets": figs, "total": total}, indent=1) + "\n")
    return 0


if __name__ == "__main__":
    sys.exit(main())
