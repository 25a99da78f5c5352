"""What a store's files should look like, and the error for a part that does not.

Every immutable part of the store (a keyword segment) records the size and SHA-256 of each of its
files when it is written. Opening checks what is cheap (each file present at its recorded size);
`qa doctor` checks everything (the checksums). A part found damaged raises `DamagedError`, which
names the part and the command that restores it, so a damaged part is never silently used.
A write to the store folder that the environment refuses (`guard_write`) is one plain line too.
"""

from __future__ import annotations

import hashlib
import json
from pathlib import Path

from qa import errors
from qa.errors import StoreError

SUMS = "sums.json"
REPAIR = "qa doctor --repair"


class DamagedError(StoreError):
    """A part of the store is damaged. `part` names it (e.g. `keyword/seg-000003`)."""

    def __init__(self, store: Path | str, part: str, problem: str):
        self.part, self.problem = part, problem
        super().__init__(f"the store at {store} is damaged ({part}: {problem}); repair it: {REPAIR}")


def guard_write(store: Path, op):
    """Run `op`, a write to the store folder `store`; the environment's failures become one plain line."""
    try:
        return op()
    except OSError as e:
        raise errors.environment_error(e, store) or StoreError(f"{e.filename or store}: {e.strerror}") from None


def file_digest(path: Path) -> str:
    h = hashlib.sha256()
    with path.open("rb") as f:
        for block in iter(lambda: f.read(1 << 20), b""):
            h.update(block)
    return h.hexdigest()


def write_sums(directory: Path) -> None:
    """Record the size and checksum of every file in `directory` (called before it is published)."""
    sums = {p.name: [p.stat().st_size, file_digest(p)] for p in sorted(directory.iterdir()) if p.is_file()}
    (directory / SUMS).write_text(json.dumps(sums), encoding="utf-8")


def check_files(directory: Path, full: bool = False) -> str | None:
    """What is wrong with `directory`'s files, or None. Sizes and presence always; checksums when `full`."""
    try:
        sums = json.loads((directory / SUMS).read_text(encoding="utf-8"))
    except FileNotFoundError:
        return f"{SUMS} is missing" if directory.is_dir() else "the folder is missing"
    except (OSError, ValueError) as e:
        return f"{SUMS} is unreadable ({e})"
    for name, (size, digest) in sums.items():
        path = directory / name
        try:
            actual = path.stat().st_size
        except OSError:
            return f"{name} is missing"
        if actual != size:
            return f"{name} is {actual} bytes, {size} were written"
        if full and file_digest(path) != digest:
            return f"{name} does not match its checksum (changed since it was written)"
    return None
