"""eval.reader.pair_inputs (issue 27): the text a pair becomes, cut to fit, and the toy pairs file."""

from __future__ import annotations

import json

import pytest

from eval.reader.e5_tokens import load_tokenizer
from eval.reader.pair_inputs import SEP, fit_text, main, pair_text, read_pairs, toy_pairs


@pytest.fixture(scope="module")
def tokenizer():
    return load_tokenizer()


def test_the_separator_is_two_end_of_text_pieces(tokenizer):
    ids = tokenizer.encode(pair_text("几个部门?", "7部门联合印发。"), is_query=True)
    assert tokenizer.pieces(ids).count("</s>") == 2
    assert ids.count(tokenizer.data.eos) == 2


@pytest.mark.parametrize("sentence", ["短句。", "华强广场项目可以创造1000个就业岗位。" * 30,
                                      "The Cauca river flows north into the Magdalena. " * 20])
def test_fit_text_cuts_the_sentence_to_the_longest_prefix_that_fits(tokenizer, sentence):
    q, limit = "How many?", 64
    text = fit_text(tokenizer, q, sentence, limit)
    assert text.startswith(q + SEP) and sentence.startswith(text[len(q + SEP):])
    assert tokenizer.count(text, True) <= limit
    kept = len(text) - len(q + SEP)
    if kept < len(sentence):  # one character more would not fit
        assert tokenizer.count(pair_text(q, sentence[: kept + 1]), True) > limit


def test_toy_pairs_hold_a_right_sentence_per_question(tmp_path):
    pairs = toy_pairs(50)
    assert len(pairs) == 50
    positives = [p for p in pairs if p.label == 1]
    assert positives and all(p.qid.startswith("seed-") for p in pairs)
    path = tmp_path / "toy.jsonl"
    assert main(["toy", str(path), "--count", "12"]) == 0
    rows = [json.loads(line) for line in path.read_text(encoding="utf-8").splitlines()]
    assert len(rows) == 12 and set(rows[0]) == {"qid", "q", "s", "label", "set", "family"}
    assert read_pairs(path, limit=5)[0].q == rows[0]["q"]
