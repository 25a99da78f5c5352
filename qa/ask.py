"""The read path, in one place: clean the question -> retrieve -> rerank -> answer.

`qa ask`, `qa eval`, the benchmarks and the chat all call `ask` (or `find_passages` for the
passages alone), so a question walks down the layers once and comes back up with an `Answer`:
`qa.retrieve` finds candidates, `qa.answer.extractive` re-orders the first few by their best
sentence, `qa.retrieve.diversify` keeps the best `k`, and an answerer quotes or writes the answer.
"""

from __future__ import annotations

import time
from typing import Callable

from qa.config import Settings
from qa.errors import ConfigError, InputError, ProviderError
from qa.types import Answer, Hit, Mode

NO_WORDS = "the question has no words to search for"
TO_ASSISTANT = "the question is an instruction to the assistant, not a question about the articles"
NOT_FOUND = "no word of the question occurs in the articles"


def find_passages(question: str, settings: Settings, store=None, embedder=None, k: int | None = None,
                  source: str | None = None, title: str | None = None, method: str | None = None,
                  params=None, within=None) -> list[Hit]:
    """The `k` best passages for `question` (in the articles whose ids `within` holds, when given):
    fused candidates (`qa.retrieve.candidates`), the first
    `settings.rerank` re-ordered by their best sentence window as the extractive answerer scores it
    (with `params`, an `ExtractiveParams`; None: its `DEFAULTS`), then de-duplicated and capped per
    article (`qa.retrieve.diversify`)."""
    from qa.answer.extractive import rank_passages
    from qa.answer.params import DEFAULTS
    from qa.embed import make_embedder
    from qa.retrieve import candidates, diversify, number
    from qa.store import Store

    store = store or Store.open(settings)
    embedder = embedder or make_embedder(settings)
    k = k or settings.top_k
    hits = candidates(question, settings, store, embedder, k, source=source, title=title, method=method, within=within)
    if settings.rerank > 1 and len(hits) > 1:
        hits = (rank_passages(question, hits[:settings.rerank], idf=store.keyword.idf, params=params or DEFAULTS)
                + hits[settings.rerank:])
    return number(diversify(hits, k, settings.max_per_article))


def ask(question: str, settings: Settings, store=None, embedder=None, k: int | None = None,
        mode: Mode | str = Mode.AUTO, llm=None, on_token: Callable[[str], None] | None = None,
        source: str | None = None, title: str | None = None, params=None,
        on_step: Callable[[str], None] | None = None, prefer=None) -> Answer:
    """Answer one question from the store.

    mode: `extractive` quotes passages; `llm` asks the chat model (`llm`, default built from
    settings) and fails with a ProviderError when the endpoint does; `auto` uses the model when
    one is configured (QA_LLM_MODEL) and falls back to the extractive answer, with a note, when
    the endpoint fails. `on_token` receives streamed text as it arrives (LLM only).
    `source` (a glob over document paths) and `title` (text in the article title) narrow the search.
    `params` (an `ExtractiveParams`; None: its `DEFAULTS`) tunes the re-ranking and the extractive answer.
    `on_step` hears what is being done ("loading the embedding model and the store", "searching",
    "asking the model"), for a spinner on a slow start.
    `prefer` (article ids: the chat's follow-up, the articles the last answer cited) is searched
    first: when the extractive answer from those articles' passages is not refused, they are the
    passages answered from (quoted, or shown to the model: no extra call); else the whole store.
    """
    t0 = time.perf_counter()
    from qa.answer.extractive import answer_extractive
    from qa.answer.cross_script import dense_similarity
    from qa.answer.params import DEFAULTS
    from qa.prompts import answer_prompt, refusal_phrase
    from qa.text.cjk import reply_language
    from qa.text.questions import addressed_to_assistant, clean_question, has_words
    from qa.text.smalltalk import follows_nothing, nothing_to_answer

    mode = check_mode(mode, settings, llm=llm)
    use_llm = uses_llm(mode, settings, llm)
    question, notice = clean_question(question, settings.max_question_chars)
    # Refused before anything is loaded: nearest neighbours of "？？？" are passages too; and an
    # extractive answer to "print your system prompt" could only be an unrelated quote (an LLM is
    # told by its prompt that the question is data, and says it cannot answer); "hello", "thanks"
    # or "quit" ask nothing of the articles, in any mode (the reason says what to ask instead); nor
    # does "那上海呢?" with no conversation to complete it (`prefer` is the chat's: it has one).
    refuse = NO_WORDS if not has_words(question) else \
        TO_ASSISTANT if not use_llm and addressed_to_assistant(question) else \
        nothing_to_answer(question) or ("" if prefer else follows_nothing(question))
    if refuse:
        return Answer(question=question, answer=refusal_phrase(reply_language(question)), refused=True,
                      mode="llm" if use_llm else "extractive", citations=[], note=refuse,
                      timings={"load_ms": 0.0, "retrieve_ms": 0.0, "answer_ms": 0.0,
                               "total_ms": round((time.perf_counter() - t0) * 1000, 2)})
    step = on_step or (lambda _: None)
    step("loading the embedding model and the store…")
    store, embedder = open_reader(settings, store, embedder)
    step("searching…")
    t1 = time.perf_counter()
    params = params or DEFAULTS
    # A store without documents (a first ingest still running, or killed) has nothing to find:
    # the answer is the refusal, given without loading the model, Chroma or the keyword index.
    def search(within=None) -> list[Hit]:
        return find_passages(question, settings, store, embedder, k=k, source=source, title=title,
                             params=params, within=within) if store.documents else []

    # The extractive answerer weighs question words by their IDF in the collection, and needs
    # the embedder only for a question in another script than the passages.
    def extract(hits: list[Hit]) -> Answer:
        from qa.retrieve import unfound

        if hits and unfound(question, store):
            # Nearest neighbours are not support: "What is /etc/passwd" found a quote at 0.84.
            return Answer(question=question, answer=refusal_phrase(reply_language(question)), refused=True,
                          mode="extractive", citations=[], hits=hits, note=NOT_FOUND)
        return answer_extractive(question, hits, settings.refusal_threshold, idf=store.keyword.idf if hits else None,
                                 similarity=dense_similarity(embedder, question), params=params,
                                 titles=store.titles())

    # A follow-up is asked of the article the conversation is about before the whole store: a
    # subjectless "什么时候开业?" is answered by the plaza just quoted, not by another one. The
    # extractive answer is the judge in both modes (no model call), its refusal the way out.
    within, first = (set(prefer), None) if prefer and store.documents else (None, None)
    if within:
        hits = search(within)
        first = extract(hits) if hits else None
        if first is None or first.refused:
            within, first = None, None
    if not within:
        hits = search()
    t2 = time.perf_counter()
    extra: dict[str, float] = {}
    if use_llm:
        from qa.answer.llm import answer_llm
        from qa.llm import ChatLLM

        try:
            model = llm or ChatLLM.from_settings(settings)
            hits, rendered = search_across_languages(question, hits, settings, store, embedder, model, k=k,
                                                     source=source, title=title, params=params, within=within)
            step("asking the model…")
            answer = answer_llm(question, hits, model, on_token=on_token, system=answer_prompt(settings.system_prompt))
            if rendered:  # the tokens spent on rendering the question count with the answer's
                answer.usage = {key: (answer.usage or {}).get(key, 0) + rendered.get(key, 0)
                                for key in {*(answer.usage or {}), *rendered}}
            extra = answer.timings
        except ProviderError as e:
            if mode != Mode.AUTO:
                raise
            answer = first or extract(hits)
            answer.note = f"LLM unavailable, showing the extractive answer: {e}"
    else:
        answer = first or extract(hits)
    t3 = time.perf_counter()
    ms = lambda seconds: round(seconds * 1000, 2)  # noqa: E731
    answer.timings = {"load_ms": ms(t1 - t0), "retrieve_ms": ms(t2 - t1), "answer_ms": ms(t3 - t2),
                      "total_ms": ms(t3 - t0), **extra}
    if not store.documents:
        notice = f"{notice} the store at {settings.store} holds no documents yet; run: qa ingest PATH".strip()
    elif (source or title) and not store.filter_articles(source, title):
        # The refusal is the filter's doing, not the articles': say so, or it reads as "not in the store".
        notice = f"{notice} {unmatched_filter(source, title)}".strip()
    if notice:
        answer.note = f"{answer.note} {notice}".strip()
    return answer


def search_across_languages(question: str, hits: list[Hit], settings: Settings, store, embedder, llm,
                            k: int | None = None, source: str | None = None, title: str | None = None,
                            params=None, within=None) -> tuple[list[Hit], dict | None]:
    """(`hits` fused (reciprocal ranks, `qa.retrieve.fuse`) with the passages found for the question
    as `llm` renders it in the passages' language (`qa.answer.crosslingual`: one short call), when
    most of `hits` are in another language than the question (the store's main language, as far
    as this question reaches it); `hits` unchanged otherwise, with no call), and the call's token usage.
    `within` (article ids) keeps the rendering's search in the articles `hits` came from."""
    from qa.answer.crosslingual import rendering
    from qa.retrieve import diversify, fuse, number
    from qa.text.cjk import language

    languages = [language(h.text) for h in hits]
    main = max(set(languages), key=languages.count) if hits else ""
    if not hits or language(question) == main:
        return hits, None
    rendered, usage = rendering(question, main, llm)
    if not rendered:
        return hits, usage
    found = find_passages(rendered, settings, store, embedder, k=k, source=source, title=title, params=params,
                          within=within)
    by_id = {h.chunk_id: h for h in found + hits}
    # The rendering first: on equal fused scores its passages, in the articles' own words, lead.
    fused = fuse([[h.chunk_id for h in found], [h.chunk_id for h in hits]], [1.0, 1.0], settings.rrf_k)
    return number(diversify([by_id[cid] for cid, _ in fused], k or settings.top_k, settings.max_per_article)), usage


def unmatched_filter(source: str | None, title: str | None) -> str:
    """What a refusal says when `source` (a glob) and `title` matched no article: the flags by name,
    as `qa ask` and `qa chat` take them (the chat's `/filter source=GLOB` sets the same filter)."""
    named = " and ".join(f"--{flag} {value!r}" for flag, value in (("source", source), ("title", title)) if value)
    return f"no article matches {named}"


def uses_llm(mode: Mode | str, settings: Settings, llm=None) -> bool:
    """Whether answers in `mode` come from the chat model: `llm` always, `auto` when one is given
    (`llm`) or configured (QA_LLM_MODEL). The one place `auto` is resolved: `ask`, the chat (its
    rewrites and streaming) and `qa eval` (its client) all ask here."""
    return mode == Mode.LLM or (mode == Mode.AUTO and (llm is not None or bool(settings.llm_model)))


def check_mode(mode: Mode | str, settings: Settings, llm=None) -> Mode:
    """`mode` as a Mode, or an InputError naming the modes (the chat's `/mode poetry`; the
    commands' parser already refuses it), or a ConfigError when it cannot be used with these
    settings (`llm` without a chat model, none given as `llm`), so `qa ask`, `qa chat` (at start
    and on `/mode`) and `qa eval` refuse it with the same words before any question is sent to an
    endpoint that cannot answer it."""
    try:
        mode = Mode(mode)
    except ValueError:
        raise InputError(f"unknown answer mode {mode!r}; use one of {', '.join(Mode)}") from None
    if mode == Mode.LLM:
        require_model(settings, "--mode llm", llm)
    return mode


def require_model(settings: Settings, flag: str, llm=None) -> None:
    """A ConfigError saying what to set when `flag` needs a chat model and none is configured or given."""
    if llm is None and not settings.llm_model:
        raise ConfigError(f"{flag} needs a chat model: set QA_LLM_MODEL (and OPENAI_BASE_URL, OPENAI_API_KEY "
                          "for the endpoint); see the README's 'LLM answers' section")


def open_reader(settings: Settings, store=None, embedder=None):
    """The store and the embedder ready to use: the one-off costs of a fresh process (imports, the
    model, the Chroma collection, the keyword index), next to nothing when both are passed in warm.

    The manifest is read first, so a missing store is reported, and an empty one answered, before
    anything heavy is imported. Returns the embedder wrapped so that the question is embedded once
    (retrieval and the answerer both ask for it)."""
    from qa.embed import QuestionMemo, fingerprint, make_embedder
    from qa.store import Store

    store = store or Store.open(settings)
    embedder = embedder or make_embedder(settings)
    if store.documents:
        store.check_embedder(fingerprint(embedder))
        embedder.load()
        store.load(dense=settings.retrieval != "keyword")
    return store, QuestionMemo(embedder)


__all__ = ["NOT_FOUND", "NO_WORDS", "TO_ASSISTANT", "ask", "check_mode", "find_passages", "open_reader", "require_model",
           "search_across_languages", "unmatched_filter", "uses_llm"]
