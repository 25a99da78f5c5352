"""Restore a damaged store from the parts that are intact (`qa doctor --repair`, and the cheap
part of it at the start of every ingest).

The store keeps each chunk's text twice, in Chroma and in the keyword index, so either can
restore the other: a chunk Chroma lost (a damaged or deleted database, a broken vector index) is
re-embedded from the keyword index's checked copy of its text (only the lost chunks, or every
chunk when the vector index itself is broken); a damaged keyword segment is dropped and its
chunks re-indexed from Chroma's texts; a lost `index.json` is recovered from its segments. A
document whose text survives in neither is dropped from the manifest and named, so that the next
`qa ingest` of its file adds it again; nothing is guessed and nothing damaged is used.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path

from qa.config import Settings
from qa.store.integrity import DamagedError


@dataclass
class RepairReport:
    fixed: list[str] = field(default_factory=list)  # what was damaged and how it was restored
    lost: list[str] = field(default_factory=list)  # documents that must be ingested again (their sources)


def repair(settings: Settings, embedder=None) -> RepairReport:
    """Check everything (checksums, the vector index) and restore what is damaged."""
    from qa.embed import make_embedder
    from qa.lock import writer_lock
    from qa.store import Store

    Store.open(settings)  # a missing store or an unreadable manifest is not something to repair
    with writer_lock(Path(settings.store)):
        store = Store.open(settings, create=True)
        embedder = embedder or make_embedder(settings)
        return restore(store, embedder, full=True)


def restore(store, embedder, full: bool = False) -> RepairReport:
    """Restore `store` (opened by a writer holding the lock). Without `full`, only what is cheap to
    see: a database that does not open, chunks Chroma lacks, damaged or missing keyword files by size."""
    from qa.embed import fingerprint
    from qa.store.keyword import KeywordIndex

    report = RepairReport()
    if store.documents:
        store.check_embedder(fingerprint(embedder))
    aside = store.chroma.open_or_move_aside()
    if aside:
        report.fixed.append(f"chroma: could not be opened ({store.chroma.aside_reason}); moved aside to {aside.name} "
                            "and started anew")
    live = store.live_chunk_ids()
    stored = store.chroma.stored_ids(expected=None if full else live)
    broken = None
    if full and stored:
        try:
            store.chroma.probe_vectors(sorted(stored))
        except DamagedError as e:
            store.renew_collection()
            broken, stored = e.problem, set()
    missing = live - stored
    texts: dict[str, dict] = {}
    if missing:
        texts = KeywordIndex.salvage(store.keyword_dir, missing)
        _reembed(store, embedder, texts)
        if broken:
            report.fixed.append(f"chroma: the vector index is broken ({broken}); re-embedded {len(texts)} of "
                                f"{len(live)} chunks into a new one from the keyword index's texts")
        elif texts:
            report.fixed.append(f"chroma: {len(missing)} of {len(live)} chunks were missing; re-embedded "
                                f"{len(texts)} from the keyword index's texts")
    dropped = {}
    if full:  # damage only a checksum shows; what sizes show, opening the index finds by itself
        for e in KeywordIndex.check(store.keyword_dir, full=True):
            dropped[e.part] = f"{e.part}: {e.problem}; dropped it and re-indexed its chunks from Chroma"
            store.drop_keyword_segment(e.part)
    report.fixed.extend(dropped.values())
    keyword = store.reopen_keyword()
    report.fixed.extend(f"{line} from Chroma" if line.endswith("re-indexed its chunks") else line
                        for line in keyword.repaired if line.split(":")[0] not in dropped)
    lost = (missing - texts.keys()) | (live - keyword.covered())
    if lost:
        report.lost = store.forget_chunks(lost)
    store.finish_repair(stored | texts.keys(), changed=bool(report.fixed or report.lost))
    return report


def _reembed(store, embedder, records: dict[str, dict]) -> None:
    from qa.ingest.chunk import embed_nodes, make_node

    kinds = {a["id"]: a.get("kind", "") for d in store.documents.values() for a in d["articles"]}
    nodes = [make_node(cid, r["text"], {"source": r["source"], "article_id": r["article_id"], "title": r["title"],
                                        "kind": kinds.get(r["article_id"], ""), "section": r["section"],
                                        "start": r["start"], "end": r["end"]})
             for cid, r in sorted(records.items())]
    embed_nodes(nodes, embedder, on_batch=store.add_chunks)


__all__ = ["RepairReport", "repair", "restore"]
