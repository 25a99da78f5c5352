"""Short answers scored on a snapshot (eval/bench/snapshot.py): the extractive short answer is picked
from each answer's cited quotes (`qa.answer.short.pick`, as `qa ask` picks it) and scored with the
functions `qa eval` uses (`qa.evaluate.metrics`: exact match, CMRC's span F1), so a change to the
picker is measured in seconds without answering again:

    python -m eval.bench.snapshot --corpus ../shared/bench/cmrc_trial/docs \
        --gold ../shared/bench/cmrc_trial/gold.jsonl --out /tmp/trial.json
    python -m eval.bench.short_answers --snapshot /tmp/trial.json \
        --gold ../shared/bench/cmrc_trial/gold.jsonl [--misses 40]

rate: answered items with a short answer / answered items (qa eval's short_rate); EM and F1 over
the answered answerable items that have one (short_exact_match, short_f1); contained: how often a
gold answer is in the quotes at all (the ceiling of any picker); shown_median: the median length
in characters of what the compact screen shows first for an answered item (issue 24's "median
displayed answer"): the short answer when there is one, else the answer sentence without its
markers. To score another tree's picker on the same snapshot, put that tree first on the path:

    PYTHONPATH=/tmp/other-tree python eval/bench/short_answers.py --snapshot … --gold …
"""

from __future__ import annotations

import argparse
import json
import sys
from pathlib import Path


def score(snapshot: dict, gold_path: Path, misses: int = 0) -> dict:
    from statistics import median

    from qa.answer.citations import strip_markers
    from qa.answer.short import short_answer
    from qa.evaluate.metrics import contains_answer, exact_match, f1

    golds = {}
    for line in gold_path.read_text(encoding="utf-8").splitlines():
        if line.strip():
            item = json.loads(line)
            golds[item["id"]] = item
    answered = given = contained = 0
    ems, f1s, wrong, shown = [], [], [], []
    for i, rec in snapshot.items():
        if rec["refused"]:
            continue
        answered += 1
        item = golds[i]
        quotes = [q for _, q in rec["citations"]]
        short = short_answer(rec["question"], quotes)
        answers = [] if item.get("unanswerable") else item["answers"]
        contained += bool(answers) and contains_answer(" ".join(quotes), answers)
        shown.append(len(short or strip_markers(rec["answer"]).strip()))
        if not short:
            continue
        given += 1
        if answers:
            ems.append(exact_match(short, answers))
            f1s.append(f1(short, answers, contiguous=True))
            if ems[-1] < 1:
                wrong.append((round(f1s[-1], 2), rec["question"], short, answers[0]))
    for w in wrong[:misses]:
        print(*w, sep=" | ")
    mean = lambda xs: round(sum(xs) / len(xs), 3) if xs else None  # noqa: E731
    return {"answered": answered, "given": given, "rate": round(given / answered, 3) if answered else None,
            "em": mean(ems), "f1": mean(f1s), "contained": round(contained / answered, 3) if answered else None,
            "shown_median": median(shown) if shown else None}


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--snapshot", type=Path, required=True)
    parser.add_argument("--gold", type=Path, required=True)
    parser.add_argument("--misses", type=int, default=0, help="print this many wrong short answers")
    args = parser.parse_args(argv)
    snap = json.loads(args.snapshot.read_text(encoding="utf-8"))
    print(json.dumps(score(snap, args.gold, args.misses), ensure_ascii=False))
    return 0


if __name__ == "__main__":
    sys.exit(main())
