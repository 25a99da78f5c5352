"""Light tokenisation shared by segmentation, the extractive answerer and the keyword scorer.

Chinese runs become overlapping character bigrams (plus single characters for one-character
runs), English words are lower-cased, numbers are kept whole ("340.4", "2030").
"""

from __future__ import annotations

import re
from collections import Counter

CJK = re.compile(r"[\u3400-\u9fff]")
_TOKEN = re.compile(r"[\u3400-\u9fff]+|[A-Za-z][A-Za-z'-]*|\d+(?:\.\d+)?")


def terms(text: str) -> Counter:
    out: Counter = Counter()
    for tok in _TOKEN.findall(text):
        if CJK.match(tok):
            if len(tok) == 1:
                out[tok] += 1
            else:
                out.update(tok[k:k + 2] for k in range(len(tok) - 1))
        else:
            out[tok.lower()] += 1
    return out


def language(text: str) -> str:
    """'zh' when the text has any Chinese character, else 'en'."""
    return "zh" if CJK.search(text) else "en"
