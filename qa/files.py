"""The one atomic write: a reader sees the old file or the new one, never half of either.

`write_atomic`: the data goes to a uniquely named temporary file in the same directory (so two
writers never share one), is flushed and fsynced, then renamed over the target, and the directory
is fsynced so the rename itself survives a crash; on any failure the temporary file is removed and
the target is untouched. `publish_dir` does the same for a directory built beside its target (a
keyword-index segment): every file in it reaches the disk before the directory gets its name.

What qa keeps (the manifest, the questions in the chat log and its history, eval records) is
readable by its user only: files 0600, folders 0700, whatever the umask or an older qa left.
`write_atomic` gets that from `tempfile.mkstemp` (0600) unless told another `mode`, and since it
renames over its target, a symbolic link there is replaced, never written through: it is also how a
file the user names (`/save FILE`) is written. A file qa opens in place (a lock, a log, an
append-only records file) goes through `open_private`, which never follows a link: someone who can
plant `writer.lock -> ~/.bashrc` would otherwise have qa truncate the file it points to.
`private_dir` makes the store folder 0700 when qa writes to it.
"""

from __future__ import annotations

import errno
import os
import stat
import tempfile
from pathlib import Path

from qa.errors import StoreError

FILE_MODE = 0o600
DIR_MODE = 0o700
NO_FOLLOW = getattr(os, "O_NOFOLLOW", 0)  # POSIX; 0 on Windows


def write_atomic(path: Path | str, data: str | bytes, mode: int | None = None) -> None:
    """Replace `path` with `data` (text is written as UTF-8); the new file is 0600 unless `mode`
    says otherwise, and a symbolic link at `path` is replaced by the file, not followed."""
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


def open_private(path: Path | str, flags: int = os.O_RDWR, create: bool = True) -> int:
    """A descriptor for `path` (opened with `flags`), never through a symbolic link: a new file is
    created 0600, an existing one of ours is made 0600. A link is a one-line StoreError naming it;
    `create=False` opens only a file that exists (FileNotFoundError otherwise)."""
    path = Path(path)
    flags |= NO_FOLLOW | getattr(os, "O_CLOEXEC", 0) | getattr(os, "O_BINARY", 0) | (os.O_CREAT if create else 0)
    if not NO_FOLLOW and path.is_symlink():  # Windows has no O_NOFOLLOW: look first (a narrow race)
        raise _link_error(path)
    try:
        fd = os.open(path, flags, FILE_MODE)
    except OSError as e:
        if e.errno == errno.ELOOP and path.is_symlink():
            raise _link_error(path) from None
        raise
    try:
        info = os.fstat(fd)
        if stat.S_IMODE(info.st_mode) != FILE_MODE and _ours(info):
            _tighten(lambda: os.fchmod(fd, FILE_MODE))  # made by an older qa, or under a looser umask
    except BaseException:
        os.close(fd)
        raise
    return fd


def private_dir(path: Path | str) -> Path:
    """Create the folder `path` (and its parents) if need be, and make it 0700 if it is ours: every
    file in it is then out of other users' reach, Chroma's and SQLite's own files included, whatever
    modes their libraries give them."""
    path = Path(path)
    path.mkdir(parents=True, exist_ok=True, mode=DIR_MODE)
    info = path.stat()
    if stat.S_IMODE(info.st_mode) != DIR_MODE and _ours(info):
        _tighten(lambda: os.chmod(path, DIR_MODE))
    return path


def _link_error(path: Path) -> StoreError:
    return StoreError(f"{path} is a symbolic link, and qa never writes through one (it would change "
                      f"the file it points to); remove it (rm {path}) and run again")


def _ours(info: os.stat_result) -> bool:
    """Whether a file is ours to chmod: Windows has neither owner ids nor Unix modes to tighten."""
    return hasattr(os, "geteuid") and info.st_uid == os.geteuid()


def _tighten(chmod) -> None:
    try:
        chmod()
    except OSError as e:
        # A file system without Unix modes (FAT, some network mounts) refuses the change; what it
        # offers instead is the mount's to decide, and refusing to write there would help no one.
        if e.errno not in (errno.EPERM, errno.ENOTSUP, errno.EOPNOTSUPP):
            raise


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
