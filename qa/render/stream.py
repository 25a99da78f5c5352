"""Streamed answers and Markdown: `StreamPrinter` (`qa ask`) writes a reply as it arrives, or
hands it to `ChatStream` (`qa chat`), which renders it as Markdown in place, one block at a time.
`answer_markdown` and `mark_citations` style the `[n]` markers of a finished answer the same way.

Text from articles and models rendered as Markdown must not become links or HTML (`_markdown_safe`).
"""

from __future__ import annotations

import re
import sys
from functools import lru_cache

from qa.render.terminal import markdown_terminal
from qa.render.progress import Working
from qa.text.controls import StreamFilter, safe


def mark_citations(text: str, weak: frozenset[int] | set[int] = frozenset()) -> str:
    """Citation markers in bold cyan; those whose passage only weakly supports the sentence dimmed."""
    from qa.answer.citations import MARKER

    def style(m: re.Match) -> str:
        tag = "dim" if int(m.group(1)) in weak else "bold cyan"
        return f"[{tag}][{m.group(1)}][/{tag}]"

    return MARKER.sub(style, text)


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
    """Token callback for `qa.ask.ask`: shows streamed text as it arrives. With `markdown`
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
            self._live.console.print(Group(*gap, answer_markdown(shown[self._done:done])))
            self._done, gap = done, [Text("")]
        # The reasoning itself is not shown: it is not the answer.
        self._live.update(Group(*gap, answer_markdown(_closed(shown[self._done:])),
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


def answer_markdown(text: str, weak: frozenset[int] | set[int] = frozenset()):
    """An answer as rich Markdown (`_markdown_safe`), its `[n]` markers styled as in a plain
    answer (`mark_citations`): bold cyan, dimmed when the passage only weakly supports it."""
    return _cited_markdown()(_markdown_safe(text), weak)


@lru_cache(maxsize=1)
def _cited_markdown():
    from rich.markdown import Markdown, Paragraph

    from qa.answer.citations import MARKER

    class CitedParagraph(Paragraph):
        @classmethod
        def create(cls, markdown, token):
            paragraph = super().create(markdown, token)
            paragraph.weak = markdown.weak
            return paragraph

        def __rich_console__(self, console, options):
            for m in MARKER.finditer(self.text.plain):
                self.text.stylize("dim" if int(m.group(1)) in self.weak else "bold cyan", m.start(), m.end())
            yield from super().__rich_console__(console, options)

    class CitedMarkdown(Markdown):
        elements = {**Markdown.elements, "paragraph_open": CitedParagraph}

        def __init__(self, text: str, weak=frozenset()) -> None:
            self.weak = weak
            super().__init__(text)

    return CitedMarkdown
