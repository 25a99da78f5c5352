"""The `qa` commands that show what is kept rather than answer: `qa logs`, `qa sources`, `qa config`.
`qa.cli` registers them on its app (they live here to keep each module short)."""

from __future__ import annotations

from typing import Annotated, Optional

import typer

from qa.cli_options import JsonOpt, StoreOpt, print_json, run, settings_with


def logs(
    store: StoreOpt = None,
    count: Annotated[Optional[int], typer.Option("-n", "--count", min=0, metavar="N", show_default=False,
                                                 help="the last N questions [default: 3; with --cid all; 0 = all]")] = None,
    cid: Annotated[Optional[str], typer.Option("--cid", metavar="ID", help="only this conversation")] = None,
    as_json: JsonOpt = False,
) -> None:
    """Show logged questions of qa ask and qa chat with their answers and citations, oldest first.

    QA_LOG=0 (log = false) turns the log off; the log is <store>/chat.db.

    \b
    Examples:
      qa logs
      qa logs -n 0 --json
    """
    from qa.chat.log import read_entries

    settings = run(lambda: settings_with(store=store))
    entries = run(lambda: read_entries(settings.store, (0 if cid else 3) if count is None else count, cid), settings)
    if as_json:
        print_json(entries)
    elif entries:
        from qa.render.logs import print_logs

        print_logs(entries)
    else:
        typer.echo(f"no questions logged in {settings.store} yet; ask one with: qa ask QUESTION")


def sources(store: StoreOpt = None, as_json: JsonOpt = False) -> None:
    """List stored documents and the articles found in them."""
    from qa.render import print_sources
    from qa.store import Store

    settings = run(lambda: settings_with(store=store))
    docs = run(lambda: Store.open(settings).sources(), settings)
    if as_json:
        print_json(docs)
    else:
        print_sources(docs)


def config(store: StoreOpt = None, as_json: JsonOpt = False) -> None:
    """Show the effective settings and where each came from (secrets masked).

    Each comes from the first of: a flag, the environment, qa.toml in the store, qa.toml in the
    current folder, the user settings file (its path is printed last), the default.
    """
    from qa.config import user_config_file
    from qa.render import print_config

    settings = run(lambda: settings_with(store=store))
    rows = settings.display()
    if as_json:
        print_json({name: {"value": value, "from": origin} for name, value, origin in rows})
    else:
        print_config(rows)
        found = user_config_file()
        typer.echo(f"user settings file: {found}{'' if found.is_file() else ' (none yet)'}")
