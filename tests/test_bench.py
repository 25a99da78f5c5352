"""`python -m eval.bench` end to end on a three-document corpus with the instant hash embedder."""

from __future__ import annotations

import json
import subprocess
import sys

import pytest

from support import ROOT, write_bench_docs


def test_benchmark_runs_all_systems_and_writes_json(tmp_path):
    docs = write_bench_docs(tmp_path)
    gold = tmp_path / "gold.jsonl"
    items = [
        {"id": "1", "question": "华强广场项目建成后可创造多少个就业岗位？", "answers": ["1000个"], "unanswerable": False,
         "evidence": ["A"]},
        {"id": "2", "question": "黑河仓储中心每年处理多少万件跨境包裹？", "answers": ["300万件"], "unanswerable": False,
         "evidence": ["B"]},
        {"id": "3", "question": "月球背面的环形山叫什么名字？", "answers": [], "unanswerable": True, "evidence": []},
        {"id": "4", "question": "", "answers": ["x"], "unanswerable": False, "evidence": ["A"]},  # skipped
    ]
    gold.write_text("".join(json.dumps(it, ensure_ascii=False) + "\n" for it in items), encoding="utf-8")
    out = tmp_path / "report.json"
    result = subprocess.run(
        [sys.executable, "-m", "eval.bench", "--corpus", str(docs), "--gold", str(gold), "--name", "tiny",
         "--out", str(out), "--cache", str(tmp_path / "cache"), "--speed", "2", "--set", "embed=hash"],
        cwd=ROOT, capture_output=True, text=True, timeout=300)
    assert result.returncode == 0, result.stderr
    assert "| (e) ours |" in result.stdout and "ratio of p50s" in result.stdout
    report = json.loads(out.read_text(encoding="utf-8"))
    assert report["questions"] == 3 and report["unanswerable"] == 1 and report["docs"] == 3
    systems = {row["system"]: row["scores"] for row in report["systems"]}
    assert list(systems) == ["(a) bm25-bigram", "(b) dense", "(c) hybrid", "(d) llama-index", "(e) ours"]
    for scores in systems.values():
        assert {"doc@1", "doc@5", "mrr@10", "chunk@1", "chunk@5", "ans@1", "chars", "refuse_r", "ms"} <= set(scores)
    ours = systems["(e) ours"]
    assert ours["chunk@5"] == 1.0 and ours["ans@1"] == 1.0 and ours["refuse_r"] == 1.0
    assert report["speed"]["questions"] == 2 and report["machine"]


@pytest.mark.slow
def test_gap_grid_tunes_slot_factors_on_a_set_with_near_misses(tmp_path):
    """`tune_answer --gaps`: the store is built, every question answered with the checks listed but
    not applied, and the grid's best row refuses the near miss without refusing the answerable one."""
    for name in ("dev", "check"):
        write_bench_docs(tmp_path / name, "AB")
        items = [
            {"id": "1", "question": "华强广场项目建成后可创造多少个就业岗位？", "answers": ["1000个"], "evidence": ["A"]},
            {"id": "2", "question": "黑河国欧物流仓储中心每年处理多少万件跨境包裹？", "answers": ["300万件"], "evidence": ["B"]},
            {"id": "3", "question": "华强广场的总建筑面积是多少？", "answers": [], "unanswerable": True, "evidence": []},
        ]
        (tmp_path / name / "gold.jsonl").write_text(
            "".join(json.dumps(it, ensure_ascii=False) + "\n" for it in items), encoding="utf-8")
    result = subprocess.run(
        [sys.executable, "-m", "eval.bench.tune_answer", "--gaps", "--fit", str(tmp_path / "dev"),
         "--check", str(tmp_path / "check"), "--cache", str(tmp_path / "cache"), "--set", "embed=hash"],
        cwd=ROOT, capture_output=True, text=True, timeout=600)
    assert result.returncode == 0, result.stderr
    lines = result.stdout.splitlines()
    header = next(i for i, line in enumerate(lines) if line.strip().startswith("gap factors (focus"))
    best = lines[header + 1]
    assert "recall near misses 1.000" in best and "false refusals 0.000 (dev), 0.000 (answerable-only)" in best
