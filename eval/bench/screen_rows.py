"""Rows a `qa ask` answer takes on a terminal of 80 columns (issue 24's measure of the compact
screen): each question is asked in a real pseudo-terminal (pexpect) of that width, its output fed
to a VT100 emulator (pyte, as the display tests do), and the rows from the first to the last
non-blank one counted. Needs the test extra (pexpect, pyte).

    python -m eval.bench.screen_rows --store /tmp/store                # this checkout
    python -m eval.bench.screen_rows --store /tmp/store --tree /tmp/wt  # another checkout of qa

By default the README's demo questions (`make demo` asks both) and its refused one. `--tree` runs
`python -m qa.cli` with that checkout first on the path, so two versions are measured on one store
(built once, `qa ingest seeds/ --store …`). QA_* and OPENAI_* are left out of the child's
environment: the answer is the offline one a fresh install gives.
"""

from __future__ import annotations

import argparse
import json
import os
import sys
from pathlib import Path

DEMO = [
    "《关于推动脑机接口产业创新发展的实施意见》明确到哪一年构建具有国际竞争力的产业生态?",
    "华强广场项目可以创造多少个就业岗位?",
    "华强广场有多少张床位?",  # the README's refusal
]
_TALL = 500  # screen lines: tall enough that nothing scrolls off


def screen_rows(question: str, store: Path, tree: Path | None = None, columns: int = 80,
                timeout: float = 120) -> tuple[int, list[str]]:
    """The rows `qa ask QUESTION --store STORE` fills on a `columns`-wide terminal, and their text."""
    import pexpect
    import pyte

    env = {k: v for k, v in os.environ.items() if not k.startswith(("QA_", "OPENAI_"))}
    env.update(COLUMNS=str(columns), LINES=str(_TALL), TERM="xterm-256color")
    if tree is not None:
        env["PYTHONPATH"] = str(tree)
    child = pexpect.spawn(sys.executable, ["-m", "qa.cli", "ask", "--store", str(store), question], env=env,
                          cwd=str(tree) if tree else None, dimensions=(_TALL, columns), encoding="utf-8",
                          timeout=timeout)
    raw = child.read()
    child.close()
    if child.exitstatus != 0:
        raise RuntimeError(f"qa ask exited {child.exitstatus} on {question!r}:\n{raw[-2000:]}")
    screen = pyte.Screen(columns, _TALL)
    pyte.Stream(screen).feed(raw.replace("\n", "\r\n") if "\r\n" not in raw else raw)
    lines = [line.rstrip() for line in screen.display]
    filled = [i for i, line in enumerate(lines) if line]
    if not filled:
        return 0, []
    return filled[-1] - filled[0] + 1, lines[filled[0]:filled[-1] + 1]


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--store", type=Path, required=True)
    parser.add_argument("--tree", type=Path, help="another checkout of qa to run (default: this one)")
    parser.add_argument("--columns", type=int, default=80)
    parser.add_argument("--show", action="store_true", help="print each screen too")
    parser.add_argument("questions", nargs="*", default=DEMO)
    args = parser.parse_args(argv)
    for q in args.questions:
        rows, lines = screen_rows(q, args.store.resolve(), args.tree.resolve() if args.tree else None, args.columns)
        print(json.dumps({"question": q, "rows": rows}, ensure_ascii=False))
        if args.show:
            print("\n".join(lines))
    return 0


if __name__ == "__main__":
    sys.exit(main())
