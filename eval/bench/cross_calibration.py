"""python -m eval.bench.cross_calibration --store STORE --gold GOLD [--floor F --full F]

How the support of cross-script answers (an English question quoted from Chinese passages) is
calibrated: `qa.answer.cross_script.rescale` maps the quoted sentence's dense similarity from
`dense_floor`..`dense_full` onto 0..1, so the refusal threshold (0.25) refuses every sentence less
similar than floor + 0.25 * (full - floor). What is mapped is the similarity plus the sentence's
literal and name evidence (`cross_literal`, `cross_name`: the question's numbers, months and
pinyin names it holds), so "similarity" below means that sum. One pass of the real read path
(`qa.ask.ask`, extractive, the store's own embedder) with the identity mapping (floor 0, full 1)
and threshold 0 records each question's similarity, its gap factors and whether the quote holds a
gold answer. In
cross-script mode the quoted sentence does not depend on floor, full or threshold (they move only
its support), so any mapping is then scored offline, exactly: the right count at each cut, and the
calibration table (`qa.evaluate.calibration`) of the mapping now in params.py and of `--floor/--full`.
Only questions without Chinese characters are asked (the cross-script ones of a mixed gold set).
"""

from __future__ import annotations

import argparse
import json
from dataclasses import replace
from pathlib import Path

CUTS = (0.72, 0.73, 0.74, 0.75, 0.755, 0.76, 0.765, 0.77, 0.775, 0.78, 0.785, 0.79)


def similarities(store_dir: Path, gold: Path) -> list[dict]:
    from qa.answer.params import DEFAULTS
    from qa.ask import ask, open_reader
    from qa.config import load_settings
    from qa.evaluate.metrics import contains_answer
    from qa.text.cjk import CJK

    settings = load_settings({"store": str(store_dir), "refusal_threshold": 0.0}, env={})
    store, embedder = open_reader(settings)
    identity = replace(DEFAULTS, dense_floor=0.0, dense_full=1.0)
    rows = []
    for line in gold.read_text(encoding="utf-8").splitlines():
        item = json.loads(line) if line.strip() else None
        if not item or CJK.search(item["question"]):
            continue
        a = ask(item["question"], settings, store=store, embedder=embedder, mode="extractive", params=identity)
        factor = 1.0
        for gap in a.gaps:
            factor *= identity.gap_factors[gap["kind"]]
        answerable = bool(item.get("answers")) and not item.get("unanswerable")
        rows.append({"question": item["question"], "sim": a.support / factor if factor else 0.0, "factor": factor,
                     "answerable": answerable, "holds": answerable and contains_answer(a.answer, item["answers"])})
    return rows


def records(rows: list[dict], floor: float, full: float, threshold: float) -> list[dict]:
    """The run's records as `qa eval` would have them with this mapping (support, refused, right)."""
    out = []
    for r in rows:
        support = max(0.0, min(1.0, (r["sim"] - floor) / (full - floor))) * r["factor"]
        refused = support < threshold
        out.append({"support": support, "refused": refused, "window_holds": r["holds"],
                    "metrics": {"answerable": r["answerable"], "correct": r["holds"] and not refused}})
    return out


def right(rows: list[dict], floor: float, full: float, threshold: float) -> int:
    return sum(r["metrics"]["correct"] or (r["refused"] and not r["window_holds"])
               for r in records(rows, floor, full, threshold))


def main(argv: list[str] | None = None) -> int:
    from qa.answer.params import DEFAULTS
    from qa.evaluate.calibration import calibration, calibration_note, calibration_rows

    ap = argparse.ArgumentParser(prog="python -m eval.bench.cross_calibration", description=__doc__,
                                 formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--store", type=Path, required=True, help="a store of the gold set's articles (real embedder)")
    ap.add_argument("--gold", type=Path, required=True)
    ap.add_argument("--floor", type=float, default=DEFAULTS.dense_floor, help="dense_floor to score")
    ap.add_argument("--full", type=float, default=DEFAULTS.dense_full, help="dense_full to score")
    ap.add_argument("--threshold", type=float, default=0.25)
    ap.add_argument("--rows", type=Path, help="also write each question's similarity here (JSON)")
    args = ap.parse_args(argv)

    rows = similarities(args.store, args.gold)
    if args.rows:
        args.rows.write_text(json.dumps(rows, ensure_ascii=False, indent=1) + "\n", encoding="utf-8")
    width = DEFAULTS.dense_full - DEFAULTS.dense_floor
    print(f"{len(rows)} cross-script questions; right at threshold {args.threshold} by the similarity it refuses "
          f"below (floor moved, width {width:.2f} kept):")
    for cut in CUTS:
        floor = cut - args.threshold * width
        print(f"  {cut:.3f}: {right(rows, floor, floor + width, args.threshold)}/{len(rows)}")
    for name, floor, full in (("params.py", DEFAULTS.dense_floor, DEFAULTS.dense_full), ("given", args.floor, args.full)):
        table = calibration(records(rows, floor, full, args.threshold), threshold=args.threshold)
        print(f"\n{name}: dense_floor {floor} dense_full {full}")
        print("| support | answers | right | refusals | right |\n|---|---:|---:|---:|---:|")
        for row in calibration_rows(table):
            print("| " + " | ".join(row) + " |")
        print(calibration_note(table))
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
