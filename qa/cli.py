"""The `qa` command: parse, call one core function, render. The work lives in the library."""

from __future__ import annotations

import sys
from pathlib import Path
from typing import Annotated, Any, Callable, Optional

import typer

from qa.types import Mode

# rich_markup_mode=None: help is plain text, printed as written. Rich markup would swallow every
# "[env QA_STORE; default ./.qa]" as a tag, Markdown every "*.md" and "<store>", and neither
# reflows a docstring's hard-wrapped paragraphs (click's formatter does). It also keeps rich
# out of `qa --help`'s imports.
app = typer.Typer(add_completion=False, no_args_is_help=True, pretty_exceptions_enable=False,
                  rich_markup_mode=None, context_settings={"help_option_names": ["-h", "--help"]},
                  help="Ask questions about a collection of articles; every answer cites its passages.")

StoreOpt = Annotated[Optional[Path], typer.Option("--store", metavar="DIR",
                                                  help="store directory [env QA_STORE; default ./.qa]")]
JsonOpt = Annotated[bool, typer.Option("--json", help="print one JSON object for scripts")]
SourceOpt = Annotated[Optional[str], typer.Option("--source", metavar="GLOB", help="only documents whose path matches "
                                                  "this glob, e.g. 'seeds/*' or '*.md'")]
TitleOpt = Annotated[Optional[str], typer.Option("--title", metavar="TEXT",
                                                 help="only articles whose title contains this text")]
ModeOpt = Annotated[Mode, typer.Option("--mode", metavar="MODE", help="auto, llm or extractive, as for qa ask")]


def _shown(argument) -> str:
    return (argument.metavar or argument.name.upper()) + ("..." if argument.nargs != 1 else "")


class _PlainHelp(typer.core.TyperCommand):
    """Help that names each argument by its metavar alone, as click and man pages do
    (`QUESTION...`): typer writes a required one as `{question}...` in the usage line and adds its
    Python type (`<list[str]>`) in the list. Options show the metavars they declare."""

    def collect_usage_pieces(self, ctx) -> list[str]:
        pieces = [self.options_metavar] if self.options_metavar else []
        for param in self.get_params(ctx):
            if param.param_type_name != "argument":
                pieces.extend(param.get_usage_pieces(ctx))
            else:
                pieces.append(_shown(param) if param.required else f"[{_shown(param)}]")
        return pieces

    def format_options(self, ctx, formatter) -> None:
        rows: dict[str, list[tuple[str, str]]] = {"argument": [], "option": []}
        for param in self.get_params(ctx):
            record = param.get_help_record(ctx)
            if record is not None and param.param_type_name in rows:
                name = _shown(param) if param.param_type_name == "argument" else record[0]
                rows[param.param_type_name].append((name, record[1]))
        for title, kind in (("Arguments", "argument"), ("Options", "option")):
            if rows[kind]:
                with formatter.section(title):
                    formatter.write_dl(rows[kind])


def _print_version(value: bool) -> None:
    if value:
        from importlib.metadata import PackageNotFoundError, version

        try:
            number = version("qa-assistant")  # the distribution's name (pyproject.toml), not the module's
        except PackageNotFoundError:  # run from a source tree that was never installed
            from qa import __version__ as number
        typer.echo(f"qa {number}")
        raise typer.Exit()


@app.callback()
def _main(
    version: Annotated[bool, typer.Option("--version", callback=_print_version, is_eager=True,
                                          help="print the version and exit")] = False,
) -> None:
    pass


def _question(words: list[str]) -> str:
    """The question as typed: several words are joined with spaces; `-` alone reads standard input."""
    if words != ["-"]:
        return " ".join(words)
    if sys.stdin is None:
        text = ""
    else:
        if sys.stdin.isatty():
            typer.echo("reading the question from standard input; end it with Ctrl-D", err=True)
        text = sys.stdin.buffer.read().decode(sys.stdin.encoding or "utf-8", "replace").strip()
    if not text:
        _fail('no question on standard input; pipe one in: echo "问题" | qa ask -', 2)
    return text


def _settings(**overrides: Any):
    from qa.config import load_settings

    return load_settings(overrides)


def _fail(message: str, code: int) -> None:
    from qa.errors import QAError

    _exit_with(QAError(message), code)


def _exit_with(error: BaseException, code: int | None = None, settings=None) -> None:
    """Print `error` as the one line every failure gets (`qa.render.error_line`) and exit."""
    from qa.render import error_line

    line, default = error_line(error, settings)
    typer.echo(line, err=True)
    raise typer.Exit(default if code is None else code)


def _run(work: Callable[[], Any], settings=None) -> Any:
    """Run `work`, turning a failure into one line on stderr and an exit code (QA_DEBUG=1: the
    traceback instead)."""
    try:
        return work()
    except KeyboardInterrupt:
        _fail("interrupted", 130)
    except Exception as e:  # noqa: BLE001 - a user sees one line
        if settings is not None and settings.debug:
            raise
        _exit_with(e, settings=settings)


def _print_json(data: Any, secrets: list[str] = ()) -> None:
    from qa.redact import redact
    from qa.text.controls import safe_json

    text = safe_json(data, indent=2)  # a file name's or a reply's controls spelt out, not sent to the terminal
    typer.echo(redact(text, secrets) if secrets else text)


@app.command(cls=_PlainHelp)
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

    settings = _run(lambda: _settings(store=store))
    with ingest_progress(enabled=not as_json) as progress:
        report = _run(lambda: run_ingest(paths, settings, rebuild=rebuild, progress=progress, strict=strict,
                                         wait=not no_wait, on_wait=print_notice), settings)
    if as_json:
        from dataclasses import asdict

        _print_json(asdict(report))
    else:
        print_ingest_report(report)
    if report.failed:
        raise typer.Exit(1)


@app.command(cls=_PlainHelp)
def ask(
    words: Annotated[list[str], typer.Argument(metavar="QUESTION", show_default=False, help=(
        "the question, in any language; several words are joined with spaces; - reads it from standard input"))],
    store: StoreOpt = None,
    k: Annotated[Optional[int], typer.Option("--k", "-k", min=1, metavar="N",
                                             help="passages to retrieve [env QA_TOP_K]")] = None,
    mode: Annotated[Mode, typer.Option("--mode", metavar="MODE", help="auto (LLM when QA_LLM_MODEL is set, else "
                                       "extractive), llm, or extractive")] = Mode.AUTO,
    no_stream: Annotated[bool, typer.Option("--no-stream", help="print the LLM answer when complete")] = False,
    source: SourceOpt = None,
    title: TitleOpt = None,
    as_json: JsonOpt = False,
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

    question = _question(words)
    settings = _run(lambda: _settings(store=store, top_k=k))
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

    answer = _run(work, settings)
    if as_json:
        _print_json(answer.to_dict(), settings.secrets())
    else:
        print_answer(answer, streamed=printer)


@app.command(cls=_PlainHelp)
def chat(
    store: StoreOpt = None,
    mode: ModeOpt = Mode.AUTO,
    resume: Annotated[bool, typer.Option("--continue", "-c", help="continue the last conversation")] = False,
    cid: Annotated[Optional[str], typer.Option("--cid", metavar="ID",
                                               help="continue the conversation with this id")] = None,
    list_: Annotated[bool, typer.Option("--list", help="list earlier conversations and exit")] = False,
    k: Annotated[Optional[int], typer.Option("--k", "-k", min=1, metavar="N",
                                             help="passages to retrieve [env QA_TOP_K]")] = None,
    no_stream: Annotated[bool, typer.Option("--no-stream", help="print each LLM answer when complete")] = False,
    source: SourceOpt = None,
    title: TitleOpt = None,
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

    settings = _run(lambda: _settings(store=store, top_k=k))
    if list_:
        from qa.chat.log import FILE, ChatLog
        from qa.render import print_conversations

        def listed() -> list[dict]:
            from qa.store import Store

            Store.open(settings)  # a missing store is named as such
            path = Path(settings.store) / FILE
            return ChatLog(path).conversations() if path.exists() else []

        rows = _run(listed, settings)
        if as_json:
            _print_json(rows)
        elif rows:
            print_conversations(rows)
        else:
            typer.echo("no conversations yet; start one with: qa chat")
        return
    session = _run(lambda: ChatSession.start(settings, mode=mode, cid=cid, resume_last=resume, k=k, source=source,
                                             title=title), settings)
    from qa.repl import run as run_chat

    interactive = sys.stdin.isatty() and sys.stdout.isatty()
    raise typer.Exit(_run(lambda: run_chat(session, interactive, stream=not no_stream, as_json=as_json), settings))


@app.command(cls=_PlainHelp)
def sources(store: StoreOpt = None, as_json: JsonOpt = False) -> None:
    """List stored documents and the articles found in them."""
    from qa.render import print_sources
    from qa.store import Store

    settings = _run(lambda: _settings(store=store))
    docs = _run(lambda: Store.open(settings).sources(), settings)
    if as_json:
        _print_json(docs)
    else:
        print_sources(docs)


@app.command(cls=_PlainHelp)
def config(store: StoreOpt = None, as_json: JsonOpt = False) -> None:
    """Show the effective settings and where each came from (secrets masked)."""
    from qa.render import print_config

    settings = _run(lambda: _settings(store=store))
    rows = settings.display()
    if as_json:
        _print_json({name: {"value": value, "from": origin} for name, value, origin in rows})
    else:
        print_config(rows)


@app.command(cls=_PlainHelp)
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
    checks = _run(lambda: diagnose(overrides={"store": store}, repair=repair,
                                   on_check=None if as_json else print_check))
    if as_json:
        from dataclasses import asdict

        _print_json([asdict(c) for c in checks])
    if any(c.status == "fail" for c in checks):
        raise typer.Exit(1)


@app.command("eval", cls=_PlainHelp)
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
    k: Annotated[Optional[int], typer.Option("--k", "-k", min=1, metavar="N",
                                             help="passages to retrieve [env QA_TOP_K]")] = None,
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

    settings = _run(lambda: _settings(store=store, top_k=k))
    options = EvalOptions(mode=mode, k=k, limit=limit, tags=tuple(tag or ()), concurrency=concurrency, resume=resume,
                          cache=not no_cache, judge=judge, out=out, markdown=markdown, baseline=baseline,
                          tolerance=tolerance, fail_under=tuple(fail_under or ()))
    with eval_progress(enabled=not as_json) as progress:
        result = _run(lambda: evaluate(gold, settings, options, progress=progress), settings)
    if as_json:
        _print_json(result.report, settings.secrets())
    else:
        print_eval(result)
    raise typer.Exit(result.exit_code)


def main() -> None:
    try:
        app()
    except KeyboardInterrupt:
        sys.exit(130)


if __name__ == "__main__":
    main()
