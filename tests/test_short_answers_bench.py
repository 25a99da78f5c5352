"""eval/bench/short_answers.py: the short-answer scores of a snapshot, and the median of what the
compact screen shows first (issue 24's "median displayed answer")."""

from __future__ import annotations

import json

from eval.bench.short_answers import score
from support import Q_JOBS

QUOTE = "该项目计划明年1月开业,可创造1000个就业岗位。"


def test_the_screen_shows_the_short_answer_first_else_the_sentence(tmp_path):
    gold = tmp_path / "gold.jsonl"
    gold.write_text("\n".join(json.dumps(g, ensure_ascii=False) for g in [
        {"id": "a", "question": Q_JOBS, "answers": ["1000个"]},
        {"id": "b", "question": "华强广场为什么能盘活?", "answers": ["逐户沟通"]},
        {"id": "c", "question": "华强广场有多少张床位?", "answers": ["300张"]},
    ]), encoding="utf-8")
    snapshot = {
        "a": {"question": Q_JOBS, "answer": f"{QUOTE}[1]", "refused": False, "citations": [["c1", QUOTE]]},
        "b": {"question": "华强广场为什么能盘活?", "answer": f"{QUOTE}[1]", "refused": False,
              "citations": [["c1", QUOTE]]},  # a why-question: no short answer, the sentence is shown
        "c": {"question": "华强广场有多少张床位?", "answer": "文章中没有提到这个问题的答案。", "refused": True,
              "citations": []},  # refused: not counted
    }
    got = score(snapshot, gold)
    assert (got["answered"], got["given"], got["em"]) == (2, 1, 1.0)
    assert got["shown_median"] == (len("1000个") + len(QUOTE)) / 2  # the marker [1] is not shown text
