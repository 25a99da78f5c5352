"""Rendering records for people: rich in a terminal, plain text when piped."""

from __future__ import annotations

import re
import sys
from contextlib import contextmanager
from typing import Iterator

from qa.types import Answer


def console(stderr: bool = False):
    from rich.console import Console

    stream = sys.stderr if stderr else sys.stdout
    # Piped output is read by programs and pagers: do not fold long titles at 80 columns.
    width = None if stream.isatty() else 160
    return Console(stderr=stderr, highlight=False, soft_wrap=True, width=width)


@contextmanager
def ingest_progress(enabled: bool = True) -> Iterator:
    """A progress bar on stderr; yields the callback that `qa.ingest.pipeline.ingest` calls."""
    if not enabled:
        yield None
        return
    from rich.progress import BarColumn, MofNCompleteColumn, Progress, TextColumn, TimeElapsedColumn

    with Progress(TextColumn("{task.description}"), BarColumn(), MofNCompleteColumn(), TimeElapsedColumn(),
                  console=console(stderr=True), transient=True) as bar:
        tasks: dict[str, int] = {}

        def update(phase: str, done: int, total: int, item: str) -> None:
            label = {"read": "reading", "embed": "embedding chunks"}.get(phase, phase)
            if phase not in tasks:
                tasks[phase] = bar.add_task(label, total=total)
            bar.update(tasks[phase], completed=done, total=total, description=f"{label} {item}")

        yield update


def print_ingest_report(report) -> None:
    out = console()
    out.print(f"files {report.files}  ingested {report.ingested}  unchanged {report.unchanged}  "
              f"failed {len(report.failed)}  articles {report.articles}  chunks {report.chunks}  "
              f"{report.seconds:.1f}s")
    err = console(stderr=True)
    for path, reason in report.failed:
        err.print(f"[red]failed[/red] {path}: {reason}", markup=True)


def _mark_citations(text: str) -> str:
    return re.sub(r"\[(\d+)\]", r"[bold cyan][\1][/bold cyan]", text)


def print_answer(answer: Answer) -> None:
    from rich.markup import escape

    out = console()
    label = f"({answer.mode}{', refused' if answer.refused else ''})"
    out.print(_mark_citations(escape(answer.answer)), markup=True)
    out.print(f"[dim]{label} support {answer.support:.2f}  {answer.timings.get('total_ms', 0):.0f} ms[/dim]",
              markup=True)
    if answer.note:
        out.print(f"[yellow]{escape(answer.note)}[/yellow]", markup=True)
    if not answer.citations:
        return
    out.print("\n[bold]Sources[/bold]", markup=True)
    for c in answer.citations:
        style = "" if c.supported is not False else "dim"
        out.print(f"[bold cyan][{c.n}][/bold cyan] {escape(c.title)} [dim]— {escape(c.source)}[/dim]", markup=True)
        passage = escape(c.text)
        if c.quote and c.quote in c.text:
            passage = passage.replace(escape(c.quote), f"[u]{escape(c.quote)}[/u]", 1)
        out.print(f"    [{style}]{passage}[/{style}]" if style else f"    {passage}", markup=True)


def print_sources(docs: list[dict]) -> None:
    from rich.table import Table

    table = Table(show_lines=False)
    for col, justify in (("source", "left"), ("#", "right"), ("article", "left"), ("kind", "left"),
                         ("chars", "right"), ("chunks", "right")):
        table.add_column(col, justify=justify, overflow="fold")
    n_articles = n_chars = n_chunks = 0
    for doc in docs:
        for i, a in enumerate(doc["articles"]):
            table.add_row(doc["source"] if i == 0 else "", str(i + 1), a["title"], a["kind"], str(a["chars"]),
                          str(a["chunks"]))
            n_articles += 1
            n_chars += a["chars"]
            n_chunks += a["chunks"]
    table.add_section()
    table.add_row(f"{len(docs)} documents", "", f"{n_articles} articles", "", str(n_chars), str(n_chunks))
    console().print(table)


def print_config(rows: list[tuple[str, str, str]]) -> None:
    from rich.table import Table

    table = Table()
    table.add_column("setting")
    table.add_column("value")
    table.add_column("from")
    for name, value, origin in rows:
        table.add_row(name, value, origin)
    console().print(table)
