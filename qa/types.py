"""Plain records passed between the pipeline stages. Rendering them is the CLI's job.

Dataclasses for what the code builds and reads (`Article`, `Chunk`, `Hit`, `Citation`, `Answer`);
TypedDicts for records that live as JSON on disk and cross module boundaries as dicts: the
store manifest's entries (`DocumentEntry`, `ArticleEntry`), the rows of `qa sources`
(`SourceRow`), and evaluation records (`EvalRecord`), so their shape is written down once and a
type checker sees every reader and writer, with no conversion and no change to the files.
"""

from __future__ import annotations

from dataclasses import asdict, dataclass, field
from enum import StrEnum
from typing import Any, NotRequired, TypedDict


class Mode(StrEnum):
    """How an answer is written: `extractive` quotes passages, `llm` asks the chat model, `auto`
    the model when one is configured. The option type of `qa ask`, `qa chat` and `qa eval` (the
    parser lists the choices) and `/mode`; `qa.ask.uses_llm` resolves `auto`, `qa.ask.check_mode`
    says what a mode needs. A str, so it compares, prints and serializes as its value."""

    AUTO = "auto"
    LLM = "llm"
    EXTRACTIVE = "extractive"


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
class Chunk:
    """One chunk of an article on its way into the store: `text` is `article.text[start:end]`
    (`metadata`: source, article_id, title, kind, section, start, end, hash), `embedding` its vector
    once embedded. A plain record rather than llama-index's `TextNode`: importing llama_index.core
    costs a second, half of what adding one short file to a store may take."""

    id: str
    text: str
    metadata: dict[str, Any]
    embedding: list[float] | None = None

    @property
    def embed_text(self) -> str:
        """What the embedder sees: the article's title, then the text. Written as llama-index's
        `TextNode` with only the title let into `MetadataMode.EMBED` wrote it, so vectors of
        stores built before stay comparable with new ones."""
        return embed_view(self.metadata.get("title", ""), self.text)


def embed_view(title: str, text: str) -> str:
    """`text` of the article `title` as the embedder sees it (`Chunk.embed_text`; the answerer embeds
    sentences this way too, `qa.answer.sentence_dense`, so they read like the chunks they come from)."""
    return f"title: {title}".strip() + "\n\n" + text


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
    # How each method placed it, for `/why` (1-based; 0 = that method did not return it, and with
    # dense_rank 0 `dense` is only an upper-bound estimate). Kept on the hit because the lists they
    # come from are gone once `qa.retrieve.candidates` returns.
    dense_rank: int = 0
    keyword_rank: int = 0
    keyword_score: float = 0.0  # BM25
    fused_rank: int = 0  # rank in the fusion, before re-ranking and de-duplication; `score` is its score
    sentence_score: float | None = None  # its best window's score when re-ranked (`rank_passages`), else None


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


CLOSEST = 3  # passages shown with a refusal (`Answer.closest_passages`)


@dataclass
class Answer:
    question: str
    answer: str
    refused: bool
    mode: str  # extractive | llm
    citations: list[Citation]
    timings: dict[str, float] = field(default_factory=dict)
    support: float = 0.0  # how well the best evidence covers the question (0..1)
    gaps: list[GapRecord] = field(default_factory=list)  # what the best quote lacks
    hits: list[Hit] = field(default_factory=list)
    note: str = ""
    model: str | None = None  # the model that wrote an llm answer, as the endpoint named it
    usage: dict[str, int] | None = None  # prompt_tokens / completion_tokens / total_tokens
    short_answer: str | None = None  # the words that answer it (2027年, 1000个), None when not certain

    def to_dict(self, with_hits: bool = False) -> dict[str, Any]:
        data = asdict(self)
        if not with_hits:
            data.pop("hits")
        data["passages"] = self.closest_passages()
        return data

    def closest_passages(self, limit: int = CLOSEST) -> list[PassageRecord]:
        """A refusal cites nothing, but the reader should still see what came close: the best
        `limit` passages retrieved, numbered as the answerer saw them (passage n is `hits[n-1]`).
        Empty for an answer (its passages are its citations) and when nothing was retrieved."""
        if not self.refused:
            return []
        return [PassageRecord(n=n, source=h.source, title=h.title, chunk_id=h.chunk_id, text=h.text,
                              score=round(h.score, 4)) for n, h in enumerate(self.hits[:limit], start=1)]


class PassageRecord(TypedDict):
    """A passage shown but not cited (`passages` in `qa ask --json`): the fields of a citation
    without `quote` and `supported`."""

    n: int
    source: str
    title: str
    chunk_id: str
    text: str
    score: float


class GapRecord(TypedDict):
    """What a refused answer's best quote lacks (`qa.answer.slots.Gap.to_dict`)."""

    kind: str  # focus | loose | event | period | instance | english | name | entity | elsewhere | value | unread
    detail: str  # the word or period the quote lacks
    reason: str  # one sentence for the user


# -- the store manifest (`<store>/manifest.json`, written by `qa.store.Store.save`) -----------------
class ArticleEntry(TypedDict):
    id: str
    title: str
    kind: str  # article | caption | fragment
    chars: int
    chunks: int


class DocumentEntry(TypedDict):
    """One stored document, keyed in the manifest by its absolute path (bytes of the name that
    are not UTF-8 written as `\\xNN`, `qa.ingest.read.escape_name`)."""

    source: str  # the path as the user gave it (relative to the working directory when inside it)
    hash: str  # SHA-256 of the file's bytes
    ingested_at: float
    articles: list[ArticleEntry]
    chunk_ids: NotRequired[list[str]]  # set when the document is published
    duplicate_of: NotRequired[str]  # key of the document with the same content (stored once)
    bad_lines: NotRequired[list[tuple[int, str]]]  # .jsonl lines left out (line, reason); reported while unchanged


class SourceRow(TypedDict):
    """A row of `qa sources`."""

    source: str
    articles: list[ArticleEntry]
    chunks: int
    same_as: NotRequired[str]


# -- evaluation records (one JSON line per gold item; `qa.evaluate.run.run_item`) -----------------
class RetrievedRecord(TypedDict):
    rank: int
    chunk_id: str
    score: float
    source: str
    title: str


class EvalRecord(TypedDict, total=False):
    id: str
    question: str
    gold: dict[str, Any]  # answers, unanswerable, evidence, tags (`qa.evaluate.gold.GoldItem.gold`)
    answer: str
    short_answer: str | None
    refused: bool
    mode: str
    support: float
    gaps: list[GapRecord]
    note: str
    citations: list[dict[str, Any]]  # `Citation` fields (dataclasses.asdict)
    retrieved: list[RetrievedRecord]
    metrics: dict[str, Any]  # `qa.evaluate.metrics.score_item`
    timings: dict[str, float]
    usage: dict[str, int] | None
    llm_calls: int
    cache_hits: int
    cached: bool
    judge: dict[str, Any] | None
    error: str | None
