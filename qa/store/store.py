"""The store: one directory that holds the Chroma collection and the manifest.

Layout of the store directory (created with user-only permissions):
    manifest.json   which documents are stored, their content hash, articles and chunk ids, and
                    which embedder built the store. It is the source of truth: a chunk that
                    Chroma holds but the manifest does not name is invisible (left over from an
                    interrupted ingest) and is deleted by the next write.
    chroma/         Chroma's embedded database (absent when QA_CHROMA_URL names a Chroma server)
    keyword/        the BM25 keyword index over the same chunks (qa/store/keyword.py); it follows the
                    manifest and repairs itself from Chroma's texts when they disagree
    qa.toml         optional settings for this store

A document is replaced in three steps so a reader never sees half of it: add its new chunks
(their ids embed the new content hash), switch its manifest entry in one atomic rename, then
delete the old chunks. This is the only module that imports chromadb.
"""

from __future__ import annotations

import fnmatch
import json
import shutil
import uuid
from pathlib import Path
from typing import Any

from qa.config import Settings
from qa.errors import StoreError, StoreMissingError
from qa.files import write_atomic
from qa.types import DocumentEntry, Hit, SourceRow

MANIFEST = "manifest.json"
COLLECTION = "qa_chunks"
KEYWORD_DIR = "keyword"
FORMAT = 1


class Store:
    def __init__(self, settings: Settings, manifest: dict[str, Any]):
        self.settings = settings
        self.path = Path(settings.store)
        self.manifest = manifest
        self._collection = None
        self._vector_store = None
        self._keyword = None
        self.writable = False  # opened by a writer (ingest): only writers persist keyword-index repairs

    # -- opening ------------------------------------------------------------------------------
    @classmethod
    def open(cls, settings: Settings, create: bool = False, rebuild: bool = False) -> "Store":
        path = Path(settings.store)
        manifest_path = path / MANIFEST
        fresh = _empty_manifest(settings)
        if rebuild and path.exists():
            try:  # keep the collection name, so a store on a Chroma server stays where it was
                fresh["collection"] = json.loads(manifest_path.read_text(encoding="utf-8"))["collection"]
            except (OSError, ValueError, KeyError):
                pass
            store = cls(settings, fresh)
            store._drop_collection()
            manifest_path.unlink(missing_ok=True)
            shutil.rmtree(path / KEYWORD_DIR, ignore_errors=True)
        if not manifest_path.exists():
            if not create:
                raise StoreMissingError(f"No store at {path}. Run: qa ingest PATH (e.g. qa ingest seeds/)")
            path.mkdir(parents=True, exist_ok=True, mode=0o700)
            store = cls(settings, fresh)
            store.writable = True
            store.save()
            return store
        try:
            manifest = json.loads(manifest_path.read_text(encoding="utf-8"))
        except (OSError, json.JSONDecodeError) as e:
            raise StoreError(f"{manifest_path}: unreadable store manifest ({e}). Rebuild with: qa ingest --rebuild PATH") from None
        if manifest.get("format") != FORMAT:
            raise StoreError(f"{manifest_path}: store format {manifest.get('format')} is not {FORMAT}. "
                             "Rebuild with: qa ingest --rebuild PATH")
        store = cls(settings, manifest)
        store.writable = create
        return store

    def save(self) -> None:
        """Write the manifest atomically (temp file + fsync + rename)."""
        self.path.mkdir(parents=True, exist_ok=True, mode=0o700)
        write_atomic(self.path / MANIFEST, json.dumps(self.manifest, ensure_ascii=False, indent=1))

    # -- chroma -------------------------------------------------------------------------------
    def _client(self):
        import chromadb
        from chromadb.config import Settings as ChromaSettings

        chroma_settings = ChromaSettings(anonymized_telemetry=False)
        url = self.settings.chroma_url
        try:
            if url:
                from urllib.parse import urlparse

                u = urlparse(url if "://" in url else f"http://{url}")
                return chromadb.HttpClient(host=u.hostname or "127.0.0.1", port=u.port or 8000,
                                           ssl=u.scheme == "https", settings=chroma_settings)
            return chromadb.PersistentClient(path=str(self.path / "chroma"), settings=chroma_settings)
        except Exception as e:  # noqa: BLE001
            where = url or str(self.path / "chroma")
            raise StoreError(f"cannot open the Chroma store at {where}: {e}") from None

    @property
    def collection_name(self) -> str:
        return self.manifest.get("collection", COLLECTION)

    @property
    def collection(self):
        if self._collection is None:
            # embedding_function=None: Chroma's default function downloads a model; vectors come from qa.embed.
            self._collection = self._client().get_or_create_collection(
                self.collection_name, embedding_function=None, metadata={"hnsw:space": "cosine"})
        return self._collection

    def load(self, dense: bool = True) -> None:
        """Open now what a reader needs (the keyword index, and the Chroma collection when `dense`)
        rather than at the first search, so the one-off costs (importing chromadb, ~1 s cold) are
        paid, and timed, as loading."""
        _ = self.keyword
        if dense:
            _ = self.collection

    @property
    def vector_store(self):
        if self._vector_store is None:
            from llama_index.vector_stores.chroma import ChromaVectorStore

            self._vector_store = ChromaVectorStore(chroma_collection=self.collection)
        return self._vector_store

    def _drop_collection(self) -> None:
        try:
            self._client().delete_collection(self.collection_name)
        except Exception:  # noqa: BLE001 - nothing to drop
            pass
        self._collection = None
        self._vector_store = None

    # -- embedder guard -----------------------------------------------------------------------
    def check_embedder(self, fingerprint: str, dim: int | None = None) -> None:
        built = self.manifest.get("embedder")
        if not built or not self.manifest["documents"]:
            return
        if built["fingerprint"] != fingerprint or (dim is not None and built.get("dim") not in (None, dim)):
            raise StoreError(
                f"the store at {self.path} was built with embedder {built['fingerprint']} "
                f"({built.get('dim')}-d), not {fingerprint}. Use the same QA_EMBED, or rebuild: qa ingest --rebuild PATH")

    def record_embedder(self, fingerprint: str, dim: int) -> None:
        self.manifest["embedder"] = {"fingerprint": fingerprint, "dim": dim}

    # -- documents ----------------------------------------------------------------------------
    @property
    def documents(self) -> dict[str, DocumentEntry]:
        return self.manifest["documents"]

    def live_chunk_ids(self) -> set[str]:
        return {cid for doc in self.documents.values() for cid in doc["chunk_ids"]}

    def replace_documents(self, batch: list[tuple[str, DocumentEntry, list]]) -> None:
        """Publish several documents at once: add all new chunks, switch the manifest entries in
        one atomic write, then delete the chunks no entry names any more. Batching keeps a
        5,000-file ingest from rewriting the manifest 5,000 times; each document still becomes
        visible whole or not at all."""
        old: set[str] = set()
        nodes = [n for _, _, doc_nodes in batch for n in doc_nodes]
        if nodes:
            self.vector_store.add(nodes)
            # Indexed before the manifest names them, like Chroma; a crash in between leaves rows
            # the manifest does not name, which the keyword index ignores and later merges drop.
            self.keyword.add([_chunk_record(n.node_id, n.get_content(), n.metadata) for n in nodes],
                             live=self.live_chunk_ids() | {n.node_id for n in nodes})
        for key, entry, doc_nodes in batch:
            old.update(self.documents.get(key, {}).get("chunk_ids", []))
            entry["chunk_ids"] = [n.node_id for n in doc_nodes]
            self.documents[key] = entry
        self.save()
        if self._keyword is not None:
            self._keyword.set_live(self.live_chunk_ids())
        stale = sorted(old - self.live_chunk_ids())
        if stale:
            self.collection.delete(ids=stale)

    def collect_garbage(self) -> int:
        """Delete chunks that no manifest entry names (left by an interrupted ingest)."""
        live = self.live_chunk_ids()
        stored = self.collection.get(include=[])["ids"]
        stale = [cid for cid in stored if cid not in live]
        if stale:
            self.collection.delete(ids=stale)
        self.keyword.set_live(live)  # opening it compares it with the manifest and repairs it
        return len(stale)

    def sources(self) -> list[SourceRow]:
        """Stored documents with their articles, sorted by source."""
        docs = sorted(self.documents.values(), key=lambda d: d["source"])
        rows: list[SourceRow] = []
        for d in docs:
            row = SourceRow(source=d["source"], articles=d["articles"], chunks=len(d["chunk_ids"]))
            if d.get("duplicate_of"):  # the same content under another name: stored once, listed twice
                row["same_as"] = self.documents.get(d["duplicate_of"], {}).get("source", d["duplicate_of"])
            rows.append(row)
        return rows

    def consistency(self) -> dict[str, int]:
        """Compare the manifest with Chroma and with the keyword index, without repairing anything.

        `missing`: chunks the manifest names but Chroma lacks (only a damaged store has these);
        `orphans`: chunks Chroma holds that no manifest entry names (an interrupted ingest; the next
        ingest deletes them); `keyword_missing`: live chunks the keyword index has not indexed yet
        (it indexes them on next use)."""
        from qa.store.keyword import KeywordIndex

        live = self.live_chunk_ids()
        stored = set(self.collection.get(include=[])["ids"])
        unindexed: list[str] = []

        def note(ids: list[str]) -> list:
            unindexed.extend(ids)
            return []

        KeywordIndex.open(self.path / KEYWORD_DIR, live, note, persist=False)
        return {"chunks": len(live), "missing": len(live - stored), "orphans": len(stored - live),
                "keyword_missing": len(unindexed)}

    def chunk_count(self) -> int:
        return sum(len(d["chunk_ids"]) for d in self.documents.values())

    # -- keyword index and filters ------------------------------------------------------------
    @property
    def keyword(self):
        """The BM25 index over the live chunks, compared with the manifest (and repaired) on first use."""
        if self._keyword is None:
            from qa.store.keyword import KeywordIndex

            directory = self.path / KEYWORD_DIR
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
        out = []
        for start in range(0, len(ids), 1000):
            got = self.collection.get(ids=ids[start:start + 1000], include=["documents", "metadatas"])
            out.extend(_chunk_record(cid, doc or "", md or {})
                       for cid, doc, md in zip(got["ids"], got["documents"], got["metadatas"]))
        return out

    def filter_articles(self, source: str | None = None, title: str | None = None) -> set[str] | None:
        """Article ids whose document source matches the glob `source` (path or file name) and whose
        title contains `title` (case- and width-insensitive); None when no filter is given."""
        if not source and not title:
            return None
        from qa.text.cjk import fold

        want = fold(title) if title else ""
        found = set()
        for doc in self.documents.values():
            src = doc["source"]
            if source and not (fnmatch.fnmatch(src, source) or fnmatch.fnmatch(Path(src).name, source)):
                continue
            found.update(a["id"] for a in doc["articles"] if want in fold(a["title"]))
        return found

    # -- reading ------------------------------------------------------------------------------
    def dense_search(self, embedding: list[float], depth: int, articles: set[str] | None = None) -> list[tuple[str, float]]:
        """The `depth` live chunks nearest to `embedding`, as (chunk id, cosine similarity), best first.

        Asks the Chroma collection for ids and distances only: reading texts and metadata costs
        more than the search itself, so `fetch_hits` reads them for the few passages kept."""
        live = self.live_chunk_ids()
        if not live or depth <= 0 or articles is not None and not articles:
            return []
        where = {"article_id": {"$in": sorted(articles)}} if articles is not None else None
        n = min(depth + 8, len(live))  # + room for chunks a running ingest has not published
        got = self.collection.query(query_embeddings=[embedding], n_results=n, where=where, include=["distances"])
        found = [(cid, 1.0 - dist) for cid, dist in zip(got["ids"][0], got["distances"][0]) if cid in live]
        return found[:depth]

    def fetch_hits(self, ids: list[str], similarity: dict[str, float] | None = None, default: float = 0.0) -> list[Hit]:
        """Hits for chunk ids, in the order given, read from the keyword index's copy of the passages
        (Chroma for any it lacks). `Hit.dense` (and `Hit.score`) is `similarity[id]`, else `default`."""
        if not ids:
            return []
        similarity = similarity or {}
        found = self.keyword.records(ids)
        missing = [i for i in ids if i not in found]
        if missing:
            found.update((r["id"], r) for r in self._chroma_records(missing))
        return [_record_to_hit(found[i], similarity.get(i, default)) for i in ids if i in found]


def _empty_manifest(settings: Settings) -> dict[str, Any]:
    # Many stores may share one Chroma server: each gets a collection of its own, named once here
    # and kept in the manifest (the store directory may move; the name must not change).
    name = f"qa-{uuid.uuid4().hex[:16]}" if settings.chroma_url else COLLECTION
    return {"format": FORMAT, "embedder": None, "collection": name, "documents": {}}


def _chunk_record(chunk_id: str, text: str, md: dict) -> dict:
    """What the keyword index keeps of a chunk (qa.store.segment.RECORD_FIELDS + text)."""
    return {"id": chunk_id, "text": text, "title": md.get("title", ""), "source": md.get("source", ""),
            "article_id": md.get("article_id", ""), "section": md.get("section", ""),
            "start": int(md.get("start", 0)), "end": int(md.get("end", 0))}


def _record_to_hit(rec: dict, sim: float) -> Hit:
    return Hit(chunk_id=rec["id"], text=rec["text"], score=float(sim), source=rec["source"], title=rec["title"],
               article_id=rec["article_id"], section=rec["section"], start=int(rec["start"]), end=int(rec["end"]),
               dense=float(sim))
