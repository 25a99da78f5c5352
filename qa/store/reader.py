"""What a search reads from the store: the nearest live chunks in Chroma, and passages as `Hit`s.

`Store.dense_search` and `Store.fetch_hits` call these inside the store's retry (a rebuild may
switch generations under a reader); the keyword half of a search is `qa.store.keyword`.
"""

from __future__ import annotations

from typing import Callable

from qa.types import Hit


def nearest(chroma, live: set[str], embedding: list[float], depth: int,
            articles: set[str] | None = None) -> list[tuple[str, float]]:
    """The `depth` live chunks nearest to `embedding` in the store's collection (`chroma`, a
    `qa.store.chroma.Chroma`), as (chunk id, cosine similarity), best first. Asks for ids and
    distances only: reading texts and metadata costs more than the search itself, so `hits` reads
    them for the few passages kept."""
    if not live or depth <= 0 or articles is not None and not articles:
        return []
    where = {"article_id": {"$in": sorted(articles)}} if articles is not None else None
    n = min(depth + 8, len(live))  # + room for chunks a running ingest has not published
    got = chroma.collection.query(query_embeddings=[embedding], n_results=n, where=where, include=["distances"])
    found = [(cid, 1.0 - dist) for cid, dist in zip(got["ids"][0], got["distances"][0]) if cid in live]
    return found[:depth]


def hits(ids: list[str], found: dict[str, dict], chroma_records: Callable[[list[str]], list[dict]],
         similarity: dict[str, float] | None = None, default: float = 0.0) -> list[Hit]:
    """Hits for chunk ids, in the order given, from the records `found` (the keyword index's copy
    of the passages), reading any it lacks with `chroma_records`. `Hit.dense` (and `Hit.score`) is
    `similarity[id]`, else `default`."""
    similarity = similarity or {}
    missing = [i for i in ids if i not in found]
    if missing:
        found.update((r["id"], r) for r in chroma_records(missing))
    return [_record_to_hit(found[i], similarity.get(i, default)) for i in ids if i in found]


def _record_to_hit(rec: dict, sim: float) -> Hit:
    return Hit(chunk_id=rec["id"], text=rec["text"], score=float(sim), source=rec["source"], title=rec["title"],
               article_id=rec["article_id"], section=rec["section"], start=int(rec["start"]), end=int(rec["end"]),
               dense=float(sim))


__all__ = ["hits", "nearest"]
