"""Cold start-up of the `qa` command: how long a fresh process takes to answer, next to the cost of
importing chromadb alone, measured in the same run (machines here are shared and noisy, so the
ratio is the figure to compare).

python -m eval.bench.startup [--store DIR] [--runs 5] [--tree SRC ...] [--out FILE.json]

Each case is a new process, run `--runs` times (interleaved across cases and trees, so all see the
same machine state); the table gives the median and the ratio to `import chromadb`, and the issue's
targets are checked for this tree: `qa ask --json` on the seed store in at most 1.5 s and twice
`import chromadb`; an English question within 0.2 s of a Chinese one; `--help` in 0.3 s; a missing
or empty store reported in 0.5 s. `--tree` may name other source checkouts (e.g. a worktree of an
older commit) to time the same commands with their `qa` package first on PYTHONPATH: before/after
in one run. The seed store is built once (`--store`, default a temporary directory) with the local
embedder.
"""

from __future__ import annotations

import argparse
import json
import os
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

from eval.bench.__main__ import machine
from qa.config import load_settings
from qa.store import Store

ROOT = Path(__file__).resolve().parent.parent.parent
ZH = "华强广场项目可以创造多少个就业岗位?"
EN = "How many jobs can the Huaqiang Plaza project create?"


def cases(store: Path, missing: Path, empty: Path) -> dict[str, list[str]]:
    qa = [sys.executable, "-m", "qa.cli"]
    return {
        "import chromadb": [sys.executable, "-c", "import chromadb"],
        "qa --help": qa + ["--help"],
        "qa ask --help": qa + ["ask", "--help"],
        "qa ask --json (zh)": qa + ["ask", "--json", "--store", str(store), ZH],
        "qa ask --json (en)": qa + ["ask", "--json", "--store", str(store), EN],
        "qa ask (no store)": qa + ["ask", "--store", str(missing), ZH],
        "qa ask (empty store)": qa + ["ask", "--store", str(empty), ZH],
    }


def targets(med: dict[str, float]) -> list[tuple[str, bool]]:
    """The issue's goals for one tree, from the medians (ms) of its cases."""
    zh, en, ref = med["qa ask --json (zh)"], med["qa ask --json (en)"], med["import chromadb"]
    return [
        (f"ask (zh) {zh:.0f} ms <= 1500 ms and <= 2 x import chromadb ({2 * ref:.0f} ms)", zh <= 1500 and zh <= 2 * ref),
        (f"ask (en) - ask (zh) = {en - zh:.0f} ms <= 200 ms", en - zh <= 200),
        (f"--help {med['qa --help']:.0f} ms, ask --help {med['qa ask --help']:.0f} ms <= 300 ms",
         max(med["qa --help"], med["qa ask --help"]) <= 300),
        (f"no store {med['qa ask (no store)']:.0f} ms, empty store {med['qa ask (empty store)']:.0f} ms <= 500 ms",
         max(med["qa ask (no store)"], med["qa ask (empty store)"]) <= 500),
    ]


def run_once(argv: list[str], tree: Path) -> tuple[float, int]:
    """(milliseconds, exit code) of one fresh process."""
    # PYTHONDONTWRITEBYTECODE (set on some CI and sandbox machines) would compile every module of a
    # source tree at every start: ~0.4 s that an installed package, compiled once, never pays
    env = {k: v for k, v in os.environ.items()
           if not k.startswith(("QA_", "OPENAI_")) and k != "PYTHONDONTWRITEBYTECODE"}
    env["PYTHONPATH"] = str(tree)
    t = time.perf_counter()
    done = subprocess.run(argv, cwd=tree, env=env, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL, check=False)
    return (time.perf_counter() - t) * 1000, done.returncode


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(prog="python -m eval.bench.startup", description=__doc__,
                                 formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--store", type=Path, default=None, help="a seed store to ask (built when absent)")
    ap.add_argument("--runs", type=int, default=5)
    ap.add_argument("--tree", type=Path, action="append", default=[], help="another source tree to time too")
    ap.add_argument("--out", type=Path, default=ROOT / "eval/bench/results/startup.json")
    args = ap.parse_args(argv)
    tmp = Path(tempfile.mkdtemp(prefix="qa-startup-"))
    store = args.store or tmp / "store"
    if not (store / "manifest.json").exists():
        subprocess.run([sys.executable, "-m", "qa.cli", "ingest", str(ROOT / "seeds"), "--store", str(store)],
                       cwd=ROOT, check=True, stdout=subprocess.DEVNULL)
    empty = tmp / "empty"
    Store.open(load_settings({"store": str(empty)}, env={}), create=True)  # a manifest naming no documents
    trees = [ROOT] + [t.resolve() for t in args.tree]
    todo = cases(store, tmp / "missing", empty)
    times: dict[tuple[str, str], list[float]] = {}
    for tree in trees:  # one warm-up pass: the page cache, .pyc files; and a failing case is timed for nothing
        for name, argv_ in todo.items():
            _, code = run_once(argv_, tree)
            if code != (1 if name == "qa ask (no store)" else 0):
                print(f"note: {name} exits {code} in {tree}", file=sys.stderr)
    for _ in range(args.runs):
        for tree in trees:
            for name, argv_ in todo.items():
                times.setdefault((str(tree), name), []).append(run_once(argv_, tree)[0])
    shutil.rmtree(tmp, ignore_errors=True)
    rows = []
    print(f"cold start-up, median of {args.runs} runs; {machine()}")
    print("| tree | case | median ms | min ms | x import chromadb |")
    print("|---|---|---:|---:|---:|")
    for tree in trees:
        ref = statistics.median(times[(str(tree), "import chromadb")])
        for name in todo:
            values = times[(str(tree), name)]
            med = statistics.median(values)
            rows.append({"tree": str(tree), "case": name, "median_ms": round(med, 1), "min_ms": round(min(values), 1),
                         "ratio_to_chromadb": round(med / ref, 2), "runs": [round(v, 1) for v in values]})
            print(f"| {tree.name} | {name} | {med:.0f} | {min(values):.0f} | {med / ref:.2f} |")
    goals = targets({r["case"]: r["median_ms"] for r in rows if r["tree"] == str(ROOT)})
    print(f"\ntargets ({ROOT.name}):")
    for line, met in goals:
        print(f"  {'met ' if met else 'MISSED'} {line}")
    args.out.parent.mkdir(parents=True, exist_ok=True)
    args.out.write_text(json.dumps({"machine": machine(), "runs": args.runs, "rows": rows,
                                    "targets": [{"target": line, "met": met} for line, met in goals]},
                                   ensure_ascii=False, indent=1) + "\n", encoding="utf-8")
    print(f"wrote {args.out}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
