"""Question -> ranked passages (`Hit`s): dense and keyword candidates fused by weighted reciprocal
rank fusion, de-duplicated, optionally diversified across articles and filtered by source/title.

Dense search (Chroma, the embedder's cosine similarity) finds paraphrases and cross-language
matches; keyword search (BM25 over character bigrams, qa/store/keyword.py) finds exact names, numbers
and titles. Their scores are not comparable, so the fusion uses ranks only:
    fused(c) = dense_weight / (rrf_k + dense rank of c) + keyword_weight / (rrf_k + keyword rank of c)
with each list `candidates` deep. Re-ranking the first few by their best sentence is the
answerer's knowledge, so `qa.ask.find_passages` does it between `candidates` and `diversify`:
it is the one entry point (the app, the chat, eval and the benchmarks), and with `rerank=0` the
fusion alone. Every hit carries its dense similarity (`Hit.dense`): the
answerer's support score uses it; and its place in each list (`dense_rank`, `keyword_rank` and
`keyword_score`, `fused_rank`), so that `/why` can show how it was found. Nothing here knows about
answers.
"""

from __future__ import annotations

from qa.config import Settings
from qa.text.cjk import CJK
from qa.text.glossary import chinese_words
from qa.text.questions import keyword_query
from qa.text.spelling import respelled
from qa.text.tokens import latin_language
from qa.types import Hit

# An English question's dictionary words (`rendered`) are searched as a third ranking, fused with
# half the keyword weight: alone they are noisy (a word's commonest sense in the collection), and
# added to the keyword query they outweighed its names and numbers. Chosen on train30_en with the
# real embedder: 0.5 / 1.0 x the keyword weight, one or two words a word: 27 / 27 / 23 / 25 right
# of 34 (24 without); trial_en (not tuned on) 20 -> 20 right, refusals 9 -> 7, its answer's article
# among the five passages 0.812 -> 0.844; the seed, its near misses and en_news move no answer.
DICTIONARY_WEIGHT = 0.5


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


def candidates(question: str, settings: Settings, store, embedder, k: int, source: str | None = None,
               title: str | None = None, method: str | None = None, within=None) -> list[Hit]:
    """Fused candidates for `question`, best first: a few more than `k`, so that re-ranking,
    de-duplication and the per-article cap can still fill `k`. `source` is a glob over document
    paths, `title` a substring of article titles, `within` a set of article ids (the chat's article
    cited last); `method` (hybrid | dense | keyword) defaults to settings.retrieval."""
    from qa.embed import fingerprint

    store.check_embedder(fingerprint(embedder))
    method = method or settings.retrieval
    articles = store.filter_articles(source, title)
    if within is not None:
        articles = set(within) if articles is None else articles & set(within)
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
        # An English question over Chinese text shares no words with it: its glossary words'
        # Chinese wordings (jobs -> 岗位 就业) are searched too (`qa.text.glossary`); a British
        # question's words in American spelling too ("centre": center, `qa.text.spelling`).
        query = " ".join([keyword_query(question), *chinese_words(question), *respelled(question)])
        lexical = store.keyword.search(query, depth, allowed=allowed, language=latin_language(question))
        words = rendered(question, store)
        dictionary = store.keyword.search(" ".join(words), depth, allowed=allowed) if words else []
    else:
        dictionary = []
    fused = fuse([[cid for cid, _ in dense], [cid for cid, _ in lexical], [cid for cid, _ in dictionary]],
                 [settings.dense_weight, settings.keyword_weight, DICTIONARY_WEIGHT * settings.keyword_weight],
                 settings.rrf_k)
    scores = dict(fused)
    wanted = [cid for cid, _ in fused[:max(k, settings.rerank) * (3 if settings.max_per_article else 1) + 2]]
    # A passage that dense search did not return is less similar than the last one it did: that
    # similarity is its (upper-bound) estimate, cheaper than reading its vector back.
    hits = store.fetch_hits(wanted, similarity=dict(dense), default=dense[-1][1] if dense else 0.0)
    dense_rank = {cid: rank for rank, (cid, _) in enumerate(dense, start=1)}
    keyword = {cid: (rank, float(score)) for rank, (cid, score) in enumerate(lexical, start=1)}
    fused_rank = {cid: rank for rank, (cid, _) in enumerate(fused, start=1)}
    for hit in hits:
        hit.score = round(scores[hit.chunk_id], 6)
        hit.dense_rank = dense_rank.get(hit.chunk_id, 0)
        hit.keyword_rank, hit.keyword_score = keyword.get(hit.chunk_id, (0, 0.0))
        hit.fused_rank = fused_rank[hit.chunk_id]
    return hits


def rendered(question: str, store) -> list[str]:
    """For keyword search, the Chinese words of an English question's words (`qa.text.cedict`): of
    each word's alternatives, the one the collection holds in most passages, the sense its articles
    use ("period" is 时期 in a history, not 句号). [] for a question with Chinese in it, or over a
    collection that holds none of them (English articles)."""
    from qa.text.cedict import renderings
    from qa.text.tokens import tokenize

    if CJK.search(question):
        return []
    groups = renderings(question)
    words = list(dict.fromkeys(w for group in groups for w in group))
    tokens = {w: tokenize(w, store.keyword.scheme, query=True) for w in words}
    terms = list(dict.fromkeys(t for ts in tokens.values() for t in ts))
    held = dict(zip(terms, store.keyword.document_frequency(terms)[1])) if terms else {}
    common = {w: min((held[t] for t in ts), default=0) for w, ts in tokens.items()}  # 共产党: as its rarest bigram
    out = []
    for group in groups:
        best = max(group, key=lambda w: common[w])
        if common[best] > 0:
            out.append(best)
    return out


def unfound(question: str, store) -> bool:
    """True when a question holds a token an article would write verbatim in any script (a path or
    code, a figure, an acronym: en.toml's `literal_token`) and not one of its words occurs in any
    passage, nor their glossary wordings (jobs: 岗位) or pinyin names (Heihe: 黑河): nothing it asks
    about is in the articles ("What is /etc/passwd" over the seed), however close its nearest
    neighbours look to the embedder. A question without such a token is left to the answerer:
    an English question's plain words are not expected in Chinese articles (seed-003's
    "brain-computer interface industry" is answered from 脑机接口产业 by the embedder alone)."""
    from qa.text import lexicon
    from qa.text.pinyin import query_terms
    from qa.text.questions import index_terms, question_terms
    from qa.text.tokens import tokenize

    if not lexicon.regex("literal_token").search(question):
        return False
    scheme = store.keyword.scheme
    terms = index_terms(question, question_terms(question)) + tokenize(" ".join(chinese_words(question)), scheme, query=True)
    if scheme.endswith("pinyin"):
        terms += query_terms(question)
    if not terms:
        return False
    _, df = store.keyword.document_frequency(terms)
    return not df.any()


def number(hits: list[Hit]) -> list[Hit]:
    """Set each hit's 1-based rank."""
    for rank, hit in enumerate(hits, start=1):
        hit.rank = rank
    return hits


__all__ = ["candidates", "diversify", "fuse", "keyword_query", "number", "rendered", "unfound"]
