"""`eval/reader/bi_head.py`: the head's training ranks a separable toy set's positive first, both
losses' gradients are their losses' derivatives, and the leave-one-family-out scores of a family
never depend on that family's labels (its fold never trains on it). numpy only: no torch, no model."""

from __future__ import annotations

import numpy as np
import pytest

from eval.reader.bi_head import LOSSES, LR, Head, Table, features, fit, folds, loco, per_family, weights
from eval.reader.rank_eval import Asked

DIM = 8


def _toy(rng: np.random.Generator, family: str, n: int, flip: bool = False) -> tuple[list[Asked], list[np.ndarray]]:
    """n questions of 4 sentences; the positive sentence's vector is the question's (cosine 1),
    the others random; every third question unanswerable. `flip` labels a wrong sentence instead."""
    asked, rows = [], []
    for i in range(n):
        q = rng.standard_normal(DIM)
        q /= np.linalg.norm(q)
        s = rng.standard_normal((4, DIM))
        s /= np.linalg.norm(s, axis=1, keepdims=True)
        answerable = i % 3 != 0
        at = int(rng.integers(4))
        if answerable:
            s[at] = q
        labels = [int(answerable and j == (at + 1) % 4 if flip else answerable and j == at) for j in range(4)]
        asked.append(Asked("toy", f"{family}{i}", f"q{i}", family, [f"s{j}" for j in range(4)], labels))
        rows.append((q, s))
    return asked, rows


def _table(parts: list[tuple[list[Asked], list]]) -> Table:
    asked = [a for p in parts for a in p[0]]
    rows = [r for p in parts for r in p[1]]
    starts = np.cumsum([0] + [len(a.sents) for a in asked])
    y = np.array([v for a in asked for v in a.labels], dtype=np.float32)
    q = np.array([r[0] for r in rows], dtype=np.float32)
    s = np.concatenate([r[1] for r in rows]).astype(np.float32)
    return Table(asked, starts, y, q, s, np.zeros((len(y), 2), dtype=np.float32))


def _x(t: Table) -> np.ndarray:
    return features(np.repeat(t.q, np.diff(t.starts), axis=0), t.s, t.lex, t.starts)


@pytest.mark.parametrize(("loss", "hidden"), [("bce", 0), ("softmax", 0), ("softmax", 8)])
def test_the_head_ranks_a_separable_toy_sets_positive_first(loss, hidden, tmp_path):
    t = _table([_toy(np.random.default_rng(0), "English", 60)])
    x = _x(t)
    head = fit(x, t.y, t.starts, weights(t.family, 0), lam=1e-3, loss=loss, steps=150, lr=LR[bool(hidden)],
               hidden=hidden)
    head.save(tmp_path / "head.npz")
    head = Head.load(tmp_path / "head.npz")
    figs = per_family(t, head.score(x))["English"]
    assert figs["sentence@1"] == 1.0
    assert figs["auc"] == 1.0  # the answerable questions' best (cosine 1) beats every unanswerable's
    untrained = Head(head.mean, head.std, np.zeros_like(head.w), 0.0, head.w1, head.b1)
    assert per_family(t, untrained.score(x))["English"]["sentence@1"] < 0.6  # ties: the first sentence


@pytest.mark.parametrize("loss", sorted(LOSSES))
def test_the_gradient_is_the_losses_derivative(loss):
    rng = np.random.default_rng(1)
    starts = np.array([0, 3, 5, 9])
    y = np.array([0, 1, 0, 0, 0, 1, 1, 0, 0], dtype=float)  # the second question is unanswerable
    s, qw = rng.standard_normal(9), np.array([0.2, 0.3, 0.5])
    _, grad = LOSSES[loss](s, y, starts, qw)
    for i in range(9):
        d = np.zeros(9)
        d[i] = 1e-6
        numeric = (LOSSES[loss](s + d, y, starts, qw)[0] - LOSSES[loss](s - d, y, starts, qw)[0]) / 2e-6
        assert grad[i] == pytest.approx(numeric, abs=1e-5)


def test_a_left_out_familys_scores_never_depend_on_its_labels():
    rng = np.random.default_rng(2)
    english, spanish = _toy(rng, "English", 30), _toy(rng, "Spanish", 30)
    t = _table([english, spanish])
    relabelled = [Asked(a.set, a.qid, a.q, a.family, a.sents, a.labels[1:] + a.labels[:1]) for a in spanish[0]]
    flipped = _table([english, (relabelled, spanish[1])])
    assert not np.array_equal(t.y, flipped.y)
    x = _x(t)
    scores, scores_flipped = loco(t, x, 1e-3, "softmax", 0, steps=50), loco(flipped, x, 1e-3, "softmax", 0, steps=50)
    spanish_rows = t.rows_of(np.flatnonzero(t.family == "Spanish"))
    english_rows = t.rows_of(np.flatnonzero(t.family == "English"))
    np.testing.assert_array_equal(scores[spanish_rows], scores_flipped[spanish_rows])
    assert not np.array_equal(scores[english_rows], scores_flipped[english_rows])  # trained on Spanish's labels


def test_folds_split_by_family():
    family = np.array(["seed", "English", "seed", "Spanish"])
    train, held = folds(family, ("seed",))
    assert held.tolist() == [0, 2] and train.tolist() == [1, 3]
    train, held = folds(family, ("English", "translated Chinese"))  # a translation leaves with its original
    assert held.tolist() == [1] and train.tolist() == [0, 2, 3]


def test_weights_count_questions_or_families():
    family = np.array(["a", "a", "a", "b"])
    assert weights(family, 0).tolist() == pytest.approx([0.25] * 4)
    assert weights(family, 1).tolist() == pytest.approx([1 / 6, 1 / 6, 1 / 6, 1 / 2])


def test_within_the_question():
    from eval.reader.bi_head import within

    v = within(np.array([1.0, 3.0, 5.0, 5.0]), np.array([0, 2, 4]))
    assert v[:, 1].tolist() == [-2.0, 0.0, 0.0, 0.0]  # against the question's best
    assert v[:2, 0] == pytest.approx([-1.0, 1.0], abs=1e-3) and v[2:, 0].tolist() == [0.0, 0.0]  # one score: no spread
