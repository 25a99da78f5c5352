"""python -m eval.bench --corpus DIR --gold FILE [--name NAME] [--out FILE.json]

Example: python -m eval.bench --corpus ../shared/bench/cmrc_trial/docs --gold ../shared/bench/cmrc_trial/gold.jsonl
"""

from __future__ import annotations

import argparse
import json
import os
import platform
import shutil
import sys
import tempfile
import time
from pathlib import Path

from eval.bench.cache import DEFAULT_CACHE, CachedEmbedding
from eval.bench.run import (load_gold, score, speed, system_bm25_bigram, system_llama_index, system_ours,
                            system_retriever, timed)

SYSTEMS = {"a": "bm25-bigram", "b": "dense", "c": "hybrid", "d": "llama-index", "e": "ours"}
COLUMNS = ["doc@1", "doc@5", "mrr@10", "chunk@1", "chunk@5", "ans@1", "chars", "refuse_p", "refuse_r", "false_ref", "ms"]


def machine() -> str:
    model = ""
    try:
        model = next(line.split(":", 1)[1].strip() for line in Path("/proc/cpuinfo").read_text().splitlines()
                     if line.startswith("model name"))
    except (OSError, StopIteration):
        pass
    return f"{os.cpu_count()} cores {model or platform.processor()}, no GPU, Python {platform.python_version()}"


def table(rows: list[dict], title: str) -> str:
    cols = [c for c in COLUMNS if any(r["scores"].get(c) is not None for r in rows)]
    head = f"| system | {' | '.join(cols)} |"
    lines = [title, "", head, "|" + "---|" * (len(cols) + 1)]
    for r in rows:
        cells = []
        for c in cols:
            v = r["scores"].get(c)
            cells.append("" if v is None else f"{v:.1f}" if c in ("chars", "ms") else f"{v:.3f}")
        lines.append(f"| {r['system']} | {' | '.join(cells)} |")
    return "\n".join(lines)


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(prog="python -m eval.bench", description=__doc__,
                                 formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--corpus", type=Path, required=True, help="folder of .txt docs")
    ap.add_argument("--gold", type=Path, required=True, help="gold JSONL")
    ap.add_argument("--name", default=None, help="data set name for the report (default: the corpus folder)")
    ap.add_argument("--out", type=Path, default=None, help="JSON report (default eval/bench/results/NAME.json)")
    ap.add_argument("--systems", default="abcde", help="which of a-e to run (default all)")
    ap.add_argument("--cache", type=Path, default=DEFAULT_CACHE, help=f"embedding cache (default {DEFAULT_CACHE})")
    ap.add_argument("--speed", type=int, default=200, help="questions timed with the real embedder (0 = skip)")
    ap.add_argument("--set", action="append", default=[], metavar="KEY=VALUE", help="override a qa setting")
    args = ap.parse_args(argv)

    from qa.config import load_settings
    from qa.embed import make_embedder
    from qa.ingest.pipeline import ingest
    from qa.store import Store

    name = args.name or (args.corpus.parent.name if args.corpus.name == "docs" else args.corpus.name)
    items = load_gold(args.gold)
    tmp = Path(tempfile.mkdtemp(prefix="qa-bench-"))
    try:
        overrides = dict(kv.split("=", 1) for kv in args.set)
        settings = load_settings({"store": str(tmp / "store"), **overrides}, env={})
        inner = make_embedder(settings)
        embedder = CachedEmbedding(inner, args.cache)
        t = time.perf_counter()
        report = ingest([args.corpus], settings, embedder=embedder)
        ingest_s = time.perf_counter() - t
        store = Store.open(settings)
        print(f"{name}: {len(items)} questions, {report.files} docs, {report.chunks} chunks "
              f"(ingest {ingest_s:.1f}s with cached vectors)", file=sys.stderr)
        # Question vectors once, up front, so every system reads them from the cache.
        embedder.get_query_embeddings([it.question for it in items])
        builders = {
            "a": lambda: system_bm25_bigram(store),
            "b": lambda: system_retriever(store, settings, embedder, "dense"),
            "c": lambda: system_retriever(store, settings, embedder, "hybrid"),
            "d": lambda: system_llama_index(args.corpus, embedder),
            "e": lambda: system_ours(store, settings, embedder),
        }
        rows = []
        for key in args.systems:
            run = timed(builders[key]())
            outcomes = [run(it) for it in items]
            s = score(SYSTEMS[key], items, outcomes)
            rows.append({"system": f"({key}) {SYSTEMS[key]}", "scores": s.values})
            print(f"  {rows[-1]['system']}: done", file=sys.stderr)
        timing = speed(items, settings, store, inner, args.speed) if args.speed else None
        title = f"{name}: {len(items)} questions ({sum(it.unanswerable for it in items)} unanswerable), " \
                f"{report.files} docs, {report.chunks} chunks"
        print(table(rows, title))
        if timing:
            print(f"\nspeed ({timing['questions']} questions, warm, real embedder): embed question alone "
                  f"p50 {timing['embed_p50']} ms / p95 {timing['embed_p95']} ms; ours (embed + hybrid retrieval "
                  f"+ extractive answer) p50 {timing['ask_p50']} ms / p95 {timing['ask_p95']} ms; "
                  f"ratio of p50s {timing['ratio_p50']}")
        settings_used = {k: getattr(settings, k) for k in ("top_k", "retrieval", "candidates", "rrf_k", "dense_weight",
                                                           "keyword_weight", "max_per_article", "refusal_threshold",
                                                           "chunk_size", "chunk_min")}
        out = args.out or Path(__file__).parent / "results" / f"{name}.json"
        out.parent.mkdir(parents=True, exist_ok=True)
        out.write_text(json.dumps({"name": name, "corpus": str(args.corpus), "gold": str(args.gold),
                                   "questions": len(items), "unanswerable": sum(it.unanswerable for it in items),
                                   "docs": report.files, "chunks": report.chunks, "machine": machine(),
                                   "date": time.strftime("%Y-%m-%d"), "settings": settings_used,
                                   "systems": rows, "speed": timing}, ensure_ascii=False, indent=1) + "\n",
                       encoding="utf-8")
        print(f"\nwrote {out}", file=sys.stderr)
    finally:
        shutil.rmtree(tmp, ignore_errors=True)
    return 0


if __name__ == "__main__":
    sys.exit(main())
