"""The `qa` command: parse, call one core function, render. The work lives in the library; what the
commands share (option types, the help formatter, the one-line failure) is in `qa.cli_options`."""

from __future__ import annotations

import sys
from pathlib import Path
from typing import Annotated, Optional

import typer

from qa.cli_options import (JsonOpt, ModelOpt, ModeOpt, PlainHelp, SourceOpt, StoreOpt, SystemOpt, TitleOpt, TopKOpt,
                            answer_settings, print_json, print_version, read_question, run, settings_with)
from qa.cli_records import config, logs, sources
from qa.types import Mode

# rich_markup_mode=None: help is plain text, printed as written. Rich markup would swallow every
# "[env QA_STORE; default ./.qa]" as a tag, Markdown every "*.md" and "<store>", and neither
# reflows a docstring's hard-wrapped paragraphs (click's formatter does). It also keeps rich
# out of `qa --help`'s imports. add_completion: typer's --install-completion/--show-completion; typer
# imports its completion code (and shellingham) whether they are on or off, so they cost no start-up.
app = typer.Typer(add_completion=True, no_args_is_help=True, pretty_exceptions_enable=False,
                  rich_markup_mode=None, context_settings={"help_option_names": ["-h", "--help"]},
                  help="Ask questions about a collection of articles; every answer cites its passages.")


@app.callback()
def _main(
    version: Annotated[bool, typer.Option("--version", callback=print_version, is_eager=True,
                                          help="print the version and exit")] = False,
) -> None:
    pass


@app.command(cls=PlainHelp)
def ingest(
    paths: Annotated[list[Path], typer.Argument(metavar="PATH", help="files or folders (.txt .md .html .jsonl), "
                                                "searched recursively")],
    store: StoreOpt = None,
    rebuild: Annotated[bool, typer.Option("--rebuild", help="delete the store's contents and start over")] = False,
    strict: Annotated[bool, typer.Option("--strict", help="stop at the first file that fails")] = False,
    no_wait: Annotated[bool, typer.Option("--no-wait", help="fail instead of waiting for another ingest")] = False,
    as_json: JsonOpt = False,
) -> None:
    """Add articles to the store. Unchanged files are skipped; changed files replace their old chunks.

    Exit 0 when every file was ingested, unchanged or skipped (empty, duplicate); 1 when some
    failed (each is listed with its reason); 2 for usage errors.

    \b
    Example:
      qa ingest seeds/
    """
    from qa.ingest.pipeline import ingest as run_ingest
    from qa.render import ingest_progress, print_ingest_report, print_notice

    settings = run(lambda: settings_with(store=store))
    with ingest_progress(enabled=not as_json) as progress:
        report = run(lambda: run_ingest(paths, settings, rebuild=rebuild, progress=progress, strict=strict,
                                         wait=not no_wait, on_wait=print_notice), settings)
    if as_json:
        from dataclasses import asdict

        print_json(asdict(report))
    else:
        print_ingest_report(report)
    if report.failed:
        raise typer.Exit(1)


@app.command(cls=PlainHelp)
def ask(
    words: Annotated[list[str], typer.Argument(metavar="QUESTION", show_default=False, help=(
        "the question, in any language; several words are joined with spaces; - reads it from standard input"))],
    store: StoreOpt = None,
    k: TopKOpt = None,
    mode: Annotated[Mode, typer.Option("--mode", metavar="MODE", help="auto (LLM when QA_LLM_MODEL is set, else "
                                       "extractive), llm, or extractive")] = Mode.AUTO,
    no_stream: Annotated[bool, typer.Option("--no-stream", help="print the LLM answer when complete")] = False,
    source: SourceOpt = None,
    title: TitleOpt = None,
    model: ModelOpt = None,
    system: SystemOpt = None,
    as_json: JsonOpt = False,
    full: Annotated[bool, typer.Option("--full", help="show each cited passage in full")] = False,
) -> None:
    """Answer a question from the stored articles; every claim cites a numbered passage.

    \b
    Examples:
      qa ask "华强广场项目可以创造多少个就业岗位?"
      qa ask --json How many jobs are created
      echo "华强广场项目可以创造多少个就业岗位?" | qa ask -
    """
    from qa.ask import ask as run_ask
    from qa.render import StreamPrinter, Working, print_answer, stdout_is_terminal

    question = read_question(words)
    settings = run(lambda: answer_settings(model, system, store=store, top_k=k))
    working = Working("starting…")  # shown on a terminal's stderr only if a step takes over 0.5 s
    # Tokens go to the screen as they arrive only for a person watching a terminal.
    printer = StreamPrinter(working=working) if not (as_json or no_stream) and stdout_is_terminal() else None

    def work():
        try:
            with working:
                return run_ask(question, settings, mode=mode, on_token=printer, source=source, title=title,
                               on_step=working.update)
        finally:
            if printer:
                printer.end_line()  # before any error line, so it starts on its own line

    answer = run(work, settings)
    if as_json:
        print_json(answer.to_dict(), settings.secrets())
    else:
        print_answer(answer, streamed=printer, full=full)
    if settings.log:  # after the answer is shown: the log's few milliseconds never delay it
        from qa.chat.log import log_answer
        from qa.render import print_notice

        notice = log_answer(settings.store, answer.question, answer)
        if notice:
            print_notice(notice)


@app.command(cls=PlainHelp)
def chat(
    store: StoreOpt = None,
    mode: ModeOpt = Mode.AUTO,
    resume: Annotated[bool, typer.Option("--continue", "-c", help="continue the last conversation")] = False,
    cid: Annotated[Optional[str], typer.Option("--cid", metavar="ID",
                                               help="continue the conversation with this id")] = None,
    list_: Annotated[bool, typer.Option("--list", help="list earlier conversations and exit")] = False,
    k: TopKOpt = None,
    no_stream: Annotated[bool, typer.Option("--no-stream", help="print each LLM answer when complete")] = False,
    source: SourceOpt = None,
    title: TitleOpt = None,
    model: ModelOpt = None,
    system: SystemOpt = None,
    as_json: Annotated[bool, typer.Option("--json", help="with piped input: one JSON object per answer")] = False,
) -> None:
    """Chat about the stored articles: follow-up questions are understood, answers cite passages.

    Type /help in the chat for its commands. With piped input, one question per line is answered
    in plain text (follow-ups still resolved): printf 'q1\\nq2\\n' | qa chat

    \b
    Example:
      qa chat -c
    """
    from qa.chat.session import ChatSession

    settings = run(lambda: answer_settings(model, system, store=store, top_k=k))
    if list_:
        from qa.chat.log import FILE, ChatLog
        from qa.render import print_conversations

        def listed() -> list[dict]:
            from qa.store import Store

            Store.open(settings)  # a missing store is named as such
            path = Path(settings.store) / FILE
            return ChatLog(path).conversations() if path.exists() else []

        rows = run(listed, settings)
        if as_json:
            print_json(rows)
        elif rows:
            print_conversations(rows)
        else:
            typer.echo("no conversations yet; start one with: qa chat")
        return
    session = run(lambda: ChatSession.start(settings, mode=mode, cid=cid, resume_last=resume, k=k, source=source,
                                             title=title), settings)
    from qa.repl import run as run_chat

    interactive = sys.stdin.isatty() and sys.stdout.isatty()
    raise typer.Exit(run(lambda: run_chat(session, interactive, stream=not no_stream, as_json=as_json), settings))


for _command in (logs, sources, config):  # defined in qa.cli_records; listed in this order by --help
    app.command(cls=PlainHelp)(_command)


@app.command(cls=PlainHelp)
def doctor(
    store: StoreOpt = None,
    repair: Annotated[bool, typer.Option("--repair", help="restore damaged parts of the store from its intact "
                                         "parts first")] = False,
    as_json: JsonOpt = False,
) -> None:
    """Check the configuration, store, embedder and LLM endpoint; each says OK or FAIL with a fix.

    The store check reads every file against its checksum and probes the vector index; --repair
    restores what it finds damaged (re-embedding only lost chunks) and names what it cannot.

    \b
    Example:
      OPENAI_BASE_URL=http://127.0.0.1:11434/v1 QA_LLM_MODEL=qwen2.5:7b qa doctor
    """
    from qa.doctor import diagnose
    from qa.render import print_check

    # Each check is printed as it finishes: the model and the endpoint take seconds.
    checks = run(lambda: diagnose(overrides={"store": store}, repair=repair,
                                   on_check=None if as_json else print_check))
    if as_json:
        from dataclasses import asdict

        print_json([asdict(c) for c in checks])
    if any(c.status == "fail" for c in checks):
        raise typer.Exit(1)


@app.command("eval", cls=PlainHelp)
def eval_(
    gold: Annotated[Path, typer.Argument(metavar="GOLD", help="gold set, JSONL: id, question, answers, unanswerable, "
                                         "evidence, tags")],
    store: StoreOpt = None,
    out: Annotated[Optional[Path], typer.Option("--out", metavar="FILE",
                                                help="JSON report [default: <store>/eval/<gold>.json]")] = None,
    markdown: Annotated[Optional[Path], typer.Option("--markdown", metavar="FILE",
                                                     help="also write Markdown for a PR comment")] = None,
    baseline: Annotated[Optional[Path], typer.Option("--baseline", metavar="FILE",
                                                     help="an earlier JSON report to compare with")] = None,
    mode: ModeOpt = Mode.AUTO,
    k: TopKOpt = None,
    limit: Annotated[Optional[int], typer.Option("--limit", min=1, metavar="N", help="only the first N items")] = None,
    tag: Annotated[Optional[list[str]], typer.Option("--tag", metavar="TAG",
                                                     help="only items with this tag (repeatable)")] = None,
    concurrency: Annotated[int, typer.Option("--concurrency", min=1, metavar="N",
                                             help="items (LLM requests) in flight")] = 1,
    fail_under: Annotated[Optional[list[str]], typer.Option(
        "--fail-under", metavar="METRIC=VALUE", help="fail when METRIC is below VALUE (repeatable)")] = None,
    tolerance: Annotated[float, typer.Option("--tolerance", min=0, metavar="DROP",
                                             help="largest drop from the baseline allowed")] = 0.02,
    resume: Annotated[bool, typer.Option("--resume", help="keep the items an interrupted run finished")] = False,
    no_cache: Annotated[bool, typer.Option("--no-cache", help="ask the LLM again, ignoring cached replies")] = False,
    judge: Annotated[bool, typer.Option("--judge", help="also score answers with the LLM as judge")] = False,
    model: ModelOpt = None,
    system: SystemOpt = None,
    as_json: JsonOpt = False,
) -> None:
    """Score answers, citations and refusals against a gold set; exit 1 on a regression.

    Exit 0 when the run passes, 1 when a metric falls more than --tolerance below the --baseline
    or under a --fail-under bound (or items failed), 2 for bad input (each bad gold line is listed).

    \b
    Example:
      qa eval eval/gold/seed.jsonl --baseline eval/baselines/seed-extractive.json
    """
    from qa.evaluate import EvalOptions, evaluate
    from qa.render import eval_progress, print_eval

    settings = run(lambda: answer_settings(model, system, store=store, top_k=k))
    options = EvalOptions(mode=mode, k=k, limit=limit, tags=tuple(tag or ()), concurrency=concurrency, resume=resume,
                          cache=not no_cache, judge=judge, out=out, markdown=markdown, baseline=baseline,
                          tolerance=tolerance, fail_under=tuple(fail_under or ()))
    with eval_progress(enabled=not as_json) as progress:
        result = run(lambda: evaluate(gold, settings, options, progress=progress), settings)
    if as_json:
        print_json(result.report, settings.secrets())
    else:
        print_eval(result)
    raise typer.Exit(result.exit_code)


def main() -> None:
    try:
        # prog_name: `python -m qa.cli` is `qa` too, in --help and in completion (_QA_COMPLETE).
        app(prog_name="qa")
    except KeyboardInterrupt:
        sys.exit(130)


if __name__ == "__main__":
    main()
