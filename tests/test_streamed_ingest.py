"""Streamed ingest (issue 13): files are prepared one at a time and published every
QA_INGEST_BATCH chunks, each batch embedded in the background while the next one is prepared.
Whatever the batching, every chunk must be stored exactly once (manifest == Chroma == keyword
index), a second run must find every file unchanged, and an ingest killed between batches must
leave a store that answers and that the next ingest completes.

The real CLI in subprocesses, QA_EMBED=hash, a real Chroma store in a temp dir; the corpus is
written here. Run:

    .venv/bin/python -m pytest -q -p no:cacheprovider tests/test_streamed_ingest.py
"""

from __future__ import annotations

import json
import signal
import subprocess
import time
from collections import Counter
from pathlib import Path

import pytest

from support.cli import run_qa, start_qa
from support.reports import FILES, LARGE, write_corpus

from qa.config import load_settings
from qa.ingest.pipeline import ingest
from qa.store import Store
from qa.store.keyword import KeywordIndex

BATCH = "16"


def _env(store: Path, **extra: str) -> dict[str, str]:
    return {"QA_STORE": str(store), "QA_EMBED": "hash", "QA_INGEST_BATCH": BATCH, **extra}


def _ingest(docs: Path, store: Path) -> dict:
    result = run_qa("ingest", "--json", str(docs), env=_env(store))
    assert result.returncode == 0, result.stderr
    return json.loads(result.stdout)


def _open(store_dir: Path) -> Store:
    return Store.open(load_settings({"store": str(store_dir), "embed": "hash"}, env={}))


def _stored_once(store_dir: Path, state: str = "clean") -> set[str]:
    """The store's chunk ids, after checking that the manifest, Chroma and the keyword index hold
    the same ones. `state`: "clean" (a run nothing interrupted: no chunk was ever indexed twice
    either), "resumed" (a run after a kill: what the killed one indexed but never published may
    still sit in the keyword index's files, shadowed), "killed" (Chroma may also hold chunks no
    manifest entry names yet; the next ingest deletes them)."""
    store = _open(store_dir)
    listed = [cid for doc in store.documents.values() for cid in doc["chunk_ids"]]
    live = set(listed)
    assert len(listed) == len(live), "a chunk listed under two documents, or twice"
    in_chroma = store.collection.get(include=[])["ids"]
    if state == "killed":
        assert live <= set(in_chroma), "the manifest names chunks Chroma lacks"
    else:
        assert sorted(in_chroma) == sorted(listed)

    def lacking(ids: list[str]) -> list[dict]:
        raise AssertionError(f"the keyword index lacks {len(ids)} live chunks, e.g. {ids[:3]}")

    index = KeywordIndex.open(store.keyword_dir, live, lacking, persist=False)
    assert index.covered() == live and index.size == len(live)
    if state == "clean":
        rows = Counter(cid for seg in index.segments for cid in seg.ids)
        assert set(rows) == live and set(rows.values()) == {1}, "a chunk indexed twice, or a dead row left"
    return live


def _published(store_dir: Path) -> int:
    """Documents the manifest names now (it is replaced atomically, so this read is safe)."""
    try:
        return len(json.loads((store_dir / "manifest.json").read_text(encoding="utf-8"))["documents"])
    except FileNotFoundError:
        return 0


@pytest.fixture(scope="module")
def corpus(tmp_path_factory) -> Path:
    folder = tmp_path_factory.mktemp("streamed") / "docs"
    write_corpus(folder)
    return folder


@pytest.fixture(scope="module")
def unbatched(corpus, tmp_path_factory) -> set[str]:
    """The chunk ids of the corpus ingested as one batch, in-process: what streaming must equal."""
    store = tmp_path_factory.mktemp("unbatched") / "store"
    settings = load_settings({"store": str(store), "embed": "hash"}, env={"QA_INGEST_BATCH": "100000"})
    report = ingest([corpus], settings)
    assert report.ingested == FILES + 1 and not report.failed
    return _stored_once(store)


@pytest.mark.slow
def test_every_chunk_is_stored_exactly_once(corpus, unbatched, tmp_path):
    report = _ingest(corpus, tmp_path / "store")
    assert report["ingested"] == FILES + 1 and not report["failed"]
    assert report["chunks"] > 10 * int(BATCH), "the corpus must span many ingest batches"
    assert report["embedded"] == report["chunks"], "each chunk embedded once"
    assert _stored_once(tmp_path / "store") == unbatched
    large = next(d for d in _open(tmp_path / "store").documents.values() if d["source"].endswith(LARGE))
    assert len(large["chunk_ids"]) > 3 * int(BATCH), "one document bigger than several batches, stored whole"

    again = _ingest(corpus, tmp_path / "store")
    assert (again["unchanged"], again["ingested"], again["chunks"], again["embedded"]) == (FILES + 1, 0, 0, 0)
    assert _stored_once(tmp_path / "store") == unbatched


def _answers(store: Path) -> None:
    asked = run_qa("ask", "--json", "广州第41号报道第1段的工程今年完成投资多少?", env=_env(store))
    assert asked.returncode == 0, asked.stderr
    data = json.loads(asked.stdout)
    assert data["citations"] or data["passages"]


@pytest.mark.slow
def test_an_ingest_killed_between_batches_is_completed_by_the_next(corpus, unbatched, tmp_path):
    store = tmp_path / "store"
    published = [0]
    # Two kills, each once a few more documents are published, i.e. inside a later batch: while it
    # is embedded, prepared or written.
    for more in (8, 12):
        proc = start_qa("ingest", corpus, env=_env(store), stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
        deadline = time.monotonic() + 120
        while proc.poll() is None and _published(store) < published[-1] + more and time.monotonic() < deadline:
            time.sleep(0.005)
        assert proc.poll() is None, "the ingest finished before its kill; make the corpus bigger"
        proc.send_signal(signal.SIGKILL)
        proc.wait()
        published.append(_published(store))
        assert published[-2] < published[-1] < FILES + 1
        live = _stored_once(store, "killed")
        sources = json.loads(run_qa("sources", "--json", env=_env(store)).stdout)
        assert len(sources) == published[-1] and sum(d["chunks"] for d in sources) == len(live)
        _answers(store)

    report = _ingest(corpus, store)
    assert report["unchanged"] == published[-1] and report["ingested"] == FILES + 1 - published[-1]
    assert not report["failed"]
    # The next ingest deleted what the killed one left unnamed: Chroma holds exactly the manifest's chunks.
    assert _stored_once(store, "resumed") == unbatched
    _answers(store)
