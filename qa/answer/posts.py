"""Short answers to questions asking the post someone held (1998年6月至2000年4月，蒋巨峰担任什么
职务? over "1998年6月至2000年4月任中共温州市委书记。" -> 中共温州市委书记). A biography writes the
post after a verb of taking it (任, 升任, 署理), rarely with the question's own verb (担任) or its
noun (职务) around it, so the question's words do not place the answer as `qa.answer.short` places
most; the verb does. The first such verb of the quote's clause starts the span, which runs to the
clause's end (a list of posts, 九江推官、西华知县, is one answer) without a trailing 一职 or 等职.
The question forms, verbs and tails are data (`qa/text/lexicon/zh.toml`, "short answers")."""

from __future__ import annotations

import re

from qa.answer.spans import trim
from qa.text import lexicon

__all__ = ["asks_post", "deputy_only", "deputy_unsaid", "post", "unnamed_holder"]

_POST_Q = lexicon.regex("post_q")
_POST_VERB = lexicon.regex("post_verb")
_POST_TAIL = tuple(lexicon.words("post_tail"))
_CLAUSE_END = lexicon.regex("clause_end")
_YEAR = re.compile(r"\d{4}")  # a year as digits: the quote must be of the time asked
_DEPUTY = lexicon.alternation("deputy_prefix")


def asks_post(question: str) -> bool:
    return bool(_POST_Q.search(question))


def post(question: str, text: str, limit: int) -> tuple[int, int] | None:
    """The post `text` says was taken (see the module doc), if at most `limit` characters and not
    begun with the question's words (现任总裁兼首席执行长是…, asked of another post); None when the
    sentence lacks a year the question names (1982年，…担任什么职务: another time's post)."""
    if any(y not in text for y in _YEAR.findall(question)):
        return None
    for verb in _POST_VERB.finditer(text):
        stop = _CLAUSE_END.search(text, verb.end())
        start, end = trim(text, verb.end(), stop.start() if stop else len(text))
        tail = next((w for w in _POST_TAIL if text.endswith(w, start, end)), "")
        start, end = trim(text, start, end - len(tail))
        if 1 < end - start <= limit and text[start:start + 2] not in question:
            return start, end
    return None


def deputy_only(question: str, word: str, text: str) -> bool:
    """Does `text` write the post `word` (主任, 院长) only as a deputy's (副主任, 常务副主任) while the
    question asks the post itself? "黑河自贸片区管委会主任是谁？" was answered 张其军 at support 1.0
    from "管委会副主任张其军": the deputy is another person. A question asking the deputy (区委副书记是谁)
    or text naming the post itself anywhere (常务副主任、研究中心主任李远清) is no such case."""
    at = question.find(word)
    if at < 0 or word not in text or re.search(f"(?:{_DEPUTY})$", question[:at]):
        return False
    return word not in re.sub(f"(?:{_DEPUTY}){re.escape(word)}", "", text)


def deputy_unsaid(question: str, word: str, text: str) -> bool:
    """Does the question ask a deputy (副局长: `deputy_prefix` before the post `word`) that `text`
    never writes, naming the post itself (局长杜小博)? The other way round from `deputy_only`: the
    focus word is read as the post (局长), which the text holds, so "新华区发展和改革局副局长是谁？" was
    answered 0.99 with the 局长's name; the head of an office is another person than its deputy."""
    at = question.find(word)
    deputy = re.search(f"(?:{_DEPUTY})$", question[:at]) if at > 0 else None
    return bool(deputy) and word in text and deputy.group(0) + word not in text


def unnamed_holder(question: str, word: str, text: str) -> bool:
    """Does `text` write the post `word` a who-question asks the holder of (负责人, 主任: `role`)
    only right before a verb of speaking (`anonymous_speech`: 有关司局负责人介绍, 相关负责人表示), where
    a named holder's name stands between (区委副书记许心超介绍)? "向记者介绍…的那位金融监管总局司局负责人
    叫什么名字？" was answered 0.52 with "金融监管总局有关司局负责人介绍,《办法》…": the speaker is
    unnamed. The English counterpart is `qa.answer.doers.holderless`."""
    if word not in lexicon.words("role") or word not in text or not lexicon.regex("who_q").search(question):
        return False
    speech = lexicon.alternation("anonymous_speech")
    return not re.sub(re.escape(word) + f"(?={speech})", "", text).count(word)
