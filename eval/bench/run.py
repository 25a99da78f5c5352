"""The benchmark's systems and metrics.

Metrics (answerable items unless said otherwise; a doc is identified by its file stem):
    doc@1, doc@5     an evidence doc is the first / among the first five retrieved passages' docs
    mrr@10           1 / rank of the first passage from an evidence doc (0 past rank 10)
    chunk@1, chunk@5 a passage from an evidence doc that contains a gold answer is first / in the top 5
    ans@1            the answer (citation markers removed) contains a gold answer; a refusal counts 0
    chars            mean answer length in characters (answers given, not refusals)
    refuse_p/_r      refusal precision and recall against `unanswerable` items (when the gold has any)
    false_ref        refusals of answerable items / answerable items
    ms               mean milliseconds per question for retrieval + answer (question vectors cached)
Gold answers and system answers are compared after NFKC folding, lower-casing and removing
whitespace, and a gold answer's own leading/trailing punctuation is ignored.
"""

from __future__ import annotations

import json
import re
import statistics
import time
import unicodedata
from dataclasses import dataclass, field, replace
from pathlib import Path
from typing import Callable

from qa.text.sentences import split_sentences
from qa.text.tokens import terms

TOP = 10  # ranks kept per question for the ranking metrics
_MARKER = re.compile(r"\[\d+\]")
_EDGE_PUNCT = "。，、；：？！,.;:?!\"'“”‘’（）()《》 "


@dataclass
class Item:
    id: str
    question: str
    answers: list[str]
    unanswerable: bool
    evidence: list[str]


@dataclass
class Outcome:
    docs: list[str]  # doc stem of each ranked passage (up to TOP)
    texts: list[str]  # text of each ranked passage (up to TOP)
    answer: str = ""
    refused: bool = False
    support: float = 0.0
    ms: float = 0.0


@dataclass
class Scores:
    name: str
    values: dict[str, float | None] = field(default_factory=dict)


def load_gold(path: Path) -> list[Item]:
    items = []
    for n, line in enumerate(path.read_text(encoding="utf-8").splitlines(), start=1):
        if not line.strip():
            continue
        d = json.loads(line)
        if not d.get("question", "").strip():  # CMRC trial has two empty questions
            continue
        items.append(Item(d["id"], d["question"], [a for a in d.get("answers", []) if a.strip()],
                          bool(d.get("unanswerable")), list(d.get("evidence", []))))
    return items


def norm(text: str) -> str:
    return "".join(unicodedata.normalize("NFKC", text).lower().split())


def contains_answer(text: str, answers: list[str]) -> bool:
    t = norm(_MARKER.sub("", text))
    return any((a := norm(ans.strip(_EDGE_PUNCT)) or norm(ans)) and a in t for ans in answers)


def best_overlap_sentence(question: str, texts: list[str]) -> str:
    """The baseline answerer: the sentence sharing the most bigrams with the question (first on ties)."""
    q = set(terms(question))
    best, best_n = "", -1
    for text in texts:
        for span in split_sentences(text):
            sentence = text[span.start:span.end]
            n = len(q & set(terms(sentence)))
            if n > best_n:
                best, best_n = sentence, n
    return best


def score(name: str, items: list[Item], outcomes: list[Outcome]) -> Scores:
    answerable = [(it, o) for it, o in zip(items, outcomes) if not it.unanswerable]
    unanswerable = [(it, o) for it, o in zip(items, outcomes) if it.unanswerable]

    def mean(values):
        values = list(values)
        return sum(values) / len(values) if values else None

    def doc_rank(it: Item, o: Outcome) -> int | None:
        ev = set(it.evidence)
        return next((r for r, d in enumerate(o.docs[:TOP], start=1) if d in ev), None)

    def chunk_rank(it: Item, o: Outcome) -> int | None:
        ev = set(it.evidence)
        return next((r for r, (d, t) in enumerate(zip(o.docs[:TOP], o.texts[:TOP]), start=1)
                     if d in ev and contains_answer(t, it.answers)), None)

    v: dict[str, float | None] = {}
    ranks = [doc_rank(it, o) for it, o in answerable]
    v["doc@1"] = mean(r == 1 for r in ranks)
    v["doc@5"] = mean(r is not None and r <= 5 for r in ranks)
    v["mrr@10"] = mean(1 / r if r else 0.0 for r in ranks)
    cranks = [chunk_rank(it, o) for it, o in answerable]
    v["chunk@1"] = mean(r == 1 for r in cranks)
    v["chunk@5"] = mean(r is not None and r <= 5 for r in cranks)
    v["ans@1"] = mean(not o.refused and contains_answer(o.answer, it.answers) for it, o in answerable)
    v["chars"] = mean(len(_MARKER.sub("", o.answer)) for _, o in zip(items, outcomes) if not o.refused)
    if unanswerable:
        refused = [(it, o) for it, o in zip(items, outcomes) if o.refused]
        v["refuse_p"] = mean(it.unanswerable for it, _ in refused) if refused else None
        v["refuse_r"] = mean(o.refused for _, o in unanswerable)
        v["false_ref"] = mean(o.refused for _, o in answerable)
    v["ms"] = mean(o.ms for o in outcomes)
    return Scores(name, v)


def timed(fn: Callable[[Item], Outcome]) -> Callable[[Item], Outcome]:
    """Sets `Outcome.ms` to the call's duration unless the system measured itself."""
    def wrapper(item: Item) -> Outcome:
        t = time.perf_counter()
        out = fn(item)
        if not out.ms:
            out.ms = (time.perf_counter() - t) * 1000
        return out
    return wrapper


# -- systems ----------------------------------------------------------------------------------
def stem(source: str) -> str:
    return Path(source).stem


def system_bm25_bigram(store) -> Callable[[Item], Outcome]:
    """(a) bm25s over plain character bigrams of the store's chunks."""
    import bm25s

    records = list(store.keyword.records(sorted(store.live_chunk_ids())).values())
    tokens = [list(terms(r["text"]).elements()) for r in records]
    index = bm25s.BM25()
    index.index(tokens, show_progress=False)

    def run(item: Item) -> Outcome:
        q = list(terms(item.question).elements())
        scores = index.get_scores(q)
        order = sorted(range(len(records)), key=lambda i: -scores[i])[:TOP]
        hits = [records[i] for i in order]
        answer = best_overlap_sentence(item.question, [hits[0]["text"]]) if hits else ""
        return Outcome([stem(h["source"]) for h in hits], [h["text"] for h in hits], answer)
    return run


def system_retriever(store, settings, embedder, method: str) -> Callable[[Item], Outcome]:
    """(b) dense / (c) hybrid retrieval through `qa.ask.find_passages`, answered by the best-overlap baseline."""
    from qa.ask import find_passages

    # (c) is the fusion alone: the sentence re-ranking belongs to (e).
    plain = replace(settings, rerank=0)

    def run(item: Item) -> Outcome:
        hits = find_passages(item.question, plain, store=store, embedder=embedder, k=TOP, method=method)
        answer = best_overlap_sentence(item.question, [hits[0].text]) if hits else ""
        return Outcome([stem(h.source) for h in hits], [h.text for h in hits], answer)
    return run


def system_ours(store, settings, embedder) -> Callable[[Item], Outcome]:
    """(e) what `qa ask` does: `qa.ask.ask` (hybrid retrieval, re-ranking, extractive answer).

    The ranking metrics need ten passages, so the passages are also retrieved with k=10 (same
    ranking; not timed); `ms` is the time of the `ask` call alone."""
    from qa.ask import ask, find_passages

    def run(item: Item) -> Outcome:
        t = time.perf_counter()
        ans = ask(item.question, settings, store=store, embedder=embedder, mode="extractive")
        ms = (time.perf_counter() - t) * 1000
        hits = find_passages(item.question, settings, store, embedder, k=max(TOP, settings.top_k))
        text = ans.answer if not ans.refused else ""
        return Outcome([stem(h.source) for h in hits], [h.text for h in hits], text, ans.refused, ans.support, ms)
    return run


def system_llama_index(corpus: Path, embedder) -> Callable[[Item], Outcome]:
    """(d) llama-index as its docs show it: read the folder, index with defaults, retrieve top 2.

    Ten nodes are retrieved so the ranking metrics can be computed; the answer uses the first two,
    as a `similarity_top_k=2` pipeline would."""
    from llama_index.core import SimpleDirectoryReader, VectorStoreIndex

    from qa.integrations.llama_index import as_llama_index

    docs = SimpleDirectoryReader(str(corpus), required_exts=[".txt"]).load_data()
    index = VectorStoreIndex.from_documents(docs, embed_model=as_llama_index(embedder))
    retriever = index.as_retriever(similarity_top_k=TOP)

    def run(item: Item) -> Outcome:
        nodes = retriever.retrieve(item.question)
        texts = [n.node.get_content() for n in nodes]
        answer = best_overlap_sentence(item.question, texts[:2])
        return Outcome([stem(n.node.metadata.get("file_path", "")) for n in nodes], texts, answer)
    return run


def speed(items: list[Item], settings, store, embedder, n: int = 200) -> dict[str, float]:
    """Warm timings with the real (uncached) embedder, interleaved so both see the same machine state:
    embedding the question alone vs. `ask` (embedding + hybrid retrieval + extractive answer)."""
    from qa.ask import ask

    questions = [it.question for it in items[:n]]
    for q in questions[:10]:  # warm-up: model, Chroma, keyword index
        ask(q, settings, store=store, embedder=embedder, mode="extractive")
    embed_ms, ask_ms = [], []
    for q in questions:
        t = time.perf_counter()
        embedder.get_query_embedding(q)
        embed_ms.append((time.perf_counter() - t) * 1000)
        t = time.perf_counter()
        ask(q, settings, store=store, embedder=embedder, mode="extractive")
        ask_ms.append((time.perf_counter() - t) * 1000)

    def pct(values, p):
        values = sorted(values)
        return round(values[min(len(values) - 1, int(p * len(values)))], 2)
    out = {"questions": len(questions), "embed_p50": pct(embed_ms, 0.5), "embed_p95": pct(embed_ms, 0.95),
           "ask_p50": pct(ask_ms, 0.5), "ask_p95": pct(ask_ms, 0.95)}
    out["ratio_p50"] = round(out["ask_p50"] / out["embed_p50"], 2) if out["embed_p50"] else None
    out["ask_mean"] = round(statistics.mean(ask_ms), 2)
    return out
