"""The store: one directory that holds the Chroma collection and the manifest.

Layout of the store directory (created with user-only permissions):
    manifest.json   which documents are stored, their content hash, articles and chunk ids, and
                    which embedder built the store. It is the source of truth: a chunk that
                    Chroma holds but the manifest does not name is invisible (left over from an
                    interrupted ingest) and is deleted by the next write.
    chroma/         Chroma's embedded database (absent when QA_CHROMA_URL names a Chroma server)
    qa.toml         optional settings for this store

A document is replaced in three steps so a reader never sees half of it: add its new chunks
(their ids embed the new content hash), switch its manifest entry in one atomic rename, then
delete the old chunks. This is the only module that imports chromadb.
"""

from __future__ import annotations

import json
import math
import os
import tempfile
from pathlib import Path
from typing import Any

from qa.config import Settings
from qa.errors import StoreError, StoreMissingError
from qa.types import Hit

MANIFEST = "manifest.json"
COLLECTION = "qa_chunks"
FORMAT = 1


class Store:
    def __init__(self, settings: Settings, manifest: dict[str, Any]):
        self.settings = settings
        self.path = Path(settings.store)
        self.manifest = manifest
        self._collection = None
        self._vector_store = None

    # -- opening ------------------------------------------------------------------------------
    @classmethod
    def open(cls, settings: Settings, create: bool = False, rebuild: bool = False) -> "Store":
        path = Path(settings.store)
        manifest_path = path / MANIFEST
        if rebuild and path.exists():
            store = cls(settings, _empty_manifest())
            store._drop_collection()
            manifest_path.unlink(missing_ok=True)
        if not manifest_path.exists():
            if not create:
                raise StoreMissingError(f"No store at {path}. Run: qa ingest PATH (e.g. qa ingest seeds/)")
            path.mkdir(parents=True, exist_ok=True, mode=0o700)
            store = cls(settings, _empty_manifest())
            store.save()
            return store
        try:
            manifest = json.loads(manifest_path.read_text(encoding="utf-8"))
        except (OSError, json.JSONDecodeError) as e:
            raise StoreError(f"{manifest_path}: unreadable store manifest ({e}). Rebuild with: qa ingest --rebuild PATH") from None
        if manifest.get("format") != FORMAT:
            raise StoreError(f"{manifest_path}: store format {manifest.get('format')} is not {FORMAT}. "
                             "Rebuild with: qa ingest --rebuild PATH")
        return cls(settings, manifest)

    def save(self) -> None:
        """Write the manifest atomically (temp file + fsync + rename)."""
        self.path.mkdir(parents=True, exist_ok=True, mode=0o700)
        fd, tmp = tempfile.mkstemp(prefix=".manifest-", dir=self.path)
        try:
            with os.fdopen(fd, "w", encoding="utf-8") as f:
                json.dump(self.manifest, f, ensure_ascii=False, indent=1)
                f.flush()
                os.fsync(f.fileno())
            os.replace(tmp, self.path / MANIFEST)
        except BaseException:
            Path(tmp).unlink(missing_ok=True)
            raise

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
    def collection(self):
        if self._collection is None:
            # embedding_function=None: Chroma's default function downloads a model; vectors come from qa.embed.
            self._collection = self._client().get_or_create_collection(
                COLLECTION, embedding_function=None, metadata={"hnsw:space": "cosine"})
        return self._collection

    @property
    def vector_store(self):
        if self._vector_store is None:
            from llama_index.vector_stores.chroma import ChromaVectorStore

            self._vector_store = ChromaVectorStore(chroma_collection=self.collection)
        return self._vector_store

    def _drop_collection(self) -> None:
        try:
            self._client().delete_collection(COLLECTION)
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
    def documents(self) -> dict[str, Any]:
        return self.manifest["documents"]

    def live_chunk_ids(self) -> set[str]:
        return {cid for doc in self.documents.values() for cid in doc["chunk_ids"]}

    def replace_document(self, key: str, entry: dict[str, Any], nodes: list) -> None:
        """Make `entry` (with its embedded `nodes`) the stored version of document `key`."""
        self.replace_documents([(key, entry, nodes)])

    def replace_documents(self, batch: list[tuple[str, dict[str, Any], list]]) -> None:
        """Publish several documents at once: add all new chunks, switch the manifest entries in
        one atomic write, then delete the chunks no entry names any more. Batching keeps a
        5,000-file ingest from rewriting the manifest 5,000 times; each document still becomes
        visible whole or not at all."""
        old: set[str] = set()
        nodes = [n for _, _, doc_nodes in batch for n in doc_nodes]
        if nodes:
            self.vector_store.add(nodes)
        for key, entry, doc_nodes in batch:
            old.update(self.documents.get(key, {}).get("chunk_ids", []))
            entry["chunk_ids"] = [n.node_id for n in doc_nodes]
            self.documents[key] = entry
        self.save()
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
        return len(stale)

    def sources(self) -> list[dict[str, Any]]:
        """Stored documents with their articles, sorted by source."""
        docs = sorted(self.documents.values(), key=lambda d: d["source"])
        return [{"source": d["source"], "articles": d["articles"], "chunks": len(d["chunk_ids"])} for d in docs]

    def chunk_count(self) -> int:
        return sum(len(d["chunk_ids"]) for d in self.documents.values())

    # -- reading ------------------------------------------------------------------------------
    def query(self, embedding: list[float], k: int) -> list[Hit]:
        from llama_index.core.vector_stores.types import VectorStoreQuery

        if not self.documents:
            return []
        live = self.live_chunk_ids()
        depth = min(len(live) + 8, max(k * 2, k + 8))  # room for chunks a running ingest has not published
        result = self.vector_store.query(VectorStoreQuery(query_embedding=embedding, similarity_top_k=depth))
        hits = []
        for node, sim in zip(result.nodes, result.similarities or []):
            if node.node_id not in live:
                continue
            hits.append(node_to_hit(node, 1.0 + math.log(max(sim, 1e-12)), len(hits) + 1))
            if len(hits) == k:
                break
        return hits

    def get_hits(self, ids: list[str]) -> list[Hit]:
        if not ids:
            return []
        nodes = {n.node_id: n for n in self.vector_store.get_nodes(node_ids=ids)}
        return [node_to_hit(nodes[i], 0.0, 0) for i in ids if i in nodes]


def node_to_hit(node, score: float, rank: int) -> Hit:
    md = node.metadata
    return Hit(chunk_id=node.node_id, text=node.get_content(), score=float(score), source=md.get("source", ""),
               title=md.get("title", ""), article_id=md.get("article_id", ""), section=md.get("section", ""),
               start=int(md.get("start", 0)), end=int(md.get("end", 0)), rank=rank)


def _empty_manifest() -> dict[str, Any]:
    return {"format": FORMAT, "embedder": None, "documents": {}}
