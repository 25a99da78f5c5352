"""eval.bench.snapshot (sets by name, other parameter values) and eval.bench.misses (where a set's
misses come from, in counts only)."""

from __future__ import annotations

import json

import pytest

from eval.bench.misses import classify
from eval.bench.snapshot import main, named_sets, params_from
from qa.answer.params import DEFAULTS

PARAGRAPHS = [
    ("a.txt", "Curling is a team sport. Two players sweep the ice with brooms, which reduces friction. "
              "It became an Olympic sport in 1998."),
    ("a.txt", "The oldest stone is dated 1511."),
    ("b.txt", "Baikal is the deepest lake in the world."),
]


def record(quote: str = "", refused: bool = False, gaps=()) -> dict:
    return {"answer": "The articles don't say." if refused else f"{quote}[1]", "refused": refused,
            "gaps": list(gaps), "citations": [] if refused else [["a-0:0", quote]], "support": 0.5, "question": "?"}


@pytest.mark.parametrize("rec, golds, unanswerable, expected", [
    (record("It became an Olympic sport in 1998."), ["1998"], False, "right"),
    (record(refused=True), ["1998"], False, "refused:low"),
    (record(refused=True, gaps=["focus"]), ["1998"], False, "refused:focus"),
    (record("Two players sweep the ice with brooms"), ["reduces friction"], False, "wrong:cut"),
    (record("Curling is a team sport."), ["1998"], False, "wrong:paragraph"),
    (record("Curling is a team sport."), ["1511"], False, "wrong:article"),
    (record("Baikal is the deepest lake in the world."), ["1998"], False, "wrong:other"),
    (record("a quote no article holds"), ["1998"], False, "wrong:other"),
    (record("Curling is a team sport."), [], True, "unanswerable:answered"),
    (record(refused=True), [], True, "unanswerable:refused"),
])
def test_each_answer_falls_in_one_class(rec, golds, unanswerable, expected):
    assert classify(rec, {"answers": golds, "unanswerable": unanswerable}, PARAGRAPHS) == expected


def test_other_values_are_read_by_kind():
    p = params_from(["gap.event=1", "weight.first=0", "clause_chars=120", "join_anaphora=false", "fuller_gain=0.2"])
    assert p.gap_factors["event"] == 1.0 and p.gap_factors["focus"] == DEFAULTS.gap_factors["focus"]
    assert p.weights.first == 0.0 and p.weights.title == DEFAULTS.weights.title
    assert p.clause_chars == 120 and p.join_anaphora is False and p.fuller_gain == 0.2
    with pytest.raises(AttributeError):
        params_from(["no_such_field=1"])


def test_every_visible_set_has_a_name_and_its_files(tmp_path):
    from support import ROOT

    sets = named_sets(ROOT.parent / "shared" / "bench")
    for name in ("seed", "en_wiki7", "zh_xwiki6", "en_news_nearmiss", "train30_en", "train30_nearmiss", "cmrc_trial"):
        assert name in sets
    docs, gold = sets["en_wiki7"]
    assert docs.is_dir() and gold.is_file()


def test_a_set_by_name_is_answered_into_its_own_file(tmp_path, capsys):
    assert main(["--set", "seed", "--out-dir", str(tmp_path / "out"), "--stores", str(tmp_path / "stores")]) == 0
    line = capsys.readouterr().out.strip().splitlines()[-1]
    name, rest = line.split(" ", 1)
    figures, _, misses = rest.partition("} ")
    answers = json.loads((tmp_path / "out" / "seed.json").read_text(encoding="utf-8"))
    assert name == "seed" and json.loads(figures + "}")["answerable"] > 0
    assert sum(json.loads(misses).values()) == len(answers)  # every question in one class


def test_an_unknown_set_is_an_error_naming_the_sets(capsys):
    with pytest.raises(SystemExit):
        main(["--set", "no_such_set"])
    assert "en_wiki7" in capsys.readouterr().err
