"""The calibration table of `qa eval` (issue 23 point 6): support buckets -> answers and refusals
and the share of each that was right, in the JSON report, the Markdown and the terminal."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from qa.evaluate.calibration import EDGES, calibration, calibration_rows, right_if_answered
from support.cli import invoke


def record(support: float, refused: bool, answerable: bool, correct: bool = False, holds: bool | None = None) -> dict:
    return {"support": support, "refused": refused, "window_holds": holds,
            "metrics": {"answerable": answerable, "correct": correct}}


@pytest.mark.parametrize("rec, right", [
    (record(0.8, False, True, correct=True), True),  # answered, right
    (record(0.8, False, True, correct=False), False),  # answered the wrong thing
    (record(0.8, False, False), False),  # answered an unanswerable item
    (record(0.1, True, False, correct=True), False),  # refused an unanswerable item: answering is wrong
    (record(0.1, True, True, holds=True), True),  # refused, but the best window held the answer
    (record(0.1, True, True, holds=False), False),  # refused, and rightly: the window did not hold it
    (record(0.1, True, True), False),  # an older record without the flag: counted as before
])
def test_right_if_answered(rec, right):
    assert right_if_answered(rec) is right


def test_buckets_shares_and_the_best_threshold():
    records = [
        record(0.05, True, False, correct=True),  # rightly refused
        record(0.15, True, True, holds=False),  # rightly refused
        record(0.15, True, True, holds=True),  # a lost answer
        record(0.35, False, True, correct=True),
        record(0.35, False, True, correct=False),
        record(0.95, False, True, correct=True),
        record(1.0, False, True, correct=True),  # 1.0 falls in the last bucket
        {"error": "endpoint down", "support": 0.5},  # failed items are left out
    ]
    table = calibration(records, threshold=0.25)
    rows = {row["low"]: row for row in table["buckets"]}
    assert [row["low"] for row in table["buckets"]] == list(EDGES[:-1])
    assert table["items"] == 7
    assert (rows[0.0]["refusals"], rows[0.0]["refusals_right"]) == (1, 1.0)
    assert (rows[0.1]["refusals"], rows[0.1]["refusals_right"]) == (2, 0.5)
    assert (rows[0.3]["answers"], rows[0.3]["answers_right"]) == (2, 0.5)
    assert (rows[0.9]["answers"], rows[0.9]["answers_right"]) == (2, 1.0)
    assert rows[0.5] == {"low": 0.5, "high": 0.6, "answers": 0, "answers_right": None, "refusals": 0,
                         "refusals_right": None}
    # At 0.25: 3 answers right + 2 refusals right. At 0.1 the lost answer is won and a right
    # refusal lost: 5 again; at 0.0 only 4. Ties keep the lowest edge.
    assert table["at_threshold"] == {"threshold": 0.25, "right": 5}
    assert table["best_threshold"] == {"threshold": 0.1, "right": 5}
    assert calibration_rows(table)[1] == ("0.1–0.2", "0", "", "2", "0.50")


def test_no_records_gives_empty_buckets_and_no_threshold():
    table = calibration([])
    assert table["items"] == 0 and "best_threshold" not in table
    assert all(row["answers"] == row["refusals"] == 0 for row in table["buckets"])


GOLD = [
    {"id": "jobs", "question": "华强广场项目可以创造多少个就业岗位?", "answers": ["1000个", "1000"],
     "unanswerable": False, "evidence": ["可创造1000个就业岗位"]},
    {"id": "rate", "question": "湾里庙步行街盘活周边闲置物业后整体出租率提升至多少?", "answers": ["98.8%"],
     "unanswerable": False, "evidence": ["整体出租率提升至98.8%"]},
    {"id": "no-ceo", "question": "华强广场项目的总经理叫什么名字?", "answers": [], "unanswerable": True, "evidence": []},
]


def test_qa_eval_reports_calibration_in_json_markdown_and_terminal(tmp_path, hash_store):
    gold = tmp_path / "gold.jsonl"
    gold.write_text("".join(json.dumps(it, ensure_ascii=False) + "\n" for it in GOLD), encoding="utf-8")
    # A threshold no answer reaches: every item is refused, and the answerable ones' best windows
    # hold their answers, so those refusals count as wrong.
    result = invoke("eval", gold, "--store", hash_store, "--mode", "extractive", "--out", tmp_path / "r.json",
                    "--markdown", tmp_path / "r.md", env={"QA_EMBED": "hash", "QA_REFUSAL_THRESHOLD": "1.01"})
    assert result.exit_code == 0, result.output
    report = json.loads((tmp_path / "r.json").read_text(encoding="utf-8"))
    table = report["calibration"]
    assert sum(row["refusals"] for row in table["buckets"]) == 3
    assert sum(row["answers"] for row in table["buckets"]) == 0
    holds = {it["id"]: it["window_holds"] for it in report["items"]}
    assert holds == {"jobs": True, "rate": True, "no-ceo": None}
    assert table["at_threshold"] == {"threshold": 1.01, "right": 1}  # only the unanswerable refusal
    assert table["best_threshold"]["right"] >= 2  # a lower threshold would have answered them
    markdown = Path(tmp_path / "r.md").read_text(encoding="utf-8")
    assert "**Calibration**" in markdown and "| 0.0–0.1 |" in markdown
    assert "calibration" in result.output and "0.9–1.0" in result.output
    assert f"right at threshold {table['best_threshold']['threshold']:.1f}" in result.output
