"""One writer at a time per store: an advisory file lock (fcntl.flock) on `<store>/writer.lock`.

The lock dies with its process, so a killed ingest never leaves a stale lock behind. Readers
never take it: they read the manifest, which is replaced atomically. The lock file is opened with
`qa.files.open_private`, so a symbolic link planted in its place is refused, not truncated through.
"""

from __future__ import annotations

import fcntl
import os
import time
from contextlib import contextmanager
from pathlib import Path
from typing import Callable, Iterator

from qa.errors import StoreError
from qa.files import open_private, private_dir

LOCK_FILE = "writer.lock"


def _holder(fd: int) -> str:
    """The pid the holder wrote, read through our own descriptor (the name may since be anything)."""
    try:
        return os.pread(fd, 32, 0).decode("ascii", "replace").strip() or "?"
    except OSError:
        return "?"


@contextmanager
def writer_lock(store_dir: Path, wait: bool = True, on_wait: Callable[[str], None] | None = None,
                poll: float = 0.2) -> Iterator[None]:
    private_dir(store_dir)
    fd = open_private(store_dir / LOCK_FILE)
    try:
        told = False
        while True:
            try:
                fcntl.flock(fd, fcntl.LOCK_EX | fcntl.LOCK_NB)
                break
            except BlockingIOError:
                pid = _holder(fd)
                if not wait:
                    raise StoreError(f"another ingest is running on {store_dir} (pid {pid}); "
                                     "wait for it or run again without --no-wait") from None
                if on_wait and not told:
                    on_wait(f"another ingest is running (pid {pid}); waiting…")
                    told = True
                time.sleep(poll)
        os.ftruncate(fd, 0)
        os.write(fd, str(os.getpid()).encode())
        yield
    finally:
        os.close(fd)  # closing releases the flock
