"""`qa ingest`: files -> articles -> chunks -> vectors -> store."""

from __future__ import annotations

import hashlib
import time
from dataclasses import dataclass, field
from pathlib import Path
from typing import Callable

from qa.config import Settings
from qa.errors import InputError, QAError
from qa.ingest.chunk import chunk_article
from qa.ingest.read import RawDocument, find_files, read_documents
from qa.ingest.segment import segment
from qa.types import Article

Progress = Callable[[str, int, int, str], None]  # (phase, done, total, current item)


@dataclass
class IngestReport:
    files: int = 0
    ingested: int = 0
    unchanged: int = 0
    articles: int = 0
    chunks: int = 0
    failed: list[tuple[str, str]] = field(default_factory=list)
    seconds: float = 0.0


@dataclass
class _Pending:
    key: str
    entry: dict
    nodes: list


def display_path(path: Path) -> str:
    """Path as the user sees it: relative to the working directory when inside it."""
    try:
        return path.resolve().relative_to(Path.cwd().resolve()).as_posix()
    except ValueError:
        return path.resolve().as_posix()


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


def prepare(path: Path, settings: Settings) -> tuple[list[Article], list]:
    data = path.read_bytes()
    doc_hash = hashlib.sha256(data).hexdigest()
    source = display_path(path)
    articles = build_articles(read_documents(path), source, doc_hash[:12])
    nodes = [n for a in articles for n in chunk_article(a, settings.chunk_size, settings.chunk_min)]
    return articles, nodes


def ingest(paths: list[Path], settings: Settings, store=None, embedder=None, rebuild: bool = False,
           progress: Progress | None = None) -> IngestReport:
    from llama_index.core.schema import MetadataMode

    from qa.embed import fingerprint, make_embedder
    from qa.store import Store

    started = time.perf_counter()
    report = IngestReport()
    files = find_files(paths)
    if not files:
        raise InputError(f"no .txt, .md, .html or .jsonl files under {', '.join(map(str, paths))}")
    store = store or Store.open(settings, create=True, rebuild=rebuild)
    embedder = embedder or make_embedder(settings)
    store.check_embedder(fingerprint(embedder))
    store.collect_garbage()

    pending: list[_Pending] = []
    for i, path in enumerate(files):
        report.files += 1
        if progress:
            progress("read", i, len(files), display_path(path))
        key = str(path.resolve())
        try:
            data_hash = hashlib.sha256(path.read_bytes()).hexdigest()
            if store.documents.get(key, {}).get("hash") == data_hash:
                report.unchanged += 1
                continue
            articles, nodes = prepare(path, settings)
        except QAError as e:
            report.failed.append((display_path(path), str(e)))
            continue
        except OSError as e:
            report.failed.append((display_path(path), e.strerror or str(e)))
            continue
        entry = {
            "source": display_path(path), "hash": data_hash, "ingested_at": time.time(),
            "articles": [{"id": a.id, "title": a.title, "kind": a.kind, "chars": len(a.text),
                          "chunks": sum(1 for n in nodes if n.metadata["article_id"] == a.id)} for a in articles],
        }
        pending.append(_Pending(key, entry, nodes))

    total = sum(len(p.nodes) for p in pending)
    done = 0
    batch = max(1, settings.embed_batch)
    for p in pending:
        for start in range(0, len(p.nodes), batch):
            part = p.nodes[start:start + batch]
            vectors = embedder.get_text_embedding_batch([n.get_content(metadata_mode=MetadataMode.EMBED) for n in part])
            for node, vec in zip(part, vectors):
                node.embedding = vec
            done += len(part)
            if progress:
                progress("embed", done, total, p.entry["source"])
        if p.nodes:
            store.record_embedder(fingerprint(embedder), len(p.nodes[0].embedding))
        store.replace_document(p.key, p.entry, p.nodes)
        report.ingested += 1
        report.articles += len(p.entry["articles"])
        report.chunks += len(p.nodes)
    report.seconds = time.perf_counter() - started
    return report


__all__ = ["IngestReport", "build_articles", "display_path", "ingest", "prepare"]
