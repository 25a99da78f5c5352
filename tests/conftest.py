"""Shared fixtures. Every test gets a clean environment (no QA_* / OPENAI_* leaking in from the
machine) and a temp working directory; the seed store is built once per session with the real
local embedder, because embedding the seed page takes seconds."""

from __future__ import annotations

import os
import shutil
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent
SEEDS = ROOT / "seeds"
SEED_FILE = next(SEEDS.glob("*.txt"))
DATA = Path(__file__).resolve().parent / "data"

# The scripted OpenAI-compatible server (`openai_server` fixture) lives in tests/openai_server.py.
pytest_plugins = ["openai_server"]


@pytest.fixture(autouse=True)
def clean_env(monkeypatch, tmp_path_factory):
    for key in list(os.environ):
        if key.startswith(("QA_", "OPENAI_")):
            monkeypatch.delenv(key)
    monkeypatch.chdir(tmp_path_factory.mktemp("cwd"))


@pytest.fixture
def hash_settings(tmp_path):
    """Settings for a fresh store in a temp dir with the instant deterministic embedder."""
    from qa.config import load_settings

    return load_settings({"store": str(tmp_path / "store"), "embed": "hash"}, env={})


@pytest.fixture(scope="session")
def seed_store_dir(tmp_path_factory) -> Path:
    """A store holding the seed page, embedded with the real local model (read-only for tests)."""
    from qa.config import load_settings
    from qa.ingest.pipeline import ingest

    store = tmp_path_factory.mktemp("seed-store") / "store"
    settings = load_settings({"store": str(store)}, env={})
    report = ingest([SEEDS], settings)
    assert report.ingested == 1 and not report.failed
    return store


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
