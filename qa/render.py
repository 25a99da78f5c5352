"""Rendering records for people: rich in a terminal, plain text when piped.

Every piece of text we did not write (passages, titles, sources, model replies, questions, file
names in messages) goes through `_esc` (for rich markup) or `safe` (plain) on its way out:
`qa.text.controls` removes what could drive the terminal, and rich markup inside it (`[bold]`)
is shown literally. Our own styling is the only markup printed.
"""

from __future__ import annotations

import os
import re
import sys
from contextlib import contextmanager
from functools import lru_cache
from typing import Iterator

from qa.text.controls import StreamFilter, safe
from qa.types import Answer, SourceRow


def _esc(text: object) -> str:
    """Text we did not write, ready for rich markup: controls removed, markup escaped."""
    from rich.markup import escape

    return escape(safe(str(text)))


def console(stderr: bool = False):
    from rich.console import Console

    stream = sys.stderr if stderr else sys.stdout
    # Piped output is read by programs and pagers: do not fold long titles at 80 columns.
    width = None if stream.isatty() else 160
    return Console(stderr=stderr, highlight=False, soft_wrap=True, width=width)


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
        first = [bar.add_task(_esc(waiting), total=None)] if waiting else []

        def update(label: str, done: int, total: int | None, item: str) -> None:
            while first:
                bar.remove_task(first.pop())
            if label not in tasks:
                tasks[label] = bar.add_task(label, total=total)
            bar.update(tasks[label], completed=done, total=total, description=_esc(f"{label} {item}".rstrip()))

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
                self._status = console(stderr=True).status(f"[dim]{_esc(self.label)}[/dim]", spinner="dots")
                self._status.start()

    def update(self, label: str) -> None:
        with self._lock:
            self.label = label
            if self._status is not None:
                self._status.update(f"[dim]{_esc(label)}[/dim]")

    def stop(self) -> None:
        with self._lock:
            self._stopped = True
            if self._timer is not None:
                self._timer.cancel()
            if self._status is not None:
                self._status.stop()
                self._status = None


def print_ingest_report(report) -> None:

    out = console()
    out.print(f"files {report.files}  ingested {report.ingested}  unchanged {report.unchanged}  "
              f"skipped {len(report.skipped)}  failed {len(report.failed)}  articles {report.articles}  "
              f"chunks {report.chunks}  {report.seconds:.1f}s")
    err = console(stderr=True)
    for path, reason in report.skipped:
        err.print(f"[dim]skipped {_esc(path)}: {_esc(reason)}[/dim]", markup=True)
    for path, count in report.controls_removed:
        err.print(f"[dim]cleaned {_esc(path)}: removed {count} escape sequences or control characters[/dim]",
                  markup=True)
    for path, note in report.warnings:
        err.print(f"[yellow]warning[/yellow] {_esc(path)}: {_esc(note)}", markup=True)
    for path, reason in report.failed:
        err.print(f"[red]failed[/red] {_esc(path)}: {_esc(reason)}", markup=True)


def _count(n: int, noun: str) -> str:
    return f"{n} {noun}{'' if n == 1 else 's'}"


def print_notice(message: str) -> None:
    """A line on stderr. On a terminal rich folds it between words (the terminal itself would cut
    "resolve" into "resolv" and "e"); piped, it stays one line."""
    out = console(stderr=True)
    out.print(safe(message), markup=False, soft_wrap=not out.is_terminal)


def error_line(error: BaseException, settings=None) -> tuple[str, int]:
    """("Error: …" on one line, exit code) for any failure: what `qa` commands print before they
    exit and what the chat prints before it goes on, so both say the same thing the same way.

    A QAError says its own message. Anything else that comes from the store's surroundings (a
    full device, a read-only mount, a file in the store's place) is named as such wherever in the
    library it surfaced; an OSError names its file; the rest is "unexpected", with the way to see
    the traceback. The configured secrets and anything shaped like a key are masked, and text
    that could drive the terminal is removed: messages quote file names, replies and questions."""
    from qa.errors import QAError, environment_error
    from qa.redact import redact

    code = 1
    if isinstance(error, QAError):
        line, code = str(error), error.exit_code
    elif (known := environment_error(error, settings.store) if settings is not None else None) is not None:
        line, code = str(known), known.exit_code
    elif isinstance(error, OSError) and error.filename is not None and error.strerror:
        line = f"{error.filename}: {error.strerror}"
    else:
        line = f"unexpected {type(error).__name__}: {error} (set QA_DEBUG=1 for the traceback)"
    line = safe(redact(line, settings.secrets() if settings is not None else []))
    # One line, unless the message lists several things itself (each bad line of a gold file).
    return "Error: " + "\n".join(" ".join(part.split()) for part in line.splitlines() if part.strip()), code


def _mark_citations(text: str, weak: frozenset[int] | set[int] = frozenset()) -> str:
    """Citation markers in bold cyan; those whose passage only weakly supports the sentence dimmed."""
    def style(m: re.Match) -> str:
        tag = "dim" if int(m.group(1)) in weak else "bold cyan"
        return f"[{tag}][{m.group(1)}][/{tag}]"

    return re.sub(r"\[(\d+)\]", style, text)


def stdout_is_terminal() -> bool:
    return sys.stdout.isatty()


def markdown_terminal() -> bool:
    """Whether model answers are rendered as Markdown: on a terminal that shows styles; printed as
    written when piped, with NO_COLOR set (rich reads it) or on a dumb terminal."""
    out = console()
    return out.is_terminal and not out.no_color and not out.is_dumb_terminal


class _Streamed:
    """The pieces of a streamed reply received so far, and what of them a reader is shown."""

    parts: list[str]

    @property
    def text(self) -> str:
        return "".join(self.parts)

    @property
    def shown(self) -> str:
        """The text a reader sees: the model's reasoning blocks left out (`shown_so_far`)."""
        from qa.answer.llm import shown_so_far

        return shown_so_far(self.text)[0]


class StreamPrinter(_Streamed):
    """Token callback for `qa.answer.ask`: shows streamed text as it arrives. With `markdown`
    (default: `markdown_terminal()`, when writing to stdout) the text so far is re-rendered as
    Markdown in place, as `qa chat` does (`ChatStream`); otherwise each piece is written as it comes."""

    def __init__(self, stream=None, markdown: bool | None = None, working: Working | None = None) -> None:
        self.working = working  # a spinner to stop when the first piece arrives
        self.markdown = markdown if markdown is not None else stream is None and markdown_terminal()
        self.stream = stream or sys.stdout
        self.parts: list[str] = []
        self._mid_line = False
        self._filter = StreamFilter()  # an escape sequence may be split across pieces
        self._written = 0  # characters of `shown` written so far
        self._live: ChatStream | None = None

    def __call__(self, piece: str) -> None:
        if self.working is not None:
            self.working.stop()
        self.parts.append(piece)
        if self.markdown:
            if self._live is None:  # started by the first piece: nothing is drawn while retrieving
                self._live = ChatStream().__enter__()
            self._live(piece)
            return
        shown = self.shown
        piece, self._written = shown[self._written:], len(shown)
        piece = self._filter.feed(piece)
        if not piece:
            return
        self.stream.write(piece)
        self.stream.flush()
        self._mid_line = not piece.endswith("\n")

    def end_line(self) -> None:
        """Finish a half-written line (before an error message or the final answer); stop re-rendering."""
        if self._live is not None:
            live, self._live, self.markdown = self._live, None, False
            live.__exit__(None, None, None)
        if self._mid_line:
            self.stream.write("\n")
            self.stream.flush()
            self._mid_line = False


def print_answer(answer: Answer, streamed: StreamPrinter | None = None) -> None:
    """The answer, a status line, any note, then the sources. When the answer was already
    streamed, its text is printed again only if checking the citations changed or flagged it."""

    out = console()
    weak = {c.n for c in answer.citations if c.supported is False}
    markdown = answer.mode == "llm" and markdown_terminal()  # an extractive answer is article text
    label = f"({answer.mode}{', ' + answer.model if answer.model else ''}{', refused' if answer.refused else ''})"
    shown = streamed.shown.strip() if streamed and streamed.parts else None
    if streamed:
        streamed.end_line()
    if shown is not None and answer.mode != "llm":
        out.print("[yellow](the streamed answer was interrupted)[/yellow]", markup=True)
    if shown is None or answer.mode != "llm" or shown != answer.answer.strip() or weak:
        if shown is not None and answer.mode == "llm":
            out.print("[dim]checked:[/dim]", markup=True)
        if markdown:
            out.print(_answer_markdown(answer.answer, weak))
        else:
            out.print(_mark_citations(_esc(answer.answer), weak), markup=True)
    extra = ""
    if answer.usage:
        extra += f"  tokens {answer.usage.get('prompt_tokens', '?')}+{answer.usage.get('completion_tokens', '?')}"
    if answer.timings.get("first_token_ms") is not None:
        extra += f"  first token {answer.timings['first_token_ms']:.0f} ms"
    out.print(f"[dim]{_esc(label)} support {answer.support:.2f}{extra}  "
              f"{answer.timings.get('total_ms', 0):.0f} ms[/dim]", markup=True)
    if answer.note:
        out.print(f"[yellow]{_esc(answer.note)}[/yellow]", markup=True)
    if answer.refused and answer.gaps:
        out.print(f"[dim]why: {_esc('; '.join(g['reason'] for g in answer.gaps))}[/dim]", markup=True)
    if answer.citations:
        out.print("\n[bold]Sources[/bold]", markup=True)
        print_citations(answer.citations)
    passages = answer.closest_passages()
    if passages:
        out.print("\n[bold]Closest passages (not cited)[/bold]", markup=True)
        for p in passages:
            out.print(f"[dim]{p['n']}.[/dim] {_esc(p['title'] or '(untitled)')} [dim]· {_esc(p['source'])}[/dim]",
                      markup=True)
            _print_indented(out, _esc(p["text"]))


def print_citations(citations: list) -> None:
    """Each cited passage in full under its number, title and source; the quoted words underlined."""

    out = console()
    for c in citations:
        out.print(f"[bold cyan][{c.n}][/bold cyan] {_esc(c.title or '(untitled)')} [dim]· {_esc(c.source)}[/dim]",
                  markup=True)
        _print_indented(out, _underline(c.text, c.quote), style="" if c.supported is not False else "dim")


def _print_indented(out, markup: str, style: str = "", indent: int = 4) -> None:
    """A passage under its heading with every line indented, its later paragraphs too. On a
    terminal the lines are folded at its width and stay indented; piped, they are not folded."""
    from rich.text import Text

    text = Text.from_markup(markup, style=style)
    lines = text.wrap(out, max(out.width - indent, 20)) if out.is_terminal else text.split("\n", allow_blank=True)
    for line in lines:
        line.rstrip()
        out.print(Text(" " * indent) + line if line.plain else "")


def _underline(text: str, quote: str) -> str:

    passage = _esc(text)
    if quote and quote in text:
        passage = passage.replace(_esc(quote), f"[u]{_esc(quote)}[/u]", 1)
    return passage


def print_sources(docs: list[SourceRow]) -> None:
    from rich.table import Table

    table = Table(show_lines=False)
    for col, justify in (("source", "left"), ("#", "right"), ("article", "left"), ("kind", "left"),
                         ("chars", "right"), ("chunks", "right")):
        table.add_column(col, justify=justify, overflow="fold")
    n_articles = n_chars = n_chunks = 0
    for doc in docs:
        if doc.get("same_as"):
            table.add_row(_esc(doc["source"]), "", _esc(f"(same content as {doc['same_as']})"), "", "", "0")
        elif not doc["articles"]:
            table.add_row(_esc(doc["source"]), "", "(empty)", "", "0", "0")
        for i, a in enumerate(doc["articles"]):
            table.add_row(_esc(doc["source"]) if i == 0 else "", str(i + 1), _esc(a["title"]), a["kind"], str(a["chars"]),
                          str(a["chunks"]))
            n_articles += 1
            n_chars += a["chars"]
            n_chunks += a["chunks"]
    table.add_section()
    table.add_row(_count(len(docs), "document"), "", _count(n_articles, "article"), "", str(n_chars), str(n_chunks))
    console().print(table)


def print_config(rows: list[tuple[str, str, str]]) -> None:
    from rich.table import Table

    table = Table()
    table.add_column("setting")
    table.add_column("value")
    table.add_column("from")
    for name, value, origin in rows:
        table.add_row(_esc(name), _esc(value), _esc(origin))
    console().print(table)


def print_check(c) -> None:
    """One `qa doctor` result: OK/FAIL/SKIP/WARN and its detail, and the fix under a problem."""
    out = console()
    colour = {"ok": "green", "fail": "red", "skip": "yellow", "warn": "yellow"}
    tag = f"[{colour[c.status]}]{c.status.upper():<4}[/{colour[c.status]}]"
    out.print(f"{tag} {c.name:<9} {_esc(c.detail)}", markup=True)
    if c.hint and c.status != "ok":
        out.print(f"     [dim]fix: {_esc(c.hint)}[/dim]", markup=True)


def print_eval(result) -> None:
    """The metrics table (with baseline deltas), per-tag table, flips and the verdict."""
    from rich.table import Table

    from qa.evaluate.markdown import TAG_COLUMNS, fmt, headline, latency_line, metric_rows

    report, comparison, out = result.report, result.comparison, console()
    out.print(_esc(headline(report)), markup=True)
    table = Table(title="overall", title_justify="left")
    columns = (("metric", "left"), ("current", "right")) + ((("baseline", "right"), ("Δ", "right")) if comparison else ())
    for col, justify in columns:
        table.add_column(col, justify=justify)
    for metric, current, base, delta in metric_rows(report, comparison):
        style = "red" if delta.endswith("✗") else ""
        table.add_row(_esc(metric), current, *((base, delta) if comparison else ()), style=style)
    out.print(table)
    by_tag = report["summary"]["by_tag"]
    if by_tag:
        tags = Table(title="by tag", title_justify="left")
        tags.add_column("tag")
        for col in TAG_COLUMNS:
            tags.add_column(col, justify="right")
        for tag, m in by_tag.items():
            tags.add_row(_esc(tag), *(fmt(m.get(c)) for c in TAG_COLUMNS))
        out.print(tags)
    overall, cache = report["summary"]["overall"], report["cache"]
    out.print(f"latency p50/p95 ms: {latency_line(report)}")
    out.print(f"uncited answers {overall['uncited']}; items from the LLM cache {cache['items_from_cache']} "
              f"of {report['gold']['items']}; resumed {report['run']['resumed']}; {report['run']['seconds']:.1f}s")
    if comparison:
        for note in comparison["notes"]:
            out.print(f"[yellow]{_esc(note)}[/yellow]", markup=True)
        for title, key, colour in (("correct -> wrong", "correct_to_wrong", "red"),
                                   ("wrong -> correct", "wrong_to_correct", "green")):
            for flip in comparison[key]:
                out.print(f"[{colour}]{title}[/{colour}] {_esc(flip['id'])} {_esc(flip['question'])}", markup=True)
    for line in result.failures:
        out.print(f"[red]FAIL[/red] {_esc(line)}", markup=True)
    where = f"report {result.out}" + (f", markdown {result.markdown}" if result.markdown else "")
    out.print(f"[dim]{_esc(where)}[/dim]", markup=True)


# -- qa chat ------------------------------------------------------------------------------------
class ChatStream(_Streamed):
    """Token callback for a streamed chat answer (and `qa ask`'s, through `StreamPrinter`): the text
    so far, rendered as Markdown as it arrives. Use as a context manager around the answer.

    Only the block still being written is redrawn in place (rich's Live); each block a blank line
    has finished is printed once above it and left alone. Live cannot move the cursor above the
    top of the screen, so redrawing a whole answer taller than the terminal left copies of its
    first lines in the scrollback."""

    def __init__(self) -> None:
        self.parts: list[str] = []
        self._live = None
        self._done = 0  # characters of `shown` printed for good

    def __enter__(self) -> "ChatStream":
        from rich.live import Live

        from rich.console import Console

        # Not `console()`: with soft wrapping, Live crops each line at the terminal's width.
        self._live = Live(console=Console(highlight=False), refresh_per_second=10, transient=False,
                          vertical_overflow="visible")
        self._live.__enter__()
        return self

    def __exit__(self, *exc) -> None:
        if self._live is not None:
            self._live.__exit__(*exc)

    def __call__(self, piece: str) -> None:
        from qa.answer.llm import shown_so_far

        from rich.console import Group
        from rich.text import Text

        self.parts.append(piece)
        if self._live is None:
            return
        shown, thinking = shown_so_far(self.text)
        gap = [Text("")] if self._done else []  # the blank line between two blocks
        done = _finished_blocks(shown, self._done)
        if done > self._done:
            self._live.console.print(Group(*gap, _answer_markdown(shown[self._done:done])))
            self._done, gap = done, [Text("")]
        # The reasoning itself is not shown: it is not the answer.
        self._live.update(Group(*gap, _answer_markdown(_closed(shown[self._done:])),
                                *([Text("thinking…", style="dim")] if thinking else [])))



def _finished_blocks(text: str, start: int) -> int:
    """Where the Markdown blocks of `text` that a blank line has finished end (from `start`): a
    blank line inside a fenced code block finishes nothing."""
    end = text.rfind("\n\n", start)
    while end >= 0 and len(re.findall(r"^\s*(?:```|~~~)", text[:end], re.M)) % 2:
        end = text.rfind("\n\n", start, end)
    return end + 2 if end >= 0 else start


def _closed(text: str) -> str:
    """A block still being written, with a `**` or `` ` `` it has opened closed for now: shown
    bold (or as code) at once, instead of as raw asterisks that turn bold a moment later."""
    if text.count("```") % 2 or text.count("~~~") % 2:
        return text  # inside a code fence, asterisks and backticks are text
    marks = [m for m in ("**", "`") if text.replace("```", "").count(m) % 2]
    # The one opened last is closed first.
    return text + "".join(sorted(marks, key=text.rfind, reverse=True))


def _markdown_safe(text: str) -> str:
    """Text from articles or models rendered as Markdown must not become links or HTML: `[n]`
    stays a citation marker, and raw HTML and link syntax are shown as written."""
    # "]:" too: a line "[1]: …" would be a link reference definition, hidden, and turn [1] into a link.
    return re.sub(r"([<>])", r"\\\1", safe(text)).replace("](", "]\\(").replace("]:", "]\\:")


def _answer_markdown(text: str, weak: frozenset[int] | set[int] = frozenset()):
    """An answer as rich Markdown (`_markdown_safe`), its `[n]` markers styled as in a plain
    answer (`_mark_citations`): bold cyan, dimmed when the passage only weakly supports it."""
    return _cited_markdown()(_markdown_safe(text), weak)


@lru_cache(maxsize=1)
def _cited_markdown():
    from rich.markdown import Markdown, Paragraph

    class CitedParagraph(Paragraph):
        @classmethod
        def create(cls, markdown, token):
            paragraph = super().create(markdown, token)
            paragraph.weak = markdown.weak
            return paragraph

        def __rich_console__(self, console, options):
            for m in re.finditer(r"\[(\d+)\]", self.text.plain):
                self.text.stylize("dim" if int(m.group(1)) in self.weak else "bold cyan", m.start(), m.end())
            yield from super().__rich_console__(console, options)

    class CitedMarkdown(Markdown):
        elements = {**Markdown.elements, "paragraph_open": CitedParagraph}

        def __init__(self, text: str, weak=frozenset()) -> None:
            self.weak = weak
            super().__init__(text)

    return CitedMarkdown


def print_chat_answer(turn, streamed: ChatStream | None = None, plain: bool = False) -> None:
    """One chat turn: the answer as Markdown (unless it was streamed and checking left it as it was),
    a status line, a note, and one compact line per source (for a refusal, per passage that came
    close). `plain`: text only, for pipes."""

    answer = turn.answer
    if plain:
        out = sys.stdout
        if turn.rewritten:
            out.write(safe(f"(searched: {turn.standalone})") + "\n")
        out.write(safe(answer.answer.strip()) + "\n")
        if answer.note:
            out.write(safe(f"note: {answer.note}") + "\n")
        for c in answer.citations:
            out.write(safe(f"[{c.n}] {c.title} · {c.source}") + "\n")
        for p in answer.closest_passages():
            out.write(safe(f"closest (not cited): {p['title'] or '(untitled)'} · {p['source']}") + "\n")
        out.write("\n")
        out.flush()
        return
    out = console()
    shown = streamed.shown.strip() if streamed is not None and streamed.parts else None
    if shown is None or shown != answer.answer.strip():
        if shown is not None:
            out.print("[dim]checked:[/dim]", markup=True)
        out.print(_answer_markdown(answer.answer))
    status = f"{answer.mode}{', refused' if answer.refused else ''} · support {answer.support:.2f} · " \
             f"{answer.timings.get('chat_ms', answer.timings.get('total_ms', 0)):.0f} ms"
    out.print(f"[dim]{_esc(status)}[/dim]", markup=True)
    if answer.note:
        out.print(f"[yellow]{_esc(answer.note)}[/yellow]", markup=True)
    if answer.refused and answer.gaps:
        out.print(f"[dim]why: {_esc('; '.join(g['reason'] for g in answer.gaps))}[/dim]", markup=True)
    for c in answer.citations:
        out.print(f"[bold cyan][{c.n}][/bold cyan] {_esc(c.title or '(untitled)')} [dim]· {_esc(c.source)}[/dim]",
                  markup=True)
    # A refusal cites nothing; what came close is named, and /why shows how close.
    for p in answer.closest_passages():
        out.print(f"[dim]closest (not cited): {_esc(p['title'] or '(untitled)')} · {_esc(p['source'])}[/dim]",
                  markup=True)


def print_rewrite(standalone: str) -> None:

    console().print(f"[dim]  ↳ {_esc(standalone)}[/dim]", markup=True)


def print_passage(passage) -> None:
    """`/open N`: the passage in its article, the chunks before and after it dimmed."""

    out = console()
    c = passage.citation
    out.print(f"[bold cyan][{c.n}][/bold cyan] [bold]{_esc(c.title or '(untitled)')}[/bold] "
              f"[dim]· {_esc(c.source)}[/dim]", markup=True)
    if passage.before:
        _print_indented(out, _esc(passage.before), style="dim")
    _print_indented(out, _underline(c.text, c.quote))
    if passage.after:
        _print_indented(out, _esc(passage.after), style="dim")


def print_why(turn) -> None:
    """`/why`: how each cited passage was found (keyword and dense ranks and scores, the fused rank,
    the sentence score that chose it) and, for a refusal, what the best quote lacked."""
    from rich.table import Table

    answer = turn.answer
    out = console()
    if turn.rewritten:
        out.print(f"searched for: {_esc(turn.standalone)}", markup=True)
    cited = {c.chunk_id: c.n for c in answer.citations}
    hits = [h for h in answer.hits if h.chunk_id in cited] or answer.hits[:3]
    table = Table(title="how the passages were found" if cited else "the best passages found")
    for col in ("#", "passage", "keyword rank", "BM25", "dense rank", "cosine", "fused rank", "sentence score"):
        table.add_column(col, justify="left" if col == "passage" else "right", overflow="fold")

    def rank(value) -> str:
        return str(value) if value else "–"

    for h in hits:
        sentence = getattr(h, "sentence_score", None)
        table.add_row(str(cited.get(h.chunk_id, "")), _esc(h.title or h.chunk_id),
                      rank(getattr(h, "keyword_rank", 0)), f"{getattr(h, 'keyword_score', 0.0):.2f}",
                      rank(getattr(h, "dense_rank", 0)), f"{h.dense:.3f}", rank(getattr(h, "fused_rank", 0) or h.rank),
                      "–" if sentence is None else f"{sentence:.3f}")
    out.print(table)
    out.print(f"support {answer.support:.2f} ({'refused' if answer.refused else 'answered'}; mode {answer.mode})",
              markup=False)
    for g in answer.gaps:
        out.print(f"[dim]gap ({_esc(g['kind'])}): {_esc(g['reason'])}[/dim]", markup=True)


def print_conversations(rows: list[dict]) -> None:
    from rich.table import Table

    table = Table()
    for col in ("id", "started", "turns", "first question"):
        table.add_column(col, overflow="fold")
    for r in rows:
        table.add_row(_esc(r["id"]), _esc(r["started"]), str(r["turns"]), _esc(r["first_question"]))
    console().print(table)
