"""Evaluation reports: the run fingerprint, the JSON report, the baseline comparison and the
gate that decides the exit code, and Markdown for a pull-request comment.

Report layout (JSON, `format` 1):
    fingerprint   what produced the numbers: package version, git commit, store, embedder,
                  LLM model, prompt hashes, retrieval settings, date, machine
    gold          the gold file, its hash, how items were selected
    run           mode, k, concurrency, wall time, items resumed from an earlier run
    cache         LLM calls made, answered from the reply cache, items answered wholly from it
    summary       {"overall": metrics, "by_tag": {tag: metrics}} (see qa.metrics)
    errors        items whose endpoint failed (left out of the metrics)
    items         one record per gold item, in gold order
"""

from __future__ import annotations

import hashlib
import json
import os
import platform
from collections import Counter
from datetime import datetime, timezone
from pathlib import Path
from typing import Any

from qa.errors import InputError
from qa.metrics import ITEM_METRICS, LOWER_IS_BETTER, QUALITY_METRICS, summarize, summarize_by_tag

FORMAT = 1
# Settings that change how long a run takes but not what it answers; a resume may differ in them.
_NOT_RESULT_SETTINGS = frozenset({"llm_timeout", "llm_retries", "llm_max_wait", "embed_batch", "chroma_url"})
_EPS = 1e-9


# -- fingerprint ----------------------------------------------------------------------------------
def git_commit(root: Path | None = None) -> dict[str, Any]:
    """The checkout's commit and whether tracked files differ from it; empty outside a git checkout."""
    import subprocess

    root = root or Path(__file__).resolve().parent.parent
    if not (root / ".git").exists():
        return {}
    try:
        commit = subprocess.run(["git", "-C", str(root), "rev-parse", "HEAD"], capture_output=True, text=True,
                                timeout=5, check=True).stdout.strip()
        dirty = subprocess.run(["git", "-C", str(root), "status", "--porcelain", "--untracked-files=no"],
                               capture_output=True, text=True, timeout=5, check=True).stdout.strip()
    except (OSError, subprocess.SubprocessError):
        return {}
    return {"commit": commit, "dirty": bool(dirty)}


def store_fingerprint(store) -> str:
    """A hash of what the store holds (documents' content hashes and chunk ids) and which embedder
    built it; the same collection ingested anywhere gets the same fingerprint."""
    docs = sorted((Path(d.get("source", key)).name, d.get("hash", ""), d.get("chunk_ids", []))
                  for key, d in store.documents.items())
    blob = json.dumps({"embedder": store.manifest.get("embedder"), "documents": docs}, sort_keys=True)
    return hashlib.sha256(blob.encode()).hexdigest()[:12]


def fingerprint(settings, store, embedder, mode: str, k: int) -> dict[str, Any]:
    import qa
    from qa.config import OPTIONS
    from qa.embed import fingerprint as embedder_fingerprint
    from qa.prompts import prompt_hashes

    knobs = {o.name: getattr(settings, o.name) for o in OPTIONS if not o.secret and o.name != "store"}
    return {
        "qa_version": qa.__version__,
        "git": git_commit(),
        "store": store_fingerprint(store),
        "documents": len(store.documents),
        "chunks": store.chunk_count(),
        "embedder": embedder_fingerprint(embedder),
        "llm_model": settings.llm_model if mode != "extractive" else "",
        "prompts": prompt_hashes(),
        "retrieval": {"mode": mode, "k": k},
        "settings": knobs,
        "date": datetime.now(timezone.utc).isoformat(timespec="seconds"),
        "machine": f"{platform.system()} {platform.machine()}, {os.cpu_count()} cpus, Python {platform.python_version()}",
    }


def run_key(fp: dict[str, Any]) -> dict[str, Any]:
    """The parts of a fingerprint that must match for an earlier run's records to be reused."""
    settings = {k: v for k, v in fp["settings"].items() if k not in _NOT_RESULT_SETTINGS}
    return {"store": fp["store"], "embedder": fp["embedder"], "llm_model": fp["llm_model"], "prompts": fp["prompts"],
            "retrieval": fp["retrieval"], "settings": settings}


# -- the report -----------------------------------------------------------------------------------
def build_report(records: list[dict[str, Any]], fp: dict[str, Any], gold_path: Path, options, seconds: float,
                 resumed: int = 0) -> dict[str, Any]:
    ok = [r for r in records if not r.get("error")]
    try:
        gold_hash = hashlib.sha256(Path(gold_path).read_bytes()).hexdigest()[:12]
    except OSError:
        gold_hash = ""
    return {
        "format": FORMAT,
        "fingerprint": fp,
        "gold": {"path": str(gold_path), "sha256": gold_hash, "items": len(records), "tags": list(options.tags),
                 "limit": options.limit},
        "run": {"mode": options.mode, "k": fp["retrieval"]["k"], "concurrency": options.concurrency,
                # In auto mode an item falls back to extractive when the endpoint fails; count both.
                "answered_by": dict(Counter(r["mode"] for r in ok)),
                "seconds": round(seconds, 2), "resumed": resumed,
                "judge": fp["settings"].get("llm_model", "") if options.judge else ""},
        "cache": {"enabled": options.cache, "llm_calls": sum(r.get("llm_calls") or 0 for r in records),
                  "hits": sum(r.get("cache_hits") or 0 for r in records),
                  "items_from_cache": sum(bool(r.get("cached")) for r in records)},
        "summary": {"overall": summarize(ok), "by_tag": summarize_by_tag(ok)},
        "errors": [{"id": r["id"], "error": r["error"]} for r in records if r.get("error")],
        "items": records,
    }


def load_report(path: Path) -> dict[str, Any]:
    """Read a JSON report (a baseline); InputError when it is missing or not a `qa eval` report."""
    path = Path(path)
    try:
        data = json.loads(path.read_text(encoding="utf-8"))
    except FileNotFoundError:
        raise InputError(f"{path}: no such baseline report; make one with: qa eval GOLD --out {path}") from None
    except (OSError, UnicodeDecodeError, json.JSONDecodeError) as e:
        raise InputError(f"{path}: not a readable JSON report ({e})") from None
    if not isinstance(data, dict) or not isinstance(data.get("items"), list) or "summary" not in data:
        raise InputError(f"{path}: not a qa eval report (no 'items' and 'summary'); make one with qa eval --out")
    if any(not isinstance(r, dict) or "id" not in r
           or (not r.get("error") and not ITEM_METRICS <= set(r.get("metrics") or {})) for r in data["items"]):
        raise InputError(f"{path}: some items lack an id or the per-item metrics this version compares; "
                         "regenerate the baseline with qa eval --out")
    return data


def write_json(path: Path, data: dict[str, Any]) -> None:
    """Indented, except that each item is one line: a committed baseline then diffs item by item."""
    head = {k: v for k, v in data.items() if k != "items"}
    text = json.dumps(head, ensure_ascii=False, indent=1)
    if "items" in data:
        items = ",\n".join("  " + json.dumps(it, ensure_ascii=False) for it in data["items"])
        text = text[:-2] + (",\n" if head else "\n") + f' "items": [\n{items}\n ]\n}}'
    write_text(path, text + "\n")


def write_text(path: Path, text: str) -> None:
    path = Path(path)
    path.parent.mkdir(parents=True, exist_ok=True)
    tmp = path.with_name(f".{path.name}.tmp")
    tmp.write_text(text, encoding="utf-8")
    os.replace(tmp, path)


# -- baseline and gates ---------------------------------------------------------------------------
def parse_fail_under(specs: tuple[str, ...] | list[str]) -> dict[str, float]:
    """`["f1=0.6", "hit@k=0.9"]` -> {"f1": 0.6, "hit@k": 0.9}; InputError on anything else."""
    gates = {}
    for spec in specs:
        name, sep, value = spec.partition("=")
        name = name.strip()
        if not sep or name not in QUALITY_METRICS:
            raise InputError(f"--fail-under {spec!r}: expected METRIC=VALUE with METRIC one of "
                             f"{', '.join(QUALITY_METRICS)}")
        try:
            gates[name] = float(value)
        except ValueError:
            raise InputError(f"--fail-under {spec!r}: {value!r} is not a number") from None
    return gates


def _correct(record: dict[str, Any]) -> bool:
    return bool(record.get("metrics", {}).get("correct"))


def compare(report: dict[str, Any], baseline: dict[str, Any], tolerance: float) -> dict[str, Any]:
    """Per-metric deltas and flipped items. Metrics are recomputed on the items both runs scored,
    so a gold set that grew, or a `--limit`, compares like with like."""
    current = {r["id"]: r for r in report["items"] if not r.get("error")}
    before = {r["id"]: r for r in baseline["items"] if not r.get("error")}
    common = [i for i in current if i in before]
    now = summarize([current[i] for i in common])
    then = summarize([before[i] for i in common])
    deltas = []
    for name in QUALITY_METRICS:
        b, c = then.get(name), now.get(name)
        if b is None and c is None:
            continue
        delta = round(c - b, 4) if b is not None and c is not None else None
        worse = delta is not None and (delta > tolerance + _EPS if name in LOWER_IS_BETTER else delta < -tolerance - _EPS)
        deltas.append({"metric": name, "baseline": b, "current": c, "delta": delta, "regressed": worse})

    def flip(i: str) -> dict[str, Any]:
        return {"id": i, "question": current[i]["question"], "answer": current[i].get("answer", ""),
                "baseline_answer": before[i].get("answer", "")}

    notes = []
    if len(common) != len(current) or len(common) != len(before):
        notes.append(f"baseline and deltas are over the {len(common)} items both runs scored "
                     f"({len(current) - len(common)} only in this run, {len(before) - len(common)} only in the baseline)")
    for label, path in (("gold file", ("gold", "sha256")), ("k", ("run", "k")), ("mode", ("run", "mode")),
                        ("embedder", ("fingerprint", "embedder")), ("LLM model", ("fingerprint", "llm_model"))):
        a, b = report.get(path[0], {}).get(path[1]), baseline.get(path[0], {}).get(path[1])
        if a != b:
            notes.append(f"{label} differs from the baseline ({b} -> {a})")
    return {"baseline_date": baseline.get("fingerprint", {}).get("date"), "items": len(common),
            "tolerance": tolerance, "deltas": deltas,
            "correct_to_wrong": [flip(i) for i in common if _correct(before[i]) and not _correct(current[i])],
            "wrong_to_correct": [flip(i) for i in common if not _correct(before[i]) and _correct(current[i])],
            "notes": notes}


def failures(report: dict[str, Any], comparison: dict[str, Any] | None, gates: dict[str, float]) -> list[str]:
    """Why this run fails the gate (empty list = it passes)."""
    out = []
    for d in (comparison or {}).get("deltas", []):
        if d["regressed"]:
            out.append(f"{d['metric']} {'rose' if d['metric'] in LOWER_IS_BETTER else 'fell'} "
                       f"{d['baseline']:.3f} -> {d['current']:.3f} ({d['delta']:+.3f}; tolerance "
                       f"{comparison['tolerance']:g})")
    overall = report["summary"]["overall"]
    for name, bound in gates.items():
        value = overall.get(name)
        if value is None:
            out.append(f"{name} was not measured in this run, so --fail-under {name}={bound:g} cannot pass")
        elif value < bound - _EPS:
            out.append(f"{name} {value:.3f} is under --fail-under {bound:g}")
    if report["errors"]:
        first = report["errors"][0]
        out.append(f"{len(report['errors'])} item(s) failed (first: {first['id']}: {first['error']}); "
                   "re-run with --resume to retry them")
    return out


# -- Markdown -------------------------------------------------------------------------------------
def _fmt(value: Any) -> str:
    if value is None:
        return "n/a"
    return f"{value:.3f}" if isinstance(value, float) else str(value)


def headline(report: dict[str, Any]) -> str:
    run, fp = report["run"], report["fingerprint"]
    commit = fp.get("git", {}).get("commit", "")[:10]
    dirty = " (dirty)" if fp.get("git", {}).get("dirty") else ""
    return (f"{Path(report['gold']['path']).name}: {report['gold']['items']} items, mode {run['mode']}, k {run['k']}; "
            f"qa {fp['qa_version']}{', commit ' + commit + dirty if commit else ''}, store {fp['store']}, "
            f"embedder {fp['embedder']}{', LLM ' + fp['llm_model'] if fp['llm_model'] else ''}")


def metric_rows(report: dict[str, Any], comparison: dict[str, Any] | None) -> list[tuple[str, str, str, str]]:
    """(metric, current, baseline, delta) rows for tables; deltas from `compare` when given."""
    overall = report["summary"]["overall"]
    deltas = {d["metric"]: d for d in (comparison or {}).get("deltas", [])}
    rows = []
    for name in QUALITY_METRICS:
        if name not in overall and name not in deltas:
            continue
        d = deltas.get(name)
        delta = "" if not d or d["delta"] is None else f"{d['delta']:+.3f}{' ✗' if d['regressed'] else ''}"
        rows.append((name, _fmt(overall.get(name)), _fmt(d["baseline"]) if d else "", delta))
    return rows


def latency_line(report: dict[str, Any]) -> str:
    lat = report["summary"]["overall"].get("latency_ms", {})
    return ", ".join(f"{stage.removesuffix('_ms')} {v['p50']:.1f}/{v['p95']:.1f}" for stage, v in lat.items())


TAG_COLUMNS = ("items", "accuracy", "contains", "f1", "hit@1", "hit@k", "citation_precision", "refusal_recall",
               "false_refusal_rate")


def to_markdown(report: dict[str, Any], comparison: dict[str, Any] | None, fails: list[str]) -> str:
    overall = report["summary"]["overall"]
    lines = [f"### qa eval {'❌ failed' if fails else '✅ passed'}", "", headline(report), ""]
    lines += [f"- {f}" for f in fails] + ([""] if fails else [])
    if comparison:
        lines += ["| metric | current | baseline | Δ |", "|---|---:|---:|---:|"]
        lines += [f"| {m} | {c} | {b} | {d} |" for m, c, b, d in metric_rows(report, comparison)]
    else:
        lines += ["| metric | current |", "|---|---:|"]
        lines += [f"| {m} | {c} |" for m, c, _, _ in metric_rows(report, comparison)]
    lines += ["", f"Items: {overall['items']} ({overall['answerable']} answerable, {overall['unanswerable']} "
                  f"unanswerable); uncited answers: {overall['uncited']}; errors: {len(report['errors'])}.",
              f"Latency p50/p95 ms: {latency_line(report)}."]
    cache = report["cache"]
    if cache["llm_calls"]:
        lines.append(f"LLM calls {cache['llm_calls']}, {cache['hits']} from the cache; "
                     f"{cache['items_from_cache']} items answered wholly from the cache.")
    usage = overall.get("usage")
    if usage:
        cost = f", cost {usage['cost']}" if "cost" in usage else ""
        lines.append(f"Tokens: {usage['total_tokens']} ({usage['spent_tokens']} spent, the rest cached){cost}.")
    if comparison:
        lines += [f"- {n}" for n in [""] + comparison["notes"] if n]
        for title, key in (("Correct → wrong", "correct_to_wrong"), ("Wrong → correct", "wrong_to_correct")):
            flips = comparison[key]
            lines += ["", f"**{title} ({len(flips)})**"]
            lines += [f"- `{f['id']}` {f['question']}" for f in flips]
    by_tag = report["summary"]["by_tag"]
    if by_tag:
        lines += ["", "<details><summary>By tag</summary>", "", "| tag | " + " | ".join(TAG_COLUMNS) + " |",
                  "|---|" + "---:|" * len(TAG_COLUMNS)]
        lines += [f"| {tag} | " + " | ".join(_fmt(m.get(c)) for c in TAG_COLUMNS) + " |" for tag, m in by_tag.items()]
        lines += ["", "</details>"]
    return "\n".join(lines) + "\n"


# -- the terminal ---------------------------------------------------------------------------------
def eval_progress(enabled: bool = True):
    """A context manager yielding the `progress(done, total, item_id)` callback: a bar on stderr."""
    from contextlib import contextmanager

    @contextmanager
    def bar():
        if not enabled:
            yield None
            return
        from rich.progress import BarColumn, MofNCompleteColumn, Progress, TextColumn, TimeElapsedColumn

        from qa.render import console

        with Progress(TextColumn("{task.description}"), BarColumn(), MofNCompleteColumn(), TimeElapsedColumn(),
                      console=console(stderr=True), transient=True) as progress:
            task = progress.add_task("evaluating", total=None)

            def update(done: int, total: int, item_id: str) -> None:
                progress.update(task, completed=done, total=total, description=f"evaluating {item_id}")

            yield update

    return bar()


def print_eval(result) -> None:
    """The metrics table (with baseline deltas), per-tag table, flips and the verdict."""
    from rich.markup import escape
    from rich.table import Table

    from qa.render import console

    report, comparison, out = result.report, result.comparison, console()
    out.print(escape(headline(report)), markup=True)
    table = Table(title="overall", title_justify="left")
    columns = (("metric", "left"), ("current", "right")) + ((("baseline", "right"), ("Δ", "right")) if comparison else ())
    for col, justify in columns:
        table.add_column(col, justify=justify)
    for metric, current, base, delta in metric_rows(report, comparison):
        style = "red" if delta.endswith("✗") else ""
        table.add_row(metric, current, *((base, delta) if comparison else ()), style=style)
    out.print(table)
    by_tag = report["summary"]["by_tag"]
    if by_tag:
        tags = Table(title="by tag", title_justify="left")
        tags.add_column("tag")
        for col in TAG_COLUMNS:
            tags.add_column(col, justify="right")
        for tag, m in by_tag.items():
            tags.add_row(escape(tag), *(_fmt(m.get(c)) for c in TAG_COLUMNS))
        out.print(tags)
    overall, cache = report["summary"]["overall"], report["cache"]
    out.print(f"latency p50/p95 ms: {latency_line(report)}")
    out.print(f"uncited answers {overall['uncited']}; items from the LLM cache {cache['items_from_cache']} "
              f"of {report['gold']['items']}; resumed {report['run']['resumed']}; {report['run']['seconds']:.1f}s")
    if comparison:
        for note in comparison["notes"]:
            out.print(f"[yellow]{escape(note)}[/yellow]", markup=True)
        for title, key, colour in (("correct -> wrong", "correct_to_wrong", "red"),
                                   ("wrong -> correct", "wrong_to_correct", "green")):
            for flip in comparison[key]:
                out.print(f"[{colour}]{title}[/{colour}] {escape(flip['id'])} {escape(flip['question'])}", markup=True)
    for line in result.failures:
        out.print(f"[red]FAIL[/red] {escape(line)}", markup=True)
    where = f"report {result.out}" + (f", markdown {result.markdown}" if result.markdown else "")
    out.print(f"[dim]{escape(where)}[/dim]", markup=True)
