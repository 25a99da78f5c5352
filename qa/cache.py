"""A reply cache for LLM calls, kept in the store directory.

A reply is stored under `reply_key(model, prompt, params)`: the SHA-256 of the model name, the
exact prompt (a string or the chat messages) and every parameter that changes the reply
(temperature, max_tokens, ...). Re-running with unchanged prompts and retrieval therefore sends
nothing to the endpoint and gets the same replies back, which makes an evaluation re-run free and
deterministic. One JSON file per reply (`<store>/cache/llm/ab/abcd....json`), written atomically
(`qa.files.write_atomic`), so parallel threads and processes never see half a reply and need no lock.

Two ways to use it. Wrap the model, so the caller needs no knowledge of the cache:

    llm = CachedChat(ChatLLM.from_settings(settings), ReplyCache.for_settings(settings))
    answer = ask(question, settings, llm=llm)

or call it directly:

    key = reply_key(model, messages, {"temperature": t, "max_tokens": n})
    reply = cache.get(key)
    if reply is None:
        reply = {"text": ..., "usage": {...}}      # call the endpoint
        cache.put(key, reply)

`ReplyCache.for_settings(settings)` is the default cache of a store; `scoped()` gives a view
that shares the files but counts its own hits and misses (the evaluator uses one per item to
report how many items were answered entirely from the cache).
"""

from __future__ import annotations

import hashlib
import json
from pathlib import Path
from typing import Any, Mapping

from qa.files import write_atomic

CACHE_DIR = Path("cache") / "llm"
_FORMAT = 1  # bump to invalidate every stored reply when the stored shape changes


def reply_key(model: str, prompt: Any, params: Mapping[str, Any] | None = None) -> str:
    """The cache key of one LLM call: a hash of (model, prompt, parameters), order-independent
    in the parameters. `prompt` is anything JSON-serialisable (a string or a list of messages)."""
    blob = json.dumps({"v": _FORMAT, "model": model, "prompt": prompt, "params": dict(params or {})},
                      ensure_ascii=False, sort_keys=True, separators=(",", ":"), default=str)
    return hashlib.sha256(blob.encode("utf-8")).hexdigest()


class ReplyCache:
    """get(key) -> stored value or None; put(key, value) stores a JSON-serialisable value.
    A disabled cache (`--no-cache`) never returns a value and never writes."""

    def __init__(self, directory: Path | None, enabled: bool = True):
        self.directory = Path(directory) if directory is not None else None
        self.enabled = enabled and directory is not None
        self.hits = 0
        self.misses = 0

    @classmethod
    def for_settings(cls, settings, enabled: bool = True) -> "ReplyCache":
        return cls(Path(settings.store) / CACHE_DIR, enabled=enabled)

    def scoped(self) -> "ReplyCache":
        """The same stored replies with fresh hit/miss counters."""
        return ReplyCache(self.directory, self.enabled)

    def _path(self, key: str) -> Path:
        assert self.directory is not None
        return self.directory / key[:2] / f"{key}.json"

    def get(self, key: str) -> Any | None:
        if not self.enabled:
            self.misses += 1
            return None
        try:
            value = json.loads(self._path(key).read_text(encoding="utf-8"))
        except (OSError, ValueError):  # absent, or damaged by a crash: both mean "ask again"
            self.misses += 1
            return None
        self.hits += 1
        return value

    def put(self, key: str, value: Any) -> None:
        if not self.enabled:
            return
        path = self._path(key)
        path.parent.mkdir(parents=True, exist_ok=True, mode=0o700)
        write_atomic(path, json.dumps(value, ensure_ascii=False))

    @property
    def calls(self) -> int:
        return self.hits + self.misses


class CachedChat:
    """A chat model (`qa.llm.ChatLLM`) whose replies go through a `ReplyCache`: same `complete`
    interface, so it is passed wherever a model is (`qa.ask.ask(..., llm=CachedChat(...))`)
    and the answerer needs no knowledge of the cache. Failures are never cached."""

    def __init__(self, llm, cache: ReplyCache):
        self.llm = llm
        self.cache = cache

    def __getattr__(self, name: str) -> Any:  # model, temperature, where, ... of the wrapped model
        return getattr(self.llm, name)

    def key(self, messages: Any, max_tokens: int | None = None) -> str:
        # The endpoint counts as a parameter: two servers may serve different weights under one name.
        return reply_key(self.llm.model, messages, {"temperature": self.llm.temperature,
                                                    "max_tokens": max_tokens or self.llm.max_tokens,
                                                    "endpoint": getattr(self.llm, "base_url", "")})

    def complete(self, messages: list[dict[str, str]], on_token=None, max_tokens: int | None = None):
        from qa.llm import Completion
        from qa.redact import redact

        # `qa.llm.ChatLLM` masks the key in its replies; masked again here for any other model, and
        # for replies stored before it did (issue 21).
        secrets = getattr(self.llm, "secrets", ())
        key = self.key(messages, max_tokens)
        stored = self.cache.get(key)
        if stored is not None:
            text = redact(stored["text"], secrets)
            if on_token and text:
                on_token(text)
            return Completion(text=text, model=redact(stored.get("model") or self.llm.model, secrets),
                              usage=stored.get("usage"), finish_reason=stored.get("finish_reason"),
                              first_token_ms=0.0, http_ms=0.0, attempts=0, streamed=bool(on_token))
        completion = self.llm.complete(messages, on_token=on_token, max_tokens=max_tokens)
        self.cache.put(key, {"text": redact(completion.text, secrets), "model": redact(completion.model, secrets),
                             "usage": completion.usage, "finish_reason": completion.finish_reason})
        return completion
