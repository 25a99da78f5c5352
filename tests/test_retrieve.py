"""Hybrid retrieval: fusion order, diversification, source/title filters, and `qa ask` with them."""

from __future__ import annotations

import json
from dataclasses import replace

import pytest
from typer.testing import CliRunner

from qa.ask import find_passages
from qa.cli import app
from qa.retrieve import diversify, fuse
from qa.text.questions import keyword_query
from qa.types import Hit

runner = CliRunner()


# -- fusion -------------------------------------------------------------------------------------
def test_fusion_adds_weighted_reciprocal_ranks():
    dense = ["a", "b", "c"]
    keyword = ["c", "d"]
    fused = fuse([dense, keyword], [1.0, 2.0], rrf_k=10)
    scores = dict(fused)
    assert scores["c"] == pytest.approx(1 / 13 + 2 / 11)
    assert scores["a"] == pytest.approx(1 / 11) and scores["d"] == pytest.approx(2 / 12)
    assert [cid for cid, _ in fused] == ["c", "d", "a", "b"]


def test_fusion_weights_decide_and_ties_keep_interleaved_order():
    dense, keyword = ["a", "b"], ["b", "a"]
    assert fuse([dense, keyword], [3.0, 1.0], 10)[0][0] == "a"
    assert fuse([dense, keyword], [1.0, 3.0], 10)[0][0] == "b"
    # Equal weights, mirrored ranks: equal scores; the tie goes to the dense list's first.
    assert [c for c, _ in fuse([dense, keyword], [1.0, 1.0], 10)] == ["a", "b"]
    assert [c for c, _ in fuse([["x"], []], [1.0, 1.0], 10)] == ["x"]


def hit(cid: str, article: str, text: str) -> Hit:
    return Hit(chunk_id=cid, text=text, score=0.0, source="s.txt", title="", article_id=article)


def test_diversify_caps_passages_per_article_and_drops_repeats():
    hits = [hit("a:0", "a", "one"), hit("a:1", "a", "two"), hit("a:2", "a", "three"), hit("b:0", "b", "one"),
            hit("b:1", "b", "four"), hit("c:0", "c", "five")]
    assert [h.chunk_id for h in diversify(hits, 4, per_article=0)] == ["a:0", "a:1", "a:2", "b:1"]
    assert [h.chunk_id for h in diversify(hits, 4, per_article=1)] == ["a:0", "b:1", "c:0"]


def test_keyword_query_drops_question_words():
    assert "多少" not in keyword_query("华强广场项目可以创造多少个就业岗位？")
    assert "什么" not in keyword_query("什么是烯酮") and "烯酮" in keyword_query("什么是烯酮")


# -- through a real store ---------------------------------------------------------------------
@pytest.fixture
def corpus(tmp_path, hash_settings):
    from qa.ingest.pipeline import ingest

    folder = tmp_path / "news"
    (folder / "economy").mkdir(parents=True)
    (folder / "science").mkdir()
    (folder / "economy" / "huaqiang.txt").write_text(
        "华强广场开业\n\n华强广场项目总投资约20亿元。项目建成后可创造1000个就业岗位。", encoding="utf-8")
    (folder / "economy" / "heihe.txt").write_text(
        "黑河跨境物流\n\n黑河国欧物流仓储中心投入使用。中心每年处理跨境包裹300万件，带动就业岗位200个。", encoding="utf-8")
    (folder / "science" / "bci.txt").write_text(
        "脑机接口发展进入快车道\n\n工信部等7部门联合印发实施意见，明确至2030年构建具有国际竞争力的产业生态。",
        encoding="utf-8")
    report = ingest([folder], hash_settings)
    assert report.ingested == 3
    return folder


def test_hybrid_finds_the_passage_with_the_exact_number(corpus, hash_settings):
    for method in ("hybrid", "keyword", "dense"):
        hits = find_passages("每年处理多少万件跨境包裹？", hash_settings, k=3, method=method)
        assert hits and "300万件" in hits[0].text, method
        assert [h.rank for h in hits] == list(range(1, len(hits) + 1))
        assert all(-1.0 <= h.dense <= 1.0 for h in hits)


def test_source_and_title_filters(corpus, hash_settings):
    q = "就业岗位有多少个？"
    everything = {h.source.split("/")[-1] for h in find_passages(q, hash_settings, k=5)}
    assert {"huaqiang.txt", "heihe.txt"} <= everything
    only_heihe = find_passages(q, hash_settings, k=5, source="*heihe*")
    assert only_heihe and {h.source.split("/")[-1] for h in only_heihe} == {"heihe.txt"}
    by_folder = find_passages(q, hash_settings, k=5, source="*/science/*")
    assert {h.title for h in by_folder} == {"脑机接口发展进入快车道"}
    by_title = find_passages(q, hash_settings, k=5, title="华强")
    assert by_title and {h.title for h in by_title} == {"华强广场开业"}
    assert find_passages(q, hash_settings, k=5, source="*.md") == []


def test_rerank_puts_the_answering_passage_first(corpus, hash_settings):
    q = "华强广场项目可以创造多少个就业岗位？"
    plain = find_passages(q, replace(hash_settings, rerank=0), k=3)
    ranked = find_passages(q, hash_settings, k=3)
    assert {h.chunk_id for h in plain} == {h.chunk_id for h in ranked}
    assert "1000个就业岗位" in ranked[0].text


def test_qa_ask_json_with_filters(corpus, hash_settings):
    store = str(hash_settings.store)
    env = {"QA_EMBED": "hash"}
    result = runner.invoke(app, ["ask", "--store", store, "--json", "--source", "*huaqiang*",
                                 "项目建成后可以创造多少个就业岗位？"], env=env)
    assert result.exit_code == 0, result.output
    data = json.loads(result.stdout)
    assert set(data) >= {"question", "answer", "refused", "mode", "citations", "timings"}
    assert not data["refused"] and "1000个" in data["answer"]
    assert {c["source"].split("/")[-1] for c in data["citations"]} == {"huaqiang.txt"}
    for c in data["citations"]:
        assert set(c) >= {"n", "source", "title", "chunk_id", "text", "score"}

    # A filter that matches nothing: a refusal, not an error.
    result = runner.invoke(app, ["ask", "--store", store, "--json", "--title", "不存在的标题", "就业岗位有多少？"], env=env)
    assert result.exit_code == 0, result.output
    data = json.loads(result.stdout)
    assert data["refused"] and data["citations"] == []


def test_an_english_question_finds_chinese_passages_by_its_dictionary_words(corpus, hash_settings):
    """parcels -> 包裹, logistics -> 物流 (qa.text.cedict): searched as a third ranking; a Chinese
    question has its own words, and a word the collection never writes is not searched."""
    from qa.ask import open_reader
    from qa.retrieve import rendered

    q = "How many parcels does the logistics warehouse handle each year?"
    hits = find_passages(q, hash_settings, k=3, method="keyword")
    assert hits and hits[0].source.endswith("heihe.txt")
    store, _ = open_reader(hash_settings)
    words = rendered(q, store)
    assert "包裹" in words and "物流" in words
    assert rendered("每年处理多少万件跨境包裹？", store) == []
    assert rendered("How many giraffes are there?", store) == []  # 长颈鹿: in no passage
