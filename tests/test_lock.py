"""The store's writer lock (qa.lock): one holder at a time, a busy store named in one line with the
holder's pid, a waiter told once and let in when the holder leaves, and a lock that dies with its
process. Two descriptors of one file contend like two processes (flock and LockFileEx lock per
open file), so most of this runs in one process; the kill test uses a real child."""

from __future__ import annotations

import os
import signal
import subprocess
import sys
import threading
import time

import pytest

from qa.errors import StoreError
from qa.lock import LOCK_FILE, writer_lock


def test_a_busy_store_is_a_one_line_error_naming_the_holder(tmp_path):
    with writer_lock(tmp_path):
        with pytest.raises(StoreError) as caught:
            with writer_lock(tmp_path, wait=False):
                pytest.fail("two writers held the lock at once")
    message = str(caught.value)
    assert message == (f"another ingest is running on {tmp_path} (pid {os.getpid()}); "
                       "wait for it or run again without --no-wait")
    with writer_lock(tmp_path, wait=False):  # released on leaving the block
        assert (tmp_path / LOCK_FILE).read_text(encoding="ascii").strip() == str(os.getpid())


def test_a_waiter_is_told_once_and_gets_the_lock_when_the_holder_leaves(tmp_path):
    told: list[str] = []
    inside = threading.Event()
    order: list[str] = []

    def second_writer():
        with writer_lock(tmp_path, on_wait=told.append, poll=0.05):
            order.append("second")
            inside.set()

    with writer_lock(tmp_path):
        waiter = threading.Thread(target=second_writer)
        waiter.start()
        time.sleep(0.5)  # ten polls
        assert not inside.is_set(), "the second writer did not wait for the lock"
        order.append("first done")
    waiter.join(timeout=10)
    assert inside.is_set() and order == ["first done", "second"]
    assert told == [f"another ingest is running (pid {os.getpid()}); waiting…"]


def test_the_lock_dies_with_a_killed_holder(tmp_path):
    holder = subprocess.Popen(
        [sys.executable, "-c", "import sys, time\nfrom pathlib import Path\nfrom qa.lock import writer_lock\n"
         "with writer_lock(Path(sys.argv[1])):\n    print('held', flush=True)\n    time.sleep(60)\n", str(tmp_path)],
        stdout=subprocess.PIPE, text=True)
    try:
        assert holder.stdout.readline().strip() == "held"
        with pytest.raises(StoreError, match=f"pid {holder.pid}"):
            with writer_lock(tmp_path, wait=False):
                pass
        holder.send_signal(signal.SIGKILL)
        holder.wait(timeout=10)
        with writer_lock(tmp_path, wait=False):  # no stale lock left behind
            pass
    finally:
        holder.kill()
        holder.wait()
