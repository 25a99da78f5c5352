"""Every extractive answer on a gold set, written to JSON, so that a refactor that must not change
behaviour (the lexicon moving to data files, modules split by job) can be checked answer by answer:

    python -m eval.bench.snapshot --corpus ../shared/bench/cmrc_trial/docs \
        --gold ../shared/bench/cmrc_trial/gold.jsonl --out /tmp/before.json
    ... change the code ...
    python -m eval.bench.snapshot ... --out /tmp/after.json --compare /tmp/before.json

The store is built with the hash embedder (seconds) and searched by keyword alone: Chroma loads its
vector index by replaying writes on several threads, so on a store of a few hundred chunks the
dense half can return a different neighbour from one process to the next (1 answer in 1,000 moved
between two runs of the same tree), and the hash embedder's neighbours mean nothing anyway. A
difference is then the answerer's, the tokenizer's or the keyword index's, never noise. `--compare` prints each question whose
answer, refusal, support, gaps or citations moved, and exits 1 when any did.
"""

from __future__ import annotations

import argparse
import hashlib
import json
import sys
from pathlib import Path


def store_digest(corpus: Path) -> str:
    """The name of a bench store of `corpus`: its path and the source of the code that cuts articles
    into chunks. Ingest skips files it already holds, so a store built before the chunker changed
    would keep its old chunks and measure the new code on them."""
    import qa.ingest.chunk
    import qa.text.sentences

    key = hashlib.sha256(str(corpus.resolve()).encode())
    for module in (qa.ingest.chunk, qa.text.sentences):
        key.update(Path(module.__file__).read_bytes())
    return key.hexdigest()[:12]


def _store(corpus: Path, root: Path):
    from qa.config import load_settings
    from qa.ingest.pipeline import ingest

    digest = store_digest(corpus)
    settings = load_settings({"store": str(root / f"snapshot-{digest}"), "embed": "hash", "retrieval": "keyword"},
                             env={})
    ingest([corpus], settings)
    return settings


def snapshot(corpus: Path, gold: Path, root: Path) -> dict[str, dict]:
    from qa.ask import ask, open_reader

    settings = _store(corpus, root)
    store, embedder = open_reader(settings)
    out: dict[str, dict] = {}
    for line in gold.read_text(encoding="utf-8").splitlines():
        if not line.strip():
            continue
        item = json.loads(line)
        if not item["question"].strip():  # a gold line without a question has no answer to keep
            continue
        a = ask(item["question"], settings, store=store, embedder=embedder, mode="extractive")
        out[item["id"]] = {"question": item["question"], "answer": a.answer, "refused": a.refused,
                           "support": round(a.support, 4), "gaps": [g.get("kind") for g in a.gaps],
                           "citations": [[c.chunk_id, c.quote] for c in a.citations]}
    return out


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--corpus", type=Path, required=True)
    parser.add_argument("--gold", type=Path, required=True)
    parser.add_argument("--out", type=Path, required=True)
    parser.add_argument("--compare", type=Path, help="an earlier snapshot: list what moved, exit 1 if anything did")
    parser.add_argument("--stores", type=Path, default=Path.home() / ".cache" / "qa-bench")
    args = parser.parse_args(argv)
    now = snapshot(args.corpus, args.gold, args.stores)
    args.out.write_text(json.dumps(now, ensure_ascii=False, indent=1), encoding="utf-8")
    print(f"{len(now)} answers -> {args.out}")
    if args.compare is None:
        return 0
    before = json.loads(args.compare.read_text(encoding="utf-8"))
    moved = [i for i in now if before.get(i) != now[i]]
    for i in moved:
        print(f"moved {i} {now[i]['question']}\n  before {json.dumps(before.get(i), ensure_ascii=False)}\n"
              f"  after  {json.dumps(now[i], ensure_ascii=False)}")
    print(f"{len(moved)} of {len(now)} answers moved")
    return 1 if moved else 0


if __name__ == "__main__":
    sys.exit(main())
