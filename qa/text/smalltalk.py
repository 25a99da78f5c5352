"""Lines that ask nothing of the articles: greetings, thanks, test words, bare commands.

`nothing_to_answer` gives the reason `qa` refuses such a line ("ask a question about the
articles", in the line's language) or "" for a question: any passage is as near to "hello" as
another, and the answerer would quote the nearest with confidence (dense similarity rates any
English line against a Chinese sentence at about 0.8). `leaves_chat` tells the chat that a line
is one exit word ("exit", "quit", "bye", 再见), which leaves it like /quit.

The words are data (`small_talk` and `exit_word` in qa/text/lexicon/*.toml); a line matches only
when it is made of them entirely, so "test results of the plan?" is a question. Lines are folded
first (`qa.text.cjk.fold`: case, width, Traditional characters), so each word is written once.
"""

from __future__ import annotations

import re

from qa.text import lexicon
from qa.text.cjk import fold, reply_language

__all__ = ["leaves_chat", "nothing_to_answer"]

# The reason, by the language `qa` replies in (`qa.text.cjk.reply_language`): what `qa` answers.
REASONS = {
    "en": "nothing to answer: ask a question about the articles",
    "zh": "没有要回答的问题：请就文章的内容提问",
    "zh-Hant": "沒有要回答的問題：請就文章的內容提問",
}
# Longer than any run of small-talk words a person types; checked no further (and no regex run
# over a pasted page).
_LONGEST = 60


def _matches(pattern, line: str) -> bool:
    text = line.strip()
    return 0 < len(text) <= _LONGEST and bool(pattern.fullmatch(fold(text)))


def nothing_to_answer(question: str) -> str:
    """The reason `question` is refused unanswered (it holds only small-talk and exit words), or ""."""
    if not _matches(lexicon.regex("small_talk_line", re.I), question):
        return ""
    return REASONS.get(reply_language(question), REASONS["en"])


def leaves_chat(line: str) -> bool:
    """Is `line` one exit word typed alone ("exit", "quit", "bye", "再见"), meant as /quit?"""
    return _matches(lexicon.regex("exit_line", re.I), line)
