"""eval.bench.cut_replay: the English/Spanish cut replayed on each question's gold sentence, on a tiny
set written here."""

from __future__ import annotations

import json

from eval.bench.cut_replay import DEV, main, replay

LAMPS = ("After the old gas lamps, once common in the streets and squares of the town, were found in the 1890s to "
         "poison the air, their use was stopped under the Harbour Act of 1901.")


def _set(tmp_path, answers, question="What law banned the gas lamps?"):
    (tmp_path / "docs").mkdir()
    (tmp_path / "docs" / "a01.txt").write_text(f"Valmar\n\nValmar is a town.\n{LAMPS}\n", encoding="utf-8")
    items = [{"id": "a01-q0", "question": question, "answers": answers, "evidence": ["a01"]},
             {"id": "a01-q1", "question": "Is it far?", "answers": [], "unanswerable": True, "evidence": ["a01"]}]
    (tmp_path / "gold.jsonl").write_text("\n".join(json.dumps(i) for i in items), encoding="utf-8")
    return tmp_path


def test_a_cut_keeping_the_answer(tmp_path):
    cuts = replay(_set(tmp_path, ["the Harbour Act of 1901"]))
    assert list(cuts) == ["a01-q0"]  # the unanswerable question has no gold sentence
    kept, length, cut, sentence = cuts["a01-q0"]
    assert kept and cut == LAMPS and length == sentence == len(LAMPS)


def test_a_cut_losing_the_answer(tmp_path):
    # the cut holds the question's words and their date; a gold answer elsewhere in the sentence is lost
    folder = _set(tmp_path, ["the Harbour Act of 1901"], "When were the gas lamps found to poison the air?")
    kept, length, cut, _ = replay(folder)["a01-q0"]
    assert not kept and cut == "were found in the 1890s to poison the air" and length == len(cut)


def test_only_development_sets_are_replayed(capsys):
    assert "en_wiki21" in DEV and "es_wiki21" in DEV  # session 18: the 21s are development sets
    assert "en_wiki23" in DEV and "es_wiki23" in DEV  # session 19: the 23s too
    # calibration (25, 27) and check sets (5, 6, 8, 10 ... 24, 26, 28) are read through the snapshot alone
    held_out = {f"{lang}_wiki{n}" for lang in ("en", "es") for n in (5, 6, 8, 10, 12, 14, 16, 18, 20, 22, 24, 25, 26, 27, 28)}
    assert not held_out & set(DEV)
    try:
        main(["en_wiki25"])
    except SystemExit as e:
        assert e.code == 2
    assert "not a development set" in capsys.readouterr().err
