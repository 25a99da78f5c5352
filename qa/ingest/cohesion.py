"""Lexical cohesion between paragraphs (TextTiling-style): how much the vocabulary before a gap
overlaps the vocabulary after it, as the cosine of TF-IDF vectors of the terms (`qa.text.tokens.terms`:
character bigrams, words, numbers) of `WINDOW` paragraphs on each side. `qa.ingest.segment` cuts a
long run of headline-less paragraphs where it drops (a new piece begins), and places an OCR
fragment in the article whose text it shares most words with (`cosine`).
"""

from __future__ import annotations

import math
from collections import Counter

from qa.text.tokens import terms

WINDOW = 3  # paragraphs on each side of a gap


def _vectors(paragraphs: list[str]) -> list[dict[str, float]]:
    counts = [terms(p) for p in paragraphs]
    df: Counter = Counter()
    for c in counts:
        df.update(c.keys())
    n = len(paragraphs)
    return [{t: tf * math.log(1 + n / df[t]) for t, tf in c.items()} for c in counts]


def cosine(a: dict[str, float], b: dict[str, float]) -> float:
    dot = sum(v * b.get(t, 0.0) for t, v in a.items())
    na = math.sqrt(sum(v * v for v in a.values()))
    nb = math.sqrt(sum(v * v for v in b.values()))
    return dot / (na * nb) if na and nb else 0.0


def _window(vectors: list[dict[str, float]]) -> dict[str, float]:
    out: dict[str, float] = {}
    for v in vectors:
        for t, w in v.items():
            out[t] = out.get(t, 0.0) + w
    return out


def cohesion(paragraphs: list[str]) -> list[float]:
    """Similarity across each gap between paragraphs (len = len(paragraphs) - 1)."""
    vecs = _vectors(paragraphs)
    w = WINDOW
    return [cosine(_window(vecs[max(0, g - w + 1):g + 1]), _window(vecs[g + 1:g + 1 + w]))
            for g in range(len(paragraphs) - 1)]
