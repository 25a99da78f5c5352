"""`python -m eval.bench.ingest` and `python -m eval.bench.remote` end to end on a tiny corpus, and
the ingest benchmark's claim that its raw run embeds exactly the texts `qa ingest` embeds."""

from __future__ import annotations

import json
import subprocess
import sys

import pytest

from support import ROOT, SEEDS
from support.cli import run_qa


def _corpus(folder):
    folder.mkdir()
    (folder / "A.txt").write_text("华强广场\n\n华强广场项目总投资约20亿元。项目建成后可创造1000个就业岗位。"
                                  "签约率达98%，计划明年1月开业。", encoding="utf-8")
    (folder / "B.txt").write_text("黑河物流\n\n黑河国欧物流仓储中心投入使用。中心每年处理跨境包裹300万件。", encoding="utf-8")
    (folder / "C.md").write_text("# 脑机接口\n\n工信部等7部门联合印发实施意见。\n\n## 目标\n\n明确至2030年构建产业生态。",
                                 encoding="utf-8")
    # The same bytes as A under another name: ingest stores it once, so the raw run must too.
    (folder / "D.txt").write_bytes((folder / "A.txt").read_bytes())
    return folder


def _ingest_chunks(docs, store) -> int:
    """Chunks `qa ingest --json` reports for `docs` in a store of its own."""
    done = run_qa("ingest", *docs, "--store", store, "--json", env={"QA_EMBED": "hash"}, timeout=120)
    assert done.returncode == 0, done.stderr
    return json.loads(done.stdout)["chunks"]


def test_raw_texts_are_the_texts_ingest_embeds(tmp_path, monkeypatch):
    from qa.config import load_settings
    from qa.embed import HashEmbedding
    from qa.ingest.pipeline import ingest

    monkeypatch.syspath_prepend(str(ROOT))  # `eval` is not installed; `python -m pytest` from elsewhere must find it
    from eval.bench.ingest import chunk_texts, corpus_files

    class Recording(HashEmbedding):
        def get_text_embedding_batch(self, texts, *args, **kwargs):
            seen.extend(texts)
            return super().get_text_embedding_batch(texts, *args, **kwargs)

    seen: list[str] = []
    files = corpus_files(_corpus(tmp_path / "docs"), None)
    report = ingest(files, load_settings({"store": str(tmp_path / "store"), "embed": "hash"}, env={}),
                    embedder=Recording())
    assert report.chunks == len(seen) > 3
    assert chunk_texts(files) == seen
    assert all(t.startswith(("title: 华强广场", "title: 黑河物流", "title: 脑机接口")) for t in seen)


@pytest.mark.slow
def test_ingest_benchmark_writes_its_table_and_json(tmp_path):
    docs = _corpus(tmp_path / "docs")
    out = tmp_path / "ingest.json"
    result = subprocess.run([sys.executable, "-m", "eval.bench.ingest", "--corpus", str(docs), "--docs", "3",
                             "--embed", "hash", "--runs", "2", "--adds", "2", "--out", str(out)],
                            cwd=ROOT, capture_output=True, text=True, timeout=300)
    assert result.returncode == 0, result.stderr
    assert "| qa ingest (fresh store, whole process) |" in result.stdout and "| import chromadb |" in result.stdout
    report = json.loads(out.read_text(encoding="utf-8"))
    expected = _ingest_chunks(sorted(docs.iterdir())[:3], tmp_path / "check")
    assert report["files"] == 3 and report["embed"] == "hash" and report["machine"]
    assert report["ingest"]["chunks"] == report["raw"]["chunks"] == expected
    assert report["raw"]["embedder"] == "HashEmbedding"
    for part in ("ingest", "raw"):
        assert len(report[part]["runs_s"]) == 2 and min(report[part]["runs_s"]) > 0
        assert min(report[part]["runs_s"]) <= report[part]["seconds"] <= max(report[part]["runs_s"])
        assert report[part]["chunks_per_s"] == pytest.approx(expected / report[part]["seconds"], rel=0.02)
    added = report["add_one_file"]
    assert len(added["runs_s"]) == len(added["import_chromadb_runs_s"]) == 2
    assert min(added["runs_s"]) <= added["median_s"] <= max(added["runs_s"])
    # The 2.5 s target is for the local embedder only.
    assert [t["target"].split()[0] for t in report["targets"]] == ["ingest"]


@pytest.mark.slow
def test_remote_benchmark_starts_both_servers_and_compares_modes(tmp_path):
    docs = _corpus(tmp_path / "docs")
    gold = tmp_path / "gold.jsonl"
    questions = ["华强广场项目可以创造多少个就业岗位?", "工信部联合了几个部门印发脑机接口实施意见?", "上海的脑机接口政策是什么?"]
    gold.write_text("".join(json.dumps({"question": q}, ensure_ascii=False) + "\n" for q in questions), encoding="utf-8")
    out = tmp_path / "remote.json"
    result = subprocess.run([sys.executable, "-m", "eval.bench.remote", "--corpus", str(docs), "--docs", "0",
                             "--seeds", str(SEEDS), "--gold", str(gold), "--passes", "1", "--out", str(out)],
                            cwd=ROOT, capture_output=True, text=True, timeout=600)
    assert result.returncode == 0, result.stderr
    assert "| qa ingest, server, QA_EMBED_CONCURRENCY=4 |" in result.stdout
    report = json.loads(out.read_text(encoding="utf-8"))
    expected = _ingest_chunks(sorted(docs.iterdir()), tmp_path / "check")
    assert report["files"] == 4 and report["chunks"] == expected and report["embed_model"]
    assert [r["run"] for r in report["ingest"]] == ["embedded (local chroma, local embedder)",
                                                   "server, QA_EMBED_CONCURRENCY=1", "server, QA_EMBED_CONCURRENCY=4"]
    assert all(r["chunks"] == expected and r["chunks_per_s"] > 0 for r in report["ingest"])
    assert [s["in_flight"] for s in report["server_alone"]] == [1, 4]
    agree = report["agreement"]
    assert agree["questions"] == 3 and agree["embed"] == "hash"
    assert agree["same_top_k"] == 3 and agree["mean_overlap"] == 1.0
    assert all(agree["latency_ms"][m]["p95"] >= agree["latency_ms"][m]["p50"] > 0 for m in ("embedded", "server"))
