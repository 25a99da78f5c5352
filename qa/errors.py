"""Every error `qa` raises on purpose.

    QAError                 base: the CLI prints its message on one line, exit code `exit_code`
    ├── ConfigError         a bad setting, config file or flag value (exit 2)
    ├── InputError          a bad argument or input file; message names FILE:LINE when it can (exit 2)
    ├── StoreMissingError   no store yet at the configured path (exit 1)
    ├── StoreError          the store exists but cannot be used as asked (e.g. another embedder built it)
    ├── EmbedError          the embedder failed (model load, remote endpoint)
    └── ProviderError       an LLM or embeddings endpoint failed after retries

Messages say what failed, where, and what to do next. `environment_error` turns a failure caused
by the store directory's surroundings (full device, read-only, a file in its place) into a
StoreError saying so; stdlib only, as this module is the lowest layer.
"""

from __future__ import annotations

import errno
import os
import shutil
from pathlib import Path


class QAError(Exception):
    exit_code = 1


class ConfigError(QAError):
    exit_code = 2


class InputError(QAError):
    exit_code = 2


class StoreMissingError(QAError):
    pass


class StoreError(QAError):
    pass


class EmbedError(QAError):
    pass


class ProviderError(QAError):
    pass


# -- the store's environment ------------------------------------------------------------------------
# A store fails for reasons of its disk as often as for its own: a full device, a read-only mount,
# a file where the folder should be. Chroma reports these as Rust errors ("Error in compaction:
# Failed to apply logs", "database or disk is full") that name neither the cause nor the store, so
# the cause is read from the error chain's errno, then its text, then the device itself.
_FULL = (errno.ENOSPC, errno.EDQUOT)
_DENIED = (errno.EACCES, errno.EPERM)
_FULL_TEXT = ("no space left", "database or disk is full", "disk quota exceeded", "os error 28")
_READ_ONLY_TEXT = ("readonly database", "read-only database", "read-only file system", "os error 30")
# Words of the failures Chroma and SQLite give for a write; a read-only device explains only these.
_WRITE_TEXT = ("write", "compaction", "apply logs", "commit", "insert", "persist", "flush", "create", "lock")
LOW_SPACE = 1 << 20  # bytes free under which a device counts as full (Chroma needs room for its logs)


def environment_error(error: BaseException, store: Path | str) -> StoreError | None:
    """A one-line StoreError when `error` comes from the environment of the store directory `store`
    (its device is full, it is read-only, it is a file), else None. Callers raise it `from` the error."""
    store = Path(store)
    chain = cause_chain(error)
    blocker = _existing(store)
    if blocker.is_file():
        where = "" if blocker == Path(os.path.abspath(store)) else f" (its parent {blocker})"
        return StoreError(f"the store path {store}{where} is a file, not a folder; choose another --store or QA_STORE")
    for e in chain:
        if not isinstance(e, OSError) or e.errno is None:
            continue
        if e.errno in _FULL:
            return _full(store)
        if e.errno == errno.EROFS:
            return _read_only(store, e.filename or store, "read-only file system")
        if e.errno in _DENIED and _inside(e.filename, store):
            return _read_only(store, e.filename, "permission denied")
    text = " ".join(str(e) for e in chain).lower()
    if any(phrase in text for phrase in _FULL_TEXT) or _free(store) < LOW_SPACE:
        return _full(store)
    if any(phrase in text for phrase in _READ_ONLY_TEXT):
        fs = "file system" in text or "os error 30" in text
        return _read_only(store, store, "read-only file system" if fs else "read-only database")
    if _cannot_write(store) and any(word in text for word in _WRITE_TEXT):
        return _read_only(store, store, "cannot write")
    return None


def _full(store: Path) -> StoreError:
    return StoreError(f"no space left on the device holding {store}; free space and run again")


def _read_only(store: Path, where: object, why: str) -> StoreError:
    return StoreError(f"the store {store} is read-only ({where}: {why}); run as its owner, remount it "
                      f"read-write, or choose another --store or QA_STORE")


def cause_chain(error: BaseException) -> list[BaseException]:
    """The error and the ones it was raised from or during, outermost first, at most ten (Chroma
    wraps the OSError it met; the openai client wraps httpx's error, which wraps the socket's)."""
    out: list[BaseException] = []
    e: BaseException | None = error
    while e is not None and e not in out and len(out) < 10:
        out.append(e)
        e = e.__cause__ or e.__context__
    return out


def _inside(filename: object, store: Path) -> bool:
    if not isinstance(filename, (str, os.PathLike)):
        return False
    path, root = Path(os.path.abspath(filename)), Path(os.path.abspath(store))
    return path == root or root in path.parents


def _existing(store: Path) -> Path:
    """The store, or its nearest existing parent (a store not created yet lives on that device)."""
    path = Path(os.path.abspath(store))
    while not path.exists() and path != path.parent:
        path = path.parent
    return path


def _free(store: Path) -> int:
    try:
        return shutil.disk_usage(_existing(store)).free
    except OSError:
        return LOW_SPACE  # unknown: not evidence of a full device


def can_write(folder: Path | str) -> bool:
    """Can files be created in `folder` (permissions, a read-only mount, room on the device)?"""
    return not _cannot_write(Path(folder)) and _free(Path(folder)) >= LOW_SPACE


def _cannot_write(store: Path) -> bool:
    # os.access alone is no proof: root may write anywhere except on a read-only mount.
    path = _existing(store)
    try:
        return not os.access(path, os.W_OK) or bool(os.statvfs(path).f_flag & os.ST_RDONLY)
    except OSError:
        return False
