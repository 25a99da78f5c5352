"""One file before it is stored: what it is to this ingest (`classify`: skipped, failed,
unchanged, a copy of another, or new), and a new file's articles and chunks (`prepare`)."""

from __future__ import annotations

import hashlib
import os
from dataclasses import dataclass
from pathlib import Path
from typing import Literal

from qa.config import Settings
from qa.ingest.chunk import chunk_article
from qa.ingest.read import RawDocument, escape_name, read_documents
from qa.ingest.segment import segment
from qa.types import Article, DocumentEntry


def display_path(path: Path) -> str:
    """Path as the user sees it: relative to the working directory when inside it. Symlinks are
    not resolved (a symlink loop must still have a name to be reported under). Bytes that are not
    UTF-8 are shown as `\\xNN` (`escape_name`)."""
    absolute = Path(os.path.abspath(path))
    try:
        shown = absolute.relative_to(Path.cwd()).as_posix()
    except ValueError:
        shown = absolute.as_posix()
    return escape_name(shown)


def manifest_key(path: Path) -> str:
    """The key of a file's manifest entry: its absolute path, escaped like `display_path`."""
    return escape_name(os.path.abspath(path))


@dataclass
class FileState:
    """What one file is to this ingest (`classify`)."""

    kind: Literal["skipped", "failed", "unchanged", "copy", "new"]
    source: str  # `display_path`
    reason: str = ""  # skipped, failed: why
    key: str = ""  # `manifest_key`
    hash: str = ""  # SHA-256 of its bytes
    data: bytes = b""
    previous: DocumentEntry | None = None  # the manifest's entry for this key
    original: str = ""  # a copy: the key of the document with the same content


def classify(path: Path, source: str, documents: dict[str, DocumentEntry], by_hash: dict[str, str],
             max_bytes: int) -> FileState:
    """Check and read `path`, and compare it with the stored `documents` and with the contents seen
    so far (`by_hash`: content hash -> key of the document stored with it). A link is skipped, a
    file too big or unreadable failed; a file whose content and (for a copy) original are as
    stored is unchanged; one with the content of another document is a copy."""
    from qa.ingest.read import SKIP_REASONS, check_file

    reason = check_file(path, max_bytes)
    if reason in SKIP_REASONS:  # a link, not a damaged file: reported, but no failure
        return FileState("skipped", source, reason)
    if reason:
        return FileState("failed", source, reason)
    key = manifest_key(path)
    try:
        data = path.read_bytes()
    except OSError as e:
        return FileState("failed", source, f"unreadable ({e.strerror})")
    data_hash = hashlib.sha256(data).hexdigest()
    previous = documents.get(key)
    if previous and previous["hash"] == data_hash and _still_valid(previous, documents):
        return FileState("unchanged", source, key=key, hash=data_hash, previous=previous)
    original = by_hash.get(data_hash)
    kind = "copy" if original and original != key else "new"
    return FileState(kind, source, key=key, hash=data_hash, data=data, previous=previous, original=original or "")


def _still_valid(entry: DocumentEntry, documents: dict[str, DocumentEntry]) -> bool:
    """An unchanged duplicate is only unchanged while its original still has the same content."""
    original = entry.get("duplicate_of")
    return not original or documents.get(original, {}).get("hash") == entry["hash"]


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


def prepare(path: Path, settings: Settings, data: bytes | None = None,
            bad_lines: list[tuple[int, str]] | None = None, removed: list[int] | None = None,
            notes: list[tuple[int, str]] | None = None) -> tuple[list[Article], list]:
    """Articles and chunks of one file. `bad_lines`, `notes`: see `qa.ingest.read.jsonl_documents`;
    `removed` receives how many escape sequences and control characters were cleaned out
    (`qa.text.controls`) before the text was split, so chunk offsets index the cleaned text."""
    from qa.text.controls import strip_controls

    data = path.read_bytes() if data is None else data
    doc_hash = hashlib.sha256(data).hexdigest()
    source = display_path(path)
    docs = read_documents(path, data, bad_lines, notes)
    count = 0
    for doc in docs:
        doc.text, n_text = strip_controls(doc.text)
        doc.title, n_title = strip_controls(doc.title)
        count += n_text + n_title
    if removed is not None:
        removed.append(count)
    articles = build_articles(docs, source, doc_hash[:12])
    nodes = [n for a in articles for n in chunk_article(a, settings.chunk_size, settings.chunk_min)]
    return articles, nodes


__all__ = ["FileState", "build_articles", "classify", "display_path", "manifest_key", "prepare"]
