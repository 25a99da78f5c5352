"""qa.integrations.llama_index (issue 25): the retriever gives what `qa.ask.find_passages` gives,
filters included; the query engine gives `qa.ask.ask`'s cited answer as a LlamaIndex `Response`
whose source node n is passage n; the README's snippet runs as shown; and qa's own paths never
import the integration (tests/test_architecture.py runs the contract; tests/test_startup.py checks
that a cold `qa ask` loads no llama_index). All on a real hash-embedder store of the seed page."""

from __future__ import annotations

import re
import shutil
import subprocess
import sys

import pytest
from llama_index.core.base.base_query_engine import BaseQueryEngine
from llama_index.core.base.base_retriever import BaseRetriever
from llama_index.core.base.response.schema import Response

from qa.ask import ask, find_passages
from qa.errors import ConfigError, StoreMissingError
from qa.integrations.llama_index import QAQueryEngine, QARetriever, as_llama_index
from support import Q_JOBS, ROOT
from support.cli import qa_env

REFUSED = "华强广场有多少张床位?"


def test_the_retriever_gives_qas_own_passages_with_their_metadata(hash_store, hash_settings):
    retriever = QARetriever(settings=hash_settings)
    assert isinstance(retriever, BaseRetriever)
    nodes = retriever.retrieve(Q_JOBS)
    hits = find_passages(Q_JOBS, hash_settings)
    assert [n.node.node_id for n in nodes] == [h.chunk_id for h in hits] and len(nodes) == hash_settings.top_k
    assert [n.score for n in nodes] == [h.score for h in hits]
    assert [n.node.get_content() for n in nodes] == [h.text for h in hits]
    first = nodes[0].metadata
    assert first == {"title": hits[0].title, "source": hits[0].source, "chunk_id": hits[0].chunk_id, "n": 1,
                     "cited": False}
    assert "1000个就业岗位" in nodes[0].node.get_content()


def test_the_retriever_takes_qas_filters_and_settings(hash_store):
    narrowed = QARetriever(hash_store, embed="hash", top_k=2, title="脑机接口").retrieve("发展目标是什么?")
    assert narrowed and len(narrowed) <= 2 and all("脑机接口" in n.metadata["title"] for n in narrowed)
    assert QARetriever(hash_store, embed="hash", source="elsewhere/*").retrieve(Q_JOBS) == []
    keyword = QARetriever(hash_store, embed="hash", retrieval="keyword").retrieve(Q_JOBS)
    assert "1000个就业岗位" in keyword[0].node.get_content()


def test_the_query_engine_returns_the_cited_answer_as_a_response(hash_store, hash_settings):
    engine = QAQueryEngine(settings=hash_settings, mode="extractive")
    assert isinstance(engine, BaseQueryEngine)
    response = engine.query(Q_JOBS)
    answer = ask(Q_JOBS, hash_settings, mode="extractive")
    assert isinstance(response, Response) and str(response) == answer.answer and "[1]" in str(response)
    assert [n.node.node_id for n in response.source_nodes] == [c.chunk_id for c in answer.citations]
    for node, citation in zip(response.source_nodes, answer.citations, strict=True):
        assert node.metadata["n"] == citation.n and node.metadata["cited"] is True
        assert node.metadata["quote"] == citation.quote and node.score == citation.score
        assert f"[{citation.n}]" in str(response)
    meta = response.metadata
    assert meta["refused"] is False and meta["mode"] == "extractive" and meta["short_answer"] == "1000个"
    assert [n.node.node_id for n in engine.retrieve(engine_bundle(Q_JOBS))] == \
        [h.chunk_id for h in find_passages(Q_JOBS, hash_settings)]


def test_a_refusal_keeps_the_closest_passages_uncited(hash_store, hash_settings):
    response = QAQueryEngine(settings=hash_settings, mode="extractive").query(REFUSED)
    assert response.metadata["refused"] is True
    assert response.metadata["gaps"][0]["reason"] == "the passages do not mention 床位"
    assert 1 <= len(response.source_nodes) <= 3
    assert [n.metadata["n"] for n in response.source_nodes] == list(range(1, len(response.source_nodes) + 1))
    assert all(n.metadata["cited"] is False for n in response.source_nodes)


def test_bad_settings_fail_when_built_in_qas_words(hash_store, tmp_path):
    with pytest.raises(ConfigError, match="unknown qa setting 'topk'"):
        QARetriever(hash_store, topk=3)
    with pytest.raises(ConfigError, match="needs a chat model"):
        QAQueryEngine(hash_store, embed="hash", mode="llm")
    with pytest.raises(StoreMissingError, match="No store at"):
        QARetriever(tmp_path / "none", embed="hash").retrieve(Q_JOBS)


def test_as_llama_index_embeds_as_qa_does(hash_settings):
    from qa.embed import make_embedder

    embedder = make_embedder(hash_settings)
    wrapped = as_llama_index(embedder)
    texts = ["华强广场", "就业岗位", "签约率"]
    assert wrapped.get_text_embedding_batch(texts) == embedder.get_text_embedding_batch(texts)
    assert wrapped.get_query_embedding(Q_JOBS) == embedder.get_query_embedding(Q_JOBS)


def test_the_readme_snippet_runs_as_shown(hash_store, tmp_path):
    readme = (ROOT / "README.md").read_text(encoding="utf-8")
    section = readme[readme.index("## From LlamaIndex"):]
    snippet = re.search(r"```python\n(.*?)```", section, re.DOTALL).group(1)
    shutil.copytree(hash_store, tmp_path / ".qa")  # the snippet names the default store, ./.qa
    done = subprocess.run([sys.executable, "-c", snippet], cwd=tmp_path, env=qa_env(QA_EMBED="hash"),
                          capture_output=True, text=True, encoding="utf-8", timeout=120)
    assert done.returncode == 0, done.stderr
    lines = done.stdout.splitlines()
    assert re.match(r"0\.\d+ 良好营商环境提升发展韧性 \S+000_59cfcece24790523\.txt \S+:\d+$", lines[0]), lines
    assert any("1000个就业岗位" in line and line.endswith("[1]") for line in lines), lines
    assert lines[-1].startswith("1 良好营商环境提升发展韧性 "), lines


def engine_bundle(question: str):
    from llama_index.core.schema import QueryBundle

    return QueryBundle(question)
