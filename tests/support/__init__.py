"""What the tests share, in one place (helpers, not tests: pytest collects nothing here).

- `support` (this module): where things are, and the questions about the seed page.
- `support.cli`: the one way to run `qa` (a child process, typer's CliRunner, a pseudo-terminal)
  and the clean environment it runs in.
- `support.chat`: `qa chat` in a pseudo-terminal (`Chat`), and what the chat log holds.
- `support.scripted`: the environment and the model behaviours for the scripted OpenAI server
  (the server itself is tests/openai_server.py, a pytest plugin).
- `support.servers`: starting a real server process (Chroma, the embeddings server) on a free port.
- `support.survey` / `support.reports`: the generated corpora that several modules build stores from.

Fixtures live in tests/conftest.py; a test module imports helpers from here, never from another
test module or from conftest.
"""

from __future__ import annotations

from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent.parent
SEEDS = ROOT / "seeds"
SEED_FILE = next(SEEDS.glob("*.txt"))
SEED_TEXT = SEED_FILE.read_text(encoding="utf-8")

# Questions the seed page answers (Q_JOBS: 1000 jobs at Huaqiang Plaza).
Q_JOBS = "华强广场项目可以创造多少个就业岗位?"
Q_BEIJING = "北京的脑机接口政策是什么?"

# Three articles in the benchmark layout (title, a blank line, the passage), for the bench tools' tests.
BENCH_DOCS = {"A": "华强广场\n\n华强广场项目总投资约20亿元。项目建成后可创造1000个就业岗位。",
              "B": "黑河物流\n\n黑河国欧物流仓储中心投入使用。中心每年处理跨境包裹300万件。",
              "C": "脑机接口\n\n工信部等7部门联合印发实施意见，明确至2030年构建产业生态。"}


def write_bench_docs(folder: Path, names: str = "ABC") -> Path:
    """`folder`/docs holding the `BENCH_DOCS` named (one file each, `A.txt`...); returns that folder."""
    docs = folder / "docs"
    docs.mkdir(parents=True)
    for name in names:
        (docs / f"{name}.txt").write_text(BENCH_DOCS[name], encoding="utf-8")
    return docs
