"""`python -m eval.bench.passages` end to end: a three-document corpus with the real (local)
embedder, every answerable question classed once per settings variant."""

from __future__ import annotations

import json
import subprocess
import sys

import pytest
from support import ROOT, write_bench_docs


@pytest.mark.slow
def test_every_answerable_question_is_classed_once_per_variant(tmp_path):
    docs = write_bench_docs(tmp_path)
    gold = tmp_path / "gold.jsonl"
    items = [
        {"id": "1", "question": "华强广场项目建成后可创造多少个就业岗位？", "answers": ["1000个"], "evidence": ["A"]},
        {"id": "2", "question": "黑河仓储中心每年处理多少万件跨境包裹？", "answers": ["300万件"], "evidence": ["B"]},
        # Answerable by the gold, but its answer is in no article: never "right", whatever the variant.
        {"id": "3", "question": "脑机接口产业生态由几个部门构建？", "answers": ["九个部门"], "evidence": ["C"]},
        {"id": "4", "question": "月球背面的环形山叫什么名字？", "answers": [], "unanswerable": True, "evidence": []},
    ]
    gold.write_text("".join(json.dumps(it, ensure_ascii=False) + "\n" for it in items), encoding="utf-8")
    out = tmp_path / "report.json"
    result = subprocess.run(
        [sys.executable, "-m", "eval.bench.passages", "--corpus", "tiny", str(docs), str(gold),
         "--vary", "top_k=1,rerank=0", "--stores", str(tmp_path / "stores"), "--cache", str(tmp_path / "cache"),
         "--out", str(out)],
        check=False, cwd=ROOT, capture_output=True, text=True, timeout=300)
    assert result.returncode == 0, result.stderr
    rows = json.loads(out.read_text(encoding="utf-8"))
    assert [r["vary"] for r in rows] == ["defaults", "top_k=1,rerank=0"]
    for row in rows:
        assert row["n"] == 3 and sum(row["classes"].values()) == 3
        assert row["classes"]["right"] == 2 and row["ans@1"] == round(2 / 3, 4)
        assert "refuse_r" in row  # the gold has an unanswerable question
    assert "refused/first" in result.stderr and "tiny" in result.stderr
