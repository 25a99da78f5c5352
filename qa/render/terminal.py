"""What every screen uses: the rich console, escaping text we did not write, the one-line notice,
the one error line, and the pieces of a passage's heading (its title, or `UNTITLED`)."""

from __future__ import annotations

import sys

from qa.text.controls import safe

UNTITLED = "(untitled)"  # a passage or article whose document gave it no title


def esc(text: object) -> str:
    """Text we did not write, ready for rich markup: controls removed, markup escaped."""
    from rich.markup import escape

    return escape(safe(str(text)))


def console(stderr: bool = False):
    from rich.console import Console

    stream = sys.stderr if stderr else sys.stdout
    # Piped output is read by programs and pagers: do not fold long titles at 80 columns.
    width = None if stream.isatty() else 160
    return Console(stderr=stderr, highlight=False, soft_wrap=True, width=width)


def stdout_is_terminal() -> bool:
    return sys.stdout.isatty()


def markdown_terminal() -> bool:
    """Whether model answers are rendered as Markdown: on a terminal that shows styles; printed as
    written when piped, with NO_COLOR set (rich reads it) or on a dumb terminal."""
    out = console()
    return out.is_terminal and not out.no_color and not out.is_dumb_terminal


def count(n: int, noun: str) -> str:
    return f"{n} {noun}{'' if n == 1 else 's'}"


def titled(title: str | None) -> str:
    return title or UNTITLED


def heading(mark: str, title: str | None, source: str, title_style: str = "") -> str:
    """A passage's or a source's line in markup: `mark` (ours: `[n]`, `n.`), its title and its source."""
    name = esc(titled(title))
    if title_style:
        name = f"[{title_style}]{name}[/{title_style}]"
    return f"{mark} {name} [dim]· {esc(source)}[/dim]"


def print_indented(out, markup: str, style: str = "", indent: int = 4) -> None:
    """A passage under its heading with every line indented, its later paragraphs too. On a
    terminal the lines are folded at its width and stay indented; piped, they are not folded."""
    from rich.text import Text

    text = Text.from_markup(markup, style=style)
    lines = text.wrap(out, max(out.width - indent, 20)) if out.is_terminal else text.split("\n", allow_blank=True)
    for line in lines:
        line.rstrip()
        out.print(Text(" " * indent) + line if line.plain else "")


def underline(text: str, quote: str) -> str:
    """A passage in markup with the words an answer quotes from it underlined."""
    passage = esc(text)
    if quote and quote in text:
        passage = passage.replace(esc(quote), f"[u]{esc(quote)}[/u]", 1)
    return passage


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
