"""`qa doctor`: check the configuration, the store, the embedder, the dictionary indexes kept in the
user cache folder, and the LLM endpoint.

Each check reports ok / fail / warn / skip with a one-line detail and, when something is
wrong, the fix. Checks keep going after a failure so one run shows every problem; a check
whose prerequisite failed is skipped. Nothing here prints (the CLI renders the list) and no
detail contains the API key.
"""

from __future__ import annotations

import re

from dataclasses import dataclass
from typing import Any, Callable, Iterator, Mapping

from qa.config import Settings, load_settings, mask
from qa.errors import QAError, StoreMissingError
from qa.redact import redact


@dataclass
class Check:
    name: str
    status: str  # ok | fail | warn | skip
    detail: str
    hint: str = ""


def diagnose(settings: Settings | None = None, overrides: Mapping[str, Any] | None = None, embedder=None,
             llm=None, repair: bool = False, on_check: Callable[[Check], None] | None = None) -> list[Check]:
    """Run every check. Without `settings`, load them (a bad config is the first failed check).
    With `repair`, first restore what is damaged in the store (qa/ingest/repair.py); each thing
    restored, or lost for good, is a check of its own before the usual ones. `on_check` receives
    each check as it finishes (loading the model or waiting on an endpoint takes seconds)."""
    checks: list[Check] = []
    secrets = settings.secrets() if settings is not None else []

    def done(found: list[Check]) -> None:
        for c in found:
            c.detail, c.hint = redact(c.detail, secrets), redact(c.hint, secrets)
            checks.append(c)
            if on_check:
                on_check(c)

    if settings is None:
        try:
            settings = load_settings(overrides)
        except QAError as e:
            done([Check("config", "fail", str(e), "fix or remove the setting named above (qa config shows them)")])
            return checks
        secrets = settings.secrets()
    done([_config(settings)])
    if repair:
        done(_repair(settings, embedder))
    store, check = _store(settings)
    done([check])
    done([_embedder(settings, store, embedder)])
    done([_cache(clean=repair)])
    for step in _endpoint(settings, llm):
        done([step])
    return checks


def _config(settings: Settings) -> Check:
    key = mask(settings.openai_api_key) if settings.openai_api_key else "none"
    llm = settings.llm_model or "none (extractive answers only)"
    detail = (f"store {settings.store}, embedder {settings.embed}, LLM {llm}, "
              f"endpoint {settings.openai_base_url or 'default (api.openai.com)'}, API key {key}")
    return Check("config", "ok", detail)


def _store(settings: Settings):
    from qa.store import Store

    try:
        store = Store.open(settings)
    except StoreMissingError:
        return None, Check("store", "fail", f"no store at {settings.store}", "build it: qa ingest PATH (e.g. qa ingest "
                           "seeds/)")
    except QAError as e:  # its message ends with what to do
        return None, Check("store", "fail", str(e))
    docs = len(store.documents)
    if not docs:
        return store, Check("store", "warn", f"{settings.store} holds no documents", "qa ingest PATH")
    try:
        c = store.inspect(full=True)
    except QAError as e:  # the environment (disk, permissions): repairing would not help
        return store, Check("store", "fail", str(e), "fix the cause named above and run qa doctor again")
    detail = f"{settings.store}: {docs} documents, {c['chunks']} chunks"
    if c["damaged"] or c["missing"]:
        found = c["damaged"] + ([f"{c['missing']} chunks named by the manifest are not in Chroma"] if c["missing"] else [])
        return store, Check("store", "fail", f"{detail}; damaged: " + "; ".join(found),
                            "restore it from its intact parts: qa doctor --repair")
    notes = list(c["recovered"])
    if c["orphans"]:
        notes.append(f"{c['orphans']} unpublished chunks left by an interrupted ingest")
    if c["keyword_missing"]:
        notes.append(f"{c['keyword_missing']} chunks not yet in the keyword index")
    if notes:
        return store, Check("store", "warn", f"{detail}; " + "; ".join(notes),
                            "nothing is lost: the next qa ingest removes leftovers and writes the keyword index back "
                            "(or run qa doctor --repair now)")
    return store, Check("store", "ok", f"{detail}; checksums match, the vector index answers, and Chroma and the "
                        "keyword index agree with the manifest")


def _repair(settings: Settings, embedder) -> list[Check]:
    from qa.ingest.repair import repair

    try:
        report = repair(settings, embedder)
    except QAError as e:
        return [Check("repair", "fail", str(e), "fix the cause named above, or rebuild: qa ingest --rebuild PATH")]
    checks = [Check("repair", "ok", line) for line in report.fixed]
    checks += [Check("repair", "fail", f"{source}: its text was lost from both Chroma and the keyword index; "
                     "dropped it from the store", f"add it again: qa ingest {source}") for source in report.lost]
    return checks or [Check("repair", "ok", "nothing was damaged")]


def _embedder(settings: Settings, store, embedder) -> Check:
    from qa.embed import fingerprint, make_embedder

    try:
        embedder = embedder or make_embedder(settings)
        vector = embedder.get_query_embedding("测试 test")
        name = fingerprint(embedder)
        if store is not None:
            store.check_embedder(name, len(vector))
    except QAError as e:
        return Check("embedder", "fail", str(e), "set QA_EMBED to the embedder that built the store, or rebuild it")
    except Exception as e:  # noqa: BLE001 - reported, not raised
        return Check("embedder", "fail", f"{type(e).__name__}: {e}", "set QA_DEBUG=1 and rerun for details")
    return Check("embedder", "ok", f"{name}, {len(vector)} dimensions")


def _cache(clean: bool) -> Check:
    """The dictionary indexes in the user cache folder (`qa.text.index_cache`): how much they take,
    and the stale ones, which `--repair` removes (as does the next build of an index)."""
    from qa.text.cedict import dictionary_file
    from qa.text.index_cache import survey

    try:
        found = survey(dictionary_file(), clean=False)
        removed = survey(dictionary_file(), clean=True) if clean and found.stale else None
    except OSError as e:
        return Check("cache", "warn", f"cannot read the cache folder: {e}",
                     "nothing is lost: the indexes are built again in memory when the folder cannot be used")
    rule = "an index of an earlier dictionary or qa is removed when its new one is written"
    if removed is not None:
        return Check("cache", "ok", f"{removed.folder}: {removed.files} files, {_mb(removed.size)}; removed "
                     f"{len(found.stale)} stale ones ({_mb(found.stale_size)}); {rule}")
    detail = f"{found.folder}: {found.files} files, {_mb(found.size)} of dictionary indexes"
    if found.stale:
        return Check("cache", "warn", f"{detail}, {len(found.stale)} of them stale ({_mb(found.stale_size)}: built "
                     "from another copy of the dictionary, named the old way, or left by an interrupted write)",
                     "qa doctor --repair removes them (so does the next build of an index)")
    return Check("cache", "ok", f"{detail}; {rule}")


def _mb(size: int) -> str:
    return f"{size / 1e6:.1f} MB"


def _endpoint(settings: Settings, llm) -> Iterator[Check]:
    """The endpoint's checks, each yielded as soon as it is known."""
    from qa.llm import ChatLLM

    if llm is None and not settings.llm_model:
        yield Check("endpoint", "skip", "no chat model configured; answers are extractive",
                    "for LLM answers set QA_LLM_MODEL and OPENAI_BASE_URL (see README 'LLM answers')")
        return
    # One quick attempt each: the doctor should answer fast, not wait out retries.
    llm = llm or ChatLLM.from_settings(settings, retries=0, max_wait=settings.llm_timeout)
    try:
        models = llm.list_models()
    except QAError as e:
        yield Check("models", "fail", str(e), _hint(str(e)))
        models = None
    if models is not None:
        listed = ", ".join(models[:8]) + (" ..." if len(models) > 8 else "")
        if llm.model in models:
            yield Check("models", "ok", f"{llm.where} serves {len(models)} models, including {llm.model}")
        else:
            yield Check("models", "warn", f"{llm.where} does not list {llm.model!r} (it lists: {listed or 'none'})",
                        "set QA_LLM_MODEL to one of the listed models (some providers list only a few)")
    try:
        reply = llm.complete([{"role": "user", "content": "Reply with: OK"}], max_tokens=1)
        yield Check("chat", "ok", f"{reply.model} answered a 1-token completion in {reply.http_ms:.0f} ms")
    except QAError as e:
        yield Check("chat", "fail", str(e), _hint(str(e)))


def _status(code: int, text: str) -> bool:
    """Does `text` give HTTP status `code` as a number of its own? Not inside another: the message
    names the endpoint, and a port such as 40103 holds "401" (a test's random port once read as a
    wrong key)."""
    return re.search(rf"(?<!\d){code}(?!\d)", text) is not None


def _hint(message: str) -> str:
    text = message.lower()
    if "refused" in text or "could not be reached" in text or "resolve" in text:
        return "start the server or correct OPENAI_BASE_URL (e.g. http://127.0.0.1:11434/v1 for Ollama)"
    if _status(401, text) or "api key" in text:
        return "set OPENAI_API_KEY to a valid key for this endpoint"
    if _status(404, text):
        return "set QA_LLM_MODEL to a model the server lists, and check OPENAI_BASE_URL ends in /v1"
    if "in time" in text or "max_wait" in text:
        return "check the server's load, or raise QA_LLM_TIMEOUT"
    if _status(429, text):
        return "wait, or check the account's rate limits and quota"
    return "check the server's log; QA_DEBUG=1 shows details"
