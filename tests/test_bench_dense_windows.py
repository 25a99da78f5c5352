"""The replay `dense_weight` and `dense_windows` were chosen from (eval/bench/dense_windows.py)."""

from __future__ import annotations

import pytest

from eval.bench.dense_windows import first_holds, table

# per question: its best windows by score, as (score, cosine, holds gold)
LEAD_WINS = [(5.0, 0.80, False), (4.0, 0.86, True), (1.0, 0.90, False)]
SCORE_RIGHT = [(5.0, 0.85, True), (4.5, 0.84, False)]


@pytest.mark.parametrize("rows, weight, count, held", [
    ([LEAD_WINS], 0, 3, 0),  # the score alone picks the lead
    ([LEAD_WINS], 50, 3, 1),  # 4.0 + 43 > 5.0 + 40 and > 1.0 + 45
    ([LEAD_WINS], None, 3, 0),  # the cosine alone picks the third, which does not hold it
    ([LEAD_WINS], None, 2, 1),  # ... unless only the best two are reranked
    ([LEAD_WINS], 50, 1, 0),  # one window: nothing to rerank
    ([LEAD_WINS, SCORE_RIGHT], 50, 3, 2),
    ([SCORE_RIGHT], 200, 2, 1),
    ([], 50, 3, 0),
])
def test_first_window_holding_gold(rows, weight, count, held):
    assert first_holds(rows, weight, count) == held


def test_table_has_a_row_per_count_and_the_ceiling():
    lines = table({"a": [LEAD_WINS, SCORE_RIGHT]}, weights=(0, 50), counts=(1, 3))
    assert lines[1].split() == ["1", "1", "1", "1", "1"]
    assert lines[2].split() == ["3", "2", "1", "2", "1"]
