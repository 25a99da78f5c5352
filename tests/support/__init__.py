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
