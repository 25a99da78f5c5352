"""eval/bench/variants.py: a bench set rewritten the way machine translation writes Chinese (issue 27)."""

from __future__ import annotations

import json
import subprocess
import sys

import pytest

from eval.bench.variants import RULES, rewrite, style_of, write_variant
from support import ROOT

ALL = frozenset(RULES)


@pytest.mark.parametrize("text, style, expected", [
    ("第50届在1990年代，NBA球员", frozenset(), "第 50 届在 1990 年代，NBA 球员"),
    ("第50届在1990年代，NBA球员", ALL, "第 50 届在 1990 年代, NBA 球员"),
    ("吕志兴（Lui Chi Hing），生于香港。", ALL, "吕志兴 (Lui Chi Hing), 生于香港."),
    ("他说：“好。”「对」", ALL, '他说: "好." "对"'),  # the closing quote before the stop's space
    ("他说：“好。”然后", frozenset({"stop"}), "他说：“好.” 然后"),
    ("甲；乙？丙！丁、戊", ALL, "甲; 乙? 丙! 丁, 戊"),
    ("乔治·华盛顿于1789年就任", ALL, "乔治•华盛顿于 1789 年就任"),
    ("乔治·华盛顿于1789年就任", ALL - {"dots"}, "乔治·华盛顿于 1789 年就任"),
    ("增长5.6%，达340.4亿元。\n第二段", ALL, "增长 5.6%, 达 340.4 亿元.\n第二段"),  # decimals untouched
])
def test_rewrite_writes_chinese_as_a_translation_does(text, style, expected):
    assert rewrite(text, style) == expected


def test_a_document_keeps_one_style_on_every_run_and_styles_differ_between_documents():
    assert style_of("TRIAL_1", seed=3) == style_of("TRIAL_1", seed=3)
    styles = {style_of(f"TRIAL_{n}") for n in range(40)}
    assert len(styles) > 10
    assert style_of("TRIAL_1", rate=1.0) == ALL and style_of("TRIAL_1", rate=0.0) == frozenset()


def _bench(root):
    (root / "docs").mkdir(parents=True)
    (root / "docs" / "A_1.txt").write_text("黄鳍紫鱼\n\n黄鳍紫鱼（学名：），分布于西太平洋区，体长可达50公分。", encoding="utf-8")
    gold = {"id": "A_1_QUERY_0", "question": "黄鳍紫鱼体长可达多少？", "answers": ["50公分"], "unanswerable": False,
            "evidence": ["A_1"]}
    (root / "gold.jsonl").write_text(json.dumps(gold, ensure_ascii=False) + "\n", encoding="utf-8")


def test_the_variant_rewrites_docs_questions_and_answers_in_the_docs_style(tmp_path):
    _bench(tmp_path / "set")
    assert write_variant(tmp_path / "set", tmp_path / "out", rate=1.0) == (1, 1)
    doc = (tmp_path / "out" / "docs" / "A_1.txt").read_text(encoding="utf-8")
    item = json.loads((tmp_path / "out" / "gold.jsonl").read_text(encoding="utf-8"))
    assert doc == "黄鳍紫鱼\n\n黄鳍紫鱼 (学名:), 分布于西太平洋区, 体长可达 50 公分."
    assert item["question"] == "黄鳍紫鱼体长可达多少?" and item["answers"] == ["50 公分"] and item["answers"][0] in doc


def test_the_variant_is_never_written_into_the_project(tmp_path):
    _bench(tmp_path / "set")
    run = subprocess.run([sys.executable, "-m", "eval.bench.variants", "--bench", str(tmp_path / "set"),
                          "--out", str(ROOT / "eval" / "variant")], cwd=ROOT, capture_output=True, text=True)
    assert run.returncode == 2 and "inside the project" in run.stderr and not (ROOT / "eval" / "variant").exists()


def test_apart_questions_take_a_style_of_their_own(tmp_path):
    _bench(tmp_path / "set")
    ids = [f"A_1_QUERY_{n}" for n in range(20)]
    gold = [{"id": i, "question": "黄鳍紫鱼（学名）体长可达多少？", "answers": ["50公分"], "evidence": ["A_1"]} for i in ids]
    (tmp_path / "set" / "gold.jsonl").write_text("\n".join(json.dumps(g, ensure_ascii=False) for g in gold),
                                                encoding="utf-8")
    write_variant(tmp_path / "set", tmp_path / "same", rate=0.5)
    write_variant(tmp_path / "set", tmp_path / "apart", rate=0.5, apart=True)
    asked = lambda name: {json.loads(line)["question"]  # noqa: E731
                          for line in (tmp_path / name / "gold.jsonl").read_text(encoding="utf-8").splitlines()}
    assert len(asked("same")) == 1 and len(asked("apart")) > 1
