"""Calibration: what an answer's support (`Answer.support`, 0..1) says about whether it is right,
so that the refusal threshold is chosen from data. Pure functions on the run's records.

Every item is placed in a support bucket by the support its best evidence got (a refusal has one
too: the support that fell short of the threshold, after the gap factors). Per bucket:
    answers, answers_right      items answered; the share of them that were right (an answerable
                                item whose answer contains a gold answer)
    refusals, refusals_right    items refused; the share rightly refused: an unanswerable item, or
                                an answerable one whose best window did not hold a gold answer
                                (answering it would have quoted the wrong thing)
Right-if-answered and right-if-refused are complements for every item, so the table says what
moving the threshold across a bucket would do: its refusals would become answers, right in
(1 - refusals_right) of cases. `best_threshold` is the bucket edge at which answering every item
at or above it, and refusing the rest, would have been right most often on this set (ties: the
lowest such edge); `at_threshold` is the same count at the threshold the run used.

Buckets are fixed 0.1 wide rather than quantiles: the threshold is a number on this scale, so a
bucket edge is a threshold one can set, and the same edges make runs, sets and baselines
comparable (quantile edges move with every run). Empty buckets are listed too (zeros, rates None).
"""

from __future__ import annotations

from typing import Any, Mapping, Sequence

EDGES = tuple(round(i / 10, 1) for i in range(11))  # 0.0, 0.1, ... 1.0


def _bucket(support: float) -> int:
    return min(int(max(support, 0.0) * 10 + 1e-9), len(EDGES) - 2)  # 1.0 goes into the last bucket


def right_if_answered(record: Mapping[str, Any]) -> bool:
    """Would quoting this item's best window have been right? An answer: whether it was. A refusal of
    an answerable item: whether its best window held a gold answer (`window_holds`; unknown counts
    as no, as a refusal of an answerable item was counted before). An unanswerable item: never."""
    metrics = record.get("metrics") or {}
    if not metrics.get("answerable"):
        return False
    if not record.get("refused"):
        return bool(metrics.get("correct"))
    return bool(record.get("window_holds"))


def calibration(records: Sequence[Mapping[str, Any]], threshold: float | None = None) -> dict[str, Any]:
    """The calibration table of scored records (failed items left out), see the module doc."""
    scored = [r for r in records if not r.get("error") and r.get("metrics")]
    rows = [{"low": EDGES[i], "high": EDGES[i + 1], "answers": 0, "answers_right": 0, "refusals": 0,
             "refusals_right": 0} for i in range(len(EDGES) - 1)]
    points = []  # (support, right if answered)
    for r in scored:
        support = float(r.get("support") or 0.0)
        good = right_if_answered(r)
        points.append((support, good))
        row = rows[_bucket(support)]
        if r.get("refused"):
            row["refusals"] += 1
            row["refusals_right"] += not good
        else:
            row["answers"] += 1
            row["answers_right"] += good
    for row in rows:
        row["answers_right"] = round(row["answers_right"] / row["answers"], 4) if row["answers"] else None
        row["refusals_right"] = round(row["refusals_right"] / row["refusals"], 4) if row["refusals"] else None

    def right_at(t: float) -> int:
        return sum(good if s >= t else not good for s, good in points)

    best = max(EDGES[:-1], key=lambda t: (right_at(t), -t)) if points else None
    out: dict[str, Any] = {"buckets": rows, "items": len(points)}
    if best is not None:
        out["best_threshold"] = {"threshold": best, "right": right_at(best)}
    if threshold is not None and points:
        out["at_threshold"] = {"threshold": threshold, "right": right_at(threshold)}
    return out


def calibration_rows(table: Mapping[str, Any]) -> list[tuple[str, str, str, str, str]]:
    """(bucket, answers, right, refusals, right) as text, for the Markdown and terminal tables."""
    def share(value: float | None) -> str:
        return "" if value is None else f"{value:.2f}"

    return [(f"{row['low']:.1f}–{row['high']:.1f}", str(row["answers"]), share(row["answers_right"]),
             str(row["refusals"]), share(row["refusals_right"])) for row in table.get("buckets", [])]


def calibration_note(table: Mapping[str, Any]) -> str:
    """One line: the threshold this set would have liked best, next to the one the run used."""
    best, now, n = table.get("best_threshold"), table.get("at_threshold"), table.get("items", 0)
    if not best:
        return ""
    line = f"right at threshold {best['threshold']:.1f}: {best['right']}/{n} (the best bucket edge on this set)"
    if now:
        line += f"; at the run's {now['threshold']:g}: {now['right']}/{n}"
    return line


CALIBRATION_COLUMNS = ("support", "answers", "right", "refusals", "right")

__all__ = ["CALIBRATION_COLUMNS", "EDGES", "calibration", "calibration_note", "calibration_rows", "right_if_answered"]
