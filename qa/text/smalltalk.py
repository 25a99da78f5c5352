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
from qa.text.cjk import CJK, fold, reply_language
from qa.text.questions import ASKING_WORDS

__all__ = ["SEARCH_WORDS", "follows_nothing", "keyword_list", "leaves_chat", "nothing_to_answer"]

# The reason, by the language `qa` replies in (`qa.text.cjk.reply_language`): what `qa` answers.
REASONS = {
    "en": "nothing to answer: ask a question about the articles",
    "zh": "没有要回答的问题：请就文章的内容提问",
    "zh-Hant": "沒有要回答的問題：請就文章的內容提問",
}
# The reason for a line of search words (`keyword_list`): it names what it is about, so the person
# is told how to ask it rather than to ask about the articles.
SEARCH_WORDS = {
    "en": "search words, not a question: ask it whole (what, how many, when, where, who)",
    "zh": "这像是一串搜索词，不是问题：请写成完整的问题（如“……是多少？”“……在哪里？”）",
    "zh-Hant": "這像是一串搜尋詞，不是問題：請寫成完整的問題（如「……是多少？」「……在哪裡？」）",
}
# Longer than any run of small-talk words a person types; checked no further (and no regex run
# over a pasted page).
_LONGEST = 60


def _matches(pattern, line: str) -> bool:
    text = line.strip()
    return 0 < len(text) <= _LONGEST and bool(pattern.fullmatch(fold(text)))


def nothing_to_answer(question: str) -> str:
    """The reason `question` is refused unanswered (it holds only small-talk and exit words, or
    lists search words: `keyword_list`), or ""."""
    if _matches(lexicon.regex("small_talk_line", re.I), question):
        reasons = REASONS
    elif keyword_list(question):
        reasons = SEARCH_WORDS
    else:
        return ""
    return reasons.get(reply_language(question), reasons["en"])


def keyword_list(question: str) -> bool:
    """Is `question` Chinese words spaced apart with no asking word but a question mark ("脑机接口
    的 的 的 ？？", "黑河 石家庄 2022 256")? Chinese is written without spaces, so such a line lists
    search words and asks nothing of them: the answerer quoted the sentence holding most of them at
    support 1.00. A spaced line that asks ("洛拉·帕尼亚尼 会讲哪些语言？") is a question."""
    text = fold(question.strip())
    # read first without the Han set, which takes ~7 ms to compile: only a Chinese line with a space
    if not 0 < len(text) <= _LONGEST or not any(c.isspace() for c in text) or not CJK.search(text) \
            or not lexicon.regex("spaced_words").search(text):
        return False
    mark = lexicon.regex("question_mark")
    return all(mark.match(w) for w in ASKING_WORDS.findall(text))


# A follow-up's ellipsis asked with nothing before it (`qa ask`, or a chat's first turn, or one
# its rewrite could not complete): what it is about is the last question's, which there is none of.
FOLLOW_UP = {
    "en": "a follow-up with nothing before it: ask the whole question (qa chat keeps the conversation)",
    "zh": "这像是接着上一个问题的追问，但没有上一个问题：请把问题问完整（qa chat 会记住上文）",
    "zh-Hant": "這像是接著上一個問題的追問，但沒有上一個問題：請把問題問完整（qa chat 會記住上文）",
}
_LONGEST_ELLIPSIS = 8  # characters of a bare "X呢?": a name or a time (上海, 2027年之后), no attribute asked


def follows_nothing(question: str) -> str:
    """The reason `question` is refused when it is a bare follow-up ("那上海呢?", "2027年之后呢?",
    "what about Shanghai?", "and then?") with no earlier question to complete it, or "". Such a
    line names something but asks nothing of it: the answerer quoted the nearest sentence about
    上海 at support 1.00; nor does one of question words, pronouns and particles alone ("在哪里?",
    "具体是多少?": the seed quoted a customs sentence for 在哪里 at support 1.00, `empty_ask`). One
    that names what is asked ("上海的人口呢?", "签约率呢?", "what about the budget?") is a
    question of its own and is left to the answerer. The shapes are the chat's
    (`ellipsis`, `worded_ellipsis`), the attribute words its rewrite completes an ellipsis with."""
    text = fold(question.strip())
    if not 0 < len(text) <= _LONGEST:
        return ""
    if lexicon.regex("empty_ask").match(text):  # "在哪里?", "具体是多少?": what is asked of is the last question's
        bare = True
    elif m := lexicon.regex("ellipsis").match(text):
        x = m.group("x").strip(" ,，")
        attribute = any(lexicon.regex(name).search(x) for name in _ATTRIBUTES)
        bare = len(x) <= _LONGEST_ELLIPSIS and "的" not in x and not attribute and not ASKING_WORDS.search(x)
    elif m := lexicon.regex("worded_ellipsis", re.I).match(question.strip()):  # as typed: capitals mark names
        stop = set(lexicon.words("stop_word")) | set(lexicon.words("sentence_opener"))
        # names and function words only ("Shanghai", "then", "that"): nothing asked of them
        bare = all(w[0].isupper() or w.lower() in stop for w in _WORD.findall(m.group("x") or m.group("y") or ""))
    else:
        return ""
    return FOLLOW_UP.get(reply_language(question), FOLLOW_UP["en"]) if bare else ""


_ATTRIBUTES = ("quantity_attribute", "time_attribute", "name_attribute", "role_attribute")
_WORD = re.compile(r"[^\W\d_][\w'-]*")


def leaves_chat(line: str) -> bool:
    """Is `line` one exit word typed alone ("exit", "quit", "bye", "再见"), meant as /quit?"""
    return _matches(lexicon.regex("exit_line", re.I), line)
