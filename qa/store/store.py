"""The store: one directory that holds the Chroma collection and the manifest.

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

Failures of Chroma are translated here: the environment (disk full, read-only) into
`qa.errors.environment_error`'s line, anything else into a DamagedError naming the repair.
This is the only module that imports chromadb.
"""

from __future__ import annotations

import fnmatch
import json
import shutil
import time
import uuid
from pathlib import Path
from typing import Any

from qa.config import Settings
from qa import errors
from qa.errors import QAError, StoreError, StoreMissingError
from qa.files import private_dir, write_atomic
from qa.store.integrity import DamagedError
from qa.types import DocumentEntry, Hit, SourceRow

MANIFEST = "manifest.json"
REBUILD = "rebuild.json"
COLLECTION = "qa_chunks"
KEYWORD_DIR = "keyword"
FORMAT = 1


class Store:
    def __init__(self, settings: Settings, manifest: dict[str, Any]):
        self.settings = settings
        self.path = Path(settings.store)
        self.manifest = manifest
        self._client_obj = None
        self._collection = None
        self._keyword = None
        self._live: frozenset[str] | None = None  # a reader's live chunk ids (`live_chunk_ids`)
        self.save_seconds = 0.0
        self.writable = False  # opened by a writer (ingest): only writers persist keyword-index repairs
        self.replaces: dict[str, Any] | None = None  # a rebuild: the manifest `commit` will replace
        self._abandoned: str | None = None  # a repair: the broken collection `finish_repair` drops
        self.moved_aside: Path | None = None  # a rebuild: where a Chroma database that would not open went

    # -- opening ------------------------------------------------------------------------------
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
            store = cls(settings, _empty_manifest(settings))
            store.writable = True
            store._guard_write(store.save)
            return store
        store = cls(settings, _read_manifest(manifest_path))
        store.writable = create
        return store

    @classmethod
    def _begin_rebuild(cls, settings: Settings) -> "Store":
        """A store object for a new generation; manifest.json keeps naming the old one until `commit`."""
        path = Path(settings.store)
        try:
            old = _read_manifest(path / MANIFEST)
        except QAError:
            old = None  # unreadable: nothing to keep, the rebuild replaces it
        fresh = _empty_manifest(settings)
        if old:  # keep the collection's root name, so a store on a Chroma server stays where it was
            fresh["root"] = old.get("root", old.get("collection", fresh["root"]))
        generation = uuid.uuid4().hex[:8]
        fresh.update(generation=generation, collection=f"{fresh['root']}-{generation}",
                     keyword=f"{KEYWORD_DIR}-{generation}")
        store = cls(settings, fresh)
        store.writable, store.replaces = True, old or {}
        store.drop_abandoned()
        store._guard_write(store.save)  # rebuild.json names the new generation before it exists
        store.moved_aside = store.open_chroma_or_move_aside(unwritable_too=True)
        return store

    def save(self) -> None:
        """Write the manifest atomically (temp file + fsync + rename); during a rebuild, to rebuild.json.
        Compact JSON: at 100k chunks the manifest is ~12 MB, written at each publish, and indenting
        it takes 3.5 times as long. `save_seconds` is how long the last save took."""
        started = time.perf_counter()
        private_dir(self.path)  # 0700 even if it existed before: it holds what was asked of it
        target = REBUILD if self.replaces is not None else MANIFEST
        write_atomic(self.path / target, json.dumps(self.manifest, ensure_ascii=False, separators=(",", ":")))
        self.save_seconds = time.perf_counter() - started

    def commit(self) -> None:
        """End a rebuild: name the new generation in manifest.json, then drop the old one."""
        if self.replaces is None:
            return
        old, self.replaces = self.replaces, None
        self._guard_write(self.save)
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
            keep.add(_read_manifest(self.path / MANIFEST).get("keyword", KEYWORD_DIR))
        except QAError:
            pass
        for p in others:
            if p.name not in keep:
                shutil.rmtree(p, ignore_errors=True)

    def _drop_generation(self, manifest: dict[str, Any]) -> None:
        name = manifest.get("collection")
        if name and name != self.collection_name:
            try:
                self._client().delete_collection(name)
            except Exception:  # noqa: BLE001 - already gone, or in a database moved aside
                pass
        # A manifest from before generations names no folder: its folder was plain `keyword`.
        folder = manifest.get("keyword", KEYWORD_DIR if "documents" in manifest else None)
        if folder and self.path / folder != self.keyword_dir:
            shutil.rmtree(self.path / folder, ignore_errors=True)

    def open_chroma_or_move_aside(self, unwritable_too: bool = False) -> Path | None:
        """Open the collection; a local Chroma database that cannot be opened (damaged, or a
        `chroma/` left without its database) is moved aside to `chroma.damaged-<time>` and a new
        one started. Only writers that will refill it call this (a rebuild, a repair). With
        `unwritable_too` (a rebuild, which replaces it anyway) so is a `chroma/` that cannot be
        written while the store folder can. Returns where the old one went, or None."""
        try:
            self._probe_database()
            _ = self.collection
            return None
        except QAError as e:
            if self.settings.chroma_url:
                raise
            if errors.environment_error(e.__cause__ or e, self.path) and not (
                    unwritable_too and errors.can_write(self.path) and not errors.can_write(self.path / "chroma")):
                raise
        aside = self.move_chroma_aside()
        self._probe_database()
        _ = self.collection
        return aside

    def move_chroma_aside(self) -> Path:
        from chromadb.api.client import SharedSystemClient

        aside = self.path / f"chroma.damaged-{time.strftime('%Y%m%d-%H%M%S')}"
        n = 1
        while aside.exists():
            aside = aside.with_name(f"{aside.name.split('~')[0]}~{n}")
            n += 1
        self._guard_write(lambda: (self.path / "chroma").rename(aside))
        SharedSystemClient.clear_system_cache()  # the process must not keep using the moved database
        self._client_obj = self._collection = None
        return aside

    def _probe_database(self) -> None:
        """Chroma creates an empty database where it finds none: a `chroma/` holding index files
        but no database is damaged, not new."""
        folder = self.path / "chroma"
        if not self.settings.chroma_url and folder.is_dir() and any(folder.iterdir()) \
                and not (folder / "chroma.sqlite3").exists():
            raise DamagedError(self.path, "chroma", "chroma.sqlite3 is missing")
        self._chroma(lambda: self._client().list_collections())

    # -- chroma -------------------------------------------------------------------------------
    def _client(self):
        if self._client_obj is not None:
            return self._client_obj
        import chromadb
        from chromadb.config import Settings as ChromaSettings

        url = self.settings.chroma_url
        auth: dict[str, Any] = {}
        if url and self.settings.chroma_token:  # Chroma's own token auth: `Authorization: Bearer <token>`
            auth = {"chroma_client_auth_provider": "chromadb.auth.token_authn.TokenAuthClientProvider",
                    "chroma_client_auth_credentials": self.settings.chroma_token}
        chroma_settings = ChromaSettings(anonymized_telemetry=False, **auth)
        try:
            if url:
                from urllib.parse import urlparse

                u = urlparse(url if "://" in url else f"http://{url}")
                self._client_obj = chromadb.HttpClient(host=u.hostname or "127.0.0.1", port=u.port or 8000,
                                                       ssl=u.scheme == "https", settings=chroma_settings)
            else:
                if not self.writable and not (self.path / "chroma" / "chroma.sqlite3").exists():
                    # Chroma would create an empty database here: a reader must not write, and
                    # the store's data is missing, not new.
                    raise DamagedError(self.path, "chroma", "chroma.sqlite3 is missing")
                self._client_obj = chromadb.PersistentClient(path=str(self.path / "chroma"), settings=chroma_settings)
        except Exception as e:  # noqa: BLE001
            raise self._explain(e, f"cannot open the Chroma store at {url or self.path / 'chroma'}") from e
        return self._client_obj

    def _explain(self, error: BaseException, doing: str = "") -> QAError:
        """One plain error for a failure of Chroma: the environment, an unreachable server, or damage."""
        if isinstance(error, QAError):
            return error
        env = errors.environment_error(error, self.path)
        if env is not None:
            return env
        detail = str(error).strip().splitlines()[0] if str(error).strip() else type(error).__name__
        if self.settings.chroma_url:
            where = doing or f"the Chroma server at {self.settings.chroma_url} failed"
            if any(word in detail.lower() for word in ("token", "unauthorized", "forbidden", "401", "403")):
                detail = detail.rstrip(".") + ("; check QA_CHROMA_TOKEN" if self.settings.chroma_token else \
                    "; the server may want a token: set QA_CHROMA_TOKEN")
            return StoreError(f"{where}: {detail}")
        return DamagedError(self.path, "chroma", detail)

    def _chroma(self, op):
        try:
            return op()
        except (AttributeError, NameError):
            raise  # a bug in qa, not damage: a repair would not help, and the traceback tells where
        except Exception as e:  # noqa: BLE001 - translated into one plain line
            raise self._explain(e) from e

    def _guard_write(self, op):
        """Run a write to the store folder; the environment's failures become one plain line."""
        try:
            return op()
        except OSError as e:
            raise errors.environment_error(e, self.path) or StoreError(f"{e.filename or self.path}: {e.strerror}") from None

    @property
    def collection_name(self) -> str:
        return self.manifest.get("collection", COLLECTION)

    @property
    def keyword_dir(self) -> Path:
        return self.path / self.manifest.get("keyword", KEYWORD_DIR)

    @property
    def collection(self):
        if self._collection is None:
            client = self._client()
            # embedding_function=None: Chroma's default function downloads a model; vectors come from qa.embed.
            if self.writable:
                self._collection = self._chroma(lambda: client.get_or_create_collection(
                    self.collection_name, embedding_function=None, metadata={"hnsw:space": "cosine"}))
            else:  # a reader never creates one: a missing collection is damage (or a finished rebuild)
                try:
                    self._collection = client.get_collection(self.collection_name, embedding_function=None)
                except Exception as e:  # noqa: BLE001
                    if self._reload():
                        return self.collection
                    if errors.environment_error(e, self.path):
                        raise self._explain(e) from e
                    raise DamagedError(self.path, "chroma", f"its collection {self.collection_name} is missing") from e
        return self._collection

    def _reload(self) -> bool:
        """Has a rebuild switched generations since this store was opened? Then follow it."""
        if self.writable:
            return False
        try:
            current = _read_manifest(self.path / MANIFEST)
        except QAError:
            return False
        if (current.get("collection"), current.get("keyword")) == (self.manifest.get("collection"),
                                                                  self.manifest.get("keyword")):
            return False
        self.manifest, self._collection, self._keyword, self._live = current, None, None, None
        return True

    def _read(self, op):
        """Run a read; if it fails because a rebuild replaced this generation, retry on the new one."""
        try:
            return op()
        except Exception as e:  # noqa: BLE001
            if self._reload():
                return self._chroma(op)
            raise self._explain(e) from e

    def load(self, dense: bool = True) -> None:
        """Open now what a reader needs (the keyword index, and the Chroma collection when `dense`)
        rather than at the first search, so the one-off costs (importing chromadb, ~1 s cold) are
        paid, and timed, as loading."""
        _ = self.keyword
        if dense:
            _ = self.collection

    @property
    def max_batch(self) -> int:
        """Records one Chroma call may carry (the client refuses bigger batches)."""
        try:
            return max(1, int(self._client().get_max_batch_size()))
        except Exception:  # noqa: BLE001 - an older server without the call
            return 1000

    def add_chunks(self, nodes: list) -> None:
        """Upsert embedded nodes into Chroma in batches the client accepts (a retried batch is harmless)."""
        step = self.max_batch
        for start in range(0, len(nodes), step):
            part = nodes[start:start + step]
            self._chroma(lambda: self.collection.upsert(
                ids=[n.id for n in part], embeddings=[n.embedding for n in part],
                documents=[n.text for n in part], metadatas=[dict(n.metadata) for n in part]))

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
        """The chunk ids the manifest names. A reader's manifest does not change (but for a
        generation switch, `_reload`), so it builds the set once: at 100k chunks that is ~10 ms a
        question. A writer's changes as it goes."""
        if self.writable:
            return {cid for doc in self.documents.values() for cid in doc["chunk_ids"]}
        if self._live is None:
            self._live = frozenset(cid for doc in self.documents.values() for cid in doc["chunk_ids"])
        return self._live

    def replace_documents(self, batch: list[tuple[str, DocumentEntry, list]]) -> None:
        """Publish several documents at once: add all new chunks, switch the manifest entries in
        one atomic write, then delete the chunks no entry names any more. Batching keeps a
        5,000-file ingest from rewriting the manifest 5,000 times; each document still becomes
        visible whole or not at all."""
        old: set[str] = set()
        nodes = [n for _, _, doc_nodes in batch for n in doc_nodes]
        if nodes:
            self.add_chunks(nodes)
            # Indexed before the manifest names them, like Chroma; a crash in between leaves rows
            # the manifest does not name, which the keyword index ignores and later merges drop.
            self.keyword.add([_chunk_record(n.id, n.text, n.metadata) for n in nodes],
                             live=self.live_chunk_ids() | {n.id for n in nodes})
        for key, entry, doc_nodes in batch:
            old.update(self.documents.get(key, {}).get("chunk_ids", []))
            entry["chunk_ids"] = [n.id for n in doc_nodes]
            self.documents[key] = entry
        self._guard_write(self.save)
        live = self.live_chunk_ids()
        if self._keyword is not None:
            self._keyword.set_live(live)
        self._delete(sorted(old - live))

    def _delete(self, ids: list[str]) -> None:
        step = self.max_batch
        for start in range(0, len(ids), step):
            part = ids[start:start + step]
            self._chroma(lambda: self.collection.delete(ids=part))

    def collect_garbage(self, stored: set[str] | None = None) -> int:
        """Delete chunks that no manifest entry names (left by an interrupted ingest), and what an
        interrupted rebuild left."""
        if self.replaces is None:
            self.drop_abandoned()
        live = self.live_chunk_ids()
        stored = self.stored_ids() if stored is None else stored
        stale = [cid for cid in stored if cid not in live]
        self._delete(stale)
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

    def inspect(self, full: bool = True) -> dict[str, Any]:
        """Compare the manifest with Chroma and with the keyword index, and look for damage,
        without repairing anything (`qa doctor`).

        `missing`: chunks the manifest names but Chroma lacks (only a damaged store has these);
        `orphans`: chunks Chroma holds that no manifest entry names (an interrupted ingest; the next
        ingest deletes them); `keyword_missing`: live chunks the keyword index lacks (it indexes
        them on next use); `damaged`: one line per damaged part; `recovered`: what a reader worked
        around in memory (a lost index.json). `full` also reads every keyword
        file against its checksum and probes the vector index."""
        from qa.store.keyword import KeywordIndex

        live = self.live_chunk_ids()
        damaged: list[str] = []
        stored: set[str] | None = None
        try:
            self._probe_database()
            stored = set(self._chroma(lambda: self.collection.get(include=[])["ids"]))
            if full and stored:
                self.probe_vectors(sorted(stored))
        except DamagedError as e:
            damaged.append(f"{e.part}: {e.problem}")
        damaged.extend(f"{e.part}: {e.problem}" for e in KeywordIndex.check(self.keyword_dir, full=full))
        unindexed: list[str] = []

        def note(ids: list[str]) -> list:
            unindexed.extend(ids)
            return []

        recovered: list[str] = []
        if not damaged or all(not d.startswith(self.keyword_dir.name) for d in damaged):
            # A reader "repairs" only a lost index.json, and only in memory: not damage, but worth saying.
            recovered = list(KeywordIndex.open(self.keyword_dir, live, note, persist=False).repaired)
        if (self.path / REBUILD).exists():
            recovered.append("an interrupted rebuild left a new generation half built (rebuild.json); "
                             "the next qa ingest drops it")
        return {"chunks": len(live), "missing": len(live - stored) if stored is not None else 0,
                "orphans": len(stored - live) if stored is not None else 0, "keyword_missing": len(unindexed),
                "damaged": damaged, "recovered": recovered}

    def probe_vectors(self, ids: list[str]) -> None:
        """Make the vector index answer (`_probe_vectors`), in a child process: Chroma's native code
        can crash the whole process on a damaged HNSW file, and `qa doctor` must live to report it."""
        from concurrent.futures import ProcessPoolExecutor
        from concurrent.futures.process import BrokenProcessPool
        import multiprocessing

        if self.settings.chroma_url:  # a server's crash is the server's: probe in-process
            return self._probe_vectors(ids)
        try:
            with ProcessPoolExecutor(1, mp_context=multiprocessing.get_context("spawn")) as pool:
                problem = pool.submit(_probe_in_child, self.settings, ids).result()
        except BrokenProcessPool:
            problem = "the vector index crashed the process that read it"
        if problem:
            raise DamagedError(self.path, "chroma", problem)

    def _probe_vectors(self, ids: list[str]) -> None:
        """Read a spread of stored vectors, then search with one."""
        sample = ids[:: max(1, len(ids) // 64)][:64]
        got = self._chroma(lambda: self.collection.get(ids=sample, include=["embeddings"]))
        vectors = got["embeddings"]
        if vectors is None or len(vectors) != len(sample):
            raise DamagedError(self.path, "chroma", "stored vectors are missing")
        query = [float(x) for x in vectors[0]]
        self._chroma(lambda: self.collection.query(query_embeddings=[query], n_results=min(10, len(ids)),
                                                   include=["distances"]))

    # -- repair (qa/ingest/repair.py) ------------------------------------------------------------
    def stored_ids(self, expected: set[str] | None = None) -> set[str]:
        """The chunk ids Chroma holds. Given the ids it should hold (`expected`, the manifest's), a
        count that matches is taken for them, sparing a read of every id: what each ingest checks
        first, and at 100k chunks on a Chroma server that read is megabytes. An interrupted ingest
        leaves more chunks than the manifest names, damage fewer; `qa doctor` compares the ids."""
        if expected is not None and self._chroma(lambda: self.collection.count()) == len(expected):
            return set(expected)
        return set(self._chroma(lambda: self.collection.get(include=[])["ids"]))

    def renew_collection(self) -> None:
        """Start a new, empty collection for this store (its vector index is broken); the old one is
        dropped by `finish_repair`, once the manifest names the new one."""
        self._abandoned = self.collection_name
        self.manifest["collection"] = f"{self.manifest.get('root', COLLECTION)}-{uuid.uuid4().hex[:8]}"
        self._collection = None

    def drop_keyword_segment(self, part: str) -> None:
        shutil.rmtree(self.path / part, ignore_errors=True)
        self._keyword = None

    def reopen_keyword(self):
        self._keyword = None
        return self.keyword

    def forget_chunks(self, lost: set[str]) -> list[str]:
        """Drop the documents that lost chunks from the manifest (the next ingest of their files adds
        them again); returns their sources."""
        gone = [key for key, doc in self.documents.items() if lost & set(doc["chunk_ids"])]
        gone += [key for key, doc in self.documents.items() if doc.get("duplicate_of") in gone]
        sources = sorted({self.documents[key]["source"] for key in gone})
        for key in gone:
            self.documents.pop(key, None)
        if self._keyword is not None:
            self._keyword.set_live(self.live_chunk_ids())
        return sources

    def finish_repair(self, stored: set[str], changed: bool = True) -> None:
        """Save the repaired manifest (when `changed`), drop a replaced collection and the chunks no
        entry names (`stored`: the ids Chroma holds, known to the caller, to spare fetching them again)."""
        if changed or self._abandoned:
            self._guard_write(self.save)
        if self._abandoned:
            self._drop_generation({"collection": self._abandoned})
            self._abandoned = None
        self.collect_garbage(stored)

    def chunk_count(self) -> int:
        return sum(len(d["chunk_ids"]) for d in self.documents.values())

    # -- keyword index and filters ------------------------------------------------------------
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
        out = []
        for start in range(0, len(ids), 1000):
            part = ids[start:start + 1000]
            got = self._read(lambda: self.collection.get(ids=part, include=["documents", "metadatas"]))
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
        def search() -> list[tuple[str, float]]:
            live = self.live_chunk_ids()
            if not live or depth <= 0 or articles is not None and not articles:
                return []
            where = {"article_id": {"$in": sorted(articles)}} if articles is not None else None
            n = min(depth + 8, len(live))  # + room for chunks a running ingest has not published
            got = self.collection.query(query_embeddings=[embedding], n_results=n, where=where, include=["distances"])
            found = [(cid, 1.0 - dist) for cid, dist in zip(got["ids"][0], got["distances"][0]) if cid in live]
            return found[:depth]

        return self._read(search)

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
    # and kept in the manifest (the store directory may move; the name must not change). A
    # rebuild's generation appends to this root.
    name = f"qa-{uuid.uuid4().hex[:16]}" if settings.chroma_url else COLLECTION
    return {"format": FORMAT, "embedder": None, "root": name, "collection": name, "keyword": KEYWORD_DIR,
            "documents": {}}


def _probe_in_child(settings: Settings, ids: list[str]) -> str | None:
    store = Store(settings, _read_manifest(Path(settings.store) / MANIFEST))
    try:
        store._probe_vectors(ids)
    except DamagedError as e:
        return e.problem
    except QAError as e:
        return str(e)
    return None


def _read_manifest(path: Path) -> dict[str, Any]:
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


def _chunk_record(chunk_id: str, text: str, md: dict) -> dict:
    """What the keyword index keeps of a chunk (qa.store.segment.RECORD_FIELDS + text)."""
    return {"id": chunk_id, "text": text, "title": md.get("title", ""), "source": md.get("source", ""),
            "article_id": md.get("article_id", ""), "section": md.get("section", ""),
            "start": int(md.get("start", 0)), "end": int(md.get("end", 0))}


def _record_to_hit(rec: dict, sim: float) -> Hit:
    return Hit(chunk_id=rec["id"], text=rec["text"], score=float(sim), source=rec["source"], title=rec["title"],
               article_id=rec["article_id"], section=rec["section"], start=int(rec["start"]), end=int(rec["end"]),
               dense=float(sim))
