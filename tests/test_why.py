"""What `/why` shows for a cited passage: its keyword rank and BM25 score, dense rank and cosine,
fused rank and score, and the sentence score that re-ranked it, carried on the `Hit` from
`qa.retrieve.candidates` and `qa.answer.extractive.rank_passages`. Checked against the store's own
searches and the fusion formula, so a rank taken from the wrong list, off by one, or lost on the
way through re-ranking and de-duplication fails here."""

from __future__ import annotations

import json

import pytest

from qa.ask import ask, find_passages
from qa.text.questions import keyword_query
from qa.types import Hit

# seed-001 in eval/gold/seed.jsonl: answered "7部门" from 脑机接口发展进入快车道.
QUESTION = "工信部联合了几个部门印发《关于推动脑机接口产业创新发展的实施意见》？"
REFUSED = "广东省第二人民医院新启用的脑机接口病房有多少张床位？"  # seed-040, unanswerable


@pytest.fixture
def reader(seed_settings):
    from qa.embed import make_embedder
    from qa.store import Store

    return Store.open(seed_settings), make_embedder(seed_settings)


def fused_score(hit: Hit, settings) -> float:
    """`qa.retrieve.fuse`'s formula from the ranks the hit carries."""
    score = 0.0
    if hit.dense_rank:
        score += settings.dense_weight / (settings.rrf_k + hit.dense_rank)
    if hit.keyword_rank:
        score += settings.keyword_weight / (settings.rrf_k + hit.keyword_rank)
    return score


def cited_hit(answer) -> Hit:
    assert answer.citations, answer.answer
    chunk = answer.citations[0].chunk_id
    return next(h for h in answer.hits if h.chunk_id == chunk)


def test_cited_passage_carries_consistent_ranks_and_scores(seed_settings):
    answer = ask(QUESTION, seed_settings, mode="extractive")
    assert not answer.refused and "7" in answer.answer
    hit = cited_hit(answer)
    assert hit.fused_rank >= 1
    assert hit.dense_rank >= 1 or hit.keyword_rank >= 1
    assert (hit.keyword_score > 0) == (hit.keyword_rank > 0)
    assert hit.score == pytest.approx(fused_score(hit, seed_settings), abs=1e-6)
    # The cited passage was among the first `rerank` fused ones, so its best sentence chose it.
    assert hit.sentence_score is not None and hit.sentence_score > 0


def test_ranks_are_the_positions_in_the_stores_own_searches(seed_settings, reader):
    store, embedder = reader
    hits = find_passages(QUESTION, seed_settings, store, embedder)
    depth = max(seed_settings.candidates, seed_settings.top_k)
    dense = [cid for cid, _ in store.dense_search(embedder.get_query_embedding(QUESTION), depth)]
    keyword = store.keyword.search(keyword_query(QUESTION), depth)
    for hit in hits:
        assert hit.dense_rank == (dense.index(hit.chunk_id) + 1 if hit.chunk_id in dense else 0)
        where = [i for i, (cid, _) in enumerate(keyword) if cid == hit.chunk_id]
        assert hit.keyword_rank == (where[0] + 1 if where else 0)
        assert hit.keyword_score == pytest.approx(keyword[where[0]][1] if where else 0.0)
        assert hit.score == pytest.approx(fused_score(hit, seed_settings), abs=1e-6)
    # Fused ranks follow the fused scores; re-ranking changed the order, not the fused ranks.
    by_rank = sorted(hits, key=lambda h: h.fused_rank)
    assert len({h.fused_rank for h in hits}) == len(hits)
    assert [h.score for h in by_rank] == sorted((h.score for h in hits), reverse=True)
    # Dense ranks follow the cosine similarities.
    found = sorted((h for h in hits if h.dense_rank), key=lambda h: h.dense_rank)
    assert [h.dense for h in found] == sorted((h.dense for h in found), reverse=True)


def test_sentence_scores_decide_the_order_of_the_reranked_passages(seed_settings, reader):
    store, embedder = reader
    hits = find_passages(QUESTION, seed_settings, store, embedder)
    scored = [h.sentence_score for h in hits if h.sentence_score is not None]
    assert len(scored) >= 2
    assert scored == sorted(scored, reverse=True)
    # Re-ranking is only of the first `rerank` fused passages; the rest keep None.
    assert all(h.sentence_score is None for h in hits if h.fused_rank > seed_settings.rerank)


@pytest.mark.parametrize("method", ["dense", "keyword"])
def test_one_method_alone_leaves_the_other_rank_empty(seed_settings, reader, method):
    store, embedder = reader
    hits = find_passages(QUESTION, seed_settings, store, embedder, method=method)
    assert hits
    for hit in hits:
        own, other = (hit.dense_rank, hit.keyword_rank) if method == "dense" else (hit.keyword_rank, hit.dense_rank)
        assert own >= 1 and other == 0
        assert hit.fused_rank == own  # one list: the fusion keeps its order
        assert hit.score == pytest.approx(fused_score(hit, seed_settings), abs=1e-6)


def test_answer_json_is_unchanged_and_hits_carry_the_new_fields(seed_settings):
    answer = ask(QUESTION, seed_settings, mode="extractive")
    plain = answer.to_dict()
    assert "hits" not in plain and set(plain["citations"][0]) == {
        "n", "source", "title", "chunk_id", "text", "score", "quote", "supported"}
    full = json.loads(json.dumps(answer.to_dict(with_hits=True), ensure_ascii=False))
    assert {"dense_rank", "keyword_rank", "keyword_score", "fused_rank", "sentence_score"} <= set(full["hits"][0])


def test_a_refusal_keeps_its_gaps_and_its_passages_ranks(seed_settings):
    answer = ask(REFUSED, seed_settings, mode="extractive")
    assert answer.refused and answer.gaps
    assert all(h.fused_rank >= 1 and (h.dense_rank or h.keyword_rank) for h in answer.hits)
