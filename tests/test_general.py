"""`eval/bench/general.py`, the leave-one-corpus-out protocol: its corpus families, a fold per
family, the figures it scores by arithmetic, and each set's own refusal floor."""

from __future__ import annotations

import json
from dataclasses import replace

import pytest

from support import ROOT


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
    from eval.bench.general import Corpus, open_set, run, table
    from eval.bench.run import contains_answer, load_gold
    from qa.ask import ask

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


@pytest.mark.slow  # ~4 s on the stores the test above built
def test_a_family_is_left_out_as_a_whole_and_scored_pooled(tiny_sets):
    """zh_a and zh_b as one corpus: one fold leaves both out (fitted on en and the near misses alone),
    its figures are its sets' questions pooled, each set's are kept beside them, the check set is
    reported pooled under its corpus, and the report is written after every fold. `folds="set"`
    keeps the per-set protocol."""
    from eval.bench.general import run, table

    sets, stores = tiny_sets
    zh = [replace(c, family="Chinese") for c in sets[:2]]
    check = replace(sets[1], name="zh_b_check", check=True, family="Chinese")
    written = []
    report = run([*zh, *sets[2:], check], stores, steps=20, written=lambda r: written.append(json.loads(json.dumps(r))))
    assert [(f["left_out"], f["sets"]) for f in report["folds"]] == [("Chinese", ["zh_a", "zh_b"]), ("en", ["en"])]
    chinese = report["folds"][0]
    assert chinese["before"]["questions"] == 4 and set(chinese["per_set"]) == {"zh_a", "zh_b"}
    right = sum(s["before"]["ans@1"] * s["before"]["answerable"] for s in chinese["per_set"].values())
    assert chinese["before"]["ans@1"] == pytest.approx(right / 4)
    assert "zh_a" not in chinese["recall_floor"] and set(chinese["window_accuracy"]["defaults"]) == {"en"}
    [(corpus, names)] = [(c["corpus"], c["sets"]) for c in report["checks_by_corpus"]]
    assert (corpus, names) == ("Chinese", ["zh_b_check"])
    assert [(len(w["folds"]), w["complete"]) for w in written] == [(1, False), (2, False), (2, True)]
    assert table(report).count("\n| ") == 4 and "| Chinese (2 sets) |" in table(report)
    by_set = run([*zh, *sets[2:]], stores, steps=20, folds="set")
    assert [f["left_out"] for f in by_set["folds"]] == ["zh_a", "zh_b", "en"]


def test_every_development_set_is_in_one_family_and_no_check_set_in_any():
    """The default sets: each development set left out with exactly one corpus family, the check sets
    in no family's fit (reported under theirs), the near misses and swaps in every fit, and every
    set's files where the protocol reads them (the CMRC and DRCD sets live outside the repository)."""
    from eval.bench.general import FAMILIES, default_sets

    sets = default_sets(ROOT / "no-bench", ROOT / "no-work", swaps=False)
    names = [c.name for c in sets]
    assert len(names) == len(set(names))
    assert list(FAMILIES) == ["cmrc_trial", "cmrc_train30", "drcd_test", "seed", "English", "Spanish", "translated Chinese"]
    for c in sets:
        if c.check:
            assert c.corpus in ("English", "Spanish", "translated Chinese") and c.name not in FAMILIES[c.corpus]
        elif c.held_out:
            assert [f for f, members in FAMILIES.items() if c.name in members] == [c.corpus]
        else:
            assert c.name.endswith("_nearmiss") and not c.family  # in every fit, its own name
        if not c.check and not c.name.startswith(("cmrc_", "drcd_", "train30_")):  # checks: not even looked at
            assert c.docs.is_dir() and c.gold.is_file(), c.name
    prefix = {"English": ("en_",), "Spanish": ("es_",), "translated Chinese": ("zh_",)}
    for family, start in prefix.items():
        assert all(n.startswith(start) for n in FAMILIES[family])
    assert {c.name for c in sets if c.real} == {"seed"}


@pytest.mark.parametrize("rows, threshold, expected", [
    # (support, gaps, answerable, ok, chars) per question -> ans@1, false refusals, recall, score
    ([(0.9, [], True, True, 50), (0.9, [], True, False, 70)], 0.25, (0.5, 0.0, None, 0.5)),
    ([(0.2, [], True, True, 50), (0.9, [], True, True, 70)], 0.25, (0.5, 0.5, None, 0.5 - 2 * 0.45)),
    ([(0.9, ["focus"], False, False, 50), (0.9, ["event"], True, True, 70)], 0.25, (1.0, 0.0, 1.0, 1.0)),
    ([(0.9, ["event"], True, True, 50), (0.9, ["event", "event"], True, True, 70)], 0.25, (0.5, 0.5, None, 0.5 - 2 * 0.45)),
])
def test_set_figures_refuse_by_support_times_gap_factors(rows, threshold, expected):
    """ans@1 counts a refusal as a miss; a gap multiplies support by its factor (event 0.4: once
    0.36 is kept, twice 0.144 refused); the score loses two points per point of false refusals over 5%.
    The same rows split in two sets and joined (a family's figures) score the same."""
    from eval.bench.general import Scored
    from eval.bench.tune_answer import Answered
    from qa.answer.params import DEFAULTS

    answered = [Answered(a, s, g, ok, n) for s, g, a, ok, n in rows]
    factors = {**DEFAULTS.gap_factors, "focus": 0.0, "event": 0.4}
    kinds = list(DEFAULTS.gap_factors)
    for scored in (Scored(answered, kinds), Scored.joined([Scored(answered[:1], kinds), Scored(answered[1:], kinds)])):
        fig = scored.figures(factors, threshold)
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


def test_a_corpus_is_scored_with_its_sets_pooled():
    """The worst corpus, not the worst set: two sets of one corpus, one all right and one all wrong,
    score as their pooled questions (0.5), where alone the worse would count (0)."""
    from eval.bench.general import Scored, fit_objective
    from eval.bench.tune_answer import Answered
    from qa.answer.params import DEFAULTS

    kinds = list(DEFAULTS.gap_factors)
    scored = {"a": Scored([Answered(True, 0.9, [], True, 60)], kinds),
              "b": Scored([Answered(True, 0.9, [], False, 60)], kinds)}
    by_set = fit_objective(scored, ["a", "b"], {})
    by_corpus = fit_objective(scored, ["a", "b"], {}, units={"family": ["a", "b"]})
    assert by_set(dict(DEFAULTS.gap_factors), 0.25) == 0.0
    assert by_corpus(dict(DEFAULTS.gap_factors), 0.25) == pytest.approx(0.5)
