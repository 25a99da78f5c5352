"""Failures caused by the store's surroundings (a full device, a read-only mount, a file where the
folder should be) reach the user as one plain line, through the real CLI in a subprocess.

Real conditions, no mocks: a small tmpfs is mounted under tmp_path (root, or CAP_SYS_ADMIN, is
needed; otherwise the tests skip). Root ignores file modes, so read-only is a read-only remount."""

from __future__ import annotations

import errno
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

from support import SEEDS
from support.cli import run_qa
from qa.errors import environment_error

QUESTION = "华强广场项目可以创造多少个就业岗位?"


@pytest.fixture
def tmpfs(tmp_path):
    """mount(size) -> a fresh tmpfs of that size under tmp_path, unmounted after the test."""
    mounted: list[Path] = []

    def mount(size: str) -> Path:
        if not sys.platform.startswith("linux") or not shutil.which("mount"):
            pytest.skip("needs Linux and mount(8) to make a small file system")
        where = tmp_path / f"disk{len(mounted)}"
        where.mkdir()
        done = subprocess.run(["mount", "-t", "tmpfs", "-o", f"size={size}", "tmpfs", str(where)],
                              capture_output=True, text=True)
        if done.returncode:
            pytest.skip(f"cannot mount a tmpfs (needs root or CAP_SYS_ADMIN): {done.stderr.strip()}")
        mounted.append(where)
        return where

    yield mount
    for where in reversed(mounted):
        subprocess.run(["umount", "-l", str(where)], capture_output=True, check=False)


def qa(*args: str | Path) -> subprocess.CompletedProcess:
    return run_qa(*args, env={"QA_EMBED": "hash"})


def assert_plain(result: subprocess.CompletedProcess, phrase: str) -> None:
    """Exit 1, and stderr is one line `Error: ...` holding `phrase`: no traceback, no "unexpected"."""
    err = result.stderr.strip()
    assert result.returncode == 1, (result.returncode, result.stdout, result.stderr)
    assert err.startswith("Error: ") and "\n" not in err, err
    assert phrase in err, err
    assert "Traceback" not in result.stdout + result.stderr and "unexpected" not in err


def fill(disk: Path) -> None:
    """Write a filler file until the device says it is full."""
    try:
        with open(disk / "filler", "wb", buffering=0) as f:
            while True:
                f.write(b"\0" * 65536)
    except OSError as e:
        assert e.errno == errno.ENOSPC


def test_ingest_onto_too_small_a_device(tmpfs):
    store = tmpfs("200k") / "store"
    assert_plain(qa("ingest", SEEDS, "--store", store), f"no space left on the device holding {store}")


def test_full_device_after_ingest(tmpfs):
    # Chroma writes to its SQLite database when it opens, so even reading needs a little room:
    # `ask` then fails, in plain words.
    disk = tmpfs("20m")
    store = disk / "store"
    assert qa("ingest", SEEDS, "--store", store).returncode == 0
    fill(disk)
    asked = qa("ask", QUESTION, "--store", store)
    if asked.returncode:
        assert_plain(asked, f"no space left on the device holding {store}")
    doctor = qa("doctor", "--store", store)
    out = doctor.stdout + doctor.stderr
    assert "Traceback" not in out and "unexpected" not in out and "Error in compaction" not in out, out
    assert doctor.returncode == 0 or "no space left on the device holding" in out, out


def test_read_only_device(tmpfs, tmp_path):
    disk = tmpfs("20m")
    store = disk / "store"
    assert qa("ingest", SEEDS, "--store", store).returncode == 0
    subprocess.run(["mount", "-o", "remount,ro", str(disk)], check=True)
    asked = qa("ask", QUESTION, "--store", store)
    if asked.returncode:
        assert_plain(asked, f"the store {store} is read-only")
    new = tmp_path / "new"
    new.mkdir()
    (new / "apples.txt").write_text("Apples\n\nThe valley grows apples on terraces above the river.\n")
    assert_plain(qa("ingest", new, "--store", store), f"the store {store} is read-only")


@pytest.mark.parametrize("command", [("ingest", SEEDS), ("ask", QUESTION), ("sources",)])
def test_store_path_is_a_file(tmp_path, command):
    store = tmp_path / "notes.txt"
    store.write_text("not a store\n")
    assert_plain(qa(*command, "--store", store), f"the store path {store} is a file, not a folder")
    assert store.read_text() == "not a store\n"


def test_doctor_names_a_store_path_that_is_a_file(tmp_path):
    store = tmp_path / "notes.txt"
    store.write_text("not a store\n")
    result = qa("doctor", "--store", store)
    assert result.returncode == 1
    assert f"the store path {store} is a file, not a folder" in result.stdout
    assert "Traceback" not in result.stdout + result.stderr


@pytest.mark.parametrize(("message", "expected"), [
    ("Error in compaction: Failed to apply logs", None),
    ("error returned from database: (code: 13) database or disk is full", "no space left on the device holding"),
    ("error returned from database: (code: 8) attempt to write a readonly database", "is read-only"),
])
def test_chroma_messages(tmp_path, message, expected):
    # Chroma's Rust errors are not OSErrors: the message text is what names the cause. On a roomy,
    # writable disk a compaction failure is no environment error (it is the store's own).
    found = environment_error(RuntimeError(message), tmp_path / "store")
    assert (found is None) if expected is None else (expected in str(found))


def test_oserrors_by_errno(tmp_path):
    store = tmp_path / "store"
    full = environment_error(OSError(errno.ENOSPC, "No space left on device", str(store / "x")), store)
    assert str(full) == f"no space left on the device holding {store}; free space and run again"
    denied = environment_error(PermissionError(errno.EACCES, "Permission denied", str(store / "x")), store)
    assert str(denied).startswith(f"the store {store} is read-only ({store / 'x'}: permission denied); ")
    assert environment_error(PermissionError(errno.EACCES, "Permission denied", "/elsewhere"), store) is None
    assert environment_error(ValueError("boom"), store) is None


def test_store_inside_a_file(tmp_path):
    # Store.open never sees this one: creating the folder fails, and the CLI names the cause.
    parent = tmp_path / "notes.txt"
    parent.write_text("not a folder\n")
    store = parent / "store"
    assert_plain(qa("ingest", SEEDS, "--store", store), f"the store path {store} (its parent {parent}) is a file")
