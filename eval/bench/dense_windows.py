"""Does the embedder tell which sentence answers? For every answerable question of the named sets,
today's best windows by score (real path: the configured embedder, vectors cached, hybrid
retrieval, as `qa ask` finds passages), and how often the first of them holds a gold answer when
ranked by the score alone, by the cosine alone (the window embedded as a chunk is,
`qa.types.embed_view`) and by score + w x cosine, for a few weights w and numbers K of windows
reranked. The table `dense_weight` and `dense_windows` (qa/answer/params.py) were chosen from.

    python -m eval.bench.dense_windows --set en_wiki --set es_wiki [--windows 8]

Window level only: the answerer then checks the first window, retries close runner-ups, quotes
close ones too and cuts long sentences, so the real path's figures (`eval.bench.snapshot --real`)
are the ones to report; this replay is for choosing the two numbers without re-answering.
"""

from __future__ import annotations

import argparse
import json
import sys
from pathlib import Path

WEIGHTS = (0, 20, 30, 50, 70, 100, 150)
COUNTS = (2, 3, 4, 5, 8)


def best_windows(names: list[str], bench: Path, stores: Path, windows: int, answerable_only: bool = True):
    """For each question of the named sets (answerable ones only unless told), in order: (set name,
    the gold item, the passages `qa ask` finds, the best `windows` windows by today's score, the
    set's embedder); a question with no window is yielded with an empty list. Shared by this
    replay and `eval.reader.window_replay`."""
    from eval.bench.cache import DEFAULT_CACHE
    from eval.bench.general import open_set
    from eval.bench.snapshot import named_sets
    from qa.answer.params import DEFAULTS
    from qa.answer.windows import analyse, candidate_windows
    from qa.ask import find_passages

    sets = named_sets(bench)
    for name in names:
        docs, gold = sets[name]
        settings, store, embedder = open_set(docs, stores, True, DEFAULT_CACHE)
        for line in gold.read_text(encoding="utf-8").splitlines():
            item = json.loads(line) if line.strip() else {}
            if not item.get("question", "").strip() or (answerable_only and item.get("unanswerable")):
                continue
            hits = find_passages(item["question"], settings, store, embedder, params=DEFAULTS)
            found = candidate_windows(analyse(item["question"], store.keyword.idf if hits else None), hits, DEFAULTS)
            yield name, item, hits, sorted(found, key=lambda w: (w.score, -(w.end - w.start)), reverse=True)[:windows], embedder


def collect(names: list[str], bench: Path, stores: Path, windows: int) -> dict[str, list[list[tuple[float, float, bool]]]]:
    """set -> per answerable question, its best `windows` windows as (score, cosine, holds gold)."""
    import numpy as np

    from qa.evaluate.metrics import contains_answer
    from qa.types import embed_view

    out: dict[str, list] = {name: [] for name in names}
    for name, item, hits, best, embedder in best_windows(names, bench, stores, windows):
        if not best:
            continue
        texts = [hits[w.hit].text[w.start:w.end] for w in best]
        qv = np.asarray(embedder.get_query_embedding(item["question"]), dtype=np.float32)
        vecs = np.asarray(embedder.get_text_embedding_batch(
            [embed_view(hits[w.hit].title, t) for w, t in zip(best, texts)]), dtype=np.float32)
        cos = (vecs @ qv) / (np.linalg.norm(vecs, axis=1) * np.linalg.norm(qv))
        out[name].append([(w.score, float(c), contains_answer(t, item["answers"])) for w, c, t in zip(best, cos, texts)])
    for name in names:
        print(f"{name}: {len(out[name])} questions", file=sys.stderr, flush=True)
    return out


def first_holds(rows: list[list[tuple[float, float, bool]]], weight: float | None, count: int) -> int:
    """How many questions' first window (of the best `count`) holds gold, ranked by score + weight x
    cosine (None: the cosine alone); ties to the better score."""
    def key(iw):
        i, (score, cos, _) = iw
        return (cos if weight is None else score + weight * cos, -i)
    return sum(max(enumerate(r[:count]), key=key)[1][2] for r in rows)


def table(data: dict, weights=WEIGHTS, counts=COUNTS) -> list[str]:
    lines = [f"{'K':>3} {'ceiling':>7} " + " ".join(f"w{w:<4}" for w in weights) + " cosine"]
    for k in counts:
        ceiling = sum(any(g for *_, g in r[:k]) for rows in data.values() for r in rows)
        got = [sum(first_holds(rows, w, k) for rows in data.values()) for w in (*weights, None)]
        lines.append(f"{k:>3} {ceiling:>7} " + " ".join(f"{n:<5}" for n in got))
    return lines


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--set", action="append", required=True, metavar="NAME")
    parser.add_argument("--bench", type=Path, default=Path(__file__).resolve().parents[3] / "shared" / "bench")
    parser.add_argument("--stores", type=Path, default=Path.home() / ".cache" / "qa-bench")
    parser.add_argument("--windows", type=int, default=max(COUNTS), help="best windows collected per question")
    args = parser.parse_args(argv)
    data = collect(args.set, args.bench, args.stores, args.windows)
    total = sum(len(rows) for rows in data.values())
    print(f"{total} answerable questions; first window holds a gold answer, by score + w x cosine among the best K:")
    print("\n".join(table(data)))
    return 0


if __name__ == "__main__":
    sys.exit(main())
