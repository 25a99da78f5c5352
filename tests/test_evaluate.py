"""`qa eval` through the real CLI: gold validation, baseline gates and exit codes, resuming an
interrupted run, LLM mode against the scripted OpenAI-compatible server (reply cache, bounded
concurrency, judge), and a realistic run over the seed store."""

from __future__ import annotations

import json
import re
import subprocess
import threading
import time
from pathlib import Path

import pytest
from typer.testing import CliRunner

from support import ROOT
from support.cli import invoke, start_qa
from qa.cli import app
from qa.evaluate.gold import GoldError, load_gold
from qa.text.tokens import normalize_answer

runner = CliRunner()
PASSAGE = re.compile(r'<passage n="(\d+)" title="[^"]*" source="[^"]*">\n(.*?)\n</passage>', re.S)

# Answerable items with answers and snippets taken from the seed page, and two it does not answer.
GOLD = [
    {"id": "jobs", "question": "华强广场项目可以创造多少个就业岗位?", "answers": ["1000个", "1000"],
     "unanswerable": False, "evidence": ["可创造1000个就业岗位"], "tags": ["number"]},
    {"id": "bci-year", "question": "《关于推动脑机接口产业创新发展的实施意见》明确到哪一年构建具有国际竞争力的产业生态?",
     "answers": ["2030年"], "unanswerable": False, "evidence": ["明确至2030年构建具有国际竞争力的产业生态"],
     "tags": ["date"]},
    {"id": "bci-depts", "question": "工信部等几个部门联合印发了脑机接口实施意见?", "answers": ["7部门", "7"],
     "unanswerable": False, "evidence": ["工信部等7部门联合印发"], "tags": ["number"]},
    {"id": "occupancy", "question": "湾里庙步行街盘活周边闲置物业后整体出租率提升至多少?", "answers": ["98.8%"],
     "unanswerable": False, "evidence": ["整体出租率提升至98.8%"], "tags": ["number"]},
    {"id": "no-ceo", "question": "华强广场项目的总经理叫什么名字?", "answers": [], "unanswerable": True,
     "evidence": [], "tags": ["unanswerable"]},
    {"id": "no-budget", "question": "How many billion yuan did the Huaqiang Plaza project cost?", "answers": [],
     "unanswerable": True, "evidence": [], "tags": ["unanswerable", "en"]},
]


def write_gold(path: Path, items=GOLD) -> Path:
    path.write_text("".join(json.dumps(it, ensure_ascii=False) + "\n" for it in items), encoding="utf-8")
    return path


@pytest.fixture
def gold(tmp_path) -> Path:
    return write_gold(tmp_path / "gold.jsonl")


def run(args: list[str], store: Path, **env: str):
    return invoke("eval", *args, "--store", store, env={"QA_EMBED": "hash", **env})


def read(path: Path) -> dict:
    return json.loads(Path(path).read_text(encoding="utf-8"))


# -- gold validation ------------------------------------------------------------------------------
BAD_LINES = [
    '{"id": "a", "question": "fine?", "answers": ["x"]}',  # 1: good
    '',  # 2: blank lines are skipped
    '{"id": "b", "question": "q?", "answers": "x"}',  # 3: answers not a list
    '{"id": "c" "question": "q?"}',  # 4: not JSON
    '{"question": "who?", "answers": ["x"]}',  # 5: no id
    '{"id": "a", "question": "again?", "answers": ["x"]}',  # 6: duplicate of line 1
    '{"id": "d", "question": "q?", "answers": [], "unanswerable": false}',  # 7: answerable without answers
    '{"id": "e", "question": "q?", "answers": ["x"], "unanswerable": true}',  # 8: unanswerable with answers
    '{"id": "f", "question": "q?", "answer": ["x"]}',  # 9: misspelt field
    '[1, 2]',  # 10: not an object
    '{"id": "g", "question": "  ", "answers": ["x"], "tags": ["ok", 3]}',  # 11: empty question, bad tag
]


def test_every_bad_line_is_reported_with_file_and_line(tmp_path, hash_store):
    path = tmp_path / "bad.jsonl"
    path.write_text("\n".join(BAD_LINES) + "\n", encoding="utf-8")
    with pytest.raises(GoldError) as err:
        load_gold(path)
    problems = err.value.problems
    assert [p.split(": ", 1)[0] for p in problems] == [f"{path}:{n}" for n in (3, 4, 5, 6, 7, 8, 9, 10, 11, 11)]
    assert "'answers' must be a list of strings" in problems[0]
    assert "not valid JSON" in problems[1]
    assert "missing 'id'" in problems[2]
    assert "duplicate id 'a' (first at line 1)" in problems[3]
    assert "needs at least one entry in 'answers'" in problems[4]
    assert "must have no 'answers'" in problems[5]
    assert "unknown field 'answer'" in problems[6]
    assert "expected a JSON object" in problems[7]

    out = tmp_path / "r.json"
    result = run([path, "--out", out], hash_store)
    assert result.exit_code == 2
    for problem in problems:
        assert problem in result.stderr.splitlines()
    assert "10 bad lines" not in result.stderr and "9 bad lines" in result.stderr
    assert not out.exists()  # nothing ran


def test_a_missing_gold_file_or_store_is_one_line(tmp_path, gold):
    result = run([tmp_path / "nope.jsonl"], tmp_path / "store")
    assert result.exit_code == 2 and "no such gold file" in result.stderr
    result = run([gold], tmp_path / "store")
    assert result.exit_code == 1 and "No store at" in result.stderr


# -- baseline, gates, exit codes ------------------------------------------------------------------
def test_baseline_comparison_passes_fails_and_rejects_bad_input(tmp_path, hash_store, gold):
    base = tmp_path / "base.json"
    first = run([gold, "--out", base, "--mode", "extractive"], hash_store)
    assert first.exit_code == 0, first.output
    baseline = read(base)
    correct = {r["id"] for r in baseline["items"] if r["metrics"]["correct"]}
    answered = {r["id"] for r in baseline["items"] if r["metrics"]["answerable"] and r["metrics"]["correct"]}
    assert answered, "the hash store should answer some seed questions"

    # Same code, same store: nothing moved.
    same = run([gold, "--out", tmp_path / "same.json", "--baseline", base, "--markdown", tmp_path / "same.md"],
               hash_store)
    assert same.exit_code == 0, same.output
    comparison_md = (tmp_path / "same.md").read_text(encoding="utf-8")
    assert "passed" in comparison_md and "| contains |" in comparison_md and "FAIL" not in same.output

    # A change that makes the answerer refuse everything: answered items flip and the gate fails.
    worse = run([gold, "--out", tmp_path / "worse.json", "--baseline", base, "--markdown", tmp_path / "worse.md"],
                hash_store, QA_REFUSAL_THRESHOLD="1.5")
    assert worse.exit_code == 1, worse.output
    assert re.search(r"FAIL contains fell \d\.\d{3} -> 0\.000", worse.output)
    assert "false_refusal_rate rose" in worse.output
    flipped = {line.split()[3] for line in worse.output.splitlines() if line.startswith("correct -> wrong")}
    assert flipped == answered
    md = (tmp_path / "worse.md").read_text(encoding="utf-8")
    assert "failed" in md and all(f"`{i}`" in md for i in answered)

    # The reverse: the old run refused everything, this one answers: improvements pass.
    better = run([gold, "--out", tmp_path / "better.json", "--baseline", tmp_path / "worse.json"], hash_store)
    assert better.exit_code == 0, better.output
    back = {line.split()[3] for line in better.output.splitlines() if line.startswith("wrong -> correct")}
    assert back == answered and correct >= back

    # --fail-under bounds.
    assert run([gold, "--out", tmp_path / "g.json", "--fail-under", "accuracy=0"], hash_store).exit_code == 0
    high = run([gold, "--out", tmp_path / "g.json", "--fail-under", "accuracy=1.01"], hash_store)
    assert high.exit_code == 1 and "accuracy" in high.output and "under --fail-under 1.01" in high.output

    # Bad input is exit 2, before anything runs.
    for args, message in (
            (["--baseline", tmp_path / "missing.json"], "no such baseline report"),
            (["--baseline", gold], "not a readable JSON report"),
            (["--fail-under", "speed=1"], "expected METRIC=VALUE"),
            (["--fail-under", "f1=high"], "is not a number"),
            (["--mode", "psychic"], "'psychic' is not one of"),
            (["--mode", "llm"], "needs a chat model")):
        result = run([gold, "--out", tmp_path / "bad.json", *args], hash_store)
        assert result.exit_code == 2 and message in result.stderr, (args, result.output)
    (tmp_path / "list.json").write_text("[1, 2]", encoding="utf-8")
    assert run([gold, "--baseline", tmp_path / "list.json"], hash_store).exit_code == 2
    old_format = read(base)
    del old_format["items"][0]["metrics"]["correct"]  # a report from a version that scored differently
    (tmp_path / "old.json").write_text(json.dumps(old_format), encoding="utf-8")
    result = run([gold, "--baseline", tmp_path / "old.json"], hash_store)
    assert result.exit_code == 2 and "regenerate the baseline" in result.stderr


def test_tolerance_lets_a_small_drop_pass(tmp_path, hash_store, gold):
    base = tmp_path / "base.json"
    assert run([gold, "--out", base], hash_store).exit_code == 0
    assert read(base)["summary"]["overall"]["accuracy"] == 1.0
    # The same run against a gold set where one answer no longer matches: accuracy falls by 1/6,
    # contains by 1/4.
    changed = [dict(g, answers=["2000个"]) if g["id"] == "jobs" else g for g in GOLD]
    gold2 = write_gold(tmp_path / "gold2.jsonl", changed)
    strict = run([gold2, "--out", tmp_path / "a.json", "--baseline", base], hash_store)
    assert strict.exit_code == 1 and "accuracy fell 1.000 -> 0.833" in strict.output
    assert "correct -> wrong jobs" in strict.output and "gold file differs from the baseline" in strict.output
    loose = run([gold2, "--out", tmp_path / "b.json", "--baseline", base, "--tolerance", "0.3"], hash_store)
    assert loose.exit_code == 0, loose.output


# -- resume ---------------------------------------------------------------------------------------
def test_resume_keeps_finished_items_after_a_limited_run(tmp_path, hash_store, gold):
    out = tmp_path / "r.json"
    records = tmp_path / "r.records.jsonl"
    assert run([gold, "--out", out, "--limit", "2"], hash_store).exit_code == 0
    first_lines = records.read_text(encoding="utf-8").splitlines()
    assert len(first_lines) == 3 and "run" in json.loads(first_lines[0])

    result = run([gold, "--out", out, "--resume"], hash_store)
    assert result.exit_code == 0, result.output
    report = read(out)
    assert report["run"]["resumed"] == 2 and [r["id"] for r in report["items"]] == [g["id"] for g in GOLD]
    # The kept records are the first run's, timings and all: they were not asked again.
    assert [json.dumps(r, ensure_ascii=False) for r in report["items"][:2]] == \
        [json.dumps(json.loads(line), ensure_ascii=False) for line in first_lines[1:]]

    # Records made with other settings are not mixed in.
    other = run([gold, "--out", out, "--resume", "--k", "2"], hash_store)
    assert other.exit_code == 2 and "different retrieval" in other.stderr
    # Without --resume the records start over.
    assert run([gold, "--out", out, "--limit", "1"], hash_store).exit_code == 0
    assert len(records.read_text(encoding="utf-8").splitlines()) == 2


def _llm_env(server, store: Path) -> dict[str, str]:
    return {"QA_EMBED": "hash", "QA_STORE": str(store), "QA_LLM_MODEL": "test-model",
            "OPENAI_BASE_URL": server.url, "OPENAI_API_KEY": "sk-test-key-0123456789", "QA_LLM_RETRIES": "0"}


def cite_first_passage(body: dict) -> str:
    """A faithful model: the first sentence of passage 1, cited."""
    user = body["messages"][-1]["content"]
    passages = dict(PASSAGE.findall(user))
    if "1" not in passages:
        return "The articles don't say."
    return re.split(r"(?<=[。！？])", passages["1"])[0] + "[1]"


def asked_question(request) -> str:
    user = request.messages[-1]["content"]
    return next(g["id"] for g in GOLD if g["question"] in user)


def test_a_killed_run_resumes_without_asking_finished_items_again(tmp_path, hash_store, gold, openai_server):
    def slow(body):
        time.sleep(0.4)  # slow enough that the process can be killed between items
        return cite_first_passage(body)

    for _ in GOLD:
        openai_server.reply(slow)
    out = tmp_path / "r.json"
    records = tmp_path / "r.records.jsonl"
    proc = start_qa("eval", gold, "--mode", "llm", "--out", out, env=_llm_env(openai_server, hash_store), cwd=tmp_path,
                    text=False, stdout=subprocess.DEVNULL)
    deadline = time.monotonic() + 60
    while time.monotonic() < deadline and proc.poll() is None:
        if records.exists() and len(records.read_text(encoding="utf-8").splitlines()) >= 3:
            break
        time.sleep(0.02)
    proc.kill()
    proc.wait()
    assert proc.returncode != 0, "the run finished before it could be interrupted"
    assert not out.exists()
    finished = [json.loads(line)["id"] for line in records.read_text(encoding="utf-8").splitlines()[1:]]
    assert 2 <= len(finished) < len(GOLD)
    asked_before = len(openai_server.chat_requests())

    openai_server.default_text = ""  # any question asked from now on gets cite_first_passage
    openai_server.steps.clear()
    for _ in GOLD:
        openai_server.reply(cite_first_passage)
    result = runner.invoke(app, ["eval", str(gold), "--mode", "llm", "--out", str(out), "--resume"],
                           env=_llm_env(openai_server, hash_store))
    assert result.exit_code == 0, result.output
    report = read(out)
    assert report["run"]["resumed"] == len(finished)
    assert [r["id"] for r in report["items"]] == [g["id"] for g in GOLD]
    asked_again = {asked_question(r) for r in openai_server.chat_requests()[asked_before:]}
    assert not asked_again & set(finished)
    assert asked_again <= {g["id"] for g in GOLD} - set(finished)


# -- LLM mode -------------------------------------------------------------------------------------
def test_llm_mode_caches_replies_and_bounds_the_requests_in_flight(tmp_path, hash_store, gold, openai_server):
    lock = threading.Lock()
    active = {"now": 0, "max": 0}
    replies: list[tuple[dict, str]] = []

    def model(body):
        with lock:
            active["now"] += 1
            active["max"] = max(active["max"], active["now"])
        time.sleep(0.3)
        # The English question over Chinese passages is also searched as the model renders it
        # in Chinese (qa.answer.crosslingual): one more, short call.
        rendering = "Translated question:" in body["messages"][-1]["content"]
        text = "华强广场项目花费了多少亿元?" if rendering else cite_first_passage(body)
        with lock:
            active["now"] -= 1
            replies.append((body, text))
        return text

    for _ in range(len(GOLD) + 1):
        openai_server.reply(model)
    env = _llm_env(openai_server, hash_store)
    out = tmp_path / "r.json"
    first = runner.invoke(app, ["eval", str(gold), "--mode", "llm", "--concurrency", "3", "--out", str(out)], env=env)
    assert first.exit_code == 0, first.output
    calls = len(openai_server.chat_requests())
    assert calls == len(replies) >= len(GOLD) - 2
    assert 1 < active["max"] <= 3
    report = read(out)
    assert {r["mode"] for r in report["items"]} == {"llm"}
    assert report["cache"] == {"enabled": True, "llm_calls": calls, "hits": 0, "items_from_cache": 0}
    # Tokens as the server counted them (tests/openai_server.py: characters // 2).
    expected = sum(sum(len(m["content"]) for m in body["messages"]) // 2 + max(1, len(text) // 2)
                   for body, text in replies)
    usage = report["summary"]["overall"]["usage"]
    assert usage["total_tokens"] == expected == usage["spent_tokens"]
    jobs = next(r for r in report["items"] if r["id"] == "jobs")
    assert jobs["citations"] and jobs["citations"][0]["n"] == 1 and jobs["answer"].endswith("[1]")

    # Unchanged prompts and retrieval: every reply comes from the cache, nothing is sent.
    again = runner.invoke(app, ["eval", str(gold), "--mode", "llm", "--out", str(tmp_path / "again.json")], env=env)
    assert again.exit_code == 0, again.output
    assert len(openai_server.chat_requests()) == calls
    cached = read(tmp_path / "again.json")
    answered = sum(1 for body, _ in replies if "Translated question:" not in body["messages"][-1]["content"])
    assert cached["cache"]["items_from_cache"] == answered and cached["cache"]["hits"] == calls
    assert [r["answer"] for r in cached["items"]] == [r["answer"] for r in report["items"]]
    assert cached["summary"]["overall"]["usage"]["spent_tokens"] == 0
    assert f"items from the LLM cache {answered} of {len(GOLD)}" in again.output

    # --no-cache asks again.
    for _ in GOLD:
        openai_server.reply(cite_first_passage)
    fresh = runner.invoke(app, ["eval", str(gold), "--mode", "llm", "--no-cache", "--out", str(tmp_path / "f.json")],
                          env=env)
    assert fresh.exit_code == 0, fresh.output
    assert len(openai_server.chat_requests()) == 2 * calls
    assert read(tmp_path / "f.json")["cache"]["items_from_cache"] == 0


def test_judge_scores_are_reported_beside_the_string_metrics(tmp_path, hash_store, gold, openai_server):
    def model(body):
        prompt = body["messages"][-1]["content"]
        if prompt.startswith("You grade one answer"):
            assert "Reference answers:" in prompt and "Cited passages:" in prompt
            return 'Here: {"faithfulness": 1, "correctness": 0.5, "reason": "partly"}'
        return cite_first_passage(body)

    openai_server.default_text = ""
    for _ in range(4 * len(GOLD)):
        openai_server.reply(model)
    env = _llm_env(openai_server, hash_store)
    result = runner.invoke(app, ["eval", str(gold), "--mode", "llm", "--judge", "--out", str(tmp_path / "j.json")],
                           env=env)
    assert result.exit_code == 0, result.output
    report = read(tmp_path / "j.json")
    judged = [r for r in report["items"] if r["judge"]]
    assert judged and all(r["judge"]["correctness"] == 0.5 for r in judged)
    assert len(judged) == sum(not r["refused"] for r in report["items"])
    overall = report["summary"]["overall"]
    assert overall["judge_faithfulness"] == 1.0 and overall["judge_correctness"] == 0.5
    assert "contains" in overall and "f1" in overall

    no_llm = run([gold, "--judge", "--mode", "extractive"], hash_store)
    assert no_llm.exit_code == 2 and "--judge needs a chat model" in no_llm.stderr


def test_an_endpoint_failure_marks_items_failed_and_the_run_exits_1(tmp_path, hash_store, gold, openai_server):
    openai_server.fail(500, "boom", times=50)
    result = runner.invoke(app, ["eval", str(gold), "--mode", "llm", "--out", str(tmp_path / "r.json")],
                           env=_llm_env(openai_server, hash_store))
    assert result.exit_code == 1
    report = read(tmp_path / "r.json")
    assert len(report["errors"]) == len(GOLD) and "re-run with --resume" in result.output
    assert "sk-test-key" not in result.output + json.dumps(report)


# -- a realistic run ------------------------------------------------------------------------------
def test_seed_gold_set_on_the_seed_store(tmp_path, seed_store_dir):
    from qa.prompts import prompt_hashes

    gold = ROOT / "eval" / "gold" / "seed.jsonl"
    out, md = tmp_path / "seed.json", tmp_path / "seed.md"
    result = runner.invoke(app, ["eval", str(gold), "--store", str(seed_store_dir), "--mode", "extractive",
                                 "--limit", "15", "--out", str(out), "--markdown", str(md)])
    assert result.exit_code == 0, result.output
    assert "overall" in result.output and "by tag" in result.output and "hit@1" in result.output
    report = read(out)
    fp = report["fingerprint"]
    assert fp["embedder"] == "local:multilingual-e5-small" and fp["prompts"] == prompt_hashes()
    assert fp["retrieval"] == {"mode": "extractive", "k": 5} and fp["documents"] == 1 and fp["date"]
    assert len(report["items"]) == 15 and report["gold"]["sha256"]
    for item in report["items"]:
        assert [p["rank"] for p in item["retrieved"]] == list(range(1, len(item["retrieved"]) + 1))
        for c in item["citations"]:
            assert {"n", "source", "title", "chunk_id", "text"} <= set(c)
            assert c["chunk_id"] in {p["chunk_id"] for p in item["retrieved"]}
        m = item["metrics"]
        if m["contains"]:
            assert any(normalize_answer(a) in normalize_answer(item["answer"]) for a in item["gold"]["answers"])
        if item["gold"]["evidence"]:
            assert m["evidence_level"] == "snippet"  # the seed gold lists stem, title and snippet
        assert item["timings"]["total_ms"] > 0
    overall = report["summary"]["overall"]
    assert overall["hit@1"] <= overall["hit@k"] and overall["latency_ms"]["total_ms"]["p95"] > 0
    assert "| metric | current |" in md.read_text(encoding="utf-8")
