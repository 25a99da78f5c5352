"""Chunk packing: articles into overlapping runs of whole sentences (`qa.text.sentences`).

Chunks never cross an article or a sub-head boundary; each holds whole sentences (roughly
`chunk_min`..`chunk_size` characters) and repeats the last sentence of the chunk before it, so an
answer that straddles two chunks is still found whole in one of them. A chunk's text is exactly
`article.text[start:end]`, so a citation can always be traced back to the cleaned article.
"""

from __future__ import annotations

import hashlib
from bisect import bisect_right

from qa.text.cjk import CJK, closed_offsets
from qa.text.sentences import Span, split_sentences
from qa.types import Article, Chunk


def _split_long(text: str, span: Span, limit: int, at: list[int]) -> list[Span]:
    """A sentence longer than `limit` is cut at commas, else hard-cut (lengths by `at`: `pack`).
    One of a language written in words (no Chinese character) within the slack `pack` allows a chunk
    (4/3 of `limit`) stays whole: cut a little past the limit, its clauses land in two chunks and
    neither holds the whole answer ("... named it after Helios," | "the Greek god of the Sun.").
    300 characters are some fifty English words but a Chinese paragraph, whose clauses stand alone
    more often: kept whole, CMRC and DRCD lost answers (issue 27)."""
    length = at[span.end] - at[span.start]
    if length <= limit or length <= limit * 4 // 3 and not CJK.search(text, span.start, span.end):
        return [span]
    parts, s = [], span.start
    while at[span.end] - at[s] > limit:
        x = bisect_right(at, at[s] + limit, s, span.end) - 1  # the furthest end within `limit`
        cut = max(text.rfind(c, s, x) for c in "，,、：:")
        e = cut + 1 if cut >= 0 and at[cut] - at[s] > limit // 3 else x
        parts.append(Span(s, e))
        s = e
    parts.append(Span(s, span.end))
    return parts


def pack(text: str, spans: list[Span], size: int, minimum: int) -> list[Span]:
    """Greedy packing of sentence spans into chunks with a one-sentence overlap. Sizes are counted
    without a translation's spaces ("第 50 届, 在" as "第50届，在": `closed_offsets`), so that a
    translated article is cut where the same article written without them is (issue 27)."""
    at = closed_offsets(text)
    sents = [p for sp in spans for p in _split_long(text, sp, size, at)]
    length = lambda a, b: at[b.end] - at[a.start]  # noqa: E731
    chunks: list[Span] = []
    i = 0
    while i < len(sents):
        j = i + 1
        while j < len(sents) and length(sents[i], sents[j]) <= size:
            j += 1
        # Too short and the next sentence is what makes it long: take it anyway (up to ~4/3 size).
        if length(sents[i], sents[j - 1]) < minimum and j < len(sents) \
                and length(sents[i], sents[j]) <= size * 4 // 3:
            j += 1
        # A small tail is better merged into this chunk than left as a chunk of its own.
        if j < len(sents) and length(sents[j], sents[-1]) < minimum // 2 \
                and length(sents[i], sents[-1]) <= size * 4 // 3:
            j = len(sents)
        chunks.append(Span(sents[i].start, sents[j - 1].end))
        if j >= len(sents):
            break
        i = j - 1 if j - 1 > i else j  # overlap: the last sentence opens the next chunk
    return chunks


def section_ranges(article: Article) -> list[tuple[int, int, str]]:
    bounds = article.sections or [(0, "")]
    if bounds[0][0] != 0:
        bounds = [(0, "")] + list(bounds)
    out = []
    for k, (start, name) in enumerate(bounds):
        end = bounds[k + 1][0] if k + 1 < len(bounds) else len(article.text)
        out.append((start, end, name))
    return out


def content_hash(text: str) -> str:
    return hashlib.sha256(text.encode("utf-8")).hexdigest()


def make_node(node_id: str, text: str, metadata: dict) -> Chunk:
    """One chunk. Only the title joins the text the embedder sees (`Chunk.embed_text`), so a chunk
    re-embedded from its stored text and metadata (a repair) gets the vector it had."""
    return Chunk(id=node_id, text=text, metadata={**metadata, "hash": content_hash(text)[:16]})


def embed_nodes(nodes: list[Chunk], embedder, on_batch=None) -> None:
    """Give each chunk its vector, from the text the embedder is meant to see (`Chunk.embed_text`).
    The embedder cuts the texts into its own calls (`QA_EMBED_BATCH` each; a remote one keeps
    several in flight); `on_batch(part)` follows each call, in order."""
    def done(start: int, vectors: list[list[float]]) -> None:
        part = nodes[start:start + len(vectors)]
        for node, vector in zip(part, vectors):
            node.embedding = vector
        if on_batch:
            on_batch(part)

    embedder.get_text_embedding_batch([n.embed_text for n in nodes], on_part=done)


def chunk_article(article: Article, size: int = 300, minimum: int = 150):
    """The chunks of one article (ids `<article id>:<n>`)."""
    nodes = []
    for sec_start, sec_end, section in section_ranges(article):
        spans = split_sentences(article.text, sec_start, sec_end)
        for span in pack(article.text, spans, size, minimum):
            text = article.text[span.start:span.end]
            metadata = {"source": article.source, "article_id": article.id, "title": article.title,
                        "kind": article.kind, "section": section, "start": span.start, "end": span.end}
            nodes.append(make_node(f"{article.id}:{len(nodes)}", text, metadata))
    return nodes
