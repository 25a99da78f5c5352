"""Where sentences end, for Chinese and English text alike.

A sentence ends at Chinese or ASCII final punctuation (plus any closing quotes or brackets after
it), at a full stop followed by a space, or at a line break; "5.6%" and "340.4" are not ends.
Chunking, the extractive answerer and the citation checks all cut text with these definitions.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

END = "。！？!?；;…"  # sentence-final punctuation
CLOSERS = "”’\"'」』）)】"  # closing quotes and brackets that stay with the sentence before them
_SENTENCE = re.compile(f"[^\\n]*?(?:[{END}]+[{CLOSERS}]*|\\.(?=\\s)|(?=\\n)|$)")


@dataclass
class Span:
    start: int
    end: int


def split_sentences(text: str, start: int = 0, end: int | None = None) -> list[Span]:
    """Sentence spans of text[start:end] with surrounding whitespace excluded."""
    end = len(text) if end is None else end
    spans = []
    pos = start
    while pos < end:
        if text[pos].isspace():
            pos += 1
            continue
        m = _SENTENCE.match(text, pos, end)
        stop = m.end() if m and m.end() > pos else end
        s, e = pos, stop
        while s < e and text[s].isspace():
            s += 1
        while e > s and text[e - 1].isspace():
            e -= 1
        if e > s:
            spans.append(Span(s, e))
        pos = stop if stop > pos else pos + 1
    return spans
