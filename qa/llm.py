"""The one module that talks to OpenAI-compatible endpoints through the `openai` client.

- `make_client` builds a client for any base URL (OpenAI, DeepSeek, DashScope, Ollama, vLLM,
  llama.cpp); `describe_failure` turns any exception from it into one plain line that names
  the endpoint and the next step, with the API key removed.
- `ChatLLM.complete` sends chat messages, streaming when given a token callback, and retries
  what is worth retrying (timeouts, refused or dropped connections, 408/409/429/5xx) with
  exponential backoff, honouring `Retry-After`, inside one total time budget (`llm_max_wait`).

The client's own retry loop is switched off for chat: it cannot bound the total time and would
retry a stream after tokens were already shown.
"""

from __future__ import annotations

import email.utils
import json
import random
import time
from dataclasses import dataclass, field
from typing import Any, Callable

from qa.config import Settings
from qa.errors import ProviderError
from qa.redact import redact

DEFAULT_BASE_URL = "https://api.openai.com/v1"
# Local servers (Ollama, llama.cpp, vLLM) ignore the key, but the client refuses to start without one.
PLACEHOLDER_KEY = "not-needed"
RETRYABLE_STATUS = {408, 409, 425, 429, 500, 502, 503, 504}
BACKOFF_BASE = 0.5  # seconds before the first retry; doubles each time
BACKOFF_CAP = 8.0

__all__ = ["ChatLLM", "Completion", "describe_failure", "make_client", "DEFAULT_BASE_URL"]


def make_client(base_url: str, api_key: str, timeout: float, max_retries: int = 2):
    """An `openai.OpenAI` client for `base_url` (empty = OpenAI's own API)."""
    import openai

    return openai.OpenAI(base_url=base_url or DEFAULT_BASE_URL, api_key=api_key or PLACEHOLDER_KEY,
                         timeout=timeout, max_retries=max_retries)


def _where(base_url: str) -> str:
    return f"OPENAI_BASE_URL {base_url or DEFAULT_BASE_URL}"


def _server_message(exc: Any) -> str:
    body = getattr(exc, "body", None)
    message = body.get("message") if isinstance(body, dict) else None
    if not message and isinstance(body, str):
        message = body
    message = " ".join(str(message or getattr(exc, "message", "") or "").split())
    return message[:200]


def _chain(exc: BaseException) -> list[BaseException]:
    out, seen = [], set()
    while exc is not None and id(exc) not in seen:
        out.append(exc)
        seen.add(id(exc))
        exc = exc.__cause__ or exc.__context__
    return out


def describe_failure(exc: BaseException, base_url: str, api_key: str, model: str = "") -> str:
    """One line saying what failed at which endpoint and what to do next; never contains the key."""
    import openai

    where = _where(base_url)
    status = getattr(exc, "status_code", None)
    said = _server_message(exc)
    said_part = f": {said}" if said else ""
    if isinstance(exc, ProviderError):
        line = str(exc)
    elif isinstance(exc, openai.APITimeoutError):
        line = f"{where} did not answer in time; check the server, or raise QA_LLM_TIMEOUT"
    elif isinstance(exc, openai.APIConnectionError):
        chain = _chain(exc)
        text = " ".join(f"{type(e).__name__} {e}" for e in chain)
        if any(isinstance(e, ConnectionRefusedError) for e in chain) or "refused" in text.lower():
            line = f"{where} refused the connection; is the server running there? Check the host and port"
        elif "RemoteProtocolError" in text or "incomplete" in text or "closed" in text.lower():
            line = f"{where} closed the connection before the reply was complete; check the server's log and retry"
        elif "Name or service not known" in text or "nodename nor servname" in text or "getaddrinfo" in text:
            line = f"{where}: the host name does not resolve; check OPENAI_BASE_URL"
        else:
            cause = chain[-1]
            line = f"{where} could not be reached ({type(cause).__name__}: {cause}); check OPENAI_BASE_URL"
    elif isinstance(exc, openai.AuthenticationError) or status == 401:
        hint = "set OPENAI_API_KEY to a valid key" if api_key else "no OPENAI_API_KEY is set; set it"
        line = f"{where} rejected the API key (401 Unauthorized){said_part}; {hint}"
    elif isinstance(exc, openai.PermissionDeniedError) or status == 403:
        line = f"{where} refused access (403 Forbidden){said_part}; check the key's permissions for this model"
    elif isinstance(exc, openai.NotFoundError) or status == 404:
        what = f"model {model!r}" if model else "the requested path"
        line = (f"{where} answered 404 Not Found for {what}{said_part}; check QA_LLM_MODEL (qa doctor lists the "
                "server's models) and that OPENAI_BASE_URL ends in /v1 or the provider's compatible-mode path")
    elif isinstance(exc, openai.RateLimitError) or status == 429:
        line = f"{where} is rate limiting requests (429 Too Many Requests){said_part}; wait and retry, or check the plan's quota"
    elif isinstance(exc, openai.APIStatusError):
        line = f"{where} failed with HTTP {status}{said_part}; check the server's log and retry"
    elif isinstance(exc, (json.JSONDecodeError, openai.APIResponseValidationError)):
        line = (f"{where} sent a reply that is not valid OpenAI JSON/SSE ({exc}); "
                "check that the URL points at an OpenAI-compatible API, not a web page or proxy")
    elif isinstance(exc, openai.OpenAIError):
        line = f"{where} failed: {exc}"
    else:
        line = f"{where} failed: {type(exc).__name__}: {exc}"
    return redact(" ".join(line.split()), [api_key])


def retry_after_seconds(exc: BaseException) -> float | None:
    """The wait a 429/503 reply asks for (`retry-after-ms`, `Retry-After` seconds or HTTP date)."""
    response = getattr(exc, "response", None)
    headers = getattr(response, "headers", None)
    if not headers:
        return None
    if headers.get("retry-after-ms"):
        try:
            return float(headers["retry-after-ms"]) / 1000
        except ValueError:
            pass
    value = headers.get("retry-after")
    if not value:
        return None
    try:
        return max(0.0, float(value))
    except ValueError:
        pass
    try:
        when = email.utils.parsedate_to_datetime(value)
    except (TypeError, ValueError):
        return None
    return max(0.0, when.timestamp() - time.time())


def is_retryable(exc: BaseException) -> bool:
    import openai

    if isinstance(exc, openai.APIConnectionError):  # includes timeouts and streams cut before any token
        return True
    return isinstance(exc, openai.APIStatusError) and exc.status_code in RETRYABLE_STATUS


class StreamCut(Exception):
    """The stream ended (or broke) after some tokens had been passed on; it cannot be retried."""

    def __init__(self, cause: BaseException | None, chars: int):
        super().__init__(f"stream ended after {chars} characters")
        self.cause = cause
        self.chars = chars


@dataclass
class Completion:
    text: str
    model: str
    usage: dict[str, int] | None = None
    finish_reason: str | None = None
    first_token_ms: float | None = None  # from the first request sent, retries included
    http_ms: float = 0.0  # time inside the client's calls (network, server, the client's own parsing)
    attempts: int = 1
    streamed: bool = False


@dataclass
class ChatLLM:
    model: str
    base_url: str = ""
    api_key: str = field(default="", repr=False)
    temperature: float = 0.0
    max_tokens: int = 800
    timeout: float = 60.0
    retries: int = 2
    max_wait: float = 120.0
    client: Any = field(default=None, repr=False)
    sleep: Callable[[float], None] = field(default=time.sleep, repr=False)

    @classmethod
    def from_settings(cls, settings: Settings, **overrides: Any) -> "ChatLLM":
        values = dict(model=settings.llm_model, base_url=settings.openai_base_url,
                      api_key=settings.openai_api_key, temperature=settings.llm_temperature,
                      max_tokens=settings.llm_max_tokens, timeout=settings.llm_timeout,
                      retries=settings.llm_retries, max_wait=settings.llm_max_wait)
        values.update(overrides)
        return cls(**values)

    @property
    def where(self) -> str:
        return _where(self.base_url)

    def _client(self):
        if self.client is None:
            self.client = make_client(self.base_url, self.api_key, self.timeout, max_retries=0)
        return self.client

    def _fail(self, exc: BaseException, attempts: int) -> ProviderError:
        line = describe_failure(exc, self.base_url, self.api_key, self.model)
        if attempts > 1:
            line += f" (gave up after {attempts} attempts)"
        return ProviderError(line)

    # -- calls ----------------------------------------------------------------------------------
    def list_models(self) -> list[str]:
        try:
            return sorted(m.id for m in self._client().models.list(timeout=self.timeout))
        except Exception as e:  # noqa: BLE001 - translated into one line
            raise self._fail(e, 1) from None

    def complete(self, messages: list[dict[str, str]], on_token: Callable[[str], None] | None = None,
                 max_tokens: int | None = None) -> Completion:
        """One chat completion; streamed (tokens passed to `on_token`) when a callback is given."""
        self._client()  # built (and `openai` imported) before the clock starts: not endpoint time
        started = time.perf_counter()
        deadline = started + self.max_wait
        http_ms = 0.0
        attempt = 0
        while True:
            attempt += 1
            remaining = deadline - time.perf_counter()
            if remaining <= 0:
                raise ProviderError(f"{self.where} gave no answer within QA_LLM_MAX_WAIT={self.max_wait:g}s "
                                    f"({attempt - 1} attempts); raise it or check the server")
            t = time.perf_counter()
            try:
                if on_token is None:
                    result = self._once(messages, min(self.timeout, remaining), max_tokens)
                else:
                    result = self._stream(messages, min(self.timeout, remaining), max_tokens, on_token,
                                          started, deadline)
                result.http_ms += http_ms
                result.attempts = attempt
                if result.first_token_ms is None or on_token is None:
                    result.first_token_ms = round((time.perf_counter() - started) * 1000, 2)
                return result
            except StreamCut as cut:
                why = type(_chain(cut.cause)[-1]).__name__ if cut.cause else "no end-of-stream marker"
                raise ProviderError(f"{self.where} stopped streaming after {cut.chars} characters, before the "
                                    f"answer was complete ({why}); retry, or use --no-stream") from None
            except ProviderError:
                raise
            except Exception as e:  # noqa: BLE001 - every client failure becomes one line
                http_ms += (time.perf_counter() - t) * 1000
                wait = self._backoff(e, attempt, deadline)
                if wait is None:
                    raise self._fail(e, attempt) from None
                self.sleep(wait)

    def _backoff(self, exc: BaseException, attempt: int, deadline: float) -> float | None:
        """Seconds to wait before retrying `exc`, or None to give up now."""
        if attempt > self.retries or not is_retryable(exc):
            return None
        asked = retry_after_seconds(exc)
        if asked is not None:
            wait = asked
        else:
            wait = min(BACKOFF_CAP, BACKOFF_BASE * 2 ** (attempt - 1)) * random.uniform(0.8, 1.2)
        if time.perf_counter() + wait >= deadline:
            if asked is not None:
                raise ProviderError(
                    f"{describe_failure(exc, self.base_url, self.api_key, self.model)}; the server asks to wait "
                    f"{asked:g}s, beyond the QA_LLM_MAX_WAIT={self.max_wait:g}s budget left") from None
            return None
        return wait

    def _request(self, messages, timeout: float, max_tokens: int | None, stream: bool, **extra: Any):
        return self._client().chat.completions.create(
            model=self.model, messages=messages, temperature=self.temperature,
            max_tokens=max_tokens or self.max_tokens, stream=stream, timeout=timeout, **extra)

    def _once(self, messages, timeout: float, max_tokens: int | None) -> Completion:
        t = time.perf_counter()
        reply = self._request(messages, timeout, max_tokens, stream=False)
        http_ms = (time.perf_counter() - t) * 1000
        if not getattr(reply, "choices", None):
            raise ProviderError(f"{self.where} sent a chat completion without choices; "
                                "check that it is an OpenAI-compatible chat endpoint")
        choice = reply.choices[0]
        return Completion(text=choice.message.content or "", model=reply.model or self.model,
                          usage=_usage(reply.usage), finish_reason=choice.finish_reason, http_ms=http_ms)

    def _stream(self, messages, timeout: float, max_tokens: int | None, on_token: Callable[[str], None],
                started: float, deadline: float) -> Completion:
        import openai

        t = time.perf_counter()
        in_callback = 0.0
        try:
            stream = self._request(messages, timeout, max_tokens, stream=True,
                                   stream_options={"include_usage": True})
        except openai.BadRequestError as e:
            # Some older servers reject stream_options; usage is then simply not reported.
            if "stream_options" not in str(e):
                raise
            stream = self._request(messages, timeout, max_tokens, stream=True)
        parts: list[str] = []
        chars = 0
        model, usage, finish, first = self.model, None, None, None
        try:
            for chunk in stream:
                model = getattr(chunk, "model", None) or model
                if getattr(chunk, "usage", None):
                    usage = _usage(chunk.usage)
                if not chunk.choices:
                    continue
                choice = chunk.choices[0]
                finish = choice.finish_reason or finish
                piece = choice.delta.content if choice.delta else None
                if piece:
                    if first is None:
                        first = round((time.perf_counter() - started) * 1000, 2)
                    parts.append(piece)
                    chars += len(piece)
                    c = time.perf_counter()
                    on_token(piece)
                    in_callback += time.perf_counter() - c
                if time.perf_counter() > deadline:
                    stream.close()
                    raise ProviderError(f"{self.where} was still streaming after QA_LLM_MAX_WAIT="
                                        f"{self.max_wait:g}s; raise it or lower QA_LLM_MAX_TOKENS")
        except ProviderError:
            raise
        except Exception as e:  # noqa: BLE001
            if chars:
                raise StreamCut(e, chars) from None
            raise
        if finish is None:
            if chars:
                raise StreamCut(None, chars)
            raise ProviderError(f"{self.where} ended the stream without an answer or end marker; "
                                "check the server's log and retry")
        http_ms = (time.perf_counter() - t - in_callback) * 1000
        return Completion(text="".join(parts), model=model, usage=usage, finish_reason=finish,
                          first_token_ms=first, http_ms=http_ms, streamed=True)


def _usage(usage: Any) -> dict[str, int] | None:
    if usage is None:
        return None
    out = {k: getattr(usage, k, None) for k in ("prompt_tokens", "completion_tokens", "total_tokens")}
    return {k: int(v) for k, v in out.items() if v is not None} or None
