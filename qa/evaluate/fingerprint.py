"""What produced an evaluation's numbers: package version, git commit, store, embedder, LLM model,
prompt hashes, every non-secret setting, date and machine; and the part of it (`run_key`) that
must match for an interrupted run's records to be reused."""

from __future__ import annotations

import hashlib
import json
import os
import platform
from datetime import datetime, timezone
from pathlib import Path
from typing import Any

# Settings that change how long a run takes but not what it answers; a resume may differ in them.
_NOT_RESULT_SETTINGS = frozenset({"llm_timeout", "llm_retries", "llm_max_wait", "embed_batch", "embed_concurrency", "chroma_url", "chroma_token"})


def git_commit(root: Path | None = None) -> dict[str, Any]:
    """The checkout's commit and whether tracked files differ from it; empty outside a git checkout."""
    import subprocess

    root = root or Path(__file__).resolve().parent.parent.parent
    if not (root / ".git").exists():
        return {}
    try:
        commit = subprocess.run(["git", "-C", str(root), "rev-parse", "HEAD"], capture_output=True, text=True,
                                timeout=5, check=True).stdout.strip()
        dirty = subprocess.run(["git", "-C", str(root), "status", "--porcelain", "--untracked-files=no"],
                               capture_output=True, text=True, timeout=5, check=True).stdout.strip()
    except (OSError, subprocess.SubprocessError):
        return {}
    return {"commit": commit, "dirty": bool(dirty)}


def store_fingerprint(store) -> str:
    """A hash of what the store holds (documents' content hashes and chunk ids) and which embedder
    built it; the same collection ingested anywhere gets the same fingerprint."""
    docs = sorted((Path(d.get("source", key)).name, d.get("hash", ""), d.get("chunk_ids", []))
                  for key, d in store.documents.items())
    blob = json.dumps({"embedder": store.manifest.get("embedder"), "documents": docs}, sort_keys=True)
    return hashlib.sha256(blob.encode()).hexdigest()[:12]


def fingerprint(settings, store, embedder, mode: str, k: int) -> dict[str, Any]:
    import qa
    from qa.config import OPTIONS
    from qa.embed import fingerprint as embedder_fingerprint
    from qa.prompts import prompt_hashes

    knobs = {o.name: getattr(settings, o.name) for o in OPTIONS if not o.secret and o.name != "store"}
    return {
        "qa_version": qa.__version__,
        "git": git_commit(),
        "store": store_fingerprint(store),
        "documents": len(store.documents),
        "chunks": store.chunk_count(),
        "embedder": embedder_fingerprint(embedder),
        "llm_model": settings.llm_model if mode != "extractive" else "",
        "prompts": prompt_hashes(settings.system_prompt),
        "retrieval": {"mode": mode, "k": k},
        "settings": knobs,
        "date": datetime.now(timezone.utc).isoformat(timespec="seconds"),
        "machine": f"{platform.system()} {platform.machine()}, {os.cpu_count()} cpus, Python {platform.python_version()}",
    }


def run_key(fp: dict[str, Any]) -> dict[str, Any]:
    """The parts of a fingerprint that must match for an earlier run's records to be reused."""
    settings = {k: v for k, v in fp["settings"].items() if k not in _NOT_RESULT_SETTINGS}
    return {"store": fp["store"], "embedder": fp["embedder"], "llm_model": fp["llm_model"], "prompts": fp["prompts"],
            "retrieval": fp["retrieval"], "settings": settings}
