"""The answer screens: one renderer (`print_answer`) with two layouts, `qa ask`'s and `qa chat`'s,
the chat's plain text for pipes, and what the chat's slash commands show about an answer
(`/sources`, `/open`, `/why`)."""

from __future__ import annotations

import sys
from typing import Literal

from qa.render.terminal import console, esc, heading, markdown_terminal, print_indented, titled, underline
from qa.render.stream import answer_markdown, mark_citations
from qa.text.controls import safe
from qa.types import Answer

# Both layouts are compact: the short answer in bold, the cited quote, one line per source (a
# refusal: why, and one line per closest passage). The passages in full are one step away: `qa ask
# --full` (under "Sources", the quoted words underlined), the chat's /sources and /open N.
# ask and chat differ in the status line and in what a stream already showed.
Layout = Literal["ask", "chat"]


def print_answer(answer: Answer, streamed=None, layout: Layout = "ask", full: bool = False) -> None:
    """The short answer, the answer, a status line, any note and why a refusal refused, then its
    sources: one line each, or with `full` (`qa ask --full`) each passage in full.

    `streamed` (a `StreamPrinter` or `ChatStream`) is what was shown while the answer arrived: its
    text is printed again only if checking the citations changed it. `qa ask` also reprints it
    when a citation is weak (its marker dimmed), and says so when a stream broke off and the
    extractive answer replaced it; it renders Markdown only for a model's answer on a terminal
    (an extractive answer is article text), the chat every answer it shows."""
    ask = layout == "ask"
    out = console()
    llm = answer.mode == "llm"
    # The chat shows every marker alike: its sources are one line each, with nothing dimmed to match.
    weak = {c.n for c in answer.citations if c.supported is False} if ask else set()
    shown = streamed.shown.strip() if streamed is not None and streamed.parts else None
    if ask and streamed is not None:
        streamed.end_line()
        if shown is not None and not llm:
            out.print("[yellow](the streamed answer was interrupted)[/yellow]", markup=True)
    streamed_short = None
    if shown is not None and llm:
        from qa.answer.llm import split_short

        streamed_short, shown = split_short(shown)  # the stream showed the short line above the rest
    if answer.short_answer and not answer.refused and streamed_short != answer.short_answer:
        out.print(f"[bold]{esc(answer.short_answer)}[/bold]", markup=True)
    if shown is None or shown != answer.answer.strip() or weak or (ask and not llm):
        if shown is not None and (llm or not ask):
            out.print("[dim]checked:[/dim]", markup=True)
        if not ask or (llm and markdown_terminal()):
            out.print(answer_markdown(answer.answer, weak))
        else:
            out.print(mark_citations(esc(answer.answer), weak), markup=True)
    out.print(f"[dim]{esc(_status(answer, ask))}[/dim]", markup=True)
    if answer.note:
        out.print(f"[yellow]{esc(answer.note)}[/yellow]", markup=True)
    if answer.refused and answer.gaps:
        out.print(f"[dim]why: {esc('; '.join(g['reason'] for g in answer.gaps))}[/dim]", markup=True)
    if full:
        _print_sources(out, answer)
        return
    for c in answer.citations:
        out.print(heading(f"[bold cyan][{c.n}][/bold cyan]", c.title, c.source), markup=True)
    # A refusal cites nothing; what came close is named, and /why (chat) or --full (ask) shows it.
    for line in closest_lines(answer):
        out.print(f"[dim]{esc(line)}[/dim]", markup=True)


def closest_lines(answer: Answer) -> list[str]:
    """One line per article among a refusal's closest passages, in their order: three passages of
    one article (a long page split in chunks) named three times over read as a stutter, so the
    line counts them instead."""
    counts: dict[tuple[str, str], int] = {}
    for p in answer.closest_passages():
        key = (titled(p["title"]), p["source"])
        counts[key] = counts.get(key, 0) + 1
    return [f"closest (not cited): {title} · {source}" + (f" ({n} passages)" if n > 1 else "")
            for (title, source), n in counts.items()]


def _status(answer: Answer, ask: bool) -> str:
    """The line under an answer: how it was made, its support, and what it cost. `qa ask` adds the
    model, its tokens and the first token's wait; the chat times the whole turn (its rewrite too)."""
    refused = ", refused" if answer.refused else ""
    if not ask:
        ms = answer.timings.get("chat_ms", answer.timings.get("total_ms", 0))
        return f"{answer.mode}{refused} · support {answer.support:.2f} · {ms:.0f} ms"
    extra = ""
    if answer.usage:
        extra += f"  tokens {answer.usage.get('prompt_tokens', '?')}+{answer.usage.get('completion_tokens', '?')}"
    if answer.timings.get("first_token_ms") is not None:
        extra += f"  first token {answer.timings['first_token_ms']:.0f} ms"
    model = f", {answer.model}" if answer.model else ""
    return (f"({answer.mode}{model}{refused}) support {answer.support:.2f}{extra}  "
            f"{answer.timings.get('total_ms', 0):.0f} ms")


def _print_sources(out, answer: Answer) -> None:
    """`qa ask`'s sources: each cited passage in full, or for a refusal the passages that came close."""
    if answer.citations:
        out.print("\n[bold]Sources[/bold]", markup=True)
        print_citations(answer.citations)
    passages = answer.closest_passages()
    if passages:
        out.print("\n[bold]Closest passages (not cited)[/bold]", markup=True)
        for p in passages:
            out.print(heading(f"[dim]{p['n']}.[/dim]", p["title"], p["source"]), markup=True)
            print_indented(out, esc(p["text"]))


def print_citations(citations: list) -> None:
    """Each cited passage in full under its number, title and source; the quoted words underlined."""
    out = console()
    for c in citations:
        out.print(heading(f"[bold cyan][{c.n}][/bold cyan]", c.title, c.source), markup=True)
        print_indented(out, underline(c.text, c.quote), style="" if c.supported is not False else "dim")


def print_plain_answer(turn) -> None:
    """A chat turn for a pipe (`qa chat` with piped input): text only, what was searched when the
    question was rewritten, the short answer, the answer, the note, one line per source, a blank
    line after."""
    answer = turn.answer
    out = sys.stdout
    if turn.rewritten:
        out.write(safe(f"(searched: {turn.standalone})") + "\n")
    if turn.first:
        out.write(safe(f"({searched_first(turn.first)})") + "\n")
    if answer.short_answer and not answer.refused:
        out.write(safe(answer.short_answer) + "\n")
    out.write(safe(answer.answer.strip()) + "\n")
    if answer.note:
        out.write(safe(f"note: {answer.note}") + "\n")
    for c in answer.citations:
        out.write(safe(f"[{c.n}] {c.title} · {c.source}") + "\n")
    for line in closest_lines(answer):
        out.write(safe(line) + "\n")
    out.write("\n")
    out.flush()


def print_rewrite(standalone: str | None, first: list[dict] | None = None) -> None:
    """What a chat turn searches, dimmed under the line typed: the rewrite (`standalone`, None when
    the question stands as typed) and the articles searched before the whole store (`first`)."""
    if standalone:
        console().print(f"[dim]  ↳ {esc(standalone)}[/dim]", markup=True)
    if first:
        console().print(f"[dim]  ↳ {esc(searched_first(first))}[/dim]", markup=True)


def searched_first(first: list[dict]) -> str:
    """The words for a follow-up searched first in the articles the last answer cited."""
    return "searched first in the article cited last: " + " · ".join(titled(a.get("title", "")) for a in first)


def print_passage(passage) -> None:
    """`/open N`: the passage in its article, the chunks before and after it dimmed."""
    out = console()
    c = passage.citation
    out.print(heading(f"[bold cyan][{c.n}][/bold cyan]", c.title, c.source, title_style="bold"), markup=True)
    if passage.before:
        print_indented(out, esc(passage.before), style="dim")
    print_indented(out, underline(c.text, c.quote))
    if passage.after:
        print_indented(out, esc(passage.after), style="dim")


def print_why(turn) -> None:
    """`/why`: how each cited passage was found (keyword and dense ranks and scores, the fused rank,
    the sentence score that chose it) and, for a refusal, what the best quote lacked."""
    from rich.table import Table

    answer = turn.answer
    out = console()
    if turn.rewritten:
        out.print(f"searched for: {esc(turn.standalone)}", markup=True)
    if turn.first:
        out.print(esc(searched_first(turn.first)) + ("; answered from it" if turn.answered_first
                                                        else "; not answered there, so the whole store"), markup=True)
    cited = {c.chunk_id: c.n for c in answer.citations}
    hits = [h for h in answer.hits if h.chunk_id in cited] or answer.hits[:3]
    table = Table(title="how the passages were found" if cited else "the best passages found")
    for col in ("#", "passage", "keyword rank", "BM25", "dense rank", "cosine", "fused rank", "sentence score"):
        table.add_column(col, justify="left" if col == "passage" else "right", overflow="fold")

    def rank(value) -> str:
        return str(value) if value else "–"

    for h in hits:
        sentence = getattr(h, "sentence_score", None)
        table.add_row(str(cited.get(h.chunk_id, "")), esc(h.title or h.chunk_id),
                      rank(getattr(h, "keyword_rank", 0)), f"{getattr(h, 'keyword_score', 0.0):.2f}",
                      rank(getattr(h, "dense_rank", 0)), f"{h.dense:.3f}", rank(getattr(h, "fused_rank", 0) or h.rank),
                      "–" if sentence is None else f"{sentence:.3f}")
    out.print(table)
    out.print(f"support {answer.support:.2f} ({'refused' if answer.refused else 'answered'}; mode {answer.mode})",
              markup=False)
    for g in answer.gaps:
        out.print(f"[dim]gap ({esc(g['kind'])}): {esc(g['reason'])}[/dim]", markup=True)
