"""The one atomic write: a reader sees the old file or the new one, never half of either.

`write_atomic`: the data goes to a uniquely named temporary file in the same directory (so two
writers never share one), is flushed and fsynced, then renamed over the target, and the directory
is fsynced so the rename itself survives a crash; on any failure the temporary file is removed and
the target is untouched. `publish_dir` does the same for a directory built beside its target (a
keyword-index segment): every file in it reaches the disk before the directory gets its name.
"""

from __future__ import annotations

import os
import tempfile
from pathlib import Path


def write_atomic(path: Path | str, data: str | bytes, mode: int | None = None) -> None:
    """Replace `path` with `data` (text is written as UTF-8); `mode` sets the new file's permissions."""
    path = Path(path)
    payload = data.encode("utf-8") if isinstance(data, str) else data
    fd, tmp = tempfile.mkstemp(prefix=f".{path.name}-", suffix=".tmp", dir=path.parent)
    try:
        with os.fdopen(fd, "wb") as f:
            f.write(payload)
            f.flush()
            os.fsync(f.fileno())
        if mode is not None:
            os.chmod(tmp, mode)
        os.replace(tmp, path)
    except BaseException:
        Path(tmp).unlink(missing_ok=True)
        raise
    _fsync_dir(path.parent)


def publish_dir(built: Path, target: Path) -> None:
    """Give the finished directory `built` (a sibling of `target`) the name `target`, after fsyncing
    every file in it, so that whoever finds `target` finds it whole."""
    for item in built.iterdir():
        if item.is_file():
            fd = os.open(item, os.O_RDONLY)
            try:
                os.fsync(fd)
            finally:
                os.close(fd)
    _fsync_dir(built)
    os.replace(built, target)
    _fsync_dir(target.parent)


def _fsync_dir(path: Path) -> None:
    try:
        fd = os.open(path, os.O_RDONLY)
    except OSError:  # a platform or file system without directory handles: the rename is still atomic
        return
    try:
        os.fsync(fd)
    except OSError:
        pass
    finally:
        os.close(fd)
