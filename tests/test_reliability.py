"""Bad input, killed ingests and concurrent use, through the real CLI in subprocesses and a real
Chroma store in temp dirs. Everything these tests read is generated here."""

from __future__ import annotations

import json
import os
import random
import signal
import subprocess
import time
from pathlib import Path

import pytest

from support.cli import run_qa, start_qa

from qa.config import load_settings
from qa.ingest.pipeline import ingest
from qa.lock import writer_lock
from qa.store import Store

def _env(store: Path, **extra: str) -> dict[str, str]:
    return {"QA_STORE": str(store), "QA_EMBED": "hash", **extra}


def _qa(args: list[str], store: Path, timeout: float = 120, **extra: str) -> subprocess.CompletedProcess:
    return run_qa(*args, env=_env(store, **extra), timeout=timeout)


def _fact(i: int) -> tuple[str, str]:
    """A one-article document holding a fact nothing else holds, and the question that finds it."""
    place = f"第{i}号仓库"
    return f"黑河口岸{place}的年吞吐量为{1000 + i}吨,编号{i}的仓库由本地企业运营。", f"黑河口岸{place}的年吞吐量是多少?"


def _write_facts(folder: Path, count: int, version: int = 0) -> None:
    folder.mkdir(parents=True, exist_ok=True)
    for i in range(count):
        text, _ = _fact(i)
        (folder / f"doc{i:04d}.txt").write_text(f"仓库报道{i}\n\n{text}版本{version}。", encoding="utf-8")


# -- a corpus of bad inputs ----------------------------------------------------------------------

def _bad_corpus(root: Path) -> dict[str, str]:
    """Write the corpus; return {file name: expected outcome} (ingested / skipped / failed)."""
    root.mkdir()
    outcome: dict[str, str] = {}

    def good(name: str, i: int, encode) -> None:
        text, _ = _fact(i)
        (root / name).write_bytes(encode(f"标题{i}\n\n{text}"))
        outcome[name] = "ingested"

    good("gbk.txt", 1, lambda t: t.encode("gbk"))
    good("gb18030.txt", 2, lambda t: (t + "𠀀").encode("gb18030"))
    good("utf16.txt", 3, lambda t: b"\xff\xfe" + t.encode("utf-16-le"))
    good("broken-utf8.txt", 4, lambda t: t.encode()[:30] + b"\xff\xfe\xfa" + t.encode()[30:])
    good("crlf.md", 5, lambda t: t.replace("\n", "\r\n").encode())
    good("cr.txt", 6, lambda t: t.replace("\n", "\r").encode())
    good("dup-a.txt", 7, str.encode)
    (root / "dup-b.txt").write_bytes((root / "dup-a.txt").read_bytes())
    outcome["dup-b.txt"] = "skipped"
    (root / "blank.txt").write_text("  \n\n \t\n", encoding="utf-8")
    outcome["blank.txt"] = "skipped"
    (root / "zero.md").write_bytes(b"")
    outcome["zero.md"] = "skipped"
    (root / "image.txt").write_bytes(b"\x89PNG\r\n\x1a\n" + os.urandom(2000))
    outcome["image.txt"] = "failed"
    (root / "archive.txt").write_bytes(b"PK\x03\x04" + os.urandom(2000))
    outcome["archive.txt"] = "failed"
    with (root / "huge.txt").open("wb") as f:
        line = ("大文件的内容重复很多次。" * 20 + "\n").encode()
        for _ in range(60_000_000 // len(line) + 1):
            f.write(line)
    outcome["huge.txt"] = "failed"
    os.symlink("loop.txt", root / "loop.txt")
    outcome["loop.txt"] = "skipped"  # a link, not a damaged file (issue 14)
    os.symlink(root / "missing.txt", root / "dangling.txt")
    outcome["dangling.txt"] = "failed"
    return outcome


def test_bad_inputs_are_reported_one_by_one_and_good_files_are_answerable(tmp_path):
    corpus = tmp_path / "corpus"
    expected = _bad_corpus(corpus)
    store = tmp_path / "store"
    result = _qa(["ingest", "--json", str(corpus)], store)
    assert result.returncode == 1, result.stderr
    assert "Traceback" not in result.stderr
    report = json.loads(result.stdout)
    counts = {k: sum(1 for v in expected.values() if v == k) for k in ("ingested", "skipped", "failed")}
    assert report["files"] == len(expected)
    assert (report["ingested"], len(report["skipped"]), len(report["failed"])) == (
        counts["ingested"], counts["skipped"], counts["failed"])
    reasons = {Path(p).name: r for p, r in report["failed"] + report["skipped"]}
    assert {n for n, v in expected.items() if v != "ingested"} == set(reasons)
    assert reasons["image.txt"] == "binary file (a PNG image)"
    assert reasons["archive.txt"] == "binary file (a ZIP archive)"
    assert reasons["huge.txt"].startswith("too large (60.0 MB; the limit is QA_MAX_FILE_MB=50)")
    assert reasons["loop.txt"] == "symlink loop"
    assert reasons["dangling.txt"].startswith("broken symlink")
    assert reasons["blank.txt"] == reasons["zero.md"] == "empty (no text)"
    assert reasons["dup-b.txt"].startswith("same content as") and reasons["dup-b.txt"].endswith("dup-a.txt")

    text_summary = _qa(["ingest", str(corpus)], store)
    assert text_summary.returncode == 1
    assert f"unchanged {counts['ingested'] + 1}" in text_summary.stdout  # the duplicate is unchanged too
    assert "failed image.txt" in text_summary.stderr.replace(str(corpus) + "/", "")

    sources = json.loads(_qa(["sources", "--json"], store).stdout)
    names = {Path(d["source"]).name for d in sources}
    assert {"dup-a.txt", "dup-b.txt"} <= names
    dup_b = next(d for d in sources if d["source"].endswith("dup-b.txt"))
    assert dup_b["chunks"] == 0 and dup_b["same_as"].endswith("dup-a.txt")

    settings = load_settings({"store": str(store), "embed": "hash"}, env={})
    from qa.ask import ask

    for name, i in (("gbk.txt", 1), ("gb18030.txt", 2), ("utf16.txt", 3), ("broken-utf8.txt", 4),
                    ("crlf.md", 5), ("cr.txt", 6), ("dup-a.txt", 7)):
        _, question = _fact(i)
        answer = ask(question, settings)
        assert not answer.refused, (name, answer)
        assert f"{1000 + i}吨" in answer.answer, (name, answer.answer)
        assert answer.citations[0].source.endswith(name)


@pytest.mark.skipif(os.geteuid() == 0, reason="running as root: a mode-000 file is still readable, so the case cannot occur")
def test_a_file_without_read_permission_is_reported(tmp_path):
    folder = tmp_path / "docs"
    _write_facts(folder, 2)
    os.chmod(folder / "doc0001.txt", 0)
    report = json.loads(_qa(["ingest", "--json", str(folder)], tmp_path / "store").stdout)
    assert report["ingested"] == 1
    assert [(Path(p).name, r) for p, r in report["failed"]] == [("doc0001.txt", "unreadable (Permission denied)")]


def test_strict_stops_at_the_first_failure(tmp_path):
    folder = tmp_path / "docs"
    _write_facts(folder, 3)
    (folder / "doc0001.txt").write_bytes(b"\x89PNG\r\n\x1a\n" + b"\x00" * 100)
    result = _qa(["ingest", "--strict", str(folder)], tmp_path / "store")
    assert result.returncode == 1
    assert result.stderr.strip().startswith("Error:") and "doc0001.txt: binary file" in result.stderr
    assert result.stderr.strip().count("\n") == 0


@pytest.mark.slow
def test_many_tiny_files_in_one_folder(tmp_path):
    folder = tmp_path / "tiny"
    folder.mkdir()
    for i in range(5000):
        (folder / f"t{i}.txt").write_text(f"第{i}条短讯。", encoding="utf-8")
    settings = load_settings({"store": str(tmp_path / "store"), "embed": "hash"}, env={})
    report = ingest([folder], settings)
    assert (report.files, report.ingested, len(report.failed)) == (5000, 5000, 0)
    store = Store.open(settings)
    assert len(store.documents) == 5000
    assert set(store.collection.get(include=[])["ids"]) == store.live_chunk_ids()


# -- kills -------------------------------------------------------------------------------------

def _fresh(store_dir: Path, since: float) -> int:
    """Documents published since `since` (the manifest is replaced atomically, so this read is safe)."""
    try:
        docs = json.loads((store_dir / "manifest.json").read_text(encoding="utf-8"))["documents"]
    except FileNotFoundError:
        return 0
    return sum(1 for d in docs.values() if d["ingested_at"] >= since)


def _consistent(store_dir: Path) -> int:
    """Check what a reader sees after a crash; return the number of published chunks."""
    settings = load_settings({"store": str(store_dir), "embed": "hash"}, env={})
    store = Store.open(settings)
    live = store.live_chunk_ids()
    if live:  # a run killed at once may leave an empty manifest and no Chroma database yet
        stored = set(store.collection.get(include=[])["ids"])
        assert live <= stored, "the manifest names chunks that Chroma does not hold"
    sources = json.loads(_qa(["sources", "--json"], store_dir).stdout)
    assert sum(d["chunks"] for d in sources) == len(live)
    return len(live)


@pytest.mark.slow
def test_ingest_killed_at_random_points_recovers_without_duplicates(tmp_path):
    rng = random.Random(20261125)
    folder = tmp_path / "docs"
    store = tmp_path / "store"
    count = 300
    _write_facts(folder, count, version=0)
    kills = partial = 0
    for version in range(1, 6):
        _write_facts(folder, count, version=version)  # every run has all files to re-ingest
        started = time.time()
        proc = start_qa("ingest", folder, env=_env(store, QA_INGEST_BATCH="20"), stdout=subprocess.DEVNULL,
                        stderr=subprocess.DEVNULL)
        # The first kill comes after a random delay (usually before anything is published); the
        # others once a random number of documents of this run are published, i.e. somewhere
        # inside the next batch: embedding, adding to Chroma, or writing the manifest.
        target = 0 if version == 1 else rng.randrange(1, count - 40)
        # (An ingest of these 300 files now takes ~2 s in all, so the first kill comes within 1.2 s.)
        deadline = started + (rng.uniform(0.3, 1.2) if version == 1 else 60)
        while proc.poll() is None and time.time() < deadline:
            if target and _fresh(store, started) >= target:
                break
            time.sleep(0.01)
        if proc.poll() is None:
            proc.send_signal(signal.SIGKILL)
            kills += 1
        proc.wait()
        if (store / "manifest.json").exists():
            _consistent(store)
            partial += 0 < _fresh(store, started) < count
            _, question = _fact(rng.randrange(count))
            asked = _qa(["ask", "--json", question], store)
            assert asked.returncode == 0, asked.stderr
            json.loads(asked.stdout)
    assert kills == 5, "an ingest finished before its kill"
    assert partial >= 3, "too few kills landed between two published batches"
    final = _qa(["ingest", str(folder)], store)
    assert final.returncode == 0, final.stderr
    published = _consistent(store)
    settings = load_settings({"store": str(store), "embed": "hash"}, env={})
    assert set(Store.open(settings).collection.get(include=[])["ids"]) == Store.open(settings).live_chunk_ids()

    clean = tmp_path / "clean"
    assert _qa(["ingest", str(folder)], clean).returncode == 0
    assert published == _consistent(clean)


# -- concurrent use ------------------------------------------------------------------------------

def test_second_writer_waits_or_fails_with_no_wait(tmp_path):
    folder = tmp_path / "docs"
    _write_facts(folder, 3)
    store = tmp_path / "store"
    with writer_lock(store):
        refused = _qa(["ingest", "--no-wait", str(folder)], store)
        assert refused.returncode == 1
        assert f"another ingest is running on {store} (pid {os.getpid()})" in refused.stderr
        waiting = start_qa("ingest", folder, env=_env(store))
        # Its notice says it found the lock taken; alive after it, it is waiting (no fixed sleep).
        told = next((line for line in iter(waiting.stderr.readline, "") if "another ingest" in line), "")
        assert f"another ingest is running (pid {os.getpid()}); waiting" in told, told
        time.sleep(0.5)  # a few of its polls
        assert waiting.poll() is None, "the second writer did not wait for the lock"
    out, err = waiting.communicate(timeout=60)
    assert waiting.returncode == 0, err
    assert "ingested 3" in out


@pytest.mark.slow
def test_two_ingests_at_once_and_asks_during_ingest(tmp_path):
    store = tmp_path / "store"
    first, second = tmp_path / "a", tmp_path / "b"
    _write_facts(first, 400)
    second.mkdir()
    (second / "other.txt").write_text("另一篇\n\n石家庄新华区华强广场可创造1000个就业岗位。", encoding="utf-8")
    assert _qa(["ingest", str(second)], store).returncode == 0  # readers need a store to read
    procs = [start_qa("ingest", folder, env=_env(store)) for folder in (first, second)]
    asked = 0
    while procs[0].poll() is None or asked < 2:
        result = _qa(["ask", "--json", "华强广场可以创造多少个就业岗位?"], store)
        assert result.returncode == 0, result.stderr
        assert "1000" in json.loads(result.stdout)["answer"]
        asked += 1
    for proc in procs:
        out, err = proc.communicate(timeout=120)
        assert proc.returncode == 0, err
    _consistent(store)
    settings = load_settings({"store": str(store), "embed": "hash"}, env={})
    assert len(Store.open(settings).documents) == 401
