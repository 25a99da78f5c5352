"""`qa ingest`: files -> articles -> chunks -> vectors -> store."""

from __future__ import annotations

import hashlib
import os
import time
from dataclasses import dataclass, field
from pathlib import Path
from typing import Callable

from qa.config import Settings
from qa.errors import InputError, QAError
from qa.ingest.chunk import chunk_article
from qa.ingest.read import RawDocument, find_files, read_documents
from qa.ingest.segment import segment
from qa.types import Article, ArticleEntry, DocumentEntry

Progress = Callable[[str, int, int, str], None]  # (phase, done, total, current item)


@dataclass
class IngestReport:
    files: int = 0
    ingested: int = 0
    unchanged: int = 0
    articles: int = 0
    chunks: int = 0
    skipped: list[tuple[str, str]] = field(default_factory=list)  # (source, reason): empty, duplicate
    failed: list[tuple[str, str]] = field(default_factory=list)  # (source, reason)
    embedded: int = 0
    seconds: float = 0.0


def display_path(path: Path) -> str:
    """Path as the user sees it: relative to the working directory when inside it. Symlinks are
    not resolved (a symlink loop must still have a name to be reported under)."""
    absolute = Path(os.path.abspath(path))
    try:
        return absolute.relative_to(Path.cwd()).as_posix()
    except ValueError:
        return absolute.as_posix()


def build_articles(docs: list[RawDocument], source: str, doc_id: str) -> list[Article]:
    """Segment each raw document into articles with ids `<doc id>-<n>`."""
    articles: list[Article] = []
    for doc in docs:
        single = doc.fmt == "record"
        for seg in segment(doc.text, markdown=doc.fmt == "markdown", title=doc.title, single=single):
            text, sections, offset = [], [], 0
            current = None
            for para in seg.paragraphs:
                if para.section != current:
                    sections.append((offset, para.section))
                    current = para.section
                body = para.text
                text.append(body)
                offset += len(body) + 1
            title = seg.title or (doc.title if single else "")
            articles.append(Article(
                id=f"{doc_id}-{len(articles)}", title=title, text="\n".join(text), source=source, kind=seg.kind,
                kicker=seg.kicker, byline=seg.byline,
                sections=[(o, s) for o, s in sections if s or o], url=doc.url, date=doc.date))
    return articles


def prepare(path: Path, settings: Settings, data: bytes | None = None) -> tuple[list[Article], list]:
    data = path.read_bytes() if data is None else data
    doc_hash = hashlib.sha256(data).hexdigest()
    source = display_path(path)
    articles = build_articles(read_documents(path, data), source, doc_hash[:12])
    nodes = [n for a in articles for n in chunk_article(a, settings.chunk_size, settings.chunk_min)]
    return articles, nodes


@dataclass
class _Batch:
    """Documents prepared but not yet published; flushed every few hundred chunks."""

    items: list[tuple[str, DocumentEntry, list]] = field(default_factory=list)
    chunks: int = 0


def ingest(paths: list[Path], settings: Settings, store=None, embedder=None, rebuild: bool = False,
           progress: Progress | None = None, strict: bool = False, wait: bool = True,
           on_wait: Callable[[str], None] | None = None) -> IngestReport:
    """Ingest files and folders. Each file succeeds or fails on its own; failures are collected
    in the report (or, with `strict`, stop the run). One writer at a time holds the store lock."""
    from qa.lock import writer_lock

    started = time.perf_counter()
    files = find_files(paths)
    if not files:
        raise InputError(f"no .txt, .md, .html or .jsonl files under {', '.join(map(str, paths))}")
    with writer_lock(Path(settings.store), wait=wait, on_wait=on_wait):
        report = _ingest_locked(files, settings, store, embedder, rebuild, progress, strict)
    report.seconds = time.perf_counter() - started
    return report


def _ingest_locked(files, settings, store, embedder, rebuild, progress, strict) -> IngestReport:
    from qa.embed import fingerprint, make_embedder
    from qa.ingest.read import check_file
    from qa.store import Store

    report = IngestReport()
    store = store or Store.open(settings, create=True, rebuild=rebuild)
    embedder = embedder or make_embedder(settings)
    store.check_embedder(fingerprint(embedder))
    store.collect_garbage()  # chunks an interrupted ingest added but never published
    by_hash = {e["hash"]: k for k, e in store.documents.items() if not e.get("duplicate_of")}
    max_bytes = int(settings.max_file_mb * 1_000_000)
    batch = _Batch()

    def fail(path: Path, reason: str) -> None:
        if strict:
            raise QAError(f"{path}: {reason} (stopped by --strict)")
        report.failed.append((display_path(path), reason))

    for i, path in enumerate(files):
        report.files += 1
        if progress:
            progress("read", i + 1, len(files), display_path(path))
        reason = check_file(path, max_bytes)
        if reason:
            fail(path, reason)
            continue
        key = os.path.abspath(path)
        try:
            data = path.read_bytes()
        except OSError as e:
            fail(path, f"unreadable ({e.strerror})")
            continue
        data_hash = hashlib.sha256(data).hexdigest()
        previous = store.documents.get(key)
        if previous and previous["hash"] == data_hash and _still_valid(previous, store):
            report.unchanged += 1
            continue
        entry = DocumentEntry(source=display_path(path), hash=data_hash, ingested_at=time.time(), articles=[])
        nodes: list = []
        original = by_hash.get(data_hash)
        if original and original != key:
            entry["duplicate_of"] = original
            report.skipped.append((entry["source"], f"same content as {_source_of(original, store, batch)}"))
        else:
            try:
                articles, nodes = prepare(path, settings, data)
            except QAError as e:
                fail(path, str(e).removeprefix(f"{path}: "))
                continue
            if not articles:
                report.skipped.append((entry["source"], "empty (no text)"))
                if not previous:
                    continue
            entry["articles"] = [ArticleEntry(id=a.id, title=a.title, kind=a.kind, chars=len(a.text),
                                              chunks=sum(1 for n in nodes if n.metadata["article_id"] == a.id))
                                 for a in articles]
            by_hash[data_hash] = key
            if articles:
                report.ingested += 1
                report.articles += len(articles)
                report.chunks += len(nodes)
        batch.items.append((key, entry, nodes))
        batch.chunks += len(nodes)
        if batch.chunks >= max(1, settings.ingest_batch) or len(batch.items) >= FLUSH_DOCUMENTS:
            _flush(batch, store, embedder, settings, progress, report)
    _flush(batch, store, embedder, settings, progress, report)
    return report


FLUSH_DOCUMENTS = 500  # also bounds how often a folder of tiny files rewrites the manifest


def _still_valid(entry: DocumentEntry, store) -> bool:
    """An unchanged duplicate is only unchanged while its original still has the same content."""
    original = entry.get("duplicate_of")
    return not original or store.documents.get(original, {}).get("hash") == entry["hash"]


def _source_of(key: str, store, batch: _Batch) -> str:
    for k, entry, _ in batch.items:
        if k == key:
            return entry["source"]
    return store.documents.get(key, {}).get("source", key)


def _flush(batch: _Batch, store, embedder, settings: Settings, progress: Progress | None,
           report: IngestReport) -> None:
    from llama_index.core.schema import MetadataMode

    from qa.embed import fingerprint

    if not batch.items:
        return
    nodes = [n for _, _, doc_nodes in batch.items for n in doc_nodes]
    step = max(1, settings.embed_batch)
    for start in range(0, len(nodes), step):
        part = nodes[start:start + step]
        vectors = embedder.get_text_embedding_batch([n.get_content(metadata_mode=MetadataMode.EMBED) for n in part])
        for node, vec in zip(part, vectors):
            node.embedding = vec
        report.embedded += len(part)
        if progress:
            progress("embed", report.embedded, report.chunks, part[-1].metadata["source"])
    if nodes:
        store.record_embedder(fingerprint(embedder), len(nodes[0].embedding))
    store.replace_documents(batch.items)
    batch.items, batch.chunks = [], 0


__all__ = ["IngestReport", "build_articles", "display_path", "ingest", "prepare"]
