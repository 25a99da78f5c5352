"""Safe rebuilds (issue 16): `qa ingest --rebuild` fills a new generation while readers keep using
the old one; a rebuild that fails, or is killed, leaves the old store answering, and the next
ingest removes what it left.

One store of 1,600 chunks (tests/test_damage.py's corpus) is built once for the module by a real
`qa ingest` process; each test works on a private copy. Rebuilds that must run beside readers
are real `qa` processes.
"""

from __future__ import annotations

import json
import shutil
import signal
import subprocess
import time
from pathlib import Path

import pytest

from support.cli import run_qa, start_qa
from support.survey import (ANSWER, ANSWER_FILE, FILES, QUESTION, assert_answers, assert_doctor_ok, build, collections,
                            manifest, qa, truncate)

HASH = {"QA_EMBED": "hash"}


@pytest.fixture(scope="module")
def built(tmp_path_factory) -> tuple[Path, Path]:
    """(corpus folder, store) built once by a real `qa ingest` process."""
    return build(tmp_path_factory.mktemp("rebuild"))


@pytest.fixture
def store(built, tmp_path) -> Path:
    """A private copy of the built store."""
    dest = tmp_path / "store"
    shutil.copytree(built[1], dest)
    return dest


@pytest.fixture
def docs(built) -> Path:
    return built[0]


def sources(store: Path) -> list[str]:
    result = qa("sources", "--store", store, "--json")
    assert result.exit_code == 0, result.output
    return sorted(Path(row["source"]).name for row in json.loads(result.stdout))


def keyword_folders(store: Path) -> list[str]:
    return sorted(p.name for p in store.glob("keyword*") if p.is_dir())


def assert_one_generation(store: Path) -> None:
    """No rebuild in progress and nothing left of another generation."""
    m = manifest(store)
    assert not (store / "rebuild.json").exists()
    assert keyword_folders(store) == [m["keyword"]]
    assert collections(store) == {m["collection"]}


def rebuild_process(docs: Path, store: Path, **env: str) -> subprocess.Popen:
    return start_qa("ingest", "--rebuild", docs, "--store", store, "--json", env={**HASH, **env})


def wait_for(condition, process: subprocess.Popen, what: str, timeout: float = 60.0) -> None:
    deadline = time.monotonic() + timeout
    while not condition():
        assert process.poll() is None, f"the rebuild ended before {what}: {process.communicate()}"
        assert time.monotonic() < deadline, f"timed out waiting for {what}"
        time.sleep(0.005)


def rebuild_started(store: Path) -> bool:
    """rebuild.json names the new generation and its keyword folder holds a published segment."""
    try:
        gen = json.loads((store / "rebuild.json").read_text(encoding="utf-8"))
    except (OSError, ValueError):
        return False
    return any((store / gen.get("keyword", "?")).glob("seg-*/sums.json"))


# -- a rebuild that fails or is killed ------------------------------------------------------------
def test_failed_rebuild_keeps_the_old_store(store, docs, tmp_path):
    old = manifest(store)
    mixed = tmp_path / "mixed"
    mixed.mkdir()
    for f in range(10):
        shutil.copy(docs / f"survey-{f:02d}.txt", mixed)
    (mixed / "survey-05b.txt").write_bytes(b"%PDF-1.4 not text")  # --strict stops the rebuild here

    result = qa("ingest", "--rebuild", "--strict", mixed, "--store", store, QA_INGEST_BATCH="50")
    assert result.exit_code != 0, result.output
    assert "survey-05b.txt" in result.stderr
    # It failed midway: part of the new generation was written.
    new = json.loads((store / "rebuild.json").read_text(encoding="utf-8"))
    assert new["documents"] and new["collection"] != old["collection"]
    assert list((store / new["keyword"]).glob("seg-*"))

    assert manifest(store) == old
    assert_answers(store)
    assert sources(store) == sorted(f"survey-{f:02d}.txt" for f in range(FILES))

    result = qa("ingest", docs, "--store", store, "--json")
    assert result.exit_code == 0, result.output
    assert json.loads(result.stdout)["unchanged"] == FILES
    assert_one_generation(store)
    assert manifest(store)["collection"] == old["collection"]
    assert_answers(store)


@pytest.mark.parametrize("then", ["ingest", "repair"])
@pytest.mark.slow
def test_killed_rebuild_keeps_the_old_store(store, docs, then):
    old = manifest(store)
    process = rebuild_process(docs, store)
    try:
        wait_for(lambda: rebuild_started(store), process, "the rebuild published its first chunks")
        assert process.poll() is None
        process.send_signal(signal.SIGKILL)
    finally:
        process.wait(timeout=30)
        process.stdout.close()
        process.stderr.close()
    assert process.returncode == -signal.SIGKILL
    assert (store / "rebuild.json").exists() and len(keyword_folders(store)) == 2  # what it left

    assert manifest(store) == old
    assert_answers(store)
    assert len(sources(store)) == FILES

    if then == "ingest":
        result = qa("ingest", docs, "--store", store, "--json")
        assert result.exit_code == 0, result.output
        assert json.loads(result.stdout)["unchanged"] == FILES
    else:
        result = qa("doctor", "--repair", "--store", store)
        assert result.exit_code == 0, result.output
    assert_one_generation(store)
    assert_doctor_ok(store)
    assert_answers(store)


# -- rebuilds that succeed ----------------------------------------------------------------------
def test_rebuild_over_a_chroma_that_cannot_be_opened(store, docs):
    truncate(store / "chroma" / "chroma.sqlite3", 100_000)

    result = qa("ingest", "--rebuild", docs, "--store", store, "--json")
    assert result.exit_code == 0, result.output
    assert json.loads(result.stdout)["ingested"] == FILES
    aside = list(store.glob("chroma.damaged-*"))
    assert len(aside) == 1 and (aside[0] / "chroma.sqlite3").stat().st_size == 100_000
    assert_one_generation(store)
    assert_doctor_ok(store)
    assert_answers(store)


def test_rebuild_holds_only_the_new_documents(store, tmp_path):
    old = manifest(store)
    new = tmp_path / "new"
    new.mkdir()
    for f in range(3):
        (new / f"tally-{f}.txt").write_text(
            f"Harbour tally {f}\n\n" + "\n\n".join(
                f"The tern count at Kirkby harbour reached number {5000 + 10 * f + p} after the spring tide, "
                f"and the wardens logged it in tally {f} before noon." for p in range(10)), encoding="utf-8")

    result = qa("ingest", "--rebuild", new, "--store", store, "--json")
    assert result.exit_code == 0, result.output
    assert json.loads(result.stdout)["ingested"] == 3

    assert sources(store) == ["tally-0.txt", "tally-1.txt", "tally-2.txt"]
    m = manifest(store)
    assert m["collection"] != old["collection"] and m["keyword"] != old["keyword"]
    assert not (store / old["keyword"]).exists()
    assert old["collection"] not in collections(store)
    assert_one_generation(store)
    assert_doctor_ok(store)
    assert_answers(store, "What did the tern count reach as number 5013?", "5013", "tally-1.txt")
    result = qa("ask", QUESTION, "--store", store, "--json", "--mode", "extractive")
    assert result.exit_code == 0, result.output
    data = json.loads(result.stdout)
    assert data["refused"] or ANSWER not in data["answer"], data  # the old documents are gone
    assert all("tally" in c["source"] for c in data["citations"]), data["citations"]


# -- readers during a rebuild -------------------------------------------------------------------
@pytest.mark.slow
def test_readers_during_a_rebuild(store, docs):
    from qa.ask import ask
    from qa.config import load_settings
    from qa.store import Store

    settings = load_settings({"store": str(store), "embed": "hash"}, env={})
    reader = Store.open(settings)  # opened once, before the rebuild, and used for every question
    first = reader.manifest["collection"]

    def check(answer) -> None:
        assert not answer.refused and ANSWER in answer.answer, answer.answer
        assert answer.citations and answer.citations[0].source.endswith(ANSWER_FILE)

    check(ask(QUESTION, settings, store=reader, mode="extractive"))
    cli_asks: list[subprocess.Popen] = []
    asked = during = 0
    process = rebuild_process(docs, store)
    try:
        while process.poll() is None:
            rebuilding = (store / "rebuild.json").exists()
            check(ask(QUESTION, settings, store=reader, mode="extractive"))
            asked += 1
            during += rebuilding or (store / "rebuild.json").exists()
            if len(cli_asks) < 4 and all(p.poll() is not None for p in cli_asks):
                cli_asks.append(start_qa("ask", QUESTION, "--store", store, "--json", "--mode", "extractive",
                                         env=HASH))
        out, err = process.communicate(timeout=60)
    finally:
        if process.poll() is None:
            process.kill()
            process.communicate()
    assert process.returncode == 0, err
    assert json.loads(out)["ingested"] == FILES
    assert during >= 3, f"only {during} of {asked} questions were asked while the rebuild ran"

    for _ in range(3):
        check(ask(QUESTION, settings, store=reader, mode="extractive"))
    assert reader.manifest["collection"] != first  # the reader followed the switch
    assert reader.manifest["collection"] == manifest(store)["collection"]
    cli_asks.append(start_qa("ask", QUESTION, "--store", store, "--json", "--mode", "extractive", env=HASH))
    for p in cli_asks:
        out, err = p.communicate(timeout=60)
        assert p.returncode == 0, err
        data = json.loads(out)
        assert not data["refused"] and ANSWER in data["answer"], data
        assert data["citations"][0]["source"].endswith(ANSWER_FILE)
    assert_one_generation(store)


@pytest.mark.slow
def test_eval_during_a_rebuild(store, docs, tmp_path):
    items = [(1205, "survey-05"), (1000, "survey-00"), (1519, "survey-12"), (2222, "survey-30"), (2599, "survey-39")]
    gold = tmp_path / "gold.jsonl"
    gold.write_text("".join(json.dumps({"id": f"n{n}", "question": f"What did the census record as number {n}?",
                                        "answers": [str(n)], "unanswerable": False, "evidence": [stem],
                                        "tags": ["number"]}) + "\n" for n, stem in items), encoding="utf-8")
    report = tmp_path / "report.json"

    process = rebuild_process(docs, store)
    try:
        wait_for(lambda: (store / "rebuild.json").exists(), process, "rebuild.json was written")
        evaluation = run_qa("eval", gold, "--store", store, "--mode", "extractive", "--out", report, env=HASH,
                            timeout=120)
        out, err = process.communicate(timeout=60)
    finally:
        if process.poll() is None:
            process.kill()
            process.communicate()
    assert process.returncode == 0, err
    assert evaluation.returncode == 0, evaluation.stdout + evaluation.stderr
    assert "Traceback" not in evaluation.stderr
    data = json.loads(report.read_text(encoding="utf-8"))
    assert data["errors"] == [] and len(data["items"]) == len(items)
    assert all(item["metrics"]["correct"] for item in data["items"]), [i["answer"] for i in data["items"]]
    assert data["summary"]["overall"]["accuracy"] == 1.0
    assert_one_generation(store)
