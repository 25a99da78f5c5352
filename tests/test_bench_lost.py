"""eval.bench.lost: where a wrong quote's right sentence was lost (the stage, from what each step ranked first)."""

from __future__ import annotations

import pytest

from eval.bench.lost import stage


@pytest.mark.parametrize("in_passages, window_rank, first_after, expected", [
    (False, None, False, "unretrieved"),
    (True, None, False, "unwindowed"),
    (True, 1, False, "words:1"),
    (True, 2, False, "words:2"),
    (True, 3, False, "words:3+"),
    (True, 9, False, "words:3+"),
    (True, 0, False, "embedder"),  # first by the words, not after the embedder's reading
    (True, 0, True, "later"),
    (True, 2, True, "later"),  # lifted first by the embedder, then displaced
])
def test_each_wrong_quote_falls_in_one_stage(in_passages, window_rank, first_after, expected):
    assert stage(in_passages, window_rank, first_after) == expected
