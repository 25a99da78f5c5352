"""The one way to run `qa` in a test: `run_qa` (a child process: exit codes, signals, stderr as a
user sees them), `invoke` (typer's CliRunner in this process: fast; `ask_json`, its `qa ask --json`
on a hash store), `spawn_qa` (a pseudo-terminal, for what a terminal shows). Each starts from
`qa_env`: this machine's environment without any QA_* / OPENAI_* setting, plus the test's own."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from collections.abc import Iterable, Mapping
from pathlib import Path

from typer.testing import CliRunner

QA = [sys.executable, "-m", "qa.cli"]
runner = CliRunner()


def qa_env(env: Mapping[str, str] | None = None, unset: Iterable[str] = (), **extra: str) -> dict[str, str]:
    """os.environ without QA_* / OPENAI_* (a module-scoped fixture runs before `clean_env` has cleaned
    it) and without `unset`, then `env`, then `extra`."""
    base = {k: v for k, v in os.environ.items() if not k.startswith(("QA_", "OPENAI_")) and k not in unset}
    return {**base, **(env or {}), **extra}


def run_qa(*args: str | Path, env: Mapping[str, str] | None = None, unset: Iterable[str] = (),
           stdin: str | bytes | None = None, timeout: float = 300, text: bool = True,
           **popen) -> subprocess.CompletedProcess:
    """`qa ARGS` in a child process; stdout and stderr captured (str, or bytes with text=False)."""
    return subprocess.run([*QA, *map(str, args)], input=stdin, capture_output=True, env=qa_env(env, unset),
                          timeout=timeout, **({"text": True, "encoding": "utf-8"} if text else {}), **popen)


def start_qa(*args: str | Path, env: Mapping[str, str] | None = None, text: bool = True, **popen) -> subprocess.Popen:
    """`qa ARGS` started in the background (stdout and stderr piped unless `popen` says otherwise; str,
    or bytes with text=False): for a test that kills it or runs others beside it."""
    return subprocess.Popen([*QA, *map(str, args)], env=qa_env(env), text=text,
                            **{"stdout": subprocess.PIPE, "stderr": subprocess.PIPE, **popen})


def invoke(*args: str | Path, env: Mapping[str, str] | None = None, input: str | None = None, fresh: bool = False,
           **kw):
    """`qa ARGS` through typer's CliRunner in this process (`env` is laid over os.environ).
    `fresh`: clear Chroma's per-process client cache before and after, so the command sees the
    store's files as a new `qa` process would."""
    from qa.cli import app

    if fresh:
        from chromadb.api.client import SharedSystemClient

        SharedSystemClient.clear_system_cache()
    try:
        return runner.invoke(app, [str(a) for a in args], env=dict(env or {}), input=input, **kw)
    finally:
        if fresh:
            SharedSystemClient.clear_system_cache()


def ask_json(store: str | Path, question: str) -> dict:
    """`qa ask --json --mode extractive` on a hash-embedder store (`invoke`), its answer parsed."""
    done = invoke("ask", "--store", store, "--mode", "extractive", "--json", question, env={"QA_EMBED": "hash"})
    assert done.exit_code == 0, done.output
    return json.loads(done.stdout)


def spawn_qa(*args: str | Path, env: Mapping[str, str] | None = None, unset: Iterable[str] = (), timeout: float = 60,
             dimensions: tuple[int, int] | None = None, encoding: str | None = "utf-8"):
    """`qa ARGS` in a pseudo-terminal (pexpect; `dimensions`: rows, columns); `encoding=None` reads
    raw bytes."""
    import pexpect

    return pexpect.spawn(sys.executable, [*QA[1:], *map(str, args)], env=qa_env(env, unset), timeout=timeout,
                         encoding=encoding, dimensions=dimensions)
