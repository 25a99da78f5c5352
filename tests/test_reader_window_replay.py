"""eval.reader.window_replay (issue 27): which window each way of ranking puts first, and the AUC of
the reader's best score, on hand-made rows (no store)."""

from __future__ import annotations

import pytest

from eval.reader.window_replay import auc, first, report


def _row(score, cos, gold, reader, unanswerable=False, qid="q"):
    return {"id": qid, "unanswerable": unanswerable, "score": score, "cos": cos, "weight": 10.0,
            "gold": gold, "reader": reader}


@pytest.mark.parametrize("how, lam, expected", [
    ("answerer", 0.0, False),  # 1.0 + 10 x 0.5 beats 1.2 + 10 x 0.4
    ("reader", 0.0, True),     # the reader prefers the second window, which holds gold
    ("both", 0.2, False),      # a small reader weight leaves the answerer's choice
    ("both", 10.0, True),      # a large one overrules it
])
def test_first_window_by_each_ranking(how, lam, expected):
    row = _row([1.0, 1.2, 0.1], [0.5, 0.4, 0.3], [False, True, False], [0.1, 0.9, 0.0])
    assert first(row, how, lam) is expected


def test_only_the_best_three_count():
    row = _row([3.0, 2.0, 1.0, 0.0], [0, 0, 0, 0], [False, False, False, True], [0.0, 0.0, 0.0, 5.0])
    assert first(row, "reader") is False and first(row, "reader", count=4) is True


def test_auc_and_report():
    assert auc([1.0, 2.0], [0.0]) == 1.0 and auc([0.0], [1.0]) == 0.0 and auc([1.0], [1.0]) == 0.5
    assert auc([], [1.0]) is None
    rows = [_row([1.0, 0.5], [0, 0], [True, False], [0.8, 0.1], qid="a"),
            _row([1.0, 0.5], [0, 0], [False, False], [0.2, 0.3], unanswerable=True, qid="u")]
    figs = report({"s": rows}, None)["s"]
    assert (figs["answerable"], figs["ceiling@3"], figs["answerer"], figs["reader"], figs["reader_auc"]) == (1, 1, 1, 1, 1.0)
