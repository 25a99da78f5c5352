"""The question in the articles' language, written by the chat model, for a second search.

An English question over Chinese articles shares no words with them: keyword search finds only
what the glossary and pinyin names give (`qa.text.glossary`), and a small multilingual embedder
tells Chinese passages apart poorly across languages. With a chat model, one short extra call
renders the question in the articles' language (prompts/cross_language.txt), and both questions
are searched; `qa.ask` fuses the two lists. RAGFlow's cross-language search does the same
(its `cross_languages` step translates the query before retrieval). The call goes through the
model passed in, so a `qa.cache.CachedChat` caches it like every other LLM call.
"""

from __future__ import annotations

import re

from qa.answer.llm import THINK
from qa.prompts import fill, load_prompt
from qa.text import lexicon
from qa.text.questions import has_words

LANGUAGE_NAMES = {"zh": "Simplified Chinese", "en": "English"}  # qa.text.cjk.language's codes
MAX_TOKENS = 120  # a question, not an answer


def rendering_messages(question: str, language: str) -> list[dict[str, str]]:
    return [{"role": "user", "content": fill(load_prompt("cross_language"), question=question,
                                             language=LANGUAGE_NAMES.get(language, language))}]


def rendering(question: str, language: str, llm) -> tuple[str, dict | None]:
    """(`question` in `language` (a `qa.text.cjk.language` code) as the model writes it, the call's
    token usage); "" when the reply is no question (empty, or far longer than the question: an
    answer, not a rendering)."""
    completion = llm.complete(rendering_messages(question, language), max_tokens=MAX_TOKENS)
    usage = getattr(completion, "usage", None)
    reply = THINK.sub("", completion.text)
    line = next((s.strip() for s in reply.splitlines() if s.strip()), "")
    line = lexicon.regex("condense_label", re.I).sub("", line).strip().strip("\"'“”「」‘’`").strip()
    return (line if has_words(line) and len(line) <= 3 * len(question) + 40 else ""), usage


__all__ = ["LANGUAGE_NAMES", "rendering", "rendering_messages"]
