"""`qa logs`: logged questions, answers and citations as Markdown-like plain text, the layout of
simonw/llm's `llm logs` (a `#` heading with the time and the conversation, then `## Question`,
`## Answer`, `## Citations`), readable in a terminal and as a `.md` file.

Everything printed here was typed by a user or written by an article or a model: it goes through
`safe` (the log keeps it safe already, but a log is a file anyone may have edited)."""

from __future__ import annotations

from typing import Any

from qa.render.terminal import UNTITLED, console
from qa.text.controls import safe


def entry_text(entry: dict[str, Any]) -> str:
    """One logged turn as Markdown."""
    lines = [f"# {entry['at'].split('.')[0]}    conversation: {entry['cid']}", ""]
    lines += [f"Mode: **{entry['mode']}**" + (" (refused)" if entry["refused"] else ""), ""]
    lines += ["## Question", "", entry["question"], ""]
    if entry["standalone"].strip() != entry["question"].strip():
        lines += [f"*searched: {entry['standalone']}*", ""]
    lines += ["## Answer", "", entry["answer"], ""]
    if entry["citations"]:
        lines += ["## Citations", ""]
        for c in entry["citations"]:
            where = " · ".join(filter(None, (c.get("title") or UNTITLED, c.get("source", ""))))
            lines.append(f"[{c.get('n', '?')}] {where}")
            quote = " ".join((c.get("quote") or "").split())
            if quote:
                lines.append(f"    > {quote}")
        lines.append("")
    return safe("\n".join(lines))


def print_logs(entries: list[dict[str, Any]]) -> None:
    out = console()
    for entry in entries:
        out.print(entry_text(entry), markup=False, highlight=False)


__all__ = ["entry_text", "print_logs"]
