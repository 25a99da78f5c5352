"""Answering a question: retrieve passages, then answer them extractively (or with an LLM)."""

from __future__ import annotations

import time

from qa.config import Settings
from qa.errors import InputError
from qa.types import Answer


def ask(question: str, settings: Settings, store=None, embedder=None, k: int | None = None,
        mode: str = "auto") -> Answer:
    """Answer one question from the store. The public entry point used by `qa ask` and `qa eval`."""
    from qa.answer.extractive import answer_extractive
    from qa.retrieve import retrieve

    question = " ".join(question.split())
    if not question:
        raise InputError("the question is empty")
    t0 = time.perf_counter()
    hits = retrieve(question, settings, store=store, embedder=embedder, k=k)
    t1 = time.perf_counter()
    answer = answer_extractive(question, hits, settings.refusal_threshold)
    t2 = time.perf_counter()
    answer.timings = {"retrieve_ms": round((t1 - t0) * 1000, 2), "answer_ms": round((t2 - t1) * 1000, 2),
                      "total_ms": round((t2 - t0) * 1000, 2)}
    return answer
