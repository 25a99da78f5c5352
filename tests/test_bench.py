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


def _write_set(folder, docs: dict[str, str], items: list[dict]):
    (folder / "docs").mkdir(parents=True)
    for name, text in docs.items():
        (folder / "docs" / f"{name}.txt").write_text(text, encoding="utf-8")
    (folder / "gold.jsonl").write_text("".join(json.dumps(it, ensure_ascii=False) + "\n" for it in items),
                                       encoding="utf-8")
    return folder


@pytest.fixture(scope="module")
def tiny_sets(tmp_path_factory):
    """Three tiny corpora (two Chinese, one English) and near misses over the first: the protocol's shape."""
    from eval.bench.general import Corpus

    root = tmp_path_factory.mktemp("general")
    zh = {"A": "华强广场\n\n华强广场项目总投资约20亿元。项目建成后可创造1000个就业岗位。",
          "B": "黑河物流\n\n黑河国欧物流仓储中心投入使用。中心每年处理跨境包裹300万件。"}
    a = _write_set(root / "zh_a", zh, [
        {"id": "1", "question": "华强广场项目建成后可创造多少个就业岗位？", "answers": ["1000个"], "evidence": ["A"]},
        {"id": "2", "question": "黑河国欧物流仓储中心每年处理多少万件跨境包裹？", "answers": ["300万件"], "evidence": ["B"]}])
    b = _write_set(root / "zh_b", {"C": "脑机接口\n\n工信部等7部门联合印发实施意见。意见明确至2030年构建具有国际竞争力的产业生态。"}, [
        {"id": "1", "question": "实施意见明确到哪一年构建产业生态？", "answers": ["2030年"], "evidence": ["C"]},
        {"id": "2", "question": "几个部门联合印发了实施意见？", "answers": ["7部门"], "evidence": ["C"]}])
    en = _write_set(root / "en", {"D": "Northfield hospital\n\nNorthfield opened a new hospital wing on Monday. "
                                       "The wing has 120 beds and cost $45 million."}, [
        {"id": "1", "question": "How many beds does the new wing have?", "answers": ["120 beds"], "evidence": ["D"]},
        {"id": "2", "question": "How much did the wing cost?", "answers": ["$45 million"], "evidence": ["D"]},
        {"id": "3", "question": "Who is the chief surgeon of the new wing?", "answers": [], "unanswerable": True}])
    near = root / "near.jsonl"
    near.write_text(json.dumps({"id": "n1", "question": "华强广场的总建筑面积是多少？", "answers": [], "unanswerable": True},
                               ensure_ascii=False) + "\n", encoding="utf-8")
    sets = [Corpus("zh_a", a / "docs", a / "gold.jsonl"), Corpus("zh_b", b / "docs", b / "gold.jsonl"),
            Corpus("en", en / "docs", en / "gold.jsonl"), Corpus("near", a / "docs", near, held_out=False)]
    return sets, root / "stores"


@pytest.mark.slow  # ~8 s: three stores built (chromadb), four fits
def test_leave_one_corpus_out_reports_every_corpus_left_out_once(tiny_sets):
    """`eval/bench/general.py` on three tiny corpora: one fold per corpus (never the near misses,
    which are in every fit), DEFAULTS' figures are what `qa.ask.ask` answers, and "worst" is the
    lowest left-out score."""
    from eval.bench.general import open_set, run, table
    from eval.bench.run import contains_answer, load_gold
    from qa.ask import ask

    from eval.bench.general import Corpus

    sets, stores = tiny_sets
    check = Corpus("zh_b_check", sets[1].docs, sets[1].gold, check=True)  # zh_b again, as a set never fitted on
    report = run([*sets, check], stores, steps=20)
    assert [f["left_out"] for f in report["folds"]] == ["zh_a", "zh_b", "en"]  # a check set is never a fold
    [checked] = report["checks"]
    assert checked["set"] == "zh_b_check" and checked["before"] == report["folds"][1]["before"]  # DEFAULTS, same questions
    for fold, corpus in zip(report["folds"], sets):
        settings, store, embedder = open_set(corpus.docs, stores, False, stores)
        answers = [(it, ask(it.question, settings, store=store, embedder=embedder, mode="extractive"))
                   for it in load_gold(corpus.gold)]
        answerable = [(it, a) for it, a in answers if not it.unanswerable]
        before = fold["before"]
        assert before["ans@1"] == sum(not a.refused and contains_answer(a.answer, it.answers)
                                      for it, a in answerable) / len(answerable)
        assert before["false_refusals"] == sum(a.refused for _, a in answerable) / len(answerable)
        assert before["answerable"] + before["unanswerable"] == len(answers)
        assert 0.1 <= fold["threshold"] <= 0.4 and fold["weights_from"] in ("defaults", "pooled", "per corpus")
    assert report["folds"][2]["before"]["refusal_recall"] == 1.0  # the chief surgeon is refused
    assert report["worst_before"] == min(f["before"]["score"] for f in report["folds"])
    assert report["worst_after"] == min(f["after"]["score"] for f in report["folds"])
    assert report["adopt"] == (report["worst_after"] > report["worst_before"])
    assert set(report["in_sample"]) == {"zh_a", "zh_b", "en", "near"}
    assert table(report).count("\n| ") == 5  # a row per corpus left out, the worst, the check set


@pytest.mark.parametrize("rows, threshold, expected", [
    # (support, gaps, answerable, ok, chars) per question -> ans@1, false refusals, recall, score
    ([(0.9, [], True, True, 50), (0.9, [], True, False, 70)], 0.25, (0.5, 0.0, None, 0.5)),
    ([(0.2, [], True, True, 50), (0.9, [], True, True, 70)], 0.25, (0.5, 0.5, None, 0.5 - 2 * 0.45)),
    ([(0.9, ["focus"], False, False, 50), (0.9, ["event"], True, True, 70)], 0.25, (1.0, 0.0, 1.0, 1.0)),
    ([(0.9, ["event"], True, True, 50), (0.9, ["event", "event"], True, True, 70)], 0.25, (0.5, 0.5, None, 0.5 - 2 * 0.45)),
])
def test_set_figures_refuse_by_support_times_gap_factors(rows, threshold, expected):
    """ans@1 counts a refusal as a miss; a gap multiplies support by its factor (event 0.4: once
    0.36 is kept, twice 0.144 refused); the score loses two points per point of false refusals over 5%."""
    from eval.bench.general import Scored
    from eval.bench.tune_answer import Answered
    from qa.answer.params import DEFAULTS

    scored = Scored([Answered(a, s, g, ok, n) for s, g, a, ok, n in rows], list(DEFAULTS.gap_factors))
    fig = scored.figures({**DEFAULTS.gap_factors, "focus": 0.0, "event": 0.4}, threshold)
    got = (fig["ans@1"], fig["false_refusals"], fig["refusal_recall"], fig["score"])
    assert got == pytest.approx(expected)


def test_each_set_keeps_its_own_refusal_floor():
    """An answer may not be bought with a near miss answered in a small set, however many unanswerable
    questions another set keeps refused: each set's recall has its own floor (general.fit_objective)."""
    from eval.bench.general import Scored, fit_objective
    from eval.bench.tune_answer import Answered
    from qa.answer.params import DEFAULTS

    kinds = list(DEFAULTS.gap_factors)
    factors = {**DEFAULTS.gap_factors, "focus": 0.0}
    scored = {"zh_near": Scored([Answered(False, 0.9, ["focus"], False, 40)] * 10, kinds),
              "en": Scored([Answered(True, 0.2, [], True, 60), Answered(False, 0.2, [], False, 60)], kinds)}
    pooled = fit_objective(scored, ["zh_near", "en"], {("zh_near", "en"): 1.0})
    apart = fit_objective(scored, ["zh_near", "en"], {("zh_near",): 1.0, ("en",): 1.0})
    assert pooled(factors, 0.1) > pooled(factors, 0.25)  # one pooled floor: 10 of 11 refused is near enough
    assert apart(factors, 0.1) < apart(factors, 0.25)  # its own floor: the English near miss must stay refused
