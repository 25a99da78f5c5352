"""eval.bench.thresholds: what another refusal cut would do, per script, from answers at threshold 0."""

from __future__ import annotations

import json

import pytest

from eval.bench.thresholds import rows, script_of, tally


def rec(answer: str, support: float, gaps=(), quote: str | None = None) -> dict:
    return {"answer": f"{answer}[1]", "refused": False, "support": support, "gaps": list(gaps),
            "citations": [["a-0:0", answer if quote is None else quote]]}


ITEMS = [  # (gold item, its answer at threshold 0, refused by the base run)
    ({"id": "q1", "question": "When did curling join the Olympics?", "answers": ["1998"]},
     rec("It became an Olympic sport in 1998.", 0.9), False),
    ({"id": "q2", "question": "What sort of vessels hauled cargo?", "answers": ["gabares"]},
     rec("boats called gabares", 0.14), True),  # right, gap-free, under the cut: refused:low
    ({"id": "q3", "question": "What is the aye-aye's method called?", "answers": ["percussive foraging"]},
     rec("The aye-aye is a lemur.", 0.16), True),  # wrong, gap-free, low
    ({"id": "q4", "question": "Who taught Pascal mathematics?", "unanswerable": True},
     rec("Pascal was taught by his father.", 0.24, gaps=["event"]), True),
    ({"id": "q5", "question": "Who designed the zipper?", "unanswerable": True},
     rec("The zipper was patented in 1913.", 0.7), False),  # answered by the base run too
    ({"id": "q6", "question": "瓦萨号沉没时已经驶出了多远？", "answers": ["1,300余米"]},
     rec("仅航行了1,300余米便沉没了", 0.12), True),
]


@pytest.fixture
def table(tmp_path):
    gold = tmp_path / "gold.jsonl"
    gold.write_text("\n".join(json.dumps(item, ensure_ascii=False) for item, _, _ in ITEMS) + "\n", encoding="utf-8")
    t0 = {item["id"]: r for item, r, _ in ITEMS}
    base = {item["id"]: {"refused": refused} for item, _, refused in ITEMS}
    return rows(t0, base, gold)


@pytest.mark.parametrize("question, quote, expected", [
    ("When did curling join the Olympics?", "It became an Olympic sport in 1998.", "en"),
    ("¿Con qué ingredientes se hace el turrón?", "El turrón se elabora con almendras", "es"),
    ("瓦萨号沉没时已经驶出了多远？", "仅航行了1,300余米", "zh"),
    ("How many parcels does the warehouse handle per day?", "每天处理包裹", "cross"),
])
def test_script_of_question_and_quote(question, quote, expected):
    assert script_of(question, quote) == expected


@pytest.mark.parametrize("script, applies, cut, expected", [
    # the configured threshold everywhere: the base run's refusals
    ("en", "all", 0.25, {"right": 1, "refused": 2, "wrong": 0, "una_answered": 1, "newly_answered": 0}),
    # gap-free quotes down to 0.10: one right and one wrong answer more, no unanswerable
    ("en", "gap-free", 0.10, {"right": 2, "refused": 0, "wrong": 1, "una_answered": 1, "newly_answered": 0}),
    # quotes with a gap down to 0.20: the unanswerable the base run refused is answered
    ("en", "gapped", 0.20, {"right": 1, "refused": 2, "wrong": 0, "una_answered": 2, "newly_answered": 1}),
    ("zh", "gap-free", 0.10, {"right": 1, "refused": 0, "wrong": 0, "una_answered": 0, "newly_answered": 0}),
    ("zh", "gapped", 0.10, {"right": 0, "refused": 1, "wrong": 0, "una_answered": 0, "newly_answered": 0}),
])
def test_tally_counts_each_cut(table, script, applies, cut, expected):
    counts = tally(table, script, applies, cut, 0.25)
    assert {k: counts[k] for k in expected} == expected
