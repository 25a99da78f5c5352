"""Progress on stderr: rich bars for `qa ingest` and `qa eval`, and `Working`, the spinner of a
step that turns out slow. Neither is drawn when stderr is not a terminal (a log file would get
the last frame)."""

from __future__ import annotations

import os
import sys
from contextlib import contextmanager
from typing import Iterator

from qa.render.terminal import console, esc


@contextmanager
def progress_bars(enabled: bool = True, waiting: str = "") -> Iterator:
    """Progress bars on stderr (rich), one per phase, removed when done. Yields the callback
    `update(label, done, total, item)`, or None when disabled (--json) or when stderr is not a
    terminal (a log file would get the bars' last frame, and a blank line)."""
    if not enabled or not sys.stderr.isatty():
        yield None
        return
    from rich.progress import (BarColumn, MofNCompleteColumn, Progress, ProgressColumn, TextColumn,
                               TimeElapsedColumn, TimeRemainingColumn)
    from rich.text import Text

    class Rate(ProgressColumn):
        """Items a second (rich's own speed column counts bytes)."""

        def render(self, task) -> Text:
            return Text(f"{task.speed:.1f}/s" if task.speed else "", style="progress.data.speed")

    with Progress(TextColumn("{task.description}"), BarColumn(), MofNCompleteColumn(), Rate(), TimeElapsedColumn(),
                  TextColumn("eta"), TimeRemainingColumn(), console=console(stderr=True), transient=True) as bar:
        tasks: dict[str, int] = {}
        # What happens before the first update (imports, loading the model) gets a line too.
        first = [bar.add_task(esc(waiting), total=None)] if waiting else []

        def update(label: str, done: int, total: int | None, item: str) -> None:
            while first:
                bar.remove_task(first.pop())
            if label not in tasks:
                tasks[label] = bar.add_task(label, total=total)
            bar.update(tasks[label], completed=done, total=total, description=esc(f"{label} {item}".rstrip()))

        yield update


@contextmanager
def ingest_progress(enabled: bool = True) -> Iterator:
    """Yields the `progress(phase, done, total, item)` callback that `qa.ingest.pipeline.ingest` calls."""
    labels = {"read": "reading", "embed": "embedding chunks"}
    with progress_bars(enabled, waiting="loading the embedding model and the store…") as update:
        yield None if update is None else (lambda phase, done, total, item:
                                           update(labels.get(phase, phase), done, total, item))


@contextmanager
def eval_progress(enabled: bool = True) -> Iterator:
    """Yields the `progress(done, total, item_id)` callback that `qa.evaluate.evaluate` calls."""
    with progress_bars(enabled) as update:
        yield None if update is None else (lambda done, total, item_id: update("evaluating", done, total, item_id))


class Working:
    """A spinner on stderr for a step that turns out slow: it appears only after `delay` seconds,
    only on a terminal that redraws (not with NO_COLOR or TERM=dumb, which ask for plain,
    unanimated output: screen readers, editor shells, logs of a pty), and says what is happening
    (`update`). Stopped by `stop`, by leaving the `with` block, or by the first token of a
    streamed answer (StreamPrinter)."""

    def __init__(self, label: str, delay: float = 0.5) -> None:
        import threading

        self.label = label
        self._status = None
        self._lock = threading.Lock()
        plain = "NO_COLOR" in os.environ or os.environ.get("TERM", "") in ("dumb", "")
        self._stopped = plain or not sys.stderr.isatty()
        self._timer = None if self._stopped else threading.Timer(delay, self._show)
        if self._timer is not None:
            self._timer.daemon = True

    def __enter__(self) -> "Working":
        if self._timer is not None:
            self._timer.start()
        return self

    def __exit__(self, *exc) -> None:
        self.stop()

    def _show(self) -> None:
        with self._lock:
            if not self._stopped:
                self._status = console(stderr=True).status(f"[dim]{esc(self.label)}[/dim]", spinner="dots")
                self._status.start()

    def update(self, label: str) -> None:
        with self._lock:
            self.label = label
            if self._status is not None:
                self._status.update(f"[dim]{esc(label)}[/dim]")

    def stop(self) -> None:
        with self._lock:
            self._stopped = True
            if self._timer is not None:
                self._timer.cancel()
            if self._status is not None:
                self._status.stop()
                self._status = None
