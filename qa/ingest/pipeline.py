"""`qa ingest`: files -> articles -> chunks -> vectors -> store.

One bad file never costs the others: whatever goes wrong with a file (its name, size, encoding,
a bad .jsonl line, an error of the embedder or of Chroma while publishing it) is recorded against
it in `IngestReport.failed` and the run goes on. What stops a run is what no other file can
escape either: the environment (disk full, read-only or forbidden store, see `_stops_run`), an
embedder or store that fails the same way for three documents in a row (`FAILURES_TO_STOP`), or
`--strict`.
"""

from __future__ import annotations

import hashlib
import os
import threading
import time
from concurrent.futures import Future, ThreadPoolExecutor, wait
from dataclasses import dataclass, field
from pathlib import Path
from typing import Callable

from qa.config import Settings
from qa.errors import EmbedError, InputError, QAError, StoreError
from qa.ingest.chunk import chunk_article
from qa.ingest.read import RawDocument, escape_name, find_files, read_documents
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
    failed: list[tuple[str, str]] = field(default_factory=list)  # (source or FILE:LINE or folder, reason)
    warnings: list[tuple[str, str]] = field(default_factory=list)  # (source, note): ingested all the same
    # (source, escape sequences and control characters removed from its text: qa.text.controls)
    controls_removed: list[tuple[str, int]] = field(default_factory=list)
    embedded: int = 0
    seconds: float = 0.0


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


FLUSH_DOCUMENTS = 500  # also bounds how often a folder of tiny files rewrites the manifest
# Each publish rewrites the whole manifest (~12 MB at 100k chunks, 0.2 s). Once that is slow, a
# batch fills for at least PUBLISH_COST_SHARE times as long, so rewriting it costs at most ~1/10 of
# the run whatever the store's size: with the local embedder (50 s a batch) it never matters, with
# a fast remote one or the hash embedder on a big store the batches grow. A kill still loses only
# seconds of work. Below SLOW_SAVE (a manifest of ~25k chunks), QA_INGEST_BATCH alone decides.
PUBLISH_COST_SHARE = 10
SLOW_SAVE = 0.05
# The same failure for this many documents in a row means the embedder (a remote endpoint, a model
# that will not load) or the store is broken, not the documents: stop instead of waiting out the
# client's retries once per remaining file. Small, because each failure may already have cost the
# openai client's whole retry budget.
FAILURES_TO_STOP = 3


def _stops_run(error: BaseException, store: Path) -> bool:
    """True for an error no other file could escape: the environment of the store (a full disk,
    a read-only or forbidden store: `qa.errors.environment_error`), or a `StoreError` other than
    damage. Such an error stops the run instead of being recorded against one file. A
    `DamagedError` is the store's word for a write Chroma refused, which may be one document's; the
    per-document retry and `FAILURES_TO_STOP` sort that out."""
    from qa.errors import environment_error
    from qa.store.integrity import DamagedError

    if isinstance(error, StoreError) and not isinstance(error, DamagedError):
        return True
    return environment_error(error, store) is not None


def ingest(paths: list[Path], settings: Settings, store=None, embedder=None, rebuild: bool = False,
           progress: Progress | None = None, strict: bool = False, wait: bool = True,
           on_wait: Callable[[str], None] | None = None) -> IngestReport:
    """Ingest files and folders. Each file succeeds or fails on its own; failures (files, .jsonl
    lines as FILE:LINE, folders that cannot be listed) are collected in the report, or with
    `strict` stop the run. The environment's errors stop it too, and so does the same embedder or
    store failure for three documents in a row; what was published before stays. One writer at a
    time holds the store lock."""
    from qa.lock import writer_lock

    started = time.perf_counter()
    unreadable: list[tuple[Path, str]] = []
    files = find_files(paths, on_error=lambda folder, reason: unreadable.append((folder, reason)))
    if not files:
        if unreadable:
            folder, reason = unreadable[0]
            raise InputError(f"{display_path(folder)}: {reason}")
        raise InputError(f"no .txt, .md, .html or .jsonl files under {', '.join(map(str, paths))}")
    with writer_lock(Path(settings.store), wait=wait, on_wait=on_wait):
        run = _Run(settings, store, embedder, rebuild, progress, strict)
        try:
            for folder, reason in unreadable:
                run.fail(display_path(folder), reason)
            for i, path in enumerate(files):
                run.add(path, i, len(files))
            run.flush()
            run.flush()  # the last batch: the first call only started embedding it
        finally:
            run.close()
        if rebuild:
            _switch_generation(run.store, run.report)
    run.report.seconds = time.perf_counter() - started
    return run.report


@dataclass
class _Batch:
    """Documents prepared but not yet published; flushed every few hundred chunks."""

    items: list[tuple[str, DocumentEntry, list]] = field(default_factory=list)
    chunks: int = 0


class _StepFailed(Exception):
    """Publishing a batch failed while embedding or while storing; `error` is what was raised."""

    def __init__(self, step: str, error: BaseException) -> None:
        super().__init__(f"{step}: {error}")
        self.step, self.error = step, error

    def reason(self) -> str:
        if isinstance(self.error, QAError):
            return str(self.error)
        return f"{self.step} failed ({type(self.error).__name__}: {self.error})"


class _Cancelled(Exception):
    """The run is over (an error or Ctrl-C on the main thread): stop embedding its last batch."""


class _Run:
    """One ingest under the writer lock: the store, the batch being filled and the report.

    A full batch is embedded on a background thread while the main thread reads, cleans and chunks
    the files of the next one (embedding is the slow part: the local model computes in native code
    on every core, a remote one waits on the network); then, on the main thread, it is written to
    Chroma and the keyword index. At most three batches are in memory: one being written, one being
    embedded and one being filled."""

    def __init__(self, settings: Settings, store, embedder, rebuild: bool, progress: Progress | None,
                 strict: bool) -> None:
        from qa.embed import fingerprint, make_embedder
        from qa.store import Store

        self.settings, self.progress, self.strict = settings, progress, strict
        self.report = IngestReport()
        self.store = store or Store.open(settings, create=True, rebuild=rebuild)
        self.embedder = embedder or make_embedder(settings)
        self.store.check_embedder(fingerprint(self.embedder))
        if self.store.moved_aside:
            self.report.warnings.append((str(self.store.path), f"the Chroma database could not be opened; moved "
                                         f"aside to {self.store.moved_aside.name} (delete it once the rebuild is "
                                         "good)"))
        if self.store.replaces is None:
            # What an interrupted ingest left, and damage that is cheap to see, before adding more.
            from qa.ingest.repair import restore

            repaired = restore(self.store, self.embedder)
            self.report.warnings.extend((str(self.store.path), f"repaired {line}") for line in repaired.fixed)
            self.report.warnings.extend((source, "its text was lost from the store; re-adding it if it is among "
                                         "the files given") for source in repaired.lost)
        self.by_hash = {e["hash"]: k for k, e in self.store.documents.items() if not e.get("duplicate_of")}
        self.max_bytes = int(settings.max_file_mb * 1_000_000)
        self.batch = _Batch()
        self.failures: tuple[str, int] = ("", 0)  # (reason, documents in a row that failed with it)
        self.lost: dict[str, str] = {}  # key -> source of each document that could not be stored
        self.files_total = 0
        self.filling_since = time.perf_counter()
        self.embedding: tuple[list, Future] | None = None  # the batch on the background thread
        self._pool: ThreadPoolExecutor | None = None
        self._cancelled = threading.Event()

    def fail(self, where: str, reason: str) -> None:
        reason = escape_name(reason)  # an OS error message may quote the undecodable name
        if self.strict:
            raise QAError(f"{where}: {reason} (stopped by --strict)")
        self.report.failed.append((where, reason))

    def add(self, path: Path, i: int, total: int) -> None:
        """Read, check and prepare one file and queue it for publishing."""
        from qa.ingest.read import SKIP_REASONS, check_file

        report, store = self.report, self.store
        source = display_path(path)
        report.files += 1
        self.files_total = total
        if self.progress:
            self.progress("read", i + 1, total, source)
        reason = check_file(path, self.max_bytes)
        if reason in SKIP_REASONS:  # a link, not a damaged file: reported, but no failure
            report.skipped.append((source, reason))
            return
        if reason:
            self.fail(source, reason)
            return
        key = manifest_key(path)
        try:
            data = path.read_bytes()
        except OSError as e:
            self.fail(source, f"unreadable ({e.strerror})")
            return
        data_hash = hashlib.sha256(data).hexdigest()
        previous = store.documents.get(key)
        if previous and previous["hash"] == data_hash and _still_valid(previous, store):
            report.unchanged += 1
            for line, why in previous.get("bad_lines", []):  # until the file is fixed, its bad lines still count
                self.fail(f"{source}:{line}", why)
            return
        if key != os.path.abspath(path):
            report.warnings.append((source, "the file name is not valid UTF-8; stored with its odd bytes as \\xNN"))
        entry = DocumentEntry(source=source, hash=data_hash, ingested_at=time.time(), articles=[])
        nodes: list = []
        original = self.by_hash.get(data_hash)
        if original and original != key:
            entry["duplicate_of"] = original
            report.skipped.append((source, f"same content as {self._source_of(original)}"))
        else:
            bad_lines: list[tuple[int, str]] = []
            removed: list[int] = []
            notes: list[tuple[int, str]] = []
            try:
                articles, nodes = prepare(path, self.settings, data, bad_lines, removed, notes)
            except QAError as e:
                self.fail(source, str(e).removeprefix(f"{path}: "))
                return
            except Exception as e:  # noqa: BLE001 - a file the segmenter or chunker chokes on is that file's failure
                self.fail(source, f"could not be read ({type(e).__name__}: {e})")
                return
            if sum(removed):
                report.controls_removed.append((source, sum(removed)))
            for line, why in bad_lines:
                self.fail(f"{source}:{line}", why)
            report.warnings.extend((f"{source}:{line}", note) for line, note in notes)
            if bad_lines:
                entry["bad_lines"] = bad_lines
            if not articles:
                report.skipped.append((source, "empty (no text)"))
                if not previous:
                    return
            entry["articles"] = [ArticleEntry(id=a.id, title=a.title, kind=a.kind, chars=len(a.text),
                                              chunks=sum(1 for n in nodes if n.metadata["article_id"] == a.id))
                                 for a in articles]
            self.by_hash[data_hash] = key
            if articles:
                report.ingested += 1
                report.articles += len(articles)
                report.chunks += len(nodes)
        self.batch.items.append((key, entry, nodes))
        self.batch.chunks += len(nodes)
        full = self.batch.chunks >= max(1, self.settings.ingest_batch) or len(self.batch.items) >= FLUSH_DOCUMENTS
        if full and (self.store.save_seconds < SLOW_SAVE
                     or time.perf_counter() - self.filling_since >= PUBLISH_COST_SHARE * self.store.save_seconds):
            self.flush()

    def _expected_chunks(self) -> int:
        """Chunks the run will embed, for the progress bar's end and its ETA: files are chunked as
        they are read, so until the last is read, the chunks so far scaled to every file."""
        report = self.report
        if not report.files or report.files >= self.files_total:
            return report.chunks
        return max(report.chunks, round(report.chunks * self.files_total / report.files))

    def _source_of(self, key: str) -> str:
        queued = self.batch.items + (self.embedding[0] if self.embedding else [])
        for k, entry, _ in queued:
            if k == key:
                return entry["source"]
        return self.store.documents.get(key, {}).get("source") or self.lost.get(key, key)

    def flush(self) -> None:
        """Start embedding the batch being filled on the background thread, then publish the one
        embedded before it (so its writes overlap the new batch's embedding)."""
        items, self.batch = self.batch.items, _Batch()
        self.filling_since = time.perf_counter()
        previous, self.embedding = self.embedding, None
        if items:
            if self._pool is None:
                self._pool = ThreadPoolExecutor(max_workers=1, thread_name_prefix="qa-ingest")
            self.embedding = (items, self._pool.submit(self._embed, items))
        if previous:
            self._publish_embedded(*previous)

    def close(self) -> None:
        """Stop the background thread: after the last batch was published, or on an error or
        Ctrl-C (the batch it was embedding is dropped after its current call)."""
        self._cancelled.set()
        if self._pool is not None:
            self._pool.shutdown(wait=True, cancel_futures=True)
            self._pool = None

    def _publish_embedded(self, items: list[tuple[str, DocumentEntry, list]], embedding: Future) -> None:
        """Store a batch whose embedding has run. When that fails, publish its documents one at a
        time, so that only the document that fails is lost (recorded in the report) and the
        others land."""
        try:
            error = embedding.exception()
            if error is not None:
                raise error
            self._store(items)
            return
        except _StepFailed as e:
            if _stops_run(e.error, self.store.path):
                raise e.error from None
            if len(items) == 1:
                self._lose(items[0], e)
                return
        if self.embedding:  # one embedding at a time: the model or the endpoint is shared
            wait([self.embedding[1]])
        for item in items:
            try:
                self._embed([item])
                self._store([item])
            except _StepFailed as e:
                if _stops_run(e.error, self.store.path):
                    raise e.error from None
                self._lose(item, e)

    def _embed(self, items: list[tuple[str, DocumentEntry, list]]) -> None:
        from qa.ingest.chunk import embed_nodes

        report = self.report
        # A retry does not embed again what a failed batch already did.
        todo = [n for _, _, doc_nodes in items for n in doc_nodes if n.embedding is None]

        def embedded(part: list) -> None:
            if self._cancelled.is_set():
                raise _Cancelled()
            report.embedded += len(part)
            if self.progress:
                self.progress("embed", report.embedded, self._expected_chunks(), part[-1].metadata["source"])

        if todo and self.progress:
            # The bar shows from the start: updates follow each embedder call, and one file's
            # chunks (or a last batch's) may all go in one call of many seconds.
            self.progress("embed", report.embedded, self._expected_chunks(), todo[0].metadata["source"])
        try:
            embed_nodes(todo, self.embedder, on_batch=embedded)
        except _Cancelled:
            raise
        except Exception as e:  # noqa: BLE001 - sorted by `_publish_embedded`: the environment's, or this batch's
            raise _StepFailed("embedding", e) from e

    def _store(self, items: list[tuple[str, DocumentEntry, list]]) -> None:
        from qa.embed import fingerprint

        store = self.store
        items = self._with_originals(items)
        nodes = [n for _, _, doc_nodes in items for n in doc_nodes]
        before = {key: store.documents.get(key) for key, _, _ in items}
        try:
            if nodes:
                store.record_embedder(fingerprint(self.embedder), len(nodes[0].embedding))
            from qa.store import DocumentUpdate

            store.replace_documents([DocumentUpdate(*item) for item in items])
        except Exception as e:  # noqa: BLE001
            # The manifest in memory may already name the entries; the next document's save would
            # publish them, chunks missing or not.
            for key, old in before.items():
                if old is None:
                    store.documents.pop(key, None)
                else:
                    store.documents[key] = old
            raise _StepFailed("storing", e) from e
        if nodes:
            self.failures = ("", 0)

    def _with_originals(self, items: list[tuple[str, DocumentEntry, list]]) -> list[tuple[str, DocumentEntry, list]]:
        """The items but the copies whose original was lost after they were queued: a copy is
        stored as a pointer to its original's chunks, and must not point at nothing. Such a copy
        fails with its original (and the next ingest tries both again)."""
        here = {key for key, entry, _ in items if not entry.get("duplicate_of")}
        kept = []
        for item in items:
            key, entry, _ = item
            original = entry.get("duplicate_of")
            if original and original not in here and self.store.documents.get(original, {}).get("hash") != entry["hash"]:
                self.report.skipped = [s for s in self.report.skipped if s[0] != entry["source"]]
                self.fail(entry["source"], f"same content as {self._source_of(original)}, which could not be stored")
                continue
            kept.append(item)
        return kept

    def _lose(self, item: tuple[str, DocumentEntry, list], failure: _StepFailed) -> None:
        """Record a document that could not be published and take back what `add` counted for it."""
        key, entry, nodes = item
        report = self.report
        reason = failure.reason()
        count = self.failures[1] + 1 if self.failures[0] == reason else 1
        self.failures = (reason, count)
        if count >= FAILURES_TO_STOP:
            stop = EmbedError if failure.step == "embedding" else StoreError
            raise stop(f"{reason} (the same failure for {count} documents in a row, so the run stopped; "
                       "files already ingested stay)") from failure.error
        if entry["articles"]:
            report.ingested -= 1
            report.articles -= len(entry["articles"])
            report.chunks -= len(nodes)
        report.skipped = [s for s in report.skipped if s[0] != entry["source"]]
        self.lost[key] = entry["source"]
        if self.by_hash.get(entry["hash"]) == key and self.store.documents.get(key, {}).get("hash") != entry["hash"]:
            del self.by_hash[entry["hash"]]
        self.fail(entry["source"], reason)


def _still_valid(entry: DocumentEntry, store) -> bool:
    """An unchanged duplicate is only unchanged while its original still has the same content."""
    original = entry.get("duplicate_of")
    return not original or store.documents.get(original, {}).get("hash") == entry["hash"]


def _switch_generation(store, report: IngestReport) -> None:
    """A rebuild that stored nothing (every file failed) keeps the old generation: switching would
    trade a working store for an empty one."""
    if store.documents or not (store.replaces or {}).get("documents"):
        store.commit()
    else:
        report.failed.append((str(store.path), "the rebuild stored no documents; the store keeps its previous "
                              "contents"))


__all__ = ["FAILURES_TO_STOP", "IngestReport", "build_articles", "display_path", "ingest", "manifest_key", "prepare"]
