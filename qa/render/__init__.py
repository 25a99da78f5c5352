"""Rendering records for people: rich in a terminal, plain text when piped. All terminal output of
`qa` is here, one module per kind of screen:

    terminal   the console, escaping, `print_notice`, `error_line` (the one error line of the CLI
               and the chat), the pieces of a passage's heading (`UNTITLED`)
    answer     the answer screens: `print_answer` in `qa ask`'s and `qa chat`'s layouts, the chat's
               plain text for pipes, `/open` and `/why`
    stream     answers as they arrive (`StreamPrinter`, `ChatStream`) and answers as Markdown
    tables     `qa ingest`'s report, `qa sources`, `qa config`, `qa doctor`, `qa eval`, `qa chat --list`
    progress   progress bars and the `Working` spinner

Every piece of text we did not write (passages, titles, sources, model replies, questions, file
names in messages) goes through `esc` (for rich markup) or `safe` (plain) on its way out:
`qa.text.controls` removes what could drive the terminal, and rich markup inside it (`[bold]`)
is shown literally. Our own styling is the only markup printed.

Importing it is cheap: rich and the answerer's helpers are imported inside the functions that
print, so the CLI's failure path (`error_line`) loads neither.
"""

from qa.render.answer import (print_answer, print_citations, print_passage, print_plain_answer, print_rewrite,
                              print_why)
from qa.render.progress import Working, eval_progress, ingest_progress, progress_bars
from qa.render.stream import ChatStream, StreamPrinter, answer_markdown, mark_citations
from qa.render.tables import (print_check, print_config, print_conversations, print_eval, print_ingest_report,
                              print_sources)
from qa.render.terminal import UNTITLED, console, error_line, markdown_terminal, print_notice, stdout_is_terminal

__all__ = ["UNTITLED", "ChatStream", "StreamPrinter", "Working", "answer_markdown", "console", "error_line",
           "eval_progress", "ingest_progress", "mark_citations", "markdown_terminal", "print_answer", "print_check",
           "print_citations", "print_config", "print_conversations", "print_eval", "print_ingest_report",
           "print_notice", "print_passage", "print_plain_answer", "print_rewrite", "print_sources", "print_why",
           "progress_bars", "stdout_is_terminal"]
