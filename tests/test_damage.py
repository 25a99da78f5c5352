"""Damaged stores (issue 16): each kind of store file corrupted or deleted in turn, and what
`qa doctor`, `qa doctor --repair`, `qa ask` and `qa ingest` make of it.

One store of 1,600 chunks is built once for the module (above ~1,000 vectors Chroma persists its
HNSW files, so they exist to be damaged) and each test damages a private copy. Every command is
the real CLI; before each one Chroma's per-process client cache is cleared, so that each command
sees the files as a fresh `qa` process would.
"""

from __future__ import annotations

import json
import re
import shutil
from pathlib import Path

import pytest

from support.survey import (ANSWER, ANSWER_FILE, FILES, ask, assert_answers, assert_doctor_ok, build,
                            collections, manifest, qa, qa_process, store_line, truncate)


@pytest.fixture(scope="module")
def built(tmp_path_factory) -> tuple[Path, Path]:
    """(corpus folder, store): the store built once by a real `qa ingest` process."""
    return build(tmp_path_factory.mktemp("damage"))


@pytest.fixture
def store(built, tmp_path) -> Path:
    """A private copy of the built store."""
    dest = tmp_path / "store"
    shutil.copytree(built[1], dest)
    return dest


@pytest.fixture
def docs(built) -> Path:
    return built[0]


# -- helpers (the common ones are in support.survey) -----------------------------------------------
def shown(data: dict) -> str:
    """What an answer quotes or cites (the question itself is echoed back, so it is left out)."""
    return json.dumps([data["answer"], data["citations"]])


def assert_damaged(result, store: Path, *names: str) -> str:
    """One plain line on stderr naming the damage and the repair, exit 1, nothing on stdout."""
    assert result.exit_code == 1, result.output
    assert result.stdout.strip() == "", result.stdout
    lines = result.stderr.strip().splitlines()
    assert len(lines) == 1, result.stderr
    line = lines[0]
    assert line.startswith(f"Error: the store at {store} is damaged ("), line
    assert line.endswith("); repair it: qa doctor --repair"), line
    for name in names:
        assert name in line, line
    return line


def assert_doctor_fails(store: Path, *names: str, run=qa) -> str:
    result = run("doctor", "--store", store)
    assert result.exit_code == 1, result.output
    line = store_line(result)
    assert line.startswith("FAIL store"), result.stdout
    for name in names:
        assert name in line, line
    return line


def repair(store: Path, run=qa):
    result = run("doctor", "--repair", "--store", store)
    assert result.exit_code == 0, result.output
    assert "FAIL" not in result.stdout, result.stdout
    return result


def segment_holding(store: Path, text: bytes) -> Path:
    """The keyword segment whose text.bin holds `text`."""
    found = [p for p in store.glob("keyword*/seg-*") if text in (p / "text.bin").read_bytes()]
    assert len(found) == 1, found
    return found[0]


# -- keyword segments -----------------------------------------------------------------------------
@pytest.mark.slow
def test_truncated_text_bin_is_refused_found_and_repaired(store):
    seg = segment_holding(store, ANSWER.encode())
    truncate(seg / "text.bin")
    part = f"{seg.parent.name}/{seg.name}"

    assert_damaged(ask(store), store, part, "text.bin")
    assert_doctor_fails(store, part, "text.bin")
    result = repair(store)
    assert part in result.stdout and "re-indexed" in result.stdout
    assert_doctor_ok(store)
    assert_answers(store)


@pytest.mark.slow
def test_text_edited_in_place_is_never_quoted(store):
    seg = segment_holding(store, ANSWER.encode())
    text = seg / "text.bin"
    data = text.read_bytes()
    text.write_bytes(data.replace(b"1205", b"9205"))  # same size: only a checksum shows it
    assert text.stat().st_size == len(data)
    part = f"{seg.parent.name}/{seg.name}"

    # The question about 1205 reaches the edited passage: refused as damaged, not quoted.
    assert_damaged(ask(store), store, part, "checksum")
    # Asked for the forged number, or about the edited sentence: an error line or a refusal, never 9205.
    for question in ("What did the census record as number 9205?",
                     "Which number did the heron census at Elston record in survey 5?"):
        result = ask(store, question)
        assert "9205" not in result.stderr, result.stderr
        if result.exit_code == 0:
            data = json.loads(result.stdout)
            assert data["refused"] and "9205" not in shown(data), data
        else:
            assert_damaged(result, store, part)

    assert_doctor_fails(store, part, "text.bin does not match its checksum")
    result = repair(store)
    assert part in result.stdout
    assert_doctor_ok(store)
    assert "9205" not in shown(assert_answers(store))
    result = ask(store, "What did the census record as number 9205?")
    assert result.exit_code == 0 and "9205" not in shown(json.loads(result.stdout)), result.output


@pytest.mark.slow
@pytest.mark.parametrize("name, how", [("terms.npy", "truncate"), ("terms.npy", "delete"),
                                       ("text_sum.npy", "delete"), ("sums.json", "delete")])
def test_damaged_segment_file(store, name, how):
    seg = segment_holding(store, ANSWER.encode())
    path = seg / name
    truncate(path) if how == "truncate" else path.unlink()
    part = f"{seg.parent.name}/{seg.name}"

    assert_damaged(ask(store), store, part, name)
    assert_doctor_fails(store, part, name)
    result = repair(store)
    assert part in result.stdout
    assert_doctor_ok(store)
    assert_answers(store)


# -- the keyword index's entry point and folder -----------------------------------------------------
@pytest.mark.parametrize("how", ["delete", "empty"])
def test_lost_index_json_is_recovered(store, docs, tmp_path, how):
    index = store / "keyword" / "index.json"
    index.unlink() if how == "delete" else index.write_bytes(b"")

    assert_answers(store)  # recovered from the segments, in memory
    assert (index.read_bytes() == b"") if how == "empty" else not index.exists()  # a reader writes nothing

    extra = tmp_path / "extra.txt"
    extra.write_text("Extra notes\n\nThe kestrel census at Ormside recorded number 7777 on a windy morning "
                     "by the lake shore.\n", encoding="utf-8")
    result = qa("ingest", docs, extra, "--store", store, "--json")
    assert result.exit_code == 0, result.output  # it used to fail with "Directory not empty"
    report = json.loads(result.stdout)
    assert (report["ingested"], report["unchanged"], report["failed"]) == (1, FILES, [])
    assert any("index.json" in note for _, note in report["warnings"]), report["warnings"]

    meta = json.loads(index.read_text(encoding="utf-8"))  # written back, naming segments that exist
    assert meta["segments"] and all((store / "keyword" / name / "text.bin").exists() for name in meta["segments"])
    assert_doctor_ok(store)
    assert_answers(store)
    assert_answers(store, "Which census recorded number 7777?", "7777", "extra.txt")


@pytest.mark.parametrize("then", ["ingest", "repair"])
@pytest.mark.slow
def test_deleted_keyword_folder(store, docs, then):
    shutil.rmtree(store / "keyword")

    result = ask(store)
    if result.exit_code == 0:  # re-indexed from Chroma's texts, in memory
        assert_answers(store)
    else:
        assert_damaged(result, store, "keyword")
    assert not (store / "keyword").exists()  # a reader writes nothing

    if then == "ingest":
        result = qa("ingest", docs, "--store", store, "--json")
        assert result.exit_code == 0, result.output
        report = json.loads(result.stdout)
        assert (report["unchanged"], report["failed"]) == (FILES, [])
    else:
        repair(store)
    assert (store / "keyword" / "index.json").exists()
    assert list((store / "keyword").glob("seg-*/text.bin"))
    assert_doctor_ok(store)
    assert_answers(store)


# -- Chroma -----------------------------------------------------------------------------------------
@pytest.mark.slow
def test_truncated_hnsw_index(store):
    data = next(store.glob("chroma/*/data_level0.bin"))
    truncate(data)
    run = qa_process  # until it is repaired, only a process of its own opens the damaged index

    assert_doctor_fails(store, "chroma", run=run)
    result = ask(store, run=run)
    if result.exit_code == 0:  # the keyword half may still find it; a wrong quote is not allowed
        assert_answers(store, run=run)
    else:
        assert_damaged(result, store, "chroma")

    result = repair(store, run=run)
    assert "vector index" in result.stdout and "re-embedded" in result.stdout, result.stdout
    assert_doctor_ok(store, run=run)
    assert_answers(store, run=run)
    assert collections(store) == {manifest(store)["collection"]}


@pytest.mark.slow
def test_deleted_chroma_database_repaired_by_doctor(store):
    (store / "chroma" / "chroma.sqlite3").unlink()

    assert_doctor_fails(store, "chroma")
    assert_damaged(ask(store), store, "chroma")
    result = repair(store)
    assert "re-embedded" in result.stdout, result.stdout
    assert_doctor_ok(store)
    assert_answers(store)


def test_ask_on_a_deleted_chroma_database_names_it_and_writes_nothing(store):
    """A reader must not create an empty database where the store's was lost (readers never
    write): that would turn "chroma.sqlite3 is missing" into a different, misleading damage."""
    (store / "chroma" / "chroma.sqlite3").unlink()

    assert_damaged(ask(store), store, "chroma", "chroma.sqlite3 is missing")
    assert not (store / "chroma" / "chroma.sqlite3").exists()
    assert_doctor_fails(store, "chroma", "chroma.sqlite3 is missing")


def test_deleted_chroma_database_repaired_by_plain_ingest(store, docs):
    (store / "chroma" / "chroma.sqlite3").unlink()

    result = qa("ingest", docs, "--store", store, "--json")
    assert result.exit_code == 0, result.output  # it used to say "unchanged" and repair nothing
    report = json.loads(result.stdout)
    assert (report["unchanged"], report["failed"]) == (FILES, [])
    assert any("re-embedded" in note for _, note in report["warnings"]), report["warnings"]
    assert_doctor_ok(store)
    assert_answers(store)


def test_truncated_chroma_database_is_moved_aside(store):
    truncate(store / "chroma" / "chroma.sqlite3", 100_000)

    assert_damaged(ask(store), store, "chroma")
    assert_doctor_fails(store, "chroma")
    result = repair(store)
    # and says why: what only that database held is lost with it
    assert re.search(r"could not be opened \(\S.*\); moved aside", result.stdout), result.stdout
    aside = list(store.glob("chroma.damaged-*"))
    assert len(aside) == 1 and aside[0].is_dir()
    assert (aside[0] / "chroma.sqlite3").stat().st_size == 100_000  # kept as it was, never deleted
    assert_doctor_ok(store)
    assert_answers(store)
    assert aside[0].exists()


@pytest.mark.slow
def test_document_lost_from_both_copies(store, docs):
    import chromadb
    from chromadb.api.client import SharedSystemClient

    key = next(k for k in manifest(store)["documents"] if k.endswith(ANSWER_FILE))
    ids = manifest(store)["documents"][key]["chunk_ids"]
    client = chromadb.PersistentClient(path=str(store / "chroma"))
    client.get_collection(manifest(store)["collection"]).delete(ids=ids)
    del client
    SharedSystemClient.clear_system_cache()
    truncate(segment_holding(store, ANSWER.encode()) / "text.bin")

    assert_damaged(ask(store), store)
    assert_doctor_fails(store)
    result = qa("doctor", "--repair", "--store", store)
    assert result.exit_code in (0, 1), result.output
    lines = result.stdout.splitlines()
    named = [line for line in lines if line.startswith("FAIL repair") and ANSWER_FILE in line]
    assert len(named) == 1, result.stdout  # the one lost document, named
    fix = lines[lines.index(named[0]) + 1].strip()
    assert fix.startswith("fix:") and "qa ingest " in fix and fix.endswith(ANSWER_FILE), result.stdout
    assert key not in manifest(store)["documents"]
    assert len(manifest(store)["documents"]) == FILES - 1

    assert_doctor_ok(store)
    result = ask(store)  # dropped, not quoted from what is left of it
    assert result.exit_code == 0, result.output
    data = json.loads(result.stdout)
    assert data["refused"] or ANSWER not in data["answer"], data

    result = qa("ingest", docs, "--store", store, "--json")
    assert result.exit_code == 0, result.output
    report = json.loads(result.stdout)
    assert (report["ingested"], report["unchanged"]) == (1, FILES - 1)
    assert_doctor_ok(store)
    assert_answers(store)
