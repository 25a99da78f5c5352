"""The one definition of a Chinese character, and the width/case folding applied before matching.

`HAN` is a character-class body (CJK Unified Ideographs, Extension A and the compatibility
ideographs) for building larger patterns; `CJK` matches one such character, `CJK_RUN` a run.
"""

from __future__ import annotations

import re
import unicodedata

HAN = "\u3400-\u4dbf\u4e00-\u9fff\uf900-\ufaff"
CJK = re.compile(f"[{HAN}]")
CJK_RUN = re.compile(f"[{HAN}]+")


def is_cjk(char: str) -> bool:
    return bool(CJK.match(char))


def language(text: str) -> str:
    """'zh' when the text has any Chinese character, else 'en'."""
    return "zh" if CJK.search(text) else "en"


def fold(text: str) -> str:
    """Full-width letters and digits to ASCII, lower case (`２０２４年ＡＩ` -> `2024年ai`)."""
    return unicodedata.normalize("NFKC", text).lower()
