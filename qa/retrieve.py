"""Question -> ranked passages (`Hit`s) from the store."""

from __future__ import annotations

from qa.config import Settings
from qa.types import Hit


def retrieve(question: str, settings: Settings, store=None, embedder=None, k: int | None = None) -> list[Hit]:
    from qa.embed import fingerprint, make_embedder
    from qa.store import Store

    store = store or Store.open(settings)
    embedder = embedder or make_embedder(settings)
    store.check_embedder(fingerprint(embedder))
    vector = embedder.get_query_embedding(question)
    return store.query(vector, k or settings.top_k)
