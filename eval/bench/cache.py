"""An embedding cache for benchmark runs: the trial corpus takes minutes to embed on two cores,
so vectors are kept in SQLite outside the repo (default ~/.cache/qa-bench), keyed by the
embedder's fingerprint, the kind (query/passage) and a hash of the text. Reruns are then fast
and still use exactly the vectors the model produced."""

from __future__ import annotations

import hashlib
import sqlite3
import threading
from pathlib import Path

import numpy as np

from qa.embed import Embedder, fingerprint

DEFAULT_CACHE = Path("~/.cache/qa-bench").expanduser()


class CachedEmbedding(Embedder):
    """Wraps another embedder; same fingerprint, so a store built through it is a normal store."""

    model_name = "cached"

    def __init__(self, inner: Embedder, cache_dir: Path = DEFAULT_CACHE) -> None:
        super().__init__(inner.embed_batch_size)
        self._inner = inner
        cache_dir.mkdir(parents=True, exist_ok=True)
        self._db = sqlite3.connect(str(cache_dir / "vectors.sqlite"), check_same_thread=False)
        self._db.execute("CREATE TABLE IF NOT EXISTS v (k TEXT PRIMARY KEY, vec BLOB)")
        self._lock = threading.Lock()
        self._prefix = fingerprint(inner)

    @property
    def fingerprint(self) -> str:
        return self._prefix

    @property
    def inner(self) -> Embedder:
        return self._inner

    def _key(self, kind: str, text: str) -> str:
        return hashlib.sha256(f"{self._prefix}\0{kind}\0{text}".encode()).hexdigest()

    def _lookup(self, kind: str, texts: list[str]) -> list[list[float] | None]:
        keys = [self._key(kind, t) for t in texts]
        found: dict[str, list[float]] = {}
        with self._lock:
            for start in range(0, len(keys), 500):
                part = keys[start:start + 500]
                rows = self._db.execute(f"SELECT k, vec FROM v WHERE k IN ({','.join('?' * len(part))})", part)
                found.update((k, np.frombuffer(b, dtype=np.float32).tolist()) for k, b in rows)
        return [found.get(k) for k in keys]

    def _store(self, kind: str, texts: list[str], vectors: list[list[float]]) -> None:
        with self._lock:
            self._db.executemany("INSERT OR REPLACE INTO v VALUES (?, ?)",
                                 [(self._key(kind, t), np.asarray(v, dtype=np.float32).tobytes())
                                  for t, v in zip(texts, vectors)])
            self._db.commit()

    def _many(self, kind: str, texts: list[str]) -> list[list[float]]:
        cached = self._lookup(kind, texts)
        missing = [t for t, v in zip(texts, cached) if v is None]
        if missing:
            unique = list(dict.fromkeys(missing))
            if kind == "query":
                fresh = [self._inner.get_query_embedding(t) for t in unique]
            else:
                fresh = self._inner.get_text_embedding_batch(unique)
            self._store(kind, unique, fresh)
            made = dict(zip(unique, fresh))
            cached = [v if v is not None else made[t] for t, v in zip(texts, cached)]
        return cached

    def _query(self, query: str) -> list[float]:
        return self._many("query", [query])[0]

    def _text(self, text: str) -> list[float]:
        return self._many("passage", [text])[0]

    def _texts(self, texts: list[str]) -> list[list[float]]:
        return self._many("passage", list(texts))

    def get_query_embeddings(self, queries: list[str]) -> list[list[float]]:
        """Many questions at once (misses are embedded one by one, as at query time)."""
        return self._many("query", list(queries))
