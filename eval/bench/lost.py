"""Where a wrong quote's right sentence was lost, in counts only (so a check set may be read this way
too, never question by question):

    python -m eval.bench.lost --snapshot /tmp/r/s18-start/en_wiki21.json --set en_wiki21

For each answerable question the snapshot answers with a quote that holds no gold answer
(`eval.bench.misses`: wrong:cut, wrong:paragraph, wrong:article, wrong:other), the passages are found
again as `qa ask` finds them (real path: the configured embedder, vectors cached) and the candidate
windows scored (`qa.answer.windows`, `qa.answer.sentence_dense`); the first stage that lost it names
its class:
  - `unretrieved`: no passage found holds a gold answer (retrieval, `qa.retrieve`);
  - `unwindowed`: a passage does, no one- or two-sentence window of it does (the answer spans more);
  - `words:<place>`: a window holds it, the words' score ranks another first (the gold window's
    place, 3+ beyond) and the embedder's reading does not lift it first;
  - `embedder`: first by the words, another first after the embedder's reading;
  - `later`: first after the embedder's reading, and a later rule of `qa.answer.extractive` (a retry,
    a fuller runner-up, the narrowing to one sentence, the cut) quoted something else.
A wrong:cut miss is `later` nearly always: its window was right and the cut lost the answer.
Session 18 (helper rank), the start's answers (689eeb2) on the 28 dev sets with a wrong quote
besides a cut, the seed and cmrc_train30 (78 wrong quotes): words:1 16, words:2 12, words:3+ 23,
embedder 4, unretrieved 6, later 17 (15 of them cuts; the two others a fuller runner-up quoted over
the answer, and a runner-up quote cut before its answer). English and Spanish: words 21 of 44;
Chinese (with the seed, cmrc_train30): words 30 of 34 (3+ places: 18); of all 78 the quote is
the article's lead in 24, 12 of them Chinese. cmrc_trial (99): words 65, unwindowed 21 (the gold answer
spans more than two sentences), unretrieved 9, embedder 4.
"""

from __future__ import annotations

import argparse
import json
import sys
from collections import Counter
from pathlib import Path


def stage(in_passages: bool, window_rank: int | None, first_after: bool) -> str:
    """The class of one wrong quote (see the module doc): `window_rank` is the gold window's place by
    the words' score (None: no window holds gold), `first_after` whether it is first after the
    embedder's reading."""
    if not in_passages:
        return "unretrieved"
    if window_rank is None:
        return "unwindowed"
    if first_after:
        return "later"
    return "embedder" if window_rank == 0 else f"words:{min(window_rank, 3)}{'+' if window_rank >= 3 else ''}"


def lost(question: str, golds: list[str], settings, store, embedder) -> str:
    """`stage` of one question, its passages found and windows scored with today's `DEFAULTS`."""
    from qa.answer.cross_script import dense_similarity
    from qa.answer.params import DEFAULTS as p
    from qa.answer.sentence_dense import reranked
    from qa.answer.windows import analyse, candidate_windows
    from qa.ask import find_passages
    from qa.evaluate.metrics import contains_answer
    from qa.text.cjk import CJK

    hits = find_passages(question, settings, store, embedder)
    windows = candidate_windows(analyse(question, store.keyword.idf if hits else None), hits, p)
    key = lambda w: (w.score, -(w.end - w.start))  # noqa: E731 - as the answerer orders them
    holds = lambda w: contains_answer(hits[w.hit].text[w.start:w.end], golds)  # noqa: E731
    by_words = sorted(windows, key=key, reverse=True)
    rank = next((n for n, w in enumerate(by_words) if holds(w)), None)
    if rank is None:
        return stage(any(contains_answer(h.text, golds) for h in hits), None, False)
    chinese = CJK.search(question) is not None
    if (CJK.search(hits[0].text) is not None) != chinese:  # cross-script: windows of their own (cross_script)
        return stage(True, rank, rank == 0)
    after = reranked(windows, hits, dense_similarity(embedder, question), p,
                     weight=p.dense_cjk if chinese else p.dense_weight, lead=p.dense_lead_cjk if chinese else p.dense_lead,
                     priors=p.dense_priors_cjk if chinese else None, held=p.dense_held_cjk if chinese else 0.0)
    return stage(True, rank, holds(max(after, key=key)))


def tally(snapshot: dict, docs: Path, gold: Path, stores: Path) -> Counter:
    from eval.bench.cache import DEFAULT_CACHE
    from eval.bench.general import open_set
    from eval.bench.misses import _paragraphs, classify

    items = {it["id"]: it for line in gold.read_text(encoding="utf-8").splitlines() if line.strip()
             for it in [json.loads(line)]}
    paragraphs = _paragraphs(docs)
    wrong = [(i, items[i]) for i, rec in snapshot.items()
             if i in items and classify(rec, items[i], paragraphs).startswith("wrong:")]
    if not wrong:
        return Counter()
    settings, store, embedder = open_set(docs, stores, True, DEFAULT_CACHE)
    return Counter(lost(it["question"], it["answers"], settings, store, embedder) for _, it in wrong)


def main(argv: list[str] | None = None) -> int:
    from eval.bench.snapshot import named_sets

    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--snapshot", type=Path, required=True, help="a JSON written by eval.bench.snapshot")
    parser.add_argument("--set", required=True, help="the set it answered (a name eval.bench.snapshot knows)")
    parser.add_argument("--bench", type=Path, default=Path(__file__).resolve().parents[3] / "shared" / "bench")
    parser.add_argument("--stores", type=Path, default=Path.home() / ".cache" / "qa-bench")
    args = parser.parse_args(argv)
    docs, gold = named_sets(args.bench)[args.set]
    counts = tally(json.loads(args.snapshot.read_text(encoding="utf-8")), docs, gold, args.stores)
    print(f"{args.set} {json.dumps(dict(sorted(counts.items())))}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
