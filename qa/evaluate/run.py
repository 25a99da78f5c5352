"""`qa eval`: run a gold set through `qa.ask.ask` (the same call `qa ask` makes), score every
answer, and write a report that a CI job can gate on.

The gold format and its validation live in `qa.evaluate.gold`, the metrics in
`qa.evaluate.metrics`, the fingerprint in `qa.evaluate.fingerprint`, and the report, baseline
comparison and gate in `qa.evaluate.report`.

Each finished item is appended to `<report>.records.jsonl` at once, so an interrupted run loses
nothing; `--resume` skips items whose record is there (made by the same run settings for the same
gold item). Items run on a thread pool of `concurrency` workers, so no more than that many
questions (and LLM requests) are in flight.
"""

from __future__ import annotations

import json
import os
import threading
import time
from concurrent.futures import FIRST_COMPLETED, Future, ThreadPoolExecutor, wait
from dataclasses import asdict, dataclass, field
from pathlib import Path
from typing import Any, Callable

from qa.ask import check_mode, require_model, uses_llm
from qa.config import Settings
from qa.errors import InputError, ProviderError, StoreMissingError
from qa.evaluate.gold import GoldItem, load_gold, select
from qa.files import open_private
from qa.text.controls import safe_json
from qa.types import EvalRecord, Mode, RetrievedRecord

Progress = Callable[[int, int, str], None]  # (done, total, item id)


@dataclass
class EvalOptions:
    mode: Mode | str = Mode.AUTO
    k: int | None = None
    limit: int | None = None
    tags: tuple[str, ...] = ()
    concurrency: int = 1
    resume: bool = False
    cache: bool = True
    judge: bool = False
    out: Path | None = None  # default: <store>/eval/<gold stem>.json
    markdown: Path | None = None
    baseline: Path | None = None
    tolerance: float = 0.02
    fail_under: tuple[str, ...] = ()


@dataclass
class EvalResult:
    report: dict[str, Any]
    out: Path
    records: Path
    markdown: Path | None
    comparison: dict[str, Any] | None
    failures: list[str]  # why the run fails the gate; empty = pass
    resumed: int = 0

    @property
    def exit_code(self) -> int:
        return 1 if self.failures else 0


# -- records --------------------------------------------------------------------------------------
def records_path(out: Path) -> Path:
    return out.with_name(out.stem + ".records.jsonl")


def read_records(path: Path, run_key: dict[str, Any]) -> dict[str, EvalRecord]:
    """Finished records of an earlier run with the same `run_key`, by item id. A line cut short by
    a kill is ignored; records of failed items are not finished (they run again)."""
    if not path.exists():
        return {}
    lines = path.read_text(encoding="utf-8").splitlines()
    try:
        header = json.loads(lines[0]).get("run") if lines else None
    except (json.JSONDecodeError, AttributeError):
        header = None
    if header != run_key:
        changed = sorted(k for k in set(run_key) | set(header or {}) if (header or {}).get(k) != run_key.get(k))
        raise InputError(f"{path}: its records come from a run with different {', '.join(changed) or 'settings'}; "
                         "run without --resume to start over")
    done = {}
    for raw in lines[1:]:
        try:
            record = json.loads(raw)
        except json.JSONDecodeError:
            continue
        if isinstance(record, dict) and record.get("id") and not record.get("error"):
            done[record["id"]] = record
    return done


class _RecordWriter:
    """Appends one JSON line per finished item and flushes it, from any thread."""

    def __init__(self, path: Path, run_key: dict[str, Any], keep: list[EvalRecord]):
        path.parent.mkdir(parents=True, exist_ok=True, mode=0o700)
        self._lock = threading.Lock()
        # 0600 and never through a link, like every file qa keeps: it holds the questions asked.
        self._file = os.fdopen(open_private(path, os.O_WRONLY | os.O_TRUNC), "w", encoding="utf-8")
        self._write({"run": run_key})
        for record in keep:
            self._write(record)

    def _write(self, data: dict[str, Any]) -> None:
        self._file.write(safe_json(data) + "\n")
        self._file.flush()

    def add(self, record: EvalRecord) -> None:
        with self._lock:
            self._write(record)

    def close(self) -> None:
        self._file.close()


# -- one item -------------------------------------------------------------------------------------
@dataclass
class _Context:
    settings: Settings
    store: Any
    embedder: Any
    mode: Mode
    k: int
    cache: Any  # qa.cache.ReplyCache
    sources: list[str]
    titles: list[str]
    llm: Any = None  # qa.llm.ChatLLM when answers come from a model
    judge_llm: Any = None  # qa.llm.ChatLLM when --judge


def run_item(item: GoldItem, ctx: _Context) -> EvalRecord:
    """Ask one gold question through `qa.ask.ask` and return its scored record."""
    from qa.ask import ask
    from qa.cache import CachedChat
    from qa.answer.citations import is_refusal
    from qa.evaluate.metrics import score_item

    cache = ctx.cache.scoped()  # this item's own hit/miss counts
    llm = CachedChat(ctx.llm, cache) if ctx.llm is not None else None
    record = EvalRecord(id=item.id, question=item.question, gold=item.gold())
    started = time.perf_counter()
    try:
        answer = ask(item.question, ctx.settings, store=ctx.store, embedder=ctx.embedder, k=ctx.k, mode=ctx.mode,
                     llm=llm)
    except ProviderError as e:  # one item's endpoint failure; the rest of the run goes on
        record.update(error=str(e), timings={"total_ms": round((time.perf_counter() - started) * 1000, 2)})
        return record
    refused = bool(answer.refused or is_refusal(answer.answer, loose=False))
    citations = [asdict(c) for c in answer.citations]
    passages = [RetrievedRecord(rank=h.rank or i + 1, chunk_id=h.chunk_id, score=round(h.score, 4), source=h.source,
                                title=h.title) for i, h in enumerate(answer.hits)]
    texts = [{"source": h.source, "title": h.title, "text": h.text} for h in answer.hits]
    usage = getattr(answer, "usage", None) or None
    record.update(
        answer=answer.answer, short_answer=answer.short_answer, refused=refused, mode=answer.mode,
        support=answer.support, gaps=answer.gaps,
        note=answer.note,
        citations=citations, retrieved=passages,
        metrics=score_item(record["gold"], answer.answer, refused, citations, texts, ctx.k, ctx.sources, ctx.titles,
                           short=answer.short_answer),
        timings=dict(answer.timings), usage=usage, llm_calls=cache.calls, cache_hits=cache.hits,
        cached=cache.calls > 0 and cache.misses == 0, judge=None, error=None,
        window_holds=_window_holds(item, answer, ctx) if refused and not item.unanswerable else None)
    if ctx.judge_llm is not None and not refused:
        from qa.evaluate.judge import judge_answer

        judge_cache = ctx.cache.scoped()
        record["judge"] = {**judge_answer(item, answer, CachedChat(ctx.judge_llm, judge_cache)),
                           "cached": judge_cache.hits > 0}
    return record


def _window_holds(item: GoldItem, answer, ctx: _Context) -> bool:
    """Did the best window of a refused answer's passages hold a gold answer? (Was the refusal of an
    answerable item a loss, for the calibration table, `qa.evaluate.calibration`.) The window is the
    extractive answerer's, asked again with no threshold, in either mode."""
    from qa.answer.extractive import answer_extractive
    from qa.answer.cross_script import dense_similarity
    from qa.evaluate.metrics import contains_answer

    golds = item.gold().get("answers") or []
    if not answer.hits or not golds:
        return False
    best = answer_extractive(item.question, answer.hits, 0.0, idf=ctx.store.keyword.idf,
                             similarity=dense_similarity(ctx.embedder, item.question))
    return bool(best.citations) and contains_answer(best.citations[0].quote, golds)


def run_items(items: list[GoldItem], ctx: _Context, concurrency: int, on_record: Callable[[EvalRecord], None],
              progress: Progress | None = None) -> list[EvalRecord]:
    """Run items with at most `concurrency` in flight; `on_record` sees each record as it finishes."""
    records: list[EvalRecord] = []
    total = len(items)
    pending = iter(items)
    with ThreadPoolExecutor(max_workers=max(1, concurrency), thread_name_prefix="qa-eval") as pool:
        running: dict[Future, GoldItem] = {}
        try:
            for item in pending:
                running[pool.submit(run_item, item, ctx)] = item
                if len(running) >= concurrency:
                    break
            while running:
                finished, _ = wait(running, return_when=FIRST_COMPLETED)
                for future in finished:
                    item = running.pop(future)
                    record = future.result()  # a non-provider failure stops the whole run
                    on_record(record)
                    records.append(record)
                    if progress:
                        progress(len(records), total, item.id)
                    nxt = next(pending, None)
                    if nxt is not None:
                        running[pool.submit(run_item, nxt, ctx)] = nxt
        except BaseException:
            for future in running:
                future.cancel()
            raise
    return records


# -- the whole run --------------------------------------------------------------------------------
def _check_options(options: EvalOptions, settings: Settings) -> Mode:
    mode = check_mode(options.mode, settings)
    if options.concurrency < 1:
        raise InputError(f"--concurrency must be at least 1, got {options.concurrency}")
    if options.limit is not None and options.limit < 1:
        raise InputError(f"--limit must be at least 1, got {options.limit}")
    if options.tolerance < 0:
        raise InputError(f"--tolerance must not be negative, got {options.tolerance}")
    if options.judge:
        require_model(settings, "--judge")
    return mode


def evaluate(gold_path: Path, settings: Settings, options: EvalOptions, progress: Progress | None = None) -> EvalResult:
    """Validate the inputs, run the gold items, write the report(s), compare with the baseline."""
    from qa.cache import ReplyCache
    from qa.evaluate import report as reporting
    from qa.evaluate.fingerprint import fingerprint as run_fingerprint, run_key as fingerprint_key
    from qa.evaluate.markdown import to_markdown
    from qa.embed import make_embedder
    from qa.prompts import load_prompt
    from qa.store import Store

    mode = _check_options(options, settings)
    gold_path = Path(gold_path)
    items = select(load_gold(gold_path), options.tags, options.limit)
    if not items:
        raise InputError(f"{gold_path}: no item has tag {' or '.join(options.tags)}")
    gates = reporting.parse_fail_under(options.fail_under)
    baseline = reporting.load_report(options.baseline) if options.baseline else None
    if options.judge:
        load_prompt("judge")  # a missing prompt fails now, not after the run

    store = Store.open(settings)
    if not store.documents:
        raise StoreMissingError(f"the store at {settings.store} holds no documents, so every answer would be a "
                                "refusal. Run: qa ingest PATH")
    embedder = make_embedder(settings)
    k = options.k or settings.top_k
    fingerprint = run_fingerprint(settings, store, embedder, mode, k)
    out = Path(options.out) if options.out else Path(settings.store) / "eval" / f"{gold_path.stem}.json"
    rec_path = records_path(out)
    run_key = fingerprint_key(fingerprint)
    done = read_records(rec_path, run_key) if options.resume else {}
    kept = [done[it.id] for it in items if it.id in done and done[it.id].get("gold") == it.gold()]
    kept_ids = {r["id"] for r in kept}
    todo = [it for it in items if it.id not in kept_ids]

    docs = store.sources()
    ctx = _Context(settings=settings, store=store, embedder=embedder, mode=mode, k=k,
                   cache=ReplyCache.for_settings(settings, enabled=options.cache),
                   sources=[d["source"] for d in docs], titles=[a["title"] for d in docs for a in d["articles"]])
    answers_by_llm = uses_llm(mode, settings)
    if options.judge or answers_by_llm:
        from qa.llm import ChatLLM

        # One client for all items: it is thread-safe and keeps connections open.
        model = ChatLLM.from_settings(settings)
        ctx.llm = model if answers_by_llm else None
        ctx.judge_llm = model if options.judge else None
    if progress:
        progress(len(kept), len(items), "")
    if todo:
        _warm_up(todo[0].question, settings, store, embedder, k)
    writer = _RecordWriter(rec_path, run_key, kept)
    started = time.time()
    try:
        fresh = run_items(todo, ctx, options.concurrency, writer.add,
                          (lambda done_, total, item_id: progress(done_ + len(kept), len(items), item_id))
                          if progress else None)
    finally:
        writer.close()
    by_id = {r["id"]: r for r in kept + fresh}
    records = [by_id[it.id] for it in items]
    report = reporting.build_report(records, fingerprint, gold_path, options, seconds=time.time() - started,
                                    resumed=len(kept))
    comparison = reporting.compare(report, baseline, options.tolerance) if baseline else None
    failures = reporting.failures(report, comparison, gates)
    reporting.write_json(out, report)
    md_path = None
    if options.markdown:
        md_path = Path(options.markdown)
        reporting.write_text(md_path, to_markdown(report, comparison, failures))
    return EvalResult(report=report, out=out, records=rec_path, markdown=md_path, comparison=comparison,
                      failures=failures, resumed=len(kept))


def _warm_up(question: str, settings: Settings, store, embedder, k: int) -> None:
    """Load the models and indexes once before timing, so the first item's latency is not the
    cost of starting up."""
    from qa.ask import find_passages

    find_passages(question, settings, store, embedder, k=k)
