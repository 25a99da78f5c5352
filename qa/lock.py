"""One writer at a time per store: an operating-system lock on `<store>/writer.lock`.

The platform's primitive (`flock` on POSIX, `LockFileEx` on Windows) comes from filelock's
`lock_descriptor`, which locks a descriptor we opened ourselves: the file is opened with
`qa.files.open_private`, so a symbolic link planted in its place is refused, not truncated through
(filelock's own `FileLock` opens the file by name, and older releases with O_TRUNC). The lock dies
with its process, so a killed ingest never leaves a stale lock behind. Readers never take it: they
read the manifest, which is replaced atomically.

The holder writes its pid after the first byte: Windows locks byte 0, and a locked range cannot be
read by another process, so a waiter reads from byte 1 to name the holder in its message.
"""

from __future__ import annotations

import os
import time
from contextlib import contextmanager
from pathlib import Path
from typing import Callable, Iterator

from qa.errors import StoreError
from qa.files import open_private, private_dir

LOCK_FILE = "writer.lock"
PID_OFFSET = 1  # past the byte Windows locks (see the module docstring)


def _holder(fd: int) -> str:
    """The pid the holder wrote, read through our own descriptor (the name may since be anything)."""
    try:
        os.lseek(fd, PID_OFFSET, os.SEEK_SET)
        return os.read(fd, 32).decode("ascii", "replace").strip() or "?"
    except OSError:
        return "?"


def _claim(fd: int) -> None:
    """Write our pid where `_holder` reads it (byte 0 is a blank, the locked byte on Windows)."""
    os.ftruncate(fd, 0)
    os.lseek(fd, 0, os.SEEK_SET)
    os.write(fd, b" " * PID_OFFSET + str(os.getpid()).encode("ascii"))


@contextmanager
def writer_lock(store_dir: Path, wait: bool = True, on_wait: Callable[[str], None] | None = None,
                poll: float = 0.2) -> Iterator[None]:
    """Hold the store's writer lock for the `with` block. Busy: with `wait`, poll every `poll`
    seconds (telling `on_wait` once who holds it); without, a one-line StoreError naming the pid."""
    from filelock import lock_descriptor, unlock_descriptor

    private_dir(store_dir)
    fd = open_private(store_dir / LOCK_FILE)
    try:
        told = False
        while not lock_descriptor(fd, blocking=False):
            pid = _holder(fd)
            if not wait:
                raise StoreError(f"another ingest is running on {store_dir} (pid {pid}); "
                                 "wait for it or run again without --no-wait")
            if on_wait and not told:
                on_wait(f"another ingest is running (pid {pid}); waiting…")
                told = True
            time.sleep(poll)
        try:
            _claim(fd)
            yield
        finally:
            unlock_descriptor(fd)
    finally:
        os.close(fd)  # closing would release the lock too; unlocking first says so on every platform


@contextmanager
def file_lock(path: Path, timeout: float, poll: float = 0.05) -> Iterator[bool]:
    """Hold an operating-system lock on the file `path` (made 0600, never through a link) for the
    `with` block, waiting at most `timeout` seconds; yields whether it was got. The block runs either
    way: a caller that cannot wait longer decides what to do without it (`qa.text.index_cache`
    builds in memory and writes nothing)."""
    from filelock import lock_descriptor, unlock_descriptor

    fd = open_private(path)
    try:
        deadline = time.monotonic() + timeout
        got = lock_descriptor(fd, blocking=False)
        while not got and time.monotonic() < deadline:
            time.sleep(poll)
            got = lock_descriptor(fd, blocking=False)
        try:
            yield got
        finally:
            if got:
                unlock_descriptor(fd)
    finally:
        os.close(fd)
