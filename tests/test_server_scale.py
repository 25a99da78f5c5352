"""A Chroma server behind a token, and what one question costs it (issue 13).

A small HTTP proxy on 127.0.0.1 stands in front of a real `chroma run` (the conftest
`chroma_server`): it forwards every request (method, path, headers, body), records each, and
answers 401 to a request without `Authorization: Bearer <token>`, as a Chroma server with token
auth, or a gateway in front of one, does. Through it:
- QA_CHROMA_TOKEN reaches the server on every request of `qa ingest` and `qa ask`;
- a wrong or missing token is one plain error line that does not repeat the token;
- `qa ask` never fetches a whole collection: no `count`, no `get` without ids.

Run:

    .venv/bin/python -m pytest -q -p no:cacheprovider tests/test_server_scale.py -s   # -s prints the request count
"""

from __future__ import annotations

import http.client
import json
import threading
from dataclasses import dataclass, field
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path
from typing import Any
from urllib.parse import urlparse

import pytest

from support.cli import run_qa
from support.reports import write_corpus

TOKEN = "chroma-secret-7f3a9c"
WRONG = "chroma-wrong-5b21e8"
QUESTION = "广州第41号报道第1段的工程今年完成投资多少?"
HOP_BY_HOP = {"connection", "keep-alive", "transfer-encoding", "content-length", "host"}


@dataclass
class Recorded:
    method: str
    path: str
    headers: dict[str, str]  # names lower-cased
    body: Any


@dataclass
class ChromaProxy:
    upstream: str  # http://host:port of the Chroma server
    token: str = ""  # when set, requests must carry `Authorization: Bearer <token>`
    requests: list[Recorded] = field(default_factory=list)
    port: int = 0
    lock: threading.Lock = field(default_factory=threading.Lock)

    @property
    def url(self) -> str:
        return f"http://127.0.0.1:{self.port}"

    def take(self) -> list[Recorded]:
        """The requests recorded since the last call."""
        with self.lock:
            taken, self.requests = self.requests, []
        return taken


class _Forward(BaseHTTPRequestHandler):
    protocol_version = "HTTP/1.1"  # the chromadb client keeps connections alive
    disable_nagle_algorithm = True
    proxy: ChromaProxy

    def log_message(self, *args: Any) -> None:
        pass

    def _handle(self) -> None:
        length = int(self.headers.get("Content-Length") or 0)
        raw = self.rfile.read(length) if length else b""
        try:
            body = json.loads(raw) if raw else None
        except ValueError:
            body = raw
        headers = {k.lower(): v for k, v in self.headers.items()}
        with self.proxy.lock:
            self.proxy.requests.append(Recorded(self.command, self.path, headers, body))
        if self.proxy.token and headers.get("authorization") != f"Bearer {self.proxy.token}":
            return self._reply(401, {}, json.dumps({"error": "AuthorizationError", "message": "Unauthorized"}).encode(),
                               content_type="application/json")
        up = urlparse(self.proxy.upstream)
        conn = http.client.HTTPConnection(up.hostname, up.port, timeout=60)
        try:
            conn.request(self.command, self.path, body=raw or None,
                         headers={k: v for k, v in self.headers.items() if k.lower() not in HOP_BY_HOP})
            resp = conn.getresponse()
            data = resp.read()
            self._reply(resp.status, {k: v for k, v in resp.getheaders() if k.lower() not in HOP_BY_HOP}, data)
        finally:
            conn.close()

    def _reply(self, status: int, headers: dict[str, str], data: bytes, content_type: str | None = None) -> None:
        self.send_response(status)
        for k, v in headers.items():
            self.send_header(k, v)
        if content_type:
            self.send_header("Content-Type", content_type)
        self.send_header("Content-Length", str(len(data)))
        self.end_headers()
        self.wfile.write(data)

    do_GET = do_POST = do_PUT = do_DELETE = do_PATCH = _handle


@pytest.fixture(scope="module")
def proxy(chroma_server):
    state = ChromaProxy(upstream=chroma_server, token=TOKEN)
    handler = type("Forward", (_Forward,), {"proxy": state})
    httpd = ThreadingHTTPServer(("127.0.0.1", 0), handler)
    httpd.daemon_threads = True
    state.port = httpd.server_address[1]
    threading.Thread(target=httpd.serve_forever, kwargs={"poll_interval": 0.05}, daemon=True).start()
    yield state
    httpd.shutdown()
    httpd.server_close()


def _env(proxy: ChromaProxy, token: str | None = TOKEN) -> dict[str, str]:
    env = {"QA_CHROMA_URL": proxy.url, "QA_EMBED": "hash"}
    return {**env, "QA_CHROMA_TOKEN": token} if token is not None else env


@pytest.fixture(scope="module")
def built(proxy, tmp_path_factory) -> tuple[Path, list[Recorded]]:
    """A store of a few hundred chunks on the server, ingested through the proxy with the token;
    returns it and the requests that ingest made."""
    root = tmp_path_factory.mktemp("server-scale")
    write_corpus(root / "docs")
    proxy.take()
    result = run_qa("ingest", "--json", "--store", str(root / "store"), str(root / "docs"), env=_env(proxy))
    assert result.returncode == 0, result.stderr
    assert json.loads(result.stdout)["chunks"] > 200
    return root / "store", proxy.take()


def _carries_token(requests: list[Recorded]) -> bool:
    return bool(requests) and all(r.headers.get("authorization") == f"Bearer {TOKEN}" for r in requests)


def test_the_token_goes_with_every_request(proxy, built):
    store, ingest_requests = built
    assert _carries_token(ingest_requests)
    assert any(r.path.endswith("/upsert") for r in ingest_requests), "the chunks went through the proxy"

    asked = run_qa("ask", "--json", "--store", str(store), QUESTION, env=_env(proxy))
    assert asked.returncode == 0, asked.stderr
    data = json.loads(asked.stdout)
    assert any("广州第41号报道第1段" in c["text"] for c in data["citations"] + data["passages"])
    assert _carries_token(proxy.take())


@pytest.mark.parametrize("token", [WRONG, None], ids=["wrong", "missing"])
@pytest.mark.parametrize("command", ["ask", "ingest"])
def test_a_rejected_token_is_one_line_without_the_token(proxy, built, tmp_path, command, token):
    store, _ = built
    docs = tmp_path / "docs"
    docs.mkdir()
    (docs / "note.txt").write_text("一份资料\n\n黑河口岸第9号仓库的年吞吐量为1009吨。", encoding="utf-8")
    args = ["ask", "--store", str(store), QUESTION] if command == "ask" else \
        ["ingest", "--store", str(tmp_path / "new"), str(docs)]
    result = run_qa(*args, env=_env(proxy, token))
    proxy.take()
    assert result.returncode == 1, result.stdout + result.stderr
    err = result.stderr.strip()
    assert err.startswith("Error:") and "\n" not in err and "Traceback" not in err, err
    assert proxy.url in err and "QA_CHROMA_TOKEN" in err, "the line names the server and the setting to check"
    for secret in (TOKEN, WRONG):
        assert secret not in result.stdout + result.stderr


def _whole_collection_reads(requests: list[Recorded]) -> list[str]:
    """Requests that read a collection whole: `count`, or `get` without ids."""
    out = []
    for r in requests:
        path = r.path.split("?")[0]
        if path.endswith("/count") or path.endswith("/collections_count"):
            out.append(f"{r.method} {path}")
        elif path.endswith("/get") and not (isinstance(r.body, dict) and r.body.get("ids")):
            out.append(f"{r.method} {path} {json.dumps(r.body)[:120]}")
    return out


def test_a_question_reads_no_whole_collection(proxy, built):
    store, _ = built
    proxy.take()
    asked = run_qa("ask", "--json", "--store", str(store), QUESTION, env=_env(proxy))
    assert asked.returncode == 0, asked.stderr
    requests = proxy.take()
    assert _whole_collection_reads(requests) == []
    queries = [r for r in requests if r.path.split("?")[0].endswith("/query")]
    assert len(queries) == 1, "one dense search per question"
    print(f"\none question cost {len(requests)} requests to the Chroma server:")
    for r in requests:
        print(f"  {r.method} {r.path}")
