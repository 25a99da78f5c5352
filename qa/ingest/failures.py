"""What a failure while ingesting costs: one document, or the run.

A failure of one document (its embedding or its storing, `StepFailed`) is recorded against it and
the run goes on; an error no other document could escape (`stops_run`), or the same failure for
`FAILURES_TO_STOP` documents in a row, stops it.
"""

from __future__ import annotations

from pathlib import Path

from qa.errors import QAError, StoreError

# The same failure for this many documents in a row means the embedder (a remote endpoint, a model
# that will not load) or the store is broken, not the documents: stop instead of waiting out the
# client's retries once per remaining file. Small, because each failure may already have cost the
# openai client's whole retry budget.
FAILURES_TO_STOP = 3


def stops_run(error: BaseException, store: Path) -> bool:
    """True for an error no other file could escape: the environment of the store (a full disk,
    a read-only or forbidden store: `qa.errors.environment_error`), or a `StoreError` other than
    damage. Such an error stops the run instead of being recorded against one file. A
    `DamagedError` is the store's word for a write Chroma refused, which may be one document's; the
    per-document retry and `FAILURES_TO_STOP` sort that out."""
    from qa.errors import environment_error
    from qa.store.integrity import DamagedError

    if isinstance(error, StoreError) and not isinstance(error, DamagedError):
        return True
    return environment_error(error, store) is not None


class StepFailed(Exception):
    """Publishing a batch failed while embedding or while storing; `error` is what was raised."""

    def __init__(self, step: str, error: BaseException) -> None:
        super().__init__(f"{step}: {error}")
        self.step, self.error = step, error

    def reason(self) -> str:
        if isinstance(self.error, QAError):
            return str(self.error)
        return f"{self.step} failed ({type(self.error).__name__}: {self.error})"


class Cancelled(Exception):
    """The run is over (an error or Ctrl-C on the main thread): stop embedding its last batch."""


__all__ = ["FAILURES_TO_STOP", "Cancelled", "StepFailed", "stops_run"]
