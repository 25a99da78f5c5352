"""One bad file never costs the others (issue 16): per-file isolation in `qa ingest`, through the
real CLI and the real pipeline over a real Chroma store in temp dirs, with the instant hash
embedder. The only stand-in is an embedder subclass that refuses marked texts."""

from __future__ import annotations

import json
import os
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

from support.cli import invoke, qa_env
from qa.config import load_settings
from qa.embed import HashEmbedding
from qa.errors import EmbedError, QAError, StoreError
from qa.ingest.pipeline import FAILURES_TO_STOP, ingest
from qa.store import Store

HASH = {"QA_EMBED": "hash"}


def _qa(*args: str) -> tuple[int, dict | list | None, str]:
    """Run the CLI; return (exit code, parsed stdout when it is JSON, stderr)."""
    result = invoke(*args, env=HASH)
    try:
        data = json.loads(result.stdout)
    except ValueError:
        data = None
    return result.exit_code, data, result.stderr


def _ask(store: Path, question: str) -> dict:
    code, data, err = _qa("ask", "--json", "--store", str(store), question)
    assert code == 0, err
    return data


def _settings(store: Path, **extra) -> object:
    return load_settings({"store": str(store), "embed": "hash", **extra}, env={})


class Picky(HashEmbedding):
    """The hash embedder, except that it refuses any text holding `marker`, as an endpoint refuses
    an input; `refused` counts the refusals."""

    def __init__(self, marker: str, message: str = "embeddings endpoint failed: input rejected") -> None:
        super().__init__()
        self.marker, self.message, self.refused = marker, message, 0

    def _text(self, text: str) -> list[float]:
        if self.marker in text:
            self.refused += 1
            raise EmbedError(self.message)
        return super()._text(text)


# -- a file larger than one Chroma add --------------------------------------------------------

@pytest.mark.slow
def test_a_2mb_file_and_small_files_all_ingest(tmp_path):
    docs, store = tmp_path / "docs", tmp_path / "store"
    docs.mkdir()
    line = b"The council voted on the budget for the new school road.\n"
    (docs / "big.txt").write_bytes(line * (2_000_000 // len(line)))  # more chunks than Chroma takes in one add
    (docs / "kiwi.txt").write_text("The kiwi festival had nine floats.\n", encoding="utf-8")
    (docs / "heron.txt").write_text("The heron nested by the old mill pond.\n", encoding="utf-8")
    code, report, err = _qa("ingest", "--json", "--store", str(store), str(docs))
    assert code == 0, (err, report)
    assert (report["ingested"], report["failed"]) == (3, [])
    _, sources, _ = _qa("sources", "--json", "--store", str(store))
    assert sorted(Path(s["source"]).name for s in sources) == ["big.txt", "heron.txt", "kiwi.txt"]
    assert next(s for s in sources if s["source"].endswith("big.txt"))["chunks"] > 5461
    answer = _ask(store, "How many floats did the kiwi festival have?")
    assert "nine floats" in answer["answer"] and answer["citations"][0]["source"].endswith("kiwi.txt")


# -- a file name that is not UTF-8 ------------------------------------------------------------

def test_a_file_name_that_is_not_utf8_is_ingested_under_an_escaped_name(tmp_path):
    docs, store = tmp_path / "docs", tmp_path / "store"
    docs.mkdir()
    odd = docs / os.fsdecode(b"bad\xff.txt")
    odd.write_text("The heron nested by the old mill pond.\n", encoding="utf-8")
    (docs / "kiwi.txt").write_text("The kiwi festival had nine floats.\n", encoding="utf-8")
    (docs / "otter.txt").write_text("The otter swam under the stone bridge.\n", encoding="utf-8")
    code, report, err = _qa("ingest", "--json", "--store", str(store), str(docs))
    assert code == 0, err  # a warning, not a failure
    assert (report["ingested"], report["failed"]) == (3, [])
    [(where, note)] = report["warnings"]
    assert where.endswith("docs/bad\\xff.txt") and "not valid UTF-8" in note

    raw = (store / "manifest.json").read_bytes().decode("utf-8")  # strict: no lone surrogate reached it
    keys = list(json.loads(raw)["documents"])
    assert any(k.endswith("/docs/bad\\xff.txt") for k in keys)
    assert not any("\udcff" in k for k in keys)
    _, sources, _ = _qa("sources", "--json", "--store", str(store))
    assert {Path(s["source"]).name for s in sources} == {"bad\\xff.txt", "kiwi.txt", "otter.txt"}
    answer = _ask(store, "Where did the heron nest?")
    assert "mill pond" in answer["answer"] and answer["citations"][0]["source"].endswith("bad\\xff.txt")

    code, again, err = _qa("ingest", "--json", "--store", str(store), str(docs))
    assert code == 0, err
    assert (again["ingested"], again["unchanged"], again["failed"]) == (0, 3, [])

    text = invoke("ingest", "--store", store, odd, env=HASH)
    assert text.exit_code == 0 and "unchanged 1" in text.stdout


# -- a .jsonl file with bad lines -------------------------------------------------------------

def test_jsonl_good_lines_are_ingested_and_bad_lines_listed_as_file_and_line(tmp_path):
    docs, store = tmp_path / "docs", tmp_path / "store"
    docs.mkdir()
    records = docs / "records.jsonl"
    records.write_text("\n".join([
        json.dumps({"title": "Harbour", "text": "The ferry to the island leaves at seven."}),
        "{not json",
        json.dumps({"title": "Festival", "text": "The kiwi festival had nine floats."}),
        json.dumps({"title": "Empty"}),
        json.dumps({"title": "Odd \ud800", "text": "The otter colony counted 14 pups this spring.\ud800"}),
    ]) + "\n", encoding="utf-8")
    (docs / "allbad.jsonl").write_text('{"title": "x"}\n[1, 2]\n', encoding="utf-8")
    code, report, err = _qa("ingest", "--json", "--store", str(store), str(docs))
    assert code == 1, err
    failed = {Path(p).name: r for p, r in report["failed"]}
    assert failed.pop("records.jsonl:2").startswith("not valid JSON")
    assert failed.pop("records.jsonl:4") == 'missing or empty "text"'
    assert failed.pop("allbad.jsonl") == ('no good line; line 1: missing or empty "text" (and 1 more bad lines)')
    assert failed == {} and report["ingested"] == 1 and report["articles"] == 3
    for question, words in (("When does the ferry to the island leave?", "seven"),
                            ("How many floats did the kiwi festival have?", "nine floats"),
                            ("How many pups did the otter colony count?", "14 pups")):
        assert words in _ask(store, question)["answer"]
    (store / "manifest.json").read_bytes().decode("utf-8")  # a JSON "\ud800" became U+FFFD, not a lone surrogate

    code, again, _ = _qa("ingest", "--json", "--store", str(store), str(docs))
    assert code == 1  # the bad lines still count while the file is unchanged
    assert again["unchanged"] == 1 and sorted(Path(p).name for p, _ in again["failed"]) == [
        "allbad.jsonl", "records.jsonl:2", "records.jsonl:4"]


# -- failures while publishing ----------------------------------------------------------------

def _three(docs: Path) -> None:
    docs.mkdir()
    (docs / "a.txt").write_text("The ferry to the island leaves at seven.\n", encoding="utf-8")
    (docs / "b.txt").write_text("POISON: the embedder refuses this text.\n", encoding="utf-8")
    (docs / "c.txt").write_text("The kiwi festival had nine floats.\n", encoding="utf-8")


def test_an_embedder_error_for_one_document_costs_only_that_document(tmp_path):
    docs, store = tmp_path / "docs", tmp_path / "store"
    _three(docs)
    settings = _settings(store)
    report = ingest([docs], settings, embedder=Picky("POISON"))  # one batch holds all three
    assert [(Path(p).name, r) for p, r in report.failed] == [("b.txt", "embeddings endpoint failed: input rejected")]
    assert (report.ingested, report.articles, report.chunks) == (2, 2, 2)
    assert sorted(Path(d["source"]).name for d in Store.open(settings).documents.values()) == ["a.txt", "c.txt"]
    assert "nine floats" in _ask(store, "How many floats did the kiwi festival have?")["answer"]

    again = ingest([docs], settings)  # the embedder works again: the failed file is tried again
    assert (again.ingested, again.unchanged, again.failed) == (1, 2, [])


def test_strict_stops_at_the_document_the_embedder_refuses(tmp_path):
    docs = tmp_path / "docs"
    _three(docs)
    with pytest.raises(QAError, match=r"b\.txt: embeddings endpoint failed: input rejected \(stopped by --strict\)"):
        ingest([docs], _settings(tmp_path / "store"), embedder=Picky("POISON"), strict=True)


def test_an_embedder_that_keeps_failing_stops_the_run(tmp_path):
    docs, store = tmp_path / "docs", tmp_path / "store"
    docs.mkdir()
    for i in range(8):
        body = "DOWN" if i >= 2 else "fine"
        (docs / f"d{i}.txt").write_text(f"Report {i} about the harbour, {body}.\n", encoding="utf-8")
    settings = _settings(store, ingest_batch=1)  # one document a batch: the first two are published alone
    picky = Picky("DOWN", "embeddings endpoint failed: connection refused (http://127.0.0.1:9)")
    with pytest.raises(EmbedError, match=f"connection refused.*same failure for {FAILURES_TO_STOP} documents in a row"):
        ingest([docs], settings, embedder=picky)
    # Not once per remaining file: the failures in a row, and the one batch embedded ahead of them.
    assert picky.refused in (FAILURES_TO_STOP, FAILURES_TO_STOP + 1)
    assert sorted(Path(d["source"]).name for d in Store.open(settings).documents.values()) == ["d0.txt", "d1.txt"]


@pytest.mark.skipif(os.geteuid() != 0 or not shutil.which("mount"), reason="mounting a small tmpfs needs root")
def test_a_full_disk_stops_the_run_and_keeps_what_was_published(tmp_path):
    disk = tmp_path / "disk"
    disk.mkdir()
    if subprocess.run(["mount", "-t", "tmpfs", "-o", "size=4m", "tmpfs", str(disk)], capture_output=True).returncode:
        pytest.skip("cannot mount a tmpfs here")
    try:
        docs = tmp_path / "docs"
        docs.mkdir()
        for i in range(60):
            (docs / f"d{i:02d}.txt").write_text(
                "\n\n".join(f"Report {i}.{j}: the harbour board counted {i * 100 + j} ferries." for j in range(300)),
                encoding="utf-8")
        settings = _settings(disk / "store", ingest_batch=64)
        with pytest.raises(StoreError):
            ingest([docs], settings)
        subprocess.run(["mount", "-o", "remount,size=64m", str(disk)], check=True)
        kept = Store.open(settings).documents
        assert 0 < len(kept) < 60  # earlier batches stayed published; the run did not go on file by file
    finally:
        subprocess.run(["umount", "-l", str(disk)], check=False)


# -- a folder that cannot be listed -----------------------------------------------------------

def _without_root_powers() -> list[str] | None:
    """A command prefix under which mode bits bite: none needed for a normal user; for root, the
    capabilities that override them dropped (uid 0 keeps reaching the interpreter under /root)."""
    if os.geteuid() != 0:
        return []
    if not shutil.which("setpriv"):
        return None
    caps = "-dac_override,-dac_read_search"
    return ["setpriv", f"--bounding-set={caps}", f"--inh-caps={caps}"]


def test_an_unreadable_folder_is_reported_and_the_run_goes_on(tmp_path):
    prefix = _without_root_powers()
    if prefix is None:
        pytest.skip("running as root without setpriv: a mode-000 folder is still readable")
    docs, store = tmp_path / "docs", tmp_path / "store"
    (docs / "locked").mkdir(parents=True)
    (docs / "kiwi.txt").write_text("The kiwi festival had nine floats.\n", encoding="utf-8")
    (docs / "locked" / "hidden.txt").write_text("Text behind a locked door.\n", encoding="utf-8")
    os.chmod(docs / "locked", 0)
    env = qa_env(QA_EMBED="hash", QA_STORE=str(store))
    try:
        result = subprocess.run([*prefix, sys.executable, "-m", "qa.cli", "ingest", "--json", str(docs)],
                                env=env, capture_output=True, text=True, timeout=120)
    finally:
        os.chmod(docs / "locked", 0o755)
    assert result.returncode == 1, result.stderr
    report = json.loads(result.stdout)
    assert report["ingested"] == 1
    assert report["failed"] == [[str(docs / "locked"), "unreadable folder (Permission denied)"]]
