"""eval.bench.gap_replay: the Chinese slot checks replayed on each answerable question's gold sentence
and each unanswerable question's quote, on a tiny set written here."""

from __future__ import annotations

import json

from eval.bench.gap_replay import DEV, main, replay

LIGHTHOUSE = "贝尔礁灯塔矗立在苏格兰东海岸阿布罗斯外约18公里处的一片礁石上，高约35米。灯塔于1810年建成。"


def _set(tmp_path, question, answers, unanswerable=None):
    (tmp_path / "docs").mkdir()
    (tmp_path / "docs" / "a01.txt").write_text(f"贝尔礁灯塔\n\n{LIGHTHOUSE}\n", encoding="utf-8")
    items = [{"id": "a01-q0", "question": question, "answers": answers, "evidence": ["a01"]}]
    if unanswerable:
        items.append({"id": "a01-q1", "question": unanswerable, "answers": [], "unanswerable": True})
    (tmp_path / "gold.jsonl").write_text("\n".join(json.dumps(i, ensure_ascii=False) for i in items), encoding="utf-8")
    return tmp_path / "docs", tmp_path / "gold.jsonl"


def test_a_gold_sentence_saying_the_answer_gets_no_gap(tmp_path):
    # the distance from a point worded apart (陆地 / 海岸) is said by a figure in its unit
    rows = replay(*_set(tmp_path, "贝尔岩灯塔离陆地有多远？", ["约18公里"]))
    assert rows["a01-q0"] == {"unanswerable": False, "quote": LIGHTHOUSE.split("。")[0] + "。", "gaps": []}


def test_an_unanswerable_quote_gets_its_gap(tmp_path):
    docs, gold = _set(tmp_path, "灯塔有多高？", ["约35米"], "灯塔的建造花了多少钱？")
    quotes = {"a01-q1": {"citations": [["c", "灯塔于1810年建成。"]]}}
    rows = replay(docs, gold, quotes)
    assert rows["a01-q1"]["unanswerable"] and ["value", "sum of 钱"] in rows["a01-q1"]["gaps"]
    assert "a01-q1" not in replay(docs, gold)  # no quote, no replay


def test_only_development_sets_are_replayed(capsys):
    assert "zh_xwiki23" in DEV and "drcd_test" in DEV
    # calibration (25, 27) and check sets (5, 6, 8, 10 ... 26, 28) are read through the snapshot alone
    held_out = {f"zh_xwiki{n}" for n in (5, 6, 8, 10, 12, 14, 16, 18, 20, 22, 24, 25, 26, 27, 28)}
    assert not held_out & set(DEV)
    try:
        main(["zh_xwiki25"])
    except SystemExit as e:
        assert e.code == 2
    assert "not a development set" in capsys.readouterr().err
