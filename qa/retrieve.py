"""Question -> ranked passages (`Hit`s): dense and keyword candidates fused by weighted reciprocal
rank fusion, de-duplicated, optionally diversified across articles and filtered by source/title.

Dense search (Chroma, the embedder's cosine similarity) finds paraphrases and cross-language
matches; keyword search (BM25 over character bigrams, qa/keyword.py) finds exact names, numbers
and titles. Their scores are not comparable, so the fusion uses ranks only:
    fused(c) = dense_weight / (rrf_k + dense rank of c) + keyword_weight / (rrf_k + keyword rank of c)
with each list `candidates` deep. The first `rerank` fused passages are then re-ordered by their
best sentence window as the extractive answerer scores it (qa/answer/extractive.py), so the first
passage is the one most likely to hold the answer, not merely the one most about the question.
Every hit carries its dense similarity (`Hit.dense`): the answerer's support score uses it.
"""

from __future__ import annotations

import re

from qa.config import Settings
from qa.types import Hit

# Words that ask rather than tell: as keywords they only match other questions.
QUESTION_WORDS = re.compile(
    r"多少|几[个家年月日天次项种位名条]?|哪一年|哪年|哪一|哪些|哪个|哪里|哪儿|什么|何时|何地|谁|是否|如何|怎样|怎么|为什么|为何"
    r"|吗|呢|请问|\?|？")


def keyword_query(question: str) -> str:
    return QUESTION_WORDS.sub(" ", question)


def fuse(rankings: list[list[str]], weights: list[float], rrf_k: float) -> list[tuple[str, float]]:
    """Weighted reciprocal rank fusion of ranked id lists; best first, ties by first appearance."""
    scores: dict[str, float] = {}
    for ranking, weight in zip(rankings, weights):
        for rank, cid in enumerate(ranking, start=1):
            scores[cid] = scores.get(cid, 0.0) + weight / (rrf_k + rank)
    order = {cid: i for i, cid in enumerate(dict.fromkeys(c for r in zip(*rankings) for c in r))}
    order.update({cid: len(order) + i for i, cid in enumerate(c for r in rankings for c in r if c not in order)})
    return sorted(scores.items(), key=lambda item: (-item[1], order[item[0]]))


def diversify(hits: list[Hit], k: int, per_article: int) -> list[Hit]:
    """The best `k` hits with at most `per_article` from one article (0 = no limit) and no repeated text."""
    out: list[Hit] = []
    seen_text: set[str] = set()
    per: dict[str, int] = {}
    for hit in hits:
        if hit.text in seen_text or (per_article and per.get(hit.article_id, 0) >= per_article):
            continue
        seen_text.add(hit.text)
        per[hit.article_id] = per.get(hit.article_id, 0) + 1
        out.append(hit)
        if len(out) == k:
            break
    return out


def retrieve(question: str, settings: Settings, store=None, embedder=None, k: int | None = None,
             source: str | None = None, title: str | None = None, method: str | None = None) -> list[Hit]:
    """The `k` best passages for `question`. `source` is a glob over document paths, `title` a
    substring of article titles; `method` (hybrid | dense | keyword) defaults to settings.retrieval."""
    from qa.embed import fingerprint, make_embedder
    from qa.store import Store

    store = store or Store.open(settings)
    embedder = embedder or make_embedder(settings)
    store.check_embedder(fingerprint(embedder))
    k = k or settings.top_k
    method = method or settings.retrieval
    articles = store.filter_articles(source, title)
    if articles is not None and not articles:
        return []
    depth = max(settings.candidates, k)
    # The question is embedded even for keyword retrieval: the answerer's support score needs it.
    vector = embedder.get_query_embedding(question)
    dense = store.dense_search(vector, depth, articles) if method != "keyword" else []
    lexical: list[tuple[str, float]] = []
    if method != "dense":
        allowed = None
        if articles is not None:
            allowed = {c for c in store.live_chunk_ids() if c.rsplit(":", 1)[0] in articles}
        lexical = store.keyword.search(keyword_query(question), depth, allowed=allowed)
    fused = fuse([[cid for cid, _ in dense], [cid for cid, _ in lexical]],
                 [settings.dense_weight, settings.keyword_weight], settings.rrf_k)
    scores = dict(fused)
    # A few more than k, so that re-ranking, de-duplication and the per-article cap can still fill k.
    wanted = [cid for cid, _ in fused[:max(k, settings.rerank) * (3 if settings.max_per_article else 1) + 2]]
    # A passage that dense search did not return is less similar than the last one it did: that
    # similarity is its (upper-bound) estimate, cheaper than reading its vector back.
    hits = store.fetch_hits(wanted, similarity=dict(dense), default=dense[-1][1] if dense else 0.0)
    for hit in hits:
        hit.score = round(scores[hit.chunk_id], 6)
    if settings.rerank > 1 and len(hits) > 1:
        from qa.answer.extractive import rank_passages

        hits = rank_passages(question, hits[:settings.rerank], idf=store.keyword.idf) + hits[settings.rerank:]
    hits = diversify(hits, k, settings.max_per_article)
    for rank, hit in enumerate(hits, start=1):
        hit.rank = rank
    return hits


__all__ = ["diversify", "fuse", "keyword_query", "retrieve"]
