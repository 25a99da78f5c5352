"""`qa doctor` against a real store and the scripted OpenAI-compatible server."""

from __future__ import annotations

import json

import pytest

from support import SEEDS
from support.cli import invoke, spawn_qa
from openai_server import closed_port
from qa.doctor import _hint as doctor_hint
from qa.doctor import diagnose

KEY = "sk-doctor-SECRET-0a1b2c3d4e5f6a7b"


@pytest.fixture(autouse=True)
def cache_folder(tmp_path, monkeypatch):
    """A cache folder of the test's own: the user's may hold stale indexes, and the cache check would warn."""
    monkeypatch.setenv("QA_CACHE_DIR", str(tmp_path / "cache"))


def env_for(server_url: str, store, **extra: str) -> dict[str, str]:
    return {"QA_STORE": str(store), "QA_EMBED": "hash", "OPENAI_BASE_URL": server_url, "OPENAI_API_KEY": KEY,
            "QA_LLM_MODEL": "test-model", "QA_LLM_TIMEOUT": "30", **extra}


def statuses(checks) -> dict[str, str]:
    return {c.name: c.status for c in checks}


def doctor(env: dict[str, str], *args: str):
    result = invoke("doctor", *args, env=env)
    assert "Traceback" not in result.output and KEY not in result.output
    return result


def test_everything_ok(openai_server, hash_store):
    openai_server.api_key = KEY
    result = doctor(env_for(openai_server.url, hash_store), "--json")
    assert result.exit_code == 0, result.output
    checks = {c["name"]: c for c in json.loads(result.stdout)}
    assert {n: c["status"] for n, c in checks.items()} == {
        "config": "ok", "store": "ok", "embedder": "ok", "cache": "ok", "models": "ok", "chat": "ok"}
    assert "****" in checks["config"]["detail"]  # the key is masked, not absent from the report
    chat = openai_server.chat_requests()
    assert len(chat) == 1 and chat[0].body["max_tokens"] == 1
    assert any(r.path == "/v1/models" for r in openai_server.requests)


def test_text_output_names_each_check(openai_server, hash_store):
    result = doctor(env_for(openai_server.url, hash_store))
    assert result.exit_code == 0
    for line in ("OK   config", "OK   store", "OK   embedder", "OK   cache", "OK   models", "OK   chat"):
        assert line in result.stdout


def test_a_model_the_server_does_not_serve(openai_server, hash_store):
    result = doctor(env_for(openai_server.url, hash_store, QA_LLM_MODEL="gpt-nope"), "--json")
    assert result.exit_code == 1
    checks = {c["name"]: c for c in json.loads(result.stdout)}
    assert checks["models"]["status"] == "warn" and "test-model" in checks["models"]["detail"]
    assert checks["chat"]["status"] == "fail" and "404" in checks["chat"]["detail"]
    assert "QA_LLM_MODEL" in checks["chat"]["hint"]


def test_a_wrong_key_fails_without_showing_it(openai_server, hash_store):
    openai_server.api_key = "sk-the-right-key-123456789"
    result = doctor(env_for(openai_server.url, hash_store))
    assert result.exit_code == 1
    assert "FAIL models" in result.stdout and "FAIL chat" in result.stdout and "401" in result.stdout
    assert "fix: set OPENAI_API_KEY" in result.stdout


def test_nothing_listening(hash_store):
    url = f"http://127.0.0.1:{closed_port()}/v1"
    result = doctor(env_for(url, hash_store))
    assert result.exit_code == 1
    assert f"OPENAI_BASE_URL {url} refused the connection" in result.stdout
    assert "fix: start the server or correct OPENAI_BASE_URL" in result.stdout


def test_no_model_configured_skips_the_endpoint(hash_settings, hash_store):
    checks = diagnose(hash_settings)
    assert statuses(checks) == {"config": "ok", "store": "ok", "embedder": "ok", "cache": "ok", "endpoint": "skip"}


def test_missing_store_and_wrong_embedder(tmp_path, hash_store):
    result = doctor({"QA_STORE": str(tmp_path / "nowhere"), "QA_EMBED": "hash"}, "--json")
    checks = {c["name"]: c for c in json.loads(result.stdout)}
    assert result.exit_code == 1 and checks["store"]["status"] == "fail"
    assert "qa ingest" in checks["store"]["hint"]
    # The store was built with the hash embedder; a remote embedder with other vectors is refused.
    srv_env = {"QA_STORE": str(hash_store), "QA_EMBED": "openai", "OPENAI_BASE_URL": "http://127.0.0.1:9/v1"}
    checks = {c["name"]: c for c in json.loads(doctor(srv_env, "--json").stdout)}
    assert checks["embedder"]["status"] == "fail" and "refused the connection" in checks["embedder"]["detail"]


def test_remote_embedder_through_the_scripted_server(openai_server, hash_store, tmp_path):
    from qa.config import load_settings
    from qa.ingest.pipeline import ingest

    settings = load_settings({"store": str(tmp_path / "remote"), "embed": "openai",
                              "openai_base_url": openai_server.url}, env={})
    assert ingest([SEEDS], settings).ingested == 1
    assert statuses(diagnose(settings))["embedder"] == "ok"
    assert any(r.path == "/v1/embeddings" for r in openai_server.requests)


def test_a_bad_setting_is_the_first_failure(hash_store):
    result = doctor({"QA_STORE": str(hash_store), "QA_TOP_K": "many"})
    assert result.exit_code == 1 and "FAIL config" in result.stdout
    assert "QA_TOP_K=many: must be a whole number" in result.stdout


def test_store_consistency_after_an_interrupted_ingest(hash_settings, hash_store, tmp_path):
    import shutil

    from qa.ingest.chunk import chunk_article
    from qa.store import KEYWORD_DIR, Store
    from qa.types import Article

    # What a killed ingest leaves behind: chunks added to Chroma that no manifest entry names.
    store = Store.open(hash_settings)
    nodes = chunk_article(Article(id="crashed-0", title="未发布", text="这段文字从未发布。", source="x.txt"))
    for node in nodes:
        node.embedding = [0.1] * 256
    store.add_chunks(nodes)
    shutil.rmtree(hash_store / KEYWORD_DIR)
    checks = {c.name: c for c in diagnose(hash_settings)}
    assert checks["store"].status == "warn"
    assert f"{len(nodes)} unpublished chunks" in checks["store"].detail
    assert "not yet in the keyword index" in checks["store"].detail and " 0 chunks not yet" not in checks["store"].detail

    from qa.ingest.pipeline import ingest

    ingest([SEEDS], hash_settings)  # unchanged files, but the writer cleans up and re-indexes
    checks = {c.name: c for c in diagnose(hash_settings)}
    assert checks["store"].status == "ok", checks["store"].detail
    assert Store.open(hash_settings).inspect()["orphans"] == 0


def test_a_missing_store_is_said_once_with_one_fix(tmp_path):
    result = doctor({"QA_STORE": str(tmp_path / "nowhere"), "QA_EMBED": "hash"})
    lines = result.stdout.splitlines()
    store = [i for i, line in enumerate(lines) if line.startswith("FAIL store")]
    assert result.exit_code == 1 and len(store) == 1
    assert lines[store[0]] == f"FAIL store     no store at {tmp_path / 'nowhere'}"
    assert lines[store[0] + 1].strip() == "fix: build it: qa ingest PATH (e.g. qa ingest seeds/)"
    assert result.stdout.count("qa ingest PATH") == 1
    # Every failed check has exactly one fix line under it.
    for i, line in enumerate(lines):
        if line.startswith("FAIL"):
            assert lines[i + 1].lstrip().startswith("fix: ") and not lines[i + 2].lstrip().startswith("fix: ")


@pytest.mark.slow
def test_each_check_is_printed_as_it_finishes(openai_server, hash_store):
    """The endpoint hangs for seconds; the config and store lines are on screen before it answers."""
    import time

    import pexpect

    openai_server.hang(4)  # /v1/models waits; the doctor's one attempt times out (QA_LLM_TIMEOUT=2)
    child = spawn_qa("doctor", env={**env_for(openai_server.url, hash_store, QA_LLM_TIMEOUT="2"), "NO_COLOR": "1",
                                    "COLUMNS": "200"})
    started = time.perf_counter()
    child.expect_exact("OK   store")
    store_seen = time.perf_counter() - started
    child.expect(pexpect.EOF)
    child.close()
    finished = time.perf_counter() - started
    assert "models" in child.before or "chat" in child.before
    assert finished - store_seen > 1.5, (store_seen, finished)


@pytest.mark.parametrize("message, wanted", [
    ("the LLM endpoint http://127.0.0.1:40103/v1 answered 404: The model `gpt-nope` does not exist", "QA_LLM_MODEL"),
    ("the LLM endpoint http://127.0.0.1:40401/v1 answered 404: no such model", "QA_LLM_MODEL"),
    ("the LLM endpoint http://127.0.0.1:8000/v1 answered 401: invalid key", "OPENAI_API_KEY"),
    ("the LLM endpoint http://127.0.0.1:42900/v1 answered 404: no route", "QA_LLM_MODEL"),
    ("the LLM endpoint http://127.0.0.1:8000/v1 answered 429: slow down", "wait"),
])
def test_a_hint_reads_the_status_not_a_port_holding_its_digits(message, wanted):
    # a random test port (40103) holds "401": read as a wrong key, the 404's hint was lost (a CI flake)
    assert wanted in doctor_hint(message)
