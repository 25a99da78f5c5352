"""How the keyword index behaves at 100k chunks (no embedding involved).

python -m eval.bench.scale_keyword [--chunks 100000] [--corpus ../shared/bench/cmrc_trial/docs]

Builds chunks of ~300 characters by shuffling sentences of a corpus, adds them in ingest-sized
batches (256 chunks, as `qa ingest` publishes them), then measures: total build time, segments on
disk, query latency (p50/p95 over the corpus's gold questions), the time to replace one document
(3 chunks) and re-open the index from disk.
"""

from __future__ import annotations

import argparse
import random
import shutil
import statistics
import sys
import tempfile
import time
from pathlib import Path


def main(argv: list[str] | None = None) -> int:
    from qa.text.sentences import split_sentences
    from qa.store.keyword import KeywordIndex
    from qa.text.questions import keyword_query

    ap = argparse.ArgumentParser(prog="python -m eval.bench.scale_keyword", description=__doc__,
                                 formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--chunks", type=int, default=100_000)
    ap.add_argument("--corpus", type=Path, default=Path("../shared/bench/cmrc_trial/docs"))
    ap.add_argument("--batch", type=int, default=256)
    args = ap.parse_args(argv)

    rng = random.Random(0)
    sentences = []
    for p in sorted(args.corpus.glob("*.txt")):
        text = p.read_text(encoding="utf-8")
        sentences.extend(text[s.start:s.end] for s in split_sentences(text))
    questions = []
    gold = args.corpus.parent / "gold.jsonl"
    if gold.exists():
        import json
        questions = [json.loads(line)["question"] for line in gold.read_text(encoding="utf-8").splitlines()[:300]]

    def chunk(n: int) -> dict:
        text, parts = "", []
        while len(text) < 300:
            parts.append(rng.choice(sentences))
            text = "".join(parts)
        return {"id": f"doc{n // 3}:{n % 3}", "text": text, "title": f"文章{n // 3}"}

    tmp = Path(tempfile.mkdtemp(prefix="qa-kw-scale-"))
    try:
        index = KeywordIndex.open(tmp / "kw", set(), lambda ids: [])
        live: set[str] = set()
        t = time.perf_counter()
        for start in range(0, args.chunks, args.batch):
            batch = [chunk(n) for n in range(start, min(start + args.batch, args.chunks))]
            live |= {c["id"] for c in batch}
            index.add(batch, live=set(live))
        build = time.perf_counter() - t
        sizes = sorted((s.size for s in index.segments), reverse=True)
        times = []
        for q in questions or ["城市更新工程"] * 50:
            t = time.perf_counter()
            index.search(keyword_query(q), 20)
            times.append((time.perf_counter() - t) * 1000)
        times.sort()
        # Replace one document: 3 new chunks, the old 3 stop being live.
        t = time.perf_counter()
        new = [dict(chunk(i), id=f"new:{i}") for i in range(3)]
        index.add(new, live=live | {c["id"] for c in new})
        live = (live - {"doc0:0", "doc0:1", "doc0:2"}) | {c["id"] for c in new}
        index.set_live(live)
        replace_s = time.perf_counter() - t
        t = time.perf_counter()
        reopened = KeywordIndex.open(tmp / "kw", live, lambda ids: [])
        reopen_s = time.perf_counter() - t
        disk = sum(f.stat().st_size for f in (tmp / "kw").rglob("*") if f.is_file()) / 2**20
        print(f"{args.chunks} chunks in batches of {args.batch}: built in {build:.1f}s "
              f"({args.chunks / build:.0f} chunks/s incl. tokenising), {len(index.segments)} segments "
              f"(largest {sizes[:4]}), {disk:.0f} MB on disk")
        print(f"query p50 {statistics.median(times):.2f} ms, p95 {times[int(0.95 * len(times))]:.2f} ms "
              f"({len(times)} questions)")
        print(f"replace one document (3 chunks): {replace_s * 1000:.0f} ms; re-open from disk: {reopen_s * 1000:.0f} ms;"
              f" live chunks {reopened.size}")
    finally:
        shutil.rmtree(tmp, ignore_errors=True)
    return 0


if __name__ == "__main__":
    sys.exit(main())
