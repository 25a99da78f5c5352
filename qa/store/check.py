"""What `qa doctor` reports of a store: its manifest compared with Chroma and with the keyword
index, and the damage found, without repairing anything (the repair is qa/ingest/repair.py)."""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

from qa.store.integrity import DamagedError
from qa.store.manifest import REBUILD

if TYPE_CHECKING:
    from qa.store.store import Store


def inspect(store: Store, full: bool = True) -> dict[str, Any]:
    """`missing`: chunks the manifest names but Chroma lacks (only a damaged store has these);
    `orphans`: chunks Chroma holds that no manifest entry names (an interrupted ingest; the next
    ingest deletes them); `keyword_missing`: live chunks the keyword index lacks (it indexes
    them on next use); `damaged`: one line per damaged part; `recovered`: what a reader worked
    around in memory (a lost index.json). `full` also reads every keyword
    file against its checksum and probes the vector index."""
    from qa.store.keyword import KeywordIndex

    chroma = store.chroma
    live = store.live_chunk_ids()
    damaged: list[str] = []
    stored: set[str] | None = None
    try:
        chroma.probe_database()
        stored = set(chroma.call(lambda: chroma.collection.get(include=[])["ids"]))
        if full and stored:
            chroma.probe_vectors(sorted(stored))
    except DamagedError as e:
        damaged.append(f"{e.part}: {e.problem}")
    damaged.extend(f"{e.part}: {e.problem}" for e in KeywordIndex.check(store.keyword_dir, full=full))
    unindexed: list[str] = []

    def note(ids: list[str]) -> list:
        unindexed.extend(ids)
        return []

    recovered: list[str] = []
    if not damaged or all(not d.startswith(store.keyword_dir.name) for d in damaged):
        # A reader "repairs" only a lost index.json, and only in memory: not damage, but worth saying.
        recovered = list(KeywordIndex.open(store.keyword_dir, live, note, persist=False).repaired)
    if (store.path / REBUILD).exists():
        recovered.append("an interrupted rebuild left a new generation half built (rebuild.json); "
                         "the next qa ingest drops it")
    return {"chunks": len(live), "missing": len(live - stored) if stored is not None else 0,
            "orphans": len(stored - live) if stored is not None else 0, "keyword_missing": len(unindexed),
            "damaged": damaged, "recovered": recovered}


__all__ = ["inspect"]
