"""The Chinese slot checks (`qa.answer.slots.gaps`) replayed in seconds and with no store: on each
answerable question's gold sentence, where any gap is a false one (the sentence says the answer,
so the checks believe it lacks a word it says in other words), and on each unanswerable question's
quote from a snapshot answered with nothing refused, where a gap is the refusal we want:

    python -m eval.bench.snapshot --real --set zh_xwiki23 --set zh_xwiki_nearmiss ... \
        --threshold 0 --out-dir /tmp/t0                       # once: the unanswerables' quotes
    python -m eval.bench.gap_replay --quotes /tmp/t0 --out /tmp/gaps.json   # every zh development set
    python -m eval.bench.gap_replay zh_xwiki23 --show                        # ...or some, with the gaps

The gold sentence is the sentence of the question's evidence article holding a gold answer that
shares most characters with the question; its context the sentences before and after it, as the
answerer reads a quote's (`extractive.gaps_of`). Only the slot checks are replayed: entity
grounding needs retrieval's passages. Per set: answerable questions with a gold sentence and how
many of those get a gap (by the first gap's kind), and unanswerable questions with a quote and how
many of those get one. `--out` writes {set/id: gaps} for comparing two trees (put the other tree
first on the path: `PYTHONPATH=/tmp/other-tree python -m eval.bench.gap_replay ...`). Only
development sets are replayed (`DEV`): calibration and check sets are read in aggregate through the
snapshot alone.
Session 19 (zhgap), at the start: 111 of 5,222 answerable gold sentences got a gap (event 60, focus 19,
loose 17, instance 10; 82 of them drcd_test's), 131 of 161 unanswerable quotes; after, 109 and 131.
"""

from __future__ import annotations

import argparse
import json
import sys
from collections import Counter
from pathlib import Path

DEV = ("zh_translated zh_xwiki zh_xwiki3 zh_xwiki4 zh_xwiki7 zh_xwiki9 zh_xwiki11 zh_xwiki13 zh_xwiki15 zh_xwiki17 "
       "zh_xwiki19 zh_xwiki21 zh_xwiki23 cmrc_train30 cmrc_trial drcd_test zh_xwiki_nearmiss zh_xwiki3_nearmiss "
       "zh_xwiki4_nearmiss zh_xwiki19_nearmiss train30_nearmiss").split()


def _paragraphs(docs: Path) -> list[tuple[str, str, str]]:
    """(article id, title, squashed paragraph) for each non-empty line of each article in `docs`."""
    out = []
    for path in sorted(p for p in docs.rglob("*") if p.is_file()):
        lines = [" ".join(line.split()) for line in path.read_text(encoding="utf-8", errors="replace").splitlines()]
        lines = [line for line in lines if line]
        out += [(path.stem, lines[0] if lines else "", line) for line in lines]
    return out


def _sentence(question: str, target: str, paragraphs: list, evidence: set[str]) -> tuple[str, str, int, int] | None:
    """(title, paragraph, index of the sentence where `target` starts, of the one where it ends) for
    the sentence holding `target` that shares most characters with `question`, in the `evidence`
    articles if given."""
    from qa.text.sentences import split_sentences

    best = None
    for stem, title, para in paragraphs:
        if evidence and stem not in evidence:
            continue
        at = para.find(target)
        while at >= 0:
            spans = split_sentences(para)
            k = next((i for i, s in enumerate(spans) if s.start <= at < s.end), None)
            if k is not None:
                score = sum(ch in para[spans[k].start:spans[k].end] for ch in set(question))
                if best is None or score > best[0]:
                    best = (score, title, para, k, next((i for i, s in enumerate(spans)
                                                        if s.start <= at + len(target) - 1 < s.end), k))
            at = para.find(target, at + 1)
    return best[1:] if best else None


def replay(docs: Path, gold: Path, quotes: dict | None = None) -> dict[str, dict]:
    """{question id: {"unanswerable", "gaps": [[kind, detail]...], "quote"}} for each answerable
    question with a gold sentence, and each unanswerable one `quotes` (a threshold-0 snapshot) quotes."""
    from qa.answer.slots import gaps
    from qa.text.cjk import close_spaces
    from qa.text.script import to_simplified
    from qa.text.sentences import split_sentences

    match = lambda text: close_spaces(to_simplified(text))  # noqa: E731 (as extractive.gaps_of reads them)
    paragraphs = _paragraphs(docs)
    out = {}
    for line in gold.read_text(encoding="utf-8").splitlines():
        item = json.loads(line) if line.strip() else {}
        if not item.get("question", "").strip():
            continue
        if item.get("unanswerable"):
            record = (quotes or {}).get(item["id"])
            target = " ".join(record["citations"][0][1].split()) if record and record["citations"] else ""
            evidence = set()
        else:
            target = next((" ".join(a.split()) for a in item["answers"] if a.strip()), "")
            evidence = set(item.get("evidence") or [])
        found = _sentence(item["question"], target, paragraphs, evidence) if target else None
        if found is None:
            continue
        title, para, first, last = found
        spans = split_sentences(para)
        quote = target if item.get("unanswerable") else para[spans[first].start:spans[first].end]
        context = " ".join(para[s.start:s.end] for s in spans[max(0, first - 1):first] + spans[last + 1:last + 2])
        found_gaps = gaps(match(item["question"]), match(quote), match(context), passage=match(f"{title}\n{para}"))
        out[item["id"]] = {"unanswerable": bool(item.get("unanswerable")), "quote": quote,
                           "gaps": [[g.kind, g.detail] for g in found_gaps]}
    return out


def main(argv: list[str] | None = None) -> int:
    from eval.bench.snapshot import named_sets

    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("sets", nargs="*", help="development sets (default: every Chinese one)")
    parser.add_argument("--quotes", type=Path, help="a folder of threshold-0 snapshots (<SET>.json): the unanswerables' quotes")
    parser.add_argument("--bench", type=Path, default=Path(__file__).resolve().parents[3] / "shared" / "bench")
    parser.add_argument("--show", action="store_true", help="print each question that got a gap")
    parser.add_argument("--out", type=Path)
    args = parser.parse_args(argv)
    unknown = [s for s in args.sets if s not in DEV]
    if unknown:
        parser.error(f"not a development set: {', '.join(unknown)}")
    sets = named_sets(args.bench)
    rows: dict = {}
    total = Counter()
    for name in args.sets or DEV:
        docs, gold = sets[name]
        path = args.quotes / f"{name}.json" if args.quotes else None
        quotes = json.loads(path.read_text(encoding="utf-8")) if path and path.exists() else None
        found = replay(docs, gold, quotes)
        tally = Counter()
        for qid, row in found.items():
            side = "unanswerable" if row["unanswerable"] else "answerable"
            tally[side] += 1
            if row["gaps"]:
                tally[f"{side} gap"] += 1
                tally[f"{side} {row['gaps'][0][0]}"] += 1
                if args.show:
                    print(f"  {side} {qid} {row['gaps']} {row['quote'][:60]}")
            rows[f"{name}/{qid}"] = row["gaps"]
        total += tally
        print(f"{name}: {json.dumps(dict(sorted(tally.items())), ensure_ascii=False)}")
    print(f"total: {json.dumps(dict(sorted(total.items())), ensure_ascii=False)}")
    if args.out:
        args.out.write_text(json.dumps(rows, ensure_ascii=False), encoding="utf-8")
    return 0


if __name__ == "__main__":
    sys.exit(main())
