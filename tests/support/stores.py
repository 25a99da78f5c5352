"""A small store for a test that needs its own articles: `store_of` writes them to a folder and
ingests them with the hash embedder (no model, deterministic, a second or so)."""

from __future__ import annotations

from pathlib import Path

from qa.config import load_settings
from qa.ingest.pipeline import ingest


def store_of(folder: Path, files: dict[str, str]) -> Path:
    """A hash-embedder store under `folder` holding `files` (name -> text, title on the first line)."""
    docs = folder / "docs"
    docs.mkdir()
    for name, text in files.items():
        (docs / name).write_text(text, encoding="utf-8")
    settings = load_settings({"store": str(folder / "store"), "embed": "hash"}, env={})
    assert ingest([docs], settings).ingested == len(files)
    return folder / "store"
