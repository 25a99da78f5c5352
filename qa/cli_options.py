"""What the `qa` commands share and is not parsing itself: their option types, the help
formatter, reading a question from standard input, and running a command's work so that any
failure is one line on stderr and an exit code. `qa.cli` holds the commands."""

from __future__ import annotations

import sys
from pathlib import Path
from typing import Annotated, Any, Callable, Optional

import typer

from qa.types import Mode

StoreOpt = Annotated[Optional[Path], typer.Option("--store", metavar="DIR",
                                                  help="store directory [env QA_STORE; default ./.qa]")]
JsonOpt = Annotated[bool, typer.Option("--json", help="print one JSON object for scripts")]
SourceOpt = Annotated[Optional[str], typer.Option("--source", metavar="GLOB", help="only documents whose path matches "
                                                  "this glob, e.g. 'seeds/*' or '*.md'")]
TitleOpt = Annotated[Optional[str], typer.Option("--title", metavar="TEXT",
                                                 help="only articles whose title contains this text")]
ModeOpt = Annotated[Mode, typer.Option("--mode", metavar="MODE", help="auto, llm or extractive, as for qa ask")]
ModelOpt = Annotated[Optional[str], typer.Option("--model", "-m", metavar="MODEL",
                                                 help="chat model for this run [env QA_LLM_MODEL]")]
SystemOpt = Annotated[Optional[Path], typer.Option("--system", metavar="FILE", help="a file whose text replaces the "
                                                   "LLM answer prompt for this run [env QA_SYSTEM_PROMPT]")]
TopKOpt = Annotated[Optional[int], typer.Option("--k", "-k", min=1, metavar="N",
                                                help="passages to retrieve [env QA_TOP_K]")]


def _shown(argument) -> str:
    return (argument.metavar or argument.name.upper()) + ("..." if argument.nargs != 1 else "")


class PlainHelp(typer.core.TyperCommand):
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


def print_version(value: bool) -> None:
    if value:
        from importlib.metadata import PackageNotFoundError, version

        try:
            number = version("qa-assistant")  # the distribution's name (pyproject.toml), not the module's
        except PackageNotFoundError:  # run from a source tree that was never installed
            from qa import __version__ as number
        typer.echo(f"qa {number}")
        raise typer.Exit()


def read_question(words: list[str]) -> str:
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
        fail('no question on standard input; pipe one in: echo "问题" | qa ask -', 2)
    return text


def settings_with(**overrides: Any):
    from qa.config import load_settings

    return load_settings(overrides)


def answer_settings(model: str | None, system: Path | None, **overrides: Any):
    """Settings for a command that answers (ask, chat, eval): `-m` and `--system` on top, and the
    system prompt file read now, so a missing or empty one is one line before anything loads."""
    settings = settings_with(llm_model=model, system_prompt=None if system is None else str(system), **overrides)
    if settings.system_prompt:
        from qa.prompts import answer_prompt

        answer_prompt(settings.system_prompt)
    return settings


def fail(message: str, code: int) -> None:
    from qa.errors import QAError

    exit_with(QAError(message), code)


def exit_with(error: BaseException, code: int | None = None, settings=None) -> None:
    """Print `error` as the one line every failure gets (`qa.render.error_line`) and exit."""
    from qa.render import error_line

    line, default = error_line(error, settings)
    typer.echo(line, err=True)
    raise typer.Exit(default if code is None else code)


def run(work: Callable[[], Any], settings=None) -> Any:
    """Run `work`, turning a failure into one line on stderr and an exit code (QA_DEBUG=1: the
    traceback instead)."""
    try:
        return work()
    except KeyboardInterrupt:
        fail("interrupted", 130)
    except Exception as e:  # noqa: BLE001 - a user sees one line
        if settings is not None and settings.debug:
            raise
        exit_with(e, settings=settings)


def print_json(data: Any, secrets: list[str] = ()) -> None:
    from qa.redact import redact
    from qa.text.controls import safe_json

    text = safe_json(data, indent=2)  # a file name's or a reply's controls spelt out, not sent to the terminal
    typer.echo(redact(text, secrets) if secrets else text)
