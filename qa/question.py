"""What a question may look like before it reaches retrieval."""

from __future__ import annotations

import re
import unicodedata

from qa.errors import InputError

# Control characters (C0, C1, and Unicode format characters such as bidi overrides) are stripped:
# they are invisible in a terminal and can smuggle text into prompts.
_CONTROL = re.compile(r"[\x00-\x08\x0b-\x1f\x7f-\x9f]")


def clean_question(question: str, limit: int) -> tuple[str, str]:
    """Return (question, notice): control characters stripped, whitespace collapsed, and text
    beyond `limit` characters cut off (the notice says so). An empty question is an InputError."""
    text = _CONTROL.sub(" ", question)
    text = "".join(ch for ch in text if unicodedata.category(ch) != "Cf")
    text = " ".join(text.split())
    if not text:
        raise InputError("the question is empty")
    notice = ""
    if limit and len(text) > limit:
        notice = f"the question was {len(text)} characters; only the first {limit} were used (QA_MAX_QUESTION_CHARS)"
        text = text[:limit]
    return text, notice
