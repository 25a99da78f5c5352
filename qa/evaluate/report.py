"""Evaluation reports: the JSON report, the baseline comparison and the gate that decides the
exit code. The fingerprint is `qa.evaluate.fingerprint`'s, Markdown `qa.evaluate.markdown`'s.

Report layout (JSON, `format` 1):
    fingerprint   what produced the numbers: package version, git commit, store, embedder,
                  LLM model, prompt hashes, retrieval settings, date, machine
    gold          the gold file, its hash, how items were selected
    run           mode, k, concurrency, wall time, items resumed from an earlier run
    cache         LLM calls made, answered from the reply cache, items answered wholly from it
    summary       {"overall": metrics, "by_tag": {tag: metrics}} (see qa.evaluate.metrics)
    calibration   support buckets -> answers and refusals, and the share right (qa.evaluate.calibration)
    errors        items whose endpoint failed (left out of the metrics)
    items         one record per gold item, in gold order
"""

from __future__ import annotations

import hashlib
import json
from collections import Counter
from pathlib import Path
from typing import Any

from qa.errors import InputError
from qa.files import write_atomic
from qa.text.controls import safe_json
from qa.evaluate.calibration import calibration
from qa.evaluate.metrics import ITEM_METRICS, LOWER_IS_BETTER, QUALITY_METRICS, summarize, summarize_by_tag

FORMAT = 1
_EPS = 1e-9


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
        # support buckets -> answers and refusals right (qa.evaluate.calibration)
        "calibration": calibration(ok, fp.get("settings", {}).get("refusal_threshold")),
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
    text = safe_json(head, indent=1)
    if "items" in data:
        items = ",\n".join("  " + safe_json(it) for it in data["items"])
        text = text[:-2] + (",\n" if head else "\n") + f' "items": [\n{items}\n ]\n}}'
    write_text(path, text + "\n")


def write_text(path: Path, text: str) -> None:
    path = Path(path)
    path.parent.mkdir(parents=True, exist_ok=True, mode=0o700)
    write_atomic(path, text)  # 0600: a report holds every question and answer


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
