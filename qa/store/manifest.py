"""manifest.json: which documents the store holds, and the only record of what is live.

Each entry (`qa.types.DocumentEntry`, keyed by the file's absolute path) names the document's
content hash, its articles and its chunk ids; the manifest also names the embedder that built the
store and the generation being read (its Chroma collection and keyword folder). A chunk that
Chroma or the keyword index holds but no entry names is invisible: left over from an interrupted
ingest, and deleted by the next write. This module knows the format: writing it, reading it (with
an error naming the fix), and the questions asked of its documents.
"""

from __future__ import annotations

import fnmatch
import json
import uuid
from pathlib import Path
from typing import Any

from qa.config import Settings
from qa.errors import StoreError
from qa.files import private_dir, write_atomic
from qa.types import DocumentEntry, SourceRow

MANIFEST = "manifest.json"
REBUILD = "rebuild.json"  # the manifest of a rebuild in progress (qa/store/store.py)
COLLECTION = "qa_chunks"
KEYWORD_DIR = "keyword"
FORMAT = 1


def empty_manifest(settings: Settings) -> dict[str, Any]:
    # Many stores may share one Chroma server: each gets a collection of its own, named once here
    # and kept in the manifest (the store directory may move; the name must not change). A
    # rebuild's generation appends to this root.
    name = f"qa-{uuid.uuid4().hex[:16]}" if settings.chroma_url else COLLECTION
    return {"format": FORMAT, "embedder": None, "root": name, "collection": name, "keyword": KEYWORD_DIR,
            "documents": {}}


def read_manifest(path: Path) -> dict[str, Any]:
    try:
        manifest = json.loads(path.read_text(encoding="utf-8"))
    except (OSError, ValueError) as e:
        raise StoreError(f"{path}: unreadable store manifest ({e}). Rebuild with: qa ingest --rebuild PATH") from None
    if not isinstance(manifest, dict) or manifest.get("format") != FORMAT:
        found = manifest.get("format") if isinstance(manifest, dict) else None
        if type(found) is int and found > FORMAT:
            # A rebuild would replace what that qa stored with what this one can read.
            raise StoreError(f"{path}: written by a newer qa (store format {found}, this qa knows {FORMAT}); "
                             "upgrade qa, or use another --store")
        raise StoreError(f"{path}: store format {found} is not {FORMAT}. Rebuild with: qa ingest --rebuild PATH")
    return manifest


def write_manifest(path: Path, manifest: dict[str, Any]) -> None:
    """Write `manifest` to `path` atomically (temp file + fsync + rename). Compact JSON: at 100k
    chunks the manifest is ~12 MB, written at each publish, and indenting it takes 3.5 times as long."""
    private_dir(path.parent)  # 0700 even if it existed before: it holds what was asked of it
    write_atomic(path, json.dumps(manifest, ensure_ascii=False, separators=(",", ":")))


def live_ids(documents: dict[str, DocumentEntry]) -> set[str]:
    """The chunk ids the documents name: the live chunks."""
    return {cid for doc in documents.values() for cid in doc["chunk_ids"]}


def check_embedder(manifest: dict[str, Any], store: Path, fingerprint: str, dim: int | None = None) -> None:
    """Refuse an embedder other than the one that built the store: its vectors would not compare."""
    built = manifest.get("embedder")
    if not built or not manifest["documents"]:
        return
    if built["fingerprint"] != fingerprint or (dim is not None and built.get("dim") not in (None, dim)):
        raise StoreError(
            f"the store at {store} was built with embedder {built['fingerprint']} "
            f"({built.get('dim')}-d), not {fingerprint}. Use the same QA_EMBED, or rebuild: qa ingest --rebuild PATH")


def source_rows(documents: dict[str, DocumentEntry]) -> list[SourceRow]:
    """Stored documents with their articles, sorted by source."""
    docs = sorted(documents.values(), key=lambda d: d["source"])
    rows: list[SourceRow] = []
    for d in docs:
        row = SourceRow(source=d["source"], articles=d["articles"], chunks=len(d["chunk_ids"]))
        if d.get("duplicate_of"):  # the same content under another name: stored once, listed twice
            row["same_as"] = documents.get(d["duplicate_of"], {}).get("source", d["duplicate_of"])
        rows.append(row)
    return rows


def matching_articles(documents: dict[str, DocumentEntry], source: str | None = None,
                      title: str | None = None) -> set[str] | None:
    """Article ids whose document source matches the glob `source` (path or file name) and whose
    title contains `title` (case- and width-insensitive); None when no filter is given."""
    if not source and not title:
        return None
    from qa.text.cjk import fold

    want = fold(title) if title else ""
    found = set()
    for doc in documents.values():
        src = doc["source"]
        if source and not (fnmatch.fnmatch(src, source) or fnmatch.fnmatch(Path(src).name, source)):
            continue
        found.update(a["id"] for a in doc["articles"] if want in fold(a["title"]))
    return found


def forget_documents(documents: dict[str, DocumentEntry], lost: set[str]) -> list[str]:
    """Drop the documents that lost chunks (and their copies) from `documents`; returns their sources."""
    gone = [key for key, doc in documents.items() if lost & set(doc["chunk_ids"])]
    gone += [key for key, doc in documents.items() if doc.get("duplicate_of") in gone]
    sources = sorted({documents[key]["source"] for key in gone})
    for key in gone:
        documents.pop(key, None)
    return sources


__all__ = ["COLLECTION", "FORMAT", "KEYWORD_DIR", "MANIFEST", "REBUILD", "check_embedder", "empty_manifest",
           "forget_documents", "live_ids", "matching_articles", "read_manifest", "source_rows", "write_manifest"]
