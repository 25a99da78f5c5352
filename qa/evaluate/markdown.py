"""An evaluation report as Markdown, for a pull-request comment; `headline`, `metric_rows` and
`latency_line` are shared with the terminal table (`qa.render.print_eval`)."""

from __future__ import annotations

from pathlib import Path
from typing import Any

from qa.evaluate.calibration import CALIBRATION_COLUMNS, calibration_note, calibration_rows
from qa.evaluate.metrics import QUALITY_METRICS
from qa.text.controls import safe


def fmt(value: Any) -> str:
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
        rows.append((name, fmt(overall.get(name)), fmt(d["baseline"]) if d else "", delta))
    return rows


def latency_line(report: dict[str, Any]) -> str:
    lat = report["summary"]["overall"].get("latency_ms", {})
    return ", ".join(f"{stage.removesuffix('_ms')} {v['p50']:.1f}/{v['p95']:.1f}" for stage, v in lat.items())


TAG_COLUMNS = ("items", "accuracy", "contains", "f1", "hit@1", "hit@k", "citation_precision", "refusal_recall",
               "false_refusal_rate")


def calibration_markdown(report: dict[str, Any]) -> list[str]:
    """The calibration table (support bucket -> answers and refusals, share right), or nothing for a
    report written before it was kept."""
    table = report.get("calibration")
    if not table:
        return []
    lines = ["", "**Calibration** (answers / refusals by support; right: the share that were right)", "",
             "| " + " | ".join(CALIBRATION_COLUMNS) + " |", "|---|---:|---:|---:|---:|"]
    lines += ["| " + " | ".join(row) + " |" for row in calibration_rows(table)]
    note = calibration_note(table)
    return lines + (["", note + "."] if note else [])


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
    lines += calibration_markdown(report)
    by_tag = report["summary"]["by_tag"]
    if by_tag:
        lines += ["", "<details><summary>By tag</summary>", "", "| tag | " + " | ".join(TAG_COLUMNS) + " |",
                  "|---|" + "---:|" * len(TAG_COLUMNS)]
        lines += [f"| {tag} | " + " | ".join(fmt(m.get(c)) for c in TAG_COLUMNS) + " |" for tag, m in by_tag.items()]
        lines += ["", "</details>"]
    # Questions and ids come from the gold file: a PR comment or a terminal `cat` must not obey them.
    return safe("\n".join(lines)) + "\n"
