"""The one definition of a Chinese character, and the width/case/script folding applied before matching.

`HAN` is a character-class body (CJK Unified Ideographs, Extension A and the compatibility
ideographs) for building larger patterns; `CJK` matches one such character, `CJK_RUN` a run.
"""

from __future__ import annotations

import re
import unicodedata
from functools import lru_cache
from itertools import accumulate

HAN = "\u3400-\u4dbf\u4e00-\u9fff\uf900-\ufaff"
CJK = re.compile(f"[{HAN}]")
CJK_RUN = re.compile(f"[{HAN}]+")
# Spaces with a Chinese character on one side and a digit or a Latin letter on the other, and
# between a number and its %: translated text writes "第 50 届", "在 2008 年", "使用 GPS 定位",
# "50 %". Also the space a translation writes after a half-width mark that ends a Chinese word
# ("生于香港, 香港职业", "运动员. 他", "学名: X") or before Chinese ("Martin, 于 2011 年"), and
# around a half-width bracket next to Chinese ("吕志兴 (Lui", "(1929 年) 12 月"),
# where Chinese text writes the full-width mark alone (，。：（). A space between two Chinese
# characters is kept: it parts words (洛拉·帕尼亚尼 会讲).
_GAP = "[ \t\u00a0\u3000]+"
# (The first lookahead only makes the search 5x faster: it fails at once where no space is.)
_LOOSE_SPACE = re.compile(f"(?=[ \t\u00a0\u3000])(?:(?<=[{HAN}]){_GAP}(?=[0-9A-Za-z])|(?<=[0-9A-Za-z%]){_GAP}(?=[{HAN}])"
                         f"|(?<=[0-9]){_GAP}(?=%)|(?:(?<=[{HAN}][,.:;?!])|(?<=[{HAN}][)\"'][,.:;?!])){_GAP}(?=\\S)"
                         f"|(?<=[,.:;?!]){_GAP}(?=[{HAN}])|(?<=[{HAN}]){_GAP}(?=\\()|(?<=\\)){_GAP}(?=[{HAN}]))")

# The dots that part a translated name's words, as writers and fonts vary them (约翰•贝茨, 喬治‧華盛頓,
# 奥托・莫德索恩): read as the middle dot the lexicon's patterns name them by (约翰·贝茨). One for one.
_NAME_DOTS = str.maketrans("•‧・･∙⋅", "······")


def is_cjk(char: str) -> bool:
    return bool(CJK.match(char))


def language(text: str) -> str:
    """'zh' when the text has any Chinese character, else 'en'."""
    return "zh" if CJK.search(text) else "en"


def reply_language(text: str) -> str:
    """The language `qa` speaks back to `text` in (its refusal sentence, the model's answer):
    'zh-Hant' for Chinese in Traditional characters, 'es' for Spanish (more of the words only
    Spanish writes than of English's, or ¿ ¡: `qa.text.tokens.latin_language`, which also says how
    the keyword index stems a text), else what `language` says."""
    from qa.text.script import is_traditional
    from qa.text.tokens import latin_language

    lang = language(text)
    if lang == "zh":
        return "zh-Hant" if is_traditional(text) else lang
    return "es" if latin_language(text) == "es" else lang


def close_spaces(text: str) -> str:
    """`text` without the spaces between Chinese and digits or Latin letters ("第 50 届" -> "第50届"),
    so that a translation's spacing matches text written without it. Not length-preserving: for
    checks that need no offsets into the text (answer types, slot checks), never in place of `fold`,
    whose callers slice the original text at the folded text's offsets. A name's dot is read as `·`
    (`fold` too)."""
    return _LOOSE_SPACE.sub("", text).translate(_NAME_DOTS)


def closed_offsets(text: str) -> list[int]:
    """offsets[i]: how many characters of `text[:i]` `close_spaces` keeps, for i in 0..len(text);
    `offsets[e] - offsets[s]` is the length of `text[s:e]` as if written without a translation's
    spaces, so that lengths (chunk sizes) mean the same on "第 50 届, 在" and on "第50届，在". Equal
    to `range(len(text) + 1)` on text without such spaces."""
    keep = bytearray(b"\x01") * len(text)
    for m in _LOOSE_SPACE.finditer(text):
        keep[m.start():m.end()] = bytes(m.end() - m.start())
    return [0, *accumulate(keep)]


def fold(text: str) -> str:
    """The form every match compares: full-width letters and digits to ASCII, lower case,
    Traditional characters to Simplified (`２０２４年ＡＩ崗位` -> `2024年ai岗位`; `qa.text.script`), and
    a name's dot as `·` (约翰•贝茨 -> 约翰·贝茨, one character for one)."""
    from qa.text.script import to_simplified

    return to_simplified(unicodedata.normalize("NFKC", text).lower()).translate(_NAME_DOTS)


def unpunctuated(text: str) -> str:
    """`fold(text)` without spaces, punctuation or symbols: the form in which a quoted saying or
    name is looked up, since a translation writes 「冻死不拆屋，饿死不掳掠」 as "冻死不拆屋, 饿死不掳掠"."""
    return "".join(ch for ch in fold(text) if unicodedata.category(ch)[0] not in "PSZC")


# Chinese characters that may stand between two of a word a text writes spread out (镀银 as 镀有抛光银层)
SPREAD_GAP = 3


def spread(word: str, text: str) -> bool:
    """Does `text` write `word`'s characters in order inside one phrase, at most `SPREAD_GAP`
    Chinese characters apart and no punctuation between ("镀银的铜板" over "一块镀有抛光银层的铜板")?
    A translation breaks a word its passage writes around another; characters scattered over a
    sentence (母 … 亲) are chance."""
    return _spread_pattern(word).search(text) is not None


@lru_cache(maxsize=4096)
def _spread_pattern(word: str) -> re.Pattern:
    """`spread`'s pattern of `word`, compiled once: it holds the whole Chinese character class per
    gap, and compiling it at every call (re's own cache holds 512 patterns, overrun by the windows of
    one question) took most of a bench run's time in `re._compiler` (py-spy, session 18)."""
    return re.compile(f"[{HAN}]{{0,{SPREAD_GAP}}}".join(map(re.escape, word)))
