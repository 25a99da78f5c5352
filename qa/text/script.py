"""Traditional and Simplified Chinese: one canonical form for matching, and which script a text is in.

`to_simplified` maps every Traditional character (and Taiwan variant) to its Simplified form,
one character for one character, so that an offset into the folded text is the same offset into
the original: a sentence is searched in its folded form and quoted from the original, which is
never converted. Both sides of every comparison are folded the same way (the keyword index at
index and query time, the question, the lexicon's patterns, the sentences, the citation checks),
so that 這個崗位 matches 这个岗位 and a store may hold articles in both scripts.

Character by character and not OpenCC's phrase-level conversion, on purpose: the same character
always folds the same way whatever its neighbours, which is what matching needs (乾隆 folds to
干隆 in the question and in the passage alike); the phrase tables exist to write correct Simplified
text, and nothing folded is ever shown.

The table is data (`lexicon/script_t2s.txt`, `lexicon/script_simplified.txt`), generated from
OpenCC's own tables by `python -m qa.text.script` (OpenCC is a test dependency; a test checks
that the files match it). Reading them costs about 2 ms, against ~60 ms to import OpenCC and
convert every character at start-up, on the path of every `qa ask`. A few words Taiwan spells with
characters that are Simplified too (為甚麼 folds to 为甚么, not 为什么) are then replaced whole, from the
hand-written `lexicon/script_words.txt`, so that the question words know them.
"""

from __future__ import annotations

from functools import cache
from pathlib import Path

_DATA = Path(__file__).parent / "lexicon"
_TABLE = _DATA / "script_t2s.txt"
_SIMPLIFIED = _DATA / "script_simplified.txt"
_WORDS = _DATA / "script_words.txt"

__all__ = ["is_traditional", "restore", "to_simplified", "unfold"]


@cache
def _translation() -> dict[int, int]:
    pairs = (line.split("\t") for line in _TABLE.read_text(encoding="utf-8").splitlines()
             if line and not line.startswith("#"))
    return {ord(t): ord(s) for t, s in pairs}


@cache
def _words() -> tuple[tuple[str, str], ...]:
    pairs = tuple(tuple(line.split("\t")) for line in _WORDS.read_text(encoding="utf-8").splitlines()
                  if line and not line.startswith("#"))
    if any(len(a) != len(b) for a, b in pairs):  # a fold must keep every offset
        raise ValueError(f"{_WORDS}: a word and its Simplified spelling must be of the same length")
    return pairs  # type: ignore[return-value]


@cache
def _marks() -> tuple[frozenset[str], frozenset[str]]:
    """(characters only Traditional text writes, characters only Simplified text writes)."""
    simplified = "".join(line for line in _SIMPLIFIED.read_text(encoding="utf-8").splitlines()
                         if line and not line.startswith("#"))
    return frozenset(map(chr, _translation())), frozenset(simplified)


def to_simplified(text: str) -> str:
    """`text` with each Traditional character replaced by its Simplified form, and the words of
    `lexicon/script_words.txt` by their mainland spelling; same length."""
    text = text.translate(_translation())
    for variant, simplified in _words():
        if variant in text:
            text = text.replace(variant, simplified)
    return text


def is_traditional(text: str) -> bool:
    """Is `text` written in Traditional characters? More characters that only Traditional text
    writes (這, 個, 誰) than ones only Simplified text writes (这, 个, 谁); a tie (no such
    character, as in 台北市人口) counts as Simplified, the default."""
    traditional, simplified = _marks()
    t = s = 0
    for ch in text:
        if ch in traditional:
            t += 1
        elif ch in simplified:
            s += 1
    return t > s


def restore(word: str, folded: str, original: str) -> str:
    """`word`, found in `folded` (= to_simplified(original)), as `original` writes it: a word read
    from a folded question is shown in the question's own script. Unchanged when not found."""
    i = folded.find(word) if word else -1
    return original[i:i + len(word)] if i >= 0 else word


def unfold(text: str, *sources: str) -> str:
    """`text`, made of pieces of the folded `sources` (a follow-up rewritten from the question
    before it), written back in the sources' own characters: each character as the first source
    holding its folded form writes it (這 where the question wrote 這, 这 where it wrote 这)."""
    back: dict[str, str] = {}
    for source in reversed(sources):
        back.update(zip(to_simplified(source), source))
    return "".join(back.get(ch, ch) for ch in text)


def opencc_tables() -> tuple[dict[str, str], str]:
    """(Traditional -> Simplified character map, characters only Simplified text writes), from
    OpenCC: each character converted alone (t2s, then tw2s for Taiwan variants such as 著), so no
    phrase rule applies; a character that is itself the Simplified form of another is never
    mapped, which makes folding idempotent (麼 -> 么, and 么 stays)."""
    import opencc

    # The compatibility ideographs (U+F900..) are left to NFKC (qa.text.cjk.fold), which maps them to
    # the unified ones: here they would make 著 a "Simplified form" (of U+FA5F) and so never folded.
    chars = [chr(c) for r in ((0x3400, 0x4DC0), (0x4E00, 0xA000)) for c in range(*r)]

    def convert(config: str) -> list[str]:
        return opencc.OpenCC(config).convert("\n".join(chars)).split("\n")

    table: dict[str, str] = {}
    for config in ("t2s", "tw2s"):
        for c, out in zip(chars, convert(config)):
            if out != c and len(out) == 1:
                table.setdefault(c, out)
    targets = set(table.values())
    table = {t: s for t, s in table.items() if t not in targets}
    simplified = "".join(c for c, out in zip(chars, convert("s2twp")) if out != c and c not in table)
    return table, simplified


def _write_tables() -> None:
    import opencc

    table, simplified = opencc_tables()
    header = (f"# Generated by `python -m qa.text.script` from OpenCC {getattr(opencc, '__version__', '')}"
              " (Apache-2.0); do not edit.\n")
    _TABLE.write_text(header + "# Traditional\tSimplified, one character each\n"
                      + "".join(f"{t}\t{s}\n" for t, s in sorted(table.items())), encoding="utf-8")
    lines = [simplified[i:i + 80] for i in range(0, len(simplified), 80)]
    _SIMPLIFIED.write_text(header + "# characters that only Simplified text writes (OpenCC s2twp changes them)\n"
                           + "\n".join(lines) + "\n", encoding="utf-8")


if __name__ == "__main__":
    _write_tables()
