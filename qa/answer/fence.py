"""The fence of a short answer (`qa.answer.short`): where a question word's place is in a
sentence that says the question's words around it. A question asks with one question word, and a
sentence that answers it usually says the same thing with the answer in that word's place:
"生命数耗完即算为什么" -> "生命数耗完即算为踢爆". So the words just before the question word (the
longest end of them found in the sentence) and just after it (the longest start of them, found
after that) fence the answer (`aligned`). The words are data (`qa/text/lexicon/zh.toml`, "short
answers"); matching is on folded text (`qa.text.cjk.fold`).
"""

from __future__ import annotations

import re

from qa.answer.spans import EDGE, beside, clause_start, noun, strip_end, trim
from qa.text import lexicon
from qa.text.questions import question_terms

__all__ = ["aligned"]

_CLAUSE_END = lexicon.regex("clause_end")
_WHAT = set(lexicon.words("what_q"))
_LISTING = set(lexicon.words("list_q"))
_WHAT_TUPLE = tuple(_WHAT)
_AFTER_JOIN = lexicon.words("after_join")
_NAMING = set(lexicon.words("naming_word"))
_NAMING_LONGEST = sorted(_NAMING, key=lambda w: (-len(w), w))  # a set's order varies by run
_COLON = tuple(lexicon.words("colon"))
_OPEN = tuple(lexicon.words("term_open"))
_COPULA = tuple(lexicon.words("naming_copula"))


def aligned(q: str, asked: re.Match, text: str) -> tuple[int, int] | None:
    """Where the question word's place is in `text`: after the longest end of the words before it
    that `text` holds, and before the longest start of the words after it (or the clause's end).
    The words a question joins its question word with (是, 为, 在) are left out of the match: the
    sentence may join its answer with another. After 哪所/哪个, the noun is part of the answer
    (哪所大学 -> 中兴大学)."""
    before, after = beside(q, asked)
    before = strip_end(before)
    joined = next((w for w in _AFTER_JOIN if after.startswith(w)), "")
    if joined and len(after) - len(joined) >= 2 and asked.group(0) not in ("谁",) + _WHAT_TUPLE:
        after = after[len(joined):]  # 哪个国家的赛车手 over "葡萄牙F1赛车手": 的 joins, the sentence may not
    asked_name = next((w for w in _NAMING_LONGEST if before.endswith(w)), "")
    said_name = min((w for w in _NAMING_LONGEST if w in text), key=lambda w: (text.find(w), -len(w)), default="")
    if asked_name and said_name and asked_name not in text:
        before = before[:-len(asked_name)] + said_name  # 又叫什么 over "…，又名凉茶店": one naming word for another
    keep_noun = asked.group(0).startswith("哪") and len(asked.group(0)) <= 2
    what = asked.group(0) in _WHAT  # 什么样的球 -> 下旋球: the noun the sentence writes after the answer is kept
    best = None
    for k in range(len(before), 0, -1):
        for m in re.finditer(re.escape(before[-k:]), text):
            a = m.end()
            if text.startswith(_COLON, a) and not text.startswith(_OPEN, a + 1):
                a += 1  # 简称：DQ, 包含两个族：A、B; not 说：「…」, an utterance
            stop = _CLAUSE_END.search(text, a)
            limit = stop.start() if stop else len(text)
            b, got = limit, 0
            for j in range(len(after), 0, -1):
                at = text.find(after[:j], a + (not what and not keep_noun), limit + j)
                if at >= 0 and (j >= 2 or j == len(after)):
                    b, got = at, j
                    break
            if after and not got and keep_noun and k >= 2 and after == after[:noun(after)]:
                b, got = limit, 0  # only the asked noun follows (分布在哪些地区): the clause is the list
            elif (after and not got) or k + got < min(2 if _named(before, k, after, text[:m.start()])
                                                      or _copular(q[:asked.start()], asked, k, after, text, a) else 3,
                                                      len(before) + len(after)):
                continue  # the words after the question word are not in this clause
            kept = noun(after[:got])
            if keep_noun and asked.group(0) in _LISTING and 0 < kept < got:
                kept = 0  # 哪些原则 over "…、风险隔离原则": the noun cut at 则 is no part of the list
            end = b + kept if keep_noun or (what and _noun_follows(after[:got], text, b)) else b
            span = (a, end)
            if got and got == noun(after) and (keep_noun or what) and not _content(text, a, b):
                span = _labelled(text, b + got, after[got:], limit)  # 从师于漫画家田河水泡: the noun labels the answer
            score = (k + got, -(b - a))
            if best is None or score > best[0]:
                best = (score, span)
        if best is not None:
            return best[1]
    if len(after) >= 2:  # nothing before it matched: the clause up to the words after it...
        said = [t for t in question_terms(before) if len(t) > 1]
        for j in range(len(after), 1, -1):
            at = text.find(after[:j])
            if at > 0:
                start = clause_start(text, at)
                if keep_noun and said and not any(t in text[start:at] for t in said):
                    return None  # a noun (地区, 大学) is no anchor alone: the clause must say what the question does
                return start, at + (noun(after[:j]) if keep_noun else 0)
    return None


def _content(text: str, a: int, b: int) -> bool:
    start, end = trim(text, a, b)
    return end > start


def _labelled(text: str, a: int, rest: str, limit: int) -> tuple[int, int]:
    """The answer after the noun a question asks by (哪位漫画家) where the sentence writes that noun
    right where the question word stood, as a label before it: up to the question's next words
    (参加综艺节目《奔跑吧兄弟》而走红 -> 《奔跑吧兄弟》) or the clause's end."""
    stop = _CLAUSE_END.search(text, a)
    end = stop.start() if stop else len(text)
    at = text.find(rest[:2], a, end) if len(rest) >= 2 else -1
    return a, at if at > a else end


def _named(before: str, k: int, after: str, earlier: str) -> bool:
    """Two characters are anchor enough when they are a naming word (别名, 简称), the question ends
    with its question word, and the sentence says whose name it is before them with no other name
    of that kind between (刘六本名刘宠、刘七本名刘宸: 刘六's is the first; 蓝线裸顶鲷，又称蓝线白𫚭，
    俗名龙尖: the 俗名 is 蓝线裸顶鲷's): the answer follows them."""
    if after or before[-k:] not in _NAMING:
        return False
    whose = strip_end(before[:-k])
    at = earlier.rfind(whose) if whose else -1
    return at >= 0 and before[-k:] not in earlier[at:]


def _copular(asking: str, asked: re.Match, k: int, after: str, text: str, a: int) -> bool:
    """Two characters are anchor enough when the question ends "N是谁" and the sentence writes the
    same copula right after them: "N是X" says who N is (目前社长是藤岛茱莉景子 for J Storm公司目前的
    社长是谁). Not for 是什么: two characters of a noun (职业, 原理) stand in other sentences of the
    article about other things (雨森教授的秘书)."""
    if after or k < 2 or asked.group(0) != "谁":
        return False
    copula = next((w for w in _COPULA if asking.endswith(w)), "")
    return bool(copula) and text.startswith(copula, a)


def _noun_follows(after: str, text: str, b: int) -> bool:
    """Does the sentence write the noun the question puts after 什么 right after the answer, with
    nothing between (下旋球, 碱性, 奇穆王国; not 多仓联动”运营模式 or 浪漫喜剧的方式)? The noun is
    what `noun` reads, and it must end where the question's words stop or at a joining word (什么
    入围第53届 is a verb phrase, not a noun)."""
    n = noun(after)
    return bool(n) and b > 0 and text[b - 1] not in EDGE and text[b - 1].isalnum() and (n == len(after) or after[n] in EDGE)
