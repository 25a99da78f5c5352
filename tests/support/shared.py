"""A folder built once for the whole test session and shared by every xdist worker: the seed
store with the real embedder (~20 s of CPU), the hostile-article stores of test_terminal_safety.

With two workers, a session- or module-scoped fixture runs once in each worker; for a store that
takes seconds to build, that is seconds of CPU twice on a two-core machine. `shared_dir` is the
pattern of pytest-xdist's docs ("Making session-scoped fixtures execute only once"): the first
worker to ask builds under a file lock in the folder all workers of this run share; the others wait
on the lock and then use what it built. The folder is read-only for tests: a test that writes
(a chat writes chat.db into its store) works on a copy (`support.chat.copy_store`, which leaves
out the log that every `qa ask` on the shared store appends to)."""

from __future__ import annotations

import shutil
from collections.abc import Callable
from pathlib import Path

DONE = ".built"  # written last: a folder without it is a build that failed half-way


def shared_dir(tmp_path_factory, name: str, build: Callable[[Path], None]) -> Path:
    """The folder `name` that `build(folder)` filled, built once per test run whichever worker asks
    first. Without xdist it is simply built in this session's temp dir."""
    import os

    from filelock import FileLock

    if "PYTEST_XDIST_WORKER" not in os.environ:
        folder = tmp_path_factory.mktemp(name)
        build(folder)
        return folder
    # getbasetemp() is <run>/popen-gwN for a worker; <run> is this run's own and shared by its workers.
    root = tmp_path_factory.getbasetemp().parent
    folder = root / name
    with FileLock(str(root / f"{name}.lock")):
        if not (folder / DONE).exists():
            shutil.rmtree(folder, ignore_errors=True)  # another worker's build that failed part way
            folder.mkdir()
            build(folder)
            (folder / DONE).touch()
    return folder
