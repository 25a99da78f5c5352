"""Remote embeddings at scale: `OpenAICompatibleEmbedding` keeps up to QA_EMBED_CONCURRENCY
requests of at most QA_EMBED_BATCH texts in flight, returns the vectors in input order whatever
order they arrive in, survives a failed request through the openai client's retries, rejects a
reply whose `index` fields do not match its inputs, and `qa ingest` with QA_EMBED=openai lands
every document but the one the endpoint refuses.

Everything goes over HTTP, through the real `openai` client, to the scripted server in
tests/openai_server.py (its docstring lists the knobs used here). Run:

    .venv/bin/python -m pytest -q -p no:cacheprovider tests/test_embed_remote.py
"""

from __future__ import annotations

import json
import subprocess
import time
from collections import Counter
from pathlib import Path

import pytest

from openai_server import RESET, _embedding
from support.cli import run_qa
from qa.config import load_settings
from qa.embed import OpenAICompatibleEmbedding, make_embedder
from qa.errors import EmbedError

TEXTS = [f"第{i}段文字:黑河口岸第{i}号仓库的年吞吐量为{1000 + i}吨。" for i in range(50)]
BATCH = 4
CALLS = -(-len(TEXTS) // BATCH)  # 13 requests of at most 4 texts


def _embedder(server, concurrency: int = 3, batch: int = BATCH) -> OpenAICompatibleEmbedding:
    return OpenAICompatibleEmbedding(api_key="sk-test", model_name="test-embed", base_url=server.url,
                                     embed_batch_size=batch, concurrency=concurrency)


def _expected(server, texts=TEXTS) -> list[list[float]]:
    return [_embedding(t, server.embed_dim) for t in texts]


def _sent(server) -> list[list[str]]:
    return [r.inputs for r in server.embedding_requests()]


def _hold_until_full(server, concurrency: int, calls: int, patience: float = 10.0):
    """An `embed_delay` that keeps each request open until `concurrency` are in flight (or every one
    of the `calls` requests has arrived), so the most in flight is the client's bound, not a race
    between a fixed delay and a busy machine (a 0.15 s delay saw 3 of 4 under load). A client that
    sends too many shows more; one that holds back leaves the wait to end at `patience`."""
    def delay(_inputs) -> float:
        end = time.monotonic() + patience
        while time.monotonic() < end:
            if server.embed_in_flight >= concurrency or len(server.embedding_requests()) >= calls:
                break
            time.sleep(0.005)
        return 0.01
    return delay


# -- order, batches and the bound on requests in flight ---------------------------------------------

def test_vectors_come_back_in_input_order(openai_server):
    # Later requests often answer first (shorter delays) and every reply lists its data backwards.
    openai_server.embed_delay = lambda inputs: 0.03 * (sum(map(ord, inputs[0])) % 5)
    openai_server.embed_data = "reversed"
    vectors = _embedder(openai_server).get_text_embedding_batch(TEXTS)
    assert vectors == _expected(openai_server)
    assert len(set(map(tuple, vectors))) == len(TEXTS), "the scripted vectors must tell the texts apart"


@pytest.mark.parametrize("concurrency", [1, 3])
def test_requests_in_flight_never_exceed_the_concurrency(openai_server, concurrency):
    openai_server.embed_delay = _hold_until_full(openai_server, concurrency, CALLS)
    assert _embedder(openai_server, concurrency).get_text_embedding_batch(TEXTS) == _expected(openai_server)
    assert openai_server.embed_max_in_flight == concurrency
    sent = _sent(openai_server)
    assert len(sent) == CALLS and all(1 <= len(part) <= BATCH for part in sent)
    assert Counter(t for part in sent for t in part) == Counter(TEXTS), "every text sent exactly once"


@pytest.mark.parametrize("env, texts, concurrency, batch", [
    ({"QA_EMBED_CONCURRENCY": "2", "QA_EMBED_BATCH": "3"}, TEXTS[:12], 2, 3),
    ({}, TEXTS * 3, 4, 32),  # the defaults: 5 requests, enough to fill 4 slots
])
def test_make_embedder_passes_batch_and_concurrency(openai_server, env, texts, concurrency, batch):
    settings = load_settings({"embed": "openai"}, env={"OPENAI_BASE_URL": openai_server.url, **env})
    openai_server.embed_delay = _hold_until_full(openai_server, concurrency, -(-len(texts) // batch))
    assert make_embedder(settings).get_text_embedding_batch(texts) == _expected(openai_server, texts)
    assert openai_server.embed_max_in_flight == concurrency
    assert max(len(part) for part in _sent(openai_server)) == batch


def test_fewer_requests_than_the_concurrency(openai_server):
    openai_server.embed_delay = _hold_until_full(openai_server, 8, 2)
    assert _embedder(openai_server, concurrency=8).get_text_embedding_batch(TEXTS[:6]) == \
        _expected(openai_server, TEXTS[:6])
    assert len(_sent(openai_server)) == 2 and openai_server.embed_max_in_flight == 2


# -- failures -----------------------------------------------------------------------------------

@pytest.mark.parametrize("status", [500, 429, RESET])
def test_a_failed_request_is_retried(openai_server, status):
    openai_server.embed_delay = 0.05
    openai_server.fail_embeddings(status, times=1)
    assert _embedder(openai_server).get_text_embedding_batch(TEXTS) == _expected(openai_server)
    sent = _sent(openai_server)
    assert len(sent) == CALLS + 1
    # The failed request's texts were sent twice, every other text once.
    counts = Counter(t for part in sent for t in part)
    assert set(counts) == set(TEXTS)
    assert [t for t in TEXTS if counts[t] == 2] in sent and set(counts.values()) == {1, 2}


def test_a_batch_that_always_fails_is_one_line_naming_the_endpoint(openai_server):
    openai_server.reject_embeddings(TEXTS[21], status=500)
    with pytest.raises(EmbedError) as caught:
        _embedder(openai_server).get_text_embedding_batch(TEXTS)
    message = str(caught.value)
    assert openai_server.url in message and "500" in message
    assert "\n" not in message and "Traceback" not in message
    # The openai client's own retries (max_retries=2): three tries of the failing batch.
    assert sum(TEXTS[21] in part for part in _sent(openai_server)) == 3


@pytest.mark.parametrize("data", ["duplicate_index", "short", "long"])
def test_a_reply_whose_indices_do_not_match_its_inputs_is_refused(openai_server, data):
    openai_server.embed_data = data
    with pytest.raises(EmbedError, match="embeddings endpoint .*returned"):
        _embedder(openai_server).get_text_embedding_batch(TEXTS)


# -- through qa ingest ----------------------------------------------------------------------------

CITIES = ["北京", "上海", "广州", "深圳", "杭州", "南京", "成都", "武汉", "西安", "重庆"]
PLACES = ["图书馆", "博物馆", "体育馆"]
MARKER = "拒收标记"


def _corpus(folder: Path) -> list[tuple[str, str, str]]:
    """30 one-article files, each about one place, two chunks each; returns (file, question, number)."""
    folder.mkdir()
    made = []
    for i, (city, place) in enumerate((c, p) for p in PLACES for c in CITIES):
        number = str(3000 + 37 * i)
        name = f"{i:02d}.txt"
        first = f"{city}{place}去年全年接待读者和游客{number}人次,创下开馆以来的最高纪录。" * 6
        second = f"{city}{place}位于市中心,周边交通便利,{city}市民常在周末前来参观学习。" * 6
        (folder / name).write_text(f"{city}{place}的新纪录\n\n{first}\n\n{second}", encoding="utf-8")
        made.append((name, f"{city}{place}去年接待了多少人次?", number))
    return made


def _qa(args: list[str], server, store: Path, **extra: str) -> subprocess.CompletedProcess:
    """`qa ARGS` on `store`, embedding through the scripted server `server`."""
    return run_qa(*args, env={"QA_STORE": str(store), "QA_EMBED": "openai", "QA_EMBED_MODEL": "test-embed",
                              "OPENAI_BASE_URL": server.url, "OPENAI_API_KEY": "sk-test", "QA_EMBED_BATCH": "4",
                              "QA_EMBED_CONCURRENCY": "3", "QA_INGEST_BATCH": "16", **extra})


def _sources(server, store: Path) -> dict[str, int]:
    result = _qa(["sources", "--json"], server, store)
    assert result.returncode == 0, result.stderr
    return {Path(d["source"]).name: d["chunks"] for d in json.loads(result.stdout)}


@pytest.mark.slow
def test_ingest_with_remote_embeddings_lands_every_document(tmp_path, openai_server):
    made = _corpus(tmp_path / "docs")
    openai_server.embed_delay = 0.05
    result = _qa(["ingest", "--json", str(tmp_path / "docs")], openai_server, tmp_path / "store")
    assert result.returncode == 0, result.stderr
    report = json.loads(result.stdout)
    assert report["ingested"] == len(made) and not report["failed"]
    chunks = _sources(openai_server, tmp_path / "store")
    assert set(chunks) == {name for name, _, _ in made} and all(n >= 2 for n in chunks.values())
    assert report["chunks"] == sum(chunks.values()) > 3 * 16, "several ingest batches, of 4 requests each"
    assert 1 < openai_server.embed_max_in_flight <= 3

    name, question, number = made[17]
    asked = _qa(["ask", "--json", question], openai_server, tmp_path / "store")
    assert asked.returncode == 0, asked.stderr
    data = json.loads(asked.stdout)
    found = [p for p in data["citations"] + data["passages"] if Path(p["source"]).name == name]
    assert found and any(number in p["text"] for p in found)


@pytest.mark.slow
def test_a_file_the_endpoint_rejects_fails_alone(tmp_path, openai_server):
    made = _corpus(tmp_path / "docs")
    bad = tmp_path / "docs" / "15-bad.txt"  # sorted among the others, inside a batch with good files
    bad.write_text(f"被拒收的文件\n\n这份文件含有{MARKER},嵌入服务每次都拒绝它。" * 3, encoding="utf-8")
    openai_server.reject_embeddings(MARKER, status=400)
    result = _qa(["ingest", "--json", str(tmp_path / "docs")], openai_server, tmp_path / "store")
    assert result.returncode == 1, result.stderr
    report = json.loads(result.stdout)
    assert [Path(source).name for source, _ in report["failed"]] == [bad.name]
    reason = report["failed"][0][1]
    assert openai_server.url in reason and "400" in reason and "\n" not in reason
    assert report["ingested"] == len(made)
    assert set(_sources(openai_server, tmp_path / "store")) == {name for name, _, _ in made}

    # Without --json, the failure is listed with its reason, and no traceback.
    again = _qa(["ingest", str(tmp_path / "docs")], openai_server, tmp_path / "store")
    assert again.returncode == 1 and bad.name in again.stdout + again.stderr
    assert "Traceback" not in again.stderr


@pytest.mark.parametrize("batch", ["16", "1"], ids=["same-batch", "later-batch"])
@pytest.mark.slow
def test_a_copy_of_a_rejected_file_fails_with_it(tmp_path, openai_server, batch):
    """A duplicate is stored as a pointer to its original; when the original cannot be stored,
    the copy must not point at nothing (listed, but its text nowhere): it fails too, and the next
    ingest tries both again."""
    made = _corpus(tmp_path / "docs")
    text = f"被拒收的文件\n\n这份文件含有{MARKER},嵌入服务每次都拒绝它。" * 3
    for name in ("15-bad.txt", "15-copy.txt"):  # next to each other: queued before the first fails
        (tmp_path / "docs" / name).write_text(text, encoding="utf-8")
    openai_server.reject_embeddings(MARKER, status=400)
    result = _qa(["ingest", "--json", str(tmp_path / "docs")], openai_server, tmp_path / "store",
                 QA_INGEST_BATCH=batch)
    assert result.returncode == 1, result.stderr
    report = json.loads(result.stdout)
    failed = {Path(source).name: reason for source, reason in report["failed"]}
    assert set(failed) == {"15-bad.txt", "15-copy.txt"}, report
    bad = next(s for s, _ in report["failed"] if s.endswith("15-bad.txt"))
    assert failed["15-copy.txt"] == f"same content as {bad}, which could not be stored"
    assert not [s for s, _ in report["skipped"] if Path(s).name == "15-copy.txt"], report["skipped"]
    listed = _qa(["sources", "--json"], openai_server, tmp_path / "store")
    rows = {Path(d["source"]).name: d for d in json.loads(listed.stdout)}
    assert set(rows) == {name for name, _, _ in made}, sorted(rows)

    # Once the endpoint takes the text, the next ingest stores the original and points the copy at it.
    openai_server.embed_rejects.clear()
    again = _qa(["ingest", "--json", str(tmp_path / "docs")], openai_server, tmp_path / "store")
    assert again.returncode == 0, again.stderr
    rows = {Path(d["source"]).name: d for d in json.loads(_qa(["sources", "--json"], openai_server,
                                                                tmp_path / "store").stdout)}
    assert rows["15-bad.txt"]["chunks"] >= 1 and Path(rows["15-copy.txt"]["same_as"]).name == "15-bad.txt"
