"""`qa ingest`: files -> articles -> chunks -> vectors -> store.

One bad file never costs the others: whatever goes wrong with a file (its name, size, encoding,
a bad .jsonl line, an error of the embedder or of Chroma while publishing it) is recorded against
it in `IngestReport.failed` and the run goes on. What stops a run is what no other file can
escape either: the environment (disk full, read-only or forbidden store, see `stops_run`), an
embedder or store that fails the same way for three documents in a row (`FAILURES_TO_STOP`), or
`--strict` (qa/ingest/failures.py).

Each file is classified (qa/ingest/prepare.py: skipped, failed, unchanged, a copy, or new), a new
one read into articles and chunks, and queued as a `DocumentUpdate` in a batch; batches are
embedded on a background thread and published to the store (`_Run`).
"""

from __future__ import annotations

import os
import threading
import time
from concurrent.futures import Future, ThreadPoolExecutor, wait
from dataclasses import dataclass, field
from pathlib import Path
from typing import Callable

from qa.config import Settings
from qa.errors import EmbedError, InputError, QAError, StoreError
from qa.ingest.failures import FAILURES_TO_STOP, Cancelled, StepFailed, stops_run
from qa.ingest.prepare import FileState, build_articles, classify, display_path, manifest_key, prepare
from qa.ingest.read import escape_name, find_files
from qa.store import DocumentUpdate
from qa.types import ArticleEntry, DocumentEntry

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


FLUSH_DOCUMENTS = 500  # also bounds how often a folder of tiny files rewrites the manifest
# Each publish rewrites the whole manifest (~12 MB at 100k chunks, 0.2 s). Once that is slow, a
# batch fills for at least PUBLISH_COST_SHARE times as long, so rewriting it costs at most ~1/10 of
# the run whatever the store's size: with the local embedder (50 s a batch) it never matters, with
# a fast remote one or the hash embedder on a big store the batches grow. A kill still loses only
# seconds of work. Below SLOW_SAVE (a manifest of ~25k chunks), QA_INGEST_BATCH alone decides.
PUBLISH_COST_SHARE = 10
SLOW_SAVE = 0.05


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

    items: list[DocumentUpdate] = field(default_factory=list)
    chunks: int = 0


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
        """One file: classify it (`classify`), count it in the report, and queue what it publishes."""
        report = self.report
        source = display_path(path)
        report.files += 1
        self.files_total = total
        if self.progress:
            self.progress("read", i + 1, total, source)
        found = classify(path, source, self.store.documents, self.by_hash, self.max_bytes)
        if found.kind == "skipped":
            report.skipped.append((source, found.reason))
        elif found.kind == "failed":
            self.fail(source, found.reason)
        elif found.kind == "unchanged":
            report.unchanged += 1
            for line, why in found.previous.get("bad_lines", []):  # until the file is fixed, its bad lines still count
                self.fail(f"{source}:{line}", why)
        else:
            if found.key != os.path.abspath(path):
                report.warnings.append((source, "the file name is not valid UTF-8; stored with its odd bytes as \\xNN"))
            entry = DocumentEntry(source=source, hash=found.hash, ingested_at=time.time(), articles=[])
            update = self._copy(found, entry) if found.kind == "copy" else self._prepare(path, found, entry)
            if update is not None:
                self._queue(update)

    def _copy(self, found: FileState, entry: DocumentEntry) -> DocumentUpdate:
        """A file with the content of another document: stored as a pointer to its chunks."""
        entry["duplicate_of"] = found.original
        self.report.skipped.append((found.source, f"same content as {self._source_of(found.original)}"))
        return DocumentUpdate(found.key, entry, [])

    def _prepare(self, path: Path, found: FileState, entry: DocumentEntry) -> DocumentUpdate | None:
        """A new or changed file: its articles and chunks (`prepare`), its bad lines and notes
        reported. None when it failed, or is empty and was never stored."""
        report, source = self.report, found.source
        bad_lines: list[tuple[int, str]] = []
        removed: list[int] = []
        notes: list[tuple[int, str]] = []
        try:
            articles, nodes = prepare(path, self.settings, found.data, bad_lines, removed, notes)
        except QAError as e:
            self.fail(source, str(e).removeprefix(f"{path}: "))
            return None
        except Exception as e:  # noqa: BLE001 - a file the segmenter or chunker chokes on is that file's failure
            self.fail(source, f"could not be read ({type(e).__name__}: {e})")
            return None
        if sum(removed):
            report.controls_removed.append((source, sum(removed)))
        for line, why in bad_lines:
            self.fail(f"{source}:{line}", why)
        report.warnings.extend((f"{source}:{line}", note) for line, note in notes)
        if bad_lines:
            entry["bad_lines"] = bad_lines
        if not articles:
            report.skipped.append((source, "empty (no text)"))
            if not found.previous:
                return None
        entry["articles"] = [ArticleEntry(id=a.id, title=a.title, kind=a.kind, chars=len(a.text),
                                          chunks=sum(1 for n in nodes if n.metadata["article_id"] == a.id))
                             for a in articles]
        self.by_hash[found.hash] = found.key
        if articles:
            report.ingested += 1
            report.articles += len(articles)
            report.chunks += len(nodes)
        return DocumentUpdate(found.key, entry, nodes)

    def _queue(self, update: DocumentUpdate) -> None:
        """Add a document to the batch being filled; a full one goes to embedding (`flush`), unless
        saving the manifest is slow and the batch has not filled for long enough yet."""
        self.batch.items.append(update)
        self.batch.chunks += len(update.nodes)
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
        for update in queued:
            if update.key == key:
                return update.entry["source"]
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

    def _publish_embedded(self, items: list[DocumentUpdate], embedding: Future) -> None:
        """Store a batch whose embedding has run. When that fails, publish its documents one at a
        time, so that only the document that fails is lost (recorded in the report) and the
        others land."""
        try:
            error = embedding.exception()
            if error is not None:
                raise error
            self._store(items)
            return
        except StepFailed as e:
            if stops_run(e.error, self.store.path):
                raise e.error from None
            if len(items) == 1:
                self._lose(items[0], e)
                return
        if self.embedding:  # one embedding at a time: the model or the endpoint is shared
            wait([self.embedding[1]])
        for update in items:
            try:
                self._embed([update])
                self._store([update])
            except StepFailed as e:
                if stops_run(e.error, self.store.path):
                    raise e.error from None
                self._lose(update, e)

    def _embed(self, items: list[DocumentUpdate]) -> None:
        from qa.ingest.chunk import embed_nodes

        report = self.report
        # A retry does not embed again what a failed batch already did.
        todo = [n for update in items for n in update.nodes if n.embedding is None]

        def embedded(part: list) -> None:
            if self._cancelled.is_set():
                raise Cancelled()
            report.embedded += len(part)
            if self.progress:
                self.progress("embed", report.embedded, self._expected_chunks(), part[-1].metadata["source"])

        if todo and self.progress:
            # The bar shows from the start: updates follow each embedder call, and one file's
            # chunks (or a last batch's) may all go in one call of many seconds.
            self.progress("embed", report.embedded, self._expected_chunks(), todo[0].metadata["source"])
        try:
            embed_nodes(todo, self.embedder, on_batch=embedded)
        except Cancelled:
            raise
        except Exception as e:  # noqa: BLE001 - sorted by `_publish_embedded`: the environment's, or this batch's
            raise StepFailed("embedding", e) from e

    def _store(self, items: list[DocumentUpdate]) -> None:
        from qa.embed import fingerprint

        store = self.store
        items = self._with_originals(items)
        nodes = [n for update in items for n in update.nodes]
        before = {update.key: store.documents.get(update.key) for update in items}
        try:
            if nodes:
                store.record_embedder(fingerprint(self.embedder), len(nodes[0].embedding))
            store.replace_documents(items)
        except Exception as e:  # noqa: BLE001
            # The manifest in memory may already name the entries; the next document's save would
            # publish them, chunks missing or not.
            for key, old in before.items():
                if old is None:
                    store.documents.pop(key, None)
                else:
                    store.documents[key] = old
            raise StepFailed("storing", e) from e
        if nodes:
            self.failures = ("", 0)

    def _with_originals(self, items: list[DocumentUpdate]) -> list[DocumentUpdate]:
        """The items but the copies whose original was lost after they were queued: a copy is
        stored as a pointer to its original's chunks, and must not point at nothing. Such a copy
        fails with its original (and the next ingest tries both again)."""
        here = {update.key for update in items if not update.entry.get("duplicate_of")}
        kept = []
        for update in items:
            entry = update.entry
            original = entry.get("duplicate_of")
            if original and original not in here and self.store.documents.get(original, {}).get("hash") != entry["hash"]:
                self.report.skipped = [s for s in self.report.skipped if s[0] != entry["source"]]
                self.fail(entry["source"], f"same content as {self._source_of(original)}, which could not be stored")
                continue
            kept.append(update)
        return kept

    def _lose(self, update: DocumentUpdate, failure: StepFailed) -> None:
        """Record a document that could not be published and take back what `add` counted for it."""
        key, entry, nodes = update.key, update.entry, update.nodes
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


def _switch_generation(store, report: IngestReport) -> None:
    """A rebuild that stored nothing (every file failed) keeps the old generation: switching would
    trade a working store for an empty one."""
    if store.documents or not (store.replaces or {}).get("documents"):
        store.commit()
    else:
        report.failed.append((str(store.path), "the rebuild stored no documents; the store keeps its previous "
                              "contents"))


__all__ = ["FAILURES_TO_STOP", "IngestReport", "build_articles", "display_path", "ingest", "manifest_key", "prepare"]
