"""What another refusal threshold would do, per script, read off answers given at threshold 0:

    python -m eval.bench.snapshot --real --threshold 0 --set en_wiki13 ... --out-dir /tmp/r/t0
    python -m eval.bench.thresholds --t0 /tmp/r/t0 --base /tmp/r/start --set en_wiki13 ...

At threshold 0 nothing is refused and every answer keeps its support (after its gaps' factors, and
a gap-free quote's over its script's share: `qa.answer.extractive._checked`), so refusing at a cut
is arithmetic. For each script (zh, en, es; `cross` for a Latin question quoted from Chinese text)
and each cut, applied to gap-free quotes, to quotes with a gap, or to both (the rest at the
configured threshold), it prints the answerable questions right, refused and wrong, the
unanswerable ones answered, and how many of those the `--base` run (the configured threshold)
refused: the calibration's guard, since a refusal of an unanswerable question must stay one.
Counts only, so a calibration set may be read this way. Approximate: at a cut above an answer's
support the answerer tries close runner-ups first (`retry_windows`), which threshold 0 never does;
check a chosen cut on the real path (`snapshot --param latin_plain_share=...` or `--threshold`).
"""

from __future__ import annotations

import argparse
import json
from collections import Counter
from pathlib import Path

CUTS = (0.05, 0.10, 0.125, 0.15, 0.18, 0.20, 0.22, 0.25)


def script_of(question: str, quote: str) -> str:
    from qa.text.cjk import CJK
    from qa.text.tokens import latin_language

    if CJK.search(question):
        return "zh"
    if CJK.search(quote):
        return "cross"
    return latin_language(question) or "en"


def rows(t0: dict[str, dict], base: dict[str, dict], gold: Path) -> list[dict]:
    """One row a question answered in both runs: script, unanswerable, right at threshold 0,
    support, gap-free, refused by the base run."""
    from qa.evaluate.metrics import contains_answer, strip_citations

    out = []
    for line in gold.read_text(encoding="utf-8").splitlines():
        item = json.loads(line) if line.strip() else None
        if item is None or item["id"] not in t0 or item["id"] not in base:
            continue
        rec = t0[item["id"]]
        quote = rec["citations"][0][1] if rec["citations"] else ""
        una = bool(item.get("unanswerable"))
        out.append({"script": script_of(item["question"], quote), "una": una, "support": rec["support"],
                    "right": not una and contains_answer(strip_citations(rec["answer"]), item["answers"]),
                    "gapfree": not rec["gaps"], "base_refused": base[item["id"]]["refused"]})
    return out


def tally(table: list[dict], script: str, applies: str, cut: float, threshold: float) -> Counter:
    """Counts for `script` when quotes of kind `applies` (gap-free, gapped, all) are refused under
    `cut` and the others under `threshold`."""
    c: Counter = Counter()
    for r in table:
        if r["script"] != script:
            continue
        mine = applies == "all" or (applies == "gap-free") == r["gapfree"]
        answered = r["support"] > 0 and r["support"] >= (cut if mine else threshold)
        if r["una"]:
            c["unanswerable"] += 1
            c["una_answered"] += answered
            c["newly_answered"] += answered and r["base_refused"]
        else:
            c["answerable"] += 1
            c["right" if answered and r["right"] else "wrong" if answered else "refused"] += 1
    return c


def main(argv: list[str] | None = None) -> int:
    from eval.bench.snapshot import named_sets

    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--t0", type=Path, required=True, help="a snapshot --out-dir answered at --threshold 0")
    parser.add_argument("--base", type=Path, required=True, help="the same sets at the configured threshold")
    parser.add_argument("--set", action="append", required=True, metavar="NAME")
    parser.add_argument("--bench", type=Path, default=Path("../shared/bench"))
    parser.add_argument("--threshold", type=float, default=0.25, help="the configured threshold")
    args = parser.parse_args(argv)
    sets = named_sets(args.bench)
    table = []
    for name in args.set:
        load = lambda d: json.loads((d / f"{name}.json").read_text(encoding="utf-8"))  # noqa: E731
        table += rows(load(args.t0), load(args.base), sets[name][1])
    print("script applies   cut    right/answerable refused wrong  unanswerable answered (newly)")
    for script in sorted({r["script"] for r in table}):
        for applies in ("gap-free", "gapped", "all"):
            for cut in CUTS:
                c = tally(table, script, applies, cut, args.threshold)
                print(f"{script:6} {applies:8} {cut:.3f}  {c['right']:4}/{c['answerable']:<4}  {c['refused']:5} "
                      f"{c['wrong']:5}  {c['una_answered']:4}/{c['unanswerable']:<4} ({c['newly_answered']})")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
