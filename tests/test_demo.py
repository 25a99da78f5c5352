"""`make demo` leads somewhere (issue 25): it ingests into the store `qa ask` uses with no --store,
and the commands it prints at the end work when typed as shown, in the same folder: `.venv/bin/qa
…`, and `source .venv/bin/activate` followed by `qa …`.

The demo runs in a copy of the repository's entry points (Makefile, seeds/) whose `.venv` is this
test run's virtualenv (a link), with `make -o .venv/.installed` so nothing is installed; the hash
embedder (QA_EMBED=hash in the environment, for the demo and the commands alike) keeps it to
seconds. The commands run through bash with a PATH that holds no `qa`, as on a fresh clone.
"""

from __future__ import annotations

import shutil
import subprocess
import sys
from pathlib import Path

import pytest

from support import ROOT, SEEDS
from support.cli import qa_env

VENV = Path(sys.prefix)  # this run's virtualenv, the one `make install` would have made
PLAIN_PATH = "/usr/bin:/bin"  # make, bash and printf, but no qa


@pytest.fixture
def clone(tmp_path) -> Path:
    """A folder laid out like a fresh clone after `make install`."""
    work = tmp_path / "clone"
    work.mkdir()
    shutil.copy(ROOT / "Makefile", work / "Makefile")
    (work / "seeds").symlink_to(SEEDS)
    (work / ".venv").symlink_to(VENV)
    return work


def _bash(script: str, cwd: Path) -> subprocess.CompletedProcess:
    env = qa_env({"PATH": PLAIN_PATH, "QA_EMBED": "hash"}, unset=("VIRTUAL_ENV",))
    return subprocess.run(["bash", "-c", script], cwd=cwd, env=env, capture_output=True, text=True,
                          encoding="utf-8", timeout=300, check=False)


def _next_commands(shown: str) -> tuple[list[str], list[str]]:
    """The indented commands after the demo's 'Next, in this folder:' and after its 'or put qa
    on this shell's PATH' line."""
    tail = shown[shown.index("Next, in this folder:"):].splitlines()[1:]
    split = next(i for i, line in enumerate(tail) if line.startswith("or put qa on"))
    commands = [[line.strip() for line in part if line.startswith("  ")] for part in (tail[:split], tail[split:])]
    return commands[0], commands[1]


@pytest.mark.slow
def test_the_commands_the_demo_prints_answer_from_its_store(clone):
    assert _bash("command -v qa", clone).returncode != 0, "qa is on the plain PATH: the test proves nothing"
    demo = _bash("make -o .venv/.installed demo", clone)
    assert demo.returncode == 0, demo.stdout + demo.stderr
    assert "Traceback" not in demo.stderr
    assert f"seeds/ is in {clone / '.qa'}, the store qa uses when no --store is given" in demo.stdout
    direct, activated = _next_commands(demo.stdout)
    assert direct[0] == '.venv/bin/qa ask "签约率是多少?"' and activated[0] == "source .venv/bin/activate"

    for command in direct:  # each typed on its own, stdin closed (`qa chat` ends at end of input)
        done = _bash(command, clone)
        assert done.returncode == 0 and "Traceback" not in done.stderr, f"{command}\n{done.stdout}{done.stderr}"
    asked = _bash(direct[0], clone)
    assert "98%" in asked.stdout and "[1]" in asked.stdout, asked.stdout  # answered, no second ingest

    typed = _bash("\n".join(["set -e", *activated]), clone)  # one shell session, line by line
    assert typed.returncode == 0, typed.stdout + typed.stderr
    assert "98%" in typed.stdout and "Usage: qa" in typed.stdout


@pytest.mark.slow
def test_a_second_demo_keeps_what_the_store_held(clone):
    """The demo's store is the user's default store: it adds seeds/ and never rebuilds it."""
    mine = clone / "mine"
    mine.mkdir()
    (mine / "note.txt").write_text("我的笔记\n\n仓库里的测试灯泡是蓝色的。\n", encoding="utf-8")
    assert _bash(".venv/bin/qa ingest mine/", clone).returncode == 0
    demo = _bash("make -o .venv/.installed demo", clone)
    assert demo.returncode == 0, demo.stdout + demo.stderr
    sources = _bash(".venv/bin/qa sources", clone)
    assert "mine/note.txt" in sources.stdout and "seeds/" in sources.stdout, sources.stdout
