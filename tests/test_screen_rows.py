"""eval/bench/screen_rows.py: the rows `qa ask` fills on an 80-column terminal, through a real pty
and a VT100 emulator (issue 24's compact screen measure)."""

from __future__ import annotations

from eval.bench.screen_rows import screen_rows
from support import Q_JOBS


def test_the_compact_answer_screen_fits_in_six_rows_of_80_columns(own_store):
    rows, lines = screen_rows(Q_JOBS, own_store)
    assert lines[0] == "1000个"  # the short answer first
    assert all(len(line) <= 80 for line in lines)
    assert lines[-1].startswith("[1] ") and rows == len(lines) == 6  # short answer, 3 rows of quote, status, source
