"""qa inside LlamaIndex: `QARetriever` (a `BaseRetriever`) and `QAQueryEngine` (a `BaseQueryEngine`)
over a `qa` store, and `as_llama_index`, which wraps a qa embedder for llama-index code that embeds
by itself. Installed with the extra: `pip install 'qa-assistant[llama-index]'`.

The retriever is `qa.ask.find_passages`, the one retrieval entry the CLI, the chat and eval use:
dense and keyword candidates fused, the first few re-ranked by their best sentence, de-duplicated,
with the same `source` (glob over document paths) and `title` filters as `qa ask --source/--title`.
The query engine is `qa.ask.ask`: its `Response` carries qa's answer text with its `[n]` marks, and
`source_nodes[n-1]` is passage n (for a refusal, the closest passages, marked `cited: False`). Each
node's metadata: `title`, `source` (the document's path as ingested), `chunk_id`, `n`, `cited`, and
for a cited passage the `quote` the answer used; its score is the citation's, as in `qa ask --json`.

Settings come from where `qa` takes them (flags here are keyword arguments: `top_k=3`,
`embed="hash"`, `retrieval="keyword"`; then QA_* variables, qa.toml, the user file), and the store
and its embedder are opened once per retriever and kept warm. Nothing here is imported by `qa`'s
own commands: importing llama_index.core costs 1.5-2 s, more than a whole cold `qa ask` may take.
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

try:
    from llama_index.core.base.base_query_engine import BaseQueryEngine
    from llama_index.core.base.base_retriever import BaseRetriever
    from llama_index.core.base.embeddings.base import BaseEmbedding
    from llama_index.core.base.response.schema import Response
    from llama_index.core.bridge.pydantic import PrivateAttr
    from llama_index.core.schema import NodeWithScore, QueryBundle, TextNode
except ImportError as e:  # the base install leaves llama-index out
    raise ImportError("qa.integrations.llama_index needs llama-index-core; install the extra: "
                      "pip install 'qa-assistant[llama-index]'") from e

from qa.config import OPTIONS, Settings, load_settings
from qa.errors import ConfigError
from qa.types import CLOSEST, Answer, Hit, Mode


def qa_settings(store: str | Path | None = None, settings: Settings | None = None, **overrides: Any) -> Settings:
    """`settings` as given, else qa's own (a `store` path and `overrides` by setting name rank as
    flags); a name qa does not know is a ConfigError, as a typo in qa.toml is."""
    if settings is not None:
        return settings
    unknown = sorted(set(overrides) - {opt.name for opt in OPTIONS})
    if unknown:
        raise ConfigError(f"unknown qa setting {unknown[0]!r}; known: {', '.join(opt.name for opt in OPTIONS)}")
    return load_settings({**overrides, "store": str(store) if store is not None else None})


class QARetriever(BaseRetriever):
    """qa's hybrid retrieval as a LlamaIndex retriever: `retrieve(question)` gives the passages
    `qa ask` would answer from, best first, each a `NodeWithScore` (the fused score)."""

    def __init__(self, store: str | Path | None = None, *, source: str | None = None, title: str | None = None,
                 method: str | None = None, settings: Settings | None = None, callback_manager=None,
                 **overrides: Any) -> None:
        super().__init__(callback_manager=callback_manager)
        self.settings = qa_settings(store, settings, **overrides)
        self.source, self.title, self.method = source, title, method
        self._store = self._embedder = None

    def opened(self):
        """The store and the embedder, opened on first use and kept warm for the next question."""
        from qa.embed import make_embedder
        from qa.store import Store

        if self._store is None:
            self._store, self._embedder = Store.open(self.settings), make_embedder(self.settings)
        return self._store, self._embedder

    def _retrieve(self, query_bundle: QueryBundle) -> list[NodeWithScore]:
        from qa.ask import find_passages, open_reader

        # open_reader each time, as `ask` does: next to nothing when warm, and it checks the embedder
        # against the store and loads what an ingest changed meanwhile.
        store, embedder = open_reader(self.settings, *self.opened())
        if not store.documents:
            return []
        hits = find_passages(query_bundle.query_str, self.settings, store, embedder, source=self.source,
                             title=self.title, method=self.method)
        return [node(hit, n, cited=False) for n, hit in enumerate(hits, start=1)]


class QAQueryEngine(BaseQueryEngine):
    """qa's cited answer as a LlamaIndex query engine. `mode`: `auto` (the chat model when
    QA_LLM_MODEL is set, else quoting), `extractive` or `llm`, as `qa ask --mode`."""

    def __init__(self, store: str | Path | None = None, *, mode: Mode | str = Mode.AUTO, source: str | None = None,
                 title: str | None = None, settings: Settings | None = None, callback_manager=None,
                 **overrides: Any) -> None:
        from qa.ask import check_mode

        self.retriever = QARetriever(store, source=source, title=title, settings=settings,
                                     callback_manager=callback_manager, **overrides)
        self.mode = check_mode(mode, self.retriever.settings)  # a mode it cannot use fails here, not mid-pipeline
        super().__init__(callback_manager=self.retriever.callback_manager)

    def _get_prompt_modules(self) -> dict[str, Any]:
        return {}  # qa's prompts are files (prompts/*.txt), not LlamaIndex prompt templates

    def retrieve(self, query_bundle: QueryBundle) -> list[NodeWithScore]:
        return self.retriever.retrieve(query_bundle)

    def _query(self, query_bundle: QueryBundle) -> Response:
        from qa.ask import ask

        store, embedder = self.retriever.opened()
        answer = ask(query_bundle.query_str, self.retriever.settings, store=store, embedder=embedder,
                     mode=self.mode, source=self.retriever.source, title=self.retriever.title)
        return response(answer)

    async def _aquery(self, query_bundle: QueryBundle) -> Response:
        return self._query(query_bundle)  # qa answers synchronously; an async caller waits as for a sync engine


def node(hit: Hit, n: int, cited: bool, quote: str = "", score: float | None = None) -> NodeWithScore:
    """Passage `n` as a scored LlamaIndex node (`score`: the hit's fused score unless given); its id
    is qa's chunk id."""
    metadata = {"title": hit.title, "source": hit.source, "chunk_id": hit.chunk_id, "n": n, "cited": cited}
    if quote:
        metadata["quote"] = quote
    text = TextNode(id_=hit.chunk_id, text=hit.text, metadata=metadata,
                    excluded_embed_metadata_keys=list(metadata), excluded_llm_metadata_keys=["chunk_id", "n", "cited"])
    return NodeWithScore(node=text, score=hit.score if score is None else score)


def response(answer: Answer) -> Response:
    """qa's `Answer` as a LlamaIndex `Response`: the text with its [n] marks, passage n as
    `source_nodes[n-1]` (the closest passages, uncited, for a refusal), the rest in `metadata`."""
    if answer.refused:
        nodes = [node(hit, n, cited=False) for n, hit in enumerate(answer.hits[:CLOSEST], start=1)]
    else:
        by_id = {hit.chunk_id: hit for hit in answer.hits}
        nodes = [node(by_id.get(c.chunk_id) or Hit(c.chunk_id, c.text, c.score, c.source, c.title, ""), c.n,
                      cited=True, quote=c.quote, score=c.score) for c in answer.citations]  # as qa ask --json
    extra = {key: value for key, value in answer.to_dict().items() if key not in ("answer", "citations", "passages")}
    return Response(response=answer.answer, source_nodes=nodes, metadata=extra)


def as_llama_index(embedder) -> BaseEmbedding:
    """A qa embedder as llama-index's `BaseEmbedding`, for llama-index code that embeds texts itself
    (e.g. `VectorStoreIndex.from_documents(..., embed_model=as_llama_index(e))`). Same vectors and
    the same batches: llama-index cuts by the same `embed_batch_size` and hands each batch over whole."""
    from qa.embed import fingerprint

    class LlamaIndexEmbedding(BaseEmbedding):
        _inner: Any = PrivateAttr(default=None)

        @property
        def fingerprint(self) -> str:
            return fingerprint(self._inner)

        def _get_query_embedding(self, query: str) -> list[float]:
            return self._inner.get_query_embedding(query)

        async def _aget_query_embedding(self, query: str) -> list[float]:
            return self._get_query_embedding(query)

        def _get_text_embedding(self, text: str) -> list[float]:
            return self._inner.get_text_embedding(text)

        def _get_text_embeddings(self, texts: list[str]) -> list[list[float]]:
            return self._inner.get_text_embedding_batch(list(texts))

    wrapped = LlamaIndexEmbedding(model_name=embedder.model_name, embed_batch_size=embedder.embed_batch_size)
    wrapped._inner = embedder
    return wrapped


__all__ = ["QAQueryEngine", "QARetriever", "as_llama_index", "qa_settings"]
