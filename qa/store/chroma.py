"""Chroma access: the client (an embedded database in `<store>/chroma`, or a server named by
QA_CHROMA_URL), the store's collection, its writes, probes and moving a damaged database aside.

Failures of Chroma are translated here: the environment (disk full, read-only) into
`qa.errors.environment_error`'s line, a server that refuses or cannot be reached into a
StoreError, a database that stays locked into a StoreError (`BUSY_WAIT`), anything else into a
DamagedError naming the repair. This is the only module that imports chromadb.
"""

from __future__ import annotations

import time
from pathlib import Path
from typing import Any, Callable

from qa import errors
from qa.config import Settings
from qa.errors import QAError, StoreError
from qa.store.integrity import DamagedError, guard_write
from qa.store.manifest import COLLECTION, MANIFEST, read_manifest

# Candidates an HNSW search keeps (`Chroma._search_wide`: why 400)
EF_SEARCH = 400
# Seconds a call of Chroma that found its SQLite database locked is retried before it fails (`call`).
# Chroma keeps a pool of SQLite connections in one process, and a write on one of them can find the
# database locked by another (SQLite gives up at once on a transaction that read first and then
# writes): the terminal-safety tests' `qa doctor --repair`, alone on its store, got "(code: 5)
# database is locked" from `modify` (`_search_wide`) right after opening the collection, 3 times in
# ~40 runs at load 13 and in none when quiet (/proc showed no other process holding the file); taken
# for damage, the sound database was moved aside and every document dropped.
BUSY_WAIT = 10.0
_BUSY_TEXT = ("database is locked", "database is busy", "database table is locked")


class Chroma:
    """The Chroma side of one store. `name` gives the collection the manifest names now (a
    rebuild or a repair changes it); a reader whose collection is missing asks `follow` whether a
    rebuild switched generations under it (True: it did, and `name` gives the new one)."""

    def __init__(self, settings: Settings, path: Path, writable: bool, name: Callable[[], str],
                 follow: Callable[[], bool] = lambda: False) -> None:
        self.settings, self.path, self.writable = settings, path, writable
        self._name, self._follow = name, follow
        self._client_obj = None
        self._collection = None
        self.aside_reason = ""  # why `open_or_move_aside` moved the database aside

    def client(self):
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
            raise self.explain(e, f"cannot open the Chroma store at {url or self.path / 'chroma'}") from e
        return self._client_obj

    def explain(self, error: BaseException, doing: str = "") -> QAError:
        """One plain error for a failure of Chroma: the environment, an unreachable server, a
        database that stays locked, or damage."""
        if isinstance(error, QAError):
            return error
        env = errors.environment_error(error, self.path)
        if env is not None:
            return env
        detail = str(error).strip().splitlines()[0] if str(error).strip() else type(error).__name__
        if busy(error):  # a lock, not damage: moving the database aside would lose what only it holds
            where = f"the Chroma server at {self.settings.chroma_url}" if self.settings.chroma_url else \
                f"the Chroma database at {self.path / 'chroma'}"
            return StoreError(f"{where} stayed locked for {BUSY_WAIT:.0f} s ({detail}); another process may be "
                              "writing it: run again when it is done")
        if self.settings.chroma_url:
            where = doing or f"the Chroma server at {self.settings.chroma_url} failed"
            if any(word in detail.lower() for word in ("token", "unauthorized", "forbidden", "401", "403")):
                detail = detail.rstrip(".") + ("; check QA_CHROMA_TOKEN" if self.settings.chroma_token else \
                    "; the server may want a token: set QA_CHROMA_TOKEN")
            return StoreError(f"{where}: {detail}")
        return DamagedError(self.path, "chroma", detail)

    def call(self, op):
        """Run `op`, a call of Chroma, again while it finds the database locked (`BUSY_WAIT`); its
        failures become one plain error (`explain`)."""
        try:
            return retry_busy(op, BUSY_WAIT)
        except (AttributeError, NameError):
            raise  # a bug in qa, not damage: a repair would not help, and the traceback tells where
        except Exception as e:  # noqa: BLE001 - translated into one plain line
            raise self.explain(e) from e

    @property
    def collection(self):
        if self._collection is None:
            client = self.client()
            name = self._name()
            # embedding_function=None: Chroma's default function downloads a model; vectors come from qa.embed.
            if self.writable:
                self._collection = self.call(lambda: client.get_or_create_collection(
                    name, embedding_function=None, metadata={"hnsw:space": "cosine"}))
                self._search_wide(self._collection)
            else:  # a reader never creates one: a missing collection is damage (or a finished rebuild)
                try:
                    self._collection = retry_busy(lambda: client.get_collection(name, embedding_function=None),
                                                  BUSY_WAIT)
                except Exception as e:  # noqa: BLE001
                    if self._follow():
                        return self.collection
                    if busy(e) or errors.environment_error(e, self.path):
                        raise self.explain(e) from e
                    raise DamagedError(self.path, "chroma", f"its collection {name} is missing") from e
        return self._collection

    def _search_wide(self, collection) -> None:
        """Search with `EF_SEARCH` candidates (a writer sets it on a collection made with less).
        At Chroma's default (100) the nearest 20 of drcd_test's 1,861 chunks missed 5-7 of 2,000
        for 100 questions, and which ones changed from process to process (the graph Chroma builds
        on opening is not the same each time), so the same question got other passages and
        another answer in another run; at 400 none was missed in any run, at ~1 ms a search either
        way. Not with the creation's `configuration`: given beside `metadata` it drops the cosine
        space for l2."""
        hnsw = (getattr(collection, "configuration", None) or {}).get("hnsw") or {}
        if hnsw.get("ef_search", EF_SEARCH) < EF_SEARCH:
            self.call(lambda: collection.modify(configuration={"hnsw": {"ef_search": EF_SEARCH}}))

    def forget(self) -> None:
        """Let go of the collection: the manifest names another now."""
        self._collection = None

    # -- opening a damaged database ---------------------------------------------------------------
    def open_or_move_aside(self, unwritable_too: bool = False) -> Path | None:
        """Open the collection; a local Chroma database that cannot be opened (damaged, or a
        `chroma/` left without its database) is moved aside to `chroma.damaged-<time>` and a new
        one started. Only writers that will refill it call this (a rebuild, a repair). With
        `unwritable_too` (a rebuild, which replaces it anyway) so is a `chroma/` that cannot be
        written while the store folder can. Anything else (the environment, a database that stays
        locked) is raised: moving aside loses what only that database holds. Returns where the old
        one went, or None."""
        try:
            self.probe_database()
            _ = self.collection
            return None
        except QAError as e:
            if self.settings.chroma_url or busy(e):
                raise
            if errors.environment_error(e.__cause__ or e, self.path) and not (
                    unwritable_too and errors.can_write(self.path) and not errors.can_write(self.path / "chroma")):
                raise
            self.aside_reason = str(e)  # the report says why: what only that database held is lost
        aside = self.move_aside()
        self.probe_database()
        _ = self.collection
        return aside

    def move_aside(self) -> Path:
        from chromadb.api.client import SharedSystemClient

        aside = self.path / f"chroma.damaged-{time.strftime('%Y%m%d-%H%M%S')}"
        n = 1
        while aside.exists():
            aside = aside.with_name(f"{aside.name.split('~')[0]}~{n}")
            n += 1
        guard_write(self.path, lambda: (self.path / "chroma").rename(aside))
        SharedSystemClient.clear_system_cache()  # the process must not keep using the moved database
        self._client_obj = self._collection = None
        return aside

    def probe_database(self) -> None:
        """Chroma creates an empty database where it finds none: a `chroma/` holding index files
        but no database is damaged, not new."""
        folder = self.path / "chroma"
        if not self.settings.chroma_url and folder.is_dir() and any(folder.iterdir()) \
                and not (folder / "chroma.sqlite3").exists():
            raise DamagedError(self.path, "chroma", "chroma.sqlite3 is missing")
        self.call(lambda: self.client().list_collections())

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
            problem = (True, "the vector index crashed the process that read it")
        if problem:
            damaged, what = problem
            raise DamagedError(self.path, "chroma", what) if damaged else StoreError(what)

    def _probe_vectors(self, ids: list[str]) -> None:
        """Read a spread of stored vectors, then search with one."""
        sample = ids[:: max(1, len(ids) // 64)][:64]
        got = self.call(lambda: self.collection.get(ids=sample, include=["embeddings"]))
        vectors = got["embeddings"]
        if vectors is None or len(vectors) != len(sample):
            raise DamagedError(self.path, "chroma", "stored vectors are missing")
        query = [float(x) for x in vectors[0]]
        self.call(lambda: self.collection.query(query_embeddings=[query], n_results=min(10, len(ids)),
                                                include=["distances"]))

    # -- writes and ids ------------------------------------------------------------------------
    @property
    def max_batch(self) -> int:
        """Records one Chroma call may carry (the client refuses bigger batches)."""
        try:
            return max(1, int(self.client().get_max_batch_size()))
        except Exception:  # noqa: BLE001 - an older server without the call
            return 1000

    def add_chunks(self, nodes: list) -> None:
        """Upsert embedded nodes in batches the client accepts (a retried batch is harmless)."""
        step = self.max_batch
        for start in range(0, len(nodes), step):
            part = nodes[start:start + step]
            self.call(lambda: self.collection.upsert(
                ids=[n.id for n in part], embeddings=[n.embedding for n in part],
                documents=[n.text for n in part], metadatas=[dict(n.metadata) for n in part]))

    def delete(self, ids: list[str]) -> None:
        step = self.max_batch
        for start in range(0, len(ids), step):
            part = ids[start:start + step]
            self.call(lambda: self.collection.delete(ids=part))

    def drop_collection(self, name: str) -> None:
        """Delete the collection `name` (an old generation's, a replaced one), if it is there."""
        try:
            self.client().delete_collection(name)
        except Exception:  # noqa: BLE001 - already gone, or in a database moved aside
            pass

    def stored_ids(self, expected: set[str] | None = None) -> set[str]:
        """The chunk ids Chroma holds. Given the ids it should hold (`expected`, the manifest's), a
        count that matches is taken for them, sparing a read of every id: what each ingest checks
        first, and at 100k chunks on a Chroma server that read is megabytes. An interrupted ingest
        leaves more chunks than the manifest names, damage fewer; `qa doctor` compares the ids."""
        if expected is not None and self.call(lambda: self.collection.count()) == len(expected):
            return set(expected)
        return set(self.call(lambda: self.collection.get(include=[])["ids"]))


def chunk_record(chunk_id: str, text: str, md: dict) -> dict:
    """What the keyword index keeps of a chunk (qa.store.segment.RECORD_FIELDS + text), from
    Chroma's id, document and metadata (or a node's, before they are stored)."""
    return {"id": chunk_id, "text": text, "title": md.get("title", ""), "source": md.get("source", ""),
            "article_id": md.get("article_id", ""), "section": md.get("section", ""),
            "start": int(md.get("start", 0)), "end": int(md.get("end", 0))}


def _probe_in_child(settings: Settings, ids: list[str]) -> tuple[bool, str] | None:
    """(damaged?, what) of the vector index's probe, None when it answered: a DamagedError does not
    pickle (its own arguments), so what went wrong comes back as text."""
    manifest = read_manifest(Path(settings.store) / MANIFEST)
    chroma = Chroma(settings, Path(settings.store), writable=False,
                    name=lambda: manifest.get("collection", COLLECTION))
    try:
        chroma._probe_vectors(ids)
    except DamagedError as e:
        return True, e.problem
    except QAError as e:  # the environment, a database that stays locked: no damage of the index
        return False, str(e)
    return None


def busy(error: BaseException) -> bool:
    """Did SQLite find the database locked (SQLITE_BUSY or SQLITE_LOCKED, as Chroma words them)?"""
    return any(phrase in str(e).lower() for e in errors.cause_chain(error) for phrase in _BUSY_TEXT)


def retry_busy(op, wait: float = BUSY_WAIT):
    """`op()`, called again while it finds the database locked, pausing 0.05 s, doubling to 1 s, for
    at most `wait` seconds; then its error is raised. A locked call changed nothing: SQLite rolled
    its transaction back."""
    pause, deadline = 0.05, time.monotonic() + wait
    while True:
        try:
            return op()
        except Exception as e:  # noqa: BLE001 - only a lock is retried
            if not busy(e) or time.monotonic() + pause > deadline:
                raise
        time.sleep(pause)
        pause = min(pause * 2, 1.0)


__all__ = ["BUSY_WAIT", "Chroma", "busy", "chunk_record", "retry_busy"]
