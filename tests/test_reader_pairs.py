"""`eval/reader/pairs.py` (question, sentence, label) pairs and `eval/reader/rank_eval.py`'s figures:
labels as the eval's contains@1 finds an answer, near misses all 0, only development sets, and
sentence@1 / AUC / refused@half on a toy scorer whose answers are known."""

from __future__ import annotations

import json

import pytest

from eval.reader.pairs import FIELDS, Source, labels, sentences, set_pairs, sources
from eval.reader.rank_eval import Asked, auc, figures, load, measure, refused_at_half

ARTICLE = ("The Northfield General Hospital opened its new east wing on Monday. The wing adds １２０ beds. "
           "It cost $48.5 million, and Dr. Priya Menon directs the hospital.")


@pytest.mark.parametrize(("answers", "expected", "why"), [
    (["120 beds"], [0, 1, 0], ""),                      # full-width digits fold as in contains@1
    (["Priya  Menon"], [0, 0, 1], ""),                  # spaces fold; "Dr." does not end the sentence
    (["$48.5 million", "Monday"], [1, 0, 1], ""),       # any gold answer; each sentence holding one
    (["the NEW EAST WING"], [1, 0, 0], ""),             # case and articles fold
    (["beds. It cost"], [0, 1, 1], ""),                 # across two sentences: both, as a two-sentence window
    (["Monday. The wing adds 120 beds. It cost"], [0, 0, 0], "across sentences"),
    (["a new maternity ward"], [0, 0, 0], "not in the article"),
])
def test_labels(answers, expected, why):
    sents = sentences(ARTICLE)
    assert len(sents) == 3
    assert labels(sents, answers) == (expected, why)


def test_sentences_leave_out_bare_punctuation():
    assert sentences("标题\n\n第一句。\n——\n第二句！") == ["标题", "第一句。", "第二句！"]


def _write(folder, docs: dict[str, str], items: list[dict], gold: str = "gold.jsonl"):
    (folder / "docs").mkdir(parents=True, exist_ok=True)
    for name, text in docs.items():
        (folder / "docs" / f"{name}.txt").write_text(text, encoding="utf-8")
    (folder / gold).write_text("".join(json.dumps(it, ensure_ascii=False) + "\n" for it in items), encoding="utf-8")
    return folder


DOCS = {"h1": "Northfield hospital\n\n" + ARTICLE,
        "f1": "Linden ferry\n\nFerry service across the Linden River resumed on Saturday. The ferry carries 40 cars."}


def test_set_pairs(tmp_path):
    items = [{"id": "q0", "question": "How many beds does the wing add?", "answers": ["120 beds"], "evidence": ["h1"]},
             {"id": "q1", "question": "How many cars does the Linden ferry carry?", "answers": ["40 cars"], "evidence": ["f1"]},
             {"id": "q2", "question": "Who built the Linden ferry?", "answers": [], "unanswerable": True, "evidence": []},
             {"id": "q3", "question": "Who opened the wing?", "answers": ["a mayor"], "evidence": ["h1"]}]
    folder = _write(tmp_path / "en_x", DOCS, items)
    pairs, count = set_pairs(Source("en_x", folder / "docs", folder / "gold.jsonl", "English"), records=None)
    assert all(tuple(p) == FIELDS and p["set"] == "en_x" and p["family"] == "English" for p in pairs)
    by = {}
    for p in pairs:
        by.setdefault(p["qid"], []).append((p["s"], p["label"]))
    assert [m for _, m in by["q0"]] == [0, 1, 0]  # the title is not a sentence; the other sentences are negatives
    assert [m for _, m in by["q1"]] == [0, 1]
    # an unanswerable question without evidence: every sentence of the article it shares most with, all 0
    assert by["q2"] == [(s, 0) for s in sentences(DOCS["f1"].split("\n\n", 1)[1])]
    assert "q3" not in by  # no sentence holds the answer: left out, not made a false unanswerable
    assert count["left out: not in the article"] == 1
    assert (count["answerable"], count["unanswerable"], count["positives"]) == (2, 1, 2)


def test_near_miss_gives_only_zeros(tmp_path):
    """A near miss (a `_nearmiss` set) is unanswerable even where a sentence holds its words; it names
    its article by evidence or by topic."""
    items = [{"id": "n0", "question": "How many beds does the wing add?", "answers": [], "evidence": ["h1"]},
             {"id": "n1", "question": "Who sails the ferry?", "answers": [], "evidence": [], "topic": "f1"}]
    folder = _write(tmp_path / "en_x", DOCS, items, gold="nearmiss.jsonl")
    pairs, count = set_pairs(Source("en_x_nearmiss", folder / "docs", folder / "nearmiss.jsonl", "English"), records=None)
    assert {p["qid"] for p in pairs} == {"n0", "n1"} and count["unanswerable"] == 2
    assert all(p["label"] == 0 for p in pairs)
    assert sum(p["qid"] == "n1" for p in pairs) == 2  # the ferry article's two sentences


def test_sources_are_the_development_sets_by_family():
    from eval.bench.general import _CHECKS, FAMILIES

    found = sources()
    assert {s.family for s in found} == set(FAMILIES)
    names = {s.name for s in found}
    # the check sets, never tuned on, are in no fit (a session's calibration set is: general.py)
    checks = {f"{w}{n}" for w in ("en_wiki", "es_wiki", "zh_xwiki") for n in _CHECKS}
    assert not {n.removesuffix("_nearmiss") for n in names} & checks
    assert "en_wiki28" in checks and "en_wiki26" in checks
    assert {"en_news_nearmiss", "train30_nearmiss", "train30_en", "trial_en", "seed", "drcd_test"} <= names
    family = {s.name: s.family for s in found}
    assert (family["zh_xwiki7"], family["es_news_nearmiss"], family["trial_en"]) == (
        "translated Chinese", "Spanish", "cmrc_trial")


def _asked(family: str, labels_: list[int]) -> Asked:
    return Asked("s", f"q{len(labels_)}", "q", family, [f"s{i}" for i in range(len(labels_))], labels_)


def test_auc_and_refusals():
    assert auc([0.9, 0.8], [0.1, 0.2]) == 1.0
    assert auc([0.5, 0.5], [0.5, 0.5]) == 0.5
    assert auc([0.1], [0.9]) == 0.0
    assert auc([0.5], []) is None
    assert refused_at_half([0.9, 0.8, 0.3], [0.1, 0.2, 0.4, 0.5]) == (0.0, 0.5)
    assert refused_at_half([0.9, 0.15, 0.3], [0.1, 0.2, 0.4, 0.5]) == (pytest.approx(1 / 3), 0.5)


def test_figures_of_a_toy_scorer():
    """A scorer that scores sentence i of a question by a fixed table: the first answerable question
    is right at 1, the second only at 3; unanswerables score below every answerable: AUC 1.0."""
    asked = [_asked("A", [0, 1, 0]), _asked("A", [1, 0, 0, 0]), _asked("A", [0, 0])]
    table = {3: [0.2, 0.9, 0.1], 4: [0.5, 0.9, 0.8, 0.7], 2: [0.3, 0.1]}
    fig = figures(asked, [table[len(a.sents)] for a in asked])
    assert (fig["sentence@1"], fig["sentence@3"], fig["auc"], fig["refused@half"]) == (0.5, 0.5, 1.0, 0.0)
    # the same best score for every question: no separation
    flat = measure(asked, lambda q, s: [1.0] * len(s))
    assert flat["A"]["auc"] == 0.5 and flat["A"]["refused@half"] == 1.0
    assert flat["A"]["sentence@1"] == 0.5  # ties go to the first sentence: right for the second question only
    assert set(flat) == {"A", "all"}


def test_load_groups_by_set_and_qid(tmp_path):
    rows = [dict(zip(FIELDS, r)) for r in [("q0", "Q", "a", 0, "en_wiki7", "English"), ("q0", "Q", "b", 1, "en_wiki7", "English"),
                                            ("q0", "问", "c", 0, "zh_xwiki7", "translated Chinese")]]
    path = tmp_path / "pairs.jsonl"
    path.write_text("".join(json.dumps(r, ensure_ascii=False) + "\n" for r in rows), encoding="utf-8")
    asked = load(path)
    assert [(a.set, a.sents, a.labels, a.answerable) for a in asked] == [
        ("en_wiki7", ["a", "b"], [0, 1], True), ("zh_xwiki7", ["c"], [0], False)]
    assert [a.set for a in load(path, ["translated Chinese"])] == ["zh_xwiki7"]
    assert [a.set for a in load(path, sets=["en_wiki7"])] == ["en_wiki7"]


@pytest.mark.parametrize("name", ["bigram", "answerer"])
def test_word_scorers_rank_the_sentence_sharing_the_question(name):
    from eval.reader.rank_eval import SCORERS

    scores = SCORERS[name]()("How many beds does the wing add?", sentences(ARTICLE))
    assert max(range(3), key=scores.__getitem__) == 1
    assert SCORERS[name]()("What is it?", ["Nothing here."]) == [0.0]  # no word the scorer reads: 0, not an error


def test_a_scorer_by_module_path():
    from eval.reader.rank_eval import bigram_scorer, scorer_factory

    assert scorer_factory("eval.reader.rank_eval:bigram_scorer") is bigram_scorer
    with pytest.raises(ValueError):
        scorer_factory("nope")
