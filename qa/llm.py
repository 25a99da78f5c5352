"""The one module that talks to OpenAI-compatible endpoints through the `openai` client.

`make_client` builds a client for any base URL (OpenAI, DeepSeek, DashScope, Ollama, vLLM, llama.cpp);
`describe_failure` turns any exception from it into one line naming the endpoint and the next step,
without the API key; `ChatLLM.complete` sends chat messages, streaming when given a token callback.

Retries are the client's (`max_retries` = QA_LLM_RETRIES; `SyncAPIClient.request` in
openai/_base_client.py): timeouts, dropped connections and 408/409/429/5xx, with backoff and jitter,
`Retry-After` honoured up to two minutes, and never a stream once it is being read. We keep what it lacks:
- One budget for a whole answer, QA_LLM_MAX_WAIT. The client's timeout is per read and its wait
  between retries is a `time.sleep` that no public hook sees, so our client overrides two methods.
  `_sleep_for_retry` waits the client's delay unless that would pass the deadline (then the call
  ends at once, naming a `Retry-After` beyond the budget) and cuts a retry's timeout to the time left.
  `_send_request` reads every reply body, JSON or SSE, through `_Deadlined`, which checks the
  deadline between the pieces the socket delivers and closes the reply when it has passed: a server
  trickling a byte a second never trips the per-read timeout and once held `qa ask --no-stream`
  for ten minutes (issue 21). A read already waiting when the deadline passes still ends within
  the call's timeout, which is never more than the budget left when the request was sent.
  tests/test_llm.py pins both (test_retry_waits_keep_to_the_budget, test_a_retry_gets_only_the_time_left,
  test_a_reply_trickling_in_ends_at_the_budget).
- A stream that broke before its first token is sent again, within the same retries and budget.
- The one-line failure messages, and `Completion.attempts` (requests sent).
- A reply never carries the key: a server or a model told to may echo the `Authorization` header,
  so `complete` masks the key and anything shaped like one (`qa.redact`) in the text and the model
  name it returns, and streamed pieces pass through a `StreamRedactor` first (issue 21).
"""

from __future__ import annotations

import functools
import json
import math
import sys
import time
from dataclasses import dataclass, field
from typing import Any, Callable

from qa.config import Settings
from qa.errors import ProviderError, cause_chain
from qa.redact import StreamRedactor, redact

DEFAULT_BASE_URL = "https://api.openai.com/v1"
# Local servers (Ollama, llama.cpp, vLLM) ignore the key, but the client refuses to start without one.
PLACEHOLDER_KEY = "not-needed"

__all__ = ["ChatLLM", "Completion", "describe_failure", "make_client", "DEFAULT_BASE_URL"]


def make_client(base_url: str, api_key: str, timeout: float, max_retries: int = 2):
    """An `openai.OpenAI` client for `base_url` (empty = OpenAI's own API)."""
    return _client_class()(base_url=base_url or DEFAULT_BASE_URL, api_key=api_key or PLACEHOLDER_KEY,
                           timeout=timeout, max_retries=max_retries)


class Overtime(Exception):
    """The reply was still arriving when the call's deadline passed."""


class OutOfTime(Exception):
    """A retry would wait past the deadline. `error` is what the client raises when out of retries;
    `asked` the wait when the server asked for it (`Retry-After`)."""

    def __init__(self, error: BaseException, asked: float | None):
        super().__init__(error)
        self.error, self.asked = error, asked


@functools.cache
def _client_class():
    """`openai.OpenAI` with a deadline on its retries (built on first use: `openai` is slow to import)."""
    import httpx2
    import openai

    class BudgetedOpenAI(openai.OpenAI):
        deadline = math.inf  # time.perf_counter() by which the call must be over; set on a per-call copy
        sleep = staticmethod(time.sleep)
        sent = 1  # requests sent by this copy: the first, then one per retry
        slept = 0.0

        # SEE: https://github.com/openai/openai-python/blob/main/src/openai/_base_client.py
        # (SyncAPIClient._sleep_for_retry and _send_request, private: tests/test_llm.py pins both)
        def _sleep_for_retry(self, *, retries_taken: int, max_retries: int, options: Any, response: Any) -> None:
            headers = response.headers if response is not None else None
            wait = self._calculate_retry_timeout(max_retries - retries_taken, options, headers)
            left = self.deadline - time.perf_counter() - wait
            if left <= 0:
                # What SyncAPIClient.request raises when no retries are left.
                cause = sys.exc_info()[1]
                if response is not None:
                    error = self._make_status_error_from_response(response)
                elif isinstance(cause, httpx2.TimeoutException):
                    error = openai.APITimeoutError(request=cause.request)
                else:
                    error = openai.APIConnectionError(request=cause.request)
                error.__cause__ = cause
                asked = headers is not None and ("retry-after" in headers or "retry-after-ms" in headers)
                raise OutOfTime(error, wait if asked else None)
            self.timeout = min(self.timeout, left)  # read again by _build_request for the retry
            self.sent += 1
            t = time.perf_counter()
            self.sleep(wait)
            self.slept += time.perf_counter() - t

        def _send_request(self, request: Any, *, stream: bool, **kwargs: Any) -> Any:
            if not math.isfinite(self.deadline):
                return super()._send_request(request, stream=stream, **kwargs)
            # What httpx's `send(stream=False)` does, with the body read through the deadline; read
            # here, inside the client's retry loop, so a dropped connection is still retried.
            response = super()._send_request(request, stream=True, **kwargs)
            response.stream = _Deadlined(response.stream, self.deadline)
            if not stream:
                try:
                    response.read()
                except BaseException:
                    response.close()
                    raise
            return response

    class _Deadlined(httpx2.SyncByteStream):
        """A reply body that ends with `Overtime` once `deadline` has passed."""

        def __init__(self, stream: Any, deadline: float):
            self.stream, self.deadline = stream, deadline

        def __iter__(self):
            for piece in self.stream:
                if time.perf_counter() > self.deadline:
                    raise Overtime()
                yield piece

        def close(self) -> None:
            self.stream.close()

    return BudgetedOpenAI


def _where(base_url: str) -> str:
    return f"OPENAI_BASE_URL {base_url or DEFAULT_BASE_URL}"


def _server_message(exc: Any) -> str:
    body = getattr(exc, "body", None)
    message = body.get("message") if isinstance(body, dict) else None
    if not message and isinstance(body, str):
        message = body
    message = " ".join(str(message or getattr(exc, "message", "") or "").split())
    return message[:200]


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
        chain = cause_chain(exc)
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


class StreamCut(Exception):
    """The stream broke (or ended without its end marker) while being read, after `chars` characters."""

    def __init__(self, cause: BaseException | None, chars: int):
        super().__init__(f"stream ended after {chars} characters")
        self.cause, self.chars = cause, chars


@dataclass
class Completion:
    text: str
    model: str
    usage: dict[str, int] | None = None
    finish_reason: str | None = None
    first_token_ms: float | None = None  # from the first request sent, retries included
    http_ms: float = 0.0  # time inside the client's calls (network, server, the client's own parsing)
    attempts: int = 1  # requests sent, retries included
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
    sleep: Callable[[float], None] = field(default=time.sleep, repr=False)  # the client's waits between retries

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

    @property
    def secrets(self) -> list[str]:
        """What a reply must never show (a server or model may echo the key it was sent)."""
        return [self.api_key]

    def _client(self):
        if self.client is None:
            self.client = make_client(self.base_url, self.api_key, self.timeout, max_retries=self.retries)
        return self.client

    def _fail(self, exc: BaseException, attempts: int, asked: float | None = None) -> ProviderError:
        line = describe_failure(exc, self.base_url, self.api_key, self.model)
        if asked is not None:
            line += f"; the server asks to wait {asked:g}s, beyond the QA_LLM_MAX_WAIT={self.max_wait:g}s budget left"
        elif attempts > 1:
            line += f" (gave up after {attempts} attempts)"
        return ProviderError(line)

    # -- calls ----------------------------------------------------------------------------------
    def list_models(self) -> list[str]:
        try:
            return sorted(m.id for m in self._client().models.list())
        except Exception as e:  # noqa: BLE001 - translated into one line
            raise self._fail(e, 1) from None

    def complete(self, messages: list[dict[str, str]], on_token: Callable[[str], None] | None = None,
                 max_tokens: int | None = None) -> Completion:
        """One chat completion; streamed (tokens passed to `on_token`) when a callback is given."""
        client = self._client()  # built (and `openai` imported) before the clock starts: not endpoint time
        started = time.perf_counter()
        deadline = started + self.max_wait
        earlier, http_ms = 0, 0.0  # requests and time spent on streams that broke before their first token
        while True:
            # A copy per call carries its deadline and counts; the client itself is shared across threads.
            call = client.with_options(timeout=min(self.timeout, deadline - time.perf_counter()),
                                       max_retries=self.retries - earlier)
            call.deadline, call.sleep = deadline, self.sleep
            t = time.perf_counter()
            try:
                if on_token is None:
                    result = self._once(call, messages, max_tokens)
                else:
                    result = self._stream(call, messages, max_tokens, on_token, started)
                break
            except OutOfTime as spent:
                raise self._fail(spent.error, earlier + call.sent, spent.asked) from None
            except Overtime:
                if on_token is not None:
                    raise ProviderError(f"{self.where} was still streaming after QA_LLM_MAX_WAIT="
                                        f"{self.max_wait:g}s; raise it or lower QA_LLM_MAX_TOKENS") from None
                raise ProviderError(f"{self.where} was still sending its reply after QA_LLM_MAX_WAIT="
                                    f"{self.max_wait:g}s; raise it if the server is only slow, or check the "
                                    "server and any proxy in between") from None
            except StreamCut as cut:
                earlier += call.sent
                http_ms += (time.perf_counter() - t - call.slept) * 1000
                if not cut.chars and earlier <= self.retries and time.perf_counter() < deadline:
                    continue  # nothing was shown yet: send it again
                if not cut.chars:
                    raise self._fail(cut.cause, earlier) from None
                why = type(cause_chain(cut.cause)[-1]).__name__ if cut.cause else "no end-of-stream marker"
                raise ProviderError(f"{self.where} stopped streaming after {cut.chars} characters, before the "
                                    f"answer was complete ({why}); retry, or use --no-stream") from None
            except ProviderError:
                raise
            except Exception as e:  # noqa: BLE001 - every client failure becomes one line
                raise self._fail(e, earlier + call.sent) from None
        # The key, and anything shaped like one, is masked here at the source, so every place the reply
        # goes (screen, --json, chat.db, /save, eval reports, the reply cache) gets it masked.
        result.text, result.model = redact(result.text, self.secrets), redact(result.model, self.secrets)
        result.http_ms += http_ms - call.slept * 1000
        result.attempts = earlier + call.sent
        if result.first_token_ms is None or on_token is None:
            result.first_token_ms = round((time.perf_counter() - started) * 1000, 2)
        return result

    def _request(self, call, messages, max_tokens: int | None, stream: bool, **extra: Any):
        return call.chat.completions.create(model=self.model, messages=messages, temperature=self.temperature,
                                            max_tokens=max_tokens or self.max_tokens, stream=stream, **extra)

    def _once(self, call, messages, max_tokens: int | None) -> Completion:
        t = time.perf_counter()
        reply = self._request(call, messages, max_tokens, stream=False)
        http_ms = (time.perf_counter() - t) * 1000
        if not getattr(reply, "choices", None):
            raise ProviderError(f"{self.where} sent a chat completion without choices; "
                                "check that it is an OpenAI-compatible chat endpoint")
        choice = reply.choices[0]
        return Completion(text=choice.message.content or "", model=reply.model or self.model,
                          usage=_usage(reply.usage), finish_reason=choice.finish_reason, http_ms=http_ms)

    def _stream(self, call, messages, max_tokens: int | None, on_token: Callable[[str], None],
                started: float) -> Completion:
        import openai

        t = time.perf_counter()
        in_callback = 0.0
        try:
            stream = self._request(call, messages, max_tokens, stream=True, stream_options={"include_usage": True})
        except openai.BadRequestError as e:
            # Some older servers reject stream_options; usage is then simply not reported.
            if "stream_options" not in str(e):
                raise
            stream = self._request(call, messages, max_tokens, stream=True)
        parts: list[str] = []
        masker = StreamRedactor(self.secrets)  # holds back what could still become a key
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
                    if shown := masker.feed(piece):
                        on_token(shown)
                    in_callback += time.perf_counter() - c
        except (ProviderError, Overtime):
            raise
        except Exception as e:  # noqa: BLE001
            # The client wraps a dropped connection in APIConnectionError and does not resend a stream.
            if chars or isinstance(e, openai.APIConnectionError):
                raise StreamCut(e, chars) from None
            raise
        if finish is None:
            if chars:
                raise StreamCut(None, chars)
            raise ProviderError(f"{self.where} ended the stream without an answer or end marker; "
                                "check the server's log and retry")
        if rest := masker.close():
            on_token(rest)
        http_ms = (time.perf_counter() - t - in_callback) * 1000
        return Completion(text="".join(parts), model=model, usage=usage, finish_reason=finish,
                          first_token_ms=first, http_ms=http_ms, streamed=True)


def _usage(usage: Any) -> dict[str, int] | None:
    if usage is None:
        return None
    out = {k: getattr(usage, k, None) for k in ("prompt_tokens", "completion_tokens", "total_tokens")}
    return {k: int(v) for k, v in out.items() if v is not None} or None
