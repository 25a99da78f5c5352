"""The survey corpus (40 English files of 40 paragraphs, each naming a distinct number), the store
built from it by a real `qa ingest` process (1,600 chunks: above ~1,000 vectors Chroma persists its
HNSW files, so they exist to be damaged), and the checks that the store still answers. Used by
test_damage.py and test_rebuild.py."""

from __future__ import annotations

import json
import os
from dataclasses import dataclass
from pathlib import Path

from support.cli import invoke, run_qa

ANIMALS = ["heron", "otter", "badger", "falcon", "marten", "beaver", "lynx", "stoat", "plover", "curlew"]
PLACES = ["Ashford", "Brierley", "Calder", "Dunmore", "Elston", "Fenwick", "Garside", "Holbrook"]
FILES, PARAS = 40, 40

# number 1205 is survey 5, paragraph 5: "The heron census at Elston recorded number 1205."
QUESTION = "What did the census record as number 1205?"
ANSWER = "1205"
ANSWER_FILE = "survey-05.txt"


def write_corpus(folder: Path) -> None:
    """FILES English .txt files of PARAS paragraphs, each naming a distinct number 1000..2599."""
    folder.mkdir(parents=True)
    for f in range(FILES):
        lines = [f"Field survey {f}", ""]
        for p in range(PARAS):
            n = 1000 + f * PARAS + p
            animal, place = ANIMALS[(f + p) % len(ANIMALS)], PLACES[(f * 3 + p) % len(PLACES)]
            lines += [f"The {animal} census at {place} recorded number {n}. Observers walked the river bank at "
                      f"dawn and counted every {animal} they saw near the old mill of {place} in survey {f}.", ""]
        (folder / f"survey-{f:02d}.txt").write_text("\n".join(lines), encoding="utf-8")


def build(root: Path) -> tuple[Path, Path]:
    """(corpus folder, store) under `root`: the corpus written, the store built by a real `qa ingest`."""
    docs, store = root / "docs", root / "store"
    write_corpus(docs)
    done = run_qa("ingest", docs, "--store", store, "--json", env={"QA_EMBED": "hash"}, cwd=root, timeout=120)
    assert done.returncode == 0, done.stderr
    report = json.loads(done.stdout)
    assert report["ingested"] == FILES and report["chunks"] > 1000
    assert list(store.glob("chroma/*/data_level0.bin")), "Chroma did not persist an HNSW index"
    return docs, store


def qa(*args: str | Path, **env: str):
    """Run the real CLI in this process (QA_EMBED=hash), as a fresh process would see the store."""
    result = invoke(*args, env={"QA_EMBED": "hash", **env}, fresh=True)
    assert "Traceback" not in result.output, result.output
    assert result.exception is None or isinstance(result.exception, SystemExit), repr(result.exception)
    return result


@dataclass
class Ran:
    exit_code: int
    stdout: str
    stderr: str

    @property
    def output(self) -> str:
        return self.stdout + self.stderr


def qa_process(*args: str | Path, **env: str) -> Ran:
    """Run `qa` as its own process: a crash inside Chroma's native code (reading a damaged HNSW
    file) then fails the test with the signal instead of taking pytest down."""
    done = run_qa(*args, env={"QA_EMBED": "hash", **env}, timeout=120)
    assert done.returncode >= 0, f"qa {args[0]} died of signal {-done.returncode}: {done.stderr[-2000:]}"
    assert "Traceback" not in done.stderr, done.stderr
    return Ran(done.returncode, done.stdout, done.stderr)


def ask(store: Path, question: str = QUESTION, run=qa):
    return run("ask", question, "--store", store, "--json", "--mode", "extractive")


def assert_answers(store: Path, question: str = QUESTION, number: str = ANSWER, source: str = ANSWER_FILE,
                   run=qa) -> dict:
    result = ask(store, question, run)
    assert result.exit_code == 0, result.output
    data = json.loads(result.stdout)
    assert not data["refused"], data
    assert number in data["answer"]
    cited = data["citations"][0]
    assert number in cited["quote"] and cited["source"].endswith(source), cited
    return data


def store_line(result) -> str:
    """The `store` line of `qa doctor`'s table."""
    found = [line for line in result.stdout.splitlines() if line.split()[1:2] == ["store"]]
    assert len(found) == 1, result.stdout
    return found[0]


def assert_doctor_ok(store: Path, run=qa) -> str:
    result = run("doctor", "--store", store)
    assert result.exit_code == 0, result.output
    line = store_line(result)
    assert line.startswith("OK   store"), result.stdout
    return line


def manifest(store: Path) -> dict:
    return json.loads((store / "manifest.json").read_text(encoding="utf-8"))


def collections(store: Path) -> set[str]:
    """The names of the Chroma collections in `store` (the client cache cleared after reading)."""
    import chromadb
    from chromadb.api.client import SharedSystemClient
    from chromadb.config import Settings

    try:
        client = chromadb.PersistentClient(path=str(store / "chroma"), settings=Settings(anonymized_telemetry=False))
        return {c.name for c in client.list_collections()}
    finally:
        SharedSystemClient.clear_system_cache()


def truncate(path: Path, size: int | None = None) -> None:
    before = path.stat().st_size
    os.truncate(path, before // 2 if size is None else size)
    assert path.stat().st_size < before
