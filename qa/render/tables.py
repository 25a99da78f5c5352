"""Reports and tables: what `qa ingest` did, `qa sources`, `qa config`, `qa doctor`'s checks,
`qa eval`'s metrics, and `qa chat --list`."""

from __future__ import annotations

from qa.render.terminal import console, count, esc
from qa.types import SourceRow


def print_ingest_report(report) -> None:
    out = console()
    out.print(f"files {report.files}  ingested {report.ingested}  unchanged {report.unchanged}  "
              f"skipped {len(report.skipped)}  failed {len(report.failed)}  articles {report.articles}  "
              f"chunks {report.chunks}  {report.seconds:.1f}s")
    err = console(stderr=True)
    for path, reason in report.skipped:
        err.print(f"[dim]skipped {esc(path)}: {esc(reason)}[/dim]", markup=True)
    for path, removed in report.controls_removed:
        err.print(f"[dim]cleaned {esc(path)}: removed {removed} escape sequences or control characters[/dim]",
                  markup=True)
    for path, note in report.warnings:
        err.print(f"[yellow]warning[/yellow] {esc(path)}: {esc(note)}", markup=True)
    for path, reason in report.failed:
        err.print(f"[red]failed[/red] {esc(path)}: {esc(reason)}", markup=True)


def print_sources(docs: list[SourceRow]) -> None:
    from rich.table import Table

    table = Table(show_lines=False)
    for col, justify in (("source", "left"), ("#", "right"), ("article", "left"), ("kind", "left"),
                         ("chars", "right"), ("chunks", "right")):
        table.add_column(col, justify=justify, overflow="fold")
    n_articles = n_chars = n_chunks = 0
    for doc in docs:
        if doc.get("same_as"):
            table.add_row(esc(doc["source"]), "", esc(f"(same content as {doc['same_as']})"), "", "", "0")
        elif not doc["articles"]:
            table.add_row(esc(doc["source"]), "", "(empty)", "", "0", "0")
        for i, a in enumerate(doc["articles"]):
            table.add_row(esc(doc["source"]) if i == 0 else "", str(i + 1), esc(a["title"]), a["kind"], str(a["chars"]),
                          str(a["chunks"]))
            n_articles += 1
            n_chars += a["chars"]
            n_chunks += a["chunks"]
    table.add_section()
    table.add_row(count(len(docs), "document"), "", count(n_articles, "article"), "", str(n_chars), str(n_chunks))
    console().print(table)


def print_config(rows: list[tuple[str, str, str]]) -> None:
    from rich.table import Table

    table = Table()
    table.add_column("setting")
    table.add_column("value")
    table.add_column("from")
    for name, value, origin in rows:
        table.add_row(esc(name), esc(value), esc(origin))
    console().print(table)


def print_check(c) -> None:
    """One `qa doctor` result: OK/FAIL/SKIP/WARN and its detail, and the fix under a problem."""
    out = console()
    colour = {"ok": "green", "fail": "red", "skip": "yellow", "warn": "yellow"}
    tag = f"[{colour[c.status]}]{c.status.upper():<4}[/{colour[c.status]}]"
    out.print(f"{tag} {c.name:<9} {esc(c.detail)}", markup=True)
    if c.hint and c.status != "ok":
        out.print(f"     [dim]fix: {esc(c.hint)}[/dim]", markup=True)


def print_eval(result) -> None:
    """The metrics table (with baseline deltas), per-tag table, flips and the verdict."""
    from rich.table import Table

    from qa.evaluate.markdown import TAG_COLUMNS, fmt, headline, latency_line, metric_rows

    report, comparison, out = result.report, result.comparison, console()
    out.print(esc(headline(report)), markup=True)
    table = Table(title="overall", title_justify="left")
    columns = (("metric", "left"), ("current", "right")) + ((("baseline", "right"), ("Δ", "right")) if comparison else ())
    for col, justify in columns:
        table.add_column(col, justify=justify)
    for metric, current, base, delta in metric_rows(report, comparison):
        style = "red" if delta.endswith("✗") else ""
        table.add_row(esc(metric), current, *((base, delta) if comparison else ()), style=style)
    out.print(table)
    by_tag = report["summary"]["by_tag"]
    if by_tag:
        tags = Table(title="by tag", title_justify="left")
        tags.add_column("tag")
        for col in TAG_COLUMNS:
            tags.add_column(col, justify="right")
        for tag, m in by_tag.items():
            tags.add_row(esc(tag), *(fmt(m.get(c)) for c in TAG_COLUMNS))
        out.print(tags)
    if calibration := report.get("calibration"):
        from qa.evaluate.calibration import CALIBRATION_COLUMNS, calibration_note, calibration_rows

        cal = Table(title="calibration (answers / refusals by support, share right)", title_justify="left")
        for i, col in enumerate(CALIBRATION_COLUMNS):
            cal.add_column(col, justify="left" if i == 0 else "right")
        for row in calibration_rows(calibration):
            cal.add_row(*row)
        out.print(cal)
        if note := calibration_note(calibration):
            out.print(esc(note))
    overall, cache = report["summary"]["overall"], report["cache"]
    out.print(f"latency p50/p95 ms: {latency_line(report)}")
    out.print(f"uncited answers {overall['uncited']}; items from the LLM cache {cache['items_from_cache']} "
              f"of {report['gold']['items']}; resumed {report['run']['resumed']}; {report['run']['seconds']:.1f}s")
    if comparison:
        for note in comparison["notes"]:
            out.print(f"[yellow]{esc(note)}[/yellow]", markup=True)
        for title, key, colour in (("correct -> wrong", "correct_to_wrong", "red"),
                                   ("wrong -> correct", "wrong_to_correct", "green")):
            for flip in comparison[key]:
                out.print(f"[{colour}]{title}[/{colour}] {esc(flip['id'])} {esc(flip['question'])}", markup=True)
    for line in result.failures:
        out.print(f"[red]FAIL[/red] {esc(line)}", markup=True)
    where = f"report {result.out}" + (f", markdown {result.markdown}" if result.markdown else "")
    out.print(f"[dim]{esc(where)}[/dim]", markup=True)


def print_conversations(rows: list[dict]) -> None:
    from rich.table import Table

    table = Table()
    for col in ("id", "started", "turns", "first question"):
        table.add_column(col, overflow="fold")
    for r in rows:
        table.add_row(esc(r["id"]), esc(r["started"]), str(r["turns"]), esc(r["first_question"]))
    console().print(table)
