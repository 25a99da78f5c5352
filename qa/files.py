"""The one atomic file write: a reader sees the old file or the new one, never half of either.

The data goes to a uniquely named temporary file in the same directory (so two writers never
share one), is flushed and fsynced, then renamed over the target; on any failure the temporary
file is removed and the target is untouched.
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
