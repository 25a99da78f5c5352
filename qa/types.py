"""Plain records passed between the pipeline stages. Rendering them is the CLI's job."""

from __future__ import annotations

from dataclasses import asdict, dataclass, field
from typing import Any


@dataclass
class Article:
    """One piece of writing found in a document: a news article, a photo caption, a fragment."""

    id: str
    title: str
    text: str  # cleaned body; chunk offsets index into this string
    source: str
    kind: str = "article"  # article | caption | fragment
    kicker: str = ""  # the line above a headline ("多地前瞻布局,产业加速融合——")
    byline: str = ""
    sections: list[tuple[int, str]] = field(default_factory=list)  # (offset into text, sub-head)
    url: str = ""
    date: str = ""


@dataclass
class Hit:
    """A retrieved passage (a stored chunk) with its score and rank (1-based)."""

    chunk_id: str
    text: str
    score: float
    source: str
    title: str
    article_id: str
    section: str = ""
    start: int = 0
    end: int = 0
    rank: int = 0
    dense: float = 0.0  # cosine similarity of the passage and the question (0 when unknown)


@dataclass
class Citation:
    n: int
    source: str
    title: str
    chunk_id: str
    text: str  # the whole passage cited, exactly as stored
    score: float
    quote: str = ""  # the sentence(s) of the passage that the answer used
    supported: bool | None = None


@dataclass
class Answer:
    question: str
    answer: str
    refused: bool
    mode: str  # extractive | llm
    citations: list[Citation]
    timings: dict[str, float] = field(default_factory=dict)
    support: float = 0.0  # how well the best evidence covers the question (0..1)
    gaps: list[dict[str, str]] = field(default_factory=list)  # what the best quote lacks: kind, detail, reason
    hits: list[Hit] = field(default_factory=list)
    note: str = ""
    model: str | None = None  # the model that wrote an llm answer, as the endpoint named it
    usage: dict[str, int] | None = None  # prompt_tokens / completion_tokens / total_tokens

    def to_dict(self, with_hits: bool = False) -> dict[str, Any]:
        data = asdict(self)
        if not with_hits:
            data.pop("hits")
        return data
