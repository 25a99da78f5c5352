"""The store: one directory that holds the Chroma collection, the manifest and the keyword index.

`Store` is what the rest of qa opens, reads and writes; it composes parts of one job each:
    manifest.py   manifest.json: its format, reading and writing it, the questions asked of it
    chroma.py     the Chroma client and collection, and Chroma's failures as plain errors
    keyword.py    the BM25 keyword index over the same chunks (its segments: segment.py)
    reader.py     what a search reads: the nearest chunks, passages as `Hit`s
    check.py      what `qa doctor` reports: the parts compared, damage found
    integrity.py  checksums, `DamagedError`, writes the environment refuses
This module keeps what spans them: generations, publishing documents, keeping the keyword index
in step with the manifest, garbage, and the check and repair of the whole.

Layout of the store directory (created with user-only permissions):
    manifest.json   which documents are stored, their content hash, articles and chunk ids, and
                    which embedder built the store. It is the source of truth: a chunk that
                    Chroma holds but the manifest does not name is invisible (left over from an
                    interrupted ingest) and is deleted by the next write.
    chroma/         Chroma's embedded database (absent when QA_CHROMA_URL names a Chroma server)
    keyword/        the BM25 keyword index over the same chunks (qa/store/keyword.py); it follows the
                    manifest and repairs itself from Chroma's texts when they disagree
    rebuild.json    the manifest of a rebuild in progress (see below)
    chroma.damaged-<time>/   a Chroma database that could not be opened, moved aside, never deleted
    qa.toml         optional settings for this store

A document is replaced in three steps so a reader never sees half of it: add its new chunks
(their ids embed the new content hash), switch its manifest entry in one atomic rename, then
delete the old chunks.

A rebuild is a new *generation*: a new collection and a new keyword folder (`keyword-<gen>`),
named by `rebuild.json` while they fill. Readers keep using the generation manifest.json names;
`commit` switches it in one atomic rename and only then drops the old generation, so a failed or
interrupted rebuild leaves the old store answering (the next writer drops the leftovers). A
reader whose generation disappears under it re-reads the manifest and carries on with the new one.
"""

from __future__ import annotations

import json
import shutil
import time
import uuid
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from qa.config import Settings
from qa.errors import QAError, StoreError, StoreMissingError
from qa.store import manifest as manifests
from qa.store.chroma import Chroma, chunk_record
from qa.store.integrity import guard_write
from qa.store.manifest import COLLECTION, KEYWORD_DIR, MANIFEST, REBUILD, empty_manifest, read_manifest
from qa.types import DocumentEntry, Hit, SourceRow


@dataclass
class DocumentUpdate:
    """One document `Store.replace_documents` publishes: its manifest key, its new entry and its
    embedded chunks (nodes; none for a copy, which points at its original's)."""

    key: str
    entry: DocumentEntry
    nodes: list


class Store:
    def __init__(self, settings: Settings, manifest: dict[str, Any], writable: bool = False):
        self.settings = settings
        self.path = Path(settings.store)
        self.manifest = manifest
        self.writable = writable  # opened by a writer (ingest): only writers persist keyword-index repairs
        self.chroma = Chroma(settings, self.path, writable, name=lambda: self.collection_name, follow=self._reload)
        self._keyword = None
        self._live: frozenset[str] | None = None  # a reader's live chunk ids (`live_chunk_ids`)
        self._titles: tuple[Any, tuple[str, ...]] | None = None  # (the documents read, their titles): `titles`
        self.save_seconds = 0.0
        self.replaces: dict[str, Any] | None = None  # a rebuild: the manifest `commit` will replace
        self._abandoned: str | None = None  # a repair: the broken collection `finish_repair` drops
        self.moved_aside: Path | None = None  # a rebuild: where a Chroma database that would not open went

    # -- opening and generations ----------------------------------------------------------------
    @classmethod
    def open(cls, settings: Settings, create: bool = False, rebuild: bool = False) -> "Store":
        path = Path(settings.store)
        if path.exists() and not path.is_dir():
            raise StoreError(f"the store path {path} is a file, not a folder; choose another --store or QA_STORE")
        manifest_path = path / MANIFEST
        if rebuild:
            return cls._begin_rebuild(settings)
        if not manifest_path.exists():
            if not create:
                raise StoreMissingError(f"No store at {path}. Run: qa ingest PATH (e.g. qa ingest seeds/)")
            store = cls(settings, empty_manifest(settings), writable=True)
            guard_write(store.path, store.save)
            return store
        return cls(settings, read_manifest(manifest_path), writable=create)

    @classmethod
    def _begin_rebuild(cls, settings: Settings) -> "Store":
        """A store object for a new generation; manifest.json keeps naming the old one until `commit`."""
        path = Path(settings.store)
        try:
            old = read_manifest(path / MANIFEST)
        except QAError:
            old = None  # unreadable: nothing to keep, the rebuild replaces it
        fresh = empty_manifest(settings)
        if old:  # keep the collection's root name, so a store on a Chroma server stays where it was
            fresh["root"] = old.get("root", old.get("collection", fresh["root"]))
        generation = uuid.uuid4().hex[:8]
        fresh.update(generation=generation, collection=f"{fresh['root']}-{generation}",
                     keyword=f"{KEYWORD_DIR}-{generation}")
        store = cls(settings, fresh, writable=True)
        store.replaces = old or {}
        store.drop_abandoned()
        guard_write(store.path, store.save)  # rebuild.json names the new generation before it exists
        store.moved_aside = store.chroma.open_or_move_aside(unwritable_too=True)
        return store

    def save(self) -> None:
        """Write the manifest (`manifests.write_manifest`); during a rebuild, to rebuild.json.
        `save_seconds` is how long the last save took."""
        started = time.perf_counter()
        manifests.write_manifest(self.path / (REBUILD if self.replaces is not None else MANIFEST), self.manifest)
        self.save_seconds = time.perf_counter() - started

    def commit(self) -> None:
        """End a rebuild: name the new generation in manifest.json, then drop the old one."""
        if self.replaces is None:
            return
        old, self.replaces = self.replaces, None
        guard_write(self.path, self.save)
        (self.path / REBUILD).unlink(missing_ok=True)
        self._drop_generation(old)

    def drop_abandoned(self) -> None:
        """Drop what an interrupted rebuild left (its collection and keyword folder)."""
        try:
            left = json.loads((self.path / REBUILD).read_text(encoding="utf-8"))
        except (OSError, ValueError):
            left = None
        if isinstance(left, dict) and left.get("collection") != self.manifest.get("collection"):
            self._drop_generation(left)
        (self.path / REBUILD).unlink(missing_ok=True)
        others = [p for p in self.path.glob(f"{KEYWORD_DIR}*") if p.is_dir() and p != self.keyword_dir]
        if not others:
            return  # the usual case, spared reading manifest.json (12 MB at 100k chunks)
        keep = {self.keyword_dir.name}
        try:  # during a rebuild, readers still use the generation manifest.json names
            keep.add(read_manifest(self.path / MANIFEST).get("keyword", KEYWORD_DIR))
        except QAError:
            pass
        for p in others:
            if p.name not in keep:
                shutil.rmtree(p, ignore_errors=True)

    def _drop_generation(self, manifest: dict[str, Any]) -> None:
        name = manifest.get("collection")
        if name and name != self.collection_name:
            self.chroma.drop_collection(name)
        # A manifest from before generations names no folder: its folder was plain `keyword`.
        folder = manifest.get("keyword", KEYWORD_DIR if "documents" in manifest else None)
        if folder and self.path / folder != self.keyword_dir:
            shutil.rmtree(self.path / folder, ignore_errors=True)

    def _reload(self) -> bool:
        """Has a rebuild switched generations since this store was opened? Then follow it."""
        if self.writable:
            return False
        try:
            current = read_manifest(self.path / MANIFEST)
        except QAError:
            return False
        if (current.get("collection"), current.get("keyword")) == (self.manifest.get("collection"),
                                                                  self.manifest.get("keyword")):
            return False
        self.manifest, self._keyword, self._live = current, None, None
        self.chroma.forget()
        return True

    def _read(self, op):
        """Run a read; if it fails because a rebuild replaced this generation, retry on the new one."""
        try:
            return op()
        except Exception as e:  # noqa: BLE001
            if self._reload():
                return self.chroma.call(op)
            raise self.chroma.explain(e) from e

    @property
    def collection_name(self) -> str:
        return self.manifest.get("collection", COLLECTION)

    @property
    def keyword_dir(self) -> Path:
        return self.path / self.manifest.get("keyword", KEYWORD_DIR)

    @property
    def collection(self):
        return self.chroma.collection

    def load(self, dense: bool = True) -> None:
        """Open now what a reader needs (the keyword index, and the Chroma collection when `dense`)
        rather than at the first search, so the one-off costs (importing chromadb, ~1 s cold) are
        paid, and timed, as loading."""
        _ = self.keyword
        if dense:
            _ = self.collection

    # -- documents ----------------------------------------------------------------------------
    @property
    def documents(self) -> dict[str, DocumentEntry]:
        return self.manifest["documents"]

    def titles(self) -> tuple[str, ...]:
        """Every stored article's title, once each: a question span holding one names an article's
        subject (`qa.answer.grounding`). Read again only when the manifest was."""
        docs = self.documents
        if self._titles is None or self._titles[0] is not docs:
            self._titles = (docs, tuple(dict.fromkeys(a["title"] for d in docs.values()
                                                      for a in d.get("articles", ()) if a.get("title"))))
        return self._titles[1]

    def check_embedder(self, fingerprint: str, dim: int | None = None) -> None:
        manifests.check_embedder(self.manifest, self.path, fingerprint, dim)

    def record_embedder(self, fingerprint: str, dim: int) -> None:
        self.manifest["embedder"] = {"fingerprint": fingerprint, "dim": dim}

    def live_chunk_ids(self) -> set[str]:
        """The chunk ids the manifest names. A reader's manifest does not change (but for a
        generation switch, `_reload`), so it builds the set once: at 100k chunks that is ~10 ms a
        question. A writer's changes as it goes."""
        if self.writable:
            return manifests.live_ids(self.documents)
        if self._live is None:
            self._live = frozenset(manifests.live_ids(self.documents))
        return self._live

    def chunk_count(self) -> int:
        return sum(len(d["chunk_ids"]) for d in self.documents.values())

    def sources(self) -> list[SourceRow]:
        """Stored documents with their articles, sorted by source."""
        return manifests.source_rows(self.documents)

    def filter_articles(self, source: str | None = None, title: str | None = None) -> set[str] | None:
        """Article ids whose document source matches the glob `source` (path or file name) and whose
        title contains `title` (case- and width-insensitive); None when no filter is given."""
        return manifests.matching_articles(self.documents, source, title)

    # -- writing ------------------------------------------------------------------------------
    def add_chunks(self, nodes: list) -> None:
        """Upsert embedded nodes into Chroma (the keyword index and the manifest are not told)."""
        self.chroma.add_chunks(nodes)

    def replace_documents(self, batch: list[DocumentUpdate]) -> None:
        """Publish several documents at once: add all new chunks, switch the manifest entries in
        one atomic write, then delete the chunks no entry names any more. Batching keeps a
        5,000-file ingest from rewriting the manifest 5,000 times; each document still becomes
        visible whole or not at all."""
        old: set[str] = set()
        nodes = [n for update in batch for n in update.nodes]
        if nodes:
            self.chroma.add_chunks(nodes)
            # Indexed before the manifest names them, like Chroma; a crash in between leaves rows
            # the manifest does not name, which the keyword index ignores and later merges drop.
            self.keyword.add([chunk_record(n.id, n.text, n.metadata) for n in nodes],
                             live=self.live_chunk_ids() | {n.id for n in nodes})
        for update in batch:
            old.update(self.documents.get(update.key, {}).get("chunk_ids", []))
            update.entry["chunk_ids"] = [n.id for n in update.nodes]
            self.documents[update.key] = update.entry
        guard_write(self.path, self.save)
        live = self.live_chunk_ids()
        if self._keyword is not None:
            self._keyword.set_live(live)
        self.chroma.delete(sorted(old - live))

    def collect_garbage(self, stored: set[str] | None = None) -> int:
        """Delete chunks that no manifest entry names (left by an interrupted ingest), and what an
        interrupted rebuild left."""
        if self.replaces is None:
            self.drop_abandoned()
        live = self.live_chunk_ids()
        stored = self.chroma.stored_ids() if stored is None else stored
        stale = [cid for cid in stored if cid not in live]
        self.chroma.delete(stale)
        self.keyword.set_live(live)  # opening it compares it with the manifest and repairs it
        return len(stale)

    # -- check and repair (qa doctor, qa/ingest/repair.py) ---------------------------------------
    def inspect(self, full: bool = True) -> dict[str, Any]:
        """What `qa doctor` reports of this store, repairing nothing (`qa.store.check.inspect`)."""
        from qa.store.check import inspect

        return inspect(self, full)

    def renew_collection(self) -> None:
        """Start a new, empty collection for this store (its vector index is broken); the old one is
        dropped by `finish_repair`, once the manifest names the new one."""
        self._abandoned = self.collection_name
        self.manifest["collection"] = f"{self.manifest.get('root', COLLECTION)}-{uuid.uuid4().hex[:8]}"
        self.chroma.forget()

    def drop_keyword_segment(self, part: str) -> None:
        shutil.rmtree(self.path / part, ignore_errors=True)
        self._keyword = None

    def reopen_keyword(self):
        self._keyword = None
        return self.keyword

    def forget_chunks(self, lost: set[str]) -> list[str]:
        """Drop the documents that lost chunks from the manifest (the next ingest of their files adds
        them again); returns their sources."""
        sources = manifests.forget_documents(self.documents, lost)
        if self._keyword is not None:
            self._keyword.set_live(self.live_chunk_ids())
        return sources

    def finish_repair(self, stored: set[str], changed: bool = True) -> None:
        """Save the repaired manifest (when `changed`), drop a replaced collection and the chunks no
        entry names (`stored`: the ids Chroma holds, known to the caller, to spare fetching them again)."""
        if changed or self._abandoned:
            guard_write(self.path, self.save)
        if self._abandoned:
            self._drop_generation({"collection": self._abandoned})
            self._abandoned = None
        self.collect_garbage(stored)

    # -- keyword index ------------------------------------------------------------------------
    @property
    def keyword(self):
        """The BM25 index over the live chunks, compared with the manifest (and repaired) on first use."""
        if self._keyword is None:
            from qa.store.keyword import KeywordIndex

            directory = self.keyword_dir
            if self.writable or not KeywordIndex.outdated(directory):
                self._keyword = KeywordIndex.open(directory, self.live_chunk_ids(), self._chroma_records,
                                                  persist=self.writable)
            else:
                self._keyword = self._rebuild_keyword_index(directory)
        return self._keyword

    def _rebuild_keyword_index(self, directory: Path):
        """A reader finding an index of an older format rebuilds it from Chroma's texts; it writes
        the result when no ingest holds the store (else the next ingest will), so that one `qa ask`
        pays for the rebuild instead of every one."""
        from qa.store.keyword import KeywordIndex
        from qa.lock import writer_lock

        try:
            with writer_lock(self.path, wait=False):
                return KeywordIndex.open(directory, self.live_chunk_ids(), self._chroma_records, persist=True)
        except (StoreError, OSError):
            return KeywordIndex.open(directory, self.live_chunk_ids(), self._chroma_records, persist=False)

    def _chroma_records(self, ids: list[str]) -> list[dict]:
        """The keyword index's records of chunks, read from Chroma's texts (`chunk_record`)."""
        out = []
        for start in range(0, len(ids), 1000):
            part = ids[start:start + 1000]
            got = self._read(lambda: self.collection.get(ids=part, include=["documents", "metadatas"]))
            out.extend(chunk_record(cid, doc or "", md or {})
                       for cid, doc, md in zip(got["ids"], got["documents"], got["metadatas"]))
        return out

    # -- reading ------------------------------------------------------------------------------
    def dense_search(self, embedding: list[float], depth: int, articles: set[str] | None = None) -> list[tuple[str, float]]:
        """The `depth` live chunks nearest to `embedding`, as (chunk id, cosine similarity), best
        first (`reader.nearest`)."""
        from qa.store.reader import nearest

        return self._read(lambda: nearest(self.chroma, self.live_chunk_ids(), embedding, depth, articles))

    def fetch_hits(self, ids: list[str], similarity: dict[str, float] | None = None, default: float = 0.0) -> list[Hit]:
        """Hits for chunk ids, in the order given, read from the keyword index's copy of the passages
        (Chroma for any it lacks). `Hit.dense` (and `Hit.score`) is `similarity[id]`, else `default`."""
        from qa.store.reader import hits

        if not ids:
            return []
        return hits(ids, self.keyword.records(ids), self._chroma_records, similarity, default)


__all__ = ["DocumentUpdate", "Store"]
