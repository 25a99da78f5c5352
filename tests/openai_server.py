"""A small scripted OpenAI-compatible server for tests: the real `openai` client talks HTTP to it.

It runs `http.server` in a thread on 127.0.0.1 with a free port and implements

    GET  /v1/models              the names in `server.models`
    POST /v1/chat/completions    JSON, or SSE when the request says "stream": true
    POST /v1/embeddings          deterministic vectors derived from the text

Every request is recorded in `server.requests` (method, path, headers, parsed JSON body).
Chat replies follow a script: each call to `reply`/`fail`/`cut_stream`/`invalid_json`/
`invalid_sse`/`hang`/`trickle` queues one step that answers the next chat request; when the queue
is empty the server replies with `server.default_text`. A reply text may be a callable that
receives the request body (and its headers, when it takes two arguments), so a test can answer
from the passages it was sent; `echo_key` repeats the request's `Authorization` header, as a
careless proxy or a model told to by an article might.
A step's `model` (a string, or a callable like a text) is what its reply names in `model`.
`trickle` sends the headers at once and then the body (JSON or SSE) one byte every `every` seconds,
so each read returns in time and only a deadline on the whole reply can end it. An unknown model gets 404
`model_not_found` and a wrong key (when `server.api_key` is set) gets 401 echoing the key, as
OpenAI's own API does, so tests can prove `qa` never repeats it.

Embeddings requests are scripted apart from chat (they may run in parallel, from several threads):
- `embed_delay`: seconds each embeddings request waits before its reply, or a callable that
  receives the request's inputs and returns them (different delays make replies overtake).
- `embed_in_flight` / `embed_max_in_flight`: embeddings requests being answered now, and the most
  at once so far. A request counts from its arrival until just before its reply is written, so
  a client that sends its next request as soon as it reads a reply is never counted twice.
- `fail_embeddings(status, times)`: the next `times` embeddings requests fail with `status`
  (`RESET`: the connection is closed without a reply).
- `reject_embeddings(marker, status)`: every embeddings request with an input containing `marker`
  fails with `status` (400 by default, which the openai client does not retry).
- `embed_data`: what the reply's `data` holds: "ordered" (the default), "reversed" (the list
  reversed, each `index` still right), "duplicate_index" (the last item has the first item's
  index), "short" (the last item left out) or "long" (one item too many).
- `embedding_requests()` lists the embeddings requests received, failed ones included;
  `Request.inputs` is one request's input texts. `_embedding(text, dim)` is the vector of a text.

Use the `openai_server` fixture; `url` is the base URL with `/v1`.
"""

from __future__ import annotations

import hashlib
import inspect
import json
import threading
import time
from dataclasses import dataclass, field
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from typing import Any, Callable

import pytest

Text = str | Callable[[dict], str] | Callable[[dict, dict], str]
RESET = 0  # a "status" for fail_embeddings: close the connection without replying


@dataclass
class Step:
    kind: str = "reply"  # reply | fail | cut | bad_json | bad_sse | hang | trickle
    text: Text = ""
    status: int = 200
    message: str = ""
    retry_after: str | None = None
    delay: float = 0.0  # seconds before the reply starts
    chunk_delay: float = 0.0  # seconds between streamed chunks
    chunk_chars: int = 4
    cut_after: int = 2  # chunks sent before a cut
    finish_reason: str = "stop"
    usage: dict | None = None
    model: Text | None = None  # the reply's `model` field; the requested model when None


@dataclass
class Request:
    method: str
    path: str
    headers: dict[str, str]  # names lower-cased
    body: Any = None

    @property
    def messages(self) -> list[dict]:
        return (self.body or {}).get("messages", [])

    @property
    def inputs(self) -> list[str]:
        """The texts of an embeddings request."""
        given = (self.body or {}).get("input", []) if isinstance(self.body, dict) else []
        return [given] if isinstance(given, str) else list(given)


@dataclass
class ScriptedServer:
    models: list[str] = field(default_factory=lambda: ["test-model", "other-model"])
    default_text: str = "The articles don't say."
    api_key: str = ""  # when set, requests must carry `Authorization: Bearer <api_key>`
    embed_dim: int = 16
    requests: list[Request] = field(default_factory=list)
    steps: list[Step] = field(default_factory=list)
    embed_delay: float | Callable[[list[str]], float] = 0.0
    embed_data: str = "ordered"  # ordered | reversed | duplicate_index | short | long
    embed_in_flight: int = 0
    embed_max_in_flight: int = 0
    embed_failures: list[int] = field(default_factory=list)  # statuses of the next embeddings requests
    embed_rejects: dict[str, int] = field(default_factory=dict)  # marker -> status, for every request
    port: int = 0
    _stop: threading.Event = field(default_factory=threading.Event)
    _lock: threading.Lock = field(default_factory=threading.Lock)

    @property
    def url(self) -> str:
        return f"http://127.0.0.1:{self.port}/v1"

    # -- scripting ------------------------------------------------------------------------------
    def reply(self, text: Text, **kw: Any) -> "ScriptedServer":
        self.steps.append(Step("reply", text=text, **kw))
        return self

    def fail(self, status: int, message: str = "", retry_after: str | None = None, times: int = 1,
             **kw: Any) -> "ScriptedServer":
        for _ in range(times):
            self.steps.append(Step("fail", status=status, message=message or f"scripted failure {status}",
                                   retry_after=retry_after, **kw))
        return self

    def cut_stream(self, text: Text, after: int = 2, **kw: Any) -> "ScriptedServer":
        self.steps.append(Step("cut", text=text, cut_after=after, **kw))
        return self

    def invalid_json(self) -> "ScriptedServer":
        self.steps.append(Step("bad_json"))
        return self

    def invalid_sse(self) -> "ScriptedServer":
        self.steps.append(Step("bad_sse"))
        return self

    def hang(self, seconds: float) -> "ScriptedServer":
        self.steps.append(Step("hang", delay=seconds))
        return self

    def trickle(self, text: Text, every: float = 1.0, **kw: Any) -> "ScriptedServer":
        self.steps.append(Step("trickle", text=text, chunk_delay=every, **kw))
        return self

    def fail_embeddings(self, status: int = 500, times: int = 1) -> "ScriptedServer":
        with self._lock:
            self.embed_failures.extend([status] * times)
        return self

    def reject_embeddings(self, marker: str, status: int = 400) -> "ScriptedServer":
        self.embed_rejects[marker] = status
        return self

    def chat_requests(self) -> list[Request]:
        return [r for r in self.requests if r.path.endswith("/chat/completions")]

    def embedding_requests(self) -> list[Request]:
        with self._lock:
            return [r for r in self.requests if r.path.endswith("/embeddings")]

    def _next_step(self) -> Step:
        with self._lock:
            return self.steps.pop(0) if self.steps else Step("reply", text=self.default_text)

    def _sleep(self, seconds: float) -> None:
        self._stop.wait(seconds)


def echo_key(body: dict, headers: dict[str, str]) -> str:
    """A reply text repeating the request's Authorization header, and the key in it on its own."""
    auth = headers.get("authorization", "")
    return f"Your request said {auth}, so the key is {auth.removeprefix('Bearer ')} and nothing else."


def _embedding(text: str, dim: int) -> list[float]:
    digest = hashlib.sha256(text.encode()).digest()
    return [(digest[i % len(digest)] - 128) / 128 for i in range(dim)]


class _Handler(BaseHTTPRequestHandler):
    protocol_version = "HTTP/1.1"  # keep-alive and chunked streams, like real servers
    disable_nagle_algorithm = True  # as real servers do; else small replies wait on delayed ACKs
    server_version = "scripted-openai/1"
    srv: ScriptedServer  # set on the subclass made per server

    def log_message(self, *args: Any) -> None:  # keep pytest output clean
        pass

    # -- plumbing -------------------------------------------------------------------------------
    def _record(self) -> Request:
        length = int(self.headers.get("Content-Length") or 0)
        raw = self.rfile.read(length) if length else b""
        try:
            body = json.loads(raw) if raw else None
        except ValueError:
            body = raw.decode("utf-8", "replace")
        req = Request(self.command, self.path, {k.lower(): v for k, v in self.headers.items()}, body)
        with self.srv._lock:
            self.srv.requests.append(req)
        return req

    def _send(self, status: int, payload: Any, headers: dict[str, str] | None = None,
              content_type: str = "application/json") -> None:
        data = payload if isinstance(payload, bytes) else json.dumps(payload, ensure_ascii=False).encode()
        self.send_response(status)
        self.send_header("Content-Type", content_type)
        self.send_header("Content-Length", str(len(data)))
        for k, v in (headers or {}).items():
            self.send_header(k, v)
        self.end_headers()
        self.wfile.write(data)

    def _error(self, status: int, message: str, code: str | None = None, headers: dict | None = None) -> None:
        kind = {401: "invalid_request_error", 404: "invalid_request_error", 429: "rate_limit_error"}.get(
            status, "server_error")
        self._send(status, {"error": {"message": message, "type": kind, "param": None, "code": code}}, headers)

    def _chunk(self, data: bytes) -> None:
        self.wfile.write(f"{len(data):x}\r\n".encode() + data + b"\r\n")
        self.wfile.flush()

    def _authorised(self) -> bool:
        if not self.srv.api_key:
            return True
        given = self.headers.get("Authorization", "").removeprefix("Bearer ").strip()
        if given == self.srv.api_key:
            return True
        # OpenAI's real reply quotes the key it was given; qa must never pass that on.
        self._error(401, f"Incorrect API key provided: {given}. You can find your API key at "
                         "https://platform.openai.com/account/api-keys.", "invalid_api_key")
        return False

    # -- routes ---------------------------------------------------------------------------------
    def do_GET(self) -> None:  # noqa: N802 - http.server's naming
        self._record()
        if not self._authorised():
            return
        if self.path.rstrip("/") == "/v1/models":
            data = [{"id": m, "object": "model", "created": 0, "owned_by": "scripted"} for m in self.srv.models]
            self._send(200, {"object": "list", "data": data})
        else:
            self._error(404, f"no route {self.path}")

    def do_POST(self) -> None:  # noqa: N802
        req = self._record()
        if not self._authorised():
            return
        if self.path == "/v1/embeddings":
            self._embeddings(req)
        elif self.path == "/v1/chat/completions":
            self._chat(req)
        else:
            self._error(404, f"no route {self.path}")

    def _embeddings(self, req: Request) -> None:
        srv, inputs = self.srv, req.inputs
        with srv._lock:
            srv.embed_in_flight += 1
            srv.embed_max_in_flight = max(srv.embed_max_in_flight, srv.embed_in_flight)
            status = srv.embed_failures.pop(0) if srv.embed_failures else 200
        try:
            delay = srv.embed_delay(inputs) if callable(srv.embed_delay) else srv.embed_delay
            if delay:
                srv._sleep(delay)
        finally:
            with srv._lock:
                srv.embed_in_flight -= 1
        if status == 200:
            status = next((s for marker, s in srv.embed_rejects.items() if any(marker in t for t in inputs)), 200)
        if status == RESET:
            self.close_connection = True
            return
        if status != 200:
            return self._error(status, f"scripted embeddings failure {status}")
        data = [{"object": "embedding", "index": i, "embedding": _embedding(t, srv.embed_dim)}
                for i, t in enumerate(inputs)]
        if srv.embed_data == "reversed":
            data.reverse()
        elif srv.embed_data == "duplicate_index" and len(data) > 1:
            data[-1]["index"] = data[0]["index"]
        elif srv.embed_data == "short":
            data.pop()
        elif srv.embed_data == "long":
            data.append({"object": "embedding", "index": len(data), "embedding": _embedding("", srv.embed_dim)})
        self._send(200, {"object": "list", "data": data, "model": (req.body or {}).get("model"),
                         "usage": {"prompt_tokens": 1, "total_tokens": 1}})

    def _chat(self, req: Request) -> None:
        body = req.body if isinstance(req.body, dict) else {}
        model = body.get("model", "")
        if model not in self.srv.models:
            self._error(404, f"The model `{model}` does not exist or you do not have access to it.",
                        "model_not_found")
            return
        step = self.srv._next_step()
        if step.delay:
            self.srv._sleep(step.delay)
        if step.kind == "hang":
            return self._error(504, "hung too long")
        if step.kind == "fail":
            headers = {"Retry-After": step.retry_after} if step.retry_after is not None else None
            return self._error(step.status, step.message, headers=headers)
        if step.kind == "bad_json":
            return self._send(200, b"<html>502 Bad Gateway</html> {not json", content_type="application/json")
        if step.kind == "bad_sse" and body.get("stream"):
            return self._send(200, b"data: {this is not json\n\n", content_type="text/event-stream")
        if step.kind == "bad_sse":
            return self._send(200, b"{not json", content_type="application/json")
        text = _fill(step.text, req)
        model = _fill(step.model, req) if step.model is not None else model
        usage = step.usage or {"prompt_tokens": sum(len(m.get("content") or "") for m in req.messages) // 2,
                               "completion_tokens": max(1, len(text) // 2)}
        usage = {**usage, "total_tokens": usage["prompt_tokens"] + usage["completion_tokens"]}
        if step.kind == "trickle":
            events = _events(body, step, text, usage, model) if body.get("stream") else None
            data = b"".join(events) if events else json.dumps(_completion(step, text, usage, model)).encode()
            self._trickle(data, "text/event-stream" if events else "application/json", step.chunk_delay)
        elif body.get("stream"):
            self._stream(step, _events(body, step, text, usage, model))
        else:
            self._send(200, _completion(step, text, usage, model))

    def _trickle(self, data: bytes, content_type: str, every: float) -> None:
        self.send_response(200)
        self.send_header("Content-Type", content_type)
        self.send_header("Content-Length", str(len(data)))
        self.end_headers()
        try:
            for i in range(len(data)):
                self.wfile.write(data[i:i + 1])
                self.wfile.flush()
                self.srv._sleep(every)
        except (BrokenPipeError, ConnectionResetError):
            self.close_connection = True

    def _stream(self, step: Step, events: list[bytes]) -> None:
        self.send_response(200)
        self.send_header("Content-Type", "text/event-stream")
        self.send_header("Transfer-Encoding", "chunked")
        self.end_headers()
        try:
            self._chunk(events[0])  # the role
            pieces = 0
            for event in events[1:]:
                piece = b'"delta": {"content"' in event
                if step.kind == "cut" and piece and pieces == step.cut_after:
                    # Half an HTTP chunk, then close: the client sees the body end mid-stream.
                    self.wfile.write(b"40\r\ndata: {\"id\"")
                    self.wfile.flush()
                    self.close_connection = True
                    return
                if step.chunk_delay and piece:
                    self.srv._sleep(step.chunk_delay)
                pieces += piece
                self._chunk(event)
            self._chunk(b"")
        except (BrokenPipeError, ConnectionResetError):
            self.close_connection = True


def _fill(text: Text, req: Request) -> str:
    """A step's text: a string, or what a callable makes of the request's body (or of its body
    and headers, when it takes two arguments)."""
    if not callable(text):
        return text
    if len(inspect.signature(text).parameters) == 2:
        return text(req.body, req.headers)
    return text(req.body)


def _completion(step: Step, text: str, usage: dict, model: str) -> dict:
    return {"id": "chatcmpl-scripted", "object": "chat.completion", "created": int(time.time()), "model": model,
            "choices": [{"index": 0, "message": {"role": "assistant", "content": text},
                         "finish_reason": step.finish_reason}],
            "usage": usage}


def _events(body: dict, step: Step, text: str, usage: dict, model: str) -> list[bytes]:
    """A whole SSE reply: the role, the text in pieces of `step.chunk_chars`, the finish reason,
    the usage when asked for, and [DONE]."""

    def event(delta: dict, finish: str | None = None) -> bytes:
        chunk = {"id": "chatcmpl-scripted", "object": "chat.completion.chunk", "created": 0, "model": model,
                 "choices": [{"index": 0, "delta": delta, "finish_reason": finish}]}
        return f"data: {json.dumps(chunk, ensure_ascii=False)}\n\n".encode()

    pieces = [text[i:i + step.chunk_chars] for i in range(0, len(text), step.chunk_chars)] or [""]
    events = [event({"role": "assistant", "content": ""}), *(event({"content": p}) for p in pieces),
              event({}, step.finish_reason)]
    if (body.get("stream_options") or {}).get("include_usage"):
        usage_chunk = {"id": "chatcmpl-scripted", "object": "chat.completion.chunk", "created": 0,
                       "model": model, "choices": [], "usage": usage}
        events.append(f"data: {json.dumps(usage_chunk)}\n\n".encode())
    events.append(b"data: [DONE]\n\n")
    return events


class _QuietServer(ThreadingHTTPServer):
    daemon_threads = True
    block_on_close = False

    def handle_error(self, request: Any, client_address: Any) -> None:
        pass  # a client that gave up (timeout tests) leaves a broken pipe; that is expected


def start_server(**kw: Any) -> tuple[ScriptedServer, ThreadingHTTPServer]:
    srv = ScriptedServer(**kw)
    handler = type("Handler", (_Handler,), {"srv": srv})
    httpd = _QuietServer(("127.0.0.1", 0), handler)
    srv.port = httpd.server_address[1]
    threading.Thread(target=httpd.serve_forever, kwargs={"poll_interval": 0.05}, daemon=True).start()
    return srv, httpd


def stop_server(srv: ScriptedServer, httpd: ThreadingHTTPServer) -> None:
    srv._stop.set()
    httpd.shutdown()
    httpd.server_close()


@pytest.fixture
def openai_server():
    """A scripted OpenAI-compatible server on 127.0.0.1 (see this module's docstring)."""
    srv, httpd = start_server()
    try:
        yield srv
    finally:
        stop_server(srv, httpd)


def closed_port() -> int:
    """A local port with nothing listening on it (connections are refused)."""
    import socket

    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]
